"""``summary``: one row per collected form and a 合计 row, as ``.xlsx``, ``.csv`` or JSON.

Amounts are summed as ``Decimal`` (never a float) and written to the workbook as numbers with
their own decimals; an amount that is not a number (what a clerk typed, kept as typed) is
written as text and left out of the 合计, which then says how many were left out.
"""

from __future__ import annotations

import csv
import io
import json
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jixiao_desktop.atomic import atomic_write
from jixiao_desktop.domain.evaluation import Stage, printed_rate, printed_score
from jixiao_desktop.domain.evaluation_summary import MissedIndicator
from jixiao_desktop.exporters import cells
from jixiao_desktop.storage.bureau import SummaryRow

if TYPE_CHECKING:
    from jixiao_desktop.bureau.summary_view import SummaryView

HEADERS = ("单位名称", "年度", "状态", "资金总额", "基本支出", "项目支出", "错误数", "警告数", "版本", "最后修改",
           "阶段", "执行率", "自评得分")
# With a ``SummaryView`` (the window's export: what the list shows), after the columns of cli.md:
VIEW_HEADERS = ("审核", "审核意见数", "预算批复数", "与批复差额", "上年资金总额", "比上年增减", "定稿指纹")
VIEW_WIDTHS = (8, 8, 13, 12, 13, 12, 16)
MISSING_HEADERS = ("未报单位", "单位编码", "联系人", "预算批复数")
# The 自评 sheet (issue 23 §6): per unit at the 自评 stage, the indicators below full points.
EVALUATION_SHEET = "自评"
EVALUATION_TITLE = "部门整体支出绩效自评未达标指标汇总表"
EVALUATION_HEADERS = ("单位名称", "年度", "自评得分", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值",
                      "分值", "得分", "偏差原因分析")
EVALUATION_WIDTHS = (30, 7, 9, 12, 12, 22, 12, 12, 8, 8, 36)
ALL_MET = "全部指标均达到目标"
TITLE = "部门整体支出绩效目标申报汇总表"
SUFFIXES = (".xlsx", ".csv")


class SummaryError(Exception):
    """The summary cannot be written there; the message is one Chinese sentence."""


def amount_value(text: str) -> Decimal | None:
    """A stored amount as a number (stored amounts are canonical text when readable)."""
    if not text or not text.strip():
        return None
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


@dataclass(frozen=True)
class Totals:
    forms: int
    total: Decimal
    basic: Decimal
    project: Decimal
    errors: int
    warnings: int
    unreadable: int  # amounts left out of the sums


def amount_in_wan(row: SummaryRow, key: str) -> str:
    """The row's amount (``total``/``basic``/``project``) in 万元, the summary's unit: a form whose
    rule profile types amounts in 元 is converted exactly; text that is not a number is kept."""
    text: str = getattr(row, key)
    value = amount_value(text)
    if row.unit != "元" or value is None:
        return text
    return format(value / Decimal(10000), "f")


def profile_text(row: SummaryRow) -> str:
    """The form's rule profile as the bureau reads it: ``四川省（sc）``, or the id it names."""
    from jixiao_desktop.domain.profiles import default_profile_id, find_profile

    profile_id = row.profile_id or default_profile_id(row.template)
    found = find_profile(profile_id)
    return found.label if found is not None else f"{profile_id}（本机没有此方案）"


def totals(rows: Sequence[SummaryRow]) -> Totals:
    sums = {"total": Decimal(0), "basic": Decimal(0), "project": Decimal(0)}
    unreadable = 0
    for row in rows:
        for key in sums:
            text = amount_in_wan(row, key)
            value = amount_value(text)
            if value is None:
                unreadable += bool(text.strip())
            else:
                sums[key] += value
    return Totals(forms=len(rows), total=sums["total"], basic=sums["basic"], project=sums["project"],
                  errors=sum(r.errors for r in rows), warnings=sum(r.warnings for r in rows),
                  unreadable=unreadable)


def _local(at: datetime) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M")


def _status(row: SummaryRow) -> str:
    return row.status.label


def _total_label(t: Totals) -> str:
    extra = f"，{t.unreadable} 个金额无法识别未计入" if t.unreadable else ""
    return f"合计（{t.forms} 份{extra}）"


def _missed_json(m: MissedIndicator) -> dict[str, str]:
    return {"level1": m.level1, "level2": m.level2, "name": m.name, "target": m.target, "actual": m.actual,
            "points": printed_score(m.points), "score": printed_score(m.score), "deviation_reason": m.reason}


def to_json(rows: Sequence[SummaryRow]) -> dict[str, Any]:
    t = totals(rows)
    return {
        "forms": [
            {"id": r.uuid, "department": r.department, "year": r.year, "status": str(r.status.value),
             "total": amount_in_wan(r, "total"), "basic": amount_in_wan(r, "basic"),
             "project": amount_in_wan(r, "project"), "profile": r.profile_id or None,
             "profile_name": profile_text(r), "errors": r.errors,
             "warnings": r.warnings, "revision": r.revision, "last_modified": r.updated_at.isoformat(),
             "stage": r.stage.value, "execution_rate": printed_rate(r.rate), "score": printed_score(r.score)}
            for r in rows
        ],
        "evaluation": [
            {"id": r.uuid, "department": r.department, "year": r.year, "score": printed_score(r.score),
             "missed": [_missed_json(m) for m in r.missed]}
            for r in rows if r.stage is Stage.EVALUATION
        ],
        "total": {"forms": t.forms, "total": str(t.total), "basic": str(t.basic), "project": str(t.project),
                  "errors": t.errors, "warnings": t.warnings, "unreadable_amounts": t.unreadable},
    }


class SafeCsvWriter:
    """``csv.writer`` whose every field goes through ``exporters.cells.csv_field``: a unit's name
    or an amount typed as ``=HYPERLINK(…)`` is written as text, never as a formula."""

    def __init__(self, out: io.StringIO) -> None:
        self._writer = csv.writer(out, lineterminator="\r\n")

    def writerow(self, values: Sequence[Any]) -> None:
        self._writer.writerow(cells.csv_row(list(values)))


def _view_cells(view: SummaryView | None, row: SummaryRow) -> list[Any]:
    if view is None:
        return []
    e = view.extras.get(row.id)
    if e is None:
        return [""] * len(VIEW_HEADERS)
    return [e.review, e.comments, e.budget, e.budget_diff if e.budget_diff is not None else "", e.last_total,
            e.change if e.change is not None else "", e.fingerprint]


def _groups(rows: Sequence[SummaryRow], view: SummaryView | None) -> list[tuple[str, list[SummaryRow]]]:
    """The 合计 rows: one, or with a view of several years one per year (a sum over years means nothing)."""
    years = sorted({r.year for r in rows}, key=lambda y: (y is None, y or 0))
    if view is None or len(years) <= 1:
        return [("", list(rows))]
    return [(f"{y}年度" if y else "未填年度", [r for r in rows if r.year == y]) for y in years]


def _group_label(name: str, t: Totals) -> str:
    label = _total_label(t)
    return label.replace("合计（", f"合计（{name}，", 1) if name else label


def csv_text(rows: Sequence[SummaryRow], view: SummaryView | None = None) -> str:
    out = io.StringIO()
    writer = SafeCsvWriter(out)  # no field is ever a formula (exporters.cells)
    if view is not None:
        writer.writerow([view.title])
    writer.writerow([*HEADERS, *(VIEW_HEADERS if view is not None else ())])
    for r in rows:
        writer.writerow([r.department, r.year or "", _status(r), amount_in_wan(r, "total"),
                         amount_in_wan(r, "basic"), amount_in_wan(r, "project"), r.errors,
                         r.warnings, r.revision, _local(r.updated_at), r.stage.label, printed_rate(r.rate),
                         printed_score(r.score), *_view_cells(view, r)])
    for name, group in _groups(rows, view):
        t = totals(group)
        writer.writerow([_group_label(name, t), "", "", t.total, t.basic, t.project, t.errors, t.warnings, "", "",
                         "", "", ""])
    if view is not None:
        writer.writerow([view.counts_line()])
        if view.missing:
            writer.writerow(MISSING_HEADERS)
            for u in view.missing:
                writer.writerow([u.department, u.code, u.contact, u.budget])
    return out.getvalue()


def _number_format(value: Decimal) -> str:
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return "#,##0" + ("." + "0" * places if places else "")


COLUMN_WIDTHS = (44, 8, 8, 14, 14, 14, 8, 8, 7, 17, 7, 10, 10)  # in characters of the sheet's default font
LINE_HEIGHT = 13.5  # points: one line of 10-point 宋体


CJK_WIDTH = 1.9  # a Chinese character of 10-point 宋体, in widths of the default font's "0" (Excel's unit)


def _text_lines(text: str, width: float) -> int:
    """How many lines ``text`` wraps to in a column ``width`` characters wide (as Excel on Windows
    draws it; LibreOffice's substitute fonts are narrower, so a row there is tall enough too)."""
    units = sum(CJK_WIDTH if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return max(1, math.ceil(units / max(1.0, width - 0.5)))


def write_xlsx(rows: Sequence[SummaryRow], path: Path, view: SummaryView | None = None) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "汇总"
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    body_font = Font(name="宋体", size=10)
    head_font = Font(name="宋体", size=10, bold=True)
    headers = (*HEADERS, *(VIEW_HEADERS if view is not None else ()))
    widths = (*COLUMN_WIDTHS, *(VIEW_WIDTHS if view is not None else ()))
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    title = ws.cell(row=1, column=1)
    cells.write_text(title, view.title if view is not None else TITLE)  # the filters hold typed text
    title.font = Font(name="宋体", size=16, bold=True)
    title.alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 30
    ws.cell(row=2, column=1, value="金额单位：万元").font = body_font
    fill = PatternFill("solid", fgColor="D9D9D9")
    for col, text in enumerate(headers, start=1):
        cell = ws.cell(row=3, column=col, value=text)
        cell.font, cell.border, cell.fill = head_font, border, fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)

    def put(row: int, col: int, value: Any, *, number: bool = False, bold: bool = False) -> None:
        cell = ws.cell(row=row, column=col)
        if number:
            amount = amount_value(value) if isinstance(value, str) else value
            if amount is not None:
                cell.value = amount  # a Decimal: openpyxl writes its digits, no float on the way
                cell.number_format = _number_format(amount)
            else:
                cells.write_text(cell, value)  # an amount typed as text: never a formula
            cell.alignment = Alignment(horizontal="right", vertical="center")
        else:
            if isinstance(value, str):
                cells.write_text(cell, value)  # a unit's name is the unit's text: never a formula
            else:
                cell.value = value
            wrap = col == 1
            cell.alignment = Alignment(vertical="center", wrap_text=wrap,
                                       horizontal=None if wrap else "center")
            if wrap and isinstance(value, str):
                # A row as tall as its wrapped name: neither Excel nor LibreOffice Calc measures it
                # on opening a file that was not saved by them, and the lines would overlap the next row.
                lines = _text_lines(value, COLUMN_WIDTHS[0])
                if lines > 1:
                    ws.row_dimensions[row].height = LINE_HEIGHT * lines + 2
        cell.font, cell.border = head_font if bold else body_font, border

    r = 4
    for row in rows:
        put(r, 1, row.department)
        put(r, 2, row.year)
        put(r, 3, _status(row))
        put(r, 4, amount_in_wan(row, "total"), number=True)
        put(r, 5, amount_in_wan(row, "basic"), number=True)
        put(r, 6, amount_in_wan(row, "project"), number=True)
        put(r, 7, row.errors)
        put(r, 8, row.warnings)
        put(r, 9, row.revision)
        put(r, 10, _local(row.updated_at))
        put(r, 11, row.stage.label)
        for col, value, number_format in ((12, row.rate, "0.00%"), (13, row.score, "0.00")):
            put(r, col, None)
            _put_fraction(ws.cell(row=r, column=col), value, number_format)
        view_start = len(HEADERS) + 1
        for col, value in enumerate(_view_cells(view, row), start=view_start):
            put(r, col, value, number=col - view_start in (2, 3, 4, 5) and value != "")
        r += 1
    last_row = r - 1
    for name, group in _groups(rows, view):
        t = totals(group)
        put(r, 1, _group_label(name, t), bold=True)
        for col in (2, 3, 9, 10, *range(11, len(headers) + 1)):  # 11–13: 阶段, 执行率, 自评得分
            put(r, col, None, bold=True)
        put(r, 4, t.total, number=True, bold=True)
        put(r, 5, t.basic, number=True, bold=True)
        put(r, 6, t.project, number=True, bold=True)
        put(r, 7, t.errors, bold=True)
        put(r, 8, t.warnings, bold=True)
        r += 1
    if view is not None:
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=len(headers))
        cells.write_text(ws.cell(row=r, column=1), view.counts_line())
        ws.cell(row=r, column=1).font = body_font
        r += 2
        if view.missing:
            for col, text in enumerate(MISSING_HEADERS, start=1):
                cell = ws.cell(row=r, column=col, value=text)
                cell.font, cell.border, cell.fill = head_font, border, fill
            for u in view.missing:
                r += 1
                for col, text in enumerate((u.department, u.code, u.contact, u.budget), start=1):
                    put(r, col, text)
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "B4"
    ws.auto_filter.ref = f"A3:{get_column_letter(len(headers))}{max(last_row, 3)}"
    ws.print_title_rows = "3:3"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    if any(row.stage is Stage.EVALUATION for row in rows):
        _evaluation_sheet(wb, rows, border, body_font, head_font, fill)
    wb.save(path)


def _put_fraction(cell: Any, value: Decimal | None, number_format: str) -> None:
    """A rate or a score as a number (rounded half-up as printed, from the Decimal: no float)."""
    from openpyxl.styles import Alignment

    if value is not None:
        places = Decimal("0.0001") if number_format.endswith("%") else Decimal("0.01")
        cell.value = value.quantize(places, rounding=ROUND_HALF_UP)
        cell.number_format = number_format
    cell.alignment = Alignment(horizontal="right", vertical="center")


def _evaluation_sheet(wb: Any, rows: Sequence[SummaryRow], border: Any, body_font: Any, head_font: Any,
                      fill: Any) -> None:
    """The 自评 sheet: per unit at the 自评 stage, each indicator below its full points with its
    target, actual value, points, score and 偏差原因 (a unit that met every target: one line
    saying so). Every text is the clerk's text, never a formula."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(EVALUATION_SHEET)
    n = len(EVALUATION_HEADERS)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
    title = ws.cell(row=1, column=1, value=EVALUATION_TITLE)
    title.font = Font(name="宋体", size=16, bold=True)
    title.alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 30
    for col, text in enumerate(EVALUATION_HEADERS, start=1):
        cell = ws.cell(row=2, column=col, value=text)
        cell.font, cell.border, cell.fill = head_font, border, fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    r = 3
    for row in rows:
        if row.stage is not Stage.EVALUATION:
            continue
        lines: list[MissedIndicator | None] = [*row.missed] or [None]
        for m in lines:
            texts: list[Any] = [row.department, row.year, None]
            if m is None:
                texts += [ALL_MET, "", "", "", "", None, None, ""]
            else:
                texts += [m.level1, m.level2, m.name, m.target, m.actual, None, None, m.reason]
            for col, value in enumerate(texts, start=1):
                cell = ws.cell(row=r, column=col)
                if isinstance(value, str):
                    cells.write_text(cell, value)
                else:
                    cell.value = value
                cell.font, cell.border = body_font, border
                cell.alignment = Alignment(vertical="center", wrap_text=col in (1, 4, 5, 6, 7, 8, 11))
            _put_fraction(ws.cell(row=r, column=3), row.score, "0.00")
            if m is not None:
                _put_fraction(ws.cell(row=r, column=9), m.points, "0.00")
                _put_fraction(ws.cell(row=r, column=10), m.score, "0.00")
            needed = max(_text_lines(v, EVALUATION_WIDTHS[c]) for c, v in enumerate(texts) if isinstance(v, str) and v)
            if needed > 1:
                ws.row_dimensions[r].height = LINE_HEIGHT * needed + 2
            r += 1
    for col, width in enumerate(EVALUATION_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "B3"
    ws.auto_filter.ref = f"A2:{get_column_letter(n)}{max(r - 1, 2)}"
    ws.print_title_rows = "2:2"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"


def write_summary(rows: Sequence[SummaryRow], out: str, view: SummaryView | None = None) -> None:
    """Write the summary to ``out`` by its ending (.xlsx or .csv), atomically; with ``view`` (the
    window's list) its title says the filters, its further columns and the 未报 units follow.

    Raises:
        SummaryError: unknown ending, a folder, a missing folder.
        OSError: the file cannot be written (the caller names it).
    """
    target = Path(out)
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        raise SummaryError("不支持的汇总表类型，请以 .xlsx 或 .csv 结尾，或用 - 输出 JSON")
    if target.is_dir():
        raise SummaryError("这是一个文件夹，请给出文件名")
    if not target.parent.is_dir():
        raise SummaryError(f"文件夹“{target.parent}”不存在")
    if suffix == ".csv":
        # UTF-8 with a BOM: Excel on a Chinese Windows opens it with the right characters.
        data = csv_text(rows, view).encode("utf-8-sig")
        atomic_write(target, lambda tmp: tmp.write_bytes(data))
    else:
        atomic_write(target, lambda tmp: write_xlsx(rows, tmp, view))


def json_text(rows: Sequence[SummaryRow]) -> str:
    return json.dumps(to_json(rows), ensure_ascii=False, indent=2)
