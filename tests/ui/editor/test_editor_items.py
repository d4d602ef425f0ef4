"""Tabular template: the items model, its delegates, weights, item rows, regrouping by 二级."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QStyleOptionViewItem, QWidget

from jixiao_desktop.domain.model import Category, Form, Layout, new_form
from jixiao_desktop.ui.editor.delegates import ChoiceDelegate
from jixiao_desktop.ui.editor.editor import FormEditor
from jixiao_desktop.ui.editor.marks import Role
from jixiao_desktop.ui.editor.models import IndicatorItemsModel, IndicatorRowsModel, SourcesModel
from jixiao_desktop.ui.editor.tabs import IndicatorItemsTab

LEVEL2, LEVEL3, NATURE, OPERATOR, VALUE, PREVIOUS, UNIT, WEIGHT, DIRECTION = range(9)


def items_tab(editor: FormEditor, category: Category = Category.OUTPUT) -> IndicatorItemsTab:
    tab = editor.category_tab(category)
    assert isinstance(tab, IndicatorItemsTab)
    editor.tab_widget().setCurrentWidget(tab)
    return tab


def test_models_pass_the_model_tester(qtmodeltester, tabular: Form, jinrongjie: Form) -> None:
    for category in Category:
        items = IndicatorItemsModel(category)
        items.set_form(tabular)
        qtmodeltester.check(items)
        rows = IndicatorRowsModel(category)
        rows.set_form(jinrongjie)
        qtmodeltester.check(rows)
    jinrongjie.funds.sources = []
    sources = SourcesModel()
    sources.set_form(jinrongjie)
    qtmodeltester.check(sources)


def test_standalone_model_edits_the_form(qtbot, tabular: Form) -> None:
    model = IndicatorItemsModel(Category.OUTPUT)
    model.set_form(tabular)
    with qtbot.waitSignal(model.dataChanged):
        assert model.setData(model.index(1, VALUE), "15")
    assert tabular.indicators[0].items[1].value == "15"
    assert model.index(1, VALUE).data(Role.PATH) == "indicators[0].items[1].value"
    assert model.index(2, LEVEL2).data(Role.PATH) == "indicators[1].level2"
    assert model.index(0, NATURE).data(Role.CHOICES) == ["定量", "定性"]
    assert model.index(0, LEVEL2).data(Role.CHOICES) == ["数量指标", "质量指标", "时效指标", "成本指标"]
    assert model.index(0, LEVEL3).data(Role.CHOICES) is None


def test_bad_weight_and_value_are_refused_with_a_reason(make_editor, qtbot, tabular: Form) -> None:
    editor = make_editor(tabular)
    tab = items_tab(editor)
    model = tab.model
    with qtbot.waitSignal(model.edit_refused) as refused:
        assert not model.setData(model.index(0, WEIGHT), "三十")
    assert "不是数字" in refused.args[0]
    assert tabular.indicators[0].items[0].weight == "30"
    assert "权重“三十”不是数字" in tab.ui.statusLabel.text()
    assert not model.setData(model.index(0, WEIGHT), "120")
    assert "超过 100" in model.last_error
    assert not model.setData(model.index(0, VALUE), "11万平方米")    # 定量: a number only
    assert "单位请填在“计量单位”列" in model.last_error
    assert tabular.indicators[0].items[0].value == "113816"
    assert not model.setData(model.index(0, OPERATOR), "约")
    # A 定性 item takes text.
    outcome = items_tab(editor, Category.OUTCOME)
    assert outcome.model.setData(outcome.model.index(0, VALUE), "显著改善")
    assert tabular.indicators[2].items[0].value == "显著改善"
    assert editor.undo_stack().count() == 1


def test_weight_total_updates_live(make_editor, tabular: Form) -> None:
    editor = make_editor(tabular)
    tab = items_tab(editor)
    assert tab.ui.weightLabel.text() == "权重合计：100（应为 100）"
    assert tab.model.setData(tab.model.index(0, WEIGHT), "25.5")
    assert tabular.indicators[0].items[0].weight == "25.5"
    assert tab.ui.weightLabel.text() == "权重合计：95.5（应为 100）"
    # The label is for the whole form: the other tabs show the same total.
    assert items_tab(editor, Category.SATISFACTION).ui.weightLabel.text() == "权重合计：95.5（应为 100）"
    editor.undo_stack().undo()
    assert tab.ui.weightLabel.text() == "权重合计：100（应为 100）"


def test_combo_delegates(make_editor, tabular: Form) -> None:
    editor = make_editor(tabular)
    tab = items_tab(editor)
    view = tab.ui.itemsView
    delegate = view.itemDelegate()
    assert isinstance(delegate, ChoiceDelegate)
    parent = QWidget()
    option = QStyleOptionViewItem()

    index = tab.model.index(2, OPERATOR)
    combo = delegate.createEditor(parent, option, index)
    assert isinstance(combo, QComboBox)
    assert [combo.itemData(i) for i in range(combo.count())] == ["", "≥", "≤", "=", ">", "<"]
    delegate.setEditorData(combo, index)
    assert combo.currentData() == "="
    combo.setCurrentIndex(combo.findData("≥"))
    delegate.setModelData(combo, tab.model, index)
    assert tabular.indicators[1].items[0].operator == "≥"

    direction = delegate.createEditor(parent, option, tab.model.index(0, DIRECTION))
    assert [direction.itemText(i) for i in range(direction.count())] == ["正向", "反向"]
    nature = delegate.createEditor(parent, option, tab.model.index(0, NATURE))
    assert [nature.itemText(i) for i in range(nature.count())] == ["定量", "定性"]
    plain = delegate.createEditor(parent, option, tab.model.index(0, UNIT))
    assert isinstance(plain, QLineEdit)

    # Through the view: open the editor on a cell, pick, commit.
    view.setCurrentIndex(tab.model.index(0, DIRECTION))
    view.edit(tab.model.index(0, DIRECTION))
    opened = view.indexWidget(tab.model.index(0, DIRECTION)) or view.findChild(QComboBox)
    assert isinstance(opened, QComboBox)
    opened.setCurrentIndex(opened.findData("反向"))
    opened.activated.emit(opened.currentIndex())
    assert tabular.indicators[0].items[0].direction == "反向"
    parent.deleteLater()


def test_changing_level2_regroups_the_item(make_editor, tabular: Form) -> None:
    editor = make_editor(tabular)
    tab = items_tab(editor)
    model = tab.model
    # The group 数量指标 has two items: the second one moves to its own 时效指标 group.
    assert model.setData(model.index(1, LEVEL2), "时效指标")
    groups = [(ind.level2, [it.level3 for it in ind.items]) for ind in tabular.indicators[:3]]
    assert groups == [("数量指标", ["绿地养护面积"]), ("时效指标", ["开展讲座次数"]),
                      ("质量指标", ["验收合格率"])]
    assert [model.index(r, LEVEL2).data() for r in range(3)] == ["数量指标", "时效指标", "质量指标"]
    # A single-item group just changes its 二级.
    assert model.setData(model.index(2, LEVEL2), "成本指标")
    assert tabular.indicators[2].level2 == "成本指标"
    assert not model.setData(model.index(2, LEVEL2), "满意度")       # not a 二级 of 产出指标
    editor.undo_stack().undo()
    editor.undo_stack().undo()
    assert [(ind.level2, len(ind.items)) for ind in tabular.indicators[:2]] == [("数量指标", 2), ("质量指标", 1)]


def test_add_and_remove_items_with_undo(make_editor, tabular: Form) -> None:
    editor = make_editor(tabular)
    tab = items_tab(editor)
    view = tab.ui.itemsView
    view.setCurrentIndex(tab.model.index(0, LEVEL3))
    tab.ui.addItemButton.click()
    assert [it.level3 for it in tabular.indicators[0].items] == ["绿地养护面积", "", "开展讲座次数"]
    assert tab.model.rowCount() == 4
    assert view.currentIndex().row() == 1
    assert tab.model.setData(tab.model.index(1, LEVEL3), "新增指标")
    assert tabular.indicators[0].items[1].level3 == "新增指标"
    view.setCurrentIndex(tab.model.index(3, LEVEL3))
    tab.ui.removeItemButton.click()
    # The last item of 质量指标 went, and with it the empty group.
    assert [ind.level2 for ind in tabular.indicators] == ["数量指标", "社会效益指标", "服务对象满意度指标"]
    assert tab.model.rowCount() == 3
    stack = editor.undo_stack()
    stack.undo()
    stack.undo()
    stack.undo()
    assert [it.level3 for it in tabular.indicators[0].items] == ["绿地养护面积", "开展讲座次数"]
    assert tab.model.rowCount() == 3 + 0 and len(tabular.indicators) == 4


def test_add_item_in_an_empty_category_creates_its_group(make_editor) -> None:
    form = new_form(Layout.TABULAR, 2024, "测试单位")
    form.indicators = [ind for ind in form.indicators if ind.level1 != "效益指标"]
    editor = make_editor(form)
    tab = items_tab(editor, Category.OUTCOME)
    assert tab.model.rowCount() == 0
    tab.ui.addItemButton.click()
    assert [ind.level1 for ind in form.indicators] == ["产出指标", "效益指标", "满意度指标"]
    assert form.indicators[1].level2 == "经济效益指标"
    assert tab.model.rowCount() == 1


def test_items_read_only(make_editor, tabular: Form) -> None:
    editor = make_editor(tabular, read_only=True)
    tab = items_tab(editor)
    assert not (tab.model.flags(tab.model.index(0, WEIGHT)) & Qt.ItemFlag.ItemIsEditable)
    assert not tab.model.setData(tab.model.index(0, WEIGHT), "10")
    assert not tab.ui.addItemButton.isVisible()
    assert tabular.indicators[0].items[0].weight == "30"


def test_the_note_of_an_item_is_editable_and_undoable(make_editor, tabular: Form) -> None:
    editor = make_editor(tabular)
    tab = editor.category_tab(Category.OUTPUT)
    column = [c.attr for c in tab.model.COLUMNS].index("note")
    index = tab.model.index(0, column)
    i, j = tab.model._rows[0]
    assert tab.model.setData(index, "按学年统计", Qt.ItemDataRole.EditRole)
    assert editor.form().indicators[i].items[j].note == "按学年统计"
    editor.undo_stack().undo()
    assert editor.form().indicators[i].items[j].note == ""
