"""The bureau's list of collected forms: a table model that fetches rows as they scroll into view.

The database filters and sorts (indexed summary columns, ``storage.bureau.ListQuery``) and
gives the ids in order — 10,000 integers, a few milliseconds. The model knows every row's
place at once (the scroll bar is right, a jump to the end is instant) and reads the columns of
a page of ``PAGE`` rows only when one of them is painted, so 10,000 forms show as fast as 20.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCollator, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from jixiao_desktop.bureau.summary import amount_value
from jixiao_desktop.storage.bureau import BureauStore, ListQuery, SortKey, SummaryRow

_Index = QModelIndex | QPersistentModelIndex
PAGE = 200
COLUMNS = ("单位名称", "年度", "状态", "资金总额", "基本支出", "项目支出", "错误", "警告", "版本", "最后修改", "审核")
SORT_KEYS = (SortKey.DEPARTMENT, SortKey.YEAR, SortKey.STATUS, SortKey.TOTAL, SortKey.BASIC, SortKey.PROJECT,
             SortKey.ERRORS, SortKey.WARNINGS, SortKey.REVISION, SortKey.UPDATED, SortKey.REVIEW)
FORM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ROLES = frozenset((_DISPLAY, _ALIGN, _TOOLTIP, Qt.ItemDataRole.ForegroundRole, FORM_ID_ROLE))
_RIGHT_COLUMNS = frozenset((3, 4, 5, 6, 7, 8))  # amounts and counts
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_RED = QBrush(QColor("#b00020"))


def _amount_text(text: str) -> str:
    value = amount_value(text)
    if value is None:
        return text
    return f"{value:,.2f}" if value == value.quantize(Decimal("0.01")) else f"{value:,}"


_COLLATOR: QCollator | None = None


def pinyin_order(pairs: list[tuple[int, str]], *, descending: bool = False) -> list[int]:
    """Ids by their names in 拼音 order (the Chinese collation; the id breaks ties)."""
    global _COLLATOR
    if _COLLATOR is None:
        _COLLATOR = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        _COLLATOR.setNumericMode(True)  # 第2中学 before 第10中学
    key = _COLLATOR.sortKey
    ordered = sorted(pairs, key=lambda p: (key(p[1] or ""), p[0]), reverse=descending)
    return [form_id for form_id, _ in ordered]


class BureauListModel(QAbstractTableModel):
    """Summary rows by id, read ``PAGE`` at a time when shown; ``set_query`` filters and sorts anew."""

    def __init__(self, store: BureauStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._query = ListQuery()
        self._ids: list[int] = []
        self._pages: dict[int, dict[int, SummaryRow]] = {}
        self._cells_cache: dict[int, tuple[str, ...]] = {}
        self.pages_read = 0  # how many pages were read from the database (tests, benchmarks)

    # --- what is shown ------------------------------------------------------------------------

    @property
    def query(self) -> ListQuery:
        return self._query

    @property
    def total(self) -> int:
        return len(self._ids)

    def ids(self) -> list[int]:
        """The forms shown, in the list's order (the summary exports exactly these)."""
        return list(self._ids)

    def set_query(self, query: ListQuery) -> None:
        """Show the rows of ``query`` (the database filters and sorts; no row is read yet).
        By 单位名称 the rows go in 拼音 order, as a Chinese reader looks a unit up (the
        database's order is by code point): the names of the filtered rows are read and sorted
        with the Chinese collation."""
        if query.sort is SortKey.DEPARTMENT:
            ids = pinyin_order(self._store.id_names(query), descending=query.descending)
        else:
            ids = self._store.ids(query)
        self.beginResetModel()
        self._query, self._ids, self._pages, self._cells_cache = query, ids, {}, {}
        self.endResetModel()

    def refresh(self) -> None:
        self.set_query(self._query)

    def row_at(self, row: int) -> SummaryRow | None:
        """The row's summary (read with its page on first use); None if it was removed meanwhile."""
        if not 0 <= row < len(self._ids):
            return None
        page = row // PAGE
        rows = self._pages.get(page)
        if rows is None:
            rows = self._store.rows_by_id(self._ids[page * PAGE:(page + 1) * PAGE])
            self._pages[page] = rows
            self.pages_read += 1
        return rows.get(self._ids[row])

    def row_of(self, form_id: int) -> int:
        try:
            return self._ids.index(form_id)
        except ValueError:
            return -1

    # --- Qt model -----------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def _cells(self, row: int) -> tuple[str, ...] | None:
        """The row's display texts, formatted once per row (a screen asks for them ~2,000 times)."""
        cells = self._cells_cache.get(row)
        if cells is None:
            summary = self.row_at(row)
            if summary is None:
                return None
            cells = (summary.department or "（未填单位名称）", str(summary.year or ""), summary.status.label,
                     _amount_text(summary.total), _amount_text(summary.basic), _amount_text(summary.project),
                     str(summary.errors), str(summary.warnings), str(summary.revision),
                     summary.updated_at.astimezone().strftime("%m-%d %H:%M"), summary.review_status.label,
                     summary.updated_at.astimezone().strftime("%Y-%m-%d %H:%M"))
            self._cells_cache[row] = cells
        return cells

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == FORM_ID_ROLE:
            return self._ids[row] if 0 <= row < len(self._ids) else None
        if role == _ALIGN:
            return _RIGHT if col in _RIGHT_COLUMNS else None
        cells = self._cells(row)
        if cells is None:
            return None
        if role == _DISPLAY:
            return cells[col]
        if role == _TOOLTIP:  # the whole name; the date with its year (the column shows 月-日 时:分)
            return cells[0] if col == 0 else cells[11] if col == 9 else None
        if col == 6 and cells[6] != "0":  # ForegroundRole: 错误 in red
            return _RED
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS[column] if 0 <= column < len(SORT_KEYS) else None
        if key is None:
            return
        q = self._query
        self.set_query(replace(q, sort=key, descending=order == Qt.SortOrder.DescendingOrder))
