"""Bounded reading of Office Open XML packages (.xlsx workbooks, .docx documents).

An OOXML file is a zip archive of XML parts. Opening one with a library directly trusts
whatever it declares: an 18 KB workbook with bzip2 members inflates to 2 GiB, a central
directory can list a million members, an XML part can declare entities that expand a
billion times or fetch an external file. This module is the one gate every importer goes
through before a library parses anything:

1. ``check_archive(path, kind=…)`` reads only the file's size and its central directory and
   refuses: a file too large to be a form, a directory too large or with too many members,
   a member whose declared size, the total, or the compression ratio is too high,
   compression methods other than stored/deflate (bzip2, lzma, … are what bombs use and
   Office never writes), encrypted members, duplicate names, absolute or ``..`` paths,
   members that overlap each other in the archive.
2. ``read_archive(path, kind=…)`` does the check, then inflates every member through
   ``open_member`` with a streaming cap on the bytes actually produced (declared sizes are
   never trusted), and refuses any XML part that has a DTD (entity bombs and external
   entities need one; Office never writes one) or an absurd number of elements.
3. ``safe_copy(path, kind=…)`` returns those checked members as a fresh in-memory zip
   (stored, no compression) for a library that opens the zip itself (openpyxl,
   python-docx): its sizes are now the real, bounded ones.
4. ``parse_xml(data, name=…, kind=…)`` parses one part with defusedxml, DTDs forbidden.

Every refusal is an ``ArchiveError`` whose message is one Chinese line that does not name
the file (callers put the file name in front, as for every other import error). Nothing
here imports Qt or openpyxl.
"""

from __future__ import annotations

import io
import itertools
import os
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO, TYPE_CHECKING

from jixiao_desktop.errors import KnownError

if TYPE_CHECKING:  # pragma: no cover
    from xml.etree.ElementTree import Element

__all__ = [
    "DOCUMENT_LIMITS",
    "KIND_DOCUMENT",
    "KIND_WORKBOOK",
    "WORKBOOK_LIMITS",
    "ArchiveError",
    "Limits",
    "check_archive",
    "open_member",
    "parse_xml",
    "read_archive",
    "safe_copy",
    "stored_zip",
]

MiB = 1024 * 1024
KIND_WORKBOOK = "工作簿"
KIND_DOCUMENT = "文档"
_FORMAT_OF_KIND = {KIND_WORKBOOK: "Excel 工作簿（.xlsx）", KIND_DOCUMENT: "Word 文档（.docx）"}

_ALLOWED_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
_METHOD_NAMES = {zipfile.ZIP_BZIP2: "bzip2", zipfile.ZIP_LZMA: "LZMA", 9: "Deflate64", 6: "Implode",
                 1: "Shrink", 93: "Zstandard", 95: "XZ", 98: "PPMd", 99: "AES 加密"}
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_CHUNK = 64 * 1024
_EOCD = b"PK\x05\x06"
_EOCD64_LOCATOR = b"PK\x06\x07"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class ArchiveError(KnownError, ValueError):
    """An OOXML file refused before or while it was read; the message is one Chinese line."""


@dataclass(frozen=True)
class Limits:
    """What an importer accepts. Real forms are far below every figure.

    Attributes:
        max_file_bytes: the file itself (a form's workbook is a few dozen KB).
        max_members: members listed in the central directory.
        max_directory_bytes: size of the central directory.
        max_member_bytes: one member, inflated (declared and actual).
        max_total_bytes: all members together, inflated (declared and actual).
        max_ratio: inflated / compressed size of one member, once it exceeds ``ratio_floor``.
        ratio_floor: members smaller than this are not held to ``max_ratio``.
        max_xml_elements: element tags (``<`` counted) in all XML parts together: what a
            parser's tree costs in memory, whatever the bytes are.
    """

    max_file_bytes: int = 20 * MiB
    max_members: int = 1000
    max_directory_bytes: int = 1 * MiB
    max_member_bytes: int = 32 * MiB
    max_total_bytes: int = 64 * MiB
    max_ratio: int = 100
    ratio_floor: int = 1 * MiB
    max_xml_elements: int = 1_000_000


# A form's workbook: ≤ 10 MB of text (the exchange file's cap) in sharedStrings and a sheet.
WORKBOOK_LIMITS = Limits()
# A Word document may carry pictures: a larger file, the same bounds on inflated XML.
DOCUMENT_LIMITS = Limits(max_file_bytes=50 * MiB, max_total_bytes=96 * MiB)


def _mb(size: int) -> str:
    return f"{size / MiB:.0f}" if size >= 10 * MiB else f"{size / MiB:.1f}"


def shown_name(name: str) -> str:
    """A member name fit for a message: printable and short."""
    text = "".join(ch if ch.isprintable() else "?" for ch in name)
    return text if len(text) <= 60 else text[:57] + "…"


def malicious_hint(kind: str) -> str:
    return f"可能已损坏或是恶意文件，未导入（请用 Office 打开并另存为新的{_FORMAT_OF_KIND.get(kind, kind)}后再试）"


def _too_large(kind: str, limit: int) -> ArchiveError:
    return ArchiveError(f"这个{kind}解压后过大（超过 {_mb(limit)} MB），{malicious_hint(kind)}")


def corrupt_error(kind: str, detail: str) -> ArchiveError:
    return ArchiveError(f"这个{kind}已损坏或不完整（{detail}），无法读取，未导入")


# --- the central directory ------------------------------------------------------------


def _read_source(source: str | os.PathLike[str] | bytes, limits: Limits, kind: str) -> bytes:
    """The file's bytes, refusing a file too large to be a form before reading it."""
    if isinstance(source, bytes):
        data = source
    else:
        path = Path(source)
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise ArchiveError(f"这不是普通文件（可能是文件夹、管道或设备），不是{_FORMAT_OF_KIND.get(kind, kind)}")
        if info.st_size > limits.max_file_bytes:
            raise ArchiveError(
                f"文件过大（{_mb(info.st_size)} MB，上限 {_mb(limits.max_file_bytes)} MB），"
                f"申报表的{kind}一般只有几十 KB；{malicious_hint(kind)}")
        with path.open("rb") as fh:
            data = fh.read(limits.max_file_bytes + 1)
    if len(data) > limits.max_file_bytes:
        raise ArchiveError(
            f"文件过大（超过 {_mb(limits.max_file_bytes)} MB），申报表的{kind}一般只有几十 KB；{malicious_hint(kind)}")
    return data


def _not_a_package(data: bytes, kind: str) -> ArchiveError:
    fmt = _FORMAT_OF_KIND.get(kind, kind)
    if data.startswith(_OLE_MAGIC):
        return ArchiveError(f"文件是旧版 Office 格式（.xls/.doc）或设置了打开密码，不是{fmt}；"
                            "请在 Office 中另存为新格式（不设密码）后再导入")
    if not data:
        return ArchiveError(f"文件是空的（0 字节），不是{fmt}")
    return ArchiveError(f"文件不是{fmt}（不是 zip 压缩包），可能已损坏或是其他格式，未导入")


def _directory_size(data: bytes, limits: Limits, kind: str) -> None:
    """Read the end-of-central-directory record and refuse a huge directory before zipfile
    builds an object per entry."""
    tail_start = max(0, len(data) - (22 + 65535))
    pos = data.rfind(_EOCD, tail_start)
    if pos < 0 or len(data) - pos < 22:
        raise _not_a_package(data, kind)
    (_sig, _disk, _cd_disk, _n_disk, n_total, cd_size, _cd_offset, _comment) = struct.unpack(
        "<4s4H2LH", data[pos:pos + 22])
    if n_total == 0xFFFF or cd_size == 0xFFFFFFFF:  # zip64: the real figures are elsewhere
        loc = pos - 20
        if loc < 0 or data[loc:loc + 4] != _EOCD64_LOCATOR:
            raise corrupt_error(kind, "zip64 目录记录缺失")
        (_sig64, _disk64, rec_offset, _ndisks) = struct.unpack("<4sLQL", data[loc:loc + 20])
        if rec_offset + 56 > len(data):
            raise corrupt_error(kind, "zip64 目录记录越界")
        (_s, _rs, _v1, _v2, _d1, _d2, _n1, n_total, cd_size, _off) = struct.unpack(
            "<4sQ2H2L4Q", data[rec_offset:rec_offset + 56])
    if n_total > limits.max_members:
        raise ArchiveError(f"这个{kind}包含 {n_total} 个部件（上限 {limits.max_members}），{malicious_hint(kind)}")
    if cd_size > limits.max_directory_bytes:
        raise ArchiveError(
            f"这个{kind}的目录过大（{_mb(cd_size)} MB，上限 {_mb(limits.max_directory_bytes)} MB），{malicious_hint(kind)}")


_DRIVE = re.compile(r"^[A-Za-z]:")


def _bad_name(name: str) -> bool:
    if not name or len(name) > 1024 or "\x00" in name or "\\" in name:
        return True
    if name.startswith("/") or _DRIVE.match(name):
        return True
    parts = name.rstrip("/").split("/")
    return any(part in ("", ".", "..") for part in parts) or len(parts) > 16


def _check_infos(zf: zipfile.ZipFile, file_size: int, limits: Limits, kind: str) -> None:
    infos = zf.infolist()
    if len(infos) > limits.max_members:
        raise ArchiveError(f"这个{kind}包含 {len(infos)} 个部件（上限 {limits.max_members}），{malicious_hint(kind)}")
    seen: set[str] = set()
    total = 0
    spans: list[tuple[int, int, str]] = []
    for info in infos:
        name = info.filename
        if _bad_name(name):
            raise ArchiveError(f"这个{kind}中有异常的部件路径“{shown_name(name)}”，{malicious_hint(kind)}")
        folded = name.casefold()  # OPC part names are case-insensitive
        if folded in seen:
            raise ArchiveError(f"这个{kind}中有重名的部件“{shown_name(name)}”，文件结构异常，{malicious_hint(kind)}")
        seen.add(folded)
        if info.flag_bits & 0x1:
            raise ArchiveError(f"这个{kind}中的“{shown_name(name)}”已加密，无法读取；请取消密码、另存后再导入")
        if info.compress_type not in _ALLOWED_METHODS:
            method = _METHOD_NAMES.get(info.compress_type, f"第 {info.compress_type} 种")
            raise ArchiveError(
                f"这个{kind}中的“{shown_name(name)}”使用了 {method} 压缩方式，Office 文件只用 Deflate；{malicious_hint(kind)}")
        if info.file_size > limits.max_member_bytes:
            raise _too_large(kind, limits.max_member_bytes)
        total += info.file_size
        if total > limits.max_total_bytes:
            raise _too_large(kind, limits.max_total_bytes)
        if info.file_size > limits.ratio_floor:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_ratio:
                raise ArchiveError(
                    f"这个{kind}中的“{shown_name(name)}”压缩比异常（约 {ratio:.0f} 倍，上限 {limits.max_ratio} 倍），"
                    f"像是“压缩炸弹”，{malicious_hint(kind)}")
        if info.header_offset + info.compress_size > file_size:
            raise corrupt_error(kind, f"“{shown_name(name)}”的数据超出了文件末尾，文件可能被截断")
        spans.append((info.header_offset, info.header_offset + 30 + len(info.orig_filename.encode("utf-8",
                      "replace")) + info.compress_size, name))
    # Members sharing data (the "overlapping files" bomb): each member's local header and
    # data must end before the next one starts (its local extra field only adds to the end).
    spans.sort()
    for (_start_a, end_a, name_a), (start_b, _end_b, _name_b) in itertools.pairwise(spans):
        if start_b < end_a:
            raise ArchiveError(f"这个{kind}中的部件“{shown_name(name_a)}”与其他部件重叠（共用压缩数据），{malicious_hint(kind)}")


def _open_zip(data: bytes, limits: Limits, kind: str) -> zipfile.ZipFile:
    _directory_size(data, limits, kind)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.LargeZipFile as exc:  # pragma: no cover - zipfile allows zip64 when reading
        raise _too_large(kind, limits.max_total_bytes) from exc
    except (zipfile.BadZipFile, ValueError, EOFError, struct.error, OSError, NotImplementedError) as exc:  # "zip file version 21.1"
        raise _not_a_package(data, kind) if not zipfile.is_zipfile(io.BytesIO(data)) else corrupt_error(
            kind, "压缩包目录无法读取") from exc
    try:
        _check_infos(zf, len(data), limits, kind)
    except BaseException:
        zf.close()
        raise
    return zf


def check_archive(source: str | os.PathLike[str] | bytes, *, kind: str = KIND_WORKBOOK,
                  limits: Limits | None = None, max_total: int | None = None) -> None:
    """Refuse an OOXML file whose size or central directory is unsafe, before any parsing.

    ``source`` is a path or the file's bytes; ``kind`` is what the messages call it
    (``KIND_WORKBOOK`` "工作簿", ``KIND_DOCUMENT`` "文档"); ``max_total`` overrides the
    limit on all members inflated together.

    Raises:
        ArchiveError: the file is refused (one Chinese line, without the file name).
        OSError: the file cannot be read.
    """
    limits = _limits(kind, limits, max_total)
    _open_zip(_read_source(source, limits, kind), limits, kind).close()


def _limits(kind: str, limits: Limits | None, max_total: int | None) -> Limits:
    chosen = limits or (DOCUMENT_LIMITS if kind == KIND_DOCUMENT else WORKBOOK_LIMITS)
    return chosen if max_total is None else replace(chosen, max_total_bytes=max_total)


# --- inflating --------------------------------------------------------------------------


def _chunks(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    with zf.open(info) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            if not chunk:
                return
            yield chunk


def open_member(zf: zipfile.ZipFile, name: str | zipfile.ZipInfo, cap: int, *,
                kind: str = KIND_WORKBOOK) -> bytes:
    """Inflate one member, stopping as soon as more than ``cap`` bytes come out.

    The member's declared size is not trusted: the count is of bytes actually produced.

    Raises:
        ArchiveError: more than ``cap`` bytes, or the member cannot be inflated.
    """
    info = name if isinstance(name, zipfile.ZipInfo) else zf.getinfo(name)
    if info.compress_type not in _ALLOWED_METHODS or info.flag_bits & 0x1:
        raise ArchiveError(f"这个{kind}中的“{shown_name(info.filename)}”使用了不允许的压缩方式或已加密，{malicious_hint(kind)}")
    out = bytearray()
    try:
        for chunk in _chunks(zf, info):
            out += chunk
            if len(out) > cap:
                raise _too_large(kind, cap)
    except ArchiveError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError, RuntimeError,
            NotImplementedError, struct.error) as exc:
        raise corrupt_error(kind, f"“{shown_name(info.filename)}”无法解压") from exc
    return bytes(out)


# --- XML parts ----------------------------------------------------------------------------

_PROLOG_HEAD = 1 * MiB


def _xml_head(data: bytes) -> str:
    """The start of an XML part as text, in the encoding its first bytes announce."""
    head = data[:_PROLOG_HEAD]
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    for bom, codec in ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                       (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
                       (b"<\x00\x00\x00", "utf-32-le"), (b"\x00\x00\x00<", "utf-32-be"),
                       (b"<\x00", "utf-16-le"), (b"\x00<", "utf-16-be")):
        if head.startswith(bom):
            return head.decode(codec, "replace")
    return head.decode("latin-1")  # ASCII-compatible: markup characters read as themselves


def _has_doctype(data: bytes) -> bool | None:
    """True when the part declares a DTD; None when its prolog does not end in the head."""
    text = _xml_head(data).lstrip("\ufeff")
    pos = 0
    end = len(text)
    while True:
        while pos < end and text[pos] in " \t\r\n":
            pos += 1
        if pos >= end:
            return None if len(data) > _PROLOG_HEAD else False
        if text.startswith("<?", pos):
            close, closer = text.find("?>", pos + 2), 2
        elif text.startswith("<!--", pos):
            close, closer = text.find("-->", pos + 4), 3
        else:
            # "<!DOCTYPE" (or any other "<!" declaration) before the root element is a DTD.
            return text.startswith("<!", pos)
        if close < 0:
            return None if len(data) > _PROLOG_HEAD else False
        pos = close + closer


def _check_xml(name: str, data: bytes, kind: str) -> int:
    """Refuse a DTD; return the number of element tags (``<``) in the part."""
    doctype = _has_doctype(data)
    if doctype is None:
        raise ArchiveError(f"这个{kind}中的“{shown_name(name)}”开头异常（超长的声明或注释），{malicious_hint(kind)}")
    if doctype:
        raise ArchiveError(
            f"这个{kind}中的“{shown_name(name)}”含有 DTD（实体声明），这是 XML 炸弹或外部实体引用的手法，"
            f"Office 文件中不会有；{malicious_hint(kind)}")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:2] in (b"<\x00", b"\x00<"):
        return data.count("<".encode("utf-16-le")) + data.count("<".encode("utf-16-be"))
    return data.count(b"<")


def read_archive(source: str | os.PathLike[str] | bytes, *, kind: str = KIND_WORKBOOK,
                 limits: Limits | None = None, max_total: int | None = None) -> dict[str, bytes]:
    """Check the archive, then inflate every member within the limits.

    Returns:
        member name → bytes, in archive order (directories left out).

    Raises:
        ArchiveError: refused (one Chinese line, without the file name).
        OSError: the file cannot be read.
    """
    limits = _limits(kind, limits, max_total)
    members: dict[str, bytes] = {}
    total = 0
    elements = 0
    with _open_zip(_read_source(source, limits, kind), limits, kind) as zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            cap = min(limits.max_member_bytes, limits.max_total_bytes - total)
            data = open_member(zf, info, cap, kind=kind)
            total += len(data)
            if info.filename.lower().endswith(_XML_SUFFIXES):
                elements += _check_xml(info.filename, data, kind)
                if elements > limits.max_xml_elements:
                    raise ArchiveError(
                        f"这个{kind}的内容结构过于庞大（超过 {limits.max_xml_elements} 个 XML 元素），{malicious_hint(kind)}")
            members[info.filename] = data
    return members


def safe_copy(source: str | os.PathLike[str] | bytes, *, kind: str = KIND_WORKBOOK,
              limits: Limits | None = None, max_total: int | None = None) -> IO[bytes]:
    """The checked members as a fresh in-memory zip (stored), for openpyxl or python-docx.

    Raises:
        ArchiveError: refused (one Chinese line, without the file name).
        OSError: the file cannot be read.
    """
    return stored_zip(read_archive(source, kind=kind, limits=limits, max_total=max_total))


def stored_zip(members: dict[str, bytes]) -> IO[bytes]:
    """A fresh in-memory zip (stored, no compression) of already-checked members."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED, allowZip64=True) as out:
        for name, data in members.items():
            out.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)
    buffer.seek(0)
    return buffer


def parse_xml(data: bytes, *, name: str = "", kind: str = KIND_WORKBOOK) -> Element:
    """Parse one XML part with defusedxml: no DTD, no entities, no external references.

    Raises:
        ArchiveError: a DTD, or the part is not well-formed XML.
    """
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise ArchiveError(
            f"这个{kind}中的“{shown_name(name)}”含有 DTD 或实体声明（XML 炸弹或外部实体引用的手法），"
            f"{malicious_hint(kind)}") from exc
    except (ParseError, ValueError, RecursionError) as exc:
        raise corrupt_error(kind, f"“{shown_name(name)}”不是有效的 XML") from exc
