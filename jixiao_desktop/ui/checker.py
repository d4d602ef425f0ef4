"""Live checking: run the checks a moment after the clerk stops typing."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from jixiao_desktop.domain.findings import CheckSettings, Finding
from jixiao_desktop.domain.model import Form

DEBOUNCE_MS = 150


class LiveChecker(QObject):
    """Debounces edits and runs ``domain.checks.run_checks`` on the live form.

    Signals:
        findings_changed(list): the findings of the latest run.
    """

    findings_changed = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._form: Form | None = None
        self.settings = CheckSettings()
        self.findings: list[Finding] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_now)

    def set_form(self, form: Form | None) -> None:
        """Check another form (or none) right away."""
        self._form = form
        self.run_now()

    def set_settings(self, settings: CheckSettings) -> None:
        self.settings = settings
        self.run_now()

    def schedule(self) -> None:
        """The form changed: check again when typing pauses for ``DEBOUNCE_MS``."""
        self._timer.start()

    def pending(self) -> bool:
        return self._timer.isActive()

    def run_now(self) -> list[Finding]:
        from jixiao_desktop.domain.checks import run_checks  # first use is after the first paint

        self._timer.stop()
        self.findings = run_checks(self._form, self.settings) if self._form is not None else []
        self.findings_changed.emit(self.findings)
        return self.findings
