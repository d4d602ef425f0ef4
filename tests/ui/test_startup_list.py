"""Start-up without a last form: the list is painted before the database is open (read with the
standard library alone), the window then opens the database behind it, and nothing the clerk
does meanwhile is lost."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jixiao_desktop.domain.model import Form
from jixiao_desktop.storage.repository import FormRepository
from jixiao_desktop.ui.main_window import MainWindow
from jixiao_desktop.ui.settings import Settings
from tests.ui.helpers import run_offscreen


def _stored(db_path: Path, *forms: Form) -> list[int]:
    with FormRepository.open(db_path) as repo:
        return [repo.create(form) for form in forms]


def _started(qtbot: Any, db_path: Path) -> MainWindow:
    window = MainWindow(Settings(), db_path)
    qtbot.addWidget(window)
    window.start()
    return window


def _departments(window: MainWindow) -> set[str]:
    model = window.form_list.model
    return {model.index(r, 1).data() for r in range(model.rowCount())}


def test_the_list_is_there_before_the_database_opens(qtbot: Any, db_path: Path, jinrongjie: Form,
                                                     niujie: Form) -> None:
    _stored(db_path, jinrongjie, niujie)
    window = _started(qtbot, db_path)

    assert window.repo is None and not window.is_ready  # the database is not open yet
    assert _departments(window) == {jinrongjie.department, niujie.department}
    ui = window.form_list.ui
    assert not ui.newButton.isEnabled() and not ui.importButton.isEnabled()  # they wait for the database
    assert window.saved_label.text() == "正在打开数据…"

    qtbot.waitUntil(lambda: window.is_ready, timeout=10000)
    assert _departments(window) == {jinrongjie.department, niujie.department}
    assert ui.newButton.isEnabled() and ui.importButton.isEnabled() and ui.openButton.isEnabled()
    assert window.saved_label.text() == ""


def test_a_form_double_clicked_before_the_database_opens_is_opened(qtbot: Any, db_path: Path,
                                                                  jinrongjie: Form, niujie: Form) -> None:
    _first, second = _stored(db_path, jinrongjie, niujie)
    window = _started(qtbot, db_path)
    window.form_list.select(second)
    window.form_list.ui.formTable.doubleClicked.emit(window.form_list.ui.formTable.currentIndex())

    qtbot.waitUntil(lambda: window.session is not None and window.session.is_open, timeout=10000)
    assert window.session is not None and window.session.form_id == second
    assert window.ui.stack.currentWidget() is window.ui.editorPage
    assert window.editor is not None and window.editor.form().department == niujie.department


def test_a_form_stored_meanwhile_is_in_the_list_once_the_database_is_open(
        qtbot: Any, db_path: Path, jinrongjie: Form, niujie: Form) -> None:
    _stored(db_path, jinrongjie)
    window = _started(qtbot, db_path)
    assert _departments(window) == {jinrongjie.department}
    _stored(db_path, niujie)  # the command line's import, between the first paint and the open

    qtbot.waitUntil(lambda: window.is_ready, timeout=10000)
    assert _departments(window) == {jinrongjie.department, niujie.department}


def test_the_list_is_painted_before_sqlalchemy_is_imported(db_path: Path, jinrongjie: Form) -> None:
    _stored(db_path, jinrongjie, jinrongjie.copy())
    code = (
        "import sys; from pathlib import Path\n"
        "from jixiao_desktop.app import create_application\n"
        "app = create_application()\n"
        "from jixiao_desktop.ui.settings import Settings\n"
        "from jixiao_desktop.ui.main_window import MainWindow\n"
        f"w = MainWindow(Settings(), Path({str(db_path)!r}))\n"
        "def painted(_at):\n"
        "    print('rows', w.form_list.model.rowCount(), 'sqlalchemy', 'sqlalchemy' in sys.modules, flush=True)\n"
        "w.ready.connect(lambda: (print('ready', w.form_list.model.rowCount(), flush=True), app.quit()))\n"
        "w.start()\n"
        "w.watch_first_paint(painted)\n"
        "app.exec()\n")
    result = run_offscreen(code)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.split("\n")[:2] == ["rows 2 sqlalchemy False", "ready 2"]
