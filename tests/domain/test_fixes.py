"""One-click fixes: the edits they make, and that the finding is gone afterwards."""

from __future__ import annotations

import pytest

from jixiao_desktop.domain.checks import run_checks
from jixiao_desktop.domain.fields import set_field_text
from jixiao_desktop.domain.findings import Finding
from jixiao_desktop.domain.fixes import Fix, fix_all, fix_for
from jixiao_desktop.domain.model import Form
from tests.domain.test_checks_round2 import _item_form
from tests.domain.test_checks_rules import tabular_form, text_form


def _finding(form: Form, rule: str, field: str | None = None) -> Finding:
    found = [f for f in run_checks(form) if f.rule == rule and (field is None or f.field == field)]
    assert found, (rule, field, [(f.rule, f.field) for f in run_checks(form)])
    return found[0]


def _apply(form: Form, fix: Fix) -> None:
    for edit in fix.edits:
        set_field_text(form, edit.path, edit.text)


@pytest.mark.parametrize(("values", "rule", "expected"), [
    ({"operator": "", "value": "6-8次", "unit": ""}, "items.range_not_allowed", ("≥", "6", "次")),
    ({"value": "6～8"}, "items.range_not_allowed", ("≥", "6", "次")),
    ({"level3": "群众投诉率", "operator": "", "value": "1-2", "unit": "%", "direction": "反向"},
     "items.range_not_allowed", ("≤", "2", "%")),
    # the operator follows the direction, never "=" by default (checks.md Round 3)
    ({"operator": "", "value": "100", "unit": "%", "level3": "验收合格率"}, "items.incomplete", ("≥", "100", "%")),
    ({"operator": "", "value": "100%", "unit": "", "level3": "验收合格率"}, "items.incomplete", ("≥", "100", "%")),
    ({"operator": "", "value": "95", "unit": "%", "level3": "服务对象满意度"}, "items.incomplete", ("≥", "95", "%")),
    ({"operator": "", "value": "5", "unit": "%", "level3": "农作物受灾率", "direction": ""}, "items.incomplete",
     ("≤", "5", "%")),
    ({"operator": "", "value": "8", "unit": "月", "level3": "维修工程完工时间", "direction": "正向"},
     "items.incomplete", ("≤", "8", "月")),  # a deadline: by month 8
    ({"operator": "", "value": "≥90", "unit": "%", "level3": "完成率"}, "items.incomplete", ("≥", "90", "%")),
    ({"operator": "", "value": "不少于20", "unit": "次"}, "items.incomplete", ("≥", "20", "次")),
    ({"value": "12.5万元", "unit": "", "operator": "≤", "level3": "设备购置金额"}, "items.value_has_unit",
     ("≤", "12.5", "万元")),
])
def test_item_fixes(values: dict[str, str], rule: str, expected: tuple[str, str, str]) -> None:
    form = _item_form(**values)
    finding = _finding(form, rule)
    fix = fix_for(form, finding)
    assert fix is not None
    _apply(form, fix)
    item = form.indicators[0].items[1]
    assert (item.operator, item.value, item.unit) == expected
    assert " ".join(expected) in fix.label
    after = run_checks(form)
    assert not [f for f in after if f.field.startswith("indicators[0].items[1]")
                and f.rule in ("items.range_value", "items.range_not_allowed", "items.incomplete",
                               "items.value_has_unit")]


@pytest.mark.parametrize("values", [
    {"value": "12.5万元", "unit": "%"},  # which unit is right: the clerk's call
    {"value": "约95", "operator": ""},  # 约 is no target
    {"value": "8-6"},  # reversed: range_reversed, no guess
    {"operator": "", "value": "XX"},  # a placeholder: the number is not known
    {"operator": "", "value": "20", "unit": ""},  # no unit anywhere
])
def test_no_fix_when_not_certain(values: dict[str, str]) -> None:
    form = _item_form(**values)
    for finding in run_checks(form):
        if finding.field.startswith("indicators[0].items[1]"):
            assert fix_for(form, finding) is None, finding


def test_missing_name_or_value_has_no_fix() -> None:
    form = _item_form(level3="")
    assert fix_for(form, _finding(form, "items.incomplete")) is None


def test_sum_fix() -> None:
    form = text_form()
    form.funds.basic = "40.01"
    fix = fix_for(form, _finding(form, "funds.sum_mismatch"))
    assert fix is not None and fix.label == "将资金总额改为 100.01"
    _apply(form, fix)
    assert form.funds.total == "100.01"
    assert not [f for f in run_checks(form) if f.rule == "funds.sum_mismatch"]


def test_fix_all_of_a_form_without_operators() -> None:
    # A province's form with no 计算符号 column: every 定量 item lacks its operator.
    form = tabular_form()
    for ind in form.indicators:
        for item in ind.items:
            if item.nature == "定量":
                item.operator = ""
    first = _finding(form, "items.incomplete")
    fix = fix_all(form, first, run_checks(form))
    assert fix is not None and "6 处" in fix.label
    _apply(form, fix)
    assert not [f for f in run_checks(form) if f.rule == "items.incomplete"]
    written = {item.level3: item.operator for ind in form.indicators for item in ind.items if item.nature == "定量"}
    assert "=" not in written.values()
    assert {name for name, op in written.items() if op == "≤"} == {
        item.level3 for ind in tabular_form().indicators for item in ind.items
        if item.nature == "定量" and item.operator in ("≤", "<")}


def test_fix_all_needs_two() -> None:
    form = _item_form(operator="", value="100", unit="%")
    finding = _finding(form, "items.incomplete")
    assert fix_for(form, finding) is not None
    assert fix_all(form, finding, run_checks(form)) is None


def test_yuan_fix() -> None:
    from jixiao_desktop.domain.money import ParsedAmount

    if "yuan" not in ParsedAmount.__dataclass_fields__:
        pytest.skip("amounts in 元 are read by hostile's money.py (not on this branch yet)")
    form = text_form()
    form.funds.total, form.funds.basic, form.funds.project = "1,000,000.00元", "40.00", "60.00"
    finding = _finding(form, "funds.converted_from_yuan", "funds.total")
    fix = fix_for(form, finding)
    assert fix is not None and fix.edits[0].path == "funds.total" and fix.edits[0].text.startswith("100.00")
    _apply(form, fix)
    assert not [f for f in run_checks(form) if f.rule in ("funds.converted_from_yuan", "funds.sum_mismatch")]
