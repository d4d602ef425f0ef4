"""Damage under an open window (issue 18, item 7).

Another program overwriting pages of the database while the window has it open went unnoticed:
autosave and Ctrl+S kept reporting success into a malformed file. ``DamageWatch`` runs SQLite's
``quick_check`` on a worker thread — its own plain connection, safe beside the window's
(``integrity.check_open_database``) — every ``PERIOD_MS``, after a save at most once a
``AFTER_SAVE_S``, and at once after a failed read or save; damage found is said in the
damaged-file dialog, as at start (``DatabaseGuard.show_damaged``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

PERIOD_MS = 5 * 60 * 1000
AFTER_SAVE_S = 60.0


class DamageWatch(QObject):
    """Checks the open database now and then; ``damaged(message)`` once when it is not whole."""

    damaged = Signal(str)

    def __init__(self, path: Callable[[], Path | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path = path
        self._running = False
        self._last = 0.0
        self.told = False
        self.timer = QTimer(self)
        self.timer.setInterval(PERIOD_MS)
        self.timer.timeout.connect(self.check_now)
        self.timer.start()

    def after_save(self) -> None:
        if time.monotonic() - self._last >= AFTER_SAVE_S:
            self.check_now()

    def check_now(self) -> None:
        path = self._path()
        if path is None or self._running or self.told:
            return
        self._running = True
        self._last = time.monotonic()
        threading.Thread(target=self._run, args=(path,), name="jixiao-damage-watch", daemon=True).start()

    def _run(self, path: Path) -> None:
        from jixiao_desktop.storage import integrity

        try:
            problems = integrity.check_open_database(path, full=False)
            message = str(integrity.damaged_from_problems(path, problems)) if problems else ""
        finally:
            self._running = False
        if message:
            self.damaged.emit(message)  # queued to the window's thread
