"""set_form fills every tab from the two real forms and a tabular one."""

from __future__ import annotations

from PySide6.QtCore import Qt

from jixiao_desktop.domain.model import STANDARD_ROW_NAMES, Category, Form
from jixiao_desktop.ui.editor.editor import FormEditor
from jixiao_desktop.ui.editor.tabs import IndicatorItemsTab, IndicatorRowsTab


def tab_titles(editor: FormEditor) -> list[str]:
    tabs = editor.tab_widget()
    return [tabs.tabText(i) for i in range(tabs.count())]


def rows_tab(editor: FormEditor, category: Category) -> IndicatorRowsTab:
    tab = editor.category_tab(category)
    assert isinstance(tab, IndicatorRowsTab)
    return tab


def names_in(tab: IndicatorRowsTab) -> list[str]:
    return [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())]


def test_jinrongjie_fills_every_tab(make_editor, jinrongjie: Form) -> None:
    editor = make_editor(jinrongjie)
    assert tab_titles(editor) == ["基本信息与资金", "绩效目标", "产出指标", "效果（效益）指标", "满意度指标",
                                  "其他说明的问题", "监控/自评"]
    basic = editor.basic_tab.ui
    assert basic.departmentEdit.text() == "北京市西城区人民政府金融街街道办事处"
    assert basic.yearSpin.text() == "2021 年"
    assert (basic.totalEdit.text(), basic.basicEdit.text(), basic.projectEdit.text()) == (
        "39985.49", "9344.54", "30640.95")
    assert "39985.49" in basic.sumLabel.text() and "一致" in basic.sumLabel.text()
    assert not basic.fixTotalButton.isVisibleTo(editor)
    assert "北京2021部门整体格式" in basic.templateLabel.text()
    assert "标准格式" in basic.templateLabel.text()

    assert editor.goals_tab.ui.textEdit.toPlainText() == jinrongjie.goals
    assert f"共 {len(jinrongjie.goals)} 字" in editor.goals_tab.ui.countLabel.text()
    assert editor.notes_tab.ui.textEdit.toPlainText() == jinrongjie.other_notes

    output = rows_tab(editor, Category.OUTPUT)
    outcome = rows_tab(editor, Category.OUTCOME)
    satisfaction = rows_tab(editor, Category.SATISFACTION)
    assert names_in(output) == list(STANDARD_ROW_NAMES[:4])
    assert names_in(outcome) == list(STANDARD_ROW_NAMES[4:8])
    assert names_in(satisfaction) == [STANDARD_ROW_NAMES[8]]
    # The first row is selected and its whole content is in the text box under the table.
    assert output.ui.contentEdit.toPlainText() == jinrongjie.indicators[0].content
    # The table shows the content's first lines only.
    cell = output.model.index(0, 1).data()
    assert cell.startswith("1、城市管理和环境建设") and cell.endswith("…")
    # Standard layout: names fixed, no row buttons.
    assert not (output.model.flags(output.model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable)
    assert not output.ui.rowButtons.isVisibleTo(output)
    assert editor.form() is jinrongjie


def test_niujie_fills_every_tab(make_editor, niujie: Form) -> None:
    editor = make_editor(niujie)
    basic = editor.basic_tab.ui
    assert basic.departmentEdit.text() == "北京市西城区人民政府牛街街道办事处"
    # Kept as typed; the hint says how it reads.
    assert basic.totalEdit.text() == "22,001.49"
    assert "22001.49" in basic.totalHint.text()
    assert "22001.49" in basic.sumLabel.text() and "一致" in basic.sumLabel.text()
    assert editor.goals_tab.ui.textEdit.toPlainText() == niujie.goals
    output = rows_tab(editor, Category.OUTPUT)
    assert names_in(output) == [ind.name for ind in niujie.indicators]
    assert names_in(rows_tab(editor, Category.OUTCOME)) == []
    assert output.ui.rowButtons.isVisibleTo(output)
    assert output.model.flags(output.model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    output.ui.rowsView.selectRow(3)
    assert output.ui.contentEdit.toPlainText() == niujie.indicators[3].content
    assert "产出指标四" in output.ui.contentLabel.text()
    # Filling pushed nothing and changed nothing.
    assert editor.undo_stack().count() == 0
    assert niujie.funds.total == "22,001.49"


def test_set_form_again_replaces_everything_and_clears_undo(make_editor, jinrongjie: Form,
                                                            niujie: Form) -> None:
    editor = make_editor(jinrongjie)
    editor.basic_tab.ui.departmentEdit.setFocus()
    editor.set_text("department", "改过的名称")
    assert editor.undo_stack().count() == 1
    editor.set_form(niujie)
    assert editor.undo_stack().count() == 0
    assert editor.basic_tab.ui.departmentEdit.text() == niujie.department
    assert names_in(rows_tab(editor, Category.OUTPUT))[0].startswith("产出指标一")


def test_tabular_form_gets_item_tables(make_editor, tabular: Form) -> None:
    editor = make_editor(tabular)
    output = editor.category_tab(Category.OUTPUT)
    assert isinstance(output, IndicatorItemsTab)
    model = output.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    # The columns and labels of the form's profile (tabular-generic: 指标方向), 上年值 after 指标值.
    assert headers == ["二级指标", "三级指标", "指标性质", "运算符", "指标值", "上年值", "计量单位", "权重", "指标方向", "备注"]
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == [
        "绿地养护面积", "开展讲座次数", "验收合格率"]
    assert model.index(2, 0).data() == "质量指标"
    assert output.ui.weightLabel.text() == "权重合计：100（应为 100）"
    assert "表格式" in editor.basic_tab.ui.templateLabel.text()


def test_rows_of_no_category_get_an_extra_tab(make_editor, niujie: Form) -> None:
    niujie.indicators[4].name = "重点工作：民族团结"
    editor = make_editor(niujie)
    assert "其他指标" in tab_titles(editor)
    other = rows_tab(editor, Category.OTHER)
    assert names_in(other) == ["重点工作：民族团结"]
