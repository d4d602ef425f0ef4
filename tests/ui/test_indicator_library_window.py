"""The library in the window: suggestions while typing a 三级 name, one undo step for a choice,
past values, 推荐, 纳入指标库, the hint with its fix, the page, and layout A's text insertion."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCompleter, QDialog, QLineEdit, QListView, QPushButton

from jixiao_desktop.domain.indicator_library.check import RULE
from jixiao_desktop.domain.model import Category
from jixiao_desktop.ui.editor.tabs.items import IndicatorItemsTab
from jixiao_desktop.ui.editor.tabs.rows import IndicatorRowsTab as RowsTab
from jixiao_desktop.ui.indicator_library import assist as assist_module
from tests.indicator_library.helpers import tabular_form
from tests.ui.test_window import MakeWindow, has, open_stored


def _items_tab(window: Any, category: Category) -> IndicatorItemsTab:
    tab = next(t for t in window.editor.findChildren(IndicatorItemsTab) if t.category is category)
    window.editor.show_category(category)
    return tab


def _type_level3(qtbot: Any, tab: IndicatorItemsTab, row: int, text: str) -> QLineEdit:
    view = tab.ui.itemsView
    index = tab.model.index(row, tab.model.column_of("level3"))
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.findChild(QLineEdit)
    assert editor is not None
    for end in range(1, len(text) + 1):  # QTest cannot type Chinese: what a keystroke emits
        editor.setText(text[:end])
        editor.textEdited.emit(text[:end])
    return editor


def test_typing_a_name_suggests_and_choosing_fills_in_one_undo_step(qtbot: Any, make_window: MakeWindow) -> None:
    last_year = tabular_form(2024, [("满意度指标", "服务对象满意度指标", "社会公众或服务对象满意度", "≥", "92", "%")])
    this_year = tabular_form(2025, [("产出指标", "数量指标", "培训参加人数", "≥", "100", "人"),
                                    ("满意度指标", "服务对象满意度指标", "", "", "", "")])
    this_year.indicators[1].items[0].nature = this_year.indicators[1].items[0].direction = ""
    window, _ = open_stored(make_window, last_year)
    window.repo.create(this_year)  # type: ignore[union-attr]
    window.refresh_form_list()
    form_id = max(f.id for f in window.repo.list_forms())  # type: ignore[union-attr]
    assert window.open_form(form_id)
    tab = _items_tab(window, Category.SATISFACTION)
    row = tab.model.row_of(1, 0)
    line = _type_level3(qtbot, tab, row, "满意")
    completer = line.completer() or line.findChild(QCompleter)
    popup = completer.popup() if completer is not None else None
    assert isinstance(popup, QListView)
    labels = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert labels and labels[0].startswith("社会公众或服务对象满意度")  # the unit's own first
    assert "往年 2024年：≥ 92 %" in labels[0]
    depth = window.editor.undo_stack().index()
    completer.activated.emit(labels[0])
    qtbot.waitUntil(lambda: window.editor.form().indicators[1].items[0].level3 == "社会公众或服务对象满意度")
    item = window.editor.form().indicators[1].items[0]
    assert (item.nature, item.operator, item.unit, item.direction) == ("定量", "≥", "%", "正向")
    assert window.editor.undo_stack().index() == depth + 1  # one step
    tab.ui.itemsView.setCurrentIndex(tab.model.index(row, tab.model.column_of("value")))
    assert "2024年：≥ 92 %" in tab.ui.statusLabel.text()  # last year's value beside the cell
    window.ui.actionUndo.trigger()
    item = window.editor.form().indicators[1].items[0]
    assert (item.level3, item.operator, item.unit) == ("", "", "")


def test_the_hint_and_its_one_click_fix(qtbot: Any, make_window: MakeWindow) -> None:
    form = tabular_form(2025, [("投入", "预算配置", "在职人员控制率", "≥", "100", "%")])
    window, _ = open_stored(make_window, form)
    qtbot.waitUntil(lambda: has(window, RULE))
    panel = window.checks_panel
    panel.select_row(next(i for i, f in enumerate(panel.model.findings()) if f.rule == RULE))
    assert panel.fix_button.isVisibleTo(panel) and "≤" in panel.fix_button.text()
    qtbot.mouseClick(panel.fix_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not has(window, RULE))
    item = window.editor.form().indicators[0].items[0]
    assert (item.operator, item.direction) == ("≤", "反向")


def _accept_first(monkeypatch: Any) -> None:
    def exec_(self: Any) -> int:
        self.list.setCurrentRow(0)
        self._accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(assist_module.PickDialog, "exec", exec_)


def test_recommend_adds_what_the_row_lacks_and_take_in(qtbot: Any, make_window: MakeWindow, monkeypatch: Any) -> None:
    form = tabular_form(2025, [("产出指标", "成本指标", "人均培训成本", "≤", "500", "元")])
    window, _ = open_stored(make_window, form)
    tab = _items_tab(window, Category.OUTPUT)
    tab.ui.itemsView.setCurrentIndex(tab.model.index(tab.model.row_of(0, 0), 1))
    _accept_first(monkeypatch)
    depth = window.editor.undo_stack().index()
    window.indicator_library.assist.recommend(tab)
    items = window.editor.form().indicators[0].items
    assert len(items) == 2 and items[1].level3 and items[1].level3 != "人均培训成本"
    assert items[1].operator and items[1].unit
    assert window.editor.undo_stack().index() == depth + 1
    # 纳入指标库: the first item becomes a library entry of this unit.
    tab.ui.itemsView.setCurrentIndex(tab.model.index(tab.model.row_of(0, 0), 1))
    items[0].level3 = "人均培训成本（本单位口径）"
    window.indicator_library.assist.take_in(tab)
    assert "已纳入指标库" in tab.ui.statusLabel.text()
    names = {e.level3 for e in window.indicator_library.library().store.entries()}
    assert "人均培训成本（本单位口径）" in names


def test_layout_a_gets_the_entry_as_text(qtbot: Any, make_window: MakeWindow, jinrongjie: Any,
                                         monkeypatch: Any) -> None:
    window, _ = open_stored(make_window, jinrongjie)
    rows = next(t for t in window.editor.findChildren(RowsTab) if t.category is Category.SATISFACTION)
    window.editor.show_category(Category.SATISFACTION)
    indicator = next(i for i, ind in enumerate(window.editor.form().indicators) if "满意度" in ind.name)
    rows.select_indicator(indicator)
    button = rows.findChild(QPushButton, "libraryInsertButton")
    assert button is not None and button.isVisibleTo(rows)  # layout A hides the row buttons, not this
    rows.ui.contentEdit.moveCursor(rows.ui.contentEdit.textCursor().MoveOperation.End)
    before = window.editor.form().indicators[indicator].content
    _accept_first(monkeypatch)
    window.indicator_library.assist.insert_text(rows)
    after = window.editor.form().indicators[indicator].content
    assert after.startswith(before) and after != before and "满意度" in after[len(before):]
    window.ui.actionUndo.trigger()
    assert window.editor.form().indicators[indicator].content == before


def test_the_library_page_lists_sources_and_searches(qtbot: Any, make_window: MakeWindow) -> None:
    from jixiao_desktop.ui.indicator_library.page import IndicatorLibraryDialog

    window, _ = open_stored(make_window, tabular_form(2025, [("产出指标", "数量指标", "培训参加人数", "≥", "1", "人")]))
    dialog = IndicatorLibraryDialog(window, window.indicator_library.library())
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() >= 200
    dialog.ui.searchEdit.setText("受灾")
    assert dialog.model.rowCount() >= 1
    assert "受害率" in dialog.model.index(0, 0).data() or "灾" in dialog.model.index(0, 0).data()
    dialog.ui.entriesView.setCurrentIndex(dialog.model.index(0, 0))
    assert "来源文件：《" in dialog.ui.detailEdit.toPlainText()
    assert QApplication.instance() is not None
