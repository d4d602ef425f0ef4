"""Readers for forms kept outside the app: last year's Word file, or its table pasted as text.

``read_word_form(path)`` (.docx read directly, .doc/.wps through LibreOffice) and
``read_pasted_table(text)`` give a ``WordImport`` (the ``Form`` and the warnings a preview
shows). Importing this package registers them with ``formfiles``, so every caller that accepts a
form file (the CLI's check/export/import, the window's 导入 and drag and drop, collect) gets
.docx/.docm/.doc/.wps and .txt. No Qt here.
"""

from __future__ import annotations

from pathlib import Path

from jixiao_desktop import formfiles
from jixiao_desktop.importers.text_table import MAX_TEXT_CHARS
from jixiao_desktop.importers.word import (
    WORD_SUFFIXES,
    WordImport,
    WordImportError,
    read_pasted_html,
    read_pasted_table,
    read_word_form,
)

__all__ = ["WORD_SUFFIXES", "WordImport", "WordImportError", "decode_text", "read_pasted_html", "read_pasted_table",
           "read_word_form"]


def decode_text(data: bytes) -> str:
    """A .txt as Notepad saves it: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030
    (the "ANSI" of a Chinese Windows)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise WordImportError("文字文件的编码无法识别（应为 UTF-8 或 GB18030/GBK）") from exc


def _result(result: WordImport, kind: str = "") -> formfiles.ReadResult:
    return formfiles.ReadResult(result.form, tuple(result.warnings), kind=kind or result.source)


def _read_word(path: Path) -> formfiles.ReadResult:
    try:
        return _result(read_word_form(path))
    except WordImportError as exc:
        raise formfiles.FormFileError(str(exc), path) from exc


def _read_text(path: Path) -> formfiles.ReadResult:
    try:
        if path.stat().st_size > MAX_TEXT_CHARS * 4:
            raise WordImportError("文字文件过大，不像是一张申报表")
        return _result(read_pasted_table(decode_text(path.read_bytes())), "从 Word 复制的表格文字")
    except WordImportError as exc:
        raise formfiles.FormFileError(f"{exc}（.txt 文件应是从 Word 复制出来的申报表表格）", path) from exc


formfiles.register_reader(formfiles.ReaderInfo(WORD_SUFFIXES, "Word 文档", _read_word))
formfiles.register_reader(formfiles.ReaderInfo((".txt",), "从 Word 复制的表格文字", _read_text))
