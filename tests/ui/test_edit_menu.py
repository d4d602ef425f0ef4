"""The 编辑 and 帮助 menus as a clerk uses them: 查找/替换, 剪切/复制/粘贴/全选, zoom, F1."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from jixiao_desktop.domain.checks import RULES
from jixiao_desktop.domain.form_search import find_matches, replaced
from jixiao_desktop.domain.model import Form
from tests.ui.test_window import MakeWindow, open_stored


def test_find_and_replace_rules() -> None:
    assert replaced("甲乙甲", "甲", "丙") == "丙乙丙"
    assert replaced("甲乙甲", "甲", "丙", 2) == "甲乙丙"
    assert replaced("Abc abc", "ABC", "x") == "x x"


def test_ctrl_f_finds_in_every_field_and_ctrl_h_replaces_all_in_one_undo_step(
        make_window: MakeWindow, jinrongjie: Form) -> None:
    window, _ = open_stored(make_window, jinrongjie)
    assert window.editor is not None
    assert window.ui.actionFind.shortcut().toString() == "Ctrl+F"
    assert window.ui.actionReplace.shortcut().toString() == "Ctrl+H"
    assert window.ui.actionHistory.shortcut().toString() == "Ctrl+Shift+H"  # history moved off Ctrl+H
    window.ui.actionFind.trigger()
    dialog = window.edit_tools._find
    assert dialog is not None and dialog.isVisible()
    expected = find_matches(jinrongjie, "社区")
    assert len(expected) > 1
    dialog.find_edit.setText("社区")
    first = dialog.find_next()
    assert first == expected[0] and "共" in dialog.status.text()
    focused = window.focusWidget()  # the field of the first match, its text selected
    selected = focused.textCursor().selectedText() if hasattr(focused, "textCursor") else focused.selectedText()
    assert selected == "社区"
    assert dialog.find_next() == expected[1]

    window.ui.actionReplace.trigger()
    dialog.replace_edit.setText("小区")
    count = dialog.replace_all()
    assert count == len(expected)
    form = window.editor.form()
    assert find_matches(form, "社区") == [] and len(find_matches(form, "小区")) >= count
    window.editor.undo_stack().undo()  # one step brings every one back
    assert len(find_matches(window.editor.form(), "社区")) == len(expected)


def test_copy_and_paste_from_the_edit_menu(make_window: MakeWindow, jinrongjie: Form) -> None:
    window, _ = open_stored(make_window, jinrongjie)
    assert window.editor is not None and window.editor.focus_field("department")
    box = window.focusWidget()
    assert isinstance(box, QLineEdit)
    window.ui.actionSelectAll.trigger()
    assert box.selectedText() == jinrongjie.department
    window.ui.actionCopy.trigger()
    assert QApplication.clipboard().text() == jinrongjie.department
    assert window.editor.focus_field("funds.total")
    total = window.focusWidget()
    assert isinstance(total, QLineEdit)
    QApplication.clipboard().setText("40000")
    total.selectAll()
    window.ui.actionPaste.trigger()
    assert total.text() == "40000"


def test_ctrl_wheel_zooms_the_editor_and_is_remembered(qtbot: Any, make_window: MakeWindow, jinrongjie: Form) -> None:
    window, _ = open_stored(make_window, jinrongjie)
    editor = window.editor
    assert editor is not None
    before = editor.font().pointSizeF()
    target = editor.basic_tab.ui.departmentEdit
    event = QWheelEvent(QPointF(5, 5), QPointF(target.mapToGlobal(QPoint(5, 5))), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase,
                        False)
    QApplication.sendEvent(target, event)
    assert editor.font().pointSizeF() == before + 1
    assert window.settings.editor_zoom() == 1
    window.ui.actionZoomReset.trigger()
    assert editor.font().pointSizeF() == before


def test_zoom_reaches_the_text_the_clerk_types_in(qtbot: Any, make_window: MakeWindow, jinrongjie: Form) -> None:
    """放大文字 makes the fields bigger, not only the editor's own font (its style sheet once stopped it)."""
    window, _ = open_stored(make_window, jinrongjie)
    editor = window.editor
    assert editor is not None
    fields = [editor.basic_tab.ui.departmentEdit, editor.goals_tab.ui.textEdit]
    before = [w.fontInfo().pixelSize() for w in fields]
    window.ui.actionZoomIn.trigger()
    window.ui.actionZoomIn.trigger()
    after = [w.fontInfo().pixelSize() for w in fields]
    assert all(a > b for a, b in zip(after, before, strict=True)), (before, after)
    window.ui.actionZoomReset.trigger()
    assert [w.fontInfo().pixelSize() for w in fields] == before
    # Remembered for the next window.
    window.ui.actionZoomIn.trigger()
    window.close()
    second = make_window()
    assert second.settings.editor_zoom() == 1


def test_f1_explains_the_instructions_and_every_check(make_window: MakeWindow, monkeypatch: Any) -> None:
    from jixiao_desktop.ui.dialogs import help as help_module

    shown: list[str] = []
    monkeypatch.setattr(help_module.HelpDialog, "exec", lambda self: shown.append(self.browser.toPlainText()) or 0)
    window = make_window()
    assert window.ui.actionHelp.shortcut().toString() == "F1"
    window.ui.actionHelp.trigger()
    assert shown, "F1 shows the help"
    text = shown[0]
    assert "填制说明" in text and "产出目标应量化" in text
    for info in RULES.values():
        assert info.title in text, info.rule


def test_amounts_are_right_aligned(make_window: MakeWindow, jinrongjie: Form) -> None:
    from jixiao_desktop.domain.model import FundSource

    jinrongjie.funds.sources = [FundSource("财政拨款", "39985.49")]
    window, _ = open_stored(make_window, jinrongjie)
    assert window.editor is not None
    ui = window.editor.basic_tab.ui
    for edit in (ui.totalEdit, ui.basicEdit, ui.projectEdit):
        assert edit.alignment() & Qt.AlignmentFlag.AlignRight
    model = window.editor.basic_tab.sources_model
    assert int(model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole)) & int(Qt.AlignmentFlag.AlignRight)
