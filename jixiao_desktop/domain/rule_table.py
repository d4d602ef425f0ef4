"""The rule ids of ``spec/checks.md`` with their severity and a short Chinese title.

Below the checks and the profiles alike: the checks report under these ids, a profile file may
name them (``rules``), and neither needs the other to know which ids exist.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao_desktop.domain.findings import Severity

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


@dataclass(frozen=True)
class RuleInfo:
    """A rule of ``checks.md``: its stable id, severity and a short Chinese title."""

    rule: str
    severity: Severity
    title: str


_TABLE: tuple[tuple[str, Severity, str], ...] = (
    # header and funds
    ("header.department_missing", E, "未填写部门（单位）名称"),
    ("header.year_invalid", E, "年度缺失或不合理"),
    ("funds.missing", E, "资金金额未填写"),
    ("funds.not_a_number", E, "金额不是数字"),
    ("funds.negative", E, "金额为负数"),
    ("funds.normalised", INFO, "金额已规范写法"),
    ("funds.converted_from_yuan", INFO, "金额按元填写，已换算为万元"),
    ("funds.precision", W, "金额超过两位小数"),
    ("funds.sum_mismatch", E, "资金总额≠基本支出+项目支出"),
    ("funds.sources_mismatch", E, "资金来源之和≠资金总额"),
    ("funds.text_mismatch", W, "文中所写资金与资金栏不符"),
    # goals and indicators
    ("goals.missing", E, "未填写绩效目标"),
    ("indicators.missing", E, "没有绩效指标"),
    ("indicators.name_missing", E, "指标缺少名称"),
    ("indicators.content_missing", E, "指标缺少内容"),
    ("indicators.output_not_quantified", W, "产出指标未量化"),
    ("indicators.outcome_missing", W, "缺少效果（效益）指标"),
    ("indicators.satisfaction_missing", W, "缺少满意度指标"),
    ("indicators.satisfaction_low", W, "满意度目标偏低"),
    ("indicators.rate_over_100", E, "比率超过100%"),
    ("indicators.range_reversed", E, "数值区间上下颠倒"),
    ("indicators.parts_mismatch", W, "总数与分项之和不符"),
    ("indicators.cost_mismatch", W, "文中预算金额与资金总额不符"),
    ("indicators.amount_exceeds_total", E, "文中金额超过资金总额"),
    ("indicators.cost_missing", W, "缺少成本指标"),
    # structured items
    ("items.incomplete", E, "三级指标填写不完整"),
    ("items.value_has_unit", W, "指标值带有单位"),
    ("items.qualitative_with_unit", W, "定性指标填了计量单位"),
    ("items.direction_conflict", W, "运算符与指标方向矛盾"),
    ("items.weights_not_100", E, "权重合计不等于100"),
    ("items.duplicate_name", W, "三级指标重名"),
    ("items.value_placeholder", E, "指标值是占位符"),
    ("items.range_value", W, "指标值是区间"),
    ("items.previous_regressed", W, "目标比上年放松"),
    ("items.cost_not_money", W, "成本指标的单位不是金额"),
    ("items.name_has_value", W, "指标名称里写了数值"),
    # round 3: real forms from other provinces
    ("items.scale_as_value", W, "定性指标值写成了整个档次"),
    ("items.excel_serial", W, "指标值是Excel日期序号"),
    ("items.zero_target", W, "正向指标的目标为0"),
    ("items.category_as_name", W, "三级指标名称只是类别名"),
    # the rule profiles (profiles.md)
    ("items.column_missing", E, "规则方案要求的栏目未填"),
    ("items.range_not_allowed", E, "规则方案不允许区间值"),
    ("indicators.framework_missing", W, "缺少规则方案要求的一级指标"),
    ("profile.unknown", W, "本机没有表中所用的规则方案"),
    # the rest of the year (self-evaluation.md): 监控 and 自评
    ("eval.actual_missing", E, "自评缺少实际完成值"),
    ("eval.reason_missing", W, "偏差较大但未说明原因"),
    ("eval.executed_over_budget", W, "执行数超过全年预算数"),
    ("eval.actual_not_comparable", W, "实际完成值无法与指标值比较"),
    ("eval.score_differs", W, "表中得分与计算结果不符"),
    ("monitor.behind_schedule", W, "预算执行进度落后"),
    ("monitor.will_not_meet_no_reason", W, "预计不能完成但未说明原因"),
    # text
    ("text.duplicate_passage", W, "重复的段落"),
    ("text.numbering_broken", W, "编号跳号或重号"),
    ("text.stale_year", W, "沿用了往年的年份"),
    ("text.unbalanced_quotes", W, "引号或书名号不成对"),
)

RULES: dict[str, RuleInfo] = {rule: RuleInfo(rule, sev, title) for rule, sev, title in _TABLE}
RULE_IDS: frozenset[str] = frozenset(RULES)
