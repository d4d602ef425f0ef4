"""Start-up: the last form is on screen before the database is open, and the database wins."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from jixiao_desktop.domain.model import Form
from jixiao_desktop.storage import startup_cache
from jixiao_desktop.storage.repository import FormRepository
from jixiao_desktop.ui.main_window import MainWindow
from jixiao_desktop.ui.settings import Settings
from tests.ui.helpers import commit_text, run_offscreen

ROOT = Path(__file__).resolve().parents[2]


def close_with_form(make_window: Any, form: Form) -> int:
    window = make_window()
    form_id = window.repo.create(form)
    window.open_form(form_id)
    window.close()
    return form_id


def started(qtbot: Any, db_path: Path) -> MainWindow:
    window = MainWindow(Settings(), db_path)
    qtbot.addWidget(window)
    window.start()
    return window


def test_the_startup_copy_keeps_amounts_as_typed(tmp_path: Path, niujie: Form) -> None:
    path = tmp_path / "copy.json"
    assert startup_cache.write(3, niujie, final=False, fingerprint=None, path=path)
    copy = startup_cache.read(3, path)
    assert copy is not None and copy.form == niujie and copy.form.funds.total == "22,001.49"
    assert startup_cache.read(4, path) is None  # another form
    path.write_text("{broken", encoding="utf-8")
    assert startup_cache.read(3, path) is None


def test_last_form_shows_read_only_first_then_becomes_live(qtbot: Any, make_window: Any, db_path: Path,
                                                          jinrongjie: Form) -> None:
    form_id = close_with_form(make_window, jinrongjie)
    window = started(qtbot, db_path)
    assert window.showing_startup_copy and window.repo is None
    assert window.editor is not None and window.editor.is_read_only()
    assert window.editor.form().department == jinrongjie.department
    assert window.ui.stack.currentWidget() is window.ui.editorPage

    qtbot.waitUntil(lambda: window.is_ready, timeout=10000)
    assert window.session is not None and window.session.form_id == form_id
    assert not window.editor.is_read_only()
    assert window.session.form is window.editor.form()


def test_the_database_wins_over_a_stale_copy(qtbot: Any, make_window: Any, db_path: Path,
                                             jinrongjie: Form) -> None:
    form_id = close_with_form(make_window, jinrongjie)
    repo = FormRepository.open(db_path)  # changed elsewhere (the command line) after closing
    changed = jinrongjie.copy()
    changed.other_notes = "已由命令行修改。"
    repo.save(form_id, changed)
    repo.close()

    window = started(qtbot, db_path)
    assert window.editor is not None and window.editor.form().other_notes == "无。"
    qtbot.waitUntil(lambda: window.is_ready, timeout=10000)
    assert window.editor.form().other_notes == "已由命令行修改。"


def test_a_deleted_last_form_opens_the_list(qtbot: Any, make_window: Any, messages: Any, db_path: Path,
                                            jinrongjie: Form) -> None:
    form_id = close_with_form(make_window, jinrongjie)
    repo = FormRepository.open(db_path)
    repo.delete(form_id)
    repo.close()
    window = started(qtbot, db_path)
    qtbot.waitUntil(lambda: window.is_ready, timeout=10000)
    assert window.ui.stack.currentWidget() is window.ui.startPage
    assert window.session is not None and not window.session.is_open


@pytest.mark.slow
def test_selftest_mode_exits_zero(tmp_path: Path) -> None:
    env = dict(os.environ, JIXIAO_SELFTEST="1", QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", "import sys; from jixiao_desktop.app import run_gui; "
                             "sys.exit(run_gui())"], env=env, cwd=ROOT, capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "selftest ok: ready=True" in result.stdout
    assert Path(env["JIXIAO_DB"]).exists()


@pytest.mark.slow
def test_a_long_typing_session_does_not_abort_the_process() -> None:
    """PySide6-Essentials 6.12.0 on CPython 3.11 drops a reference to None per void Qt call and
    aborts after a few thousand ("none_dealloc"); we pin 6.11.3, which does not. This guards the pin."""
    code = ("from jixiao_desktop.app import create_application\n"
            "app = create_application()\n"
            "from PySide6.QtWidgets import QLabel\n"
            "label = QLabel()\n"
            "for n in range(50000):\n"
            "    label.setText(str(n % 7))\n"
            "del label\n"
            "print('survived')\n")
    result = run_offscreen(code, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived" in result.stdout


@pytest.mark.parametrize("corrupt", [
    lambda data: data["form"].update(department=123),
    lambda data: data["form"].update(year="二〇二一"),
    lambda data: data["form"]["funds"].update(total=None),
    lambda data: data["form"]["indicators"][0].update(content=["表格"]),
    lambda data: data["form"].update(indicators={"a": 1}),
    lambda data: data["form"].update(unknown_key="x"),
])
def test_a_corrupt_startup_copy_is_ignored(qtbot: Any, make_window: Any, db_path: Path, jinrongjie: Form,
                                           corrupt: Any) -> None:
    """A copy that is valid JSON but not a form (edited by hand, half a disk sector …) never
    reaches the editor: the window starts the slow way and opens the stored form."""
    import json

    form_id = close_with_form(make_window, jinrongjie)
    path = startup_cache.cache_path()
    data = json.loads(path.read_text(encoding="utf-8"))
    corrupt(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert startup_cache.read(form_id) is None

    window = started(qtbot, db_path)
    assert not window.showing_startup_copy
    qtbot.waitUntil(lambda: window.is_ready, timeout=10000)
    assert window.session is not None and window.session.form_id == form_id
    assert window.editor is not None and window.editor.form().without_identity() == jinrongjie


def test_a_last_form_that_cannot_be_read_leaves_no_stale_copy_on_screen(
        qtbot: Any, make_window: Any, messages: Any, db_path: Path, jinrongjie: Form,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from jixiao_desktop import APP_NAME
    from jixiao_desktop.storage.errors import StorageError

    close_with_form(make_window, jinrongjie)
    window = started(qtbot, db_path)
    assert window.showing_startup_copy

    def locked(self: Any, form_id: int) -> Any:
        raise StorageError("数据库正被另一个窗口使用，请稍后再试")

    monkeypatch.setattr(FormRepository, "load", locked)
    qtbot.waitUntil(lambda: window.is_ready, timeout=10000)
    assert window.ui.stack.currentWidget() is window.ui.startPage
    assert window.windowTitle() == APP_NAME  # not the title of the form that could not be read
    assert any(title == "无法打开表单" and "另一个窗口" in text for _, title, text, _ in messages.shown)


def test_an_unexpected_error_is_shown_in_chinese_and_logged(messages: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from jixiao_desktop import paths
    from jixiao_desktop.app import install_excepthook
    from jixiao_desktop.errors import ERROR_LOG

    seen: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", lambda exc_type, *_: seen.append(exc_type))
    install_excepthook()
    try:
        raise ZeroDivisionError("division by zero")
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())
    assert seen == [ZeroDivisionError]  # the traceback still reaches stderr
    (_, title, text, detail), = messages.shown
    assert title == "程序出错" and "意外错误" in text and ERROR_LOG in detail
    assert "ZeroDivisionError" in (paths.config_dir() / ERROR_LOG).read_text(encoding="utf-8")


def test_a_second_window_on_the_same_database_is_refused(tmp_path: Path) -> None:
    """Two windows would autosave over each other's typing; a crashed holder does not block."""
    from jixiao_desktop.app import AlreadyOpenError, lock_database

    db = tmp_path / "数据" / "jixiao.db"
    first = lock_database(db)
    assert first is not None
    with pytest.raises(AlreadyOpenError):
        lock_database(db)
    assert lock_database(tmp_path / "other.db") is not None  # another database is fine
    first.unlock()  # type: ignore[attr-defined]
    assert lock_database(db) is not None


@pytest.mark.slow
def test_a_second_start_says_so_in_chinese_and_exits(tmp_path: Path) -> None:
    from jixiao_desktop.app import lock_database

    held = lock_database(Path(os.environ["JIXIAO_DB"]))
    assert held is not None
    code = ("import sys\n"
            "from jixiao_desktop.ui import msgbox\n"
            "msgbox.show_message = lambda parent, kind, title, text, *a, **k: print('BOX', text)\n"
            "from jixiao_desktop.app import run_gui\n"
            "sys.exit(run_gui())\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", JIXIAO_SELFTEST="1")
    result = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True,
                            timeout=60, check=False)
    held.unlock()  # type: ignore[attr-defined]
    assert result.returncode == 0, result.stderr
    assert "BOX 绩效目标申报助手已经打开了这份数据。" in result.stdout
    assert "selftest ok" not in result.stdout


def test_after_a_crash_the_last_autosaved_text_is_painted_at_once(qtbot: Any, make_window: Any, db_path: Path,
                                                                  jinrongjie: Form) -> None:
    """The start-up copy follows every save, not only a clean close: a window killed after an
    autosave still starts on that text without waiting for the database."""
    window = make_window()
    form_id = window.repo.create(jinrongjie)
    window.open_form(form_id)
    startup_cache.forget()
    window.editor.focus_field("other_notes")
    commit_text(window.focusWidget(), "自动保存后断电。")
    qtbot.waitUntil(lambda: not window.session.dirty, timeout=10000)  # the autosave timer fired
    typed = window.editor.form().other_notes
    assert "自动保存后断电。" in typed and typed != jinrongjie.other_notes
    # no close: the process "dies" here
    copy = startup_cache.read(form_id)
    assert copy is not None and copy.form.other_notes == typed
    restarted = started(qtbot, db_path)
    assert restarted.showing_startup_copy
    assert restarted.editor is not None and restarted.editor.form().other_notes == typed
