"""Excel export: the official layout, a lossless re-import, no formulas, broken workbooks refused."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from openpyxl.worksheet.worksheet import Worksheet

from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.model import (
    TEMPLATE_TABULAR,
    Form,
    Funds,
    FundSource,
    Indicator,
    IndicatorItem,
)
from jixiao_desktop.exporters.xlsx import XlsxImportError, export_xlsx, import_xlsx
from tests.exporters.strategies import bj_forms, tabular_forms


def _same(a: Form, b: Form) -> None:
    """Equal as the exchange file writes them (amounts canonical)."""
    assert exchange.form_to_dict(b) == exchange.form_to_dict(a)


def _roundtrip(form: Form, path: Path) -> Form:
    export_xlsx(form, path)
    return import_xlsx(path)


def _cells(path: Path) -> list[openpyxl.cell.cell.Cell]:
    wb = openpyxl.load_workbook(path)
    return [c for ws in wb for row in ws.iter_rows() for c in row]


def _tabular_form() -> Form:
    item = IndicatorItem
    return Form(
        template=TEMPLATE_TABULAR, year=2023, department="某区某街道办事处",
        funds=Funds(total="1200.50"),
        goals="目标一\n目标二",
        indicators=[
            Indicator(level1="产出指标", level2="数量指标", items=[
                item(level3="绿地养护面积", nature="定量", operator="≥", value="113816", unit="平方米", weight="10"),
                item(level3="道路保洁面积", nature="定量", operator="≥", value="240472", unit="平方米", weight="10"),
            ]),
            Indicator(level1="产出指标", level2="质量指标", items=[
                item(level3="验收合格率", nature="定量", operator="=", value="100", unit="%", weight="10.5"),
            ]),
            Indicator(level1="满意度指标", level2="服务对象满意度指标", items=[
                item(level3="居民满意度", nature="定量", operator="≥", value="95", unit="%", weight="20"),
            ]),
        ],
        other_notes="无",
    )


@pytest.mark.parametrize("name", ["jinrongjie", "niujie"])
def test_reference_forms_reimport_equal(name: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    form = request.getfixturevalue(name)
    back = _roundtrip(form, tmp_path / "f.xlsx")
    _same(form, back)
    # Not only equal after canonicalisation: every text exactly as typed.
    assert back.goals == form.goals
    assert [(i.name, i.content) for i in back.indicators] == [(i.name, i.content) for i in form.indicators]


def test_layout_labels_and_merges(jinrongjie: Form, tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    export_xlsx(jinrongjie, path)
    ws = openpyxl.load_workbook(path).active
    assert ws["A1"].value == "部门整体支出绩效目标申报表" and ws["A1"].font.b
    assert ws["A2"].value == "（2021年度）"
    labels = {c.value: c for row in ws.iter_rows(max_col=3) for c in row if isinstance(c.value, str)}
    for label in ["部门（单位）名称", "部门（单位）总体资金情况（万元）", "资金总额：", "基本支出：", "项目支出：",
                  "部门（单位）绩效目标", "绩效指标", "指标名称", "指标内容和指标值", "其他说明的问题"]:
        assert label in labels, label
    merged = {str(r) for r in ws.merged_cells.ranges}
    dept = labels["部门（单位）名称"].row
    assert f"B{dept}:C{dept}" in merged
    funds = labels["部门（单位）总体资金情况（万元）"].row
    assert f"A{funds}:A{funds + 2}" in merged
    # 绩效指标 merged down over the header and every indicator row (and their continuations).
    ind = labels["绩效指标"].row
    other = labels["其他说明的问题"].row
    assert f"A{ind}:A{other - 1}" in merged
    # Amounts are numbers with two decimals.
    total = ws.cell(row=labels["资金总额："].row, column=3)
    assert total.data_type == "n" and total.number_format == "0.00"
    assert float(total.value) == pytest.approx(39985.49)
    # Print setup: A4 portrait, fit to one page wide, header row repeated, page footer.
    assert int(ws.page_setup.paperSize) == 9 and ws.page_setup.orientation == "portrait"  # 9 = A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == f"${ind}:${ind}"
    assert "第 &P 页 共 &N 页" in ws.oddFooter.center.text
    assert ws.oddHeader.right.text == "草稿"
    texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(t.startswith("填制说明：1、部门（单位）绩效目标") for t in texts)


def test_long_cell_continues_on_rows_no_taller_than_a_page(jinrongjie: Form, tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    export_xlsx(jinrongjie, path)
    ws = openpyxl.load_workbook(path).active
    names = [ws.cell(row=r, column=2).value for r in range(1, ws.max_row + 1)]
    assert "产出指标-产出数量指标（续）" in names
    heights = [ws.row_dimensions[r].height or 15 for r in range(1, ws.max_row + 1)]
    assert max(heights) <= 409
    # No cell of the visible table holds the whole 5,658 characters.
    assert max(len(str(c.value or "")) for row in ws.iter_rows(max_col=3) for c in row) < 2000


def test_final_form_carries_fingerprint_in_footer(niujie: Form, tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    export_xlsx(niujie, path, fingerprint="ABCD-1234-EF56")
    ws = openpyxl.load_workbook(path).active
    assert "ABCD-1234-EF56" in ws.oddFooter.right.text
    assert not (ws.oddHeader.right.text or "")


def test_typed_formula_text_stays_text(niujie: Form, tmp_path: Path) -> None:
    niujie.goals = '=HYPERLINK("http://example.invalid","点此")'
    niujie.indicators[0].content = "+1+1"
    niujie.indicators[1].name = "@SUM(A1)"
    niujie.other_notes = "-3"
    niujie.department = "=1"
    path = tmp_path / "f.xlsx"
    export_xlsx(niujie, path)
    cells = _cells(path)
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    assert {'=HYPERLINK("http://example.invalid","点此")', "+1+1", "@SUM(A1)", "-3", "=1"} <= {
        c.value for c in cells}
    _same(niujie, import_xlsx(path))


def test_tabular_layout_merges_level1_and_sums_weights(tmp_path: Path) -> None:
    form = _tabular_form()
    path = tmp_path / "t.xlsx"
    export_xlsx(form, path)
    ws = openpyxl.load_workbook(path).active
    header = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == "一级指标")
    assert [ws.cell(row=header, column=c).value for c in range(1, 8)] == [
        "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "计量单位", "权重"]
    merged = {str(r) for r in ws.merged_cells.ranges}
    # 产出指标 over its three item rows, 数量指标 over its two.
    assert f"A{header + 1}:A{header + 3}" in merged
    assert f"B{header + 1}:B{header + 2}" in merged
    assert ws.cell(row=header + 1, column=5).value == "≥ 113816"
    total_row = header + 5
    assert ws.cell(row=total_row, column=1).value == "合计"
    assert float(ws.cell(row=total_row, column=7).value) == pytest.approx(50.5)
    assert ws.print_title_rows == f"${header}:${header}"
    # A total-only form prints 资金总额 alone.
    labels = [ws.cell(row=r, column=2).value for r in range(1, header)]
    assert "资金总额：" in labels and "基本支出：" not in labels
    _same(form, import_xlsx(path))


def test_funds_sources_and_odd_amounts_roundtrip(jinrongjie: Form, tmp_path: Path) -> None:
    jinrongjie.funds.sources = [FundSource("财政拨款", "30000"), FundSource("其他资金", "9985.490")]
    jinrongjie.funds.basic = "待定"
    back = _roundtrip(jinrongjie, tmp_path / "f.xlsx")
    _same(jinrongjie, back)
    assert back.funds.sources[1].amount == "9985.490"
    assert back.funds.basic == "待定"


def test_line_breaks_normalised_and_control_characters_reported(niujie: Form, tmp_path: Path) -> None:
    niujie.goals = "第一行\r\n第二行\r第三行"
    niujie.other_notes = "a\x00b\x07c"
    path = tmp_path / "f.xlsx"
    result = export_xlsx(niujie, path)
    back = import_xlsx(path)
    assert back.goals == "第一行\n第二行\n第三行"
    assert back.other_notes == "abc"
    assert result.dropped_chars == "\x00\x07"


def test_edited_visible_cell_is_what_gets_imported(niujie: Form, tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    export_xlsx(niujie, path)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    for row in ws.iter_rows(max_col=3):
        if row[0].value == "部门（单位）名称":
            row[1].value = "北京市西城区人民政府牛街街道办事处（改）"
        if row[1].value == "产出指标一：坚持党建引领，提升基层治理能力":
            row[2].value = "改过的内容"
    wb.save(path)
    back = import_xlsx(path)
    assert back.department.endswith("（改）")
    # The first of the content's rows was retyped; its continuation rows are read as they stand.
    assert back.indicators[0].content.startswith("改过的内容")
    assert back.indicators[0].content.endswith(niujie.indicators[0].content[-30:])
    assert len(back.indicators[0].content) < len(niujie.indicators[0].content)
    assert back.indicators[1].content == niujie.indicators[1].content


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(form=bj_forms())
def test_bj_forms_roundtrip(form: Form, tmp_path: Path) -> None:
    path = tmp_path / "h.xlsx"
    back = _roundtrip(form, path)
    _same(form, back)
    assert [c.coordinate for c in _cells(path) if c.data_type == "f"] == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(form=tabular_forms())
def test_tabular_forms_roundtrip(form: Form, tmp_path: Path) -> None:
    path = tmp_path / "h.xlsx"
    back = _roundtrip(form, path)
    _same(form, back)
    assert [c.coordinate for c in _cells(path) if c.data_type == "f"] == []


# --- broken workbooks ------------------------------------------------------------------------------


def _refused(path: Path, *words: str) -> str:
    with pytest.raises(XlsxImportError) as info:
        import_xlsx(path)
    message = str(info.value)
    for word in words:
        assert word in message
    return message


def test_random_bytes_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(bytes(range(256)) * 10)
    _refused(path, "Excel")


def test_zip_that_is_not_a_workbook_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "不是工作簿")
    _refused(path, "Excel")


def test_workbook_without_our_sheet_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "别的表格"
    wb.save(path)
    _refused(path, "部门整体支出绩效目标申报表")


def test_entity_bomb_refused(niujie: Form, tmp_path: Path) -> None:
    good = tmp_path / "good.xlsx"
    export_xlsx(niujie, good)
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
            '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
            '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>')
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = bomb.encode()
            dst.writestr(info, data)
    _refused(path, "XML")


def test_deleted_label_named_in_message(niujie: Form, tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    export_xlsx(niujie, path)
    wb = openpyxl.load_workbook(path)
    for row in wb.active.iter_rows(max_col=1):
        if row[0].value == "部门（单位）绩效目标":
            row[0].value = None
    wb.save(path)
    _refused(path, "部门（单位）绩效目标")


def test_bad_year_refused(niujie: Form, tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    export_xlsx(niujie, path)
    wb = openpyxl.load_workbook(path)
    wb.active["A2"] = "（二〇二一年度）"
    wb.save(path)
    _refused(path, "年度", "二〇二一")


def test_import_does_not_touch_the_file(niujie: Form, tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    export_xlsx(niujie, path)
    before = path.read_bytes()
    import_xlsx(path)
    assert path.read_bytes() == before
    assert isinstance(io.BytesIO(before), io.BytesIO)


def _edited(form: Form, path: Path, edit: Callable[[Worksheet], object]) -> Path:
    """Our export of ``form``, then changed in Excel by ``edit(worksheet)``."""
    export_xlsx(form, path)
    wb = openpyxl.load_workbook(path)
    assert isinstance(wb.active, Worksheet)
    edit(wb.active)
    wb.save(path)
    return path


@pytest.mark.parametrize("layout", ["bj", "tabular"])
def test_deleted_marker_column_refused_not_misread(jinrongjie: Form, tmp_path: Path, layout: str) -> None:
    form = jinrongjie if layout == "bj" else _tabular_form()
    marker_col = 4 if layout == "bj" else 8
    path = _edited(form, tmp_path / "f.xlsx", lambda ws: ws.delete_cols(marker_col, 6))
    _refused(path, "标记列")


@pytest.mark.parametrize("typed", ["明年", "（明年年度）", "2021.5"])
def test_year_cell_that_is_not_a_year_refused(niujie: Form, tmp_path: Path, typed: str) -> None:
    path = _edited(niujie, tmp_path / "f.xlsx", lambda ws: ws.__setitem__("A2", typed))
    _refused(path, "年度", typed)


@pytest.mark.parametrize("year", [-5, 1_000_000_000])
def test_out_of_range_year_reimports_for_the_check_to_report(niujie: Form, tmp_path: Path, year: int) -> None:
    niujie.year = year
    assert _roundtrip(niujie, tmp_path / "f.xlsx").year == year


def test_stray_cell_at_the_last_excel_row_refused(niujie: Form, tmp_path: Path) -> None:
    path = _edited(niujie, tmp_path / "f.xlsx", lambda ws: ws.cell(row=1048576, column=1, value="x"))
    _refused(path, "1048576")


def test_huge_amount_with_cents_format_is_read_not_crashed(niujie: Form, tmp_path: Path) -> None:
    def edit(ws: Worksheet) -> None:
        ws["C4"] = 1e300
        ws["C4"].number_format = "0.00"

    form = import_xlsx(_edited(niujie, tmp_path / "f.xlsx", edit))
    assert form.funds.total.startswith("1000000000") and len(form.funds.total) > 300


def test_truncated_workbook_refused_as_damaged(niujie: Form, tmp_path: Path) -> None:
    good = tmp_path / "good.xlsx"
    export_xlsx(niujie, good)
    data = good.read_bytes()
    head, tail = tmp_path / "head.xlsx", tmp_path / "tail.xlsx"
    head.write_bytes(data[: len(data) // 2])
    tail.write_bytes(data[len(data) // 2:])
    _refused(head, "Excel")
    message = _refused(tail, "损坏")
    assert "不允许" not in message  # not mistaken for an unsafe (entity-bomb) workbook


def test_a_self_evaluation_workbook_prints_its_table_first_and_reimports_losslessly(tmp_path: Path) -> None:
    from jixiao_desktop.domain import evaluation as ev
    from jixiao_desktop.domain import exchange
    from jixiao_desktop.formfiles import read_form_file_detailed, write_form_file
    from tests.conftest import FIXTURES

    form = exchange.load(FIXTURES / "school-tabular-2023.json")
    ev.set_stage(form, ev.Stage.EVALUATION)
    ev.set_execution_text(form, "budget", "100")
    ev.set_execution_text(form, "executed", "95")
    ev.set_item_text(form.indicators[0].items[0], "actual_value", "=1+1")  # typed text, never a formula
    ev.set_item_text(form.indicators[0].items[0], "deviation_reason", "招生计划调整")
    ev.set_evaluation_text(form, "summary", "基本完成")
    path = tmp_path / "自评.xlsx"
    write_form_file(form, path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "绩效自评表" and wb.active.title == "绩效自评表"
    texts = [c.value for row in wb["绩效自评表"].iter_rows() for c in row if c.value is not None]
    assert "部门整体支出绩效自评表" in texts and "招生计划调整" in texts and "=1+1" in texts
    assert not [c for row in wb["绩效自评表"].iter_rows() for c in row if c.data_type == "f"]
    back = read_form_file_detailed(path)
    assert exchange.dumps(back.form.without_identity()) == exchange.dumps(form.without_identity())
