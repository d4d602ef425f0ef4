"""Excel export of a form, in the printed layout of its template (print-layout.md).

openpyxl cannot auto-fit rows, so row heights come from the text length (a full-width
character counts as two columns), and a text too long for one row (a row is at most 409 pt in
Excel) is cut into consecutive rows whose 指标名称 carries （续）.
"""


import math
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.dimensions import RowDimension
from openpyxl.worksheet.worksheet import Worksheet

from jixiao_desktop.domain.columns import Column, column_keys, printed_columns
from jixiao_desktop.domain.model import (
    OPERATORS,
    TEMPLATE_TABULAR,
    Form,
    IndicatorItem,
)
from jixiao_desktop.domain.money import AmountError, parse_amount, printed_amount
from jixiao_desktop.exporters import cells
from jixiao_desktop.exporters._common import (
    DRAFT_MARK,
    FINGERPRINT_LABEL,
    INSTRUCTIONS,
    JOIN_NEWLINE,
    LABEL_BASIC,
    LABEL_CONTENT,
    LABEL_DEPARTMENT,
    LABEL_GOALS,
    LABEL_INDICATORS,
    LABEL_NAME,
    LABEL_OTHER,
    LABEL_PROJECT,
    LABEL_SUM,
    LABEL_TOTAL,
    SOURCES_PREFIX,
    TABULAR_CAPTION,
    TITLE,
    continued_label,
    format_weight,
    funds_label,
    is_wide,
    split_text,
    value_text,
    weight_sum,
    year_text,
)
from jixiao_desktop.exporters.linebreak import break_lines
from jixiao_desktop.exporters.xlsx.identity import write_identity
from jixiao_desktop.exporters.xlsx.layout import (
    BJ_WIDTHS,
    DEFAULT_KEYS,
    DIRECTION_WIDTH,
    FONT_NAME,
    FONT_SIZE,
    KEY_WIDTHS,
    LEFT_KEYS,
    LINE_PT,
    MARK_COLUMNS,
    MARK_CONT_INLINE,
    MARK_CONT_NL,
    MARK_IND,
    MARK_IND_EMPTY,
    MARK_ITEM,
    MARK_SOURCE,
    MARK_SOURCES_EMPTY,
    MARK_SUM,
    MARK_TEMPLATE,
    MARK_VALUE_RAW,
    MAX_LINES,
    NARROW_KEY_WIDTHS,
    NOTE_MIN_WIDTH,
    ROW_PAD_PT,
    SHEET_TITLE,
    TAB_NARROW_WIDTHS,
    TAB_WIDTHS,
    a4_page_setup,
)
from jixiao_desktop.exporters.xlsx.stage_sheet import write_stage_sheet

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FONT = Font(name=FONT_NAME, size=FONT_SIZE)
_BOLD = Font(name=FONT_NAME, size=FONT_SIZE, bold=True)
_TITLE_FONT = Font(name=FONT_NAME, size=18, bold=True)
_NOTE_FONT = Font(name=FONT_NAME, size=9)
_WRAP_TOP = Alignment(wrap_text=True, vertical="top", horizontal="left")
_WRAP_CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
_WRAP_LEFT_MID = Alignment(wrap_text=True, vertical="center", horizontal="left")




@dataclass
class XlsxResult:
    """What the export wrote: the number of sheet rows and characters Excel cannot hold."""

    rows: int
    dropped_chars: str = ""


# --- writing -------------------------------------------------------------------------------------


def _units(ch: str) -> float:
    """宋体 metrics in half-width units: a full-width character two, the rest one."""
    return 2.0 if is_wide(ch) else 1.0


def _capacity(width: float) -> float:
    """Half-width 宋体 characters on one wrapped line of a column ``width`` units wide.

    The workbook's normal font is 宋体 11 pt, so a width unit is one 宋体 digit (7 px at 96 dpi,
    half of a 14.67 px full-width character); a column is ``width * 7 + 5`` px, less the cell's
    own 2 px margins each side. A 2 % margin keeps a line that Excel/WPS measure a hair wider.
    """
    return max(2.0, (width * 7.0 + 5.0 - 4.0) / 7.333 * 0.98)


def _lines(text: str, width: float) -> int:
    """Wrapped lines of ``text`` in a column: the same Chinese line breaking as the PDF."""
    if not text:
        return 1
    return len(break_lines(text, _units, _capacity(width)))


def _height(lines: int) -> float:
    return min(409.0, max(1, lines) * LINE_PT + ROW_PAD_PT)


def tabular_columns(form: Form, profile: Any | None = None) -> tuple[tuple[float, ...], list[Column]]:
    """The tabular sheet's widths and columns: the profile's (``domain.columns``), then 方向 /
    指标解释 / … / 备注 as visible columns when filled. The default table keeps its widths."""
    columns = list(printed_columns(form, profile))
    keys = tuple(c.key for c in columns)
    if keys == DEFAULT_KEYS:
        return TAB_WIDTHS, columns
    if keys[:len(DEFAULT_KEYS)] == DEFAULT_KEYS and set(keys[len(DEFAULT_KEYS):]) <= {"direction", "note"}:
        widths = list(TAB_NARROW_WIDTHS) + ([DIRECTION_WIDTH] if "direction" in keys else [])
        if "note" in keys:
            widths.append(max(NOTE_MIN_WIDTH, sum(TAB_WIDTHS) - sum(widths)))
        return tuple(widths), columns
    narrow = len(columns) > len(DEFAULT_KEYS)
    widths = [(NARROW_KEY_WIDTHS if narrow else KEY_WIDTHS)[c.key] for c in columns]
    return tuple(widths), columns


def _normal_font_song(wb: Workbook) -> None:
    """The workbook's 常规 font is 宋体 11 pt: column widths are counted in 宋体 digits in Excel,
    WPS and LibreOffice alike, so the row heights computed here fit in all three."""
    wb._fonts[0] = Font(name=FONT_NAME, size=FONT_SIZE)


class _AutoRow(RowDimension):
    """A row height Excel/WPS/LibreOffice may grow when text is added (no customHeight)."""

    @property
    def customHeight(self) -> bool:
        return False


class _Writer:
    def __init__(self, ws: Worksheet, widths: tuple[float, ...], columns: list[Column] | None = None) -> None:
        self.ws = ws
        self.widths = widths
        self.columns = columns or []
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
        text, bad = cells.clean_text(text)
        self.dropped.extend(bad)
        return text

    def text(self, row: int, col: int, value: str, *, font: Font = _FONT,
             align: Alignment = _WRAP_TOP, border: bool = True) -> Cell:
        cell = self.ws.cell(row=row, column=col)
        self.dropped.extend(cells.write_text(cell, value))  # typed text is never a formula
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
        # As every printout shows it (money.printed_amount): the decimals typed, at least two,
        # thousands separators only when the clerk typed them.
        printed = printed_amount(typed)
        decimals = max(2, len(printed.partition(".")[2]))
        cell = self.ws.cell(row=row, column=col, value=parsed.value)
        cell.number_format = ("#,##0." if "," in printed else "0.") + "0" * decimals
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
        if cells.clean_text(marker)[0]:
            self.dropped.extend(cells.write_text(self.ws.cell(row=row, column=self.mark_col + col_offset), marker))

    def merge(self, row1: int, col1: int, row2: int, col2: int) -> None:
        if row1 != row2 or col1 != col2:
            self.ws.merge_cells(start_row=row1, start_column=col1, end_row=row2, end_column=col2)
        for r in range(row1, row2 + 1):
            for c in range(col1, col2 + 1):
                self.ws.cell(row=r, column=c).border = _BORDER

    def width(self, col1: int, col2: int) -> float:
        return sum(self.widths[col1 - 1:col2])

    def set_height(self, row: int, lines: int, *, auto: bool = False) -> None:
        """The row's height for ``lines`` wrapped lines; ``auto`` (rows without merged text): the
        spreadsheet may grow it as text is typed, else the height is kept (merged cells are not
        auto-fitted by Excel or LibreOffice, so their rows keep the height computed here)."""
        if auto:
            self.ws.row_dimensions[row] = _AutoRow(self.ws, index=row, ht=_height(lines))
        else:
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
            shown = name if k == 0 else continued_label(name, _units, _capacity(w.widths[1]))
            w.text(r, 2, shown)
            w.text(r, 3, piece.text)
            w.set_height(r, max(_lines(shown, w.widths[1]), _lines(piece.text, w.widths[2])), auto=True)
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
    for c, col in enumerate(w.columns, start=1):
        w.text(header, c, col.label, font=_BOLD, align=_WRAP_CENTER)
    w.set_height(header, max(_lines(col.label, w.widths[c - 1]) for c, col in enumerate(w.columns, start=1)))
    w.mark(header, MARK_COLUMNS + column_keys(w.columns))  # the reader maps the columns by it
    at = {col.key: c for c, col in enumerate(w.columns, start=1)}
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
            # The operator in front of the value, unless the profile prints it in a column (四川: 指标性质).
            shown = item.value if "operator" in at else value_text(item.operator, item.value)
            texts: list[tuple[int, str]] = []
            for c, col in enumerate(w.columns[2:], start=3):
                text = shown if col.key == "value" else str(getattr(item, col.key))
                if col.key == "weight":
                    w.number_or_text(r, c, text)
                else:
                    w.text(r, c, text, align=_WRAP_LEFT_MID if col.key in LEFT_KEYS else _WRAP_CENTER)
                texts.append((c, text))
            marker = (MARK_IND_EMPTY if not ind.items else MARK_IND) if k == 0 else MARK_ITEM
            w.mark(r, marker)
            if "operator" in at:
                pass  # the operator has its own cell: value and operator come back as they are
            elif not item.operator and item.value.startswith(OPERATORS):
                w.mark(r, MARK_VALUE_RAW, 1)
            elif item.operator and item.operator not in OPERATORS:
                w.mark(r, "op=" + item.operator, 1)
            if "direction" not in at:
                w.mark(r, item.direction, 2)
            if "note" not in at:
                w.mark(r, item.note, 3)
            if k == 0 and (ind.name or ind.content):
                w.mark(r, ind.name, 4)
                w.mark(r, ind.content, 5)
            lines = max(_lines(t, w.widths[c - 1]) for c, t in
                        ((1, ind.level1 if r == level1_start else ""), (2, ind.level2 if k == 0 else ""), *texts))
            w.set_height(r, lines, auto=True)
        w.merge(first, 2, w.row, 2)
    if level1_start is not None:
        w.merge(level1_start, 1, w.row, 1)
    total = weight_sum(form)
    weight_col = at.get("weight")
    if total is not None and weight_col is not None:
        r = w.next()
        w.text(r, 1, LABEL_SUM, font=_BOLD, align=_WRAP_CENTER)
        w.merge(r, 1, r, weight_col - 1)
        w.number_or_text(r, weight_col, format_weight(total))
        for c in range(weight_col + 1, w.ncols + 1):
            w.text(r, c, "")
        w.mark(r, MARK_SUM)
        w.set_height(r, 1)

    w.label_and_long_text(LABEL_OTHER, form.other_notes, 2)
    return header


def export_xlsx(form: Form, path: str | Path, *, fingerprint: str | None = None,
                profile: Any | None = None) -> XlsxResult:
    """Write the form as one printable sheet to ``path`` (callers wrap this in atomic_write).

    ``fingerprint`` set = a 定稿 form (printed in the footer); ``None`` = draft (草稿 in the header).
    The form's id, revision, 定稿 state and what the sheet cannot show go in a hidden sheet
    (``identity``).
    ``profile``: the form's rule profile, whose columns and labels a tabular form prints
    (``domain.columns``); ``None`` = the default table of print-layout.md.
    """
    wb = Workbook()
    _normal_font_song(wb)
    ws = wb.active
    ws.title = SHEET_TITLE
    tabular = form.template == TEMPLATE_TABULAR
    widths, columns = tabular_columns(form, profile) if tabular else (BJ_WIDTHS, [])
    w = _Writer(ws, widths, columns)
    header = (_write_tabular if tabular else _write_bj)(w, form)
    w.instructions()

    a4_page_setup(ws)
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
    write_stage_sheet(wb, form, profile)  # 监控表 / 自评表 in front at the later stages
    write_identity(wb, form, fingerprint)
    wb.properties.title = TITLE
    wb.properties.creator = "绩效目标申报助手"
    wb.save(str(path))
    return XlsxResult(rows=w.row, dropped_chars="".join(dict.fromkeys(w.dropped)))


