"""The start page: every stored form, to open, create, copy, import or delete."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QWidget

from jixiao_desktop.domain.model import TEMPLATES, FormStatus
from jixiao_desktop.ui.forms.ui_form_list import Ui_FormListPage
from jixiao_desktop.ui.source_sort import SortedRows, SourceSortProxy

if TYPE_CHECKING:
    from jixiao_desktop.storage.repository import FormSummary

_Index = QModelIndex | QPersistentModelIndex
DEPARTMENT_MIN_PX = 230  # about 14 characters of a unit's name
COLUMNS = ("年度", "部门（单位）", "格式", "状态", "最后保存", "错误", "警告")
COUNT_COLUMNS = {5: "errors", 6: "warnings"}
TEMPLATE_SHORT = {"bj-2021-dept-overall": "北京2021部门整体", "tabular": "表格式"}


class Role(enum.IntEnum):
    FORM_ID = Qt.ItemDataRole.UserRole + 1
    SORT = Qt.ItemDataRole.UserRole + 2


def format_time(at: datetime | None) -> str:
    """``2026-11-23 19:05:07`` in local time (stored times may be UTC-aware)."""
    if at is None:
        return ""
    if at.tzinfo is not None:
        at = at.astimezone()
    return at.strftime("%Y-%m-%d %H:%M:%S")


def status_text(summary: FormSummary) -> str:
    text = summary.status.label
    if summary.funds_need_review and summary.status is FormStatus.DRAFT:
        text += "（资金待核对）"
    return text


def display_text(summary: FormSummary, column: int) -> str:
    """What a column shows for a form (the search box looks in the same texts)."""
    if column == 0:
        return f"{summary.year}" if summary.year else "—"
    if column == 1:
        return summary.department or "（未填写单位）"
    if column == 2:
        return TEMPLATE_SHORT.get(summary.template, summary.template or "—")
    if column == 3:
        return status_text(summary)
    if column in COUNT_COLUMNS:
        count = getattr(summary, COUNT_COLUMNS[column])
        return "—" if count is None else str(count)
    return format_time(summary.updated_at)


class FormListModel(QAbstractTableModel):
    """Rows of ``FormSummary``, read-only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[FormSummary] = []
        self._search_texts: dict[int, str] = {}  # id of a line -> search_text (lines are kept while listed)
        self._sorting = SortedRows(self, self.sort_key)

    def set_rows(self, rows: list[FormSummary]) -> None:
        self.beginResetModel()
        self._rows = self._sorting.ordered(rows)
        self._search_texts = {}
        self.endResetModel()

    def search_text(self, row: int) -> str:
        """What the search box looks in: the row's shown columns, case-folded (kept per line)."""
        summary = self._rows[row]
        text = self._search_texts.get(id(summary))
        if text is None:
            text = "\t".join(display_text(summary, column) for column in range(len(COLUMNS))).casefold()
            self._search_texts[id(summary)] = text
        return text

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """In Python, one key per row (``SourceSortProxy`` hands the view's sorting here)."""
        self._sorting.sort(self._rows, column, order)

    @staticmethod
    def sort_key(summary: FormSummary, column: int) -> Any:
        if column == 0:
            return summary.year or 0
        if column == 4:
            return summary.updated_at.timestamp() if summary.updated_at else 0.0
        if column == 1:
            return summary.department or "（未填写单位）"
        if column == 2:
            return TEMPLATE_SHORT.get(summary.template, summary.template or "—")
        if column in COUNT_COLUMNS:
            count = getattr(summary, COUNT_COLUMNS[column])
            return -1 if count is None else count
        return status_text(summary)

    def summary(self, row: int) -> FormSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, form_id: int) -> int:
        return next((i for i, s in enumerate(self._rows) if s.id == form_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        summary = self.summary(index.row()) if index.isValid() else None
        if summary is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(summary, column)
        if role == Role.SORT:
            return self.sort_key(summary, column)
        if role == Role.FORM_ID:
            return summary.id
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return summary.department
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return TEMPLATES.get(summary.template, summary.template)
        if role == Qt.ItemDataRole.ToolTipRole and column in COUNT_COLUMNS:
            count = getattr(summary, COUNT_COLUMNS[column])
            if count is None:
                return "这一版还没有检查过：打开表单即可看到检查结果"
            return f"最后保存时检查出 {count} 个{COLUMNS[column]}（有错误时不能定稿）"
        if role == Qt.ItemDataRole.TextAlignmentRole and column in COUNT_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == 5 and (summary.errors or 0) > 0:
            return QBrush(QColor("#c62828"))
        return None


class FormListPage(QWidget):
    """The list of forms with its buttons.

    Signals:
        open_requested(int), new_requested(), copy_requested(int), import_requested(),
        delete_requested(int), undo_delete_requested(int), recycle_bin_requested().
    """

    open_requested = Signal(int)
    new_requested = Signal()
    copy_requested = Signal(int)
    import_requested = Signal()
    delete_requested = Signal(int)
    undo_delete_requested = Signal(int)
    recycle_bin_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_FormListPage()
        self.ui.setupUi(self)
        self.model = FormListModel(self)
        self.proxy = SourceSortProxy(self)  # sorting 10,000 rows in Python, not by 300,000 data() calls
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Role.SORT)
        table = self.ui.formTable
        table.setModel(self.proxy)
        header = table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self._fit_columns()
        table.viewport().installEventFilter(self)  # 部门（单位） takes the room left, never less than a name
        table.verticalHeader().hide()
        table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        self.ui.searchEdit.textChanged.connect(self._search)
        table.doubleClicked.connect(lambda _index: self._emit_with_id(self.open_requested))
        table.activated.connect(lambda _index: self._emit_with_id(self.open_requested))
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.ui.openButton.clicked.connect(lambda: self._emit_with_id(self.open_requested))
        self.ui.copyButton.clicked.connect(lambda: self._emit_with_id(self.copy_requested))
        self.ui.deleteButton.clicked.connect(lambda: self._emit_with_id(self.delete_requested))
        self.ui.newButton.clicked.connect(self.new_requested)
        self.ui.importButton.clicked.connect(self.import_requested)
        self.ui.recycleButton.clicked.connect(self.recycle_bin_requested)
        self.ui.undoDeleteButton.clicked.connect(self._on_undo_delete)
        self._deleted_id: int | None = None
        self._busy = False
        self.ui.undoBar.hide()
        self.set_rows([])

    def _fit_columns(self) -> None:
        """Widths for every text the short columns can show (a handful each), measured once:
        Qt's ResizeToContents asked data() of 100 rows again at each refresh and selection."""
        table = self.ui.formTable
        header = table.horizontalHeader()
        cell, head = table.fontMetrics(), header.fontMetrics()
        statuses = [s.label for s in FormStatus] + [FormStatus.DRAFT.label + "（资金待核对）"]
        texts = {0: ["2026", "—"], 2: [*TEMPLATE_SHORT.values(), "—"], 3: statuses, 4: ["2026-12-31 23:59:59"],
                 5: ["9999"], 6: ["9999"]}
        for column, candidates in texts.items():
            width = max(max(cell.horizontalAdvance(t) for t in candidates) + 16,
                        head.horizontalAdvance(COLUMNS[column]) + 32)  # room for the sort arrow
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.ui.formTable.viewport():
            self._fit_department()
        return False

    def _fit_department(self) -> None:
        """The 部门（单位） column gets the width the others leave, at least ``DEPARTMENT_MIN_PX``
        (at 1024×768 a stretched column was squeezed to 18 px and the names vanished; a narrow
        window now scrolls sideways instead)."""
        table = self.ui.formTable
        header = table.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != 1)
        header.resizeSection(1, max(DEPARTMENT_MIN_PX, table.viewport().width() - others))

    def set_busy(self, busy: bool) -> None:
        """While the database opens behind the list read at start-up: look, search, scroll and
        double-click (the window opens the form when it can), but no button yet."""
        self._busy = busy
        for button in (self.ui.newButton, self.ui.importButton, self.ui.recycleButton):
            button.setEnabled(not busy)
        self._update_buttons()

    def set_rows(self, rows: list[FormSummary], select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self.selected_id()
        self.model.set_rows(rows)
        self.ui.listStack.setCurrentWidget(self.ui.tablePage if rows else self.ui.emptyPage)
        if keep is not None:
            self.select(keep)
        elif rows:
            self.ui.formTable.selectRow(0)
        self._update_buttons()

    def _search(self, text: str) -> None:
        self.proxy.search(text)  # in every shown column (单位, 年度, 格式, 状态, 最后保存…)
        if self.selected_id() is None and self.proxy.rowCount() > 0:
            self.ui.formTable.selectRow(0)
        self._update_buttons()

    def select(self, form_id: int) -> None:
        row = self.model.row_of(form_id)
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.ui.formTable.selectRow(index.row())

    def selected_id(self) -> int | None:
        indexes = self.ui.formTable.selectionModel().selectedRows()
        if not indexes:
            return None
        value = indexes[0].data(Role.FORM_ID)
        return int(value) if value is not None else None

    def show_deleted_notice(self, form_id: int, name: str) -> None:
        self._deleted_id = form_id
        self.ui.undoLabel.setText(f"已将“{name}”移到回收站。")
        self.ui.undoBar.show()

    def hide_deleted_notice(self) -> None:
        self._deleted_id = None
        self.ui.undoBar.hide()

    def _on_undo_delete(self) -> None:
        if self._deleted_id is not None:
            self.undo_delete_requested.emit(self._deleted_id)
        self.hide_deleted_notice()

    def _emit_with_id(self, signal: Any) -> None:
        form_id = self.selected_id()
        if form_id is not None:
            signal.emit(form_id)

    def _update_buttons(self, *_: object) -> None:
        has = self.selected_id() is not None and not self._busy
        for button in (self.ui.openButton, self.ui.copyButton, self.ui.deleteButton):
            button.setEnabled(has)
