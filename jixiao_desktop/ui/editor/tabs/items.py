"""One indicator category of a tabular form: 二级 groups of 三级 items with 指标值 and 权重."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
)

from jixiao_desktop.domain import editing
from jixiao_desktop.domain.fields import FieldPath
from jixiao_desktop.domain.model import Category, Form
from jixiao_desktop.domain.weights import weight_total
from jixiao_desktop.ui.editor.delegates import ChoiceDelegate
from jixiao_desktop.ui.editor.marks import Mark
from jixiao_desktop.ui.editor.models import IndicatorItemsModel
from jixiao_desktop.ui.editor.tabs.base import EDIT_TRIGGERS, EditorPort, EditorTab
from jixiao_desktop.ui.editor.widgets import (
    set_hint,
)
from jixiao_desktop.ui.forms.ui_editor_items_tab import Ui_ItemsTab

_WIDTHS = {"level2": 150, "nature": 80, "operator": 70, "value": 110, "unit": 90, "weight": 70,
           "direction": 70, "note": 120, "previous_value": 80, "explanation": 160, "scoring": 160, "basis": 130}


class IndicatorItemsTab(EditorTab):
    """三级 items of one category in the columns of the form's rule profile (二级|三级|性质|运算符|
    指标值|计量单位|权重|方向 by default; Hunan adds 指标解释 and 评(扣)分标准)."""

    def __init__(self, editor: EditorPort, category: Category) -> None:
        super().__init__(editor)
        self.ui = Ui_ItemsTab()
        self.ui.setupUi(self)
        self.category = category
        self._read_only = False
        self.model = IndicatorItemsModel(category, apply=editor.model_apply,
                                         set_level2=editor.set_item_level2, parent=self)
        view = self.ui.itemsView
        view.setModel(self.model)
        view.setItemDelegate(ChoiceDelegate(view))
        view.setEditTriggers(EDIT_TRIGGERS)
        self.model.modelReset.connect(self._apply_widths)  # a profile's columns may differ
        self._apply_widths()
        self.model.edit_refused.connect(self._refused)
        self.model.dataChanged.connect(lambda *_: self._clear_status())
        view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.ui.addItemButton.clicked.connect(self._add_item)
        self.ui.removeItemButton.clicked.connect(self._remove_item)
        self._update_buttons()

    def _apply_widths(self) -> None:
        view = self.ui.itemsView
        header = view.horizontalHeader()
        for column, col in enumerate(self.model.COLUMNS):
            mode = (QHeaderView.ResizeMode.Stretch if col.attr == "level3"
                    else QHeaderView.ResizeMode.Interactive)
            header.setSectionResizeMode(column, mode)
            if col.attr in _WIDTHS:
                view.setColumnWidth(column, _WIDTHS[col.attr])

    def current_item(self) -> tuple[int, int] | None:
        index = self.ui.itemsView.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.item_at(index.row())

    def load(self, form: Form) -> None:
        self.model.set_form(form)
        self._clear_status()
        self._update_buttons()

    def rebuild(self, keep: int | None = None) -> None:
        current = self.ui.itemsView.currentIndex()
        self.model.rebuild()
        if current.isValid() and current.row() < self.model.rowCount():
            self.ui.itemsView.setCurrentIndex(self.model.index(current.row(), current.column()))
        self._update_buttons()

    def refresh(self, path: str) -> None:
        self.model.notify_path(path)

    def update_derived(self) -> None:
        from jixiao_desktop.domain.profiles import profile_for_form

        form = self._editor.form()
        kind, text = editing.weight_total_label(weight_total(form), profile_for_form(form))
        set_hint(self.ui.weightLabel, kind, text)

    def _refused(self, reason: str) -> None:
        set_hint(self.ui.statusLabel, "error", reason)
        self.ui.statusLabel.setToolTip(reason)
        self.ui.itemsView.setToolTip(reason)

    def _clear_status(self) -> None:
        set_hint(self.ui.statusLabel, "", "")
        self.ui.statusLabel.setToolTip("")
        self.ui.itemsView.setToolTip("")

    def _update_buttons(self) -> None:
        self.ui.addItemButton.setVisible(not self._read_only)
        self.ui.removeItemButton.setVisible(not self._read_only)
        self.ui.removeItemButton.setEnabled(self.current_item() is not None)

    def _add_item(self) -> None:
        self._editor.add_item(self.category, self.current_item())

    def _remove_item(self) -> None:
        current = self.current_item()
        if current is not None:
            self._editor.remove_item(*current)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.model.set_read_only(read_only)
        self.ui.itemsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if read_only
                                          else EDIT_TRIGGERS)
        self._update_buttons()

    def set_marks(self, marks: dict[str, Mark]) -> None:
        self.model.set_marks(marks)

    def owns(self, path: FieldPath) -> bool:
        return path.indicator is not None and self.model.first_row_of(path.indicator) is not None

    def focus_path(self, path: FieldPath, span: tuple[int, int] | None) -> bool:
        if path.indicator is None:
            return False
        if path.item is not None:
            row = self.model.row_of(path.indicator, path.item)
        else:
            row = self.model.first_row_of(path.indicator)
        if row is None:
            return False
        attr = path.attr if path.item is not None else ("level2" if path.attr == "level2" else "level3")
        column = self.model.column_of(attr or "level3")
        view = self.ui.itemsView
        index = self.model.index(row, column if column is not None else 1)
        view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        view.scrollTo(index)
        view.setFocus()
        return True

    def select_path(self, path: FieldPath) -> bool:
        """Select without taking the keyboard focus (after undo/redo)."""
        return self.focus_path(path, None)
