"""The indicator library as an .xlsx workbook (``spec/indicator-library.md``): what a bureau hands
out and a unit imports.

Columns, in this order, with these Chinese headers: 一级指标, 二级指标, 三级指标, 指标性质, 运算符,
计量单位, 指标方向, 指标解释, 评(扣)分标准, 行业, 关键词 — then our own 来源 and 来源文件 (extension,
``docs/indicator-library.md``), then every column of an imported workbook we do not know, kept
under its header. Reading finds the header row by those names (any order, any of the first ten
rows); a bad row is refused naming its row and column, and nothing is returned: the caller stores
all rows or none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from jixiao_desktop import safezip
from jixiao_desktop.domain.indicator_library import ENTRY_FIELDS, FIELD_LABELS, LibraryEntry, normalise_name
from jixiao_desktop.domain.model import DIRECTIONS, NATURES, OPERATORS
from jixiao_desktop.errors import KnownError
from jixiao_desktop.exporters.xlsx.reader import _load, decode_ooxml_text

SHEET_TITLE = "指标库"
HEADERS: tuple[str, ...] = tuple(FIELD_LABELS[name] for name in ENTRY_FIELDS)
OUR_EXTRA = ("来源", "来源文件")
MAX_ROWS = 100_000
# Headers a workbook may spell differently (full-width brackets, 评分标准 …).
_ALIASES = {"评（扣）分标准": "scoring", "评扣分标准": "scoring", "评分标准": "scoring", "指标值类型": "nature",
            "计算符号": "operator", "度量单位": "unit", "单位": "unit", "指标方向性": "direction", "方向": "direction",
            "行业领域": "sector", "领域": "sector", "三级指标名称": "level3", "指标名称": "level3"}
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class LibraryWorkbookError(KnownError, ValueError):
    """The workbook is not a library we can read; the message names the row and column."""


def _field_of(header: str) -> str | None:
    text = re.sub(r"\s", "", header)
    for name in ENTRY_FIELDS:
        if text == FIELD_LABELS[name]:
            return name
    return _ALIASES.get(text)


def write_library_xlsx(entries: Sequence[LibraryEntry], path: str | Path) -> int:
    """Write the entries to ``path`` (callers wrap it in ``atomic_write``); return the rows written."""
    extra_headers: list[str] = []
    for entry in entries:
        for header in entry.extra:
            if header not in extra_headers and header not in HEADERS and header not in OUR_EXTRA:
                extra_headers.append(header)
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_TITLE
    headers = [*HEADERS, *OUR_EXTRA, *extra_headers]
    bold = Font(bold=True)
    for col, header in enumerate(headers, 1):
        cell = ws.cell(row=1, column=col, value=header)
        cell.font = bold
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row, entry in enumerate(entries, 2):
        values = [getattr(entry, name) for name in ENTRY_FIELDS] + [entry.source, entry.source_document]
        values += [str(entry.extra.get(header, "")) for header in extra_headers]
        for col, value in enumerate(values, 1):
            text = _ILLEGAL.sub("", str(value or ""))
            if not text:
                continue
            cell = ws.cell(row=row, column=col, value=text)
            cell.data_type = "s"  # a name starting with "=" is text, never a formula
            if text[0] in "=+-@":
                cell.quotePrefix = True
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    widths = [12, 14, 24, 8, 7, 9, 8, 40, 30, 10, 16, 16, 40]
    for col in range(1, len(headers) + 1):
        ws.column_dimensions[get_column_letter(col)].width = widths[col - 1] if col <= len(widths) else 16
    ws.freeze_panes = "A2"
    wb.save(path)
    return len(entries)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return decode_ooxml_text(str(value)).strip()


def read_library_xlsx(path: str | Path, *, source: str) -> list[LibraryEntry]:
    """The entries of a library workbook, each with ``source`` (e.g. ``bureau:西城区财政局``)
    unless the workbook's 来源 column says another.

    Raises:
        LibraryWorkbookError: not a workbook, no header row, a row without 三级指标, a formula
            without a saved value, or a value a column cannot hold (row and column named).
        OSError: the file cannot be read.
    """
    try:
        data = safezip.safe_workbook(path)
    except safezip.ArchiveError as exc:
        raise LibraryWorkbookError(str(exc)) from exc
    try:
        wb = _load(data, data_only=True)
    except KnownError as exc:
        raise LibraryWorkbookError(str(exc)) from exc
    ws = wb.active if wb.active is not None else wb.worksheets[0]
    if ws.max_row > MAX_ROWS:
        raise LibraryWorkbookError(f"工作表有 {ws.max_row} 行，超过指标库可导入的 {MAX_ROWS} 行")
    rows = list(ws.iter_rows(values_only=True))
    header_at, columns = _header(rows)
    entries: list[LibraryEntry] = []
    for number, row in enumerate(rows[header_at + 1:], start=header_at + 2):
        texts = {col: _cell_text(row[col]) if col < len(row) else "" for col in columns}
        if not any(texts.values()):
            continue
        values: dict[str, str] = {}
        extra: dict[str, Any] = {}
        entry_source, document = source, ""
        for col, key in columns.items():
            text = texts[col]
            if key in ENTRY_FIELDS:
                values[key] = text
            elif key == "来源":
                entry_source = text or source
            elif key == "来源文件":
                document = text
            elif text:
                extra[key] = text
        _validate(values, number, columns)
        entries.append(LibraryEntry.from_fields(values, source=entry_source, source_document=document, extra=extra))
    if not entries:
        raise LibraryWorkbookError("工作簿中没有指标（表头下面没有任何一行填了三级指标）")
    return entries


def _header(rows: list[tuple[Any, ...]]) -> tuple[int, dict[int, str]]:
    for at, row in enumerate(rows[:10]):
        columns: dict[int, str] = {}
        for col, value in enumerate(row):
            header = _cell_text(value)
            if not header:
                continue
            field = _field_of(header)
            if field is not None and field not in columns.values():
                columns[col] = field
            elif header in OUR_EXTRA:
                columns[col] = header
            else:
                columns[col] = header  # an unknown column: kept under its header
        if "level3" in columns.values():
            return at, columns
    raise LibraryWorkbookError("找不到表头：前 10 行中没有“三级指标”列（表头应为 一级指标、二级指标、三级指标 …）")


def _where(number: int, columns: dict[int, str], key: str) -> str:
    col = next(c for c, k in columns.items() if k == key)
    return f"第 {number} 行 {get_column_letter(col + 1)} 列（{FIELD_LABELS[key]}）"


def _validate(values: dict[str, str], number: int, columns: dict[int, str]) -> None:
    if not normalise_name(values.get("level3", "")):
        raise LibraryWorkbookError(f"{_where(number, columns, 'level3')}为空：每条指标都要有三级指标名称，指标库未改动")
    nature = values.get("nature", "")
    if nature and nature.replace("指标", "") not in NATURES:
        raise LibraryWorkbookError(f"{_where(number, columns, 'nature')}是“{nature}”，应为 定量 或 定性，指标库未改动")
    if nature:
        values["nature"] = nature.replace("指标", "")
    operator = values.get("operator", "").replace(">=", "≥").replace("<=", "≤")
    if operator and operator not in OPERATORS:
        raise LibraryWorkbookError(
            f"{_where(number, columns, 'operator')}是“{operator}”，应为 ≥ ≤ = > < 之一或留空，指标库未改动")
    values["operator"] = operator
    direction = values.get("direction", "").replace("指标", "")
    if direction and direction not in DIRECTIONS:
        raise LibraryWorkbookError(
            f"{_where(number, columns, 'direction')}是“{direction}”，应为 正向 或 反向，指标库未改动")
    values["direction"] = direction
