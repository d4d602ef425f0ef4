"""The start-up copy on screen: the last form painted before the database is open.

``StartupPreview`` reads the copy (``jixiao_desktop.storage.startup_cache``), shows it read-only
through the window's hooks, and later either adopts it (it equals the stored form: the
widgets stay, they just become live) or drops it. It also keeps the copy as fresh as the
database after every save. ``FirstPaintWatcher`` reports when a widget first paints.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from jixiao_desktop.domain.model import Form
from jixiao_desktop.errors import log_unexpected
from jixiao_desktop.storage import startup_cache

if TYPE_CHECKING:
    from jixiao_desktop.ui.session import FormSession


class FirstPaintWatcher(QObject):
    """Calls ``callback(time.time() of the paint)`` once, just after a widget first paints."""

    def __init__(self, widget: QWidget, callback: Callable[[float], None]) -> None:
        super().__init__(widget)
        self._callback = callback
        self._done = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            self._done = True
            at = time.time()
            watched.removeEventFilter(self)
            callback = self._callback
            QTimer.singleShot(0, lambda: callback(at))
        return False


@dataclass(frozen=True)
class PreviewHooks:
    show: Callable[[Form], None]  # the form read-only in the editor page
    hide: Callable[[], None]  # back to the form list, as if there had been no copy


STARTUP_FALLBACK_MS = 300


class StartupPreview:
    def __init__(self, hooks: PreviewHooks) -> None:
        self._hooks = hooks
        self._cached: startup_cache.CachedForm | None = None
        self._scheduled = False
        self._watcher: FirstPaintWatcher | None = None

    def after_first_paint(self, widget: QWidget, finish: Callable[[], None]) -> None:
        """Run ``finish`` once, just after ``widget`` first paints (or soon, if it never does)."""
        def run(*_: object) -> None:
            if not self._scheduled:
                self._scheduled = True
                QTimer.singleShot(0, finish)

        self._watcher = FirstPaintWatcher(widget, run)
        QTimer.singleShot(STARTUP_FALLBACK_MS, run)  # no paint (minimised …)

    def mark_started(self) -> None:
        """Start-up ran by another way (tests, the self-test): a pending paint does nothing."""
        self._scheduled = True

    @property
    def active(self) -> bool:
        return self._cached is not None

    def show(self, last_form_id: int | None) -> bool:
        """Paint the start-up copy of ``last_form_id`` if there is a good one."""
        cached = startup_cache.read(last_form_id)
        if cached is None:
            return False
        try:
            self._hooks.show(cached.form)
        except Exception as exc:  # only a picture: on any doubt start the slow way, which is always right
            log_unexpected(exc)
            self.drop()
            return False
        self._cached = cached
        return True

    def adopt(self, form_id: int, form: Form) -> bool:
        """True when the copy on screen is ``form`` as stored (the widgets may be kept)."""
        cached, self._cached = self._cached, None
        return cached is not None and cached.form_id == form_id and cached.form == form

    def drop(self) -> None:
        """Never leave the copy on screen as if it were the stored form."""
        self._cached = None
        self._hooks.hide()

    def write_for(self, session: FormSession | None, last_form_id: int | None) -> None:
        """After a save or on closing: the copy of the open form if it is the last one, else none."""
        if session is not None:
            self.write(session.form_id if session.is_open else None, session.form, last_form_id,
                       final=session.is_final, fingerprint=session.fingerprint)

    @staticmethod
    def write(form_id: int | None, form: Form | None, last_form_id: int | None, *, final: bool,
              fingerprint: str | None) -> None:
        """Keep the copy of the last form as fresh as the database (forget it for another form)."""
        if form_id is not None and form is not None and form_id == last_form_id:
            startup_cache.write(form_id, form, final=final, fingerprint=fingerprint)
        else:
            startup_cache.forget()
