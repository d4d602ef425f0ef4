"""A tabular form prints its rule profile's columns with the labels the province prints
(issue 16, ``profiles.md``): Hunan's 指标解释 / 评(扣)分标准, Chongqing's 指标名称 / 指标权重 /
计量单位 / 指标性质 / 指标值 in that order, Sichuan's amounts in 元; the PDF shows them and the
Excel sheet re-imports them to the same form."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import openpyxl
import pytest

from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.columns import DEFAULT_LABELS, printed_columns
from jixiao_desktop.domain.model import Form
from jixiao_desktop.exporters.pdf import export_pdf
from jixiao_desktop.exporters.xlsx import export_xlsx, import_xlsx

FIXTURES = Path(__file__).parents[1] / "fixtures"


def profile_of(*columns: tuple[str, str, bool]) -> Any:
    return SimpleNamespace(columns=tuple(SimpleNamespace(key=k, label=label, required=req)
                                         for k, label, req in columns))


HN = profile_of(("level1", "一级指标", True), ("level2", "二级指标", True), ("level3", "三级指标", True),
                ("explanation", "指标解释", True), ("nature", "指标性质", False), ("value", "指标值", True),
                ("unit", "计量单位", False), ("weight", "权重", True), ("scoring", "评(扣)分标准", True))
CQ = profile_of(("level1", "一级指标", True), ("level2", "二级指标", True), ("level3", "指标名称", True),
                ("weight", "指标权重", True), ("unit", "计量单位", False), ("nature", "指标性质", True),
                ("value", "指标值", True))


def _school() -> Form:
    return exchange.load(FIXTURES / "school-tabular-2023.json")


def _hunan() -> Form:
    form = _school()
    for n, item in enumerate(item for ind in form.indicators for item in ind.items):
        item.explanation = f"第{n + 1}项的指标解释：统计口径以年末数为准"
        item.scoring = f"完成得满分，每低1%扣{n % 3 + 1}分，扣完为止"
    form.indicators[0].items[0].basis = "上年实际完成数"
    return form


def _header_row(ws: Any, first: str) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == first)


def test_hunan_columns_are_printed_in_excel_and_come_back(tmp_path: Path) -> None:
    form = _hunan()
    path = tmp_path / "hn.xlsx"
    export_xlsx(form, path, profile=HN)
    ws = openpyxl.load_workbook(path).active
    header = _header_row(ws, "一级指标")
    labels = [ws.cell(header, c).value for c in range(1, ws.max_column + 1) if ws.cell(header, c).value]
    assert labels[:9] == ["一级指标", "二级指标", "三级指标", "指标解释", "指标性质", "指标值", "计量单位", "权重",
                          "评(扣)分标准"]
    assert "指标值确定依据" in labels  # filled in one item, not a Hunan column: printed, not lost
    assert ws.cell(header + 1, 4).value == "第1项的指标解释：统计口径以年末数为准"
    back = import_xlsx(path)
    assert back.indicators == form.indicators  # every field of every item, the new ones too


def test_chongqing_order_and_labels_and_a_reimport(tmp_path: Path) -> None:
    form = _school()
    path = tmp_path / "cq.xlsx"
    export_xlsx(form, path, profile=CQ)
    ws = openpyxl.load_workbook(path).active
    header = _header_row(ws, "一级指标")
    assert [ws.cell(header, c).value for c in range(1, 8)] == [
        "一级指标", "二级指标", "指标名称", "指标权重", "计量单位", "指标性质", "指标值"]
    total_row = next(r for r in range(header, ws.max_row + 1) if ws.cell(r, 1).value == "合计")
    assert ws.cell(total_row, 4).value is not None  # the sum stands under 指标权重
    back = import_xlsx(path)
    assert [(i.level3, i.weight, i.operator, i.value, i.unit, i.note, i.direction)
            for ind in back.indicators for i in ind.items] == [
        (i.level3, i.weight, i.operator, i.value, i.unit, i.note, i.direction)
        for ind in form.indicators for i in ind.items]


def test_a_cell_changed_in_excel_under_a_profile_column_is_imported(tmp_path: Path) -> None:
    path = tmp_path / "hn.xlsx"
    export_xlsx(_hunan(), path, profile=HN)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    header = _header_row(ws, "一级指标")
    ws.cell(header + 1, 9).value = "未完成不得分"
    wb.save(path)
    assert import_xlsx(path).indicators[0].items[0].scoring == "未完成不得分"


def test_without_a_profile_the_default_table_is_unchanged() -> None:
    form = _school()
    assert [c.label for c in printed_columns(form, None)][:7] == [
        DEFAULT_LABELS[k] for k in ("level1", "level2", "level3", "nature", "value", "unit", "weight")]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
@pytest.mark.parametrize("profile, form_of, labels, not_printed", [
    (HN, _hunan, ["指标解释", "评(扣)分标准", "指标值确定依据", "完成得满", "上年实际"], []),
    (CQ, _school, ["指标名称"], ["三级指标"]),  # Chongqing calls the 三级 column 指标名称
])
def test_the_pdf_prints_the_profile_columns(tmp_path: Path, profile: Any, form_of: Any,
                                            labels: list[str], not_printed: list[str]) -> None:
    path = tmp_path / "f.pdf"
    result = export_pdf(form_of(), path, profile=profile)
    assert result.missing_chars == ""
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    squeezed = "".join(text.split())
    for label in labels:
        assert label in squeezed
    for label in not_printed:
        assert label not in squeezed


def test_amounts_print_in_the_forms_unit(tmp_path: Path) -> None:
    form = _school()
    form.funds.unit = "元"
    path = tmp_path / "sc.xlsx"
    export_xlsx(form, path)
    ws = openpyxl.load_workbook(path).active
    assert any(ws.cell(r, 1).value == "部门（单位）总体资金情况（元）" for r in range(1, ws.max_row + 1))
    assert import_xlsx(path).funds.unit == "元"


@pytest.mark.parametrize("profile_id", ["sc", "hn", "cq", "overall-2023", "tabular-generic"])
def test_every_builtin_profile_prints_and_reimports_losslessly(tmp_path: Path, profile_id: str) -> None:
    from jixiao_desktop.domain.profiles import get_profile

    profile = get_profile(profile_id)
    form = _hunan()
    form.profile = profile.ref
    path = tmp_path / f"{profile_id}.xlsx"
    export_xlsx(form, path, profile=profile)
    ws = openpyxl.load_workbook(path).active
    header = _header_row(ws, "一级指标")
    labels = [ws.cell(header, c).value for c in range(1, ws.max_column + 1)]
    for col in profile.columns:
        if col.required:
            assert col.label in labels
    back = import_xlsx(path)
    assert back.indicators == form.indicators


def test_sichuan_prints_the_operator_under_its_own_column(tmp_path: Path) -> None:
    """四川 prints ≥ / ≤ / = in 指标性质 and the value alone (its 定量/定性 goes to a column of its own)."""
    from jixiao_desktop.domain.profiles import get_profile

    form = _school()
    path = tmp_path / "sc.xlsx"
    export_xlsx(form, path, profile=get_profile("sc"))
    ws = openpyxl.load_workbook(path).active
    header = _header_row(ws, "一级指标")
    labels = [ws.cell(header, c).value for c in range(1, ws.max_column + 1)]
    operator_col, value_col = labels.index("指标性质") + 1, labels.index("指标值") + 1
    first = form.indicators[0].items[0]
    assert ws.cell(header + 1, operator_col).value == first.operator
    assert str(ws.cell(header + 1, value_col).value) == first.value
    assert "度量单位" in labels and "定量/定性" in labels  # no label twice
    assert import_xlsx(path).indicators == form.indicators
