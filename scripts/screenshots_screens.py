"""Screenshots of a first start on small office screens, for docs/screenshots.

Run on an X server of the size to show, with a window manager (so the frame and the task-bar-free
available area are real), e.g.::

    Xvfb :92 -screen 0 1366x768x24 & DISPLAY=:92 openbox &
    DISPLAY=:92 QT_QPA_PLATFORM=xcb .venv/bin/python scripts/screenshots_screens.py

It starts the window as a clerk's first start does (fresh settings: the window fits the screen),
and photographs the whole screen (``import -window root``) with the form list, an open form and the
tabular grid: ``screen-<W>x<H>-01-list.png`` …
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
tmp = tempfile.mkdtemp()
os.environ["JIXIAO_DB"] = tmp + "/j.db"
os.environ["JIXIAO_CONFIG_DIR"] = tmp + "/cfg"

from jixiao_desktop.app import create_application  # noqa: E402
from jixiao_desktop.domain import exchange  # noqa: E402
from jixiao_desktop.domain.model import Category  # noqa: E402
from jixiao_desktop.ui.main_window import MainWindow  # noqa: E402
from jixiao_desktop.ui.settings import Settings  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def settle(app: object, seconds: float = 0.6) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.02)


def main() -> None:
    app = create_application()
    screen = app.primaryScreen()  # type: ignore[attr-defined]
    size = f"{screen.size().width()}x{screen.size().height()}"
    window = MainWindow(Settings(), Path(os.environ["JIXIAO_DB"]))
    window.start()
    settle(app, 1.0)
    window.finish_startup()
    fixtures = ROOT / "tests" / "fixtures"
    assert window.repo is not None
    ids = [window.repo.create(exchange.load(fixtures / name))
           for name in ("jinrongjie-2021.json", "niujie-2021.json", "school-tabular-2023.json")]
    window.refresh_form_list()
    window.show_form_list()

    def shot(name: str) -> None:
        settle(app)
        target = OUT / f"screen-{size}-{name}.png"
        subprocess.run(["import", "-window", "root", str(target)], check=True)
        frame = window.frameGeometry()
        available = screen.availableGeometry()
        print(f"wrote {target.name}: window {frame.width()}x{frame.height()} at {frame.x()},{frame.y()}"
              f" on available {available.width()}x{available.height()}")

    shot("01-list")
    window.open_form(ids[0])
    assert window.editor is not None
    window.editor.show_category(Category.OUTPUT)
    shot("02-open-form")
    window.open_form(ids[2])
    window.editor.show_category(Category.OUTPUT)
    shot("03-tabular-grid")
    window.close()


if __name__ == "__main__":
    main()
