"""The main window: composes the form list, the editor, the checks panel and the menus.

Behaviour lives elsewhere: ``FormSession`` saves, ``LiveChecker`` checks, ``transfer`` reads
and writes files, ``OutputActions`` exports and prints, the dialogs ask. The slots here read
the widgets, call one of those and show the result.

Start-up is split in two so that the window paints before SQLAlchemy, Alembic and the
exporters are imported: ``__init__`` builds widgets only, ``finish_startup`` (run by a
zero-timer after the first show) opens the database and the last form.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from jixiao_desktop import APP_NAME
from jixiao_desktop.domain.findings import CheckSettings, Finding, Severity
from jixiao_desktop.domain.model import Form
from jixiao_desktop.settings import Settings
from jixiao_desktop.ui import msgbox
from jixiao_desktop.ui.checker import LiveChecker
from jixiao_desktop.ui.checks_panel import ChecksPanel, summary_text
from jixiao_desktop.ui.form_list import FormListPage
from jixiao_desktop.ui.forms.ui_main_window import Ui_MainWindow
from jixiao_desktop.ui.output import OutputActions
from jixiao_desktop.ui.session import FormSession, storage_message

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from jixiao_desktop.storage.repository import FormRepository
    from jixiao_desktop.ui.dialogs.history import HistoryDialog
    from jixiao_desktop.ui.editor.editor import FormEditor

STATUS_MESSAGE_MS = 6000
STARTUP_FALLBACK_MS = 300


def _local_time(at: datetime) -> datetime:
    return at.astimezone() if at.tzinfo is not None else at


class _FirstPaintWatcher(QObject):
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


class MainWindow(QMainWindow):
    """The application window.

    Signals:
        ready(): the database is open and the last form (if any) is shown.
        form_opened(int): a form is now in the editor.
    """

    ready = Signal()
    form_opened = Signal(int)

    def __init__(self, settings: Settings, db_path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.db_path = db_path
        self.repo: FormRepository | None = None
        self.session: FormSession | None = None
        self.editor: FormEditor | None = None
        self.is_ready = False
        self._preview: object | None = None
        self._editor_findings: list[Finding] | None = None
        self._startup_scheduled = False
        self._undo_stack: QUndoStack | None = None
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setWindowTitle(APP_NAME)

        self.form_list = FormListPage(self.ui.startPage)
        self.ui.startLayout.addWidget(self.form_list)
        self.ui.stack.setCurrentWidget(self.ui.startPage)
        self.ui.fundsBanner.hide()
        self.ui.finalBanner.hide()
        self._placeholder = QLabel("正在打开…", self.ui.editorContainer)
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ui.editorLayout.addWidget(self._placeholder)

        self.checks_panel = ChecksPanel(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.checks_panel)
        self.checks_panel.set_show_acknowledged(settings.show_acknowledged())
        self.checks_panel.set_no_form()
        self.checker = LiveChecker(self)
        self.checker.settings = CheckSettings(satisfaction_min=settings.satisfaction_min())
        self.output = OutputActions(self, lambda: self.session, self.checker, settings,
                                    lambda text: self.statusBar().showMessage(text, STATUS_MESSAGE_MS))

        self.counts_label = QLabel("", self)
        self.fingerprint_label = QLabel("", self)
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saved_label = QLabel("", self)
        for label in (self.fingerprint_label, self.counts_label, self.saved_label):
            label.setContentsMargins(8, 0, 8, 0)
            self.ui.statusbar.addPermanentWidget(label)

        self._connect()
        self.ui.actionRedo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.resize(1280, 800)
        geometry = settings.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = settings.window_state()
        if state is not None:
            self.restoreState(state)
        self._update_actions()

    # --- wiring ---------------------------------------------------------------------------

    def _connect(self) -> None:
        ui = self.ui
        page = self.form_list
        page.open_requested.connect(self.open_form)
        page.new_requested.connect(self.new_form)
        page.copy_requested.connect(self.copy_from_last_year)
        page.import_requested.connect(lambda: self.import_file())
        page.delete_requested.connect(self.delete_form)
        page.undo_delete_requested.connect(self.undo_delete)
        page.recycle_bin_requested.connect(self.show_recycle_bin)

        ui.actionNewForm.triggered.connect(self.new_form)
        ui.actionCopyLastYear.triggered.connect(lambda: self.copy_from_last_year(self._target_form_id()))
        ui.actionShowFormList.triggered.connect(self.show_form_list)
        ui.actionImport.triggered.connect(lambda: self.import_file())
        ui.actionExport.triggered.connect(lambda: self.export_file())
        ui.actionSave.triggered.connect(self.save_with_snapshot)
        ui.actionPrintPreview.triggered.connect(self.print_preview)
        ui.actionPrint.triggered.connect(self.print_form)
        ui.actionRecycleBin.triggered.connect(self.show_recycle_bin)
        ui.actionQuit.triggered.connect(self.close)
        ui.actionUndo.triggered.connect(self.undo)
        ui.actionRedo.triggered.connect(self.redo)
        ui.actionSettings.triggered.connect(self.show_settings)
        ui.actionFinalise.triggered.connect(self.finalise)
        ui.actionUnfinalise.triggered.connect(self.unfinalise)
        ui.actionFundsReviewed.triggered.connect(self.mark_funds_reviewed)
        ui.actionHistory.triggered.connect(self.show_history)
        ui.actionDeleteForm.triggered.connect(lambda: self.delete_form(self._target_form_id()))
        ui.actionRunChecks.triggered.connect(self.checker.run_now)
        ui.actionNextFinding.triggered.connect(lambda: self.checks_panel.step(1))
        ui.actionPreviousFinding.triggered.connect(lambda: self.checks_panel.step(-1))
        ui.actionAcknowledge.triggered.connect(self.checks_panel.acknowledge_current)
        ui.actionUnacknowledge.triggered.connect(self.checks_panel.unacknowledge_current)
        ui.actionToggleChecks.toggled.connect(self.checks_panel.setVisible)
        self.checks_panel.visibilityChanged.connect(self._on_checks_visibility)
        ui.actionAbout.triggered.connect(self.show_about)
        ui.fundsReviewedButton.clicked.connect(self.mark_funds_reviewed)
        ui.unfinaliseButton.clicked.connect(self.unfinalise)

        self.checker.findings_changed.connect(self._show_findings)
        self.checks_panel.finding_activated.connect(self.focus_finding)
        self.checks_panel.acknowledge_requested.connect(self.acknowledge)
        self.checks_panel.unacknowledge_requested.connect(self.unacknowledge)
        self.checks_panel.show_acknowledged_changed.connect(self.settings.set_show_acknowledged)

    def _on_checks_visibility(self, visible: bool) -> None:
        # Hiding the window also hides docks; only follow what the clerk did.
        if self.isVisible() and not self.isMinimized():
            self.ui.actionToggleChecks.setChecked(visible)

    # --- start-up -------------------------------------------------------------------------

    def start(self) -> None:
        """Show the last form at once (from the start-up copy), then open the database.

        The database is opened after the window's first paint, so SQLAlchemy and Alembic are
        imported while the clerk already sees the form.
        """
        from jixiao_desktop.ui import startup_cache

        cached = startup_cache.read(self.settings.last_form_id())
        if cached is not None:
            try:
                self._show_preview(cached)
            except Exception:  # only a picture: on any doubt start the slow way, which is always right
                self._preview = None
                self.ui.stack.setCurrentWidget(self.ui.startPage)
                self.setWindowTitle(APP_NAME)
                self.saved_label.setText("")
        watcher = _FirstPaintWatcher(self, self._after_first_paint)
        self._startup_watcher = watcher
        self.show()
        QTimer.singleShot(STARTUP_FALLBACK_MS, self._after_first_paint)  # no paint (minimised …)

    def _after_first_paint(self, *_: object) -> None:
        if not self._startup_scheduled:
            self._startup_scheduled = True
            QTimer.singleShot(0, self.finish_startup)

    def _build_editor(self) -> FormEditor:
        if self.editor is None:
            from jixiao_desktop.ui.editor.editor import FormEditor

            self.editor = FormEditor(self.ui.editorContainer)
            self._placeholder.hide()
            self.ui.editorLayout.addWidget(self.editor)
            self.editor.set_department_suggestions(self.settings.departments())
            self.editor.edited.connect(self._on_edited)
            self.editor.current_tab_changed.connect(self._on_tab_changed)
        return self.editor

    def _show_preview(self, cached: object) -> None:
        """The start-up copy of the last form, read-only until the database has it."""
        editor = self._build_editor()
        editor.set_form(cached.form, True)  # type: ignore[attr-defined]
        self._preview = cached
        self.ui.stack.setCurrentWidget(self.ui.editorPage)
        form = cached.form  # type: ignore[attr-defined]
        year = f"{form.year}年度 " if form.year else ""
        self.setWindowTitle(f"{year}{form.department or '未命名表单'} — {APP_NAME}")
        self.saved_label.setText("正在打开数据…")

    def finish_startup(self) -> None:
        """Open the database, build the editor and reopen the last form (or the list)."""
        if self.is_ready:
            return
        from jixiao_desktop.storage.repository import FormRepository

        self._startup_scheduled = True
        try:
            self.repo = FormRepository.open(self.db_path)
        except Exception as exc:
            self._preview = None
            self.ui.stack.setCurrentWidget(self.ui.startPage)
            self.setWindowTitle(APP_NAME)
            self.saved_label.setText("")
            self.form_list.ui.emptyLabel.setText(f"无法打开数据文件：\n{self.db_path}\n\n{storage_message(exc)}")
            msgbox.error(self, "无法打开数据文件", storage_message(exc), str(self.db_path))
            return
        self.session = FormSession(self.repo, self)
        self.session.saved.connect(self._on_saved)
        self.session.save_failed.connect(self._on_save_failed)
        self.session.state_changed.connect(self._update_state)
        self.session.before_save = self._build_editor().commit_pending_edit

        self.is_ready = True
        summaries = self._summaries()  # one query for the list and the check below
        self.form_list.set_rows(summaries)
        last = self.settings.last_form_id()
        if not (last is not None and any(s.id == last for s in summaries) and self.open_form(last)):
            # Never leave the start-up copy on screen as if it were the stored form.
            self._preview = None
            self.show_form_list()
        self._update_actions()
        self.ready.emit()

    @property
    def showing_startup_copy(self) -> bool:
        """The last form is on screen from the start-up copy, the database not yet open."""
        return self._preview is not None and not self.is_ready

    def watch_first_paint(self, callback: Callable[[float], None]) -> None:
        """Call ``callback(seconds)`` at the next paint of what the window shows now."""
        target = self.ui.stack.currentWidget()
        _FirstPaintWatcher(target, callback)
        target.update()

    # --- form list ------------------------------------------------------------------------

    def _summaries(self) -> list:  # list[FormSummary]
        if self.repo is None:
            return []
        try:
            return self.repo.list_forms()
        except Exception as exc:
            self.statusBar().showMessage(f"无法读取表单列表：{storage_message(exc)}", STATUS_MESSAGE_MS)
            return []

    def refresh_form_list(self, select_id: int | None = None) -> None:
        current = self.session.form_id if self.session is not None else None
        self.form_list.set_rows(self._summaries(), select_id or current)

    def show_form_list(self) -> None:
        if self.session is not None and not self.session.save():
            return
        self.refresh_form_list()
        self.ui.stack.setCurrentWidget(self.ui.startPage)
        self.form_list.ui.formTable.setFocus()
        self._update_title()
        self._update_actions()

    def _target_form_id(self) -> int | None:
        """The form an action is about: the open one in the editor, else the selected one."""
        if self.ui.stack.currentWidget() is self.ui.editorPage and self.session is not None:
            return self.session.form_id
        return self.form_list.selected_id()

    # --- opening --------------------------------------------------------------------------

    def open_form(self, form_id: int) -> bool:
        """Show a stored form in the editor, saving the one open before."""
        if self.session is None or self.editor is None:
            return False
        if self.session.form_id == form_id and self.session.is_open:
            self.ui.stack.setCurrentWidget(self.ui.editorPage)
            return True
        if not self.session.close():
            msgbox.error(self, "无法切换表单", f"当前表单没有保存成功：{self.session.last_error}",
                         "当前表单的内容仍在窗口中，请稍后再试。")
            return False
        try:
            form = self.session.open(form_id)
        except Exception as exc:
            msgbox.error(self, "无法打开表单", storage_message(exc))
            self.refresh_form_list()
            return False
        preview, self._preview = self._preview, None
        if preview is not None and preview.form_id == form_id and preview.form == form:  # type: ignore[attr-defined]
            # The start-up copy is what is stored: keep the widgets, just make them live.
            assert self.editor is not None
            self.editor.set_read_only(self.session.is_final)
            self._editor_findings = None
            self.session.bind(self.editor.form())
            self._connect_undo_stack()
            self.checker.set_form(self.editor.form())
            self._update_state()
        else:
            self._show_in_editor(form)
        self.settings.set_last_form_id(form_id)
        self.ui.stack.setCurrentWidget(self.ui.editorPage)
        self.form_list.hide_deleted_notice()
        self.form_opened.emit(form_id)
        return True

    def _show_in_editor(self, form: Form) -> None:
        assert self.session is not None and self.editor is not None
        self.editor.set_form(form, self.session.is_final)
        self._editor_findings = None  # set_form cleared the editor's marks
        self.session.bind(self.editor.form())
        self._connect_undo_stack()
        self.checker.set_form(self.editor.form())
        self._update_state()

    def _connect_undo_stack(self) -> None:
        assert self.editor is not None
        stack = self.editor.undo_stack()
        if stack is self._undo_stack:
            return
        if self._undo_stack is not None:
            self._undo_stack.canUndoChanged.disconnect(self._update_undo_actions)
            self._undo_stack.canRedoChanged.disconnect(self._update_undo_actions)
        self._undo_stack = stack
        stack.canUndoChanged.connect(self._update_undo_actions)
        stack.canRedoChanged.connect(self._update_undo_actions)
        self._update_undo_actions()

    # --- editing --------------------------------------------------------------------------

    def _on_edited(self) -> None:
        if self.session is None or not self.session.is_open:
            return
        self.session.touch()
        self.checker.schedule()
        self._update_title()

    def _on_tab_changed(self, *_: object) -> None:
        if self.session is not None:
            self.session.save()

    def undo(self) -> None:
        if self._undo_stack is not None and self.editor is not None and not self.session_is_final():
            self._undo_stack.undo()

    def redo(self) -> None:
        if self._undo_stack is not None and self.editor is not None and not self.session_is_final():
            self._undo_stack.redo()

    def session_is_final(self) -> bool:
        return self.session is not None and self.session.is_final

    def _update_undo_actions(self, *_: object) -> None:
        stack = self._undo_stack
        editable = self.session is not None and self.session.is_open and not self.session.is_final
        self.ui.actionUndo.setEnabled(bool(stack and stack.canUndo() and editable))
        self.ui.actionRedo.setEnabled(bool(stack and stack.canRedo() and editable))
        if stack is not None:
            self.ui.actionUndo.setText(f"撤销 {stack.undoText()}".strip() if stack.canUndo() else "撤销(&U)")
            self.ui.actionRedo.setText(f"重做 {stack.redoText()}".strip() if stack.canRedo() else "重做(&R)")

    # --- saving ---------------------------------------------------------------------------

    def save_with_snapshot(self) -> None:
        if self.session is None or not self.session.is_open:
            return
        if self.session.is_final:
            self.statusBar().showMessage("本表已定稿，内容已保存。", STATUS_MESSAGE_MS)
            return
        self.session.dirty = True  # Ctrl+S always writes and records a version
        if self.session.save_with_snapshot("手动保存"):
            self.statusBar().showMessage("已保存，并记录了一个历史版本。", STATUS_MESSAGE_MS)

    def _on_saved(self, at: datetime) -> None:
        self.saved_label.setStyleSheet("")
        self.saved_label.setText(f"已保存 {_local_time(at):%H:%M:%S}")
        self.saved_label.setToolTip("")
        self._update_title()
        # Keep the start-up copy as fresh as the database, so that the next start (even after a
        # crash or a power cut) paints this form at once instead of waiting for SQLAlchemy.
        self._write_startup_copy()

    def _on_save_failed(self, message: str) -> None:
        self.saved_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.saved_label.setText("未能保存")
        self.saved_label.setToolTip(f"{message}\n内容仍在窗口中，会自动重试。")
        self.statusBar().showMessage(f"保存失败：{message}。内容仍在窗口中，稍后会自动重试。", 0)

    # --- findings -------------------------------------------------------------------------

    def _show_findings(self, findings: list[Finding]) -> None:
        self.checks_panel.set_findings(findings)
        if self.editor is not None and findings != self._editor_findings:
            # Most keystrokes change no finding: then the editor's marks stay as they are.
            self._editor_findings = list(findings)
            self.editor.set_findings(findings)
        self.counts_label.setText(summary_text(findings) if self._has_open_form() else "")

    def focus_finding(self, finding: Finding) -> None:
        if self.editor is None or not self._has_open_form():
            return
        self.ui.stack.setCurrentWidget(self.ui.editorPage)
        if not self.editor.focus_field(finding.field, finding.span):
            self.statusBar().showMessage("该项在当前格式中没有对应的输入框。", STATUS_MESSAGE_MS)

    def acknowledge(self, finding: Finding) -> None:
        from jixiao_desktop.domain import checks

        if self.session is None or self.session.form is None or self.session.is_final:
            return
        if finding.severity is not Severity.WARNING:
            return
        checks.acknowledge(self.session.form, finding, at=datetime.now().isoformat(timespec="seconds"))
        self._after_acknowledgement()

    def unacknowledge(self, finding: Finding) -> None:
        from jixiao_desktop.domain import checks

        if self.session is None or self.session.form is None or self.session.is_final:
            return
        checks.unacknowledge(self.session.form, finding)
        self._after_acknowledgement()

    def _after_acknowledgement(self) -> None:
        assert self.session is not None
        self.session.touch()
        self.session.save()
        self.checker.run_now()

    def show_settings(self) -> None:
        from jixiao_desktop.ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings.satisfaction_min(), self.settings.show_acknowledged(), self)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        value = dialog.satisfaction_min()
        assert value is not None
        self.apply_settings(value, dialog.show_acknowledged())

    def apply_settings(self, satisfaction_min: Decimal, show_acknowledged: bool) -> None:
        """Keep the chosen thresholds and check again with them."""
        self.settings.set_satisfaction_min(satisfaction_min)
        self.settings.set_show_acknowledged(show_acknowledged)
        self.checks_panel.set_show_acknowledged(show_acknowledged)
        self.checker.set_settings(CheckSettings(satisfaction_min=satisfaction_min))

    # --- new / copy / import / delete -----------------------------------------------------

    def new_form(self) -> None:
        from jixiao_desktop.ui.dialogs.new_form import NewFormDialog

        if self.repo is None:
            return
        year = self.session.form.year + 1 if self.session and self.session.form and self.session.form.year \
            else None
        dialog = NewFormDialog(self.settings.departments(), year, self)
        if dialog.exec() != NewFormDialog.DialogCode.Accepted:
            return
        self.create_form(dialog.request())

    def create_form(self, request: object) -> int | None:
        """Store a blank form for a ``NewFormRequest`` and open it."""
        from jixiao_desktop.domain.model import new_form

        assert self.repo is not None
        layout, year, department = request.layout, request.year, request.department  # type: ignore[attr-defined]
        try:
            form_id = self.repo.create(new_form(layout, year, department), note=f"新建（{layout.label}）")
        except Exception as exc:
            msgbox.error(self, "无法新建表单", storage_message(exc))
            return None
        self.settings.remember_department(department)
        self.refresh_form_list(form_id)
        self.open_form(form_id)
        return form_id

    def copy_from_last_year(self, form_id: int | None) -> int | None:
        """继承上年: a next-year draft of ``form_id``, opened at once."""
        if self.repo is None or form_id is None:
            if self.repo is not None:
                msgbox.info(self, "从上年复制", "请先在表单列表中选中上一年度的表单。")
            return None
        if self.session is not None and not self.session.save():
            return None
        try:
            new_id = self.repo.copy_to_next_year(form_id)
        except Exception as exc:
            msgbox.error(self, "无法复制", storage_message(exc))
            return None
        self.refresh_form_list(new_id)
        self.open_form(new_id)
        self.statusBar().showMessage(
            "已按上年表单新建本年度草稿：请核对资金数额，并修改仍写着上年年份的文字。", STATUS_MESSAGE_MS * 2)
        return new_id

    def import_file(self, path: Path | None = None) -> int | None:
        from jixiao_desktop.ui import transfer

        if self.repo is None:
            return None
        if path is None:
            path = msgbox.ask_open_path(self, "导入表单", self.settings.last_directory(), transfer.IMPORT_FILTERS)
            if path is None:
                return None
        self.settings.set_last_directory(str(path.parent))
        try:
            form = transfer.import_form(path)
        except transfer.TransferError as exc:
            msgbox.error(self, "导入失败", f"无法导入“{path.name}”：{exc}", "没有导入任何内容。")
            return None
        try:
            form_id = self.repo.create(form, note=f"从 {path.name} 导入")
        except Exception as exc:
            msgbox.error(self, "导入失败", storage_message(exc), "没有导入任何内容。")
            return None
        self.settings.remember_department(form.department)
        self.refresh_form_list(form_id)
        self.open_form(form_id)
        self.statusBar().showMessage(f"已导入“{path.name}”。", STATUS_MESSAGE_MS)
        return form_id

    def delete_form(self, form_id: int | None) -> bool:
        if self.repo is None or form_id is None:
            return False
        summary = next((s for s in self._summaries() if s.id == form_id), None)
        name = f"{summary.year or ''}年度 {summary.department}".strip() if summary else "该表单"
        if not msgbox.confirm(self, "删除表单", f"将“{name}”移到回收站？", "可以在“回收站”中恢复。"):
            return False
        if self.session is not None and self.session.form_id == form_id:
            if not self.session.close():
                msgbox.error(self, "无法删除", f"当前表单没有保存成功：{self.session.last_error}")
                return False
            self._clear_editor()
        try:
            self.repo.delete(form_id)
        except Exception as exc:
            msgbox.error(self, "无法删除", storage_message(exc))
            return False
        if self.settings.last_form_id() == form_id:
            self.settings.set_last_form_id(None)
        self.show_form_list()
        self.form_list.show_deleted_notice(form_id, name)
        return True

    def undo_delete(self, form_id: int) -> None:
        if self.repo is None:
            return
        try:
            self.repo.restore_deleted(form_id)
        except Exception as exc:
            msgbox.error(self, "无法恢复", storage_message(exc))
            return
        self.refresh_form_list(form_id)

    def show_recycle_bin(self) -> None:
        from jixiao_desktop.ui.dialogs.recycle_bin import RecycleBinDialog

        if self.repo is None:
            return
        dialog = RecycleBinDialog(self.repo, self)
        dialog.restored.connect(self.refresh_form_list)
        dialog.exec()
        self.form_list.hide_deleted_notice()
        self.refresh_form_list()

    def _clear_editor(self) -> None:
        self.checker.set_form(None)
        self._update_state()

    # --- 定稿 ------------------------------------------------------------------------------

    def finalise(self) -> bool:
        from jixiao_desktop.domain.checks import has_errors

        session = self.session
        if session is None or not session.is_open or session.is_final:
            return False
        if not session.save():  # also takes in a table cell still being typed in, so it is checked
            msgbox.error(self, "定稿失败", session.last_error)
            return False
        findings = self.checker.run_now()
        if has_errors(findings):
            errors = [f for f in findings if f.severity is Severity.ERROR]
            msgbox.warning(self, "还不能定稿", f"表单还有 {len(errors)} 个错误，改正后才能定稿。",
                           "第一个错误：" + errors[0].message)
            self.checks_panel.select_row(self.checks_panel.model.row_of(
                (errors[0].rule, errors[0].field, errors[0].span)))
            self.focus_finding(errors[0])
            return False
        if not msgbox.confirm(self, "定稿", "定稿后表单变为只读，并生成校验码。确定定稿吗？",
                              "如需再修改，可以“取消定稿”（需填写原因）。"):
            return False
        try:
            fingerprint = session.finalise()
        except Exception as exc:
            msgbox.error(self, "定稿失败", storage_message(exc))
            return False
        assert self.editor is not None
        self.editor.set_read_only(True)
        self.editor.undo_stack().clear()  # nothing before 定稿 can be undone into a locked form
        self._update_state()
        self.statusBar().showMessage(f"已定稿，校验码 {fingerprint}", STATUS_MESSAGE_MS * 2)
        return True

    def unfinalise(self) -> bool:
        session = self.session
        if session is None or not session.is_final:
            return False
        reason = msgbox.ask_text(self, "取消定稿", "请填写取消定稿的原因（将记入操作记录）：")
        if reason is None:
            return False
        if not reason.strip():
            msgbox.warning(self, "取消定稿", "必须填写原因才能取消定稿。")
            return False
        try:
            session.unfinalise(reason.strip())
        except Exception as exc:
            msgbox.error(self, "取消定稿失败", storage_message(exc))
            return False
        assert self.editor is not None
        self.editor.set_read_only(False)
        self._update_state()
        return True

    def mark_funds_reviewed(self) -> None:
        session = self.session
        if session is None or not session.funds_need_review:
            return
        try:
            session.mark_funds_reviewed()
        except Exception as exc:
            msgbox.error(self, "操作失败", storage_message(exc))
            return
        self.statusBar().showMessage("已记录：资金数额已核对。", STATUS_MESSAGE_MS)

    # --- history --------------------------------------------------------------------------

    def show_history(self) -> None:
        dialog = self.history_dialog()
        if dialog is not None:
            dialog.exec()

    def history_dialog(self) -> HistoryDialog | None:
        """The 历史版本 dialog of the open form, wired to reload the editor after a restore."""
        from jixiao_desktop.ui.dialogs.history import HistoryDialog

        if self.session is None or not self.session.is_open:
            return None
        if not self.session.save():
            return None
        dialog = HistoryDialog(self.session, self)
        dialog.restored.connect(self._on_restored)
        return dialog

    def _on_restored(self) -> None:
        assert self.session is not None and self.session.form is not None
        self._show_in_editor(self.session.form)
        self.statusBar().showMessage("已恢复历史版本（恢复前的内容已记录为一个版本）。", STATUS_MESSAGE_MS)

    # --- export / print -------------------------------------------------------------------

    def export_file(self, path: Path | None = None, chosen_filter: str = "") -> Path | None:
        return self.output.export_file(path, chosen_filter)

    def print_preview(self) -> None:
        self.output.print_preview()

    def print_form(self) -> None:
        self.output.print_form()

    def show_about(self) -> None:
        from jixiao_desktop.ui.dialogs.about import AboutDialog

        AboutDialog(self.db_path, self).exec()

    # --- view state -----------------------------------------------------------------------

    def _has_open_form(self) -> bool:
        return self.session is not None and self.session.is_open

    def _update_state(self) -> None:
        """Banners, status bar, title and actions after the open form or its state changed."""
        session = self.session
        is_open = self._has_open_form()
        final = bool(session and session.is_final)
        self.ui.fundsBanner.setVisible(bool(is_open and session and session.funds_need_review and not final))
        self.ui.finalBanner.setVisible(bool(is_open and final))
        fingerprint = session.fingerprint if session else None
        if final and fingerprint:
            self.ui.finalBannerLabel.setText(f"本表已定稿（只读）。校验码：{fingerprint}")
            self.fingerprint_label.setText(f"已定稿 · 校验码 {fingerprint}")
        else:
            self.fingerprint_label.setText("草稿" if is_open else "")
        self.checks_panel.set_read_only(final)
        if not is_open:
            self.saved_label.setText("")
            self.counts_label.setText("")
            self.checks_panel.set_no_form()
        elif session and session.last_saved and not session.last_error:
            self.saved_label.setStyleSheet("")
            self.saved_label.setText(f"已保存 {_local_time(session.last_saved):%H:%M:%S}")
        self._update_title()
        self._update_actions()
        self._update_undo_actions()

    def _update_title(self) -> None:
        form = self.session.form if self._has_open_form() and self.session else None
        if form is None or self.ui.stack.currentWidget() is not self.ui.editorPage:
            self.setWindowTitle(APP_NAME)
            return
        year = f"{form.year}年度 " if form.year else ""
        self.setWindowTitle(f"{year}{form.department or '未命名表单'} — {APP_NAME}")

    def _update_actions(self) -> None:
        ui = self.ui
        ready = self.is_ready
        is_open = self._has_open_form()
        final = self.session_is_final()
        for action in (ui.actionNewForm, ui.actionShowFormList, ui.actionImport, ui.actionRecycleBin,
                       ui.actionCopyLastYear, ui.actionDeleteForm):
            action.setEnabled(ready)
        for action in (ui.actionExport, ui.actionSave, ui.actionPrint, ui.actionPrintPreview,
                       ui.actionHistory, ui.actionNextFinding, ui.actionPreviousFinding, ui.actionRunChecks):
            action.setEnabled(ready and is_open)
        ui.actionFinalise.setEnabled(ready and is_open and not final)
        ui.actionUnfinalise.setEnabled(ready and is_open and final)
        ui.actionFundsReviewed.setEnabled(bool(ready and is_open and self.session
                                               and self.session.funds_need_review and not final))
        ui.actionAcknowledge.setEnabled(ready and is_open and not final)
        ui.actionUnacknowledge.setEnabled(ready and is_open and not final)

    def _write_startup_copy(self) -> None:
        from jixiao_desktop.ui import startup_cache

        session = self.session
        if session is not None and session.is_open and session.form_id == self.settings.last_form_id():
            assert session.form_id is not None and session.form is not None
            startup_cache.write(session.form_id, session.form, final=session.is_final,
                                fingerprint=session.fingerprint)
        elif session is not None:
            startup_cache.forget()

    # --- closing --------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing saves; it never asks. If saving fails, stay open so nothing is lost."""
        if self.session is not None and not self.session.save():
            msgbox.error(self, "无法保存", f"表单没有保存成功：{self.session.last_error}",
                         "为避免丢失内容，窗口暂不关闭。可以先用“导出”把表单另存为文件。")
            event.ignore()
            return
        self._write_startup_copy()
        self.settings.set_window_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.sync()
        if self.repo is not None:
            self.repo.close()
            self.repo = None
        event.accept()
