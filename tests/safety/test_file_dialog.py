"""The window's own file dialog must not break the database (issue 7, item 1).

Browsing the database's folder in Qt's file dialog used to open ``jixiao.db``/``-wal``/``-shm``
inside the window's process to sniff their type; closing those descriptors dropped the window's
SQLite locks, so ``jixiao-desktop list`` beside the window deleted the live WAL and the window's
later saves were lost. This drives the real dialog (Qt's own, offscreen) over that folder.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel

from jixiao_desktop.domain.model import Form
from jixiao_desktop.storage.errors import DatabaseReplacedError
from jixiao_desktop.storage.repository import FormRepository
from jixiao_desktop.ui import file_dialog, msgbox
from tests.ui.conftest import Messages
from tests.ui.helpers import type_text

ROOT = Path(__file__).resolve().parents[2]
NIUJIE = ROOT / "tests" / "fixtures" / "niujie-2021.json"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "jixiao_desktop", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=120, cwd=ROOT, check=False)


def browse_and_cancel(folder: Path) -> list[str]:
    """Once the app's file dialog is up, look at ``folder`` in its details view for a while
    (every entry listed, icons and types fetched), then cancel it. Returns the folders shown."""
    shown: list[str] = []
    ticks = [0]

    def poke() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets()
                       if isinstance(w, QFileDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(50, poke)
            return
        dialog.setViewMode(QFileDialog.ViewMode.Detail)
        model = dialog.findChild(QFileSystemModel)
        assert model is not None
        root = model.index(str(folder))
        for r in range(model.rowCount(root)):  # what the view paints: icon and type of each entry
            model.index(r, 0, root).data(Qt.ItemDataRole.DecorationRole)
            model.index(r, 2, root).data()
        ticks[0] += 1
        if ticks[0] < 30:
            QTimer.singleShot(50, poke)
            return
        shown.append(dialog.directory().absolutePath())
        dialog.reject()

    QTimer.singleShot(0, poke)
    return shown


@pytest.fixture
def real_open_dialog(monkeypatch: pytest.MonkeyPatch, messages: Messages, db_path: Path) -> None:
    """The window's 导入 opens the real dialog, starting in the database's folder."""
    monkeypatch.setattr(msgbox, "ask_open_path",
                        lambda parent, title, _directory, filters: file_dialog.ask_open(
                            parent, title, str(db_path.parent), filters))


def test_browsing_the_database_folder_keeps_the_cli_beside_the_window_safe(
        qtbot: Any, make_window: Callable[[], Any], real_open_dialog: None, jinrongjie: Form,
        db_path: Path) -> None:
    window = make_window()
    form_id = window.repo.create(jinrongjie)
    window.refresh_form_list()
    assert window.open_form(form_id)
    window.editor.focus_field("goals")
    goals = window.focusWidget()
    qtbot.keyClick(goals, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_text(goals, "第一段补充。")
    qtbot.waitUntil(lambda: not window.session.dirty, timeout=5000)
    assert Path(str(db_path) + "-wal").exists()  # the window holds the database in WAL mode

    shown = browse_and_cancel(db_path.parent)
    assert window.import_file() is None  # cancelled
    assert shown == [str(db_path.parent)]

    listed_cli = cli("list", "--db", str(db_path))  # IT staff script these beside the window
    assert listed_cli.returncode == 0, listed_cli.stderr
    assert "金融街街道办事处" in listed_cli.stdout
    imported = cli("import", str(NIUJIE), "--db", str(db_path))
    assert imported.returncode == 0, imported.stderr

    type_text(goals, "第二段补充。")
    qtbot.waitUntil(lambda: not window.session.dirty, timeout=5000)
    assert window.session.last_error == ""
    window.close()

    con = sqlite3.connect(db_path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()
    with FormRepository.open(db_path) as repo:
        names = [f.department for f in repo.list_forms()]
        assert any("金融街" in n for n in names) and any("牛街" in n for n in names)
        assert repo.load(form_id).form.goals.endswith("第一段补充。第二段补充。")


def test_a_replaced_wal_stops_the_writes_and_says_so(tmp_path: Path, jinrongjie: Form) -> None:
    """The defence behind the root fix: if anything ever drops the locks again, the window's
    next write notices that its WAL is not the file's WAL any more and refuses."""
    db = tmp_path / "jixiao.db"
    repo = FormRepository.open(db)
    try:
        form_id = repo.create(jinrongjie)
        jinrongjie.goals = "保存过的内容"
        repo.save(form_id, jinrongjie)
        for suffix in ("-shm", "-wal", ""):  # what the old file dialog did: look, close …
            with open(str(db) + suffix, "rb") as fh:
                fh.read(64)
        # … and another SQLite client (the CLI's list reads read-only now and never does) closes as
        # if it were the last one and deletes the WAL.
        code = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('SELECT 1 FROM forms').fetchall(); c.close()"
        subprocess.run([sys.executable, "-c", code, str(db)], check=True, timeout=60)
        jinrongjie.goals = "之后的修改"
        with pytest.raises(DatabaseReplacedError, match="本窗口已停止保存"):
            repo.save(form_id, jinrongjie)
    finally:
        repo.close()
    with FormRepository.open(db) as again:
        assert again.load(form_id).form.goals == "保存过的内容"


def test_a_stale_write_is_said_once_and_the_typing_kept(
        qtbot: Any, make_window: Callable[[], Any], messages: Messages, jinrongjie: Form, db_path: Path) -> None:
    """Another writer changed the form: the window refuses to overwrite it and says what to do."""
    window = make_window()
    form_id = window.repo.create(jinrongjie)
    window.refresh_form_list()
    assert window.open_form(form_id)
    with FormRepository.open(db_path) as other:  # another window, a collect, a reviewer
        theirs = other.load(form_id).form
        theirs.goals = "别处改过的内容"
        other.save(form_id, theirs)
    window.editor.focus_field("goals")
    goals = window.focusWidget()
    type_text(goals, "本窗口的修改")
    qtbot.waitUntil(lambda: bool(window.session.last_error), timeout=5000)
    [(kind, _title, _text, detail)] = [m for m in messages.shown if m[1] == "表单已在别处被修改"]
    assert kind is msgbox.Kind.ERROR and "导出" in detail
    assert "本窗口的修改" in window.session.form.goals  # nothing typed is lost
    window.session.save()
    assert len([m for m in messages.shown if m[1] == "表单已在别处被修改"]) == 1  # said once, not at every retry
    with FormRepository.open(db_path) as repo:
        assert repo.load(form_id).form.goals == "别处改过的内容"  # their change is not overwritten
