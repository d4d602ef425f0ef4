"""Two-column (bj-2021) rows: content typing, names, and the numbered layout's row buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from jixiao_desktop.domain.model import Category, Form, Layout, new_form
from jixiao_desktop.ui.editor.editor import FormEditor
from jixiao_desktop.ui.editor.tabs import IndicatorRowsTab
from tests.ui.helpers import commit_text, press_key, type_text


def output_tab(editor: FormEditor, category: Category = Category.OUTPUT) -> IndicatorRowsTab:
    tab = editor.category_tab(category)
    assert isinstance(tab, IndicatorRowsTab)
    editor.tab_widget().setCurrentWidget(tab)
    return tab


def names(form: Form) -> list[str]:
    return [ind.name for ind in form.indicators]


def test_typing_content_edits_the_selected_row_and_undoes(make_editor, qtbot, niujie: Form) -> None:
    editor = make_editor(niujie)
    tab = output_tab(editor)
    tab.ui.rowsView.selectRow(1)
    edit = tab.ui.contentEdit
    before = niujie.indicators[1].content
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    with qtbot.waitSignal(editor.edited):
        type_text(edit, "\n6.全年开展活动不少于4场。")
    assert niujie.indicators[1].content == before + "\n6.全年开展活动不少于4场。"
    assert niujie.indicators[0].content != niujie.indicators[1].content
    assert editor.undo_stack().count() == 1     # one step for the whole visit
    # The table cell follows.
    assert tab.model.index(1, 1).data(Qt.ItemDataRole.EditRole).endswith("不少于4场。")
    # Undo from another row: the row is shown again, the text restored.
    tab.ui.rowsView.selectRow(0)
    editor.undo_stack().undo()
    assert niujie.indicators[1].content == before
    assert tab.current_indicator() == 1
    assert edit.toPlainText() == before
    editor.undo_stack().redo()
    assert edit.toPlainText().endswith("不少于4场。")


def test_text_box_own_undo_is_off(make_editor, niujie: Form) -> None:
    editor = make_editor(niujie)
    tab = output_tab(editor)
    assert not tab.ui.contentEdit.isUndoRedoEnabled()
    assert not editor.goals_tab.ui.textEdit.isUndoRedoEnabled()


def test_name_edited_in_the_table(make_editor, niujie: Form) -> None:
    editor = make_editor(niujie)
    tab = output_tab(editor)
    model = tab.model
    assert model.setData(model.index(0, 0), "产出指标一：坚持党建引领")
    assert niujie.indicators[0].name == "产出指标一：坚持党建引领"
    assert "坚持党建引领）" in tab.ui.contentLabel.text()
    editor.undo_stack().undo()
    assert niujie.indicators[0].name == "产出指标一：坚持党建引领，提升基层治理能力"
    assert model.index(0, 0).data() == niujie.indicators[0].name


def ordinals(form: Form) -> list[str]:
    return [name[:5] for name in names(form)]


def test_numbered_add_move_remove_keep_the_numbers_running(make_editor, niujie: Form) -> None:
    """Layout B: 添加行 appends 六 at the end whatever is selected; moving and removing renumber."""
    editor = make_editor(niujie)
    tab = output_tab(editor)
    original = names(niujie)
    stack = editor.undo_stack()
    assert ordinals(niujie) == ["产出指标一", "产出指标二", "产出指标三", "产出指标四", "产出指标五"]

    tab.ui.rowsView.selectRow(0)  # the clerk is on row 一 and clicks 添加行
    tab.ui.addRowButton.click()
    assert names(niujie) == [*original, "产出指标六："]  # at the end: no 一、六、二
    assert tab.current_indicator() == 5
    assert tab.model.rowCount() == 6

    tab.ui.moveUpButton.click()  # the new row moves above 五: the numbers follow the order
    assert names(niujie)[4] == "产出指标五：" and names(niujie)[5] == "产出指标六" + original[4][5:]
    assert tab.current_indicator() == 4

    tab.ui.rowsView.selectRow(0)
    tab.ui.removeRowButton.click()  # 删除行 leaves no gap
    assert ordinals(niujie) == ["产出指标一", "产出指标二", "产出指标三", "产出指标四", "产出指标五"]
    assert names(niujie)[0] == "产出指标一" + original[1][5:]  # the clerk's text after the number stays
    assert len(niujie.indicators) == 5

    stack.undo()   # remove
    assert names(niujie)[0] == original[0]
    assert tab.current_indicator() == 0
    stack.undo()   # move
    assert names(niujie) == [*original, "产出指标六："]
    stack.undo()   # add
    assert names(niujie) == original
    assert tab.model.rowCount() == 5
    stack.redo()
    stack.redo()
    stack.redo()
    assert len(niujie.indicators) == 5 and ordinals(niujie)[3] == "产出指标四"
    assert [tab.model.index(r, 0).data() for r in range(5)] == names(niujie)


def test_renumber_mends_numbers_typed_out_of_order(make_editor, niujie: Form) -> None:
    editor = make_editor(niujie)
    tab = output_tab(editor)
    niujie.indicators[1].name = "产出指标六：" + niujie.indicators[1].name[6:]
    editor.set_form(niujie)
    tab = output_tab(editor)
    assert tab.ui.renumberButton.isEnabled()
    tab.ui.renumberButton.click()
    assert ordinals(niujie)[:3] == ["产出指标一", "产出指标二", "产出指标三"]
    assert not tab.ui.renumberButton.isEnabled()
    editor.undo_stack().undo()
    assert names(niujie)[1].startswith("产出指标六")


def test_add_row_in_an_empty_category_goes_after_the_outputs(make_editor, niujie: Form) -> None:
    editor = make_editor(niujie)
    tab = output_tab(editor, Category.OUTCOME)
    assert tab.model.rowCount() == 0
    assert "添加行" in tab.ui.contentEdit.placeholderText()
    tab.ui.addRowButton.click()
    assert names(niujie)[-1] == "效果指标一："
    assert tab.model.rowCount() == 1
    satisfaction = output_tab(editor, Category.SATISFACTION)
    satisfaction.ui.addRowButton.click()
    assert names(niujie)[-1] == "满意度指标一："
    commit_text(satisfaction.ui.contentEdit, "服务对象满意度≥90%")
    assert niujie.indicators[-1].content == "服务对象满意度≥90%"


def test_renaming_a_row_moves_it_to_its_category(make_editor, niujie: Form) -> None:
    editor = make_editor(niujie)
    tab = output_tab(editor)
    tab.model.setData(tab.model.index(4, 0), "社会效益指标：民族团结")
    assert "其他指标" in [editor.tab_widget().tabText(i) for i in range(editor.tab_widget().count())]
    assert tab.model.rowCount() == 4
    editor.undo_stack().undo()
    assert tab.model.rowCount() == 5
    assert editor.category_tab(Category.OTHER) is None


def test_standard_layout_has_no_row_operations(make_editor, jinrongjie: Form) -> None:
    editor = make_editor(jinrongjie)
    tab = output_tab(editor)
    assert not tab.ui.rowButtons.isVisible()
    assert not tab.model.setData(tab.model.index(0, 0), "改名")
    assert jinrongjie.indicators[0].name == "产出指标-产出数量指标"


def test_new_numbered_form(make_editor) -> None:
    form = new_form(Layout.NUMBERED, 2024, "测试单位")
    editor = make_editor(form)
    tab = output_tab(editor)
    assert tab.model.rowCount() == 1
    tab.ui.addRowButton.click()
    assert names(form) == ["产出指标一：", "产出指标二："]


def test_renaming_through_the_view_editor(make_editor, qtbot, niujie: Form) -> None:
    editor = make_editor(niujie)
    tab = output_tab(editor)
    view = tab.ui.rowsView
    index = tab.model.index(4, 0)
    view.setCurrentIndex(index)
    view.edit(index)
    line = view.findChild(QLineEdit)
    assert isinstance(line, QLineEdit)
    line.selectAll()
    type_text(line, "满意度指标一：居民满意度")
    press_key(line, Qt.Key.Key_Return)   # the delegate commits on a queued call
    qtbot.waitUntil(lambda: niujie.indicators[4].name == "满意度指标一：居民满意度")
    assert tab.model.rowCount() == 4
    satisfaction = editor.category_tab(Category.SATISFACTION)
    assert satisfaction.model.rowCount() == 1
    assert editor.undo_stack().count() == 1
