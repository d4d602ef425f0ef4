"""The tabs of the form editor. Each composes its Designer form and talks only to the editor.

A tab shows part of the live form, turns what the clerk does into calls on the editor
(``edit_text`` and friends, which push undo commands) and brings its widgets up to date when
the editor says a field changed (``refresh``). Tabs never change the form themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QStringListModel, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCompleter,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QWidget,
)

from jixiao_desktop.domain.weights import weight_total
from jixiao_desktop.domain.fields import FieldPath
from jixiao_desktop.domain.model import TEMPLATES, Category, Form, Layout
from jixiao_desktop.ui.editor import logic
from jixiao_desktop.ui.editor.models import (
    ChoiceDelegate,
    IndicatorItemsModel,
    IndicatorRowsModel,
    Mark,
    SourcesModel,
)
from jixiao_desktop.ui.editor.widgets import (
    mark_widget,
    select_span,
    set_hint,
    set_line_text,
    set_plain_text,
    underline_spans,
)
from jixiao_desktop.ui.forms.ui_editor_basic_tab import Ui_BasicTab
from jixiao_desktop.ui.forms.ui_editor_items_tab import Ui_ItemsTab
from jixiao_desktop.ui.forms.ui_editor_rows_tab import Ui_RowsTab
from jixiao_desktop.ui.forms.ui_editor_text_tab import Ui_TextTab

if TYPE_CHECKING:
    from jixiao_desktop.ui.editor.editor import FormEditor

EDIT_TRIGGERS = (QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                 | QAbstractItemView.EditTrigger.AnyKeyPressed)


def _prepare_text_box(edit: QPlainTextEdit) -> None:
    # The editor's QUndoStack is the only undo history; the box's own would fight it.
    edit.setUndoRedoEnabled(False)


def _select_row(view: QTableView, row: int, column: int = 0) -> None:
    model = view.model()
    index = model.index(row, column)
    view.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    view.scrollTo(index)


class EditorTab(QWidget):
    """Common interface of the tabs (what the editor calls)."""

    def __init__(self, editor: FormEditor) -> None:
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


# --- 基本信息与资金 ------------------------------------------------------------------------------


class BasicTab(EditorTab):
    """部门名称, 年度, the three amounts with their sum line, and the optional 资金来源 block."""

    AMOUNT_PATHS = ("funds.total", "funds.basic", "funds.project")

    def __init__(self, editor: FormEditor) -> None:
        super().__init__(editor)
        self.ui = Ui_BasicTab()
        self.ui.setupUi(self)
        ui = self.ui
        self._amount_edits: dict[str, QLineEdit] = {
            "funds.total": ui.totalEdit, "funds.basic": ui.basicEdit, "funds.project": ui.projectEdit}
        self._amount_hints = {"funds.total": ui.totalHint, "funds.basic": ui.basicHint,
                              "funds.project": ui.projectHint}
        self._marks: dict[str, Mark] = {}

        self._completer_model = QStringListModel(self)
        completer = QCompleter(self._completer_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        ui.departmentEdit.setCompleter(completer)
        completer.activated.connect(lambda text: editor.edit_text("department", text))

        ui.departmentEdit.textEdited.connect(lambda text: editor.edit_text("department", text))
        ui.yearSpin.valueChanged.connect(self._year_changed)
        for path, edit in self._amount_edits.items():
            edit.textEdited.connect(lambda text, path=path: editor.edit_text(path, text))
            edit.editingFinished.connect(lambda path=path, edit=edit: self._amount_finished(path, edit))
        ui.fixTotalButton.clicked.connect(self._fix_total)

        self.sources_model = SourcesModel(apply=editor.model_apply, parent=self)
        ui.sourcesView.setModel(self.sources_model)
        ui.sourcesView.setItemDelegate(ChoiceDelegate(ui.sourcesView))
        header = ui.sourcesView.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        ui.sourcesView.verticalHeader().setVisible(False)
        ui.sourcesCheck.clicked.connect(editor.set_sources_enabled)
        ui.addSourceButton.clicked.connect(editor.add_source)
        ui.removeSourceButton.clicked.connect(self._remove_source)

    # editor interface

    def load(self, form: Form) -> None:
        ui = self.ui
        set_line_text(ui.departmentEdit, form.department)
        ui.yearSpin.setValue(form.year if form.year is not None else ui.yearSpin.minimum())
        for path, edit in self._amount_edits.items():
            set_line_text(edit, getattr(form.funds, path.split(".")[1]))
            edit.setModified(False)
        self.sources_model.set_form(form)
        self.update_derived()

    def refresh(self, path: str) -> None:
        form = self._editor.form()
        if path == "department":
            set_line_text(self.ui.departmentEdit, form.department)
        elif path == "year":
            value = form.year if form.year is not None else self.ui.yearSpin.minimum()
            if self.ui.yearSpin.value() != value:
                self.ui.yearSpin.setValue(value)
        elif path in self._amount_edits:
            set_line_text(self._amount_edits[path], getattr(form.funds, path.split(".")[1]))
        elif path.startswith("funds.sources"):
            self.sources_model.notify_path(path)

    def reload_sources(self) -> None:
        self.sources_model.rebuild()
        self.update_derived()

    def update_derived(self) -> None:
        form = self._editor.form()
        ui = self.ui
        template = TEMPLATES.get(form.template, form.template or "—")
        layout = self._editor.layout_kind()
        ui.templateLabel.setText(f"{template}；{layout.label}")
        for path, label in self._amount_hints.items():
            hint = logic.amount_hint(getattr(form.funds, path.split(".")[1]))
            set_hint(label, hint.kind, hint.message)
        self._update_sum(form)
        self._update_sources(form)

    def _update_sum(self, form: Form) -> None:
        ui = self.ui
        result = logic.funds_sum(form.funds)
        if result.sum_text is None:
            text = f"基本支出 + 项目支出 = —（{'、'.join(result.missing)}未填写或无法识别）"
            set_hint(ui.sumLabel, "info", text)
        elif result.mismatch:
            text = (f"基本支出 + 项目支出 = {result.sum_text} 万元，与资金总额 {result.total_text} 万元"
                    f"不一致，相差 {result.difference} 万元")
            set_hint(ui.sumLabel, "error", text)
        elif result.total_text is None:
            set_hint(ui.sumLabel, "info", f"基本支出 + 项目支出 = {result.sum_text} 万元（资金总额未填写或无法识别）")
        else:
            set_hint(ui.sumLabel, "ok", f"基本支出 + 项目支出 = {result.sum_text} 万元，与资金总额一致")
        show_fix = result.can_fix_total and not self._editor.is_read_only()
        ui.fixTotalButton.setVisible(show_fix)
        if result.sum_text is not None:
            ui.fixTotalButton.setText(f"将资金总额改为 {result.sum_text}")

    def _update_sources(self, form: Form) -> None:
        ui = self.ui
        enabled = form.funds.sources is not None
        ui.sourcesCheck.setChecked(enabled)
        ui.sourcesPanel.setVisible(enabled)
        result = logic.sources_sum(form.funds)
        if result is None:
            set_hint(ui.sourcesSumLabel, "", "")
        elif result.sum_text is None:
            rows = "、".join(f"第{row}行" for row in result.bad_rows)
            set_hint(ui.sourcesSumLabel, "error", f"资金来源合计：—（{rows}金额未填写或无法识别）")
        elif result.mismatch:
            set_hint(ui.sourcesSumLabel, "error",
                     f"资金来源合计：{result.sum_text} 万元，与资金总额 {result.total_text or '—'} 万元不一致")
        else:
            set_hint(ui.sourcesSumLabel, "ok", f"资金来源合计：{result.sum_text} 万元，与资金总额一致")

    def set_read_only(self, read_only: bool) -> None:
        ui = self.ui
        ui.departmentEdit.setReadOnly(read_only)
        ui.yearSpin.setReadOnly(read_only)
        ui.yearSpin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons if read_only
                                     else QAbstractSpinBox.ButtonSymbols.UpDownArrows)
        for edit in self._amount_edits.values():
            edit.setReadOnly(read_only)
        ui.sourcesCheck.setEnabled(not read_only)
        ui.addSourceButton.setVisible(not read_only)
        ui.removeSourceButton.setVisible(not read_only)
        self.sources_model.set_read_only(read_only)
        ui.sourcesView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if read_only
                                       else EDIT_TRIGGERS)
        self.update_derived()

    def set_marks(self, marks: dict[str, Mark]) -> None:
        self._marks = marks
        mark_widget(self.ui.departmentEdit, marks.get("department"))
        mark_widget(self.ui.yearSpin, marks.get("year"))
        for path, edit in self._amount_edits.items():
            mark_widget(edit, marks.get(path))
        self.sources_model.set_marks({p: m for p, m in marks.items() if p.startswith("funds.sources")})

    def owns(self, path: FieldPath) -> bool:
        return path.section in ("header", "funds")

    def focus_path(self, path: FieldPath, span: tuple[int, int] | None) -> bool:
        form = self._editor.form()
        ui = self.ui
        if path.section == "header":
            if path.attr == "department":
                ui.departmentEdit.setFocus()
                select_span(ui.departmentEdit, form.department, span)
            elif path.attr == "year":
                ui.yearSpin.setFocus()
                ui.yearSpin.selectAll()
            else:
                ui.templateLabel.setFocus()
            return True
        if path.source is not None:
            sources = form.funds.sources or []
            if path.source >= len(sources):
                return False
            _select_row(ui.sourcesView, path.source, 0 if path.attr == "name" else 1)
            ui.sourcesView.setFocus()
            return True
        edit = self._amount_edits.get(path.path)
        if edit is None:
            return False
        edit.setFocus()
        if span is None:
            edit.selectAll()
        else:
            select_span(edit, edit.text(), span)
        return True

    def text_widgets(self) -> list[QWidget]:
        return [self.ui.departmentEdit, self.ui.yearSpin, *self._amount_edits.values()]

    def set_department_suggestions(self, names: list[str]) -> None:
        self._completer_model.setStringList(names)

    def department_completer(self) -> QCompleter:
        return self.ui.departmentEdit.completer()

    # slots

    def _year_changed(self, value: int) -> None:
        text = "" if value == self.ui.yearSpin.minimum() else str(value)
        self._editor.edit_text("year", text)

    def _amount_finished(self, path: str, edit: QLineEdit) -> None:
        # Only what the clerk just typed is tidied; opening a form never rewrites it.
        if edit.isModified():
            edit.setModified(False)
            self._editor.canonicalise_amount(path)

    def _fix_total(self) -> None:
        result = logic.funds_sum(self._editor.form().funds)
        if result.sum_text is not None:
            self._editor.set_text("funds.total", result.sum_text, f"将资金总额改为 {result.sum_text}")

    def _remove_source(self) -> None:
        index = self.ui.sourcesView.currentIndex()
        count = self.sources_model.rowCount()
        if count:
            self._editor.remove_source(index.row() if index.isValid() else count - 1)


# --- 绩效目标, 其他说明的问题 ------------------------------------------------------------------------


class TextTab(EditorTab):
    """One large text field with a live character count."""

    def __init__(self, editor: FormEditor, path: str, caption: str, placeholder: str = "") -> None:
        super().__init__(editor)
        self.ui = Ui_TextTab()
        self.ui.setupUi(self)
        self.path = path
        self.ui.captionLabel.setText(caption)
        self.ui.textEdit.setPlaceholderText(placeholder)
        _prepare_text_box(self.ui.textEdit)
        self._mark: Mark | None = None
        self.ui.textEdit.textChanged.connect(self._changed)

    def _text(self) -> str:
        return str(getattr(self._editor.form(), self.path))

    def _changed(self) -> None:
        self._editor.edit_text(self.path, self.ui.textEdit.toPlainText())
        self.update_derived()

    def load(self, form: Form) -> None:
        set_plain_text(self.ui.textEdit, self._text(), keep_cursor=False)
        self.ui.textEdit.moveCursor(QTextCursor.MoveOperation.Start)
        self.update_derived()

    def refresh(self, path: str) -> None:
        if path == self.path:
            set_plain_text(self.ui.textEdit, self._text())

    def update_derived(self) -> None:
        self.ui.countLabel.setText(logic.char_count_label(self.ui.textEdit.toPlainText()))

    def set_read_only(self, read_only: bool) -> None:
        self.ui.textEdit.setReadOnly(read_only)

    def set_marks(self, marks: dict[str, Mark]) -> None:
        self._mark = marks.get(self.path)
        mark_widget(self.ui.textEdit, self._mark)
        underline_spans(self.ui.textEdit, self._text(), self._mark)

    def owns(self, path: FieldPath) -> bool:
        return path.section == self.path

    def focus_path(self, path: FieldPath, span: tuple[int, int] | None) -> bool:
        self.ui.textEdit.setFocus()
        select_span(self.ui.textEdit, self._text(), span)
        self.ui.textEdit.ensureCursorVisible()
        return True

    def text_widgets(self) -> list[QWidget]:
        return [self.ui.textEdit]


# --- one category of a two-column form ---------------------------------------------------------


class IndicatorRowsTab(EditorTab):
    """指标名称 | 指标内容和指标值 rows of one category, with the selected row's content below."""

    def __init__(self, editor: FormEditor, category: Category, layout: Layout) -> None:
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
        _prepare_text_box(self.ui.contentEdit)
        view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.ui.contentEdit.textChanged.connect(self._content_changed)
        self.ui.addRowButton.clicked.connect(self._add_row)
        self.ui.removeRowButton.clicked.connect(self._remove_row)
        self.ui.moveUpButton.clicked.connect(lambda: self._move_row(-1))
        self.ui.moveDownButton.clicked.connect(lambda: self._move_row(1))
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
        _select_row(self.ui.rowsView, row, column)
        return True

    def load(self, form: Form) -> None:
        self.model.set_form(form)
        if self.model.rowCount():
            _select_row(self.ui.rowsView, 0)
        self._show_content()

    def rebuild(self, keep: int | None = None) -> None:
        keep = self.current_indicator() if keep is None else keep
        self.model.rebuild()
        if keep is not None and self.select_indicator(keep):
            pass
        elif self.model.rowCount():
            _select_row(self.ui.rowsView, 0)
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

    def _update_caption(self) -> None:
        current = self.current_indicator()
        if current is None:
            self.ui.contentLabel.setText("指标内容和指标值：")
        else:
            name = self._editor.form().indicators[current].name.strip() or f"第{current + 1}行"
            self.ui.contentLabel.setText(f"指标内容和指标值（{name}）：")

    def _update_count(self) -> None:
        self.ui.contentCountLabel.setText(logic.char_count_label(self.ui.contentEdit.toPlainText()))

    def _content_changed(self) -> None:
        current = self.current_indicator()
        if current is not None:
            self._editor.edit_text(f"indicators[{current}].content", self.ui.contentEdit.toPlainText())
        self._update_count()

    def _update_buttons(self) -> None:
        editable_rows = self.layout_kind is not Layout.STANDARD and not self._read_only
        self.ui.rowButtons.setVisible(editable_rows)
        current = self.current_indicator()
        rows = self.model.indicator_rows()
        self.ui.removeRowButton.setEnabled(current is not None)
        self.ui.moveUpButton.setEnabled(current is not None and rows.index(current) > 0)
        self.ui.moveDownButton.setEnabled(current is not None and rows.index(current) < len(rows) - 1)

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


# --- one category of a tabular form --------------------------------------------------------------


class IndicatorItemsTab(EditorTab):
    """三级 items of one category: 二级|三级|性质|运算符|指标值|计量单位|权重|方向."""

    def __init__(self, editor: FormEditor, category: Category) -> None:
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
        header = view.horizontalHeader()
        for column, col in enumerate(self.model.COLUMNS):
            mode = (QHeaderView.ResizeMode.Stretch if col.attr == "level3"
                    else QHeaderView.ResizeMode.Interactive)
            header.setSectionResizeMode(column, mode)
        widths = {"level2": 150, "nature": 80, "operator": 70, "value": 110, "unit": 90, "weight": 70,
                  "direction": 70, "note": 120}
        for column, col in enumerate(self.model.COLUMNS):
            if col.attr in widths:
                view.setColumnWidth(column, widths[col.attr])
        self.model.edit_refused.connect(self._refused)
        self.model.dataChanged.connect(lambda *_: self._clear_status())
        view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.ui.addItemButton.clicked.connect(self._add_item)
        self.ui.removeItemButton.clicked.connect(self._remove_item)
        self._update_buttons()

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
        total = weight_total(self._editor.form())
        set_hint(self.ui.weightLabel, "ok" if total.ok and total.used else ("" if total.ok else "error"),
                 logic.weight_total_label(total))

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
