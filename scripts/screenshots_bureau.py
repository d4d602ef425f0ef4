"""Screenshots of the bureau window and the review dialog on small office screens (issue 19).

Run on an X server of the size to show, with a window manager::

    Xvfb :93 -screen 0 1024x768x24 & DISPLAY=:93 openbox &
    DISPLAY=:93 QT_QPA_PLATFORM=xcb .venv/bin/python scripts/screenshots_bureau.py

Writes ``docs/screenshots/bureau-<W>x<H>-01-list.png`` and ``-02-review.png`` (the whole screen,
``import -window root``): three forms collected, one with a long unit name, the review dialog
with a comment and a long path in its status line.
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
from jixiao_desktop.storage.bureau import BureauStore  # noqa: E402
from jixiao_desktop.storage.repository import FormRepository  # noqa: E402
from jixiao_desktop.ui.bureau.review_dialog import ReviewDialog  # noqa: E402
from jixiao_desktop.ui.bureau.window import BureauWindow  # noqa: E402

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
    db = Path(os.environ["JIXIAO_DB"])
    fixtures = ROOT / "tests" / "fixtures"
    with FormRepository.open(db) as repo:
        store = BureauStore(repo)
        for i, name in enumerate(("jinrongjie-2021.json", "niujie-2021.json", "school-tabular-2023.json")):
            form = exchange.load(fixtures / name)
            form.id = f"{i:08d}-0000-4000-8000-000000000000"
            if i == 2:
                form.department = "北京市西城区教育委员会所属北京市第一百五十六中学（含附属小学及初中部）"
            store.collect(form, source="screenshot")
    window = BureauWindow(db, author="张三")
    window.show()
    settle(app, 1.0)
    OUT.mkdir(parents=True, exist_ok=True)

    def shot(name: str) -> None:
        settle(app)
        path = OUT / f"bureau-{size}-{name}.png"
        subprocess.run(["import", "-window", "root", str(path)], check=True)
        print(path)

    shot("01-list")
    row = window.model.row_at(0)
    assert row is not None
    dialog = ReviewDialog(window.store, row.id, author="张三", parent=window, files=window.files)
    dialog.show()
    dialog.select_line("funds.total") or dialog.table.selectRow(0)
    dialog.comment_edit.setPlainText("资金总额与预算批复不一致，请核实")
    dialog.save_current()
    dialog.status.setText("已导出审核意见文件：" + "/home/财政局/审核/2021年度/各街道办事处/第二批/" * 4
                          + "北京市西城区人民政府金融街街道办事处2021.jixiao-review.json")
    shot("02-review")
    dialog.close()
    window.close()


if __name__ == "__main__":
    main()
