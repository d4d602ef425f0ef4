"""Excel export and re-import of a form, in the printed layout of its template (print-layout.md).

The sheet is what a clerk prints and edits: ``import_xlsx`` reads the visible cells by their
labels, so what was changed in Excel is what gets imported. A hidden column beside the table
holds only markers (which template, which rows continue the row above, how a cut text joins)
and the fields the printed layout of the template does not show (tabular: 方向, 备注).

openpyxl cannot auto-fit rows, so row heights come from the text length (a full-width
character counts as two columns), and a text too long for one row (a row is at most 409 pt in
Excel) is cut into consecutive rows whose 指标名称 carries （续）.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from defusedxml import DefusedXmlException
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from jixiao_desktop.domain.model import (
    OPERATORS,
    TEMPLATE_TABULAR,
    Form,
    FundSource,
    Funds,
    Indicator,
    IndicatorItem,
)
from jixiao_desktop.domain.money import AmountError, format_amount, parse_amount
from jixiao_desktop.exporters._common import (
    CONTINUED,
    DRAFT_MARK,
    FINGERPRINT_LABEL,
    INSTRUCTIONS,
    JOIN_INLINE,
    JOIN_NEWLINE,
    LABEL_BASIC,
    LABEL_CONTENT,
    LABEL_DEPARTMENT,
    LABEL_FUNDS_PREFIX,
    LABEL_GOALS,
    LABEL_INDICATORS,
    LABEL_NAME,
    LABEL_OTHER,
    LABEL_PROJECT,
    LABEL_SUM,
    LABEL_TOTAL,
    SOURCES_PREFIX,
    TABULAR_CAPTION,
    TABULAR_HEADERS,
    TITLE,
    format_weight,
    funds_label,
    is_wide,
    split_text,
    value_text,
    weight_sum,
    year_text,
)

SHEET_TITLE = "绩效目标申报表"
FONT_NAME = "宋体"
FONT_SIZE = 11
LINE_PT = 14.5  # one wrapped line of 11 pt 宋体
ROW_PAD_PT = 3.0
MAX_ROW_PT = 400.0  # Excel's limit is 409 pt; a row must also fit one printed page
MAX_LINES = int((MAX_ROW_PT - ROW_PAD_PT) // LINE_PT)
MAX_ROWS = 20000  # import: far more rows than any form; a stray cell at row 1048576 is refused

# Column widths in Excel character units; the hidden marker column follows the table.
BJ_WIDTHS = (14.0, 17.0, 59.0)
TAB_WIDTHS = (11.0, 12.0, 22.0, 8.0, 14.0, 9.0, 8.0)

# Markers in the hidden column.
MARK_TEMPLATE = "jixiao:template="
MARK_CONT_NL = "cont"  # continues the row above, joined by a line break
MARK_CONT_INLINE = "cont-inline"  # continues the row above inside one line
MARK_IND = "ind"  # first row of an indicator
MARK_IND_EMPTY = "ind-noitems"  # an indicator without 三级 items (prints one empty line)
MARK_ITEM = "item"  # a further 三级 item of the indicator above
MARK_SUM = "sum"
MARK_SOURCE = "source"
MARK_SOURCES_EMPTY = "sources-empty"  # the form has an (empty) 资金来源 list
MARK_VALUE_RAW = "raw"  # tabular: the 指标值 cell holds the value only (no operator in front)

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FONT = Font(name=FONT_NAME, size=FONT_SIZE)
_BOLD = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
_TITLE_FONT = Font(name=FONT_NAME, size=18, bold=True)
_NOTE_FONT = Font(name=FONT_NAME, size=9)
_WRAP_TOP = Alignment(wrap_text=True, vertical="top", horizontal="left")
_WRAP_CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
_WRAP_LEFT_MID = Alignment(wrap_text=True, vertical="center", horizontal="left")


_UNWRITABLE = re.compile(ILLEGAL_CHARACTERS_RE.pattern + "|[\ud800-\udfff\ufffe\uffff]")


class XlsxImportError(ValueError):
    """A workbook that is not a form exported by this app; the message is one Chinese line."""


@dataclass
class XlsxResult:
    """What the export wrote: the number of sheet rows and characters Excel cannot hold."""

    rows: int
    dropped_chars: str = ""


# --- writing -------------------------------------------------------------------------------------


def _units(ch: str) -> float:
    return 2.0 if is_wide(ch) else 1.0


def _capacity(width: float) -> float:
    """Half-width characters per wrapped line in a column of ``width`` units (conservative)."""
    return max(2.0, width * 0.92 - 1.0)


def _lines(text: str, width: float) -> int:
    from jixiao_desktop.exporters._common import wrap_lines

    cap = _capacity(width)
    return sum(wrap_lines(line, _units, cap) for line in (text or "").split("\n"))


def _height(lines: int) -> float:
    return min(409.0, max(1, lines) * LINE_PT + ROW_PAD_PT)


class _Writer:
    def __init__(self, ws: Worksheet, widths: tuple[float, ...]) -> None:
        self.ws = ws
        self.widths = widths
        self.ncols = len(widths)
        self.mark_col = self.ncols + 1
        self.row = 0
        self.dropped: list[str] = []
        for i, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = w
        for i in range(self.mark_col, self.mark_col + 6):
            ws.column_dimensions[get_column_letter(i)].hidden = True

    def clean(self, text: str) -> str:
        """Text Excel can hold: line breaks as ``\\n``; XML-illegal control characters dropped."""
        text = (text or "").replace("\r\n", "\n").replace("\r", "\n")
        bad = _UNWRITABLE.findall(text)
        if bad:
            self.dropped.extend(bad)
            text = _UNWRITABLE.sub("", text)
        return text

    def text(self, row: int, col: int, value: str, *, font: Font = _FONT,
             align: Alignment = _WRAP_TOP, border: bool = True) -> Cell:
        cell = self.ws.cell(row=row, column=col)
        value = self.clean(value)
        if value:
            cell.value = value
            cell.data_type = "s"  # typed text is never a formula
            if value[0] in "=+-@":
                cell.quotePrefix = True
        cell.font = font
        cell.alignment = align
        if border:
            cell.border = _BORDER
        return cell

    def amount(self, row: int, col: int, typed: str) -> None:
        try:
            parsed = parse_amount(typed)
        except AmountError:
            self.text(row, col, typed, align=_WRAP_LEFT_MID)
            return
        digits = parsed.value.as_tuple().digits
        if len(digits) > 15:  # a double cannot hold it exactly: keep the text
            self.text(row, col, parsed.canonical, align=_WRAP_LEFT_MID)
            return
        decimals = max(2, parsed.decimals)
        cell = self.ws.cell(row=row, column=col, value=parsed.value)
        cell.number_format = "0." + "0" * decimals
        cell.font = _FONT
        cell.alignment = Alignment(horizontal="left", vertical="center")
        cell.border = _BORDER

    def number_or_text(self, row: int, col: int, typed: str) -> None:
        """权重: a plain decimal number becomes a number cell with its decimals kept."""
        m = re.fullmatch(r"(?:0|[1-9]\d{0,14})(?:\.(\d{1,10}))?", typed or "")
        if m and len(typed.replace(".", "").lstrip("0")) <= 15:
            decimals = len(m.group(1) or "")
            cell = self.ws.cell(row=row, column=col, value=Decimal(typed))
            cell.number_format = "0." + "0" * decimals if decimals else "0"
            cell.font = _FONT
            cell.alignment = _WRAP_CENTER
            cell.border = _BORDER
        else:
            self.text(row, col, typed, align=_WRAP_CENTER)

    def mark(self, row: int, marker: str, col_offset: int = 0) -> None:
        marker = self.clean(marker)
        if marker:
            cell = self.ws.cell(row=row, column=self.mark_col + col_offset, value=marker)
            cell.data_type = "s"

    def merge(self, row1: int, col1: int, row2: int, col2: int) -> None:
        if row1 != row2 or col1 != col2:
            self.ws.merge_cells(start_row=row1, start_column=col1, end_row=row2, end_column=col2)
        for r in range(row1, row2 + 1):
            for c in range(col1, col2 + 1):
                self.ws.cell(row=r, column=c).border = _BORDER

    def width(self, col1: int, col2: int) -> float:
        return sum(self.widths[col1 - 1:col2])

    def set_height(self, row: int, lines: int) -> None:
        self.ws.row_dimensions[row].height = _height(lines)

    def next(self) -> int:
        self.row += 1
        return self.row

    # -- shared blocks --

    def title(self, form: Form) -> None:
        r = self.next()
        self.text(r, 1, TITLE, font=_TITLE_FONT, align=_WRAP_CENTER, border=False)
        self.ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=self.ncols)
        self.ws.row_dimensions[r].height = 30
        self.mark(r, MARK_TEMPLATE + form.template)
        r = self.next()
        self.text(r, 1, year_text(form.year), align=_WRAP_CENTER, border=False)
        self.ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=self.ncols)
        self.ws.row_dimensions[r].height = 20

    def label_and_long_text(self, label: str, text: str, value_col: int) -> None:
        """A section label in A and a long text over the other columns, cut into rows if needed."""
        width = self.width(value_col, self.ncols)
        pieces = split_text(self.clean(text), _units, _capacity(width), MAX_LINES)
        first = self.row + 1
        for k, piece in enumerate(pieces):
            r = self.next()
            self.text(r, value_col, piece.text)
            self.merge(r, value_col, r, self.ncols)
            self.set_height(r, max(_lines(piece.text, width), _lines(label, self.widths[0])))
            if k:
                self.mark(r, MARK_CONT_NL if piece.join == JOIN_NEWLINE else MARK_CONT_INLINE)
        self.text(first, 1, label, align=_WRAP_CENTER)
        self.merge(first, 1, self.row, value_col - 1)

    def funds(self, form: Form, label_cols: tuple[int, int], value_cols: tuple[int, int],
              total_only: bool) -> None:
        funds = form.funds
        rows: list[tuple[str, str, str]] = [(LABEL_TOTAL, funds.total, "")]
        if not total_only:
            rows += [(LABEL_BASIC, funds.basic, ""), (LABEL_PROJECT, funds.project, "")]
        if funds.sources is not None and not funds.sources:
            rows[-1] = (rows[-1][0], rows[-1][1], MARK_SOURCES_EMPTY)
        for k, src in enumerate(funds.sources or []):
            rows.append(((SOURCES_PREFIX if k == 0 else "") + src.name, src.amount, MARK_SOURCE))
        first = self.row + 1
        for label, amount, marker in rows:
            r = self.next()
            self.text(r, label_cols[0], label, align=_WRAP_LEFT_MID)
            self.merge(r, label_cols[0], r, label_cols[1])
            self.amount(r, value_cols[0], amount)
            self.merge(r, value_cols[0], r, value_cols[1])
            self.set_height(r, _lines(label, self.width(*label_cols)))
            self.mark(r, marker)
        self.text(first, 1, funds_label(funds.unit), align=_WRAP_CENTER)
        self.merge(first, 1, self.row, 1)
        # The label must fit its merged height.
        need = _height(_lines(funds_label(funds.unit), self.widths[0]))
        have = sum(self.ws.row_dimensions[r].height or LINE_PT for r in range(first, self.row + 1))
        if need > have:
            self.ws.row_dimensions[self.row].height = (self.ws.row_dimensions[self.row].height or 0) + need - have

    def instructions(self) -> None:
        self.next()
        r = self.next()
        self.text(r, 1, INSTRUCTIONS, font=_NOTE_FONT, align=_WRAP_TOP, border=False)
        self.ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=self.ncols)
        # 9 pt text: about 1.2 times as many characters per line as 11 pt.
        lines = math.ceil(sum(_units(c) for c in INSTRUCTIONS) / (_capacity(sum(self.widths)) * 1.2))
        self.ws.row_dimensions[r].height = lines * 12.0 + ROW_PAD_PT


def _write_bj(w: _Writer, form: Form) -> int:
    """Writes the 2021 Beijing layout; returns the row of the indicator header."""
    w.title(form)
    r = w.next()
    w.text(r, 1, LABEL_DEPARTMENT, align=_WRAP_CENTER)
    w.text(r, 2, form.department, align=_WRAP_LEFT_MID)
    w.merge(r, 2, r, 3)
    w.set_height(r, max(_lines(form.department, w.width(2, 3)), _lines(LABEL_DEPARTMENT, w.widths[0])))
    w.funds(form, (2, 2), (3, 3), total_only=False)
    w.label_and_long_text(LABEL_GOALS, form.goals, 2)

    header = w.next()
    w.text(header, 2, LABEL_NAME, font=_BOLD, align=_WRAP_CENTER)
    w.text(header, 3, LABEL_CONTENT, font=_BOLD, align=_WRAP_CENTER)
    w.set_height(header, 1)
    for ind in form.indicators:
        name = w.clean(ind.name)
        pieces = split_text(w.clean(ind.content), _units, _capacity(w.widths[2]), MAX_LINES)
        for k, piece in enumerate(pieces):
            r = w.next()
            shown = name if k == 0 else name + CONTINUED
            w.text(r, 2, shown)
            w.text(r, 3, piece.text)
            w.set_height(r, max(_lines(shown, w.widths[1]), _lines(piece.text, w.widths[2])))
            if k == 0:
                w.mark(r, MARK_IND)
            else:
                w.mark(r, MARK_CONT_NL if piece.join == JOIN_NEWLINE else MARK_CONT_INLINE)
    w.text(header, 1, LABEL_INDICATORS, align=_WRAP_CENTER)
    w.merge(header, 1, w.row, 1)

    w.label_and_long_text(LABEL_OTHER, form.other_notes, 2)
    return header


def _write_tabular(w: _Writer, form: Form) -> int:
    w.title(form)
    r = w.next()
    w.text(r, 1, LABEL_DEPARTMENT, align=_WRAP_CENTER)
    w.text(r, 2, form.department, align=_WRAP_LEFT_MID)
    w.merge(r, 2, r, w.ncols)
    w.set_height(r, max(_lines(form.department, w.width(2, w.ncols)), _lines(LABEL_DEPARTMENT, w.widths[0])))
    total_only = not form.funds.basic.strip() and not form.funds.project.strip()
    w.funds(form, (2, 3), (4, w.ncols), total_only=total_only)
    w.label_and_long_text(LABEL_GOALS, form.goals, 2)

    caption = w.next()
    w.text(caption, 1, TABULAR_CAPTION, font=_BOLD, align=_WRAP_CENTER)
    w.merge(caption, 1, caption, w.ncols)
    w.set_height(caption, 1)
    header = w.next()
    for c, label in enumerate(TABULAR_HEADERS, start=1):
        w.text(header, c, label, font=_BOLD, align=_WRAP_CENTER)
    w.set_height(header, 1)
    level1_start: int | None = None
    level1_text: str | None = None
    for ind in form.indicators:
        first = w.row + 1
        if level1_text is None or ind.level1 != level1_text or not ind.level1:
            if level1_start is not None:
                w.merge(level1_start, 1, w.row, 1)
            level1_start, level1_text = first, ind.level1
            w.text(first, 1, ind.level1, align=_WRAP_CENTER)
        w.text(first, 2, ind.level2, align=_WRAP_CENTER)
        items = ind.items or [IndicatorItem()]
        for k, item in enumerate(items):
            r = w.next()
            cells = [item.level3, item.nature, value_text(item.operator, item.value), item.unit]
            for c, text in enumerate(cells, start=3):
                w.text(r, c, text, align=_WRAP_LEFT_MID if c == 3 else _WRAP_CENTER)
            w.number_or_text(r, 7, item.weight)
            marker = (MARK_IND_EMPTY if not ind.items else MARK_IND) if k == 0 else MARK_ITEM
            w.mark(r, marker)
            shown = value_text(item.operator, item.value)
            if not item.operator and item.value.startswith(OPERATORS):
                w.mark(r, MARK_VALUE_RAW, 1)
            elif item.operator and item.operator not in OPERATORS:
                w.mark(r, "op=" + item.operator, 1)
            w.mark(r, item.direction, 2)
            if item.note:
                w.mark(r, item.note, 3)
            if k == 0 and (ind.name or ind.content):
                w.mark(r, ind.name, 4)
                w.mark(r, ind.content, 5)
            lines = max(_lines(t, w.widths[c - 1]) for c, t in
                        ((1, ind.level1 if r == level1_start else ""), (2, ind.level2 if k == 0 else ""),
                         (3, item.level3), (4, item.nature), (5, shown), (6, item.unit), (7, item.weight)))
            w.set_height(r, lines)
        w.merge(first, 2, w.row, 2)
    if level1_start is not None:
        w.merge(level1_start, 1, w.row, 1)
    total = weight_sum(form)
    if total is not None:
        r = w.next()
        w.text(r, 1, LABEL_SUM, font=_BOLD, align=_WRAP_CENTER)
        w.merge(r, 1, r, 6)
        w.number_or_text(r, 7, format_weight(total))
        w.mark(r, MARK_SUM)
        w.set_height(r, 1)

    w.label_and_long_text(LABEL_OTHER, form.other_notes, 2)
    return header


def export_xlsx(form: Form, path: str | Path, *, fingerprint: str | None = None) -> XlsxResult:
    """Write the form as one printable sheet to ``path`` (callers wrap this in atomic_write).

    ``fingerprint`` set = a 定稿 form (printed in the footer); ``None`` = draft (草稿 in the header).
    """
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_TITLE
    tabular = form.template == TEMPLATE_TABULAR
    w = _Writer(ws, TAB_WIDTHS if tabular else BJ_WIDTHS)
    header = (_write_tabular if tabular else _write_bj)(w, form)
    w.instructions()

    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_PORTRAIT
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.79  # 2 cm
    ws.page_margins.top = ws.page_margins.bottom = 0.79
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.print_title_rows = f"{header}:{header}"
    ws.print_area = f"A1:{get_column_letter(w.ncols)}{w.row}"
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
    ws.oddFooter.center.font = FONT_NAME
    if fingerprint:
        ws.oddFooter.right.text = FINGERPRINT_LABEL + fingerprint
        ws.oddFooter.right.font = FONT_NAME
    else:
        ws.oddHeader.right.text = DRAFT_MARK
        ws.oddHeader.right.font = FONT_NAME
    ws.sheet_view.showGridLines = False
    wb.properties.title = TITLE
    wb.properties.creator = "绩效目标申报助手"
    wb.save(str(path))
    return XlsxResult(rows=w.row, dropped_chars="".join(dict.fromkeys(w.dropped)))


# --- reading -------------------------------------------------------------------------------------


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return format(Decimal(repr(value)).normalize(), "f") if value == value else ""
    return str(value)


@dataclass
class _Sheet:
    ws: Worksheet
    values: list[list[Any]] = field(default_factory=list)
    formats: list[list[str]] = field(default_factory=list)
    ncols: int = 3

    def get(self, row: int, col: int) -> Any:
        if 1 <= row <= len(self.values) and 1 <= col <= len(self.values[row - 1]):
            return self.values[row - 1][col - 1]
        return None

    def text(self, row: int, col: int) -> str:
        return _cell_text(self.get(row, col))

    def label(self, row: int, col: int) -> str:
        return re.sub(r"\s", "", self.text(row, col))

    def marker(self, row: int, offset: int = 0) -> str:
        return self.text(row, self.ncols + 1 + offset)

    def number_format(self, row: int, col: int) -> str:
        if 1 <= row <= len(self.formats) and 1 <= col <= len(self.formats[row - 1]):
            return self.formats[row - 1][col - 1]
        return "General"

    @property
    def nrows(self) -> int:
        return len(self.values)

    def find_last(self, col: int, label: str, start: int = 1) -> int | None:
        want = re.sub(r"\s", "", label)
        for r in range(self.nrows, start - 1, -1):
            if self.label(r, col) == want:
                return r
        return None

    def find(self, col: int, label: str, start: int = 1, *, prefix: bool = False) -> int | None:
        want = re.sub(r"\s", "", label)
        for r in range(start, self.nrows + 1):
            got = self.label(r, col)
            if got == want or (prefix and got.startswith(want)):
                return r
        return None


def _missing(label: str) -> XlsxImportError:
    return XlsxImportError(f"工作表中找不到“{label}”一栏（可能被删除或改动了），无法导入")


_AMOUNT_FORMAT = re.compile(r"0\.(0+)")
_WEIGHT_FORMAT = re.compile(r"0(?:\.(0+))?")


def _cell_decimal(value: object) -> Decimal | None:
    """A numeric cell as an exact Decimal (a float's repr is the digits Excel stored)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        return None
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def _as_formatted(number: Decimal, fmt: str, pattern: re.Pattern[str]) -> str | None:
    """The number with as many decimals as its number format shows (``0.00`` → 2), if it has one."""
    m = pattern.fullmatch(fmt)
    if not m:
        return None
    try:
        return f"{number.quantize(Decimal(1).scaleb(-len(m.group(1) or ''))):f}"
    except InvalidOperation:  # too large to show with those decimals
        return None


def _amount_from_cell(sheet: _Sheet, row: int, col: int) -> str:
    value = sheet.get(row, col)
    number = _cell_decimal(value)
    if number is None:
        return _cell_text(value)
    shown = _as_formatted(number, sheet.number_format(row, col), _AMOUNT_FORMAT)
    if shown is not None:
        return shown
    try:
        return format_amount(number)
    except InvalidOperation:  # a number too large to show with cents: the check reports it
        return f"{number:f}"


def _number_text(sheet: _Sheet, row: int, col: int) -> str:
    """A 权重 cell back to the text written: decimals from the number format."""
    value = sheet.get(row, col)
    number = _cell_decimal(value)
    if number is None:
        return _cell_text(value)
    shown = _as_formatted(number, sheet.number_format(row, col), _WEIGHT_FORMAT)
    return shown if shown is not None else format_weight(number)


def _read_long(sheet: _Sheet, row: int, col: int) -> tuple[str, int]:
    """The text starting at ``row`` plus its continuation rows; returns (text, last row)."""
    text = sheet.text(row, col)
    r = row
    while r + 1 <= sheet.nrows and sheet.marker(r + 1) in (MARK_CONT_NL, MARK_CONT_INLINE):
        r += 1
        text += (JOIN_NEWLINE if sheet.marker(r) == MARK_CONT_NL else JOIN_INLINE) + sheet.text(r, col)
    return text, r


def _parse_year(text: str) -> int | None:
    digits = re.sub(r"[\s（）()年度]", "", text.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    if not digits:
        return None
    # ASCII digits; an out-of-range year (as exported) is read and left to header.year_invalid.
    if not re.fullmatch(r"-?[0-9]{1,18}", digits):
        raise XlsxImportError(f"年度“{text.strip()}”不是有效的四位年份，应写成如“（2021年度）”")
    return int(digits)


def _refused_by_defusedxml(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, DefusedXmlException):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _open_sheet(path: Path) -> _Sheet:
    data = io.BytesIO(path.read_bytes())  # read once: no file handle left open on a failure
    try:
        if not zipfile.is_zipfile(data):
            raise XlsxImportError("文件不是 Excel 工作簿（.xlsx），无法导入")
        data.seek(0)
        wb = load_workbook(data, data_only=False)
    except XlsxImportError:
        raise
    except (InvalidFileException, zipfile.BadZipFile, KeyError) as exc:
        raise XlsxImportError("文件不是有效的 Excel 工作簿（.xlsx），可能已损坏或是其他格式") from exc
    except ValueError as exc:
        if _refused_by_defusedxml(exc):  # entity expansion, external references …
            raise XlsxImportError("工作簿内容无法安全读取（含有不允许的 XML 结构），拒绝导入") from exc
        raise XlsxImportError("文件不是有效的 Excel 工作簿（.xlsx），可能已损坏或不完整") from exc
    except OSError:
        raise
    except Exception as exc:  # any other parse failure of a corrupt workbook
        raise XlsxImportError(f"工作簿无法读取（{type(exc).__name__}），可能已损坏") from exc
    for ws in wb.worksheets:
        if not isinstance(ws, Worksheet):
            continue
        for row in ws.iter_rows(min_row=1, max_row=3, max_col=8, values_only=True):
            if any(isinstance(v, str) and re.sub(r"\s", "", v) == TITLE for v in row):
                break
        else:
            continue
        sheet = _Sheet(ws)
        if ws.max_row > MAX_ROWS:
            raise XlsxImportError(
                f"工作表有 {ws.max_row} 行，远超申报表的篇幅（第 {ws.max_row} 行附近还有内容或格式），"
                "请删除表格下方多余的行后再导入")
        width = 16  # the table and its hidden marker columns; anything further right is not read
        for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=width):
            sheet.values.append([c.value for c in row])
            sheet.formats.append([c.number_format for c in row])
        # Merged ranges: every cell of a merge reads as its top-left cell.
        for rng in ws.merged_cells.ranges:
            top = sheet.get(rng.min_row, rng.min_col)
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    if (r, c) != (rng.min_row, rng.min_col) and r <= sheet.nrows and c <= width:
                        sheet.values[r - 1][c - 1] = _Merged(top)
        return sheet
    raise XlsxImportError(f"工作簿中没有“{TITLE}”工作表，不是本程序导出的申报表")


class _Merged:
    """A cell hidden under a merge: reads as empty text but keeps the merge's value."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def __str__(self) -> str:
        return ""


def _merged_value(sheet: _Sheet, row: int, col: int) -> str:
    value = sheet.get(row, col)
    if isinstance(value, _Merged):
        return _cell_text(value.value)
    return _cell_text(value)


def _template_of(sheet: _Sheet) -> str:
    for r in range(1, min(sheet.nrows, 3) + 1):
        for c in range(4, 10):
            text = _cell_text(sheet.get(r, c))
            if text.startswith(MARK_TEMPLATE):
                return text[len(MARK_TEMPLATE):]
    # Without the hidden marker column, continuation rows would turn into extra indicators and
    # the rest of a long text would be lost without a word: refuse instead.
    raise XlsxImportError("工作表右侧隐藏的标记列被删除或改动了，无法准确还原申报表，"
                          "请使用本程序导出的原始文件，或从申报表文件重新导出")


def import_xlsx(path: str | Path) -> Form:
    """Read a workbook written by ``export_xlsx`` (and perhaps edited in Excel) back into a form.

    Raises:
        XlsxImportError: not an xlsx, an unsafe workbook, no form sheet, the hidden marker
            column gone, a label missing, a bad year or too many rows (Chinese message).
        OSError: the file cannot be read.
    """
    sheet = _open_sheet(Path(path))
    template = _template_of(sheet)
    sheet.ncols = len(TAB_WIDTHS) if template == TEMPLATE_TABULAR else len(BJ_WIDTHS)
    dept_row = sheet.find(1, LABEL_DEPARTMENT)
    if dept_row is None:
        raise _missing(LABEL_DEPARTMENT)
    year: int | None = None
    for r in range(1, dept_row):  # the first filled cell under the title is the year
        if sheet.label(r, 1) not in ("", re.sub(r"\s", "", TITLE)):
            year = _parse_year(sheet.text(r, 1))
            break
    department = sheet.text(dept_row, 2)

    tabular = template == TEMPLATE_TABULAR
    value_col = 4 if tabular else 3
    funds_row = sheet.find(1, LABEL_FUNDS_PREFIX, dept_row + 1, prefix=True)
    if funds_row is None:
        raise _missing(LABEL_FUNDS_PREFIX + "（万元）")
    unit_match = re.fullmatch(r"（(.*)）", sheet.label(funds_row, 1)[len(LABEL_FUNDS_PREFIX):])
    unit = unit_match.group(1) if unit_match else "万元"
    goals_row = sheet.find(1, LABEL_GOALS, funds_row + 1)
    if goals_row is None:
        raise _missing(LABEL_GOALS)

    def fund_row(label: str, required: bool) -> int | None:
        for r in range(funds_row, goals_row):
            if sheet.label(r, 2) == label or sheet.label(r, 2) == label.rstrip("："):
                return r
        if required:
            raise _missing(label.rstrip("："))
        return None

    total_row = fund_row(LABEL_TOTAL, True)
    basic_row = fund_row(LABEL_BASIC, not tabular)
    project_row = fund_row(LABEL_PROJECT, not tabular)
    funds = Funds(
        total=_amount_from_cell(sheet, total_row, value_col) if total_row else "",
        basic=_amount_from_cell(sheet, basic_row, value_col) if basic_row else "",
        project=_amount_from_cell(sheet, project_row, value_col) if project_row else "",
        unit=unit,
    )
    known = {total_row, basic_row, project_row}
    sources: list[FundSource] = []
    has_sources = False
    for r in range(funds_row, goals_row):
        if sheet.marker(r) == MARK_SOURCES_EMPTY:
            has_sources = True
        if r in known:
            continue
        name = sheet.text(r, 2)
        if sheet.marker(r) == MARK_SOURCE or name.strip():
            if not sources and name.startswith(SOURCES_PREFIX):
                name = name[len(SOURCES_PREFIX):]
            sources.append(FundSource(name=name, amount=_amount_from_cell(sheet, r, value_col)))
    funds.sources = sources if (sources or has_sources) else None

    goals, last = _read_long(sheet, goals_row, 2)

    other_row = sheet.find_last(1, LABEL_OTHER, last + 1)
    if other_row is None:
        raise _missing(LABEL_OTHER)
    if tabular:
        indicators = _read_tabular(sheet, last + 1, other_row)
    else:
        indicators = _read_bj(sheet, last + 1, other_row)
    other_notes, _ = _read_long(sheet, other_row, 2)

    return Form(template=template, year=year, department=department, funds=funds, goals=goals,
                indicators=indicators, other_notes=other_notes)


def _read_bj(sheet: _Sheet, start: int, end: int) -> list[Indicator]:
    header = None
    for r in range(start, end):
        if sheet.label(r, 2) == LABEL_NAME:
            header = r
            break
    if header is None:
        raise _missing(f"{LABEL_INDICATORS}—{LABEL_NAME}")
    indicators: list[Indicator] = []
    for r in range(header + 1, end):
        marker = sheet.marker(r)
        name, content = sheet.text(r, 2), sheet.text(r, 3)
        if marker in (MARK_CONT_NL, MARK_CONT_INLINE) and indicators:
            indicators[-1].content += (JOIN_NEWLINE if marker == MARK_CONT_NL else JOIN_INLINE) + content
            continue
        if marker == MARK_IND or name or content:
            indicators.append(Indicator(name=name, content=content))
    return indicators


def _read_tabular(sheet: _Sheet, start: int, end: int) -> list[Indicator]:
    header = None
    for r in range(start, end):
        if sheet.label(r, 1) == TABULAR_HEADERS[0]:
            header = r
            break
    if header is None:
        raise _missing(TABULAR_HEADERS[0])
    ops = "|".join(map(re.escape, OPERATORS))
    indicators: list[Indicator] = []
    for r in range(header + 1, end):
        marker = sheet.marker(r)
        if marker == MARK_SUM or (not marker and sheet.label(r, 1) == LABEL_SUM):
            continue
        cells = [sheet.text(r, c) for c in range(3, 7)]
        weight = _number_text(sheet, r, 7)
        level2_here = sheet.get(r, 2)
        if marker in (MARK_IND, MARK_IND_EMPTY):
            starts = True
        elif marker == MARK_ITEM:
            starts = not indicators
        else:  # a row inserted in Excel
            starts = not indicators or (not isinstance(level2_here, _Merged) and bool(_cell_text(level2_here)))
        if not marker and not any(cells) and not weight and not _merged_value(sheet, r, 2) \
                and not _merged_value(sheet, r, 1):
            continue  # a blank row inserted in Excel
        if starts:
            ind = Indicator(level1=_merged_value(sheet, r, 1), level2=_merged_value(sheet, r, 2),
                            name=sheet.marker(r, 4), content=sheet.marker(r, 5))
            indicators.append(ind)
            if marker == MARK_IND_EMPTY and not any(cells) and not weight:
                continue
        level3, nature, shown, unit = cells
        flag = sheet.marker(r, 1)
        operator, value = "", shown
        if flag.startswith("op=") and shown.startswith(flag[3:] + " "):
            operator, value = flag[3:], shown[len(flag) - 3 + 1:]
        elif flag != MARK_VALUE_RAW:
            m = re.match(rf"^({ops}) ?", shown)
            if m:
                operator, value = m.group(1), shown[m.end():]
        indicators[-1].items.append(IndicatorItem(
            level3=level3, nature=nature, operator=operator, value=value, unit=unit, weight=weight,
            direction=sheet.marker(r, 2), note=sheet.marker(r, 3)))
    return indicators
