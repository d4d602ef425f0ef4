"""The 基本信息与资金 tab: amounts as typed, the live sum line, the fix button, undo/redo."""

from __future__ import annotations

from PySide6.QtCore import Qt

from jixiao_desktop.domain.model import Form
from tests.ui.helpers import commit_text, press_backspace, press_key, type_text


def test_typing_basic_changes_the_form_and_shows_the_mismatch(make_editor, qtbot, jinrongjie: Form) -> None:
    editor = make_editor(jinrongjie)
    ui = editor.basic_tab.ui
    ui.basicEdit.setFocus()
    ui.basicEdit.end(False)
    with qtbot.waitSignal(editor.edited):
        press_backspace(ui.basicEdit)          # 9344.54 → 9344.5
    qtbot.keyClicks(ui.basicEdit, "5")        # → 9344.55 (ASCII digits may use keyClicks)
    assert jinrongjie.funds.basic == "9344.55"
    assert "39985.50" in ui.sumLabel.text() and "不一致" in ui.sumLabel.text()
    assert "相差 0.01 万元" in ui.sumLabel.text()
    assert ui.fixTotalButton.isVisible()
    assert ui.fixTotalButton.text() == "将资金总额改为 39985.50"

    ui.fixTotalButton.click()
    assert jinrongjie.funds.total == "39985.50"
    assert ui.totalEdit.text() == "39985.50"
    assert "一致" in ui.sumLabel.text() and "不一致" not in ui.sumLabel.text()
    assert not ui.fixTotalButton.isVisible()

    stack = editor.undo_stack()
    stack.undo()                                # the fix
    assert jinrongjie.funds.total == "39985.49" and ui.totalEdit.text() == "39985.49"
    assert "不一致" in ui.sumLabel.text()
    stack.undo()                                # the typing (both keys: one step)
    assert jinrongjie.funds.basic == "9344.54" and ui.basicEdit.text() == "9344.54"
    assert "一致" in ui.sumLabel.text() and "不一致" not in ui.sumLabel.text()
    assert not stack.canUndo()
    stack.redo()
    assert jinrongjie.funds.basic == "9344.55" and ui.basicEdit.text() == "9344.55"
    stack.redo()
    assert jinrongjie.funds.total == "39985.50"


def test_unreadable_amount_shows_the_reason_and_is_kept(make_editor, jinrongjie: Form) -> None:
    editor = make_editor(jinrongjie)
    ui = editor.basic_tab.ui
    ui.projectEdit.selectAll()
    type_text(ui.projectEdit, "三万元")
    assert jinrongjie.funds.project == "三万元"
    assert "不是数字金额" in ui.projectHint.text()
    assert "项目支出未填写或无法识别" in ui.sumLabel.text()
    assert not ui.fixTotalButton.isVisibleTo(editor)


def test_editing_finished_canonicalises_as_its_own_step(make_editor, niujie: Form) -> None:
    editor = make_editor(niujie)
    ui = editor.basic_tab.ui
    ui.totalEdit.setFocus()
    ui.totalEdit.selectAll()
    commit_text(ui.totalEdit, "２２,００１.４９")   # full-width digits from an IME
    assert niujie.funds.total == "２２,００１.４９"
    assert "读作 22001.49" in ui.totalHint.text()
    press_key(ui.totalEdit, Qt.Key.Key_Return)     # editingFinished
    assert niujie.funds.total == "22001.49"
    assert ui.totalEdit.text() == "22001.49"
    assert ui.totalHint.text() == ""
    editor.undo_stack().undo()
    assert niujie.funds.total == "２２,００１.４９"


def test_opening_a_form_never_rewrites_an_amount(make_editor, niujie: Form) -> None:
    editor = make_editor(niujie)
    ui = editor.basic_tab.ui
    ui.totalEdit.setFocus()
    press_key(ui.totalEdit, Qt.Key.Key_Return)   # focus in and out without typing
    ui.departmentEdit.setFocus()
    assert niujie.funds.total == "22,001.49"
    assert editor.undo_stack().count() == 0


def test_department_typed_in_chinese_and_year(make_editor, qtbot, jinrongjie: Form) -> None:
    editor = make_editor(jinrongjie)
    ui = editor.basic_tab.ui
    ui.departmentEdit.selectAll()
    type_text(ui.departmentEdit, "北京市西城区牛街街道")
    assert jinrongjie.department == "北京市西城区牛街街道"
    assert editor.undo_stack().count() == 1            # merged keystrokes
    ui.yearSpin.setValue(2022)
    assert jinrongjie.year == 2022
    ui.yearSpin.setValue(ui.yearSpin.minimum())        # 未填写
    assert jinrongjie.year is None
    assert ui.yearSpin.text() == "未填写"
    editor.undo_stack().undo()
    assert jinrongjie.year == 2021 and ui.yearSpin.value() == 2021


def test_ctrl_z_in_a_field_uses_the_editor_stack(make_editor, qtbot, jinrongjie: Form) -> None:
    editor = make_editor(jinrongjie)
    ui = editor.basic_tab.ui
    ui.departmentEdit.setFocus()
    ui.departmentEdit.end(False)
    type_text(ui.departmentEdit, "（测试）")
    assert jinrongjie.department.endswith("（测试）")
    qtbot.keyClick(ui.departmentEdit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert jinrongjie.department == "北京市西城区人民政府金融街街道办事处"
    assert ui.departmentEdit.text() == jinrongjie.department
    assert editor.undo_stack().canRedo()


def test_department_suggestions_complete(make_editor, jinrongjie: Form) -> None:
    editor = make_editor(jinrongjie)
    editor.set_department_suggestions(["北京市西城区人民政府牛街街道办事处", "北京市西城区人民政府金融街街道办事处"])
    completer = editor.basic_tab.department_completer()
    completer.setCompletionPrefix("牛街")
    assert completer.completionCount() == 1
    assert completer.currentCompletion() == "北京市西城区人民政府牛街街道办事处"


def test_sources_block_toggles_with_undo(make_editor, jinrongjie: Form) -> None:
    editor = make_editor(jinrongjie)
    ui = editor.basic_tab.ui
    assert not ui.sourcesPanel.isVisible()
    ui.sourcesCheck.click()
    assert [s.name for s in jinrongjie.funds.sources] == ["财政拨款", "其他资金"]
    assert ui.sourcesPanel.isVisible()
    model = editor.basic_tab.sources_model
    assert model.rowCount() == 2
    assert model.setData(model.index(0, 1), "30000")
    assert model.setData(model.index(1, 1), "9985.49")
    assert jinrongjie.funds.sources[1].amount == "9985.49"
    assert "资金来源合计：39985.49 万元，与资金总额一致" in ui.sourcesSumLabel.text()
    assert model.setData(model.index(1, 1), "9985.48")
    assert "不一致" in ui.sourcesSumLabel.text()
    ui.addSourceButton.click()
    assert len(jinrongjie.funds.sources) == 3
    # an empty new row is not counted, as in the checks: the label still speaks of the two amounts
    assert "39985.48 万元" in ui.sourcesSumLabel.text() and "第3行" not in ui.sourcesSumLabel.text()
    assert model.setData(model.index(2, 1), "abc")
    assert "第3行金额无法识别" in ui.sourcesSumLabel.text()
    stack = editor.undo_stack()
    stack.undo()                                  # amount of line 3
    stack.undo()                                  # add line
    assert len(jinrongjie.funds.sources) == 2
    ui.sourcesCheck.click()                       # off
    assert jinrongjie.funds.sources is None
    assert not ui.sourcesPanel.isVisible()
    stack.undo()
    assert jinrongjie.funds.sources[1].amount == "9985.48"
    assert ui.sourcesCheck.isChecked()
