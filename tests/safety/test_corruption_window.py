"""The corruption suite, window side: a damaged file is *said* to be damaged, never an empty list.

For each kind of damage the window is started on the file and the test reads what the clerk
reads: the dialog (damaged file, with what can still be read and the newest good backup), the
start page's text, or the read-only notice. Nothing in the folder is deleted or changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from jixiao_desktop.domain import exchange
from jixiao_desktop.storage import backups
from jixiao_desktop.ui import msgbox
from jixiao_desktop.ui.dialogs.damaged_db import DamagedDatabaseDialog
from jixiao_desktop.ui.dialogs.restore_backup import RestoreBackupDialog
from tests.safety.damage import DAMAGES, files_in, immutable, make_db
from tests.ui.conftest import Messages

DAMAGED = ["truncated", "random_pages", "garbage_header", "zero_bytes", "bad_row_date"]


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """The damaged-file and restore dialogs never block: they record themselves and answer."""
    seen: dict[str, Any] = {"damaged": [], "restore": [], "damaged_answer": 0, "restore_pick": None}

    def damaged_exec(self: DamagedDatabaseDialog) -> int:
        seen["damaged"].append(self)
        return int(seen["damaged_answer"])

    def restore_exec(self: RestoreBackupDialog) -> int:
        seen["restore"].append(self)
        if seen["restore_pick"] is None:
            return 0
        self.choose(seen["restore_pick"])
        return 1

    monkeypatch.setattr(DamagedDatabaseDialog, "exec", damaged_exec)
    monkeypatch.setattr(RestoreBackupDialog, "exec", restore_exec)
    yield seen


def start_window(qtbot: Any, db: Path) -> Any:
    from jixiao_desktop.app import create_application
    from jixiao_desktop.ui.main_window import MainWindow
    from jixiao_desktop.ui.settings import Settings

    create_application()
    window = MainWindow(Settings(), db)
    qtbot.addWidget(window)
    window.show()
    window.finish_startup()
    return window


def nothing_deleted(before: dict[str, bytes], after: dict[str, bytes]) -> None:
    for name, data in before.items():
        if name.endswith("-shm"):
            continue
        if name.endswith("-wal"):
            assert any(k.startswith(name + ".unreadable-") and v == data for k, v in after.items()), name
            continue
        assert after.get(name) == data, f"{name} changed or deleted"


@pytest.mark.parametrize("damage", DAMAGED)
def test_a_damaged_file_is_said_in_a_dialog_with_what_can_be_read(
        qtbot: Any, tmp_path: Path, messages: Messages, dialogs: dict[str, Any], damage: str) -> None:
    db = tmp_path / "数据" / "jixiao.db"
    make_db(db)
    DAMAGES[damage](db)
    before = files_in(db.parent)
    window = start_window(qtbot, db)
    [dialog] = dialogs["damaged"]
    assert dialog.windowTitle() == "数据文件已损坏"
    labels = " ".join(w.text() for w in dialog.findChildren(QLabel))
    assert "已损坏" in labels and "不会被删除" in labels
    assert dialog.backup is not None and "最近一个完好的备份" in labels  # the daily backup of make_db
    assert not window.is_ready
    start_text = window.form_list.ui.emptyLabel.text()
    assert "已损坏" in start_text and "还没有" not in start_text
    assert dialog.export_button.isEnabled() == bool(dialog.scan.readable)
    assert dialog.restore_button.isEnabled()
    if damage == "bad_row_date":  # one bad row: every form is still readable (the bad one from its version)
        assert len(dialog.scan.readable) == 2
    nothing_deleted(before, files_in(db.parent))
    window.close()


def test_what_can_be_read_is_exported_into_a_chosen_folder(
        qtbot: Any, tmp_path: Path, messages: Messages, dialogs: dict[str, Any],
        monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "数据" / "jixiao.db"
    make_db(db, forms=4)
    DAMAGES["bad_row_date"](db)
    window = start_window(qtbot, db)
    [dialog] = dialogs["damaged"]
    out = tmp_path / "导出"
    monkeypatch.setattr(msgbox, "ask_folder", lambda *a, **k: out)
    dialog.export_button.click()
    files = sorted(out.glob("*.jixiao.json"))
    assert len(files) == 4
    departments = {exchange.load(f).department for f in files}
    assert any("牛街" in d for d in departments) and any("金融街" in d for d in departments)
    assert any("已把 4 份表单导出到" in text for _k, _t, text, _d in messages.shown)
    window.close()


def test_a_damaged_file_at_start_offers_the_newest_good_backup_and_restores_it(
        qtbot: Any, tmp_path: Path, messages: Messages, dialogs: dict[str, Any]) -> None:
    db = tmp_path / "数据" / "jixiao.db"
    make_db(db)
    DAMAGES["random_pages"](db)
    damaged_bytes = db.read_bytes()
    dialogs["damaged_answer"] = DamagedDatabaseDialog.RESTORE
    window = start_window(qtbot, db)
    qtbot.waitUntil(lambda: window.is_ready, timeout=10000)
    assert window.form_list.model.rowCount() == 1  # the backup's one form is listed
    [aside] = db.parent.glob("jixiao.db.replaced-*[0-9]")
    assert aside.read_bytes() == damaged_bytes  # the damaged file is kept, not deleted
    assert any(title == "已恢复备份" for _k, title, _t, _d in messages.shown)
    window.close()


@pytest.mark.parametrize("damage,words", [("folder", "是一个文件夹"), ("other_program", "其他程序的数据库")])
def test_a_file_that_is_not_our_database_is_said(
        qtbot: Any, tmp_path: Path, messages: Messages, dialogs: dict[str, Any], damage: str, words: str) -> None:
    db = tmp_path / "数据" / "jixiao.db"
    make_db(db)
    DAMAGES[damage](db)
    before = files_in(db.parent)
    window = start_window(qtbot, db)
    errors = messages.of(msgbox.Kind.ERROR)
    assert errors and words in errors[0][2]
    assert words in window.form_list.ui.emptyLabel.text()
    assert not dialogs["damaged"]
    assert files_in(db.parent) == before
    window.close()


@pytest.mark.parametrize("damage", ["garbage_wal", "garbage_shm", "bad_row_json"])
def test_damage_sqlite_survives_shows_every_form(
        qtbot: Any, tmp_path: Path, messages: Messages, dialogs: dict[str, Any], damage: str) -> None:
    db = tmp_path / "数据" / "jixiao.db"
    make_db(db)
    DAMAGES[damage](db)
    before = files_in(db.parent)
    window = start_window(qtbot, db)
    assert window.is_ready and not dialogs["damaged"]
    assert window.form_list.model.rowCount() == 2
    if damage == "bad_row_json":
        assert not window.open_form(2)
        title, text = messages.of(msgbox.Kind.ERROR)[-1][1:3]
        assert title == "无法打开表单" and "已损坏" in text and "恢复备份" in text
    window.close()
    nothing_deleted(before, files_in(db.parent))


@pytest.mark.parametrize("where", ["file", "folder"])
def test_a_read_only_database_is_said_at_once(
        qtbot: Any, tmp_path: Path, messages: Messages, dialogs: dict[str, Any], where: str) -> None:
    db = tmp_path / "数据" / "jixiao.db"
    make_db(db)
    before = files_in(db.parent)
    with immutable(db if where == "file" else db.parent):
        window = start_window(qtbot, db)
        assert window.is_ready
        warnings = messages.of(msgbox.Kind.WARNING)
        assert warnings and warnings[0][1] == "数据文件只读" and "只读" in warnings[0][2]
        assert window.saved_label.text() == "只读：修改无法保存"
        assert window.form_list.model.rowCount() == 2
        window.close()
    assert files_in(db.parent) == before


def test_restore_backup_menu_lists_backups_with_their_forms(
        qtbot: Any, tmp_path: Path, messages: Messages, dialogs: dict[str, Any]) -> None:
    db = tmp_path / "数据" / "jixiao.db"
    make_db(db)
    [one] = backups.list_backups(db)
    window = start_window(qtbot, db)
    assert window.form_list.model.rowCount() == 2
    dialogs["restore_pick"] = one.path
    window.db_guard.restore_action.trigger()
    [dialog] = dialogs["restore"]
    assert dialog.table.rowCount() == 1
    assert "1 份" in dialog.table.item(0, 2).text() and "金融街" in dialog.table.item(0, 2).text()
    qtbot.waitUntil(lambda: window.is_ready, timeout=10000)
    assert window.form_list.model.rowCount() == 1
    assert list(db.parent.glob("jixiao.db.replaced-*"))
    window.close()


def test_integrity_check_on_demand(qtbot: Any, tmp_path: Path, messages: Messages, dialogs: dict[str, Any]) -> None:
    db = tmp_path / "数据" / "jixiao.db"
    make_db(db)
    window = start_window(qtbot, db)
    window.db_guard.check_action.trigger()
    assert messages.of(msgbox.Kind.INFO)[-1][1] == "数据文件完好"
    window.close()
