"""The composition root of the window: ``run_gui`` builds the application and shows it.

Imports here are Qt and small modules only; the database layer (SQLAlchemy, Alembic) and the
exporters are imported by ``MainWindow.finish_startup`` after the window has painted.

Environment:
    JIXIAO_SELFTEST=1: show the window, open the last form, process events, exit 0.
    JIXIAO_MEASURE_FIRST_PAINT=1: print the milliseconds to the first paint that shows the
        last form (or the form list) and exit. ``JIXIAO_T0`` (``time.time()`` of the caller
        before starting the process) makes it process start → paint.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from types import TracebackType

_T_IMPORT = time.time()
SAFETY_EXIT_MS = 30000  # self-test and measurement never hang a build


def _t0() -> float:
    value = os.environ.get("JIXIAO_T0")
    try:
        return float(value) if value else _T_IMPORT
    except ValueError:
        return _T_IMPORT


def create_application(argv: list[str] | None = None) -> object:
    """The ``QApplication`` with the Chinese font, locale and Qt translations installed."""
    from PySide6.QtWidgets import QApplication

    from jixiao_desktop import APP_ID, APP_NAME, __version__
    from jixiao_desktop.ui.fonts import setup_application

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(
        argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_ID)
    setup_application(app)  # type: ignore[arg-type]
    from jixiao_desktop.ui import plain_text

    plain_text.install(app)  # every tooltip shows text from a file or a person as plain text
    return app


def install_excepthook() -> None:
    """A bug in a slot shows a Chinese message (and is logged) instead of a bare traceback.

    Expected failures (bad files, a full disk, a locked database) are handled where they occur;
    this is the net under everything else. The traceback goes to stderr and to ``error.log``
    in the config folder (a windowed build has no console), through ``errors.log_unexpected``
    like every other bug the window catches.
    """
    from jixiao_desktop.errors import log_unexpected
    from jixiao_desktop.ui import msgbox

    previous = sys.excepthook
    showing = False

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        previous(exc_type, exc, tb)
        if issubclass(exc_type, KeyboardInterrupt):
            return
        log = log_unexpected(exc.with_traceback(tb))
        if showing:
            return
        showing = True
        try:
            from PySide6.QtWidgets import QApplication

            msgbox.error(QApplication.activeWindow(), "程序出错", "刚才的操作没有完成：程序遇到了意外错误。",
                         f"已填写的内容仍在窗口中，会照常自动保存。错误详情已记录在：{log}")
        finally:
            showing = False

    sys.excepthook = hook


class AlreadyOpenError(Exception):
    """Another window of the app has this database open (``str(exc)``: the Chinese message)."""

    def __init__(self, message: str, lock_path: Path | None = None) -> None:
        super().__init__(message)
        self.lock_path = lock_path


def lock_database(db_path: Path) -> object | None:
    """The lock held while the window is open (None: no lock can be made there).

    Two windows on one database would each autosave over the other's typing, so a second start
    on the same file (also through a symlink) is refused with ``AlreadyOpenError``. Only a
    running window holds the lock (an OS lock, see ``storage/lock.py``): a lock file left by a
    power cut, copied from another computer or naming an unrelated process is taken over. A
    folder where no lock can be written (read-only) does not stop the app: opening the
    database says what is wrong with the place.
    """
    from jixiao_desktop.storage import lock
    from jixiao_desktop.storage.errors import DatabaseInUseError

    try:
        return lock.acquire(db_path)
    except DatabaseInUseError as exc:
        raise AlreadyOpenError(str(exc), lock.lock_path_for(db_path)) from exc


def run_gui(db_path: str | Path | None = None) -> int:
    """Open the window on ``db_path`` (default: ``paths.database()``; a PostgreSQL URL is
    shared by several reviewers, so no lock file); the exit code."""
    from PySide6.QtCore import QTimer

    from jixiao_desktop import APP_NAME, paths
    from jixiao_desktop.display_check import problem
    from jixiao_desktop.ui import msgbox
    from jixiao_desktop.ui.main_window import MainWindow
    from jixiao_desktop.ui.settings import Settings

    if (missing := problem()) is not None:  # Qt would abort in English on a bare Linux desktop
        print(missing, file=sys.stderr, flush=True)
        return 1
    app = create_application()
    install_excepthook()
    db_path = db_path or paths.database()
    try:
        lock = lock_database(db_path) if isinstance(db_path, Path) else None
    except AlreadyOpenError as exc:
        msgbox.info(None, APP_NAME, f"{APP_NAME}已经打开了这份数据。",
                    f"请切换到已打开的窗口继续填写：两个窗口同时修改同一份数据会互相覆盖。\n\n"
                    f"锁文件：{exc.lock_path}\n（若找不到那个窗口，它可能已无响应：在任务管理器中结束该进程后再打开。）")
        return 0
    settings = Settings()
    window = MainWindow(settings, db_path)

    measure = os.environ.get("JIXIAO_MEASURE_FIRST_PAINT") == "1"
    selftest = os.environ.get("JIXIAO_SELFTEST") == "1"
    window.start()
    if measure:
        def report(painted_at: float) -> None:
            print(f"first_paint_ms={(painted_at - _t0()) * 1000:.1f} cpu_ms={time.process_time() * 1000:.1f}",
                  flush=True)
            window.close()
            app.quit()  # type: ignore[attr-defined]

        if window.showing_startup_copy:
            window.watch_first_paint(report)
        else:
            window.ready.connect(lambda: window.watch_first_paint(report))
    elif selftest:
        def finish() -> None:
            app.processEvents()  # type: ignore[attr-defined]
            state = "form" if window.session is not None and window.session.is_open else "list"
            print(f"selftest ok: ready={window.is_ready} showing={state}", flush=True)
            window.close()
            app.exit(0 if window.is_ready else 1)  # type: ignore[attr-defined]

        window.ready.connect(lambda: QTimer.singleShot(50, finish))
    if measure or selftest:
        QTimer.singleShot(SAFETY_EXIT_MS, lambda: app.exit(2))  # type: ignore[attr-defined]
    try:
        return int(app.exec())  # type: ignore[attr-defined]
    finally:
        if lock is not None:
            lock.unlock()  # type: ignore[attr-defined]


def run_bureau(db: str | Path) -> int:
    """``jixiao-desktop --bureau``: the bureau window alone; the exit code."""
    from jixiao_desktop.display_check import problem
    from jixiao_desktop.paths import shown_database
    from jixiao_desktop.storage.errors import StorageError
    from jixiao_desktop.ui import msgbox
    from jixiao_desktop.ui.bureau.window import BureauWindow

    if (missing := problem()) is not None:
        print(missing, file=sys.stderr, flush=True)
        return 1
    app = create_application()
    install_excepthook()
    try:
        window = BureauWindow(db)
    except StorageError as exc:
        msgbox.error(None, "无法打开数据库", f"{shown_database(db)}：{exc}")
        return 2
    window.show()
    return int(app.exec())  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(run_gui())
