"""What a check reports: findings, severities and the settings bureaus choose."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from decimal import Decimal


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
class CheckSettings:
    """Thresholds that bureaus set differently; the window keeps them in its settings."""

    satisfaction_min: Decimal = Decimal(90)
    duplicate_min_chars: int = 40
    extra: dict[str, str] = field(default_factory=dict)
