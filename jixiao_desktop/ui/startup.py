"""What the window shows before its database is open, and what the clerk did meanwhile.

At start the window paints the last form from its start-up copy (``StartupPreview``) or, when
there is none, the form list read with the standard library alone (``storage.listing``); the
database is opened just after that first paint (importing SQLAlchemy takes about half a
second). Until it is open, the list's buttons wait, and a form double-clicked is opened as
soon as the database is."""

from __future__ import annotations

import gc
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from jixiao_desktop.storage import integrity, listing

if TYPE_CHECKING:
    from jixiao_desktop.storage.types import FormSummary
    from jixiao_desktop.ui.window_port import WindowPort


class Startup:
    def __init__(self, window: WindowPort) -> None:
        self._window = window
        self._list: listing.StartupList | None = None
        self.pending_open: int | None = None  # double-clicked before the database was open
        self._check: tuple[threading.Thread, list[list[str] | None]] | None = None

    def begin(self) -> None:
        """Paint the last form or the list at once; open the database after the first paint."""
        w = self._window
        if not w.preview.show(w.settings.last_form_id()):
            self._list = listing.read_at_startup(w.db_path)  # ~0.1 s for 10,000 forms
            if self._list is not None:
                w.form_list.set_rows(self._list.rows)
                w.form_list.set_busy(True)
                w.saved_label.setText("正在打开数据…")  # why the buttons wait (the window's state clears it)
        w.preview.after_first_paint(w.window(), w.finish_startup)
        w.show()

    def check_ahead(self) -> None:
        """``quick_check`` the file on a worker thread while the window imports SQLAlchemy:
        SQLite reads without Python's lock, so on two cores the check costs no time."""
        path = Path(self._window.db_path)
        if not listing.writable_database_file(path):
            return  # a server, a new database, a read-only file: the opening checks as before
        result: list[list[str] | None] = [None]

        def run() -> None:
            result[0] = integrity.quick_check_ahead(path)

        thread = threading.Thread(target=run, name="jixiao-quick-check", daemon=True)
        thread.start()
        self._check = (thread, result)

    def checked_ahead(self) -> list[str] | None:
        """What that check found (waiting for it if need be); ``None``: not run, check when opening."""
        if self._check is None:
            return None
        (thread, result), self._check = self._check, None
        thread.join()
        return result[0]

    def open_failed(self) -> None:
        """The database could not be opened: never leave the early list as if it were good."""
        self._list = None
        self._window.form_list.set_rows([])
        self._window.form_list.set_busy(False)

    def list_rows(self) -> list[FormSummary] | None:
        """The database is open: the list's rows, on screen (``None``: reading them failed)."""
        w = self._window
        shown, self._list = self._list, None
        if shown is not None and shown.still_current(Path(w.db_path)):
            rows = shown.rows  # on screen already, and nothing wrote to the file since
        else:
            rows = w.form_actions.summaries()  # one query for the list and the check below
            if not w.is_ready:  # the file turned out damaged: db_guard has said so and let go of it
                return None
            w.form_list.set_rows(rows)
        w.form_list.set_busy(False)
        return rows

    def defer_open(self, form_id: int) -> None:
        self.pending_open = form_id
        self._window.show_status("正在打开数据文件，稍候即打开这张表单…", 1)

    def done(self) -> int | None:
        """Start-up is over; the form double-clicked meanwhile, if any.

        What start-up built (Qt's wrappers, the modules, the list's lines) lives as long as the
        window: ``gc.freeze`` keeps it out of the garbage collector's full passes, which at
        10,000 forms made every few list refreshes 40 ms slower.
        """
        gc.freeze()
        pending, self.pending_open = self.pending_open, None
        return pending
