"""The review round trip: the unit sends its form, the bureau collects it and writes 审核意见,
exports the review file; the unit imports it and its window shows each comment beside the field."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from jixiao_desktop import cli
from jixiao_desktop.domain import exchange, review
from jixiao_desktop.domain.model import Form
from jixiao_desktop.storage.repository import FormRepository
from jixiao_desktop.ui import msgbox
from jixiao_desktop.ui.bureau import hooks
from jixiao_desktop.ui.bureau.review_dialog import ReviewDialog
from jixiao_desktop.ui.bureau.window import BureauWindow
from jixiao_desktop.ui.checks_panel import finding_heading
from jixiao_desktop.ui.editor.marks import REVIEW_COLOR


def test_review_file_round_trip(qtbot: Any, make_window: Any, messages: Any, db_path: Path, tmp_path: Path,
                                niujie: Form, capsys: Any) -> None:
    # The unit: its form in its own database, exported as the file it e-mails to the bureau.
    with FormRepository.open(db_path) as repo:
        form_id = repo.create(niujie)
    sent = tmp_path / "牛街.jixiao.json"
    assert cli.main(["export-db", str(form_id), str(sent), "--db", str(db_path)]) in (0, 1)
    # The bureau: collect, review, export the review file.
    bureau_db = str(tmp_path / "财政局" / "bureau.db")
    assert cli.main(["collect", str(sent), "--db", bureau_db]) == 0
    capsys.readouterr()
    bureau = BureauWindow(bureau_db, author="西城区财政局 张三")
    qtbot.addWidget(bureau)
    dialog = ReviewDialog(bureau.store, bureau.model.row_at(0).id, author="张三", parent=bureau)
    qtbot.addWidget(dialog)
    dialog.field_combo.setCurrentIndex(dialog.field_combo.findData("funds.total"))
    dialog._add_field_line()
    dialog.comment_edit.setPlainText("资金总额与预算批复不一致，请核实")
    assert dialog.save_current()
    review_file = tmp_path / "牛街.jixiao-review.json"
    assert dialog.export_review(review_file)
    bureau.close()

    # The unit imports it: the comment is stored with its form and shown beside 资金总额.
    window = make_window()
    assert hooks.import_review(window, review_file), messages.shown
    shown = [f for f in window.checks_panel.model.findings() if f.rule == "review.comment"]
    assert [(f.field, f.message) for f in shown] == [
        ("funds.total", "财政局审核意见：资金总额与预算批复不一致，请核实（张三）")]
    # In the list: headed 审核意见, with the teal of the field's mark down its left edge.
    assert finding_heading(shown[0]) == "审核意见 · 资金总额"
    view = window.checks_panel.ui.findingsView
    rect = view.visualRect(window.checks_panel.model.index(0))
    assert view.grab().toImage().pixelColor(view.viewport().x() + rect.left() + 1,
                                            view.viewport().y() + rect.center().y()) == REVIEW_COLOR
    total = window.editor.basic_tab.ui.totalEdit
    assert total.property("review") == "true"  # the teal mark on 资金总额 (tests/ui/editor/test_editor_review_marks.py)
    assert "资金总额与预算批复不一致" in total.toolTip()
    # Clicking the comment in the list goes to the field.
    window.editor.tab_widget().setCurrentWidget(window.editor.goals_tab)
    window.findings.focus(shown[0])
    assert window.editor.tab_widget().currentWidget() is window.editor.basic_tab
    # A later review of the same form replaces the earlier one: the mark moves with the comments.
    later = review.loads(review_file.read_text(encoding="utf-8"))
    second = tmp_path / "牛街-复审.jixiao-review.json"
    second.write_text(review.dumps(replace(later, comments=[review.Comment(field="goals", text="目标请量化")])),
                      encoding="utf-8")
    assert hooks.import_review(window, second), messages.shown
    assert total.property("review") == "" and "资金总额与预算批复不一致" not in total.toolTip()
    assert window.editor.goals_tab.ui.textEdit.property("review") == "true"
    # Kept: reopening the form shows it again.
    window.close()
    again = make_window()
    assert again.open_form(form_id)
    assert any(f.rule == "review.comment" for f in again.checks_panel.model.findings())


def test_a_review_file_for_another_form_is_refused(make_window: Any, messages: Any, tmp_path: Path) -> None:
    window = make_window()
    path = tmp_path / "别人的.jixiao-review.json"
    path.write_text('{"format": "jixiao-review", "format_version": 1, "form": {"id": "x", "revision": 1,'
                    ' "department": "某单位", "year": 2025}, "comments": []}', encoding="utf-8")
    assert not hooks.import_review(window, path)
    [(kind, _title, text, _)] = messages.shown
    assert kind is msgbox.Kind.ERROR and "别人的.jixiao-review.json" in text and "某单位" in text
    messages.shown.clear()
    bad = tmp_path / "坏.jixiao-review.json"
    bad.write_text(exchange.dumps(Form()), encoding="utf-8")
    assert not hooks.import_review(window, bad)
    assert "这是申报表文件，不是审核意见文件" in messages.shown[0][2]


def test_the_clerks_window_on_sqlite_and_on_a_database_server(qtbot: Any, messages: Any, db_target: str,
                                                                jinrongjie: Form) -> None:
    from jixiao_desktop.app import create_application
    from jixiao_desktop.ui.main_window import MainWindow
    from jixiao_desktop.ui.settings import Settings

    with FormRepository.open(db_target) as repo:
        form_id = repo.create(jinrongjie)
    create_application()
    window = MainWindow(Settings(), db_target)
    qtbot.addWidget(window)
    window.show()
    window.finish_startup()
    assert window.is_ready, messages.shown
    assert window.form_list.model.row_of(form_id) == 0
    assert window.open_form(form_id)
    assert window.session is not None
    window.editor.form().goals = "在窗口中修改"
    window.session.touch()  # what an edit in the editor does
    assert window.session.save(), window.session.last_error
    window.close()
    with FormRepository.open(db_target) as repo:
        assert repo.load(form_id).form.goals == "在窗口中修改"
