"""The life of the open form: 定稿, 取消定稿, 资金已核对, 已知悉 and the 历史版本.

``LifecycleActions`` holds no state: the window hands in how to reach the open session and
the editor, the live checker, the checks panel and what to do afterwards. Every question and
message names the form it is about. Only expected failures (``ui.errors.KNOWN``) are caught.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from jixiao_desktop.domain.findings import Finding, Severity, count_findings
from jixiao_desktop.domain.model import Form
from jixiao_desktop.domain.titles import form_name
from jixiao_desktop.ui import msgbox
from jixiao_desktop.ui.errors import KNOWN, show_known

if TYPE_CHECKING:
    from jixiao_desktop.ui.checker import LiveChecker
    from jixiao_desktop.ui.checks_panel import ChecksPanel
    from jixiao_desktop.ui.dialogs.history import HistoryDialog
    from jixiao_desktop.ui.editor.editor import FormEditor
    from jixiao_desktop.ui.session import FormSession

MAX_LISTED_WARNINGS = 8


@dataclass(frozen=True)
class LifecycleHooks:
    update_state: Callable[[], None]
    focus_finding: Callable[[Finding], None]
    show_in_editor: Callable[[Form], None]
    status: Callable[[str], None]


def open_form_name(session: FormSession | None) -> str:
    form = session.form if session is not None else None
    return form_name(form.year, form.department) if form is not None else "该表单"


def warnings_text(findings: list[Finding]) -> str:
    """The open warnings, one a line (the first few), for the 定稿 question."""
    open_warnings = [f for f in findings if f.severity is Severity.WARNING and not f.acknowledged]
    lines = [f"· {f.message}" for f in open_warnings[:MAX_LISTED_WARNINGS]]
    if len(open_warnings) > MAX_LISTED_WARNINGS:
        lines.append(f"……另有 {len(open_warnings) - MAX_LISTED_WARNINGS} 个警告")
    return "\n".join(lines)


class LifecycleActions:
    def __init__(self, parent: QWidget, session: Callable[[], FormSession | None],
                 editor: Callable[[], FormEditor | None], checker: LiveChecker, checks_panel: ChecksPanel,
                 hooks: LifecycleHooks) -> None:
        self._parent = parent
        self._session = session
        self._editor = editor
        self._checker = checker
        self._panel = checks_panel
        self._hooks = hooks

    # --- 定稿 ------------------------------------------------------------------------------

    def finalise(self) -> bool:
        from jixiao_desktop.domain.checks import has_errors

        session = self._session()
        if session is None or not session.is_open or session.is_final:
            return False
        name = open_form_name(session)
        if not session.save():  # also takes in a table cell still being typed in, so it is checked
            msgbox.error(self._parent, "定稿失败", f"“{name}”没有保存成功：{session.last_error}")
            return False
        findings = self._checker.run_now()
        if has_errors(findings):
            errors = [f for f in findings if f.severity is Severity.ERROR]
            msgbox.warning(self._parent, "还不能定稿", f"“{name}”还有 {len(errors)} 个错误，改正后才能定稿。",
                           "第一个错误：" + errors[0].message)
            self._panel.select_row(self._panel.model.row_of((errors[0].rule, errors[0].field, errors[0].span)))
            self._hooks.focus_finding(errors[0])
            return False
        warnings = warnings_text(findings)
        text = f"定稿“{name}”？定稿后表单变为只读，并生成定稿指纹。"
        detail = "如需再修改，可以“取消定稿”（需填写原因）。"
        if warnings:
            count = count_findings(findings).open_warnings
            text = f"“{name}”还有 {count} 个警告没有处理（也没有标为已知悉）：\n{warnings}\n\n仍要定稿吗？"
            detail = "定稿后表单变为只读，并生成定稿指纹；如需再修改，可以“取消定稿”（需填写原因）。"
        if not msgbox.confirm(self._parent, "定稿", text, detail):
            return False
        try:
            fingerprint = session.finalise()
        except KNOWN as exc:
            show_known(self._parent, "定稿失败", exc)
            return False
        editor = self._editor()
        assert editor is not None
        editor.set_read_only(True)
        editor.undo_stack().clear()  # nothing before 定稿 can be undone into a locked form
        self._hooks.update_state()
        self._hooks.status(f"“{name}”已定稿，定稿指纹 {fingerprint}")
        return True

    def unfinalise(self) -> bool:
        session = self._session()
        if session is None or not session.is_final:
            return False
        name = open_form_name(session)
        reason = msgbox.ask_text(self._parent, "取消定稿", f"请填写取消“{name}”定稿的原因（将记入操作记录）：",
                                required=True)
        if reason is None:
            return False
        if not reason.strip():
            msgbox.warning(self._parent, "取消定稿", "必须填写原因才能取消定稿。")
            return False
        try:
            session.unfinalise(reason.strip())
        except KNOWN as exc:
            show_known(self._parent, "取消定稿失败", exc)
            return False
        editor = self._editor()
        assert editor is not None
        editor.set_read_only(False)
        self._hooks.update_state()
        return True

    def mark_funds_reviewed(self) -> None:
        session = self._session()
        if session is None or not session.funds_need_review:
            return
        try:
            session.mark_funds_reviewed()
        except KNOWN as exc:
            show_known(self._parent, "操作失败", exc)
            return
        self._hooks.status(f"已记录：“{open_form_name(session)}”的资金数额已核对。")

    def save_version(self) -> None:
        """Ctrl+S: write now and record a version in the history (autosave does the rest)."""
        session = self._session()
        if session is None or not session.is_open:
            return
        if session.is_final:
            self._hooks.status("本表已定稿，内容已保存。")
            return
        session.dirty = True  # Ctrl+S always writes and records a version
        if session.save_with_snapshot("手动保存"):
            self._hooks.status(f"已保存“{open_form_name(session)}”，并记录了一个历史版本。")

    # --- history --------------------------------------------------------------------------

    def show_history(self) -> None:
        dialog = self.history_dialog()
        if dialog is not None:
            dialog.exec()

    def history_dialog(self) -> HistoryDialog | None:
        """The 历史版本 dialog of the open form, wired to reload the editor after a restore."""
        from jixiao_desktop.ui.dialogs.history import HistoryDialog

        session = self._session()
        if session is None or not session.is_open:
            return None
        if not session.save():
            return None
        dialog = HistoryDialog(session, self._parent)
        dialog.setWindowTitle(f"历史版本 — {open_form_name(session)}")
        dialog.restored.connect(self._on_restored)
        return dialog

    def _on_restored(self) -> None:
        session = self._session()
        assert session is not None and session.form is not None
        self._hooks.show_in_editor(session.form)
        self._hooks.status(f"已恢复“{open_form_name(session)}”的历史版本（恢复前的内容已记录为一个版本）。")
