"""What the library adds to the editor.

* Typing a 三级 name in a tabular form: a list of entries under the cell (the unit's own first,
  then by the row's 一级/二级 and the unit's sector); choosing one fills 三级, 性质, 运算符, 单位,
  方向 (and 指标解释, 评(扣)分标准 where the form has them) as ONE undo step.
* The 指标值 and 三级 cells' tooltips, and the line under the table, show the unit's past values.
* 推荐… per row: entries of the row's 二级 the row does not have yet; one click adds it filled.
* 纳入指标库: the selected item becomes a library entry.
* Forms without structured items (layout A/B): 从指标库插入… puts an entry as a line of text at
  the cursor of 指标内容和指标值.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QStringListModel, Qt, QTimer
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from jixiao_desktop.domain.fixes import FieldEdit, Fix
from jixiao_desktop.domain.indicator_library import LibraryEntry, Match, SearchContext
from jixiao_desktop.domain.indicator_library.entry import short_source_label
from jixiao_desktop.domain.model import Form, IndicatorItem
from jixiao_desktop.ui.checks_panel import apply_fix
from jixiao_desktop.ui.editor.delegates import ChoiceDelegate
from jixiao_desktop.ui.editor.tabs.items import IndicatorItemsTab
from jixiao_desktop.ui.editor.tabs.rows import IndicatorRowsTab as RowsTab
from jixiao_desktop.ui.errors import KNOWN, show_known
from jixiao_desktop.usecases.indicator_library import IndicatorLibrary

SUGGESTIONS = 8


def match_label(entry: LibraryEntry) -> str:
    """One line of the suggestion list: the name, its defaults and where it comes from."""
    value = " ".join(part for part in (entry.nature, entry.operator, entry.unit, entry.direction) if part)
    past = f"；往年 {entry.history[0].text}" if entry.history else ""
    return f"{entry.level3}　〔{value or '—'}｜{short_source_label(entry.source)}{past}〕"


def fill_fix(library: IndicatorLibrary, entry: LibraryEntry, indicator: int, item: int) -> Fix:
    """The edits choosing ``entry`` makes on item (indicator, item), as one undo step."""
    base = f"indicators[{indicator}].items[{item}]"
    edits = tuple(FieldEdit(f"{base}.{name}", value) for name, value in library.choose(entry).items()
                  if name in IndicatorItem.TEXT_FIELDS)
    return Fix(f"选用指标库中的“{entry.level3}”", edits)


class Level3Delegate(ChoiceDelegate):
    """The items table's delegate, plus suggestions in the 三级 cell and past values in tooltips."""

    def __init__(self, tab: IndicatorItemsTab, assist: EditorAssist) -> None:
        super().__init__(tab.ui.itemsView)
        self._tab = tab
        self._assist = assist
        self._column = tab.model.column_of("level3")
        self._value_column = tab.model.column_of("value")

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
                     ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if index.column() != self._column or not isinstance(editor, QLineEdit) or not self._assist.active:
            return editor
        indicator, item = self._tab.model.item_at(index.row())
        completer = QCompleter(QStringListModel(editor), editor)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(SUGGESTIONS)
        completer.setWidget(editor)
        popup = completer.popup()
        if popup is not None:  # the labels carry the defaults and the source: wider than the cell
            popup.setMinimumWidth(max(option.rect.width(), 460))  # type: ignore[attr-defined]
        matches: dict[str, LibraryEntry] = {}

        def typed(text: str) -> None:
            found = self._assist.suggest(text, indicator)
            matches.clear()
            matches.update((match_label(m.entry), m.entry) for m in found)
            model = completer.model()
            assert isinstance(model, QStringListModel)
            model.setStringList(list(matches))
            if matches:
                completer.complete()
            elif completer.popup() is not None:
                completer.popup().hide()  # type: ignore[union-attr]

        def chosen(label: str) -> None:
            entry = matches.get(label)
            if entry is None:
                return
            # Close the cell without storing the typed text: the fill sets the name too, as one step.
            editor.blockSignals(True)
            self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
            QTimer.singleShot(0, lambda: self._assist.fill(entry, indicator, item))

        editor.textEdited.connect(typed)
        completer.activated.connect(chosen)
        editor.setProperty("libraryCompleter", True)
        return editor

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem,
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        if event.type() == QEvent.Type.ToolTip and index.column() in (self._column, self._value_column):
            indicator, item = self._tab.model.item_at(index.row())
            past = self._assist.past_values(indicator, item)
            if past:
                QToolTip.showText(event.globalPos(), "本单位往年：\n" + "\n".join(past), view)
                return True
        return super().helpEvent(event, view, option, index)


class PickDialog(QDialog):
    """A list of entries to choose from (推荐, and 从指标库插入 with a search box)."""

    def __init__(self, parent: QWidget, title: str, search: Callable[[str], list[Match]], hint: str,
                 with_search: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(640, 420)
        self._search = search
        self.chosen: LibraryEntry | None = None
        layout = QVBoxLayout(self)
        self.searchEdit = QLineEdit(self)
        self.searchEdit.setPlaceholderText(hint)
        self.searchEdit.setVisible(with_search)
        layout.addWidget(self.searchEdit)
        self.list = QListWidget(self)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.searchEdit.textChanged.connect(self.refresh)
        self.list.itemDoubleClicked.connect(lambda *_: self._accept())
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for match in self._search(self.searchEdit.text()):
            row = QListWidgetItem(match_label(match.entry))  # plain text
            row.setData(Qt.ItemDataRole.UserRole, match.entry)
            row.setToolTip(match.entry.explanation or match.entry.source_document)
            self.list.addItem(row)
        if self.list.count():
            self.list.setCurrentRow(0)

    def _accept(self) -> None:
        row = self.list.currentItem()
        if row is not None:
            self.chosen = row.data(Qt.ItemDataRole.UserRole)
            self.accept()


class EditorAssist:
    """The library's help in one editor (built once per editor, told the open form's unit)."""

    def __init__(self, editor: QWidget, library: Callable[[], IndicatorLibrary | None],
                 form_id: Callable[[], int | None], sector: Callable[[], str] = lambda: "") -> None:
        self.editor = editor
        self._library = library
        self._form_id = form_id
        self._sector = sector
        self._tabs: list[IndicatorItemsTab] = []
        self._rows: list[RowsTab] = []
        self.install()

    @property
    def active(self) -> bool:
        return self._library() is not None and not self.form_read_only()

    def form(self) -> Form:
        return self.editor.form()  # type: ignore[attr-defined,no-any-return]

    def form_read_only(self) -> bool:
        return bool(self.editor.is_read_only())  # type: ignore[attr-defined]

    def library(self) -> IndicatorLibrary | None:
        lib = self._library()
        if lib is not None:
            lib.for_form(self.form().department, self._form_id())
        return lib

    def install(self) -> None:
        """Hook the items and rows tabs the editor has now (tabs are built once per layout)."""
        self._tabs = [tab for tab in self._tabs if shiboken6.isValid(tab)]
        self._rows = [rows for rows in self._rows if shiboken6.isValid(rows)]
        for tab in self.editor.findChildren(IndicatorItemsTab):
            if tab in self._tabs:
                continue
            self._tabs.append(tab)
            tab.ui.itemsView.setItemDelegate(Level3Delegate(tab, self))
            recommend = QPushButton("推荐(&T)…", tab)
            recommend.setToolTip("指标库中本组二级指标还没有的指标（本单位往年用过的排在前面）")
            recommend.clicked.connect(lambda _=False, t=tab: self.recommend(t))
            take = QPushButton("纳入指标库", tab)
            take.setToolTip("把选中的三级指标存入指标库，以后填表时可直接选用")
            take.clicked.connect(lambda _=False, t=tab: self.take_in(t))
            tab.ui.bottomLayout.insertWidget(2, recommend)
            tab.ui.bottomLayout.insertWidget(3, take)
            tab.ui.itemsView.selectionModel().currentChanged.connect(
                lambda *_args, t=tab: self.show_past(t))
        for rows in self.editor.findChildren(RowsTab):
            if rows in self._rows:
                continue
            self._rows.append(rows)
            insert = QPushButton("从指标库插入(&K)…", rows.ui.contentPanel)
            insert.setObjectName("libraryInsertButton")
            insert.setToolTip("在“指标内容和指标值”的光标处插入指标库中的一条指标")
            insert.clicked.connect(lambda _=False, r=rows: self.insert_text(r))
            rows.ui.contentHeader.insertWidget(1, insert)  # beside the box it writes into (every layout)

    # --- suggestions -----------------------------------------------------------------------

    def _context(self, indicator: int) -> SearchContext:
        form = self.form()
        row = form.indicators[indicator] if 0 <= indicator < len(form.indicators) else None
        return SearchContext(row.level1 if row else "", row.level2 if row else "", self._sector())

    def suggest(self, text: str, indicator: int) -> list[Match]:
        lib = self.library()
        if lib is None:
            return []
        try:
            return lib.suggest(text, self._context(indicator), SUGGESTIONS)
        except KNOWN:
            return []  # suggestions are a help: a database hiccup never stops the typing

    def past_values(self, indicator: int, item: int) -> list[str]:
        lib = self.library()
        try:
            name = self.form().indicators[indicator].items[item].level3
        except IndexError:
            return []
        if lib is None or not name.strip():
            return []
        try:
            return lib.past_values(name)
        except KNOWN:
            return []

    def fill(self, entry: LibraryEntry, indicator: int, item: int) -> None:
        lib = self.library()
        if lib is None or self.form_read_only():
            return
        apply_fix(self.editor, fill_fix(lib, entry, indicator, item))  # type: ignore[arg-type]
        for tab in self._tabs:
            if shiboken6.isValid(tab):
                self.show_past(tab)

    def show_past(self, tab: IndicatorItemsTab) -> None:
        current = tab.current_item()
        past = self.past_values(*current) if current is not None else []
        if past:
            tab.ui.statusLabel.setText("往年：" + "；".join(past[:2]))
            tab.ui.statusLabel.setToolTip("\n".join(past))

    # --- 推荐 and 纳入指标库 -------------------------------------------------------------------

    def recommend(self, tab: IndicatorItemsTab) -> None:
        lib = self.library()
        current = tab.current_item()
        form = self.form()
        if lib is None or self.form_read_only():
            return
        indicator = current[0] if current is not None else next(
            (i for i, row in enumerate(form.indicators) if tab.model.first_row_of(i) is not None), None)
        if indicator is None:
            return
        row = form.indicators[indicator]
        have = [it.level3 for it in row.items]
        context = self._context(indicator)
        dialog = PickDialog(self.editor, f"推荐：{row.level2 or row.level1 or '本组'}",
                            lambda _text: lib.recommend(context, have, 30), "", with_search=False)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        self.add_filled(tab, dialog.chosen, indicator, current)

    def add_filled(self, tab: IndicatorItemsTab, entry: LibraryEntry, indicator: int,
                   current: tuple[int, int] | None) -> None:
        """A new item after the selected one (or the group's last), filled from ``entry``: one step."""
        lib = self.library()
        if lib is None:
            return
        form = self.form()
        blank = next((j for j, it in enumerate(form.indicators[indicator].items) if it.is_blank()), None)
        stack = self.editor.undo_stack()  # type: ignore[attr-defined]
        stack.beginMacro(f"添加指标库中的“{entry.level3}”")
        try:
            if blank is None:
                before = len(form.indicators[indicator].items)
                after = current if current is not None and current[0] == indicator else (indicator, before - 1)
                self.editor.add_item(tab.category, after)  # type: ignore[attr-defined]
                blank = after[1] + 1
            apply_fix(self.editor, fill_fix(lib, entry, indicator, blank))  # type: ignore[arg-type]
        finally:
            stack.endMacro()

    def take_in(self, tab: IndicatorItemsTab) -> None:
        lib = self.library()
        current = tab.current_item()
        if lib is None or current is None:
            tab.ui.statusLabel.setText("请先选中一个三级指标")
            return
        item = self.form().indicators[current[0]].items[current[1]]
        if not item.level3.strip():
            tab.ui.statusLabel.setText("这一行还没有三级指标名称，不能纳入指标库")
            return
        try:
            lib.take_in(self.form(), *current)
        except KNOWN as exc:
            show_known(self.editor, "无法纳入指标库", exc)
            return
        tab.ui.statusLabel.setText(f"已纳入指标库：{item.level3}")

    # --- layout A / B ----------------------------------------------------------------------

    def insert_text(self, rows: RowsTab) -> None:
        lib = self.library()
        indicator = rows.current_indicator()
        if lib is None or indicator is None or self.form_read_only():
            return
        context = SearchContext(sector=self._sector())
        name = self.form().indicators[indicator].name
        dialog = PickDialog(self.editor, "从指标库插入", lambda text: lib.suggest(text or name[-6:], context, 30),
                            "输入指标名称或关键词，如：满意度、培训、保洁")
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        edit = rows.ui.contentEdit
        cursor = edit.textCursor().position()
        text = edit.toPlainText()
        line = lib.suggestion_text(dialog.chosen)
        if text and cursor > 0 and text[cursor - 1] != "\n":
            line = "\n" + line
        path = f"indicators[{indicator}].content"
        self.editor.set_text(path, text[:cursor] + line + text[cursor:], "从指标库插入")  # type: ignore[attr-defined]
