"""The 监控表 / 自评表 as the first sheet of a workbook (``spec/self-evaluation.md`` "Print").

A form at a later stage is exported with this sheet in front of its 申报表 sheet (which the
reader keeps reading; the stage's own fields travel in the hidden identity sheet, so a
re-import is lossless). Same style as the 申报表: Song face, ruled cells, A4 fitted to the width.
Every typed text goes through ``exporters.cells`` (never a formula).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from jixiao_desktop.domain import evaluation as ev
from jixiao_desktop.domain.model import Form
from jixiao_desktop.domain.profiles import profile_for_form
from jixiao_desktop.exporters import cells
from jixiao_desktop.exporters.xlsx.layout import a4_page_setup

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="center")
_CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
_WIDTHS = (26, 14, 14, 8, 8, 26, 26)


def _rows(form: Form, result: ev.FormScore, evaluating: bool) -> list[list[Any]]:
    scores = {s.path: s for s in result.items}
    items = any(ind.items for ind in form.indicators)
    out: list[list[Any]] = []
    for i, ind in enumerate(form.indicators):
        if not items:
            if ind.name.strip() or ind.content.strip():
                s = scores.get(f"indicators[{i}]")
                out.append([ind.name, "", ev.row_text(ind, "actual"), s.points if s else "",
                            s.score if s and evaluating else "", "", ""])
            continue
        for j, it in enumerate(ind.items):
            s = scores.get(f"indicators[{i}].items[{j}]")
            out.append([" ".join(t for t in (ind.level2.strip(), it.level3.strip()) if t),
                        f"{it.operator}{it.value}{it.unit}",
                        ev.item_text(it, "actual_value") or ev.item_text(it, "qualitative_grade"),
                        s.points if s and evaluating else "",
                        (s.score if s else "") if evaluating else ev.item_text(it, "will_meet"),
                        ev.item_text(it, "deviation_reason"), ev.item_text(it, "measures")])
    return out


def _lines(values: list[Any]) -> int:
    """Lines the tallest cell of a row wraps to (a Chinese character is two width units)."""
    def width(text: str) -> int:
        return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)

    return max([1] + [-(-width(str(v)) // max(1, w - 1)) for v, w in zip(values, _WIDTHS, strict=False)])


def write_stage_sheet(wb: Workbook, form: Form, profile: Any | None = None) -> None:
    """Put the stage's table in front when ``form`` is at 监控 or 自评; nothing otherwise."""
    stage = ev.stage_of(form)
    if stage is ev.Stage.TARGET:
        return
    evaluating = stage is ev.Stage.EVALUATION
    result = ev.score_form(form, (profile or profile_for_form(form)).scoring)
    ws = wb.create_sheet(stage.form_title.removeprefix("部门整体支出"), 0)
    wb.active = 0
    ncols = len(_WIDTHS)
    for col, width in enumerate(_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    row = 1

    def put(r: int, c: int, value: Any, *, bold: bool = False, center: bool = False, span: int = 1) -> None:
        cell = ws.cell(row=r, column=c)
        if isinstance(value, Decimal):
            cell.value = value.quantize(Decimal("0.01"))
            cell.number_format = "0.00"
        else:
            cells.write_text(cell, str(value))
        cell.font = Font(name="宋体", size=11, bold=bold)
        cell.alignment = _CENTER if center else _WRAP
        if span > 1:
            ws.merge_cells(start_row=r, start_column=c, end_row=r, end_column=c + span - 1)
        for k in range(c, c + span):
            ws.cell(row=r, column=k).border = _BORDER

    title = ws.cell(row=row, column=1, value=stage.form_title)
    title.font = Font(name="宋体", size=16, bold=True)
    title.alignment = _CENTER
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    ws.cell(row=2, column=1, value=f"（{form.year or '    '}年度）").alignment = _CENTER
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=ncols)
    row = 3
    put(row, 1, "部门（单位）名称", bold=True, center=True)
    put(row, 2, form.department, span=ncols - 1)
    row += 1
    execution = [("全年预算数", ev.execution_text(form, "budget")), ("执行数", ev.execution_text(form, "executed")),
                 ("执行率", ev.printed_rate(result.rate) or "—")]
    execution.append(("预算执行得分", ev.printed_score(result.budget_score)) if evaluating
                     else ("截至", ev.execution_text(form, "as_of")))
    put(row, 1, f"预算执行情况（{form.funds.unit or '万元'}）", bold=True, center=True)
    col = 2
    for label, value in execution[:3]:
        put(row, col, f"{label}：{value}", span=2 if col < 6 else 1)
        col += 2 if col < 6 else 1
    row += 1
    put(row, 1, f"{execution[3][0]}：{execution[3][1]}", span=ncols)
    row += 1
    header_row = row
    headers = ["指标", "指标值", "实际完成值", "分值", "得分" if evaluating else "能否完成", "偏差原因分析", "改进措施"]
    for c, text in enumerate(headers, start=1):
        put(row, c, text, bold=True, center=True)
    row += 1
    for values in _rows(form, result, evaluating):
        for c, value in enumerate(values, start=1):
            put(row, c, value, center=c in (4, 5))
        ws.row_dimensions[row].height = 15 * _lines(values)
        row += 1
    if evaluating:
        for label, key in (("总体完成情况", "summary"), ("存在的问题", "problems"), ("下一步改进措施", "measures")):
            put(row, 1, label, bold=True, center=True)
            put(row, 2, ev.evaluation_text(form, key), span=ncols - 1)
            ws.row_dimensions[row].height = 15 * max(1, -(-len(ev.evaluation_text(form, key)) * 2 // 110))
            row += 1
        put(row, 1, "自评得分", bold=True, center=True)
        put(row, 2, result.total, span=ncols - 1)
        row += 1
    a4_page_setup(ws)  # the same print setup as the 申报表 sheet (2 cm margins)
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.print_area = f"A1:{get_column_letter(ncols)}{row - 1}"
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
    ws.sheet_view.showGridLines = False
