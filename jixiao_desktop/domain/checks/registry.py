"""The context the rule modules write their findings into (the rule table: ``domain.rule_table``)."""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.domain.findings import CheckSettings, Finding, Severity
from jixiao_desktop.domain.model import Form, Indicator
from jixiao_desktop.domain.money import quantize_cents
from jixiao_desktop.domain.profiles.model import Profile
from jixiao_desktop.domain.rule_table import RULES as RULES
from jixiao_desktop.domain.rule_table import RuleInfo as RuleInfo


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
