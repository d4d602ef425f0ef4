"""Long work (PDF export, printing) off the UI thread, behind a progress dialog with 取消.

``run_with_progress`` runs ``work(report)`` in a ``QThread`` while a window-modal
``QProgressDialog`` shows how far it is; the window keeps painting. ``report(done, total)``
returns False once the clerk pressed 取消, and the work stops at its next report (an export then
raises and its temporary file is removed, so nothing half-written is left). The worker touches
no widget: progress reaches the dialog through a queued signal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")
Report = Callable[[int, int], bool]

SHOW_AFTER_MS = 400  # a quick export never flashes a dialog


class Cancelled(Exception):
    """The clerk pressed 取消 (raised by ``run_with_progress``)."""


class _Worker(QThread):
    progressed = Signal(int, int)

    def __init__(self, work: Callable[[Report], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int = 0) -> bool:
        self.progressed.emit(done, total)
        return not self._cancel.is_set()

    def run(self) -> None:
        try:
            self.result = self._work(self.report)
        except BaseException as exc:  # handed to the UI thread, raised there
            self.error = exc


def run_with_progress(parent: QWidget | None, title: str, label: str, work: Callable[[Report], T],
                      unit: str = "页") -> T:
    """``work(report)`` in a worker thread; its result, or its exception raised here.

    Raises:
        Cancelled: the clerk pressed 取消 and the work stopped (by raising at a report).
    """
    dialog = QProgressDialog(label, "取消", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    worker = _Worker(work)
    loop = QEventLoop()

    def progressed(done: int, total: int) -> None:
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))
        else:
            dialog.setValue(0)
        if done:
            dialog.setLabelText(f"{label}（已完成 {done} {unit}）")

    worker.progressed.connect(progressed, Qt.ConnectionType.QueuedConnection)
    worker.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    dialog.canceled.connect(worker.cancel)
    worker.start()
    loop.exec()  # the window stays responsive; the queued quit arrives even if the work was quick
    worker.wait()
    cancelled = worker.cancelled
    error, result = worker.error, worker.result
    dialog.canceled.disconnect(worker.cancel)  # closing the dialog emits canceled too
    dialog.reset()
    dialog.close()
    dialog.deleteLater()
    worker.deleteLater()
    if error is not None:
        if cancelled:  # the work stopped because the clerk asked it to
            raise Cancelled() from error
        raise error
    return result  # type: ignore[no-any-return]  # finished: a late 取消 changes nothing
