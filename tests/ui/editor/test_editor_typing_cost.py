"""What a keystroke touches (issue 20): the lines that follow the typing stay right, and typing
no longer lays out the whole window or re-marks fields whose findings did not change.

No timings here (benchmarks/bench_keystroke.py measures them): these tests count what Qt is
asked to do — a layout request climbing to the window, a field restyled — and fail if the cheap
path is removed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from jixiao_desktop.domain.checks import run_checks
from jixiao_desktop.domain.model import Category, Form
from jixiao_desktop.ui.editor import FormEditor


class LayoutRequests(QObject):
    """Counts the layout requests a widget receives."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__()
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def type_into_goals(editor: FormEditor, text: str) -> None:
    edit = editor.goals_tab.ui.textEdit
    cursor = edit.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    edit.setTextCursor(cursor)
    edit.insertPlainText(text)


def test_typing_updates_the_count_without_laying_out_the_editor(
        make_editor: Callable[..., FormEditor], jinrongjie: Form, qtbot: Any) -> None:
    editor = make_editor(jinrongjie)
    editor.focus_field("goals")
    type_into_goals(editor, "，")  # the count has its room now (a longer count may ask for more)
    QApplication.processEvents()
    requests = LayoutRequests(editor.goals_tab)  # where the count's layout lives
    for ch in "加强管理":
        type_into_goals(editor, ch)
        QApplication.processEvents()
    goals = editor.form().goals
    assert goals.endswith("加强管理")
    label = editor.goals_tab.ui.countLabel
    non_blank = sum(1 for ch in goals if not ch.isspace())
    assert label.text() == f"共 {len(goals)} 字（不含空白 {non_blank} 字）"
    assert label.accessibleName() == label.text()  # read out by screen readers like a QLabel
    assert requests.count == 0  # a QLabel asks its layout (and all above it) again at every keystroke


def test_a_count_too_long_for_its_room_asks_for_room(make_editor: Callable[..., FormEditor],
                                                     jinrongjie: Form) -> None:
    editor = make_editor(jinrongjie)
    editor.focus_field("goals")
    QApplication.processEvents()
    label = editor.goals_tab.ui.countLabel
    before = label.width()
    label.setText("共" * 200)
    QApplication.processEvents()
    assert label.width() > before or label.width() >= editor.goals_tab.width() - 40


def test_fields_are_remarked_only_when_their_findings_change(
        make_editor: Callable[..., FormEditor], jinrongjie: Form, monkeypatch: Any) -> None:
    editor = make_editor(jinrongjie)
    editor.set_findings(run_checks(editor.form()))
    output = editor.category_tab(Category.OUTPUT)
    assert output is not None
    remarked: list[str] = []
    for tab in [editor.basic_tab, editor.goals_tab, output]:
        original = tab.set_marks
        monkeypatch.setattr(tab, "set_marks",
                            lambda marks, tab=tab, original=original: (remarked.append(type(tab).__name__),
                                                                        original(marks)))
    editor.set_findings(run_checks(editor.form()))  # the same findings: nothing to re-mark
    assert remarked == []

    editor.set_text("funds.basic", editor.form().funds.basic + "1")  # 基本支出 + 项目支出 ≠ 资金总额
    findings = run_checks(editor.form())
    assert any(f.field.startswith("funds.") for f in findings)
    editor.set_findings(findings)
    assert remarked == ["BasicTab"]  # the rows keep their marks untouched
    assert editor.basic_tab.ui.basicEdit.property("finding") in ("error", "warning")
    first = output.model.index(0, 1)
    assert output.model.data(first, 0)  # the rows tab still reads the marks it shares
