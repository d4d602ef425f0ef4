"""checks.md "Round 3" and the rules that read the form's profile (profiles.md): each with the
planted error a real form from another province showed, and the near miss that must stay quiet."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao_desktop.domain.checks import run_checks
from jixiao_desktop.domain.findings import CheckSettings, Finding
from jixiao_desktop.domain.model import TEMPLATE_TABULAR, Form, Funds, Indicator, IndicatorItem
from jixiao_desktop.domain.profiles import ProfileRef, get_profile, parse_profile, set_column_text
from tests.domain.test_checks_rules import overall_form, tabular_form


def _find(form: Form, rule: str, **kw: object) -> list[Finding]:
    return [f for f in run_checks(form, **kw) if f.rule == rule]  # type: ignore[arg-type]


def _with(form: Form, profile_id: str) -> Form:
    form.profile = ProfileRef(profile_id)
    return form


def _set_item(form: Form, i: int, j: int, **values: str) -> Form:
    for key, value in values.items():
        setattr(form.indicators[i].items[j], key, value)
    return form


# --- weights: the profile's total ------------------------------------------------------------------


def _weights_90() -> Form:
    form = tabular_form()
    form.indicators[0].items[0].weight = "20"  # 30 → 20: the weights now add up to 90
    return form


def test_sichuan_weights_90_are_right_and_100_is_wrong_naming_the_province() -> None:
    assert not _find(_with(_weights_90(), "sc"), "items.weights_not_100")
    [finding] = _find(_with(tabular_form(), "sc"), "items.weights_not_100")
    assert "四川省" in finding.message and "90" in finding.message and "预算执行率" in finding.message
    assert finding.severity == "error"


def test_beijing_and_generic_still_want_100() -> None:
    [finding] = _find(_weights_90(), "items.weights_not_100")
    assert "100" in finding.message
    assert not _find(tabular_form(), "items.weights_not_100")


def test_hunan_prints_no_weights_so_none_are_checked() -> None:
    assert not _find(_with(_weights_90(), "hn"), "items.weights_not_100")


# --- satisfaction and outcome seen in the items -------------------------------------------------


def test_a_satisfaction_item_in_a_row_not_named_so_counts() -> None:
    form = tabular_form()
    del form.indicators[3]  # the 满意度指标 row
    assert _find(form, "indicators.satisfaction_missing")
    form.indicators[2].items.append(IndicatorItem(level3="服务对象满意度", nature="定量", operator="≥",
                                                  value="95", unit="%"))
    assert not _find(form, "indicators.satisfaction_missing")


def test_an_outcome_item_counts_whatever_its_row() -> None:
    form = tabular_form()
    del form.indicators[2]  # the 效益指标 row
    assert _find(form, "indicators.outcome_missing")
    form.indicators[0].items.append(IndicatorItem(level3="带动社会效益", nature="定性", value="明显"))
    assert not _find(form, "indicators.outcome_missing")


# --- dates in 时效 items --------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["2021-12-31", "2021.12.31", "12月31日前"])
def test_a_deadline_in_a_timely_item_is_no_range_and_needs_no_unit(value: str) -> None:
    form = tabular_form()
    form.year = 2021
    form.indicators.append(Indicator(level1="产出指标", level2="时效指标", items=[
        IndicatorItem(level3="完成时间", nature="定量", operator="≤", value=value, unit="")]))
    rules = {f.rule for f in run_checks(form) if f.field.startswith("indicators[5]")}
    assert not rules & {"indicators.range_reversed", "items.range_value", "items.range_not_allowed",
                        "items.incomplete"}, rules


def test_near_miss_a_reversed_range_in_a_count_is_still_reported() -> None:
    form = _set_item(tabular_form(), 0, 1, value="10-8")
    assert _find(form, "indicators.range_reversed")


# --- round-3 rules --------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "flagged"), [
    ("高中低", True), ("优良中差", True), ("好/较好/一般", True), ("优、良、中、差", True),
    ("优良", False), ("良好", False), ("较好", False), ("明显改善", False), ("高", False),
])
def test_scale_as_value(value: str, flagged: bool) -> None:
    form = _set_item(tabular_form(), 2, 0, value=value)
    assert bool(_find(form, "items.scale_as_value")) is flagged


def test_excel_serial_value_and_unit() -> None:
    form = tabular_form()
    form.indicators.append(Indicator(level1="产出指标", level2="时效指标", items=[
        IndicatorItem(level3="完成时间", nature="定量", operator="≤", value="44561", unit="")]))
    [finding] = _find(form, "items.excel_serial")
    assert finding.field == "indicators[5].items[0].value" and "2021-12-31" in finding.message
    form = _set_item(tabular_form(), 0, 1, unit="44,561")
    assert [f.field for f in _find(form, "items.excel_serial")] == ["indicators[0].items[1].unit"]
    # near misses: a count of 44561 people; a year; a five-digit area
    assert not _find(_set_item(tabular_form(), 0, 1, value="44561", unit="人次"), "items.excel_serial")
    assert not _find(_set_item(tabular_form(), 0, 0, value="113816"), "items.excel_serial")


@pytest.mark.parametrize(("values", "flagged"), [
    ({"operator": "≥", "value": "0", "unit": "%"}, True),
    ({"operator": "=", "value": "0", "unit": "万元", "level3": "产出金额"}, True),
    ({"operator": "=", "value": "0", "unit": "起", "level3": "安全事故发生次数", "direction": ""}, False),
    ({"operator": "≤", "value": "0", "unit": "件", "level3": "群众信访件数", "direction": ""}, False),
    ({"operator": "≥", "value": "0.5", "unit": "%"}, False),
])
def test_zero_target(values: dict[str, str], flagged: bool) -> None:
    form = _set_item(tabular_form(), 0, 1, **values)
    assert bool(_find(form, "items.zero_target")) is flagged


@pytest.mark.parametrize(("name", "flagged"), [
    ("社会成本指标", True), ("数量指标", True), ("满意度指标", True), ("服务对象满意度指标", True),
    ("服务对象满意度", False), ("社会成本节约额", False), ("数量", False),
])
def test_category_as_name(name: str, flagged: bool) -> None:
    form = _set_item(tabular_form(), 0, 1, level3=name)
    assert bool(_find(form, "items.category_as_name")) is flagged


# --- profile-only rules --------------------------------------------------------------------------


def test_hunan_requires_explanation_and_scoring_and_no_operator() -> None:
    form = _with(tabular_form(), "hn")
    form.indicators[0].items[1].operator = ""
    found = run_checks(form)
    missing = [f for f in found if f.rule == "items.column_missing"]
    assert {f.field.rsplit(".", 1)[1] for f in missing} == {"explanation", "scoring"}
    assert all("湖南省" in f.message for f in missing)
    assert any("评(扣)分标准" in f.message for f in missing)
    assert not [f for f in found if f.rule == "items.incomplete"]  # Hunan prints no operator column
    ind = form.indicators[0]
    for item in (i for row in form.indicators for i in row.items):
        set_column_text(ind, item, "explanation", "按台账统计")
        set_column_text(ind, item, "scoring", "未达到按比例扣分")
    assert not _find(form, "items.column_missing")


def test_chongqing_form_without_level1_is_not_told_it_lacks_outcome_rows() -> None:
    items = [
        IndicatorItem(level3="城市道路清扫保洁面积", operator="≥", value="120", unit="万平方米", weight="40"),
        IndicatorItem(level3="垃圾清运及时率", operator="≥", value="98", unit="%", weight="30"),
        IndicatorItem(level3="市民满意度", operator="≥", value="90", unit="%", weight="30"),
    ]
    form = Form(template=TEMPLATE_TABULAR, year=2023, department="某区城市管理局",
                funds=Funds(total="24268.22"), goals="保障城市环境卫生。",
                indicators=[Indicator(items=items)])
    assert _find(form, "indicators.outcome_missing")  # generic tabular: no 效益 row
    form.profile = ProfileRef("cq")
    rules = {f.rule for f in run_checks(form)}
    assert not rules & {"indicators.outcome_missing", "indicators.satisfaction_missing", "indicators.cost_missing",
                        "items.weights_not_100", "items.incomplete"}, rules


def test_overall_2023_framework() -> None:
    form = overall_form()
    assert run_checks(form) == []
    form = overall_form()
    del form.indicators[1]  # 管理效率
    [finding] = _find(form, "indicators.framework_missing")
    assert "管理效率" in finding.message and "部门整体新框架" in finding.message
    form = overall_form()
    del form.indicators[3:5]  # 社会效应 and 可持续发展能力: outcome_missing says it once
    assert _find(form, "indicators.outcome_missing") and not _find(form, "indicators.framework_missing")


def test_amounts_in_yuan_under_sichuan() -> None:
    form = _with(_weights_90(), "sc")
    form.funds = Funds(total="3,309,840.00")
    found = run_checks(form)
    assert not [f for f in found if f.rule.startswith("funds.") and f.rule != "funds.normalised"]
    [note] = [f for f in found if f.rule == "funds.normalised"]
    assert "3309840.00 元" in note.message
    # a 万元 amount in an item is compared with the total converted exactly (330.984 万元)
    _set_item(form, 4, 0, value="400", unit="万元")
    [finding] = _find(form, "indicators.amount_exceeds_total")
    assert "330.98" in finding.message
    # a bare 3309840 under Beijing's rules is 万元, four decimals more would warn there
    bj = Form(year=2023, department="某单位", funds=Funds(total="100.001", basic="40", project="60.001"))
    assert _find(bj, "funds.precision")
    assert not _find(_with(bj, "hn"), "funds.precision")  # Hunan forms carry 4 decimals of 万元


def test_the_clerks_setting_overrides_the_profiles_minimum() -> None:
    form = _set_item(tabular_form(), 3, 0, value="92")
    assert not _find(form, "indicators.satisfaction_low")
    strict = parse_profile('{"format": "jixiao-profile", "format_version": 1, "id": "xx-strict", '
                           '"name": "某区", "template": "tabular", "satisfaction_min": 95}', "x")
    [finding] = _find(form, "indicators.satisfaction_low", profile=strict)
    assert "95" in finding.message
    assert not _find(form, "indicators.satisfaction_low", profile=strict,
                     settings=CheckSettings(satisfaction_min=Decimal(90)))


def test_a_profile_can_turn_a_rule_off_or_change_its_severity() -> None:
    lax = parse_profile('{"format": "jixiao-profile", "format_version": 1, "id": "xx-lax", "name": "某区", '
                        '"rules": {"funds.precision": "info", "text.stale_year": "off"}}', "x")
    form = Form(year=2023, department="某单位", funds=Funds(total="100.001", basic="40", project="60.001"),
                goals="2021年开展活动。")
    found = run_checks(form, profile=lax)
    assert {f.severity for f in found if f.rule == "funds.precision"} == {"info"}
    assert not [f for f in found if f.rule == "text.stale_year"]
    assert get_profile("bj-2021").rule_level("funds.precision") is None


def test_per_level1_frames() -> None:
    # 中江县 2022: "一级指标分值统一设置为：产出指标50分、效益指标30分、满意度指标10分、预算资金执行率10分"
    framed = parse_profile(
        '{"format": "jixiao-profile", "format_version": 1, "id": "sc-zj", "name": "中江县", "template": "tabular",'
        ' "weights": {"total": 90, "reserved": [{"name": "预算执行率", "weight": 10}],'
        ' "per_level1": {"产出指标": 50, "效益指标": 30, "满意度指标": 10}}}', "zj.profile.json")
    form = tabular_form()  # 产出 30+20+10+10 = 70, 效益 10, 满意度 20: total 100
    found = [f for f in run_checks(form, profile=framed) if f.rule == "items.weights_not_100"]
    messages = " ".join(f.message for f in found)
    assert "“产出指标”" in messages and "应为 50" in messages and "“效益指标”" in messages
    assert "应为 90" in messages  # the total too
    for ind in form.indicators:
        for item in ind.items:
            item.weight = ""
    form.indicators[0].items[0].weight = "30"
    form.indicators[0].items[1].weight = "20"
    form.indicators[2].items[0].weight = "30"
    form.indicators[3].items[0].weight = "10"
    assert not [f for f in run_checks(form, profile=framed) if f.rule == "items.weights_not_100"]
