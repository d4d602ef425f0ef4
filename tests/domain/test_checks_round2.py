"""Round 2 of checks.md: the bureau's review points, in detail (the planted/near-miss pairs are in
test_checks_rules.py), and the first-round changes (dates in 时效, stale dates)."""

from __future__ import annotations

import pytest

from jixiao_desktop.domain.checks import run_checks
from jixiao_desktop.domain.fields import field_text
from jixiao_desktop.domain.findings import Finding, Severity
from jixiao_desktop.domain.model import Form, Indicator, IndicatorItem, Layout, new_form
from jixiao_desktop.domain.profiles import ProfileRef
from jixiao_desktop.domain.quantities import find_dates, is_date
from tests.domain.test_checks_rules import tabular_form, text_form


def _find(form: Form, rule: str) -> list[Finding]:
    return [f for f in run_checks(form) if f.rule == rule]


def _item_form(**values: str) -> Form:
    """The clean tabular form with its second 数量 item replaced."""
    form = tabular_form()
    item = IndicatorItem(level3="开展讲座次数", nature="定量", operator="≥", value="8", unit="次", weight="20")
    for key, value in values.items():
        setattr(item, key, value)
    form.indicators[0].items[1] = item
    return form


# --- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2023.07-2024.01", True), ("2024年6月底前", True), ("6月30日前", True), ("年底前", True),
        ("≤2024年6月", True), ("2024.6.30", True), ("2023.12", True),
        ("2023.12万元", False), ("租赁2033.9平方米", False), ("2021年", False), ("3.1、6.4", False),
        ("95", False), ("3个月内", False),
    ],
)
def test_is_date(text: str, date: bool) -> None:
    assert is_date(text) is date or (not date and not find_dates(text))


def test_a_date_in_a_timeliness_row_is_quantified() -> None:
    form = text_form()
    form.indicators.insert(1, Indicator(name="产出指标-产出进度指标", content="改造工程于2024年6月底前完工。"))
    assert not _find(form, "indicators.output_not_quantified")
    form.indicators[1].content = "项目实施期2023.07-2024.01，按计划推进。"
    assert not _find(form, "indicators.output_not_quantified")
    # The same date in a 质量 row is no quantity.
    form.indicators[1].name = "产出指标-产出质量指标"
    assert [f.field for f in _find(form, "indicators.output_not_quantified")] == ["indicators[1].content"]


def test_a_date_in_a_timeliness_item_is_quantified() -> None:
    form = tabular_form()
    form.indicators.insert(1, Indicator(level1="产出指标", level2="时效指标", items=[
        IndicatorItem(level3="工程完工时间", nature="定性", value="2024年6月底前")]))
    assert not _find(form, "indicators.output_not_quantified")
    assert not _find(form, "items.value_has_unit")
    form.indicators[1].items[0].value = "按时完成"
    assert _find(form, "indicators.output_not_quantified")


# --- text.stale_year on dates -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("2019年12月完成验收。", "2019年12月"),
        ("计划于2023.12完成改造。", "2023.12"),
        ("项目实施期2023.07-2024.01。", "2023.07-2024.01"),
        ("2023年1-6月开展培训。", "2023年1-6月"),
        ("2024年6月底前完成改造。", None),
        ("截至2023年12月底已完成。", None),
        ("自2019年12月起实施。", None),
        ("2023年12月以来持续推进。", None),
        ("依据2019年12月印发的通知。", None),
        ("租赁2023.12平方米用房，投入2023.5万元。", None),
        ("2024.07-2025.01实施。", None),
        ("系统升级到V2023.1版本。", None),  # a version number
        ("计划于2023年12月完成验收。", "2023年12月"),
    ],
)
def test_stale_dates_in_prose(text: str, marked: str | None) -> None:
    form = text_form()
    form.year = 2024
    form.indicators[1].content = text
    found = [f for f in _find(form, "text.stale_year") if f.field == "indicators[1].content"]
    if marked is None:
        assert not found, found
    else:
        [finding] = found
        assert finding.span is not None and text[finding.span[0]:finding.span[1]] == marked
        assert "2024" in finding.message


def test_stale_dates_in_item_values_and_notes() -> None:
    form = tabular_form()
    form.year = 2024
    form.indicators[0].items[0].note = "2023.12前完成"
    form.indicators[0].items[1] = IndicatorItem(level3="完工时间", nature="定性", value="2023年12月底前")
    fields = {f.field for f in _find(form, "text.stale_year")}
    assert fields == {"indicators[0].items[0].note", "indicators[0].items[1].value"}
    # 2023.12 万元 in a value is an amount, not a date.
    form = tabular_form()
    form.year = 2024
    form.indicators[0].items[0] = IndicatorItem(level3="设备购置金额", nature="定量", operator="≤",
                                                value="2023.12", unit="万元", weight="30")
    form.funds.total = "10000.00"
    assert not _find(form, "text.stale_year")


# --- items.value_placeholder ---------------------------------------------------------------------


@pytest.mark.parametrize("value", ["XX", "xx", "×××", "待定", "——", "*", "9 5", "≥XX%", "1 000"])
def test_placeholders(value: str) -> None:
    form = _item_form(value=value)
    [finding] = _find(form, "items.value_placeholder")
    assert finding.severity is Severity.ERROR and finding.field == "indicators[0].items[1].value"
    # Said once: no "自带单位 5" for "9 5", no second "缺少数值" error.
    assert not _find(form, "items.value_has_unit")
    assert not [f for f in _find(form, "items.incomplete") if f.field.endswith(".value")]


@pytest.mark.parametrize("value", ["95", "100", "0.5", "1,000"])
def test_real_numbers_are_not_placeholders(value: str) -> None:
    assert not _find(_item_form(value=value), "items.value_placeholder")


def test_qualitative_values_may_be_anything() -> None:
    assert not _find(_item_form(nature="定性", operator="", unit="", value="——"), "items.value_placeholder")


# --- items.range_value -----------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "suggested"), [("6-8", "≥ 6"), ("6～8", "≥ 6"), ("6至8", "≥ 6"),
                                                  ("90%-95%", "≥ 90")])
def test_range_values(value: str, suggested: str) -> None:
    # Under a profile that allows ranges (bj-2021) a range is a warning …
    form = _item_form(value=value)
    form.profile = ProfileRef("bj-2021")
    [finding] = _find(form, "items.range_value")
    assert suggested in finding.message
    # … under the tabular default (the online system: one value, profiles.md) an error.
    form.profile = None
    assert not _find(form, "items.range_value")
    [finding] = _find(form, "items.range_not_allowed")
    assert suggested in finding.message and "通用表格式" in finding.message


def test_a_reverse_range_suggests_its_upper_bound() -> None:
    form = _item_form(level3="群众投诉率", operator="", value="1-2", unit="%", direction="反向")
    [finding] = _find(form, "items.range_not_allowed")
    assert "≤ 2" in finding.message


def test_a_date_range_is_not_a_range_value() -> None:
    form = _item_form(level3="项目实施期", value="2023.07-2024.01", unit="")
    form.year = 2023
    assert not _find(form, "items.range_value")


# --- items.previous_regressed --------------------------------------------------------------------


def test_previous_regressed_positive_and_reverse() -> None:
    form = _item_form(previous_value="10")
    [finding] = _find(form, "items.previous_regressed")
    assert "10" in finding.message and "低于上年" in finding.message
    reverse = _item_form(level3="群众投诉率", operator="≤", value="5", unit="%", direction="反向",
                         previous_value="3")
    [finding] = _find(reverse, "items.previous_regressed")
    assert "高于上年" in finding.message
    assert not _find(_item_form(level3="群众投诉率", operator="≤", value="2", unit="%", direction="反向",
                                previous_value="3"), "items.previous_regressed")


def test_previous_compared_exactly() -> None:
    assert not _find(_item_form(value="95", previous_value="95.0"), "items.previous_regressed")
    assert _find(_item_form(value="94.99", previous_value="95"), "items.previous_regressed")


def test_previous_ignored_when_unreadable_or_a_deadline() -> None:
    assert not _find(_item_form(previous_value="较好"), "items.previous_regressed")
    assert not _find(_item_form(previous_value=""), "items.previous_regressed")
    deadline = _item_form(level3="完工时间", operator="≤", value="10", unit="月", previous_value="12")
    deadline.indicators[0].items[1].direction = ""
    assert not _find(deadline, "items.previous_regressed")


# --- items.cost_not_money, items.name_has_value, items.duplicate_name ----------------------------------


def test_cost_not_money() -> None:
    form = tabular_form()
    form.indicators[4].items[0].unit = "万元"
    assert not _find(form, "items.cost_not_money")
    form.indicators[4].items[0].unit = "次"
    [finding] = _find(form, "items.cost_not_money")
    assert finding.field == "indicators[4].items[0].unit" and "元" in finding.message
    form.indicators[4].items[0].unit = ""
    form.indicators[4].items[0].value = "500元"
    assert not _find(form, "items.cost_not_money")


@pytest.mark.parametrize(("name", "flagged"), [
    ("88", True), ("村组干部230人", True), ("完成率100%", True), ("人均绿地面积12平方米", True),
    ("65岁以上老年人健康管理率", False), ("2023年培训次数", False), ("PM2.5年均浓度", False),
    ("12345热线办结率", False), ("培训次数（次）", False), ("服务人数（65岁以上）", False),
])
def test_name_has_value(name: str, flagged: bool) -> None:
    assert bool(_find(_item_form(level3=name), "items.name_has_value")) is flagged


def test_name_with_a_quantity_but_no_value_is_incomplete_instead() -> None:
    form = _item_form(level3="村组干部230人", value="")
    assert not _find(form, "items.name_has_value")
    assert _find(form, "items.incomplete")


def test_duplicate_names_ignore_space_and_width() -> None:
    form = tabular_form()
    form.indicators[3].items.append(IndicatorItem(level3="居民满意度 ", nature="定量", operator="≥",
                                                  value="95", unit="%"))
    form.indicators[1].items[0].level3 = "ＡＢ类工程验收合格率"
    form.indicators[2].items.append(IndicatorItem(level3="AB类工程 验收合格率", nature="定性", value="好"))
    found = _find(form, "items.duplicate_name")
    assert [f.field for f in found] == ["indicators[2].items[1].level3", "indicators[3].items[1].level3"]
    assert "第2行第1项" in found[0].message


# --- funds.text_mismatch -------------------------------------------------------------------------------


def test_text_mismatch_quotes_both_figures() -> None:
    form = text_form()
    form.indicators[0].content += "\n3.其中项目支出14.00万元用于社区服务。"
    [finding] = _find(form, "funds.text_mismatch")
    assert finding.field == "indicators[0].content"
    assert "14" in finding.message and "60" in finding.message and "46" in finding.message
    text = field_text(form, finding.field)
    assert finding.span is not None and text[finding.span[0]:finding.span[1]] == "项目支出14.00万元"


@pytest.mark.parametrize("text", [
    "基本支出：40.00万元，项目支出60万元。",
    "本年度项目支出600,000元。",
    "项目支出0.6亿元。",  # 6000万元: differs
    "垃圾分类项目支出14万元。",  # one project's spending, not the field
    "基本支出约40万元。",
    "（二）项目支出：60.00万元；1.基本支出40万元。",
    "2021年项目支出50万元，2022年项目支出60万元。",  # 2021: last year's figure
    "（二）项目支出：6.00亿元。",  # differs, after a bracket
])
def test_text_mismatch_agreement(text: str) -> None:
    form = text_form()
    form.goals = text
    assert bool(_find(form, "funds.text_mismatch")) is ("亿元" in text)


def test_text_mismatch_after_list_markers() -> None:
    form = text_form()
    form.goals = "（二）项目支出：55.00万元。"
    assert [f.field for f in _find(form, "funds.text_mismatch")] == ["goals"]
    form.goals = "2022年基本支出45万元。"  # the form's own year
    assert _find(form, "funds.text_mismatch")


def test_text_mismatch_rounded_like_the_text() -> None:
    form = text_form()
    form.funds.total, form.funds.basic, form.funds.project = "100.0000", "40.0049", "59.9951"
    form.goals = "基本支出40.00万元。"
    assert not _find(form, "funds.text_mismatch")
    form.goals = "基本支出40.01万元。"
    assert _find(form, "funds.text_mismatch")


def test_total_in_text_is_reported_once() -> None:
    form = text_form()
    form.goals = "2022年本单位资金总额120.00万元。"
    assert _find(form, "indicators.cost_mismatch")
    assert not _find(form, "funds.text_mismatch")


def test_text_mismatch_on_an_item_named_after_the_field() -> None:
    form = tabular_form()
    form.funds.basic, form.funds.project = "40.00", "60.00"
    form.indicators[4].items.append(IndicatorItem(level3="项目支出", nature="定量", operator="=", value="50",
                                                  unit="万元"))
    [finding] = _find(form, "funds.text_mismatch")
    assert finding.field == "indicators[4].items[1].value"
    form.indicators[4].items[1].value = "60.00"
    assert not _find(form, "funds.text_mismatch")


# --- indicators.cost_missing ---------------------------------------------------------------------------


def test_cost_missing_by_layout() -> None:
    standard = new_form(Layout.STANDARD, 2022, "某街道办事处")
    assert not _find(standard, "indicators.cost_missing")  # the empty 产出成本指标 row: content_missing
    assert "indicators[3].content" in {f.field for f in _find(standard, "indicators.content_missing")}
    form = tabular_form()
    del form.indicators[4]
    [finding] = _find(form, "indicators.cost_missing")
    assert finding.field == "" and finding.severity is Severity.WARNING
    form.indicators[0].items.append(IndicatorItem(level3="成本节约率", nature="定量", operator="≥", value="5",
                                                  unit="%"))
    assert not _find(form, "indicators.cost_missing")


def test_niujie_has_no_cost_indicator(niujie: Form) -> None:
    # 牛街 has no 成本 row (domain.md §7: "There is no 成本 or 进度 content either").
    assert [f.field for f in _find(niujie, "indicators.cost_missing")] == [""]


def test_new_rules_are_silent_on_the_clean_fixtures(jinrongjie: Form) -> None:
    from jixiao_desktop.domain import exchange
    from tests.conftest import FIXTURES

    new = {"funds.text_mismatch", "indicators.cost_missing", "items.duplicate_name", "items.value_placeholder",
           "items.range_value", "items.previous_regressed", "items.cost_not_money", "items.name_has_value"}
    school = exchange.load(FIXTURES / "school-tabular-2023.json")
    for form in (jinrongjie, school):
        assert not {f.rule for f in run_checks(form)} & new


def test_carried_over_values_guard_against_a_lower_target() -> None:
    from jixiao_desktop.domain.carry import carry_over

    form = tabular_form()
    nxt = carry_over(form)
    assert not _find(nxt, "items.previous_regressed")  # the same targets as last year
    nxt.indicators[0].items[0].value = "100000"  # 绿地养护面积 ≥ 113816 last year
    [finding] = _find(nxt, "items.previous_regressed")
    assert finding.field == "indicators[0].items[0].value" and "113816" in finding.message
