"""The main window as a clerk uses it: type, see findings, save, reopen, 定稿, import."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from jixiao_desktop.domain.findings import Finding, Severity
from jixiao_desktop.domain.model import Form, FormStatus
from jixiao_desktop.storage.repository import FormRepository, StorageError
from jixiao_desktop.ui import msgbox
from jixiao_desktop.ui.main_window import MainWindow
from tests.conftest import FIXTURES
from tests.ui.conftest import Messages

MakeWindow = Callable[[], MainWindow]


# --- helpers -----------------------------------------------------------------------------


def open_stored(make_window: MakeWindow, form: Form) -> tuple[MainWindow, int]:
    window = make_window()
    assert window.repo is not None
    form_id = window.repo.create(form)
    window.refresh_form_list()
    assert window.open_form(form_id)
    return window, form_id


def field_widget(window: MainWindow, path: str) -> QWidget:
    """The input box the editor shows for ``path`` (focused through the editor's contract)."""
    assert window.editor is not None
    assert window.editor.focus_field(path), path
    widget = window.focusWidget()
    assert widget is not None
    return widget


def type_ascii(qtbot: Any, window: MainWindow, path: str, text: str, *, replace: bool = True) -> QWidget:
    widget = field_widget(window, path)
    if replace and isinstance(widget, QLineEdit):
        widget.selectAll()
    elif isinstance(widget, QPlainTextEdit):
        qtbot.keyClick(widget, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)
    return widget


def shown(window: MainWindow) -> list[Finding]:
    return window.checks_panel.model.findings()


def has(window: MainWindow, rule: str, field: str | None = None, acknowledged: bool | None = None) -> bool:
    return any(f.rule == rule and (field is None or f.field == field)
               and (acknowledged is None or f.acknowledged == acknowledged) for f in shown(window))


def stored(db_path: Path, form_id: int) -> Any:
    repo = FormRepository.open(db_path)
    try:
        return repo.load(form_id)
    finally:
        repo.close()


# --- findings ----------------------------------------------------------------------------


def test_typing_into_funds_raises_and_clears_sum_mismatch(qtbot: Any, make_window: MakeWindow,
                                                          jinrongjie: Form) -> None:
    window, _ = open_stored(make_window, jinrongjie)
    assert not has(window, "funds.sum_mismatch")
    assert "错误 0" in window.counts_label.text()

    type_ascii(qtbot, window, "funds.basic", "9344.55")
    qtbot.waitUntil(lambda: has(window, "funds.sum_mismatch"))
    assert "错误 1" in window.counts_label.text()
    finding = next(f for f in shown(window) if f.rule == "funds.sum_mismatch")
    assert finding.severity is Severity.ERROR and "0.01" in finding.message

    type_ascii(qtbot, window, "funds.basic", "9344.54")
    qtbot.waitUntil(lambda: not has(window, "funds.sum_mismatch"))
    assert "错误 0" in window.counts_label.text()


def test_clicking_a_finding_focuses_its_field(qtbot: Any, make_window: MakeWindow, jinrongjie: Form) -> None:
    window, _ = open_stored(make_window, jinrongjie)
    goals = field_widget(window, "goals")
    panel = window.checks_panel
    row = next(i for i, f in enumerate(shown(window)) if f.rule == "text.unbalanced_quotes")
    view = panel.ui.findingsView
    view.scrollTo(panel.model.index(row))
    rect = view.visualRect(panel.model.index(row))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    focused = window.focusWidget()
    assert focused is not goals
    assert focused is field_widget(window, "indicators[0].content")
    assert "“我们的节日" in focused.toPlainText()  # type: ignore[attr-defined]


def test_findings_panel_lists_icon_label_and_chinese_message(make_window: MakeWindow, niujie: Form) -> None:
    window, _ = open_stored(make_window, niujie)
    model = window.checks_panel.model
    rules = {f.rule for f in shown(window)}
    assert {"indicators.outcome_missing", "text.duplicate_passage", "text.numbering_broken"} <= rules
    index = model.index(0)
    assert not index.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert any("\u4e00" <= ch <= "\u9fff" for ch in index.data(Qt.ItemDataRole.DisplayRole))
    assert window.checks_panel.ui.summaryLabel.text().startswith("错误 0 / 警告")
    # Each finding is headed by the row as the clerk knows it (产出指标四), not by a row count.
    from jixiao_desktop.ui.checks_panel import Role

    numbering = next(row for row in range(model.rowCount())
                     if model.index(row).data(Role.FINDING).field == "indicators[3].content")
    heading = model.index(numbering).data(Role.HEADING)
    assert "产出指标四的指标内容" in heading and "第4行" not in heading


# --- saving ------------------------------------------------------------------------------


def test_autosave_writes_the_database_and_a_new_window_reopens_it(
        qtbot: Any, make_window: MakeWindow, jinrongjie: Form, db_path: Path) -> None:
    from tests.ui.helpers import type_text

    window, form_id = open_stored(make_window, jinrongjie)
    widget = field_widget(window, "goals")
    qtbot.keyClick(widget, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_text(widget, "补充：全年服务居民不少于两万人次。")
    assert window.session is not None and window.session.dirty
    qtbot.waitUntil(lambda: not window.session.dirty, timeout=5000)  # type: ignore[union-attr]
    assert stored(db_path, form_id).form.goals.endswith("补充：全年服务居民不少于两万人次。")
    assert window.saved_label.text().startswith("已保存 ")

    window.close()
    again = make_window()
    assert again.session is not None and again.session.form_id == form_id
    assert again.editor is not None
    assert again.editor.form().goals.endswith("补充：全年服务居民不少于两万人次。")
    assert field_widget(again, "goals").toPlainText().endswith("两万人次。")  # type: ignore[attr-defined]


def test_closing_saves_without_asking(qtbot: Any, make_window: MakeWindow, messages: Messages,
                                      jinrongjie: Form, db_path: Path) -> None:
    window, form_id = open_stored(make_window, jinrongjie)
    type_ascii(qtbot, window, "funds.project", "30640.96")
    assert window.session is not None and window.session.dirty
    assert window.close()
    assert messages.shown == []
    assert stored(db_path, form_id).form.funds.project == "30640.96"


def test_ctrl_s_records_a_snapshot(qtbot: Any, make_window: MakeWindow, jinrongjie: Form) -> None:
    window, form_id = open_stored(make_window, jinrongjie)
    type_ascii(qtbot, window, "funds.total", "39985.50")
    window.ui.actionSave.trigger()
    assert window.repo is not None
    snapshots = window.repo.list_snapshots(form_id)
    assert len(snapshots) == 1
    assert window.repo.load_snapshot(snapshots[0].id).funds.total == "39985.50"
    assert window.ui.actionSave.shortcut().toString() == "Ctrl+S"


def test_a_storage_failure_keeps_the_typing_and_retries(qtbot: Any, make_window: MakeWindow,
                                                        jinrongjie: Form, db_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    window, form_id = open_stored(make_window, jinrongjie)
    assert window.repo is not None and window.session is not None

    def disk_full(*_: object) -> None:
        raise StorageError("磁盘空间已满，无法保存")

    working_save = window.repo.save
    monkeypatch.setattr(window.repo, "save", disk_full)
    type_ascii(qtbot, window, "funds.basic", "9000.25")
    qtbot.waitUntil(lambda: window.saved_label.text() == "未能保存", timeout=5000)
    assert "磁盘空间已满" in window.saved_label.toolTip()
    assert window.session.dirty and window.session.form is not None
    assert window.session.form.funds.basic == "9000.25"

    monkeypatch.setattr(window.repo, "save", working_save)  # the disk has room again
    assert window.session.save()
    assert stored(db_path, form_id).form.funds.basic == "9000.25"
    assert window.saved_label.text().startswith("已保存")


def test_typing_without_a_pause_is_still_saved_now_and_then(qtbot: Any, make_window: MakeWindow,
                                                            jinrongjie: Form, db_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """A clerk who never pauses for the autosave delay must not lose everything to a crash."""
    from jixiao_desktop.ui import session as session_module

    monkeypatch.setattr(session_module, "AUTOSAVE_MS", 200)
    monkeypatch.setattr(session_module, "AUTOSAVE_MAX_DELAY_S", 0.3)
    window, form_id = open_stored(make_window, jinrongjie)
    session = window.session
    assert session is not None and session.form is not None
    saves: list[object] = []
    session.saved.connect(saves.append)
    for _ in range(30):  # a keystroke every 50 ms, always inside the 200 ms pause
        session.form.goals += "。"
        session.touch()
        qtbot.wait(50)
    assert saves, "nothing was saved during 1.5 s of continuous typing"
    assert stored(db_path, form_id).form.goals.startswith(jinrongjie.goals + "。")


def test_undo_restores_the_previous_amount(qtbot: Any, make_window: MakeWindow, jinrongjie: Form) -> None:
    window, _ = open_stored(make_window, jinrongjie)
    assert window.editor is not None
    assert not window.ui.actionUndo.isEnabled()
    edit = type_ascii(qtbot, window, "funds.basic", "1.5")
    assert window.editor.form().funds.basic == "1.5"
    assert window.ui.actionUndo.isEnabled()
    assert window.ui.actionUndo.shortcut().toString() == "Ctrl+Z"

    window.ui.actionUndo.trigger()
    while window.editor.form().funds.basic != "9344.54" and window.ui.actionUndo.isEnabled():
        window.ui.actionUndo.trigger()  # typing may be merged into one command or several
    assert window.editor.form().funds.basic == "9344.54"
    assert edit.text() == "9344.54"  # type: ignore[attr-defined]
    window.ui.actionRedo.trigger()
    assert window.editor.form().funds.basic != "9344.54"


# --- 继承上年 -----------------------------------------------------------------------------


def test_copy_from_last_year_raises_stale_year_and_asks_to_review_funds(
        qtbot: Any, make_window: MakeWindow, jinrongjie: Form, db_path: Path) -> None:
    window = make_window()
    assert window.repo is not None
    old_id = window.repo.create(jinrongjie)
    window.refresh_form_list(old_id)
    new_id = window.form_actions.copy_from_last_year(window.form_list.selected_id())
    assert new_id is not None and new_id != old_id
    assert window.editor is not None and window.editor.form().year == 2022
    qtbot.waitUntil(lambda: has(window, "text.stale_year"))
    assert window.ui.fundsBanner.isVisibleTo(window)
    assert "资金数额沿用上年" in window.ui.fundsBannerLabel.text()

    qtbot.mouseClick(window.ui.fundsReviewedButton, Qt.MouseButton.LeftButton)
    assert not window.ui.fundsBanner.isVisibleTo(window)
    assert not stored(db_path, new_id).funds_need_review


# --- 定稿 ----------------------------------------------------------------------------------


def test_finalise_refuses_with_errors_and_locks_without(qtbot: Any, make_window: MakeWindow,
                                                        messages: Messages, jinrongjie: Form,
                                                        db_path: Path) -> None:
    window, form_id = open_stored(make_window, jinrongjie)
    type_ascii(qtbot, window, "funds.basic", "9344.55")
    qtbot.waitUntil(lambda: has(window, "funds.sum_mismatch"))

    assert not window.finalise()
    assert messages.of(msgbox.Kind.WARNING)[-1][1] == "还不能定稿"
    assert stored(db_path, form_id).status is FormStatus.DRAFT

    type_ascii(qtbot, window, "funds.basic", "9344.54")
    assert window.finalise()
    record = stored(db_path, form_id)
    assert record.status is FormStatus.FINAL and record.fingerprint
    assert record.fingerprint in window.fingerprint_label.text()
    assert record.fingerprint in window.ui.finalBannerLabel.text()
    assert window.editor is not None and window.editor.is_read_only()
    basic = field_widget(window, "funds.basic")
    assert basic.isReadOnly()  # type: ignore[attr-defined]
    assert not window.ui.actionFinalise.isEnabled()

    messages.text_answer = ""
    assert not window.unfinalise()  # a reason is required
    assert stored(db_path, form_id).status is FormStatus.FINAL
    messages.text_answer = "资金总额调整"
    assert window.unfinalise()
    assert stored(db_path, form_id).status is FormStatus.DRAFT
    assert not window.editor.is_read_only()
    assert window.repo is not None
    assert any("资金总额调整" in event.note for event in window.repo.history(form_id))


# --- 已知悉 --------------------------------------------------------------------------------


def test_acknowledgement_persists_and_lapses_when_the_text_changes(
        qtbot: Any, make_window: MakeWindow, jinrongjie: Form) -> None:
    window, _ = open_stored(make_window, jinrongjie)
    rule, field = "text.unbalanced_quotes", "indicators[0].content"
    panel = window.checks_panel
    panel.select_row(next(i for i, f in enumerate(shown(window)) if f.rule == rule and f.field == field))
    assert panel.ui.acknowledgeButton.isEnabled()
    qtbot.mouseClick(panel.ui.acknowledgeButton, Qt.MouseButton.LeftButton)
    assert has(window, rule, field, acknowledged=True)
    row = next(i for i, f in enumerate(shown(window)) if f.rule == rule)
    assert "已知悉" in panel.model.index(row).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "已知悉" in panel.ui.summaryLabel.text()
    window.close()

    again = make_window()
    assert has(again, rule, field, acknowledged=True)
    type_ascii(qtbot, again, field, " ok", replace=False)
    qtbot.waitUntil(lambda: has(again, rule, field, acknowledged=False))


def test_unacknowledge(qtbot: Any, make_window: MakeWindow, jinrongjie: Form, db_path: Path) -> None:
    window, form_id = open_stored(make_window, jinrongjie)
    rule = "text.unbalanced_quotes"
    panel = window.checks_panel
    panel.select_row(next(i for i, f in enumerate(shown(window)) if f.rule == rule))
    panel.acknowledge_current()
    assert has(window, rule, acknowledged=True)
    assert [a.rule for a in stored(db_path, form_id).form.acknowledgements] == [rule]  # saved at once
    panel.select_row(next(i for i, f in enumerate(shown(window)) if f.rule == rule))
    panel.unacknowledge_current()
    assert has(window, rule, acknowledged=False)
    assert window.session is not None and window.session.form is not None
    assert window.session.form.acknowledgements == []
    assert stored(db_path, form_id).form.acknowledgements == []


# --- import / export / delete ------------------------------------------------------------


@pytest.mark.parametrize(("name", "content"), [
    ("broken.jixiao.json", b'{"format": "jixiao-form", "format_version": 1, "form": '),
    ("not-a-form.json", b'{"hello": 1}'),
    ("junk.xlsx", b"PK\x03\x04 this is not a workbook"),
])
def test_importing_a_broken_file_says_so_in_chinese_and_stores_nothing(
        make_window: MakeWindow, messages: Messages, tmp_path: Path, name: str, content: bytes) -> None:
    window = make_window()
    path = tmp_path / name
    path.write_bytes(content)
    assert window.form_actions.import_file(path) is None
    errors = messages.of(msgbox.Kind.ERROR)
    assert len(errors) == 1
    _, title, text, _ = errors[0]
    assert title == "导入失败" and name in text
    assert any("\u4e00" <= ch <= "\u9fff" for ch in text.split("：", 1)[1])
    assert window.repo is not None and window.repo.list_forms() == []


def test_import_and_export_round_trip(make_window: MakeWindow, messages: Messages, tmp_path: Path,
                                      niujie: Form) -> None:
    from jixiao_desktop.domain import exchange

    source = tmp_path / "niujie.jixiao.json"
    source.write_text(exchange.dumps(niujie), encoding="utf-8")
    window = make_window()
    messages.open_path = source
    window.ui.actionImport.trigger()
    assert window.session is not None and window.session.is_open
    assert window.editor is not None and window.editor.form().department == niujie.department

    target = tmp_path / "out"
    messages.save_path = (target, "交换文件 (*.jixiao.json)")
    window.ui.actionExport.trigger()
    written = tmp_path / "out.jixiao.json"
    back = exchange.load(written)
    assert exchange.dumps(back.without_identity()) == exchange.dumps(niujie)
    assert back.id and back.revision >= 1  # the stored form's identity travels with the file


def test_importing_a_form_the_clerk_already_has_asks_first(make_window: MakeWindow, messages: Messages,
                                                            tmp_path: Path, niujie: Form) -> None:
    """从上年复制 asked; 导入 made a silent second form of the same unit and year."""
    from jixiao_desktop.domain import exchange

    source = tmp_path / "牛街.jixiao.json"
    niujie.department = "牛街街道办事处"  # the same unit, written shorter than the stored one
    source.write_text(exchange.dumps(niujie), encoding="utf-8")
    window, form_id = open_stored(make_window, exchange.load(FIXTURES / "niujie-2021.json"))
    assert window.repo is not None
    before = len(window.repo.list_forms())
    messages.open_path = source
    messages.choice = 0  # 打开已有的表单
    window.ui.actionImport.trigger()
    question = messages.of(msgbox.Kind.QUESTION)[-1]
    assert "已经有一张" in question[2] and "仍然导入一张" in question[3]
    assert len(window.repo.list_forms()) == before
    assert window.session is not None and window.session.form_id == form_id
    messages.choice = 1  # 仍然导入一张
    window.ui.actionImport.trigger()
    assert len(window.repo.list_forms()) == before + 1


def test_exporting_a_form_with_errors_warns_first(qtbot: Any, make_window: MakeWindow, messages: Messages,
                                                 tmp_path: Path, jinrongjie: Form) -> None:
    window, _ = open_stored(make_window, jinrongjie)
    type_ascii(qtbot, window, "funds.basic", "1")
    messages.answer = False
    assert window.export_file(tmp_path / "a.jixiao.json") is None
    assert "错误" in messages.of(msgbox.Kind.QUESTION)[-1][2]
    assert not (tmp_path / "a.jixiao.json").exists()
    messages.answer = True
    assert window.export_file(tmp_path / "a.jixiao.json") == tmp_path / "a.jixiao.json"


def test_delete_goes_to_the_recycle_bin_and_can_be_undone(qtbot: Any, make_window: MakeWindow,
                                                          messages: Messages, jinrongjie: Form) -> None:
    window, form_id = open_stored(make_window, jinrongjie)
    window.ui.actionDeleteForm.trigger()
    assert messages.of(msgbox.Kind.QUESTION)
    assert window.repo is not None and window.repo.list_forms() == []
    assert window.ui.stack.currentWidget() is window.ui.startPage
    assert window.form_list.ui.undoBar.isVisibleTo(window)
    qtbot.mouseClick(window.form_list.ui.undoDeleteButton, Qt.MouseButton.LeftButton)
    assert [s.id for s in window.repo.list_forms()] == [form_id]


def test_new_form_dialog_creates_the_chosen_layout(qtbot: Any, make_window: MakeWindow) -> None:
    from jixiao_desktop.domain.model import STANDARD_ROW_NAMES, Layout
    from jixiao_desktop.ui.dialogs.new_form import NewFormDialog
    from tests.ui.helpers import type_text

    window = make_window()
    dialog = NewFormDialog(["金融街街道办事处"], 2023, window)
    qtbot.addWidget(dialog)
    assert dialog.ui.departmentEdit.text() == "金融街街道办事处"
    dialog.ui.departmentEdit.clear()
    dialog.accept()
    assert dialog.ui.errorLabel.isVisibleTo(dialog)  # department is required
    type_text(dialog.ui.departmentEdit, "牛街街道办事处")
    dialog.set_layout(Layout.STANDARD)
    dialog.accept()
    request = dialog.request()
    assert (request.year, request.department, request.layout) == (2023, "牛街街道办事处", Layout.STANDARD)

    assert window.form_actions.create_form(request) is not None
    assert window.editor is not None
    assert [i.name for i in window.editor.form().indicators] == list(STANDARD_ROW_NAMES)
    assert window.settings.departments()[0] == "牛街街道办事处"


# --- menus, settings, history, recycle bin, other formats --------------------------------


def test_every_action_has_a_menu_entry_and_a_shortcut(make_window: MakeWindow) -> None:
    from PySide6.QtGui import QAction

    window = make_window()
    in_menus = set()
    for menu in (window.ui.menuFile, window.ui.menuEdit, window.ui.menuForm, window.ui.menuChecks,
                 window.ui.menuHelp):
        in_menus.update(a.objectName() for a in menu.actions() if not a.isSeparator())
    actions = [a for a in window.findChildren(QAction) if a.objectName().startswith("action")]
    assert len(actions) >= 20
    for action in actions:
        assert action.objectName() in in_menus, action.objectName()
        assert not action.shortcut().isEmpty(), action.objectName()
    shortcuts = [a.shortcut().toString() for a in actions]
    assert len(shortcuts) == len(set(shortcuts))
    titles = [m.title() for m in (window.ui.menuFile, window.ui.menuEdit, window.ui.menuForm,
                                  window.ui.menuChecks, window.ui.menuHelp)]
    assert [t.split("(")[0] for t in titles] == ["文件", "编辑", "表单", "检查", "帮助"]


def test_a_stricter_satisfaction_threshold_is_checked_and_kept(qtbot: Any, make_window: MakeWindow,
                                                               jinrongjie: Form) -> None:
    from decimal import Decimal

    window, _ = open_stored(make_window, jinrongjie)
    assert not has(window, "indicators.satisfaction_low")
    window.findings.apply_settings(Decimal(95), True)
    assert has(window, "indicators.satisfaction_low")
    window.close()
    again = make_window()
    assert again.checker.settings.satisfaction_min == Decimal(95)
    assert has(again, "indicators.satisfaction_low")


def test_history_compares_and_restores(qtbot: Any, make_window: MakeWindow, messages: Messages,
                                       jinrongjie: Form) -> None:
    window, form_id = open_stored(make_window, jinrongjie)
    window.ui.actionSave.trigger()  # version 1: as imported
    type_ascii(qtbot, window, "funds.total", "40000.12")
    window.ui.actionSave.trigger()  # version 2
    dialog = window.history_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.snapshots.rowCount() == 2
    assert dialog.events.rowCount() >= 1

    shown_diffs: list[tuple[str, Form, Form]] = []
    dialog.show_diff = lambda title, old, new: shown_diffs.append((title, old, new))  # type: ignore[method-assign]
    dialog.ui.snapshotTable.selectAll()
    dialog.compare_selected()
    (_, old, new), = shown_diffs
    assert (old.funds.total, new.funds.total) == ("39985.49", "40000.12")

    restored: list[bool] = []
    dialog.restored.connect(lambda: restored.append(True))
    dialog.ui.snapshotTable.selectRow(1)  # the older version
    dialog.restore_selected()
    assert restored
    assert window.editor is not None and window.editor.form().funds.total == "39985.49"
    assert field_widget(window, "funds.total").text() == "39985.49"  # type: ignore[attr-defined]
    assert window.repo is not None and window.repo.load(form_id).form.funds.total == "39985.49"
    assert len(window.repo.list_snapshots(form_id)) == 3  # the current one was kept first


def test_recycle_bin_restores_and_purges(qtbot: Any, make_window: MakeWindow, messages: Messages,
                                         jinrongjie: Form, niujie: Form) -> None:
    from jixiao_desktop.ui.dialogs.recycle_bin import RecycleBinDialog

    window = make_window()
    assert window.repo is not None
    first, second = window.repo.create(jinrongjie), window.repo.create(niujie)
    window.repo.delete(first)
    window.repo.delete(second)
    dialog = RecycleBinDialog(window.repo, window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 2
    dialog.ui.deletedTable.selectRow(dialog.model.row_of(first))
    dialog.restore_selected()
    assert [s.id for s in window.repo.list_forms()] == [first]
    dialog.ui.deletedTable.selectRow(dialog.model.row_of(second))
    dialog.purge_selected()
    assert dialog.model.rowCount() == 0
    assert [s.id for s in window.repo.list_forms(include_deleted=True)] == [first]


@pytest.mark.slow
def test_xlsx_and_pdf_export_and_xlsx_import(make_window: MakeWindow, messages: Messages, tmp_path: Path,
                                             niujie: Form) -> None:
    window, _ = open_stored(make_window, niujie)
    xlsx = window.export_file(tmp_path / "牛街.xlsx")
    pdf = window.export_file(tmp_path / "牛街", "PDF 文件 (*.pdf)")
    assert xlsx is not None and xlsx.read_bytes()[:2] == b"PK"
    assert pdf == tmp_path / "牛街.pdf" and pdf.read_bytes()[:5] == b"%PDF-"
    assert not list(tmp_path.glob(".*.tmp"))
    messages.choice = 1  # the same unit and year is here already: 仍然导入一张
    new_id = window.form_actions.import_file(xlsx)
    assert new_id is not None
    assert window.editor is not None and window.editor.form().department == niujie.department
    assert window.repo is not None and len(window.repo.list_forms()) == 2


# --- nothing typed is lost ---------------------------------------------------------------


def open_cell_and_type(window: MainWindow, text: str) -> None:
    """Type into the 指标值 cell of the first 三级 row, leaving the cell editor open."""
    from jixiao_desktop.ui.editor.tabs import IndicatorItemsTab

    assert window.editor is not None
    tab = next(t for t in window.editor.findChildren(IndicatorItemsTab) if t.model.rowCount() > 0)
    window.editor.tab_widget().setCurrentWidget(tab)
    view = tab.ui.itemsView
    index = tab.model.index(0, next(c for c, col in enumerate(tab.model.COLUMNS) if col.attr == "value"))
    view.setCurrentIndex(index)
    view.edit(index)
    cell = view.indexWidget(index)
    assert isinstance(cell, QLineEdit)
    cell.setText(text)


def stored_values(db_path: Path, form_id: int) -> list[str]:
    return [item.value for ind in stored(db_path, form_id).form.indicators for item in ind.items]


@pytest.mark.parametrize("leave", ["close", "switch", "ctrl_s"])
def test_a_table_cell_still_being_edited_is_saved(make_window: MakeWindow, messages: Messages,
                                                  jinrongjie: Form, db_path: Path, leave: str) -> None:
    from jixiao_desktop.domain.model import Layout, new_form

    window, form_id = open_stored(make_window, new_form(Layout.TABULAR, 2024, "牛街街道办事处"))
    assert window.repo is not None
    other_id = window.repo.create(jinrongjie)
    open_cell_and_type(window, "98.5")
    if leave == "close":
        assert window.close()
    elif leave == "switch":
        assert window.open_form(other_id)
    else:
        window.ui.actionSave.trigger()
    assert "98.5" in stored_values(db_path, form_id)
    assert messages.shown == []


def test_closing_refuses_while_the_form_cannot_be_saved(qtbot: Any, make_window: MakeWindow, messages: Messages,
                                                        jinrongjie: Form, db_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    window, form_id = open_stored(make_window, jinrongjie)
    assert window.repo is not None
    working_save = window.repo.save

    def locked(*_: object) -> None:
        raise StorageError("数据库正被另一个窗口使用，请稍后再试")

    monkeypatch.setattr(window.repo, "save", locked)
    type_ascii(qtbot, window, "funds.project", "30640.96")
    messages.choice = None  # 取消 (the other answer keeps the form in a file and closes)
    assert not window.close()
    assert window.isVisible()
    (_, title, text, choices), = messages.of(msgbox.Kind.QUESTION)
    assert title == "无法保存" and "另一个窗口" in text and choices == "另存为文件并关闭"
    assert window.editor is not None and window.editor.form().funds.project == "30640.96"

    monkeypatch.setattr(window.repo, "save", working_save)
    assert window.close()
    assert stored(db_path, form_id).form.funds.project == "30640.96"


def test_exporting_onto_a_file_open_in_excel_says_so_and_keeps_the_old_file(
        make_window: MakeWindow, messages: Messages, tmp_path: Path, jinrongjie: Form,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import os

    window, _ = open_stored(make_window, jinrongjie)
    target = tmp_path / "金融街.xlsx"
    target.write_bytes(b"old workbook")

    def in_use(*_: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "replace", in_use)
    assert window.export_file(target) is None
    (_, title, text, _), = messages.of(msgbox.Kind.ERROR)
    assert title == "导出失败" and "金融街.xlsx" in text and "Excel" in text
    assert target.read_bytes() == b"old workbook"
    assert not list(tmp_path.glob(".*.tmp"))


def test_history_and_recycle_bin_report_a_locked_database_in_chinese(
        qtbot: Any, make_window: MakeWindow, messages: Messages, jinrongjie: Form,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from jixiao_desktop.ui.dialogs.recycle_bin import RecycleBinDialog

    window, _ = open_stored(make_window, jinrongjie)
    assert window.repo is not None

    def locked(*_: object, **__: object) -> None:
        raise StorageError("数据库正被另一个窗口使用，请稍后再试")

    monkeypatch.setattr(window.repo, "list_snapshots", locked)
    dialog = window.history_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.snapshots.rowCount() == 0 and not dialog.ui.restoreButton.isEnabled()
    monkeypatch.setattr(window.repo, "list_forms", locked)
    bin_dialog = RecycleBinDialog(window.repo, window)
    qtbot.addWidget(bin_dialog)
    assert bin_dialog.model.rowCount() == 0
    assert [(title, "另一个窗口" in text) for _, title, text, _ in messages.of(msgbox.Kind.ERROR)] == [
        ("无法读取历史版本", True), ("无法读取回收站", True)]
