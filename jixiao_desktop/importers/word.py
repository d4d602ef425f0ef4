"""Last year's form from Word: ``read_word_form(path)`` and ``read_pasted_table(text)``.

Both give a ``WordImport``: the ``Form`` (layout detected from the labels found: the nine
standard rows, numbered rows, or the tabular 一级/二级/三级 columns) and what the clerk should
know before it is stored: pending tracked changes, cells that could not be placed (quoted),
labels that were not found. Nothing is stored here. Errors are ``WordImportError``, one
Chinese sentence saying what was expected (the caller puts the file name in front).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element

from jixiao_desktop.domain.model import Form
from jixiao_desktop.errors import KnownError
from jixiao_desktop.importers.docx_reader import read_document
from jixiao_desktop.importers.html_table import MAX_HTML_CHARS, has_table, html_rows
from jixiao_desktop.importers.label_reader import NotAFormError, read_rows
from jixiao_desktop.importers.table_grid import Row
from jixiao_desktop.importers.text_table import MAX_TEXT_CHARS, text_rows

WORD_SUFFIXES = (".docx", ".docm", ".dotx", ".doc", ".wps")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_STRICT_NS = (b"http://purl.oclc.org/ooxml/wordprocessingml/main",
              b"http://schemas.openxmlformats.org/wordprocessingml/2006/main")
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_DOCUMENT = "/officeDocument"


class WordImportError(KnownError):
    """The Word file or text could not be read as a form; ``str()`` is one Chinese sentence."""


@dataclass
class WordImport:
    form: Form
    warnings: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)  # the texts no label claimed, in full
    tracked_changes: bool = False
    source: str = ""  # "Word 文档", "经 LibreOffice 转换的 .doc", "粘贴的表格"


def _rows_result(rows: list[Row], *, keep_blank: bool, source: str) -> WordImport:
    try:
        result = read_rows(rows, keep_blank=keep_blank)
    except NotAFormError as exc:
        raise WordImportError(str(exc)) from exc
    return WordImport(result.form, result.warnings, result.unplaced, False, source)


def read_pasted_table(text: str) -> WordImport:
    """The form in a table copied out of Word as text (the shape of the reference texts)."""
    if len(text) > MAX_TEXT_CHARS:
        raise WordImportError(f"粘贴的内容过长（{len(text)} 个字符），不像是一张申报表")
    if not text.strip():
        raise WordImportError("没有粘贴任何内容：请在 Word 中选中整张申报表，复制后粘贴到这里")
    if "\t" not in text:
        raise WordImportError("粘贴的内容不是表格（没有单元格之间的制表符）：请在 Word 中选中整张申报表"
                              "（表格左上角的十字标记），复制后粘贴到这里")
    return _rows_result(text_rows(text), keep_blank=False, source="粘贴的表格")


def read_pasted_html(html: str) -> WordImport:
    """The form in a table copied out of Word or WPS, from the clipboard's HTML flavour (a cell of
    several paragraphs stays one cell there; the plain text splits it into rows)."""
    if len(html) > MAX_HTML_CHARS:
        raise WordImportError(f"粘贴的内容过长（{len(html)} 个字符），不像是一张申报表")
    if not has_table(html):
        raise WordImportError("粘贴的内容不是表格：请在 Word 中选中整张申报表，复制后粘贴到这里")
    return _rows_result(html_rows(html), keep_blank=True, source="粘贴的表格")


def _is_encrypted_ole(data: bytes) -> bool:
    # An encrypted .docx is an OLE compound file holding an "EncryptedPackage" stream.
    return "EncryptedPackage".encode("utf-16-le") in data or b"EncryptionInfo" in data or \
        "EncryptionInfo".encode("utf-16-le") in data


def _parse(members: dict[str, bytes], name: str) -> Element | None:
    from jixiao_desktop import safezip

    data = members.get(name)
    if data is None:
        return None
    for strict, transitional in (_STRICT_NS,):
        data = data.replace(strict, transitional)
    return safezip.parse_xml(data, name=name, kind=safezip.KIND_DOCUMENT)


def _rel_targets(members: dict[str, bytes], rels_name: str, base: str) -> dict[str, str]:
    """Relationship type (its last part) → part name, from a ``.rels`` part."""
    root = _parse(members, rels_name)
    out: dict[str, str] = {}
    if root is None:
        return out
    for rel in root.iter(_REL_NS + "Relationship"):
        kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
        target = rel.get("Target") or ""
        if rel.get("TargetMode") == "External" or not target:
            continue
        part = target.lstrip("/") if target.startswith("/") else _join(base, target)
        out.setdefault(kind, part)
    return out


def _join(base: str, target: str) -> str:
    parts = [p for p in base.split("/") if p]
    for piece in target.split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts)


def _members(path: Path) -> dict[str, bytes]:
    from jixiao_desktop import safezip

    try:
        return safezip.read_archive(path, kind=safezip.KIND_DOCUMENT)
    except safezip.ArchiveError as exc:
        raise WordImportError(str(exc)) from exc


def read_docx(path: Path, *, source: str = "Word 文档") -> WordImport:
    members = _members(path)
    main = _rel_targets(members, "_rels/.rels", "").get("officeDocument", "word/document.xml")
    if main not in members:
        if "xl/workbook.xml" in members:
            raise WordImportError("这是 Excel 工作簿，不是 Word 文档；Excel 文件请以 .xlsx 结尾导入")
        raise WordImportError("文件是 zip 压缩包，但不是 Word 文档（缺少正文部分 word/document.xml）")
    folder = main.rsplit("/", 1)[0] if "/" in main else ""
    rels_name = f"{folder}/_rels/{main.rsplit('/', 1)[-1]}.rels" if folder else f"_rels/{main}.rels"
    rels = _rel_targets(members, rels_name, folder)
    document = _parse(members, main)
    if document is None or not document.tag.endswith("}document"):
        raise WordImportError("文件的正文部分不是 Word 文档的格式，无法读取")
    content = read_document(document, _parse(members, rels.get("numbering", f"{folder}/numbering.xml")),
                            _parse(members, rels.get("styles", f"{folder}/styles.xml")))
    result = _rows_result(content.rows, keep_blank=True, source=source)
    if content.changes.any:
        result.tracked_changes = True
        result.warnings.insert(0, (
            f"文档中有尚未接受的修订（插入 {content.changes.insertions} 处、删除 {content.changes.deletions} 处）："
            "已按“接受所有修订”后的文字导入，请核对预览中的内容"))
    return result


def read_word_form(path: Path | str) -> WordImport:
    """The form in a ``.docx`` (read directly) or ``.doc``/``.wps`` (converted by LibreOffice)."""
    from jixiao_desktop.importers.convert import ConversionError, converted_to_docx

    path = Path(path)
    with path.open("rb") as fh:
        head = fh.read(8)
    is_ole = head.startswith(OLE_MAGIC)
    if is_ole and path.suffix.lower() in (".docx", ".docm", ".dotx"):
        data = path.read_bytes() if path.stat().st_size <= 64 * 1024 * 1024 else b""
        if _is_encrypted_ole(data):
            raise WordImportError("这个 Word 文档设置了打开密码（已加密），无法读取；请在 Word 中取消密码"
                                  "（文件 → 信息 → 保护文档 → 用密码进行加密，清空密码）并保存后再导入")
    if is_ole or (path.suffix.lower() in (".doc", ".wps") and head[:2] != b"PK"):
        # A .doc/.wps (or a .doc named .docx, an RTF named .doc): LibreOffice converts it.
        try:
            with converted_to_docx(path) as docx:
                return read_docx(docx, source=f"经 LibreOffice 转换的 {path.suffix.lower() or '.doc'} 文件")
        except ConversionError as exc:
            raise WordImportError(str(exc)) from exc
    return read_docx(path)
