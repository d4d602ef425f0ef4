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
    return app


def run_gui(db_path: Path | None = None) -> int:
    """Open the window on ``db_path`` (default: ``paths.default_db_path()``); the exit code."""
    from PySide6.QtCore import QTimer

    from jixiao_desktop import paths
    from jixiao_desktop.settings import Settings
    from jixiao_desktop.ui.main_window import MainWindow

    app = create_application()
    settings = Settings()
    window = MainWindow(settings, db_path or paths.default_db_path())

    measure = os.environ.get("JIXIAO_MEASURE_FIRST_PAINT") == "1"
    selftest = os.environ.get("JIXIAO_SELFTEST") == "1"
    window.start()
    if measure:
        def report(painted_at: float) -> None:
            print(f"first_paint_ms={(painted_at - _t0()) * 1000:.1f}", flush=True)
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
    return int(app.exec())  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(run_gui())
