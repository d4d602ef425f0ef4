"""Last year beside this year: the 上年值 column of the tabular grid, 上年内容 of layouts A/B."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from jixiao_desktop.domain.carry import carry_over
from jixiao_desktop.domain.model import Category, Form
from jixiao_desktop.ui.editor.tabs import IndicatorItemsTab, IndicatorRowsTab


def test_previous_value_column_is_read_only(make_editor: Any, tabular: Form) -> None:
    form = carry_over(tabular)
    form.indicators[0].items[0].value = "100000"
    editor = make_editor(form)
    tab = editor.category_tab(Category.OUTPUT)
    assert isinstance(tab, IndicatorItemsTab)
    model = tab.model
    column = model.column_of("previous_value")
    assert column is not None
    assert model.headerData(column, Qt.Orientation.Horizontal) == "上年值"
    index = model.index(0, column)
    assert index.data() == tabular.indicators[0].items[0].value
    assert model.index(0, model.column_of("value")).data() == "100000"
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not model.setData(index, "1")
    assert editor.form().indicators[0].items[0].previous_value == tabular.indicators[0].items[0].value
    assert "上年指标值" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_previous_content_on_demand(make_editor: Any, qtbot: Any, jinrongjie: Form) -> None:
    form = carry_over(jinrongjie)
    form.indicators[0].content = "今年改写的内容。"
    editor = make_editor(form)
    tab = editor.category_tab(Category.OUTPUT)
    assert isinstance(tab, IndicatorRowsTab)
    tab.select_indicator(0)
    panel = tab.previous
    assert panel.toggle.isVisibleTo(tab) and not panel.box.isVisibleTo(tab)
    qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
    assert panel.box.isVisibleTo(tab) and panel.box.isReadOnly()
    assert panel.box.toPlainText() == jinrongjie.indicators[0].content
    tip = tab.model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("上年指标内容") and jinrongjie.indicators[0].content[:20] in tip
    tab.select_indicator(1)
    assert panel.box.toPlainText() == jinrongjie.indicators[1].content


def test_no_previous_content_no_toggle(make_editor: Any, jinrongjie: Form) -> None:
    editor = make_editor(jinrongjie)
    tab = editor.category_tab(Category.OUTPUT)
    assert isinstance(tab, IndicatorRowsTab)
    tab.select_indicator(0)
    assert not tab.previous.toggle.isVisibleTo(tab)
