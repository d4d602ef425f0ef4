"""One indicator category of a two-column form (layouts A and B): rows of 名称 and 内容."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QWidget,
)

from jixiao_desktop.domain import editing
from jixiao_desktop.domain.fields import FieldPath
from jixiao_desktop.domain.model import Category, Form, Layout
from jixiao_desktop.ui.editor.delegates import MarkDelegate
from jixiao_desktop.ui.editor.marks import Mark
from jixiao_desktop.ui.editor.models import IndicatorRowsModel
from jixiao_desktop.ui.editor.previous import PreviousContentPanel
from jixiao_desktop.ui.editor.tabs.base import (
    EDIT_TRIGGERS,
    EditorPort,
    EditorTab,
    prepare_text_box,
    select_row,
)
from jixiao_desktop.ui.editor.widgets import (
    mark_widget,
    select_span,
    set_hint,
    set_plain_text,
    underline_spans,
)
from jixiao_desktop.ui.forms.ui_editor_rows_tab import Ui_RowsTab


class IndicatorRowsTab(EditorTab):
    """指标名称 | 指标内容和指标值 rows of one category, with the selected row's content below."""

    def __init__(self, editor: EditorPort, category: Category, layout: Layout) -> None:
        super().__init__(editor)
        self.ui = Ui_RowsTab()
        self.ui.setupUi(self)
        self.category = category
        self.layout_kind = layout
        self._marks: dict[str, Mark] = {}
        self._read_only = False
        self.model = IndicatorRowsModel(category, names_editable=layout is not Layout.STANDARD,
                                        apply=editor.model_apply, parent=self)
        view = self.ui.rowsView
        view.setModel(self.model)
        view.setItemDelegate(MarkDelegate(view))
        view.setEditTriggers(EDIT_TRIGGERS)
        header = view.horizontalHeader()
        header.setSectionResizeMode(IndicatorRowsModel.NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(IndicatorRowsModel.CONTENT, QHeaderView.ResizeMode.Stretch)
        view.setColumnWidth(IndicatorRowsModel.NAME, 300)
        # Compact rows of three lines: the full content is edited in the box below. Sizing rows
        # to contents measured them while a hidden tab was still narrow (rows many lines tall).
        rows = view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(view.fontMetrics().lineSpacing() * 3 + 10)
        view.setWordWrap(True)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.ui.splitter.setStretchFactor(0, 2)
        self.ui.splitter.setStretchFactor(1, 3)
        prepare_text_box(self.ui.contentEdit)
        for label in (self.ui.contentLabel, self.ui.nameLengthHint):
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.previous = PreviousContentPanel(self.ui.contentHeader, self.ui.contentLayout, self.ui.contentEdit, self)
        view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.ui.contentEdit.textChanged.connect(self._content_changed)
        self.ui.addRowButton.clicked.connect(self._add_row)
        self.ui.removeRowButton.clicked.connect(self._remove_row)
        self.ui.moveUpButton.clicked.connect(lambda: self._move_row(-1))
        self.ui.moveDownButton.clicked.connect(lambda: self._move_row(1))
        self.ui.renumberButton.clicked.connect(lambda: self._editor.renumber_rows(self.category))
        self._update_buttons()

    def current_indicator(self) -> int | None:
        index = self.ui.rowsView.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.indicator_at(index.row())

    def select_indicator(self, indicator: int, column: int = 0) -> bool:
        row = self.model.row_of(indicator)
        if row is None:
            return False
        select_row(self.ui.rowsView, row, column)
        return True

    def load(self, form: Form) -> None:
        self.model.set_form(form)
        if self.model.rowCount():
            select_row(self.ui.rowsView, 0)
        self._show_content()

    def rebuild(self, keep: int | None = None) -> None:
        keep = self.current_indicator() if keep is None else keep
        self.model.rebuild()
        if keep is not None and self.select_indicator(keep):
            pass
        elif self.model.rowCount():
            select_row(self.ui.rowsView, 0)
        self._show_content()

    def refresh(self, path: str) -> None:
        self.model.notify_path(path)
        current = self.current_indicator()
        if current is not None and path == f"indicators[{current}].content":
            set_plain_text(self.ui.contentEdit, self._editor.form().indicators[current].content)
            self._update_count()
        elif current is not None and path == f"indicators[{current}].name":
            self._update_caption()

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._editor.break_merge()
        with self._editor.filling():
            self._show_content()

    def _show_content(self) -> None:
        self._update_buttons()
        current = self.current_indicator()
        edit = self.ui.contentEdit
        if current is None:
            set_plain_text(edit, "", keep_cursor=False)
            edit.setEnabled(False)
            empty = self.model.rowCount() == 0
            edit.setPlaceholderText(
                ("本类还没有指标行" + ("，点右侧“添加行”添加" if self.ui.rowButtons.isVisibleTo(self) else ""))
                if empty else "在上表中选择一行，在这里填写它的指标内容和指标值")
        else:
            edit.setEnabled(True)
            set_plain_text(edit, self._editor.form().indicators[current].content, keep_cursor=False)
            edit.moveCursor(QTextCursor.MoveOperation.Start)
        self._update_caption()
        self._update_count()
        self._apply_content_mark()
        indicators = self._editor.form().indicators
        self.previous.show_text(indicators[current].previous_content if current is not None else "",
                                has_any=any(indicators[i].previous_content.strip() for i in self.model.indicator_rows()))

    def _update_caption(self) -> None:
        # The caption names the row shortened (a pasted 400-character name once made the window
        # 5,909 px wide); the whole name stays in the table, and a long one gets a hint.
        current = self.current_indicator()
        name = self._editor.form().indicators[current].name.strip() if current is not None else ""
        if current is None:
            self.ui.contentLabel.setText("指标内容和指标值：")
        else:
            label = editing.shortened(name) if name else f"第{current + 1}行"
            self.ui.contentLabel.setText(f"指标内容和指标值（{label}）：")
        hint = editing.name_length_hint(name)
        set_hint(self.ui.nameLengthHint, "warning", hint)
        self.ui.nameLengthHint.setVisible(bool(hint))

    def _update_count(self) -> None:
        self.ui.contentCountLabel.setText(editing.char_count_label(self.ui.contentEdit.toPlainText()))

    def _content_changed(self) -> None:
        current = self.current_indicator()
        if current is not None:
            self._editor.edit_text(f"indicators[{current}].content", self.ui.contentEdit.toPlainText())
        self._update_count()

    def update_derived(self) -> None:
        self._update_buttons()  # 重新编号 follows the names

    def _update_buttons(self) -> None:
        editable_rows = self.layout_kind is not Layout.STANDARD and not self._read_only
        self.ui.rowButtons.setVisible(editable_rows)
        current = self.current_indicator()
        rows = self.model.indicator_rows()
        self.ui.removeRowButton.setEnabled(current is not None)
        self.ui.moveUpButton.setEnabled(current is not None and rows.index(current) > 0)
        self.ui.moveDownButton.setEnabled(current is not None and rows.index(current) < len(rows) - 1)
        self.ui.renumberButton.setEnabled(editing.needs_renumbering(self._editor.form(), self.category))

    def _add_row(self) -> None:
        self._editor.add_row(self.category, self.current_indicator())
        index = self.ui.rowsView.currentIndex()
        if index.isValid() and self.model.names_editable:
            self.ui.rowsView.edit(self.model.index(index.row(), IndicatorRowsModel.NAME))

    def _remove_row(self) -> None:
        current = self.current_indicator()
        if current is not None:
            self._editor.remove_row(current)

    def _move_row(self, delta: int) -> None:
        current = self.current_indicator()
        if current is not None:
            self._editor.move_row(self.category, current, delta)

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.model.set_read_only(read_only)
        self.ui.rowsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if read_only
                                         else EDIT_TRIGGERS)
        self.ui.contentEdit.setReadOnly(read_only)
        self._update_buttons()

    def set_marks(self, marks: dict[str, Mark]) -> None:
        self._marks = marks
        self.model.set_marks(marks)
        self._apply_content_mark()

    def _apply_content_mark(self) -> None:
        current = self.current_indicator()
        mark = self._marks.get(f"indicators[{current}].content") if current is not None else None
        mark_widget(self.ui.contentEdit, mark)
        underline_spans(self.ui.contentEdit, self.ui.contentEdit.toPlainText(), mark)

    def owns(self, path: FieldPath) -> bool:
        return path.indicator is not None and self.model.row_of(path.indicator) is not None

    def focus_path(self, path: FieldPath, span: tuple[int, int] | None) -> bool:
        if path.indicator is None:
            return False
        column = IndicatorRowsModel.CONTENT if path.attr == "content" else IndicatorRowsModel.NAME
        if not self.select_indicator(path.indicator, column):
            return False
        if path.attr == "content":
            edit = self.ui.contentEdit
            edit.setFocus()
            select_span(edit, edit.toPlainText(), span)
            edit.ensureCursorVisible()
        else:
            self.ui.rowsView.setFocus()
        return True

    def text_widgets(self) -> list[QWidget]:
        return [self.ui.contentEdit]
