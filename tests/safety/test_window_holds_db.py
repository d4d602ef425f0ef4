"""The window holds its database for as long as it is open (issue 18, item 0).

Found in a walkthrough: with a form open, print (or leave the window a while), run
``jixiao-desktop list --db`` on the same file, type one character: the -wal and -shm were gone,
the window said 已停止保存 and then refused to close. The cause: the window's process had let go
of the file's locks (POSIX drops all of a process's fcntl locks on a file when *any* descriptor
of it is closed), so the command line believed it was the last client and deleted the live WAL.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication

from jixiao_desktop import paths
from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.model import Form
from jixiao_desktop.storage import hold
from jixiao_desktop.storage.repository import FormRepository
from tests.ui.conftest import Messages
from tests.ui.helpers import type_text

ROOT = Path(__file__).resolve().parents[2]
LINUX_LOCKS = pytest.mark.skipif(not hold.PROC_LOCKS.exists(), reason="needs /proc/locks (Linux)")


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "jixiao_desktop", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=120, cwd=ROOT, check=False)


def other_sqlite_program(db: Path) -> None:
    """Another program reading the file with SQLite (a DB browser, an IT script): when it closes
    and believes itself the last client, it checkpoints and deletes the WAL."""
    code = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('SELECT count(*) FROM forms').fetchall(); c.close()"
    subprocess.run([sys.executable, "-c", code, str(db)], check=True, timeout=60)


def drop_locks_like_a_sniffing_dialog(db: Path) -> None:
    """What Qt's stock icon provider (and other in-process code) does: open, read, close."""
    for suffix in ("", "-wal", "-shm"):
        with open(f"{db}{suffix}", "rb") as fh:
            fh.read(64)


def open_with_typing(window: Any, qtbot: Any, form: Form, text: str) -> tuple[int, Any]:
    form_id = window.repo.create(form)
    window.refresh_form_list()
    assert window.open_form(form_id)
    window.editor.focus_field("goals")
    goals = window.focusWidget()
    type_text(goals, text)
    qtbot.waitUntil(lambda: not window.session.dirty, timeout=5000)
    return form_id, goals


def stored_goals(db: Path, form_id: int) -> str:
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        con.close()
    with FormRepository.open(db) as repo:
        return repo.load(form_id).form.goals


def test_locks_held_tells_a_dropped_lock(tmp_path: Path) -> None:
    if not hold.PROC_LOCKS.exists():
        assert hold.locks_held(tmp_path) is None
        return
    db = tmp_path / "x.db"
    with FormRepository.open(db):
        assert hold.locks_held(db) is True  # the pinned connection holds the file
        drop_locks_like_a_sniffing_dialog(db)
        assert hold.locks_held(db) is False
    assert hold.locks_held(tmp_path / "missing.db") is None


@LINUX_LOCKS
def test_locks_dropped_inside_the_window_are_taken_again_before_the_cli_runs(
        qtbot: Any, make_window: Callable[[], Any], jinrongjie: Form, db_path: Path) -> None:
    window = make_window()
    form_id, goals = open_with_typing(window, qtbot, jinrongjie, "第一段。")
    wal = Path(f"{db_path}-wal")
    assert wal.exists()

    drop_locks_like_a_sniffing_dialog(db_path)  # anything in the process: a dialog, a completer
    assert hold.locks_held(db_path) is False
    qtbot.waitUntil(lambda: hold.locks_held(db_path) is True, timeout=5000)  # the window takes them again

    for args in (("list", "--db", str(db_path)), ("export-db", str(form_id), str(db_path.parent / "out.jixiao.json"),
                                                      "--db", str(db_path))):
        done = cli(*args)
        assert done.returncode == 0, done.stderr
    other_sqlite_program(db_path)
    assert wal.exists()  # neither took itself for the last client

    type_text(goals, "第二段。")
    qtbot.waitUntil(lambda: not window.session.dirty, timeout=5000)
    assert window.session.last_error == ""
    window.close()
    assert not window.isVisible()
    assert "第一段。第二段。" in stored_goals(db_path, form_id)


def _answer_dialog(kind: type, accept: bool, seen: list[str]) -> None:
    def poke() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(50, poke)
            return
        seen.append(kind.__name__)
        QTimer.singleShot(300, dialog.accept if accept else dialog.reject)

    QTimer.singleShot(0, poke)


@LINUX_LOCKS
def test_printing_previewing_and_waiting_keep_the_database_held(
        qtbot: Any, make_window: Callable[[], Any], messages: Messages, jinrongjie: Form, db_path: Path,
        tmp_path: Path) -> None:
    """The walkthrough's steps: print, preview, export, leave the window a while, the CLI, type, close."""
    window = make_window()
    form_id, goals = open_with_typing(window, qtbot, jinrongjie, "打印前。")
    seen: list[str] = []
    _answer_dialog(QPrintDialog, False, seen)
    window.print_form()
    _answer_dialog(QPrintPreviewDialog, False, seen)
    window.print_preview()
    assert seen == ["QPrintDialog", "QPrintPreviewDialog"]
    messages.save_path = (tmp_path / "out.pdf", "")
    window.export_file(tmp_path / "out.pdf")
    qtbot.wait(2500)  # idle, past the hold check's period
    assert hold.locks_held(db_path) is True
    assert window.repo._hold.retaken == 0  # nothing here let go of the file in the first place

    done = cli("list", "--db", str(db_path))
    assert done.returncode == 0, done.stderr
    type_text(goals, "打印后。")
    qtbot.waitUntil(lambda: not window.session.dirty, timeout=5000)
    assert window.session.last_error == ""
    window.close()
    assert "打印前。打印后。" in stored_goals(db_path, form_id)


def test_when_the_guard_fires_the_clerk_keeps_her_text_in_a_file_and_closes(
        qtbot: Any, make_window: Callable[[], Any], messages: Messages, jinrongjie: Form, db_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever let go of the file (another program's SQLite, a hook we cannot see): the guard
    stops saving, and closing offers to keep the form in a file — it never traps the clerk."""
    monkeypatch.setattr(hold.Hold, "keep", lambda self: False)  # as if the locks could not be seen
    window = make_window()
    form_id, goals = open_with_typing(window, qtbot, jinrongjie, "已保存的。")
    drop_locks_like_a_sniffing_dialog(db_path)
    other_sqlite_program(db_path)  # deletes the live WAL
    assert not Path(f"{db_path}-wal").exists()
    type_text(goals, "只在窗口里的。")
    qtbot.waitUntil(lambda: bool(window.session.last_error), timeout=5000)
    assert "停止保存" in window.session.last_error

    messages.choice = None  # 取消: stay open
    window.close()
    assert window.isVisible()
    messages.choice = 0  # 另存为文件并关闭
    window.close()
    assert not window.isVisible()
    [(_kind, _title, _text, choices)] = [m for m in messages.shown if m[1] == "无法保存"][-1:]
    assert "另存为文件并关闭" in choices
    kept = sorted((paths.config_dir() / "未保存的表单").glob("*.jixiao.json"))
    assert len(kept) == 1
    assert "已保存的。只在窗口里的。" in exchange.load(kept[0]).goals
    assert any(str(kept[0]) in m[2] for m in messages.shown)  # she is told where it is
    assert "已保存的。" in stored_goals(db_path, form_id)  # the database is whole
