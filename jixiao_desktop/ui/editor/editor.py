"""The form editor: the tabbed editing area of the main window.

``FormEditor`` shows one live ``Form`` in tabs (基本信息与资金, 绩效目标, one tab per indicator
category, 其他说明的问题). Every change the clerk makes is an undo command on the editor's own
``QUndoStack``; the commands change the form and call back ``apply_*`` here, which brings the
widgets up to date and emits ``edited``. Checks are run by the window, which passes the
findings in with ``set_findings``.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QTabWidget, QVBoxLayout, QWidget

from jixiao_desktop.domain import editing
from jixiao_desktop.domain.fields import FieldPath, field_label, field_text, parse_path, set_field_text
from jixiao_desktop.domain.findings import Finding
from jixiao_desktop.domain.model import (
    Category,
    Form,
    FundSource,
    Indicator,
    Layout,
    classify_indicator,
    detect_layout,
)
from jixiao_desktop.ui.editor.commands import IndicatorsCommand, SetFieldCommand, SourcesCommand
from jixiao_desktop.ui.editor.marks import REVIEW_COLOR, Mark, marks_for
from jixiao_desktop.ui.editor.tabs import (
    BasicTab,
    EditorTab,
    EvaluationTab,
    IndicatorItemsTab,
    IndicatorRowsTab,
    TextTab,
)
from jixiao_desktop.ui.editor.widgets import EDITOR_STYLE
from jixiao_desktop.ui.plain_text import plain

CATEGORY_TABS = (Category.OUTPUT, Category.OUTCOME, Category.SATISFACTION)
TAB_ERROR_COLOR = QColor("#c5221f")
TAB_WARNING_COLOR = QColor("#b06000")
TAB_REVIEW_COLOR = REVIEW_COLOR

CategoryTab = IndicatorRowsTab | IndicatorItemsTab


class FormEditor(QWidget):
    """Tabbed editor of one form.

    Signals:
        edited(): the form changed (typing, undo, redo, row operations).
        current_tab_changed(int): the clerk switched tabs.
    """

    edited = Signal()
    current_tab_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("formEditor")
        self.setStyleSheet(EDITOR_STYLE)
        self._stack = QUndoStack(self)
        self._form = Form()
        self._layout = detect_layout(self._form)
        self._read_only = False
        self._filling_depth = 0
        self._epoch = 0
        self._marks: dict[str, Mark] = {}

        self._tabs = QTabWidget(self)
        self._tabs.setObjectName("editorTabs")
        self._tabs.setDocumentMode(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._tabs)

        self.basic_tab = BasicTab(self)
        self.goals_tab = TextTab(self, "goals", "部门（单位）绩效目标（部门职能、年度绩效目标等）：",
                                 "填写部门职能和本年度的绩效目标")
        self.notes_tab = TextTab(self, "other_notes", "其他说明的问题：", "没有需要说明的问题可填“无”")
        self._category_tabs: dict[Category, CategoryTab] = {}
        self._tabs.addTab(self.basic_tab, "基本信息与资金")
        self._tabs.addTab(self.goals_tab, "绩效目标")
        self._tabs.addTab(self.notes_tab, "其他说明的问题")
        self.evaluation_tab = EvaluationTab(self)  # 监控/自评: the later stages of the same form
        self._tabs.addTab(self.evaluation_tab, "监控/自评")
        for tab in (self.basic_tab, self.goals_tab, self.notes_tab, self.evaluation_tab):
            self._watch(tab)
        self._tabs.currentChanged.connect(self._tab_changed)
        plain(self)  # every label: the unit's text as typed, never HTML (ui.plain_text)
        self.set_form(self._form)

    # --- public API (the contract with the main window) -------------------------------------

    def undo_stack(self) -> QUndoStack:
        return self._stack

    def form(self) -> Form:
        """The live form; edits change this very object."""
        return self._form

    def layout_kind(self) -> Layout:
        return self._layout

    def is_read_only(self) -> bool:
        return self._read_only

    def commit_pending_edit(self) -> None:
        """Write what is typed in a table cell still being edited into the form.

        A cell's text reaches the form only when its editor closes; the window calls this
        before every explicit save (closing, switching forms, Ctrl+S) so that it is not lost
        (a 定稿 form's 监控/自评 table too: only an editable view can be editing).
        """
        for view in self.findChildren(QAbstractItemView):
            if view.state() != QAbstractItemView.State.EditingState:
                continue
            index = view.currentIndex()
            cell_editor = view.indexWidget(index) if index.isValid() else None
            if cell_editor is not None:
                view.itemDelegateForIndex(index).commitData.emit(cell_editor)

    def set_form(self, form: Form, read_only: bool = False) -> None:
        """Show a form; the undo history starts afresh."""
        self._stack.clear()
        self._form = form
        self._layout = detect_layout(form)
        self._read_only = read_only
        self._marks.clear()
        blocked = self._tabs.blockSignals(True)
        try:
            with self.filling():
                self._rebuild_category_tabs()
                for tab in self._all_tabs():
                    tab.load(form)
                    tab.set_read_only(read_only and tab is not self.evaluation_tab)
                    tab.set_marks(self._marks)
                self._update_derived()
                self._tabs.setCurrentIndex(0)
                self._paint_tab_marks()
        finally:
            self._tabs.blockSignals(blocked)

    def set_read_only(self, read_only: bool) -> None:
        """定稿 locks the 申报; the 监控/自评 tab stays editable (the later stages of the year)."""
        self._read_only = read_only
        for tab in self._all_tabs():
            tab.set_read_only(read_only and tab is not self.evaluation_tab)

    def _writable(self, path: str) -> bool:
        return not self._read_only or self.evaluation_tab.owns(parse_path(path))

    def focus_field(self, path: str, span: tuple[int, int] | None = None) -> bool:
        """Show the field at ``path``: switch tab, select the row, focus it, select ``span``.

        ``""`` (the form as a whole) shows the first indicator tab. Returns ``False`` when the
        path points nowhere in this form.
        """
        if path == "":
            return self.show_category(Category.OUTPUT)
        parsed = parse_path(path)
        tab = self._tab_for(parsed)
        if tab is None:
            return False
        self._tabs.setCurrentWidget(tab)
        return tab.focus_path(parsed, span)

    def show_category(self, category: Category) -> bool:
        """Show the tab of an indicator category (where 添加行 adds a missing one)."""
        tab = self._category_tabs.get(category) or self._category_tabs.get(Category.OUTPUT)
        if tab is None:
            return False
        self._tabs.setCurrentWidget(tab)
        return True

    def set_findings(self, findings: list[Finding]) -> None:
        """Mark the fields the findings are about: red for errors, yellow for warnings, teal for
        the bureau's 审核意见 (``review.REVIEW_RULE``; beside a finding's colour, never instead)."""
        marks = marks_for(findings)
        changed = [parse_path(p) for p in marks.keys() | self._marks.keys() if marks.get(p) != self._marks.get(p)]
        if not changed:  # most keystrokes; a tab is re-marked only when one of its marks changed
            return
        self._marks.clear()  # one dict, updated in place, shared by every tab and model
        self._marks.update(marks)
        for tab in [t for t in self._all_tabs() if any(t.owns(path) for path in changed)]:
            tab.set_marks(self._marks)
        self._paint_tab_marks()

    def set_department_suggestions(self, names: list[str]) -> None:
        """Names offered while typing 部门（单位）名称."""
        self.basic_tab.set_department_suggestions(names)

    # --- tabs -------------------------------------------------------------------------------

    def _all_tabs(self) -> list[EditorTab]:
        return [self.basic_tab, self.goals_tab, *self._category_tabs.values(), self.notes_tab, self.evaluation_tab]

    def category_tab(self, category: Category) -> CategoryTab | None:
        return self._category_tabs.get(category)

    def tab_widget(self) -> QTabWidget:
        return self._tabs

    def _make_category_tab(self, category: Category) -> CategoryTab:
        tab: CategoryTab
        if self._layout is Layout.TABULAR:
            tab = IndicatorItemsTab(self, category)
        else:
            tab = IndicatorRowsTab(self, category, self._layout)
        self._watch(tab)
        return tab

    def _rebuild_category_tabs(self) -> None:
        for tab in self._category_tabs.values():
            self._tabs.removeTab(self._tabs.indexOf(tab))
            tab.deleteLater()
        self._category_tabs = {}
        categories = list(CATEGORY_TABS)
        if editing.category_rows(self._form, Category.OTHER):
            categories.append(Category.OTHER)
        for category in categories:
            self._add_category_tab(category)

    def _add_category_tab(self, category: Category) -> CategoryTab:
        tab = self._make_category_tab(category)
        self._category_tabs[category] = tab
        plain(tab)  # a unit's names and texts are never drawn as HTML
        self._tabs.insertTab(self._tabs.indexOf(self.notes_tab), tab, category.label)
        tab.load(self._form)
        tab.set_read_only(self._read_only)
        tab.set_marks(self._marks)
        tab.update_derived()
        return tab

    def _sync_categories(self, *, force: bool = False) -> None:
        """Rows changed shape or category: rebuild the tables that show them."""
        has_other = bool(editing.category_rows(self._form, Category.OTHER))
        if has_other and Category.OTHER not in self._category_tabs:
            self._add_category_tab(Category.OTHER)
        elif not has_other and Category.OTHER in self._category_tabs:
            tab = self._category_tabs.pop(Category.OTHER)
            self._tabs.removeTab(self._tabs.indexOf(tab))
            tab.deleteLater()
        for tab in self._category_tabs.values():
            if force or tab.model.rows_stale():
                tab.rebuild()

    def _tab_for(self, path: FieldPath) -> EditorTab | None:
        if path.section == "form":
            return None
        if self.evaluation_tab.owns(path):  # 监控/自评 fields, items' included
            return self.evaluation_tab
        if path.section in ("header", "funds"):
            if path.source is not None and path.source >= len(self._form.funds.sources or []):
                return None
            return self.basic_tab
        if path.section == "goals":
            return self.goals_tab
        if path.section == "other_notes":
            return self.notes_tab
        if path.section == "indicators" and path.indicator is not None:
            if not 0 <= path.indicator < len(self._form.indicators):
                return None
            indicator = self._form.indicators[path.indicator]
            if path.item is not None and path.item >= len(indicator.items):
                return None
            return self._category_tabs.get(classify_indicator(indicator))
        return None

    def _tab_changed(self, index: int) -> None:
        self.break_merge()
        self.current_tab_changed.emit(index)

    def _paint_tab_marks(self) -> None:
        bar = self._tabs.tabBar()
        worst: dict[int, str] = {}
        reviewed: set[int] = set()
        for path, mark in self._marks.items():
            if not mark.level and not mark.review:
                continue
            tab = self._tab_for(parse_path(path))
            if tab is None:
                continue
            index = self._tabs.indexOf(tab)
            if mark.review:
                reviewed.add(index)
            if mark.level and worst.get(index) != "error":
                worst[index] = mark.level
        for index in range(self._tabs.count()):
            level = worst.get(index)
            color = {"error": TAB_ERROR_COLOR, "warning": TAB_WARNING_COLOR}.get(level or "")
            if color is None and index in reviewed:
                color = TAB_REVIEW_COLOR
            bar.setTabTextColor(index, color if color is not None else self.palette().windowText().color())
            tips = [{"error": "此页有错误", "warning": "此页有警告"}.get(level or "", "")]
            if index in reviewed:
                tips.append("此页有财政局审核意见")
            self._tabs.setTabToolTip(index, "；".join(t for t in tips if t))

    # --- the filling guard and merging ------------------------------------------------------

    @contextmanager
    def filling(self) -> Iterator[None]:
        """While widgets are filled from the form, their change signals push no command."""
        self._filling_depth += 1
        try:
            yield
        finally:
            self._filling_depth -= 1

    def is_filling(self) -> bool:
        return self._filling_depth > 0

    def break_merge(self) -> None:
        """The next keystroke starts a new undo step (the clerk left the field)."""
        self._epoch += 1

    def _watch(self, tab: EditorTab) -> None:
        for widget in tab.text_widgets():
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FocusOut:
            self.break_merge()
        elif kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and isinstance(event, QKeyEvent):
            # Undo/redo keys in a text field go to the editor's stack, never the field's own.
            for sequence, action in ((QKeySequence.StandardKey.Undo, self._stack.undo),
                                     (QKeySequence.StandardKey.Redo, self._stack.redo)):
                if event.matches(sequence):
                    event.accept()  # ShortcutOverride accepted: no window shortcut fires as well
                    if kind == QEvent.Type.KeyPress:
                        action()
                    return True
        return super().eventFilter(watched, event)

    # --- what the tabs call (each pushes one command) ---------------------------------------

    def edit_text(self, path: str, text: str) -> None:
        """The clerk typed in a field: one undo step per field visit."""
        if self.is_filling() or not self._writable(path):
            return
        old = field_text(self._form, path)
        if old == text:
            return
        self._stack.push(SetFieldCommand(self, path, old, text, epoch=self._epoch))

    def set_text(self, path: str, text: str, label: str | None = None) -> bool:
        """A whole-value change (a button, a table cell): its own undo step."""
        if not self._writable(path):
            return False
        old = field_text(self._form, path)
        if old == text:
            return True
        self._stack.push(SetFieldCommand(self, path, old, text, mergeable=False, text=label))
        return True

    def model_apply(self, path: str, value: str) -> bool:
        return self.set_text(path, value)

    def canonicalise_amount(self, path: str) -> None:
        """Tidy an amount just typed (``22,001.49`` → ``22001.49``) as an undoable step."""
        text = field_text(self._form, path)
        canonical = editing.canonical_amount(text)
        if canonical is not None and canonical != text:
            self.set_text(path, canonical, f"规范{field_label(path)}写法")

    def _push_rows(self, label: str, change: editing.RowChange | None, focus_before: str | None) -> None:
        if change is None or change.indicators == self._form.indicators:
            return
        self._stack.push(IndicatorsCommand(self, label, self._form.indicators, change.indicators,
                                           focus_before=focus_before, focus_after=change.focus))

    def set_item_level2(self, indicator: int, item: int, level2: str) -> bool:
        """Change an item's 二级: the item joins (or starts) the group of that 二级."""
        if self._read_only:
            return False
        if len(self._form.indicators[indicator].items) <= 1:
            return self.set_text(f"indicators[{indicator}].level2", level2, "修改二级指标")
        self._push_rows("修改二级指标", editing.regrouped_item(self._form, indicator, item, level2),
                        f"indicators[{indicator}].items[{item}].level3")
        return True

    def add_row(self, category: Category, after: int | None = None) -> None:
        """A new row in a two-column form, named like its neighbours (产出指标六：)."""
        if not self._read_only:
            self._push_rows("添加指标行", editing.added_row(self._form, category, after),
                            None if after is None else f"indicators[{after}].name")

    def remove_row(self, indicator: int) -> None:
        if not self._read_only and 0 <= indicator < len(self._form.indicators):
            self._push_rows("删除指标行", editing.removed_row(self._form, indicator), f"indicators[{indicator}].name")

    def move_row(self, category: Category, indicator: int, delta: int) -> None:
        """Move a row up (-1) or down (+1) among the rows of its category."""
        if not self._read_only:
            self._push_rows("上移指标行" if delta < 0 else "下移指标行",
                            editing.moved_row(self._form, category, indicator, delta), f"indicators[{indicator}].name")

    def renumber_rows(self, category: Category) -> bool:
        """重新编号: the category's numbered rows counted 一、二、三 in order (one undoable step)."""
        if self._read_only or not editing.needs_renumbering(self._form, category):
            return False
        rows = editing.category_rows(self._form, category)
        self._push_rows("重新编号", editing.RowChange(editing.renumbered(self._form.indicators, category),
                                                   f"indicators[{rows[0]}].name"), None)
        return True

    def add_item(self, category: Category, after: tuple[int, int] | None = None) -> None:
        """A new 三级 item: after the selected one, else in the category's last group."""
        if not self._read_only:
            self._push_rows("添加三级指标", editing.added_item(self._form, category, after), None)

    def remove_item(self, indicator: int, item: int) -> None:
        if not self._read_only:
            self._push_rows("删除三级指标", editing.removed_item(self._form, indicator, item),
                            f"indicators[{indicator}].items[{item}].level3")

    def set_sources_enabled(self, enabled: bool) -> None:
        """Switch the 资金来源 block on (财政拨款, 其他资金) or off."""
        if self._read_only or (self._form.funds.sources is not None) == enabled:
            return
        after = [FundSource("财政拨款"), FundSource("其他资金")] if enabled else None
        self._stack.push(SourcesCommand(self, "填写资金来源" if enabled else "不填资金来源",
                                        self._form.funds.sources, after,
                                        focus_after="funds.sources[0].amount" if enabled else None))

    def add_source(self) -> None:
        if self._read_only or self._form.funds.sources is None:
            return
        after = [*copy.deepcopy(self._form.funds.sources), FundSource()]
        self._stack.push(SourcesCommand(self, "添加资金来源", self._form.funds.sources, after,
                                        focus_after=f"funds.sources[{len(after) - 1}].name"))

    def remove_source(self, row: int) -> None:
        sources = self._form.funds.sources
        if self._read_only or sources is None or not 0 <= row < len(sources):
            return
        after = copy.deepcopy(sources)
        del after[row]
        focus = f"funds.sources[{min(row, len(after) - 1)}].name" if after else None
        self._stack.push(SourcesCommand(self, "删除资金来源", sources, after, focus_after=focus))

    # --- what the commands call ------------------------------------------------------------

    def apply_field(self, path: str, value: str, *, reveal: bool) -> None:
        set_field_text(self._form, path, value)
        parsed = parse_path(path)
        with self.filling():
            naming = parsed.section == "indicators" and parsed.attr in ("name", "level1", "level2")  # its tab
            if naming:
                self._sync_categories()
            if reveal:
                self._reveal(parsed)
            for tab in self._all_tabs():
                tab.refresh(path)
            self._update_derived(tab_marks=naming)
        self.edited.emit()

    def apply_indicators(self, indicators: list[Indicator], focus: str | None, *, reveal: bool) -> None:
        self._form.indicators[:] = indicators
        with self.filling():
            self._sync_categories(force=True)
            if reveal and focus:
                self._reveal(parse_path(focus))
            self._update_derived()
        self.edited.emit()

    def apply_sources(self, sources: list[FundSource] | None, focus: str | None, *, reveal: bool) -> None:
        self._form.funds.sources = sources
        with self.filling():
            self.basic_tab.reload_sources()
            if reveal:
                self._reveal(parse_path(focus or "funds.total"))
        self.edited.emit()

    def _reveal(self, path: FieldPath) -> None:
        """Show where an undo/redo happened: its tab and row (the keyboard focus stays)."""
        tab = self._tab_for(path)
        if tab is None:
            return
        self._tabs.setCurrentWidget(tab)
        if isinstance(tab, IndicatorRowsTab) and path.indicator is not None:
            current = tab.current_indicator()
            if current != path.indicator:
                tab.select_indicator(path.indicator)
        elif isinstance(tab, IndicatorItemsTab):
            tab.select_path(path)
        elif tab is self.basic_tab and path.source is not None:
            tab.focus_path(path, None)

    def _update_derived(self, *, tab_marks: bool = True) -> None:
        for tab in self._all_tabs():
            tab.update_derived()
        if self._marks and tab_marks:
            self._paint_tab_marks()

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"<FormEditor {self._form.department!r} {self._form.year}>"


__all__ = ["FormEditor"]
