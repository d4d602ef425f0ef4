"""Damage under an open window is found and said (issue 18, item 7): another program overwrites
pages of the database while the window has it open; the window's own check finds it and shows
the damaged-file dialog, as at start, instead of reporting saves into a malformed file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from jixiao_desktop.ui import damage_watch
from tests.safety.damage import make_db
from tests.safety.test_corruption_window import dialogs, start_window  # noqa: F401
from tests.ui.conftest import Messages
from tests.ui.helpers import type_text

ROOT = Path(__file__).resolve().parents[2]


def test_pages_overwritten_under_the_window_are_found_and_said(
        qtbot: Any, tmp_path: Path, dialogs: dict[str, Any], messages: Messages) -> None:  # noqa: F811
    db = tmp_path / "数据" / "jixiao.db"
    ids = make_db(db, forms=12)
    window = start_window(qtbot, db)
    assert window.is_ready and window.open_form(ids[0])
    window.db_guard.damage_watch.check_now()  # whole: nothing said
    qtbot.wait(500)
    assert dialogs["damaged"] == []

    # Another program (a sync tool, a disk utility) writes over pages of the file.
    code = "import sys; from pathlib import Path; from tests.safety.damage import overwrite_pages; overwrite_pages(Path(sys.argv[1]))"
    subprocess.run([sys.executable, "-c", code, str(db)], cwd=ROOT, check=True, timeout=60)
    window.editor.focus_field("goals")
    type_text(window.focusWidget(), "之后的修改")
    qtbot.waitUntil(lambda: not window.session.dirty or bool(window.session.last_error), timeout=5000)

    window.db_guard.damage_watch.check_now()  # what the timer does every few minutes
    qtbot.waitUntil(lambda: bool(dialogs["damaged"]), timeout=10000)
    assert len(dialogs["damaged"]) == 1  # said once
    window.db_guard.damage_watch.check_now()
    qtbot.wait(500)
    assert len(dialogs["damaged"]) == 1


def test_the_check_runs_now_and_then() -> None:
    assert damage_watch.PERIOD_MS <= 5 * 60 * 1000
    assert damage_watch.AFTER_SAVE_S <= 60
