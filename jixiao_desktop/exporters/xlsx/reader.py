"""Re-import of a workbook written by the Excel export (and perhaps edited in Excel).

``import_xlsx`` reads the visible cells by their labels, so what was changed in Excel is what
gets imported; the hidden marker column says which rows continue the row above and how.
"""


import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from defusedxml import DefusedXmlException
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from jixiao_desktop import safezip
from jixiao_desktop.domain.exchange import ExchangeError, check_form_size
from jixiao_desktop.domain.model import (
    TEMPLATE_TABULAR,
    Form,
    Funds,
    FundSource,
    Indicator,
)
from jixiao_desktop.domain.money import format_amount
from jixiao_desktop.domain.years import year_digits
from jixiao_desktop.errors import KnownError
from jixiao_desktop.exporters._common import (
    JOIN_INLINE,
    JOIN_NEWLINE,
    LABEL_BASIC,
    LABEL_DEPARTMENT,
    LABEL_FUNDS_PREFIX,
    LABEL_GOALS,
    LABEL_INDICATORS,
    LABEL_NAME,
    LABEL_OTHER,
    LABEL_PROJECT,
    LABEL_TOTAL,
    SOURCES_PREFIX,
    TITLE,
    format_weight,
)
from jixiao_desktop.exporters.xlsx.identity import apply_identity, read_identity
from jixiao_desktop.exporters.xlsx.layout import (
    MARK_CONT_INLINE,
    MARK_CONT_NL,
    MARK_IND,
    MARK_SOURCE,
    MARK_SOURCES_EMPTY,
    MARK_TEMPLATE,
    MAX_ROWS,
)


class XlsxImportError(KnownError, ValueError):
    """A workbook that is not a form exported by this app; the message is one Chinese line."""


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
    book: Any = None

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


_AMOUNT_FORMAT = re.compile(r"(?:#,##)?0\.(0+)")
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
    digits = year_digits(text)  # an out-of-range year (as exported) is read: header.year_invalid says so
    if digits is None:
        raise XlsxImportError(f"年度“{text.strip()}”不是有效的四位年份，应写成如“（2021年度）”")
    return int(digits) if digits else None


def _refused_by_defusedxml(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, DefusedXmlException):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _load(data: Any, *, data_only: bool) -> Any:
    """openpyxl's workbook from the bounded in-memory copy; failures as XlsxImportError."""
    try:
        if hasattr(data, "seek"):
            data.seek(0)
        return load_workbook(data, data_only=data_only)
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


_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def decode_ooxml_text(text: str) -> str:
    """Undo the ``_xHHHH_`` escapes Excel writes (``_x000D_`` for a carriage return, ``_x005F_``
    for a literal underscore); line breaks as ``\n``."""
    if "_x" in text:
        text = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _use_cached_values(data: Any, ws: Worksheet, sheet: _Sheet, width: int) -> None:
    """A formula typed in Excel (``=C5+C6``) reads as the value Excel last computed for it."""
    formulas = [(r, c) for r, row in enumerate(ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=width), 1)
                for c, cell in enumerate(row, 1) if cell.data_type == "f"]
    if not formulas:
        return
    cached = _load(data, data_only=True)[ws.title]
    for r, c in formulas:
        value = cached.cell(row=r, column=c).value
        if value is None:
            raise XlsxImportError(
                f"单元格 {get_column_letter(c)}{r} 是公式（{sheet.values[r - 1][c - 1]}），文件中没有保存它的计算结果，"
                "请在 Excel 或 WPS 中打开该文件、保存后再导入")
        sheet.values[r - 1][c - 1] = value


def _open_sheet(path: Path) -> _Sheet:
    try:
        # Sizes, compression, DTDs checked and every part inflated within bounds (safezip),
        # then handed to openpyxl as an in-memory copy: no file handle left open on a failure.
        data = safezip.safe_workbook(path)
    except safezip.ArchiveError as exc:
        raise XlsxImportError(str(exc)) from exc
    wb = _load(data, data_only=False)
    for ws in wb.worksheets:
        if not isinstance(ws, Worksheet):
            continue
        for row in ws.iter_rows(min_row=1, max_row=3, max_col=8, values_only=True):
            if any(isinstance(v, str) and re.sub(r"\s", "", v) == TITLE for v in row):
                break
        else:
            continue
        sheet = _Sheet(ws, book=wb)
        if ws.max_row > MAX_ROWS:
            raise XlsxImportError(
                f"工作表有 {ws.max_row} 行，远超申报表的篇幅（第 {ws.max_row} 行附近还有内容或格式），"
                "请删除表格下方多余的行后再导入")
        width = 16  # the table and its hidden marker columns; anything further right is not read
        for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=width):
            _check_cell_sizes(row)
            sheet.values.append([decode_ooxml_text(c.value) if isinstance(c.value, str) and c.data_type != "f"
                                 else c.value for c in row])
            sheet.formats.append([c.number_format for c in row])
        _use_cached_values(data, ws, sheet, width)
        # Merged ranges: every cell of a merge reads as its top-left cell.
        for rng in ws.merged_cells.ranges:
            top = sheet.get(rng.min_row, rng.min_col)
            for r in range(rng.min_row, min(rng.max_row, sheet.nrows) + 1):
                for c in range(rng.min_col, min(rng.max_col, width) + 1):
                    if (r, c) != (rng.min_row, rng.min_col):
                        sheet.values[r - 1][c - 1] = _Merged(top)
        return sheet
    raise XlsxImportError(f"工作簿中没有“{TITLE}”工作表，不是本程序导出的申报表")


MAX_CELL_CHARS = 32_767  # Excel's own limit: a longer cell was not written by Excel or by us


def _check_cell_sizes(row: tuple[Any, ...]) -> None:
    for cell in row:
        if isinstance(cell.value, str) and len(cell.value) > MAX_CELL_CHARS:
            raise XlsxImportError(
                f"单元格 {cell.coordinate} 有 {len(cell.value)} 个字符，超过 Excel 单元格的上限 "
                f"{MAX_CELL_CHARS} 个字符，不是 Excel 或本程序写出的申报表，未导入")


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
    """The template named in the hidden column (which also says how many columns the table has)."""
    for r in range(1, min(sheet.nrows, 3) + 1):
        for c in range(4, 16):
            text = _cell_text(sheet.get(r, c))
            if text.startswith(MARK_TEMPLATE):
                sheet.ncols = c - 1
                return text[len(MARK_TEMPLATE):]
    # Without the hidden marker column, continuation rows would turn into extra indicators and
    # the rest of a long text would be lost without a word: refuse instead.
    raise XlsxImportError("工作表右侧隐藏的标记列被删除或改动了，无法准确还原申报表，"
                          "请使用本程序导出的原始文件，或从申报表文件重新导出")


def import_xlsx(path: str | Path) -> Form:
    """The form of ``read_xlsx`` alone."""
    return read_xlsx(path)[0]


def read_xlsx(path: str | Path) -> tuple[Form, list[str]]:
    """Read a workbook written by ``export_xlsx`` (and perhaps edited in Excel) back into a form,
    with its identity from the hidden sheet (``identity``) and what the clerk should be told.

    Raises:
        XlsxImportError: not an xlsx, an unsafe workbook, no form sheet, the hidden marker
            column gone, a label missing, a bad year or too many rows (Chinese message).
        OSError: the file cannot be read.
    """
    sheet = _open_sheet(Path(path))
    template = _template_of(sheet)
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
        from jixiao_desktop.exporters.xlsx.reader_tabular import read_tabular

        indicators = read_tabular(sheet, last + 1, other_row)
    else:
        indicators = _read_bj(sheet, last + 1, other_row)
    other_notes, _ = _read_long(sheet, other_row, 2)

    form = Form(template=template, year=year, department=department, funds=funds, goals=goals,
                indicators=indicators, other_notes=other_notes)
    try:
        check_form_size(form)  # the exchange file's cap: what could not be saved is not imported
    except ExchangeError as exc:
        raise XlsxImportError(str(exc)) from exc
    ident = read_identity(sheet.book)
    return form, (apply_identity(form, ident) if ident is not None else [])


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
