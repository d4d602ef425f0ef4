"""What every tab of the form editor shares: the ``EditorPort`` it talks to and the
``EditorTab`` interface the editor calls.

A tab shows part of the live form, turns what the clerk does into calls on the port
(``edit_text`` and friends, which push undo commands) and brings its widgets up to date when
the editor says a field changed (``refresh``). Tabs never change the form themselves.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Protocol

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QPlainTextEdit,
    QTableView,
    QWidget,
)

from jixiao_desktop.domain.fields import FieldPath
from jixiao_desktop.domain.model import Category, Form, Layout
from jixiao_desktop.ui.editor.marks import Mark

EDIT_TRIGGERS = (QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                 | QAbstractItemView.EditTrigger.AnyKeyPressed)


def prepare_text_box(edit: QPlainTextEdit) -> None:
    # The editor's QUndoStack is the only undo history; the box's own would fight it.
    edit.setUndoRedoEnabled(False)


def select_row(view: QTableView, row: int, column: int = 0) -> None:
    model = view.model()
    index = model.index(row, column)
    view.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    view.scrollTo(index)


class EditorPort(Protocol):
    """What a tab may ask of the editor: read the live form, turn the clerk's edits into undo
    commands. Tabs never change the form themselves, and never import the editor (no cycle)."""

    def form(self) -> Form: ...
    def layout_kind(self) -> Layout: ...
    def is_read_only(self) -> bool: ...
    def filling(self) -> AbstractContextManager[None]: ...
    def is_filling(self) -> bool: ...
    def break_merge(self) -> None: ...
    def edit_text(self, path: str, text: str) -> None: ...
    def set_text(self, path: str, text: str, label: str | None = None) -> bool: ...
    def model_apply(self, path: str, value: str) -> bool: ...
    def canonicalise_amount(self, path: str) -> None: ...
    def set_item_level2(self, indicator: int, item: int, level2: str) -> bool: ...
    def add_row(self, category: Category, after: int | None = None) -> None: ...
    def remove_row(self, indicator: int) -> None: ...
    def move_row(self, category: Category, indicator: int, delta: int) -> None: ...
    def renumber_rows(self, category: Category) -> bool: ...
    def add_item(self, category: Category, after: tuple[int, int] | None = None) -> None: ...
    def remove_item(self, indicator: int, item: int) -> None: ...
    def set_sources_enabled(self, enabled: bool) -> None: ...
    def add_source(self) -> None: ...
    def remove_source(self, row: int) -> None: ...


class EditorTab(QWidget):
    """Common interface of the tabs (what the editor calls)."""

    def __init__(self, editor: EditorPort) -> None:
        super().__init__()
        self._editor = editor

    def load(self, form: Form) -> None:
        """Fill every widget from the form (the editor holds its filling guard)."""

    def refresh(self, path: str) -> None:
        """The field at ``path`` changed: show its new text."""

    def update_derived(self) -> None:
        """Recompute sums, counts and other lines that follow from several fields."""

    def set_read_only(self, read_only: bool) -> None:
        """Editing off: text stays selectable and scrollable."""

    def set_marks(self, marks: dict[str, Mark]) -> None:
        """Findings per field path."""

    def owns(self, path: FieldPath) -> bool:
        return False

    def focus_path(self, path: FieldPath, span: tuple[int, int] | None) -> bool:
        return False

    def text_widgets(self) -> list[QWidget]:
        """Widgets the clerk types in (the editor watches them for focus-out and undo keys)."""
        return []


