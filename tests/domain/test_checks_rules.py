"""Every rule of checks.md: a planted error that triggers it, and a near miss that must not."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from jixiao_desktop.domain import evaluation as ev
from jixiao_desktop.domain.checks import RULES, field_order_key, has_errors, run_checks
from jixiao_desktop.domain.fields import field_text
from jixiao_desktop.domain.findings import CheckSettings, Finding, Severity
from jixiao_desktop.domain.model import (
    TEMPLATE_TABULAR,
    Form,
    Funds,
    FundSource,
    Indicator,
    IndicatorItem,
    Layout,
    new_form,
)
from jixiao_desktop.domain.profiles import (
    ProfileRef,
    get_profile,
    parse_profile,
    register_profile,
    set_column_text,
)

RULE_IDS = {
    "header.department_missing", "header.year_invalid", "funds.missing", "funds.not_a_number",
    "funds.negative", "funds.normalised", "funds.converted_from_yuan", "funds.precision", "funds.sum_mismatch",
    "funds.sources_mismatch", "goals.missing", "indicators.missing", "indicators.name_missing",
    "indicators.content_missing", "indicators.output_not_quantified", "indicators.outcome_missing",
    "indicators.satisfaction_missing", "indicators.satisfaction_low", "indicators.rate_over_100",
    "indicators.range_reversed", "indicators.parts_mismatch", "indicators.cost_mismatch",
    "indicators.amount_exceeds_total", "items.incomplete", "items.value_has_unit",
    "items.qualitative_with_unit", "items.direction_conflict", "items.weights_not_100",
    "text.duplicate_passage", "text.numbering_broken", "text.stale_year", "text.unbalanced_quotes",
    # round 2
    "funds.text_mismatch", "indicators.cost_missing", "items.duplicate_name", "items.value_placeholder",
    "items.range_value", "items.previous_regressed", "items.cost_not_money", "items.name_has_value",
    # round 3
    "items.scale_as_value", "items.excel_serial", "items.zero_target", "items.category_as_name",
    # rule profiles (profiles.md)
    "items.column_missing", "items.range_not_allowed", "indicators.framework_missing", "profile.unknown",
    # the later stages (self-evaluation.md)
    "eval.actual_missing", "eval.reason_missing", "eval.executed_over_budget", "eval.actual_not_comparable",
    "eval.score_differs", "monitor.behind_schedule", "monitor.will_not_meet_no_reason",
}
ERRORS = {
    "header.department_missing", "header.year_invalid", "funds.missing", "funds.not_a_number",
    "funds.negative", "funds.sum_mismatch", "funds.sources_mismatch", "goals.missing",
    "indicators.missing", "indicators.name_missing", "indicators.content_missing",
    "indicators.rate_over_100", "indicators.range_reversed", "indicators.amount_exceeds_total",
    "items.incomplete", "items.weights_not_100", "items.value_placeholder",
    "items.column_missing", "items.range_not_allowed", "eval.actual_missing",
}


def text_form() -> Form:
    """A clean 2022 form in the numbered layout: no finding at all."""
    return Form(
        year=2022,
        department="北京市西城区人民政府某某街道办事处",
        funds=Funds(total="100.00", basic="40.00", project="60.00"),
        goals="一、做好社区服务工作，提升居民生活品质。\n二、改善街区环境。",
        indicators=[
            Indicator(name="产出指标一：社区服务",
                      content="1.开展社区活动不少于20次；\n2.绿化养护面积约5000平方米。"),
            Indicator(name="效果指标一：环境改善", content="居民生活环境明显改善。"),
            Indicator(name="满意度指标一：居民满意度", content="辖区居民满意度达到95%。"),
            Indicator(name="产出指标二：成本控制", content="严格控制活动成本，人均不超过50元/人。"),
        ],
        other_notes="无。",
    )


def tabular_form() -> Form:
    """A clean 2022 form in the tabular template with structured items, weights summing to 100."""
    return Form(
        template=TEMPLATE_TABULAR,
        year=2022,
        department="某某区某某街道办事处",
        funds=Funds(total="100.00"),
        goals="全年完成社区服务和环境整治任务。",
        indicators=[
            Indicator(level1="产出指标", level2="数量指标", items=[
                IndicatorItem(level3="绿地养护面积", nature="定量", operator="≥", value="113816",
                              unit="平方米", weight="30", direction="正向"),
                IndicatorItem(level3="开展讲座次数", nature="定量", operator="≥", value="8",
                              unit="次", weight="20"),
            ]),
            Indicator(level1="产出指标", level2="质量指标", items=[
                IndicatorItem(level3="工程验收合格率", nature="定量", operator="=", value="100",
                              unit="%", weight="10"),
                IndicatorItem(level3="群众投诉率", nature="定量", operator="≤", value="5", unit="%",
                              weight="10", direction="反向"),
            ]),
            Indicator(level1="效益指标", level2="社会效益指标", items=[
                IndicatorItem(level3="居民生活环境", nature="定性", value="明显改善", weight="10"),
            ]),
            Indicator(level1="满意度指标", level2="服务对象满意度指标", items=[
                IndicatorItem(level3="居民满意度", nature="定量", operator="≥", value="90", unit="%",
                              weight="20"),
            ]),
            Indicator(level1="产出指标", level2="成本指标", items=[
                IndicatorItem(level3="人均培训成本", nature="定量", operator="≤", value="500", unit="元/人"),
            ]),
        ],
    )


def evaluation_form() -> Form:
    """The clean tabular form at the 自评 stage: every target met exactly, 执行率 95 %."""
    form = tabular_form()
    ev.set_stage(form, ev.Stage.EVALUATION)
    for key, value in (("budget", "100.00"), ("executed", "95.00"), ("as_of", "全年")):
        ev.set_execution_text(form, key, value)
    for ind in form.indicators:
        for item in ind.items:
            if item.nature == "定性":
                ev.set_item_text(item, "qualitative_grade", "达成")
            else:
                ev.set_item_text(item, "actual_value", item.value)
    return form


SCHEDULE_PROFILE = parse_profile(
    '{"format": "jixiao-profile", "format_version": 1, "id": "test-monitor-schedule", "name": "测试方案",'
    ' "template": "tabular", "scoring": {"monitor_schedule": [{"month": 6, "min_rate": 40}]}}', "测试方案.profile.json")
register_profile(SCHEDULE_PROFILE)


def monitor_form() -> Form:
    """The clean tabular form at the 监控 stage (a schedule of 40 % by June), 执行率 50 % in June."""
    form = evaluation_form()
    ev.set_stage(form, ev.Stage.MONITOR)
    form.profile = ProfileRef(SCHEDULE_PROFILE.id)
    ev.set_execution_text(form, "executed", "50.00")
    ev.set_execution_text(form, "as_of", "2024-06")
    for ind in form.indicators:
        for item in ind.items:
            ev.set_item_text(item, "will_meet", "能")
    return form


def _eval(i: int, j: int, **values: str) -> Mutation:
    def mutate(form: Form) -> None:
        for key, value in values.items():
            ev.set_item_text(form.indicators[i].items[j], key, value)
    return mutate


def _execution(**values: str) -> Mutation:
    def mutate(form: Form) -> None:
        for key, value in values.items():
            ev.set_execution_text(form, key, value)
    return mutate


def _written_score(text: str | None) -> Mutation:
    def mutate(form: Form) -> None:
        if text is None:
            ev.write_computed(form, get_profile("tabular-generic").scoring)
        else:
            ev.set_evaluation_text(form, "score", text)
    return mutate


def hunan_form() -> Form:
    """The clean tabular form under the Hunan profile: every item has 指标解释 and 评(扣)分标准."""
    form = tabular_form()
    form.profile = ProfileRef("hn")
    for ind in form.indicators:
        for item in ind.items:
            set_column_text(ind, item, "explanation", f"{item.level3}：按年度工作台账统计")
            set_column_text(ind, item, "scoring", "达到目标值得满分，每低 1 个百分点扣 1 分")
    return form


def overall_form() -> Form:
    """A clean form of the newer 部门整体 framework (profile overall-2023), weights 100."""
    rows = [
        ("运行成本", "经济成本指标", IndicatorItem(level3="人均公用经费", nature="定量", operator="≤", value="1.2",
                                           unit="万元/人", weight="15", direction="反向")),
        ("管理效率", "预算管理", IndicatorItem(level3="预算执行率", nature="定量", operator="≥", value="95",
                                       unit="%", weight="15", direction="正向")),
        ("履职效能", "数量指标", IndicatorItem(level3="开展社区活动次数", nature="定量", operator="≥", value="20",
                                       unit="次", weight="25", direction="正向")),
        ("社会效应", "社会效益", IndicatorItem(level3="居民生活环境", nature="定性", value="明显改善", weight="15")),
        ("可持续发展能力", "制度建设", IndicatorItem(level3="内控制度健全性", nature="定性", value="健全", weight="10")),
        ("服务对象满意度", "服务对象满意度", IndicatorItem(level3="居民满意度", nature="定量", operator="≥",
                                                 value="90", unit="%", weight="20", direction="正向")),
    ]
    form = Form(template=TEMPLATE_TABULAR, year=2023, department="某某区某某街道办事处",
                funds=Funds(total="100.00"), goals="全年履职尽责，保障街道正常运转。",
                indicators=[Indicator(level1=l1, level2=l2, items=[item]) for l1, l2, item in rows])
    form.profile = ProfileRef("overall-2023")
    return form


def _rules(form: Form, settings: CheckSettings | None = None) -> list[tuple[str, str]]:
    return [(f.rule, f.field) for f in run_checks(form, settings)]


def _find(form: Form, rule: str, settings: CheckSettings | None = None) -> list[Finding]:
    return [f for f in run_checks(form, settings) if f.rule == rule]


def test_the_base_forms_are_clean() -> None:
    assert run_checks(text_form()) == []
    assert run_checks(tabular_form()) == []
    assert run_checks(hunan_form()) == []
    assert run_checks(overall_form()) == []


def test_rule_table_matches_the_spec() -> None:
    assert set(RULES) == RULE_IDS
    for rule, info in RULES.items():
        assert info.rule == rule and info.title
        expected = Severity.ERROR if rule in ERRORS else (
            Severity.INFO if rule in ("funds.normalised", "funds.converted_from_yuan") else Severity.WARNING)
        assert info.severity is expected, rule


# --- planted errors and near misses, one pair per rule ----------------------------------------

Mutation = Callable[[Form], None]


def _set_indicator(index: int, content: str) -> Mutation:
    def mutate(form: Form) -> None:
        form.indicators[index].content = content
    return mutate


def _set(attr: str, value: object) -> Mutation:
    def mutate(form: Form) -> None:
        target = form
        *path, last = attr.split(".")
        for part in path:
            target = target[int(part)] if part.isdigit() else getattr(target, part)
        setattr(target, last, value)
    return mutate


def _item(i: int, j: int, **values: str) -> Mutation:
    def mutate(form: Form) -> None:
        for key, value in values.items():
            setattr(form.indicators[i].items[j], key, value)
    return mutate


def _column(i: int, j: int, key: str, text: str) -> Mutation:
    def mutate(form: Form) -> None:
        ind = form.indicators[i]
        set_column_text(ind, ind.items[j], key, text)
    return mutate


def _chain(*mutations: Mutation) -> Mutation:
    def mutate(form: Form) -> None:
        for m in mutations:
            m(form)
    return mutate


def _drop_row(index: int) -> Mutation:
    def mutate(form: Form) -> None:
        del form.indicators[index]
    return mutate


PARAGRAPH = "深入推进垃圾分类示范小区创建工作，在平房区选择条件相对成熟的社区复制试点模式，以点带面推广垃圾不落地，进一步加强分类桶站的规范管理。"
SHORT = "贯彻执行党和国家的路线方针、政策以及市、区关于街道工作方面的指示"  # 33 characters

# (rule, base, planted mutation, expected field, near-miss mutation)
CASES: list[tuple[str, Callable[[], Form], Mutation, str, Mutation]] = [
    ("header.department_missing", text_form, _set("department", "  "), "department",
     _set("department", "金融街街道")),
    ("header.year_invalid", text_form, _set("year", 1999), "year", _set("year", 2000)),
    ("funds.missing", text_form, _set("funds.basic", ""), "funds.basic",
     _set("funds.basic", "40")),
    ("funds.not_a_number", text_form, _set("funds.total", "abc"), "funds.total",
     _set("funds.total", " 100.00 万元 ")),
    ("funds.negative", text_form, _chain(_set("funds.basic", "-10.00"), _set("funds.project", "110.00")),
     "funds.basic", _chain(_set("funds.basic", "0.00"), _set("funds.project", "100.00"))),
    ("funds.normalised", text_form, _set("funds.total", "１００.００"), "funds.total",
     _set("funds.total", "100")),
    ("funds.converted_from_yuan", text_form, _set("funds.basic", "400,000.00元"), "funds.basic",
     _set("funds.basic", "40.00万元")),
    ("funds.precision", text_form, _set("funds.total", "100.001"), "funds.total",
     _set("funds.total", "100.0")),
    ("funds.sum_mismatch", text_form, _set("funds.basic", "40.01"), "funds.total",
     _set("funds.basic", "40")),
    ("funds.sources_mismatch", text_form,
     _set("funds.sources", [FundSource("财政拨款", "80.00"), FundSource("其他资金", "10.00")]),
     "funds.sources[0].amount",
     _set("funds.sources", [FundSource("财政拨款", "80.00"), FundSource("其他资金", "20")])),
    ("goals.missing", text_form, _set("goals", " \n"), "goals", _set("goals", "无")),
    ("indicators.missing", text_form, _set("indicators", []), "",
     _set("indicators", [Indicator(name="产出指标一：活动", content="开展活动10次。"),
                         Indicator(name="效果指标一：改善", content="环境改善。"),
                         Indicator(name="满意度指标一：满意度", content="满意度达到90%。")])),
    ("indicators.name_missing", text_form, _set("indicators.0.name", ""), "indicators[0].name",
     _set("indicators.0.name", "产出指标一：活动")),
    ("indicators.content_missing", text_form, _set_indicator(1, " "), "indicators[1].content",
     _set_indicator(1, "环境改善。")),
    ("indicators.output_not_quantified", text_form,
     _set_indicator(0, "1、2021年起落实第十五届大会精神；\n2、完成砖塔80-84号、3、4、5号楼整治；\n3、3.1、6.4等敏感日值守。"),
     "indicators[0].content", _set_indicator(0, "1、开展新时代文明实践主题活动不少于4场。")),
    ("indicators.outcome_missing", text_form, _drop_row(1), "",
     _set("indicators.1.name", "效益指标一：环境改善")),
    ("indicators.satisfaction_missing", text_form, _drop_row(2), "",
     _set("indicators.2.name", "效果指标-服务对象满意度指标")),
    ("indicators.satisfaction_low", text_form, _set_indicator(2, "辖区居民满意度达到85%。"),
     "indicators[2].content", _set_indicator(2, "辖区居民满意度达到90%，总体满意度得分在90分以上。")),
    ("indicators.rate_over_100", text_form, _set_indicator(0, "低保家庭入户率达到105%。"),
     "indicators[0].content", _set_indicator(0, "入户率达到100%，服务量同比增长120%。")),
    ("indicators.range_reversed", text_form, _set_indicator(0, "开展讲座10-8次。"),
     "indicators[0].content", _set_indicator(0, "开展讲座8-10次。")),
    ("indicators.parts_mismatch", text_form, _set_indicator(0, "聘用保洁员50名，其中东片20名、西片25名。"),
     "indicators[0].content", _set_indicator(0, "聘用保洁员50名，其中东片25名、西片25名。")),
    ("indicators.cost_mismatch", text_form, _set_indicator(0, "2022年本单位预算支出120.00万元，控制运营成本。"),
     "indicators[0].content", _set_indicator(0, "2022年本单位预算支出100.00万元，其中某项目预算20万元。")),
    ("indicators.amount_exceeds_total", text_form, _set_indicator(0, "购置设备一批，金额150万元。"),
     "indicators[0].content", _set_indicator(0, "购置设备一批，金额50万元，单价12元/公里/辆。")),
    ("items.incomplete", tabular_form, _item(0, 0, unit=""), "indicators[0].items[0].unit",
     _item(0, 0, unit="平方米")),
    ("items.value_has_unit", tabular_form, _item(1, 0, value="12.5万元"), "indicators[1].items[0].value",
     _item(1, 0, value="100")),
    ("items.qualitative_with_unit", tabular_form, _item(2, 0, unit="%"), "indicators[2].items[0].unit",
     _item(2, 0, unit="")),
    ("items.direction_conflict", tabular_form, _item(1, 1, operator="≥", direction=""),
     "indicators[1].items[1].operator", _item(1, 1, operator="≤", direction="")),
    ("items.weights_not_100", tabular_form, _item(0, 0, weight="25"), "indicators[0].items[0].weight",
     _item(0, 0, weight="30.0")),
    ("text.duplicate_passage", text_form, _set("goals", PARAGRAPH + "\n" + PARAGRAPH), "goals",
     _set("goals", SHORT + "。\n" + SHORT + "。")),
    ("text.numbering_broken", text_form, _set("goals", "1、做好服务。\n2、改善环境。\n4、加强管理。"), "goals",
     _set("goals", "一、职能\n（一）管理\n1、服务\n2、环境\n（二）建设\n1、党建\n二、目标\n（一）服务")),
    ("text.stale_year", text_form, _set_indicator(0, "2021年开展社区活动不少于20次。"),
     "indicators[0].content", _set_indicator(0, "较2021年增长，截至2021年底已完成，2022年开展活动20次。")),
    ("text.unbalanced_quotes", text_form, _set("goals", "推广“垃圾不落地，完善《管理办法。"), "goals",
     _set("goals", "推广“垃圾不落地”，完善《管理办法》。")),
    # round 2
    ("funds.text_mismatch", text_form, _set("goals", "一、本年度基本支出：41.00万元，保障正常运转。"), "goals",
     _set("goals", "一、本年度基本支出：40.00万元，垃圾分类项目支出15万元。")),
    ("indicators.cost_missing", text_form, _drop_row(3), "",
     _set("indicators.3.name", "产出指标-产出成本指标")),
    ("items.duplicate_name", tabular_form, _item(1, 0, level3="绿地养护 面积"), "indicators[1].items[0].level3",
     _item(1, 0, level3="绿地养护质量")),
    ("items.value_placeholder", tabular_form, _item(0, 1, value="XX"), "indicators[0].items[1].value",
     _item(0, 1, value="10")),
    # a profile that allows ranges (bj-2021) warns; the tabular default refuses them (range_not_allowed)
    ("items.range_value", tabular_form, _chain(_set("profile", ProfileRef("bj-2021")), _item(0, 1, value="6-8")),
     "indicators[0].items[1].value", _chain(_set("profile", ProfileRef("bj-2021")), _item(0, 1, value="6"))),
    ("items.previous_regressed", tabular_form, _item(0, 1, previous_value="10"), "indicators[0].items[1].value",
     _item(0, 1, previous_value="8")),
    ("items.cost_not_money", tabular_form, _item(4, 0, level3="成本控制率", operator="=", value="100", unit="%"),
     "indicators[4].items[0].unit", _item(4, 0, unit="万元/人")),
    ("items.name_has_value", tabular_form, _item(0, 1, level3="村组干部230人"), "indicators[0].items[1].level3",
     _item(0, 1, level3="65岁以上老年人健康讲座次数")),
    # round 3
    ("items.scale_as_value", tabular_form, _item(2, 0, value="高中低"), "indicators[2].items[0].value",
     _item(2, 0, value="优良")),
    ("items.excel_serial", tabular_form, _item(0, 1, unit="44561"), "indicators[0].items[1].unit",
     _item(0, 1, value="44561", unit="人次")),
    ("items.zero_target", tabular_form, _item(0, 1, value="0"), "indicators[0].items[1].value",
     _item(1, 1, value="0")),
    ("items.category_as_name", tabular_form, _item(0, 1, level3="社会成本指标"), "indicators[0].items[1].level3",
     _item(0, 1, level3="社会成本节约额")),
    # rule profiles
    ("items.column_missing", hunan_form, _column(0, 1, "scoring", ""), "indicators[0].items[1].scoring",
     _column(0, 1, "scoring", "未完成不得分")),
    ("items.range_not_allowed", tabular_form, _item(0, 1, value="6-8"), "indicators[0].items[1].value",
     _item(0, 1, value="6")),
    ("indicators.framework_missing", overall_form, _drop_row(1), "",
     _set("indicators.1.level1", "管理效率指标")),
    # rule profiles: a form naming a profile this program does not know
    ("profile.unknown", text_form, _set("profile", ProfileRef("sc-chengdu-2024", "")), "",
     _set("profile", ProfileRef("bj-2021", ""))),
    # the later stages (self-evaluation.md)
    ("eval.actual_missing", evaluation_form, _eval(0, 0, actual_value=""), "indicators[0].items[0].actual_value",
     _eval(0, 0, actual_value="113816平方米")),
    ("eval.reason_missing", evaluation_form, _eval(0, 1, actual_value="4"), "indicators[0].items[1].deviation_reason",
     _eval(0, 1, actual_value="4", deviation_reason="受疫情影响停办4次")),
    ("eval.executed_over_budget", evaluation_form, _execution(executed="120.00"), "execution.executed",
     _execution(executed="100.00")),
    ("eval.actual_not_comparable", evaluation_form, _eval(0, 1, actual_value="8户"),
     "indicators[0].items[1].actual_value", _eval(0, 1, actual_value="8次")),
    ("eval.score_differs", evaluation_form, _written_score("99"), "evaluation.score", _written_score(None)),
    ("monitor.behind_schedule", monitor_form, _execution(executed="30.00"), "execution.executed",
     _execution(executed="40.00")),
    ("monitor.will_not_meet_no_reason", monitor_form, _eval(0, 0, will_meet="不能"),
     "indicators[0].items[0].deviation_reason", _eval(0, 0, will_meet="不能", deviation_reason="汛期影响施工")),
]


def test_every_rule_has_a_case() -> None:
    assert {case[0] for case in CASES} == RULE_IDS


@pytest.mark.parametrize(("rule", "base", "planted", "field", "near_miss"), CASES, ids=[c[0] for c in CASES])
def test_planted_error_is_found(rule: str, base: Callable[[], Form], planted: Mutation, field: str,
                                near_miss: Mutation) -> None:
    form = base()
    planted(form)
    found = _find(form, rule)
    assert found, f"{rule} not raised: {_rules(form)}"
    assert any(f.field == field for f in found), [f.field for f in found]
    for f in found:
        assert f.severity is RULES[rule].severity
        assert f.message and any("\u4e00" <= ch <= "\u9fff" for ch in f.message)
        if f.span is not None:
            text = field_text(form, f.field)
            assert 0 <= f.span[0] < f.span[1] <= len(text)


@pytest.mark.parametrize(("rule", "base", "planted", "field", "near_miss"), CASES, ids=[c[0] for c in CASES])
def test_near_miss_is_not_found(rule: str, base: Callable[[], Form], planted: Mutation, field: str,
                                near_miss: Mutation) -> None:
    form = base()
    near_miss(form)
    findings = run_checks(form)
    assert not [f for f in findings if f.rule == rule], [f.message for f in findings if f.rule == rule]
    assert not has_errors(findings), [(f.rule, f.message) for f in findings]


# --- details of single rules ------------------------------------------------------------------


def test_sum_mismatch_message() -> None:
    form = text_form()
    form.funds.basic = "40.01"
    [finding] = _find(form, "funds.sum_mismatch")
    assert finding.message.startswith("资金总额 100.00 ≠ 基本支出 40.01 + 项目支出 60.00 = 100.01，相差 0.01 万元")
    assert "100.01" in finding.message


def test_sum_is_compared_exactly_as_typed() -> None:
    form = text_form()
    form.funds.basic = "40.004"  # printed as typed (40.004): the typed figures do not add up
    assert _find(form, "funds.sum_mismatch")
    assert _find(form, "funds.precision")


def test_funds_missing_depends_on_the_template() -> None:
    form = text_form()
    form.funds.basic = form.funds.project = ""
    assert {f.field for f in _find(form, "funds.missing")} == {"funds.basic", "funds.project"}
    form.template = TEMPLATE_TABULAR
    assert not _find(form, "funds.missing")  # a total only is allowed in the tabular template
    form.funds.basic = "40.00"
    assert [f.field for f in _find(form, "funds.missing")] == ["funds.project"]
    form.funds.total = ""
    assert "funds.total" in {f.field for f in _find(form, "funds.missing")}


def test_not_a_number_says_why() -> None:
    form = text_form()
    form.funds.total = "12,34.5"
    [finding] = _find(form, "funds.not_a_number")
    assert "千位分隔符" in finding.message


def test_normalised_reference_style_amount() -> None:
    form = text_form()
    form.funds.total, form.funds.basic, form.funds.project = "22,001.49", "5214.98", "16786.51"
    assert _rules(form) == [("funds.normalised", "funds.total")]


def test_standard_layout_rows_left_empty_are_content_missing() -> None:
    form = new_form(Layout.STANDARD, 2022, "某街道办事处")
    findings = _find(form, "indicators.content_missing")
    assert [f.field for f in findings] == [f"indicators[{i}].content" for i in range(9)]
    assert all(f.severity is Severity.ERROR for f in findings)
    assert not _find(form, "indicators.outcome_missing")


def test_blank_rows_are_not_flagged_but_no_rows_is() -> None:
    form = text_form()
    form.indicators.append(Indicator())
    assert run_checks(form) == []
    form.indicators = [Indicator(), Indicator()]
    assert _rules(form) == [("indicators.missing", "")]


def test_satisfaction_threshold_is_a_setting() -> None:
    form = text_form()
    form.indicators[2].content = "辖区居民满意度达到90%。"
    assert not _find(form, "indicators.satisfaction_low")
    strict = CheckSettings(satisfaction_min=Decimal(95))
    [finding] = _find(form, "indicators.satisfaction_low", strict)
    assert "95" in finding.message
    assert field_text(form, finding.field)[finding.span[0]:finding.span[1]] == "达到90%"  # type: ignore[index]


def test_satisfaction_low_in_scores_and_items() -> None:
    form = text_form()
    form.indicators[2].content = "总体满意度（按百分制计算）得分在85分以上。"
    assert _find(form, "indicators.satisfaction_low")
    form.indicators[2].content = "群众不满意率不超过5%，投诉率低于3%。"
    assert not _find(form, "indicators.satisfaction_low")
    tab = tabular_form()
    tab.indicators[3].items[0].value = "85"
    assert [f.field for f in _find(tab, "indicators.satisfaction_low")] == ["indicators[3].items[0].value"]


def test_rate_over_100_in_items() -> None:
    form = tabular_form()
    form.indicators[1].items[0].value = "105"
    assert [f.field for f in _find(form, "indicators.rate_over_100")] == ["indicators[1].items[0].value"]


def test_range_reversed_in_items() -> None:
    form = tabular_form()
    form.indicators[0].items[1].value = "10-8"
    assert [f.field for f in _find(form, "indicators.range_reversed")] == ["indicators[0].items[1].value"]


def test_parts_with_multiplications_hold() -> None:
    form = text_form()
    form.indicators[0].content = (
        "（2）聘用安保人员136名，其中2个派出所各25名，执法小分队5名，京畿道幼儿园6名，反恐应急队50名，"
        "办公场所14名，地区消防队11名。协警72名，其中二龙路派出所26名，丰盛派出所16名，幼儿园3人，备勤7人，"
        "金融街城管执法队20名。社区警务工作室聘用安保人员76人：共计19个社区，每个社区4人。"
        "聘用50人保安队员，专职负责周边社会秩序。聘用保安队员50人，负责辖区疫情防控任务。总计384人。\n"
        "开展阅读活动：街道馆不低于12场，社区馆不低于6场/个(2个社区馆)，合计24场。")
    assert not _find(form, "indicators.parts_mismatch")
    form.indicators[0].content = form.indicators[0].content.replace("总计384人", "总计380人")
    [finding] = _find(form, "indicators.parts_mismatch")
    assert field_text(form, finding.field)[finding.span[0]:finding.span[1]] == "380人"  # type: ignore[index]


def test_parts_trailing_total() -> None:
    form = text_form()
    form.indicators[0].content = "外借册次：街道馆不低于8000册，社区馆不低于2000册，合计1.2万册。"
    [finding] = _find(form, "indicators.parts_mismatch")
    assert "8000 + 2000 = 10000册" in finding.message
    form.indicators[0].content = "外借册次：街道馆不低于8000册，社区馆不低于4000册，合计1.2万册。"
    assert not _find(form, "indicators.parts_mismatch")
    form.indicators[0].content = "在10个社区开展组织培育类、服务项目类共396个项目。"  # one part only
    assert not _find(form, "indicators.parts_mismatch")


def test_cost_mismatch_ignores_project_budgets() -> None:
    form = text_form()
    form.indicators[0].content = "某项目预算30万元；社区公益金项目资金总额20万元。"
    assert not _find(form, "indicators.cost_mismatch")
    form.indicators[0].content = "2022年本单位预算支出 99.99 万元。"
    [finding] = _find(form, "indicators.cost_mismatch")
    assert "相差 0.01 万元" in finding.message


def test_amount_exceeds_total_in_goals_and_items() -> None:
    form = text_form()
    form.goals += "\n三、完成投资1亿元的改造工程。"
    assert [f.field for f in _find(form, "indicators.amount_exceeds_total")] == ["goals"]
    tab = tabular_form()
    tab.indicators[0].items[1] = IndicatorItem(level3="设备购置金额", nature="定量", operator="≤",
                                               value="120", unit="万元", weight="20")
    assert [f.field for f in _find(tab, "indicators.amount_exceeds_total")] == ["indicators[0].items[1].value"]


def test_items_incomplete_variants() -> None:
    form = tabular_form()
    form.indicators[0].items[0].operator = ""
    form.indicators[0].items[1].value = "按月完成"
    form.indicators[2].items[0].level3 = ""
    fields = [f.field for f in _find(form, "items.incomplete")]
    assert fields == ["indicators[0].items[0].operator", "indicators[0].items[1].value",
                      "indicators[2].items[0].level3"]


def test_direction_conflict_variants() -> None:
    form = tabular_form()
    form.indicators[1].items[1].operator = "≥"  # 反向 declared
    assert _find(form, "items.direction_conflict")
    form = tabular_form()
    form.indicators[0].items[0].operator = "≤"  # 正向 declared
    assert [f.field for f in _find(form, "items.direction_conflict")] == ["indicators[0].items[0].operator"]
    form = tabular_form()
    form.indicators[0].items[1] = IndicatorItem(level3="安全事故处置率", nature="定量", operator="≥",
                                                value="100", unit="%", weight="20")
    assert not _find(form, "items.direction_conflict")


def test_weights_that_are_not_numbers() -> None:
    form = tabular_form()
    form.indicators[0].items[0].weight = "三十"
    [finding] = _find(form, "items.weights_not_100")
    assert "三十" in finding.message


def test_duplicates_across_fields_and_span() -> None:
    form = text_form()
    form.goals = "一、" + PARAGRAPH
    form.indicators[1].content = "居民生活环境明显改善。" + PARAGRAPH.replace("，", "， ")
    [finding] = _find(form, "text.duplicate_passage")
    assert finding.field == "indicators[1].content"
    start, end = finding.span or (0, 0)
    assert "".join(form.indicators[1].content[start:end].split()) == PARAGRAPH
    assert "部门（单位）绩效目标" in finding.message


def test_duplicate_threshold_is_a_setting() -> None:
    form = text_form()
    form.goals = SHORT + "。\n" + SHORT + "。"
    assert not _find(form, "text.duplicate_passage")
    assert _find(form, "text.duplicate_passage", CheckSettings(duplicate_min_chars=30))


def test_repeated_filler_is_not_a_duplicate() -> None:
    form = text_form()
    form.other_notes = "—" * 120
    assert not _find(form, "text.duplicate_passage")


@pytest.mark.parametrize(
    ("text", "marks"),
    [
        ("一、甲\n二、乙\n五、丙\n五、丁", ["五、", "五、"]),
        ("（一）甲\n（二）乙\n（四）丙", ["（四）"]),
        ("1.甲\n2.乙\n3.丙\n4.丁\n5.戊\n8建设书香\n6.己\n7.庚", ["8", "6."]),
        ("1、甲；2、乙；3、丙。", []),
        ("1、甲\n（1）子\n（2）子\n2、乙\n（1）子\n1）孙\n2）孙\n（2）子\n1）孙", []),
        ("1）甲： ①子。②子。③子。\n2）乙\n①子\n②子", []),
        ("1、甲\n2．乙\n3. 丙", []),  # mixed separators in one list
        ("1、甲\n（1）子\n1.孙\n2.孙\n（2）子\n2、乙", []),  # 1. nested under 1、
        ("2021年，总述。\n一、甲\n二、乙", []),
        ("1、甲\n30名保安负责巡逻\n2、乙", []),
        ("1、甲\n3.1、6.4等敏感日值守\n2、乙", []),
    ],
)
def test_numbering(text: str, marks: list[str]) -> None:
    form = text_form()
    form.goals = text
    found = _find(form, "text.numbering_broken")
    assert [text[f.span[0]:f.span[1]] for f in found if f.span] == marks


def test_numbered_rows_ordinals() -> None:
    form = text_form()
    form.indicators = [
        Indicator(name="产出指标一：甲", content="开展活动10次。"),
        Indicator(name="产出指标二：乙", content="开展活动10次。"),
        Indicator(name="产出指标四：丙", content="开展活动10次。"),
        Indicator(name="效果指标一：丁", content="环境改善。"),
        Indicator(name="满意度指标一：戊", content="满意度达到90%。"),
    ]
    findings = _find(form, "text.numbering_broken")
    assert [f.field for f in findings] == ["indicators[2].name"]
    assert "产出指标三" in findings[0].message


@pytest.mark.parametrize(
    ("text", "stale"),
    [
        ("2021年开展社区活动20次。", True),
        ("落实2021年度环境建设任务。", True),
        ("较2021年增长10%。", False),
        ("与2021年相比有所提升。", False),
        ("截至2021年底已完成。", False),
        ("自2020年以来持续推进。", False),
        ("从2019年起实施。", False),
        ("2020年至2022年三年行动。", False),
        ("根据《2021年工作要点》开展工作。", False),
        ("2022年开展社区活动20次，2023年完成验收。", False),
        ("1949年建立。", False),
    ],
)
def test_stale_year(text: str, stale: bool) -> None:
    form = text_form()
    form.indicators[1].content = text
    assert bool(_find(form, "text.stale_year")) is stale


def test_stale_year_summarises_a_field() -> None:
    form = text_form()
    form.goals = "2021年做好服务。2021年改善环境。2021年加强管理。"
    [finding] = _find(form, "text.stale_year")
    assert "3 处" in finding.message
    assert finding.span == (0, 5)


def test_unbalanced_quotes_variants() -> None:
    form = text_form()
    form.goals = "根据重大宣传任务及“我们的节日：策划活动；举办“道德讲堂”活动。"
    [finding] = _find(form, "text.unbalanced_quotes")
    assert form.goals[finding.span[0]:].startswith("“我们的节日")  # type: ignore[index]
    form.goals = "推广垃圾不落地”。"
    assert _find(form, "text.unbalanced_quotes")
    form.indicators[0].name = "产出指标一：《管理"
    assert "indicators[0].name" in {f.field for f in _find(form, "text.unbalanced_quotes")}


# --- order ------------------------------------------------------------------------------------


def test_findings_follow_the_form_order_with_form_level_last() -> None:
    form = text_form()
    form.department = ""
    form.funds.basic = "40.01"
    form.goals = "1、甲\n3、乙"
    form.indicators[0].content = "开展讲座10-8次，入户率达到105%。"
    del form.indicators[2]
    findings = run_checks(form)
    assert [(f.rule, f.field) for f in findings] == [
        ("header.department_missing", "department"),
        ("funds.sum_mismatch", "funds.total"),
        ("text.numbering_broken", "goals"),
        ("indicators.range_reversed", "indicators[0].content"),
        ("indicators.rate_over_100", "indicators[0].content"),
        ("indicators.satisfaction_missing", ""),
    ]
    keys = [field_order_key(f.field) for f in findings]
    assert keys == sorted(keys)


def test_field_order_key() -> None:
    paths = ["department", "year", "funds.total", "funds.basic", "funds.project",
             "funds.sources[0].name", "funds.sources[0].amount", "funds.sources[1].amount", "goals",
             "indicators[0].name", "indicators[0].level1", "indicators[0].level2", "indicators[0].content",
             "indicators[0].items[0].level3", "indicators[0].items[0].value", "indicators[0].items[1].level3",
             "indicators[1].name", "indicators[10].content", "other_notes", ""]
    assert sorted(paths, key=field_order_key) == paths


def test_has_errors() -> None:
    form = text_form()
    assert not has_errors(run_checks(form))
    form.indicators[2].content = "满意度达到80%。"
    assert not has_errors(run_checks(form))  # a warning does not block
    form.goals = ""
    assert has_errors(run_checks(form))
