"""The findings of the open form on screen: the checks panel, the editor's marks, the counts;
clicking a finding, 已知悉 / 取消已知悉, and the thresholds of 设置.

``FindingsView`` holds only the findings last given to the editor (most keystrokes change no
finding, and then the editor's marks are left alone). Everything else comes in through the
constructor.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from jixiao_desktop.domain import editing
from jixiao_desktop.domain.fields import field_label
from jixiao_desktop.domain.findings import CheckSettings, Finding, Severity
from jixiao_desktop.ui.checks_panel import ChecksPanel, apply_fix, summary_text
from jixiao_desktop.ui.editor.live_label import LiveLabel
from jixiao_desktop.ui.settings import Settings

if TYPE_CHECKING:
    from jixiao_desktop.domain.fixes import Fix
    from jixiao_desktop.domain.model import Form
    from jixiao_desktop.ui.checker import LiveChecker
    from jixiao_desktop.ui.editor.editor import FormEditor
    from jixiao_desktop.ui.session import FormSession


class FindingsView:
    def __init__(self, parent: QWidget, panel: ChecksPanel, checker: LiveChecker, settings: Settings,
                 session: Callable[[], FormSession | None], editor: Callable[[], FormEditor | None],
                 counts: QLabel | LiveLabel, show_editor: Callable[[], None], status: Callable[[str], None]) -> None:
        self._parent = parent
        self._panel = panel
        self._checker = checker
        self._settings = settings
        self._session = session
        self._editor = editor
        self._counts = counts
        self._show_editor = show_editor
        self._status = status
        self._editor_findings: list[Finding] | None = None
        # The bureau's 审核意见 on the open form, shown with its findings (ui/bureau/hooks.py).
        self.review_findings: list[Finding] = []
        # Findings from outside the checks engine, given the open form, and their one-click fixes
        # (the indicator library's hint, ui/indicator_library/hooks.py).
        self.finding_sources: list[Callable[[Form], list[Finding]]] = []
        self.fixers: list[Callable[[Form, Finding], Fix | None]] = []

    def _is_open(self) -> bool:
        session = self._session()
        return session is not None and session.is_open

    def forget_marks(self) -> None:
        """The editor got a new form (``set_form`` cleared its marks)."""
        self._editor_findings = None

    def show(self, findings: list[Finding]) -> None:
        session = self._session()
        form = session.form if session is not None and session.is_open else None
        extra = [f for source in self.finding_sources for f in source(form)] if form is not None else []
        findings = [*self.review_findings, *findings, *extra]  # the bureau's comments first
        self._panel.model.label_of = (lambda path: field_label(path, form)) if form is not None else field_label
        self._panel.set_findings(findings)
        editor = self._editor()
        if editor is not None and findings != self._editor_findings:
            self._editor_findings = list(findings)
            editor.set_findings(findings)
        self._counts.setText(summary_text(findings) if self._is_open() else "")

    def focus(self, finding: Finding) -> None:
        editor = self._editor()
        if editor is None or not self._is_open():
            return
        self._show_editor()
        category = editing.RULE_CATEGORY.get(finding.rule) if not finding.field else None
        if category is not None:  # 没有效果（效益）指标 → the 效果 tab, where the clerk adds one
            editor.show_category(category)
            return
        if not editor.focus_field(finding.field, finding.span):
            self._status("该项在当前格式中没有对应的输入框。")

    # --- 一键修正 --------------------------------------------------------------------------

    def fixes_for(self, finding: Finding) -> tuple[Fix | None, Fix | None]:
        """The fix of a finding and of all of its kind (``domain.fixes``), for the panel's buttons."""
        from jixiao_desktop.domain import fixes  # the checks engine loads after the first paint

        session = self._session()
        if session is None or session.form is None or session.is_final or self._editor() is None:
            return None, None
        for fixer in self.fixers:
            fix = fixer(session.form, finding)
            if fix is not None:
                return fix, None
        return fixes.fix_for(session.form, finding), fixes.fix_all(session.form, finding, self._panel.findings())

    def apply_fix(self, fix: Fix) -> None:
        """A one-click fix: its edits as one undo step, then the checks at once."""
        editor = self._editor()
        session = self._session()
        if editor is None or session is None or session.is_final:
            return
        apply_fix(editor, fix)
        self._checker.run_now()

    # --- 已知悉 ----------------------------------------------------------------------------

    def acknowledge(self, finding: Finding) -> None:
        from jixiao_desktop.domain import checks

        session = self._session()
        if session is None or session.form is None or session.is_final:
            return
        if finding.severity is not Severity.WARNING:
            return
        checks.acknowledge(session.form, finding, at=datetime.now().isoformat(timespec="seconds"))
        self._after_acknowledgement(session)

    def unacknowledge(self, finding: Finding) -> None:
        from jixiao_desktop.domain import checks

        session = self._session()
        if session is None or session.form is None or session.is_final:
            return
        checks.unacknowledge(session.form, finding)
        self._after_acknowledgement(session)

    def _after_acknowledgement(self, session: FormSession) -> None:
        session.touch()
        session.save()
        self._checker.run_now()

    # --- 设置 ------------------------------------------------------------------------------

    def show_settings(self) -> None:
        from jixiao_desktop.ui.dialogs.settings_dialog import ask_settings

        answer = ask_settings(self._settings.satisfaction_min(), self._settings.show_acknowledged(), self._parent)
        if answer is not None:
            self.apply_settings(*answer)

    def apply_settings(self, satisfaction_min: Decimal, show_acknowledged: bool) -> None:
        """Keep the chosen thresholds and check again with them."""
        self._settings.set_satisfaction_min(satisfaction_min)
        self._settings.set_show_acknowledged(show_acknowledged)
        self._panel.set_show_acknowledged(show_acknowledged)
        self._checker.set_settings(CheckSettings(satisfaction_min=satisfaction_min))
