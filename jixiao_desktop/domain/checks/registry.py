"""The rule table and the context the rule modules write their findings into."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jixiao_desktop.domain.findings import CheckSettings, Finding, Severity
from jixiao_desktop.domain.model import Form, Indicator
from jixiao_desktop.domain.money import quantize_cents
from jixiao_desktop.domain.profiles.model import Profile

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


class Context:
    """What every rule module gets: the form, the settings, and a list to append to."""

    __slots__ = ("findings", "form", "profile", "settings", "total")

    def __init__(self, form: Form, settings: CheckSettings, profile: Profile) -> None:
        self.form = form
        self.settings = settings
        self.profile = profile
        self.findings: list[Finding] = []
        # The 资金总额 as printed (two decimals), when it can be read; set by the funds rules.
        self.total: Decimal | None = None

    def add(self, rule: str, field: str, message: str, span: tuple[int, int] | None = None) -> None:
        level = self.profile.rule_level(rule)
        if level == "off":
            return
        severity = Severity(level) if level else RULES[rule].severity
        self.findings.append(Finding(rule=rule, severity=severity, field=field,
                                     message=message, span=span))

    @property
    def satisfaction_min(self) -> Decimal:
        """The settings' minimum when the clerk set one, else the profile's."""
        chosen = self.settings.satisfaction_min
        return chosen if chosen is not None else self.profile.satisfaction_min

    def kind(self, ind: Indicator) -> str:
        """What the row counts as under the profile's framework (output, outcome, …)."""
        return self.profile.framework.kind_of(ind.level1, ind.level2, ind.name)

    @property
    def is_classic_framework(self) -> bool:
        """产出 / 效果（效益）/ 满意度: the messages of checks.md fit as they are."""
        names = {c.name for c in self.profile.framework.categories if c.kind != "cost"}
        return names <= {"产出指标", "效果指标", "效益指标", "满意度指标"}

    def by_profile(self) -> str:
        """``按四川省规则，``: how a message says that the profile decided."""
        return f"按{self.profile.name}规则，"


def fmt_number(value: Decimal) -> str:
    """A number as a clerk writes it: no exponent, no trailing zeros (12000, 2.5)."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def cents(value: Decimal) -> Decimal:
    """``quantize_cents`` that never raises (an absurdly long number stays as it is)."""
    try:
        return quantize_cents(value)
    except ArithmeticError:
        return value


def fmt_amount(value: Decimal) -> str:
    """An amount in 万元 with two decimals."""
    return format(cents(value), "f")


def snippet(text: str, start: int, end: int, limit: int = 24) -> str:
    """The passage text[start:end] for a message, shortened with … and on one line."""
    part = " ".join(text[start:end].split())
    return part if len(part) <= limit else part[: limit - 1] + "…"
