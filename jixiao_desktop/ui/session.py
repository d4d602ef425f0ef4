"""The form being edited and its persistence: load, autosave, snapshot, 定稿.

``FormSession`` owns the link between the live ``Form`` object (the one the editor edits)
and the repository. It never shows anything: failures come out as signals carrying a
Chinese message, and the in-memory form is kept so that nothing typed is lost.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from time import monotonic
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from jixiao_desktop.domain.model import Form, FormStatus
from jixiao_desktop.errors import KnownError, known_message, log_unexpected, unexpected_text
from jixiao_desktop.storage.errors import SaveFailedError

if TYPE_CHECKING:
    from jixiao_desktop.storage.repository import FormRepository, StoredForm

log = logging.getLogger(__name__)

AUTOSAVE_MS = 1000
AUTOSAVE_MAX_DELAY_S = 5.0  # typing without a pause still saves this often (a crash loses less)
RETRY_MS = 15000
HOLD_MS = 1000  # how often the window makes sure it still holds its database file (storage.hold)


def _save_error(exc: Exception) -> str:
    """Why saving failed, in Chinese; a bug is logged with its traceback first.

    Saving catches bugs too: the form must stay in memory and the window open (nothing lost).
    """
    message = known_message(exc)
    return message if message is not None else unexpected_text(log_unexpected(exc))


class FormSession(QObject):
    """The currently open form.

    Signals:
        saved(datetime): the form was written to the database.
        save_failed(str): writing failed; the message is Chinese, the form stays in memory.
        state_changed(): status, fingerprint or the funds-review flag changed.
    """

    saved = Signal(object)
    save_failed = Signal(str)
    state_changed = Signal()

    def __init__(self, repo: FormRepository, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self.form_id: int | None = None
        self.form: Form | None = None
        self.stored: StoredForm | None = None
        self.dirty = False
        self._dirty_since = 0.0
        self.last_saved: datetime | None = None
        self.last_error = ""
        self.last_exception: Exception | None = None  # what the last failed save raised (ui/db_guard.py)
        # Called before every save except the autosave timer's: the window hands in edits the
        # editor still holds (a table cell being typed in), so closing or switching loses nothing.
        self.before_save: Callable[[], None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self._autosave)
        # A descriptor of the database closed anywhere in this process (a dialog, a print
        # completer) drops its locks: take them again before another program deletes the WAL.
        self._hold_timer = QTimer(self)
        self._hold_timer.setInterval(HOLD_MS)
        self._hold_timer.timeout.connect(self.keep_hold)
        self._hold_timer.start()

    # --- state ----------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self.form_id is not None and self.form is not None

    @property
    def status(self) -> FormStatus:
        return self.stored.status if self.stored is not None else FormStatus.DRAFT

    @property
    def is_final(self) -> bool:
        return self.status is FormStatus.FINAL

    @property
    def fingerprint(self) -> str | None:
        return self.stored.fingerprint if self.stored is not None and self.is_final else None

    @property
    def funds_need_review(self) -> bool:
        return bool(self.stored is not None and self.stored.funds_need_review)

    def autosave_pending(self) -> bool:
        return self._timer.isActive()

    # --- open / close ---------------------------------------------------------------------

    def open(self, form_id: int) -> Form:
        """Load a stored form (the caller saves the previous one first via ``close``)."""
        stored = self.repo.load(form_id)
        self.form_id = form_id
        self.stored = stored
        self.form = stored.form
        self.dirty = False
        self.last_saved = stored.updated_at
        self.last_error = ""
        self.state_changed.emit()
        return stored.form

    def bind(self, form: Form) -> None:
        """Use ``form`` (the editor's live object) as the form to save."""
        self.form = form

    def close(self) -> bool:
        """Save and forget the current form; False (and still open) when saving failed."""
        if not self.save():
            return False
        self._timer.stop()
        self.form_id = None
        self.form = None
        self.stored = None
        self.dirty = False
        self.state_changed.emit()
        return True

    def reload(self) -> Form:
        """Read the current form again from the database (after restore, finalise …)."""
        assert self.form_id is not None
        return self.open(self.form_id)

    def keep_hold(self) -> None:
        try:
            self.repo.keep_hold()
        except Exception as exc:  # a background check: the next save says what is wrong
            log.warning("could not take the database's locks again: %s", exc)

    # --- saving ---------------------------------------------------------------------------

    def touch(self) -> None:
        """The form changed: save it when typing pauses."""
        if not self.is_open:
            return
        if not self.dirty:
            self._dirty_since = monotonic()
        self.dirty = True
        if self._timer.isActive() and monotonic() - self._dirty_since >= AUTOSAVE_MAX_DELAY_S:
            return  # unsaved for a while: let the pending save happen rather than push it back again
        self._timer.start(AUTOSAVE_MS)

    def save(self) -> bool:
        """Write the form if it changed. On failure keep it in memory and retry later."""
        if self.before_save is not None and self.is_open:
            self.before_save()
        return self._autosave()

    def _autosave(self) -> bool:
        """``save`` without taking pending edits from the editor (the clerk may still be typing)."""
        self._timer.stop()
        # A 定稿 form is saved too: only its 监控/自评 fields can change (the repository refuses
        # anything that would change its 定稿指纹).
        if not self.is_open or not self.dirty:
            return True
        assert self.form_id is not None and self.form is not None
        self.keep_hold()
        try:
            at = self.repo.save(self.form_id, self.form)
        except (KnownError, OSError) as exc:
            self.last_error = _save_error(exc)
            self.last_exception = exc
            self._timer.start(RETRY_MS)
            self.save_failed.emit(self.last_error)
            return False
        except Exception as exc:  # a bug: logged; the form stays in memory and saving is retried
            self.last_error = _save_error(exc)
            self.last_exception = exc
            self._timer.start(RETRY_MS)
            self.save_failed.emit(self.last_error)
            return False
        self.dirty = False
        self.last_error = ""
        self.last_saved = at
        self.saved.emit(at)
        return True

    def save_with_snapshot(self, note: str = "") -> bool:
        """Ctrl+S: save now and record a version in the history."""
        if not self.is_open:
            return True
        if not self.save():
            return False
        assert self.form_id is not None
        if self.is_final:
            return True
        try:
            self.repo.snapshot(self.form_id, note)
        except (KnownError, OSError) as exc:
            self.last_error = _save_error(exc)
            self.save_failed.emit(self.last_error)
            return False
        self.saved.emit(self.last_saved or datetime.now())
        return True

    # --- lifecycle of the stored form -----------------------------------------------------

    def finalise(self) -> str:
        """定稿 (the caller has checked that no error remains). Returns the fingerprint."""
        assert self.form_id is not None
        if not self.save():
            raise SaveFailedError(self.last_error)
        fingerprint = self.repo.finalise(self.form_id)
        self._refresh_stored()
        return fingerprint

    def unfinalise(self, reason: str) -> None:
        assert self.form_id is not None
        self.repo.unfinalise(self.form_id, reason)
        self._refresh_stored()

    def mark_funds_reviewed(self) -> None:
        assert self.form_id is not None
        if not self.save():
            raise SaveFailedError(self.last_error)
        self.repo.mark_funds_reviewed(self.form_id)
        self._refresh_stored()

    def restore_snapshot(self, snapshot_id: int) -> Form:
        """Replace the form by a version (the repository records the current one first)."""
        assert self.form_id is not None
        if not self.save():
            raise SaveFailedError(self.last_error)
        self.repo.restore_snapshot(self.form_id, snapshot_id)
        return self.reload()

    def _refresh_stored(self) -> None:
        """Re-read status and flags, keeping the live form object the editor holds."""
        assert self.form_id is not None
        live = self.form
        self.stored = self.repo.load(self.form_id)
        if live is not None:
            self.form = live
        self.state_changed.emit()
