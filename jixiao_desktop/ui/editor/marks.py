"""How findings show in the editor: a ``Mark`` per field path, and the data roles of its models.

A field has at most one level of finding (red for an error, yellow for a warning) and, apart
from that, may carry the bureau's 审核意见 (``review``): a teal frame on a field without a
finding, a teal tint under a finding's frame, and in a table a teal background, or a teal
corner beside a finding's colour. The tooltip lists everything, the comments first.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from jixiao_desktop.domain.findings import Finding, Severity
from jixiao_desktop.domain.review import REVIEW_RULE

AnyIndex = QModelIndex | QPersistentModelIndex


class Role(enum.IntEnum):
    """Custom data roles of the editor's models."""

    PATH = Qt.ItemDataRole.UserRole  # the field path a cell shows (str)
    CHOICES = Qt.ItemDataRole.UserRole + 1  # allowed values for a combo-box cell (list[str]) or None
    INDICATOR = Qt.ItemDataRole.UserRole + 2  # index into form.indicators (int)
    REVIEW = Qt.ItemDataRole.UserRole + 3  # True: the bureau's 审核意见 is about this cell (teal corner)


@dataclass(frozen=True)
class Mark:
    """How a field is marked after a check: ``level`` "error", "warning" or "" (no colour of a
    finding); ``review``: the bureau commented on the field."""

    level: str
    tooltip: str
    spans: tuple[tuple[int, int, str], ...] = ()  # passages (start, end, level) in the field's text
    review: bool = False


MARK_BACKGROUND = {"error": QColor("#fde2e1"), "warning": QColor("#fff4ce")}
REVIEW_COLOR = QColor("#00897b")  # the bureau's comments: teal, apart from red, yellow and the blue selection
REVIEW_BACKGROUND = QColor("#d5f0ec")


def marks_for(findings: list[Finding]) -> dict[str, Mark]:
    """The mark of each field the findings are about: the worst open error or warning colours
    it (acknowledged ones and 提示 only in the tooltip); a 审核意见 (``REVIEW_RULE``) sets
    ``review``, whatever else is there."""
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(finding.field, []).append(finding)
    marks: dict[str, Mark] = {}
    for path, group in by_path.items():
        live = [f for f in group if not f.acknowledged and f.severity is not Severity.INFO]
        level = min(live, key=lambda f: f.severity.rank).severity.value if live else ""
        comments = [f for f in group if f.rule == REVIEW_RULE]
        lines = [f"【{f.severity.label}】{f.message}" + ("（已知悉）" if f.acknowledged else "")
                 for f in sorted(group, key=lambda f: f.severity.rank) if f.rule != REVIEW_RULE]
        lines.extend(f.message for f in comments)  # 财政局审核意见：…（审核人）
        spans = tuple((f.span[0], f.span[1], "" if f.acknowledged else f.severity.value)
                      for f in group if f.span is not None and f.severity is not Severity.INFO)
        marks[path] = Mark(level, "\n".join(lines), spans, review=bool(comments))
    return marks


def combined(*marks: Mark | None) -> Mark | None:
    """One mark for a cell from its own and its row's (``indicators[3]``): the worse level, both
    tooltips, the cell's passages."""
    present = [m for m in marks if m is not None]
    if len(present) <= 1:
        return present[0] if present else None
    levels = [m.level for m in present]
    level = "error" if "error" in levels else "warning" if "warning" in levels else ""
    return Mark(level, "\n".join(m.tooltip for m in present if m.tooltip), present[0].spans,
                any(m.review for m in present))


def mark_data(mark: Mark | None, role: int) -> Any:
    if mark is None:
        return None
    if role == Qt.ItemDataRole.ToolTipRole:
        return mark.tooltip or None
    if role == Qt.ItemDataRole.BackgroundRole:
        if mark.level in MARK_BACKGROUND:
            return QBrush(MARK_BACKGROUND[mark.level])
        return QBrush(REVIEW_BACKGROUND) if mark.review else None
    if role == Role.REVIEW:
        return mark.review or None
    return None
