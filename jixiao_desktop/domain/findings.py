"""What a check reports: findings, severities and the settings bureaus choose."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

from jixiao_desktop.errors import KnownError


class Severity(enum.StrEnum):
    """``error`` blocks 定稿; ``warning`` and ``info`` do not."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True)
class Finding:
    """One thing a check found.

    Attributes:
        rule: the stable rule id of ``checks.md`` (``funds.sum_mismatch``).
        severity: error, warning or info.
        field: the field path it is about (``indicators[3].content``), ``""`` for the form.
        message: what is wrong and what would fix it, in Chinese.
        span: where in the field's text (start, end), when the finding is about a passage.
        acknowledged: a warning the clerk marked 已知悉 on this text.
    """

    rule: str
    severity: Severity
    field: str
    message: str
    span: tuple[int, int] | None = None
    acknowledged: bool = False

    def with_acknowledged(self, value: bool = True) -> Finding:
        return replace(self, acknowledged=value)

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "rule": self.rule,
            "severity": str(self.severity),
            "field": self.field,
            "message": self.message,
        }
        if self.span is not None:
            data["span"] = list(self.span)
        if self.acknowledged:
            data["acknowledged"] = True
        return data


@dataclass(frozen=True)
class FindingCounts:
    """How many findings there are: ``errors``, ``warnings``, ``infos`` by severity (acknowledged
    ones included) and how many warnings are ``acknowledged`` (errors and infos never are).
    The checks panel, 定稿, export, 导入预览, the CLI and the bureau's stored counts all count here."""

    errors: int = 0
    warnings: int = 0
    infos: int = 0
    acknowledged: int = 0

    @property
    def open_warnings(self) -> int:
        """Warnings not marked 已知悉."""
        return self.warnings - self.acknowledged


def count_findings(findings: Iterable[Finding]) -> FindingCounts:
    errors = warnings = infos = acknowledged = 0
    for finding in findings:
        if finding.severity is Severity.ERROR:
            errors += 1
        elif finding.severity is Severity.WARNING:
            warnings += 1
            acknowledged += finding.acknowledged
        else:
            infos += 1
    return FindingCounts(errors, warnings, infos, acknowledged)


@dataclass(frozen=True)
class CheckSettings:
    """Thresholds that bureaus set differently; the window keeps them in its settings.

    ``satisfaction_min`` ``None`` (the default): the form's profile decides (90 in Beijing);
    a number set by the clerk or ``--satisfaction-min`` overrides the profile.
    """

    satisfaction_min: Decimal | None = None
    duplicate_min_chars: int = 40
    extra: dict[str, str] = field(default_factory=dict)


class ThresholdError(KnownError, ValueError):
    """A 满意度最低值 that is not a number above 0 and at most 100 (Chinese message)."""


_THRESHOLD_FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")


def parse_satisfaction_min(text: str) -> Decimal:
    """The one reading of a 满意度最低值 for the window, its settings file and the CLI.

    ``95``, ``95%``, ``95分``, ``９５`` → 95. It must be above 0 (a minimum of 0 would accept
    every satisfaction target) and at most 100. Raises ``ThresholdError`` otherwise.
    """
    cleaned = str(text).translate(_THRESHOLD_FULLWIDTH).strip().rstrip("%％分").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ThresholdError(f"满意度最低值“{str(text).strip()}”不是数字") from None
    if not value.is_finite() or not Decimal(0) < value <= Decimal(100):
        raise ThresholdError("满意度最低值应大于 0、不超过 100")
    return value
