"""Screenshots of what the clerk sees when the database is not well (docs/screenshots/20-*.png).

usage: .venv/bin/python scripts/screenshots_safety.py   (offscreen; QWidget.grab)
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
TMP = Path(tempfile.mkdtemp(prefix="jixiao-shots-"))
os.environ["JIXIAO_CONFIG_DIR"] = str(TMP / "cfg")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from jixiao_desktop.app import create_application  # noqa: E402
from jixiao_desktop.storage import backups, lock  # noqa: E402
from jixiao_desktop.ui import msgbox  # noqa: E402
from jixiao_desktop.ui.dialogs.damaged_db import DamagedDatabaseDialog  # noqa: E402
from jixiao_desktop.ui.dialogs.restore_backup import RestoreBackupDialog  # noqa: E402
from jixiao_desktop.ui.main_window import MainWindow  # noqa: E402
from jixiao_desktop.ui.settings import Settings  # noqa: E402
from tests.safety.damage import DAMAGES, immutable, make_db  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
app = create_application()
current = {"name": ""}


def settle() -> None:
    for _ in range(8):
        QApplication.processEvents()


def save(widget: object, name: str) -> None:
    settle()
    widget.grab().save(str(OUT / f"{name}.png"))  # type: ignore[attr-defined]
    print("wrote", name)


def show_message(parent, kind, title, text, buttons=msgbox.Button.Ok, default=msgbox.Button.NoButton, detail=""):  # type: ignore[no-untyped-def]
    box = QMessageBox(kind.value, title, text, buttons, parent)
    if detail:
        box.setInformativeText(detail)
    box.show()
    if current["name"]:
        save(box, current["name"])
        current["name"] = ""
    box.close()
    return msgbox.Button.Yes if kind is msgbox.Kind.QUESTION else msgbox.Button.Ok


msgbox.show_message = show_message


def damaged_exec(self: DamagedDatabaseDialog) -> int:
    self.show()
    save(self, current.pop("dialog", "20-damaged"))
    self.close()
    return 0


def restore_exec(self: RestoreBackupDialog) -> int:
    self.show()
    save(self, "20-restore-backup")
    self.close()
    return 0


DamagedDatabaseDialog.exec = damaged_exec  # type: ignore[method-assign]
RestoreBackupDialog.exec = restore_exec  # type: ignore[method-assign]


def window_on(db: Path) -> MainWindow:
    window = MainWindow(Settings(), db)
    window.resize(1280, 800)
    window.show()
    window.finish_startup()
    settle()
    return window


def case(name: str, damage: str | None, shot: str, *, dialog: bool = False, message: bool = False,
         window_shot: str = "") -> None:
    db = TMP / name / "jixiao.db"
    make_db(db, forms=4)
    if damage:
        DAMAGES[damage](db)
    if dialog:
        current["dialog"] = shot
    if message:
        current["name"] = shot
    window = window_on(db)
    if window_shot:
        save(window, window_shot)
    window.close()


case("pages", "random_pages", "20-damaged-random-pages", dialog=True, window_shot="20-start-page-damaged")
case("zero", "zero_bytes", "20-damaged-zero-bytes", dialog=True)
case("row", "bad_row_date", "20-damaged-bad-row", dialog=True)
case("header", "garbage_header", "20-damaged-header", dialog=True)
case("truncated", "truncated", "20-damaged-truncated", dialog=True)
case("folder", "folder", "20-folder-at-db-path", message=True)
case("other", "other_program", "20-other-programs-database", message=True)

# A read-only database: said at once, the forms still there.
db = TMP / "ro" / "jixiao.db"
make_db(db, forms=4)
with immutable(db.parent):
    current["name"] = "20-read-only-notice"
    window = window_on(db)
    save(window, "20-read-only-window")
    window.close()

# 恢复备份… with backups of several days.
db = TMP / "menu" / "jixiao.db"
make_db(db, forms=4)
for reason in ("import", "manual"):
    backups.take_backup(db, reason)
window = window_on(db)
window.db_guard.choose_backup()
window.close()

# A window already open on the database.
db = TMP / "lock" / "jixiao.db"
make_db(db, forms=2)
held = lock.acquire(db)
current["name"] = "20-already-open"
from jixiao_desktop.app import AlreadyOpenError, lock_database  # noqa: E402

try:
    lock_database(db)
except AlreadyOpenError as exc:
    msgbox.info(None, "绩效目标申报助手", "绩效目标申报助手已经打开了这份数据。",
                f"请切换到已打开的窗口继续填写：两个窗口同时修改同一份数据会互相覆盖。\n\n锁文件：{exc.lock_path}")
assert held is not None
held.unlock()
print("screenshots in", OUT)
