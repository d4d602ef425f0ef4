"""The xlsx reader's own bounds: a cell at Excel's 32,767 characters, a form at 10 MB, merged ranges."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.model import Form
from jixiao_desktop.exporters.xlsx import XlsxImportError, import_xlsx
from tests.hostile import builders as b

DEPT = "北京市西城区人民政府牛街街道办事处"


@pytest.fixture(scope="module")
def workbook() -> bytes:
    return b.export_bytes(exchange.load(Path(__file__).parents[1] / "fixtures" / "niujie-2021.json"))


def _import(data: bytes, tmp_path: Path) -> Form:
    path = tmp_path / "f.xlsx"
    path.write_bytes(data)
    return import_xlsx(path)


def _refused(data: bytes, tmp_path: Path, *words: str) -> str:
    with pytest.raises(XlsxImportError) as info:
        _import(data, tmp_path)
    message = str(info.value)
    for word in words:
        assert word in message, message
    return message


def test_cell_over_excel_limit_refused(workbook: bytes, tmp_path: Path) -> None:
    data = b.with_cell_text(workbook, DEPT, "单" * 32_768)
    _refused(data, tmp_path, "单元格 B3", "32768 个字符", "32767")


def test_cell_at_excel_limit_read(workbook: bytes, tmp_path: Path) -> None:
    data = b.with_cell_text(workbook, DEPT, "单" * 32_767)
    assert _import(data, tmp_path).department == "单" * 32_767


def test_form_cap_applies_to_import(niujie: Form, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "f.xlsx"
    from jixiao_desktop.exporters.xlsx import export_xlsx

    # 600 KB of varied text (as a clerk's is), split by the exporter into continuation rows. One
    # character repeated would be written by openpyxl over lxml as 1.6 MB of "&#23383;" that
    # deflates 159-fold: refused as a compression bomb, which is not what this test is about.
    niujie.goals = "".join(chr(0x4E00 + (i * 7919) % 20_000) for i in range(200_000))
    export_xlsx(niujie, path)
    assert import_xlsx(path).goals == niujie.goals
    monkeypatch.setattr(exchange, "MAX_FILE_BYTES", 500_000)
    with pytest.raises(XlsxImportError, match="申报表内容过大"):
        import_xlsx(path)


def _replace_a_merge(sheet: bytes, into: bytes) -> bytes:
    """The sheet with one of its ordinary merges (B:C of a text row) replaced by ``into``."""
    out, n = re.subn(rb'<mergeCell ref="B\d+:C\d+" />', lambda _: into, sheet, count=1)
    assert n == 1
    return out


@pytest.mark.parametrize("ref", ["A1:XFD1048576", "$A$1:$XFD$1048576", "A:XFD", "1:1048576", "A1:P70000"])
def test_merged_range_bomb_refused(ref: str, workbook: bytes, tmp_path: Path) -> None:
    members = b.members_of(workbook)
    members[b.SHEET] = _replace_a_merge(members[b.SHEET], f'<mergeCell ref="{ref}" />'.encode())
    _refused(b.zip_of(members), tmp_path, "合并了过多的单元格")


def test_many_small_merges_over_the_total_refused(workbook: bytes, tmp_path: Path) -> None:
    members = b.members_of(workbook)
    many = b"".join(f'<mergeCell ref="A{r}:P{r + 99}" />'.encode() for r in range(1, 70_000, 100))
    members[b.SHEET] = _replace_a_merge(members[b.SHEET], many)
    _refused(b.zip_of(members), tmp_path, "合并了过多的单元格")


def test_ordinary_merges_read(workbook: bytes, tmp_path: Path) -> None:
    assert _import(workbook, tmp_path).department == DEPT


def test_garbled_merge_reference_refused(workbook: bytes, tmp_path: Path) -> None:
    members = b.members_of(workbook)
    members[b.SHEET] = _replace_a_merge(members[b.SHEET], b'<mergeCell ref="B16:!!" />')
    _refused(b.zip_of(members), tmp_path, "合并单元格", "无法识别")


def test_bomb_refused_through_import(workbook: bytes, tmp_path: Path) -> None:
    import zipfile

    _refused(b.rezip(workbook, method=zipfile.ZIP_BZIP2), tmp_path, "bzip2", "未导入")
    _refused(b.bomb(40 * 1024 * 1024, base=workbook), tmp_path, "解压后过大")
