"""How findings show in the editor: a ``Mark`` per field path, and the data roles of its models."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

AnyIndex = QModelIndex | QPersistentModelIndex


class Role(enum.IntEnum):
    """Custom data roles of the editor's models."""

    PATH = Qt.ItemDataRole.UserRole  # the field path a cell shows (str)
    CHOICES = Qt.ItemDataRole.UserRole + 1  # allowed values for a combo-box cell (list[str]) or None
    INDICATOR = Qt.ItemDataRole.UserRole + 2  # index into form.indicators (int)


@dataclass(frozen=True)
class Mark:
    """How a field is marked after a check: ``level`` "error", "warning" or "" (tooltip only)."""

    level: str
    tooltip: str
    spans: tuple[tuple[int, int, str], ...] = ()  # passages (start, end, level) in the field's text


MARK_BACKGROUND = {"error": QColor("#fde2e1"), "warning": QColor("#fff4ce")}


def mark_data(mark: Mark | None, role: int) -> Any:
    if mark is None:
        return None
    if role == Qt.ItemDataRole.ToolTipRole:
        return mark.tooltip or None
    if role == Qt.ItemDataRole.BackgroundRole and mark.level in MARK_BACKGROUND:
        return QBrush(MARK_BACKGROUND[mark.level])
    return None
