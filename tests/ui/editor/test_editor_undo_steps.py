"""How keystrokes merge into undo steps."""

from __future__ import annotations

from jixiao_desktop.domain.model import Form
from tests.ui.helpers import press_backspace, type_text


def test_leaving_a_field_starts_a_new_undo_step(make_editor, jinrongjie: Form) -> None:
    editor = make_editor(jinrongjie)
    edit = editor.notes_tab.ui.textEdit
    before = jinrongjie.other_notes
    editor.tab_widget().setCurrentWidget(editor.notes_tab)
    edit.setFocus()
    type_text(edit, "甲")
    type_text(edit, "乙")
    assert editor.undo_stack().count() == 1
    editor.basic_tab.ui.departmentEdit.setFocus()
    editor.break_merge()  # what a focus-out does (offscreen focus events are not guaranteed)
    edit.setFocus()
    type_text(edit, "丙")
    assert editor.undo_stack().count() == 2
    assert jinrongjie.other_notes == "甲乙丙" + before
    editor.undo_stack().undo()
    assert jinrongjie.other_notes == "甲乙" + before
    assert edit.toPlainText() == "甲乙" + before
    editor.undo_stack().undo()
    assert jinrongjie.other_notes == before


def test_typing_back_to_the_original_leaves_no_step(make_editor, jinrongjie: Form) -> None:
    editor = make_editor(jinrongjie)
    edit = editor.basic_tab.ui.departmentEdit
    edit.setFocus()
    edit.end(False)
    type_text(edit, "甲")
    press_backspace(edit)
    assert jinrongjie.department == "北京市西城区人民政府金融街街道办事处"
    assert not editor.undo_stack().canUndo()
