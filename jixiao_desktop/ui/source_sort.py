"""Sorting and searching a long list in Python, not through Qt's comparisons.

``QSortFilterProxyModel`` sorts by asking the model's ``data()`` for both sides of every
comparison: with 10,000 forms that is some 300,000 calls from C++ into Python (seconds), and
its fixed-string filter over every column asks ``data()`` 70,000 times per keystroke (half a
second). ``SourceSortProxy`` hands sorting to the source model, whose ``sort()`` orders its own
rows with one key per row (milliseconds), and searches each row's text as the source model
gives it (``search_text(row)``, one call per row). ``SortedRows`` is that ``sort()`` for a model
that holds a list of rows and knows each row's key per column.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)


class SourceSortProxy(QSortFilterProxyModel):
    """``sort()`` is the source model's own; ``search(text)`` keeps the rows whose
    ``search_text(row)`` (the source model's, case-folded) contains the text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)

    def search(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle != self._needle:
            self.beginFilterChange()
            self._needle = needle
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._needle:
            return True
        source = self.sourceModel()
        return self._needle in source.search_text(source_row)  # type: ignore[attr-defined]


class SortedRows:
    """Keeps ``rows`` in the order of the last ``sort(column, order)`` (also after new rows),
    moving the persistent indexes (selection, current row) with their rows."""

    def __init__(self, model: QAbstractItemModel, key: Callable[[Any, int], Any]) -> None:
        self._model = model
        self._key = key
        self.column = -1
        self.order = Qt.SortOrder.AscendingOrder

    def ordered(self, rows: list[Any]) -> list[Any]:
        if self.column < 0:
            return list(rows)
        return sorted(rows, key=lambda row: self._key(row, self.column),
                      reverse=self.order == Qt.SortOrder.DescendingOrder)

    def sort(self, rows: list[Any], column: int, order: Qt.SortOrder) -> None:
        """Sort ``rows`` in place, telling the views (persistent indexes follow their rows)."""
        model = self._model
        self.column, self.order = column, order
        model.layoutAboutToBeChanged.emit()
        persistent = model.persistentIndexList()
        held = [(index, rows[index.row()]) for index in persistent if 0 <= index.row() < len(rows)]
        rows[:] = self.ordered(rows)
        position = {id(row): i for i, row in enumerate(rows)}
        model.changePersistentIndexList(
            [index for index, _ in held],
            [model.index(position[id(row)], index.column()) for index, row in held])
        model.layoutChanged.emit()
