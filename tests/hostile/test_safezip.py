"""safezip: each refusal planted, and its near miss (a real workbook) accepted."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from jixiao_desktop import safezip
from jixiao_desktop.domain.model import Form
from jixiao_desktop.safezip import ArchiveError, Limits
from tests.hostile import builders as b

MiB = 1024 * 1024


@pytest.fixture(scope="module")
def workbook() -> bytes:
    from jixiao_desktop.domain import exchange
    from tests.conftest import NIUJIE

    return b.export_bytes(exchange.load(NIUJIE))


def _refused(data: bytes, *words: str, kind: str = safezip.KIND_WORKBOOK, limits: Limits | None = None) -> str:
    with pytest.raises(ArchiveError) as info:
        safezip.read_archive(data, kind=kind, limits=limits)
    message = str(info.value)
    assert "\n" not in message
    for word in words:
        assert word in message, message
    return message


def test_real_workbook_read_whole(workbook: bytes) -> None:
    members = safezip.read_archive(workbook)
    assert members == b.members_of(workbook)
    safezip.check_archive(workbook)


def test_safe_copy_is_the_same_workbook_stored(workbook: bytes) -> None:
    copy = safezip.safe_copy(workbook)
    with zipfile.ZipFile(copy) as zf:
        assert {i.compress_type for i in zf.infolist()} == {zipfile.ZIP_STORED}
        assert {i.filename: zf.read(i) for i in zf.infolist()} == b.members_of(workbook)


def test_check_archive_takes_a_path(workbook: bytes, tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    path.write_bytes(workbook)
    safezip.check_archive(path)
    path.write_bytes(b.bomb(40 * MiB, base=workbook))
    with pytest.raises(ArchiveError, match="解压后过大（超过 32 MB）"):
        safezip.check_archive(path)


@pytest.mark.parametrize("method", [zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])
def test_bzip2_and_lzma_refused_however_small(method: int, workbook: bytes) -> None:
    message = _refused(b.rezip(workbook, method=method), "压缩方式", "Deflate", "未导入")
    assert ("bzip2" if method == zipfile.ZIP_BZIP2 else "LZMA") in message


@pytest.mark.parametrize("method,name", [(9, "Deflate64"), (98, "PPMd"), (93, "Zstandard"), (77, "第 77 种")])
def test_other_methods_refused_by_name(method: int, name: str, workbook: bytes) -> None:
    _refused(b.method_id(workbook, b.SHEET, method), name, "压缩方式")


def test_stored_and_deflate_accepted(workbook: bytes) -> None:
    safezip.read_archive(b.rezip(workbook, method=zipfile.ZIP_STORED))
    safezip.read_archive(b.rezip(workbook, method=zipfile.ZIP_DEFLATED))


def test_high_ratio_refused_near_miss_accepted(workbook: bytes) -> None:
    # 8 MiB of one byte deflates ~1000×: a bomb; the same size of varied text is a workbook.
    _refused(b.bomb(8 * MiB, base=workbook), "压缩比异常", "压缩炸弹")
    import random

    rng = random.Random(7)
    varied = "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(700_000)).encode()
    safezip.read_archive(b.rezip(workbook, add={"xl/big.xml": varied}))


def test_small_member_not_held_to_ratio(workbook: bytes) -> None:
    safezip.read_archive(b.rezip(workbook, add={"xl/zeros.bin": bytes(900_000)}))


def test_declared_size_over_the_member_cap(workbook: bytes) -> None:
    _refused(b.declared_size(workbook, b.SHEET, 3 * 2**30), "解压后过大", "32 MB")


def test_declared_total_over_the_cap(workbook: bytes) -> None:
    limits = Limits(max_member_bytes=MiB, max_total_bytes=2 * MiB, ratio_floor=10 * MiB)
    rng = __import__("random").Random(1)
    parts = {f"xl/p{i}.bin": rng.randbytes(900_000) for i in range(3)}
    _refused(b.rezip(workbook, add=parts), "解压后过大（超过 2.0 MB）", limits=limits)
    safezip.read_archive(b.rezip(workbook, add=dict(list(parts.items())[:2])), limits=limits)


def test_declared_size_lie_does_not_inflate_more(workbook: bytes) -> None:
    # A member that declares 10 bytes but holds 5 MiB: zipfile stops at 10 and the CRC fails.
    data = b.declared_size(b.bomb(5 * MiB, base=workbook, name="xl/x.bin"), "xl/x.bin", 10)
    _refused(data, "已损坏", "xl/x.bin")


def test_open_member_caps_actual_bytes() -> None:
    data = b.zip_of({"a.xml": b"x" * 300_000}, method=zipfile.ZIP_DEFLATED)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert len(safezip.open_member(zf, "a.xml", 300_000)) == 300_000
        with pytest.raises(ArchiveError, match="解压后过大"):
            safezip.open_member(zf, "a.xml", 299_999)


def test_many_members_refused_near_miss_accepted(workbook: bytes) -> None:
    _refused(b.many_members(1001, base=workbook), "部件", "上限 1000")
    safezip.read_archive(b.many_members(900, base=workbook))


def test_huge_directory_refused_before_zipfile_reads_it() -> None:
    # An end record that claims 65534 entries in a 300 MB directory: refused from 22 bytes.
    tail = b"PK\x05\x06" + bytes(4) + (65534).to_bytes(2, "little") * 2 + (300 * MiB).to_bytes(4, "little") \
        + bytes(6)
    _refused(b"PK\x03\x04" + bytes(100) + tail, "65534 个部件")


def test_nested_zips_are_not_opened(workbook: bytes) -> None:
    nested = b.nested_zip(20, b.bomb(20 * MiB))
    members = safezip.read_archive(b.rezip(workbook, add={"xl/embeddings/x.xlsx": nested}))
    assert len(members["xl/embeddings/x.xlsx"]) < MiB  # kept as bytes, never inflated


@pytest.mark.parametrize("name", ["../evil.xml", "/etc/x.xml", "C:/x.xml", "xl\\x.xml", "xl//x.xml",
                                  "xl/./x.xml", "/".join(["d"] * 20) + ".xml"])
def test_odd_paths_refused(name: str, workbook: bytes) -> None:
    _refused(b.path_members(workbook, name), "异常的部件路径")


def test_ordinary_nested_folders_accepted(workbook: bytes) -> None:
    safezip.read_archive(b.path_members(workbook, "customXml/item1/props/a.xml"))


def test_duplicate_names_refused(workbook: bytes) -> None:
    members = list(b.members_of(workbook).items())
    _refused(b.zip_of(members + [(b.SHEET, b"<x/>")]), "重名", b.SHEET)
    _refused(b.zip_of(members + [(b.SHEET.upper(), b"<x/>")]), "重名")


def test_encrypted_member_refused(workbook: bytes) -> None:
    _refused(b.encrypted(workbook, b.SHEET), "已加密")


def test_overlapping_members_refused(workbook: bytes) -> None:
    _refused(b.overlapping(workbook), "重叠")


@pytest.mark.parametrize("xml", [b.BILLION_LAUGHS, b.XXE, b.XXE_PARAMETER, b.QUADRATIC])
def test_dtd_refused_in_every_encoding(xml: str, workbook: bytes) -> None:
    _refused(b.rezip(workbook, replace={b.SHEET: xml.encode()}), "DTD", b.SHEET)
    _refused(b.rezip(workbook, replace={b.SHEET: b"\xef\xbb\xbf" + xml.encode()}), "DTD")
    _refused(b.rezip(workbook, replace={b.SHEET: b.utf16(xml)}), "DTD")
    commented = xml.replace("?>", "?><!-- 说明 --><?pi x?>\n", 1)
    _refused(b.rezip(workbook, replace={b.SHEET: commented.encode()}), "DTD")


def test_doctype_word_inside_text_is_fine(workbook: bytes) -> None:
    xml = f'<?xml version="1.0"?><worksheet xmlns="{b.NS}"><!-- <!DOCTYPE --><sheetData/></worksheet>'
    safezip.read_archive(b.rezip(workbook, replace={b.SHEET: xml.encode()}))


def test_endless_prolog_refused(workbook: bytes) -> None:
    import random

    rng = random.Random(3)
    xml = '<?xml version="1.0"?><!--' + "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(MiB))
    _refused(b.rezip(workbook, replace={b.SHEET: xml.encode()}), "开头异常")


def test_element_count_bounded(workbook: bytes) -> None:
    limits = Limits(max_xml_elements=5000)
    _refused(b.rezip(workbook, add={"xl/many.xml": b"<a>" + b"<b/>" * 6000 + b"</a>"}), "XML 元素",
             limits=limits)
    safezip.read_archive(b.rezip(workbook, add={"xl/many.xml": b"<a>" + b"<b/>" * 100 + b"</a>"}),
                         limits=limits)


@pytest.mark.parametrize("cut", [10, 100, 1000, -200, -30, -1])
def test_truncated_refused(cut: int, workbook: bytes) -> None:
    _refused(workbook[:cut], "未导入") if cut > 0 else _refused(workbook[:cut])


def test_not_a_zip_and_old_office_said_so() -> None:
    assert "不是 zip" in _refused(b"hello world" * 10)
    assert "旧版 Office" in _refused(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert "0 字节" in _refused(b"")


def test_file_too_large_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.xlsx"
    with path.open("wb") as fh:
        fh.truncate(21 * MiB)  # sparse: nothing is read
    with pytest.raises(ArchiveError, match="文件过大"):
        safezip.check_archive(path)


def test_document_kind_in_messages() -> None:
    message = _refused(b"xx", kind=safezip.KIND_DOCUMENT)
    assert "Word 文档（.docx）" in message


def test_parse_xml_defused(workbook: bytes) -> None:
    root = safezip.parse_xml(b.members_of(workbook)[b.SHEET], name=b.SHEET)
    assert root.tag.endswith("worksheet")
    for xml in (b.BILLION_LAUGHS, b.XXE):
        with pytest.raises(ArchiveError, match="DTD"):
            safezip.parse_xml(xml.encode(), name=b.SHEET)
    with pytest.raises(ArchiveError, match="不是有效的 XML"):
        safezip.parse_xml(b"<a><b></a>", name="x.xml")


def test_module_imports_no_qt_or_openpyxl() -> None:
    import subprocess
    import sys

    code = ("import sys, jixiao_desktop.safezip; "
            "print([m for m in sys.modules if m.split('.')[0] in ('PySide6', 'openpyxl')])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_form_fixture_unused(niujie: Form) -> None:
    # The module fixture builds from the same file: a real export is the near miss of everything.
    safezip.read_archive(b.export_bytes(niujie))


def test_a_zip_version_python_cannot_read_is_refused(workbook: bytes) -> None:
    """A central directory entry needing "zip version 21.1" (one garbled byte): zipfile raises
    NotImplementedError, which must be a refusal in Chinese, not a crash."""
    at = workbook.index(b"PK\x01\x02") + 6  # the first entry's "version needed to extract"
    garbled = workbook[:at] + (211).to_bytes(2, "little") + workbook[at + 2:]
    _refused(garbled, "压缩包目录无法读取")
