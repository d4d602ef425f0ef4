"""The main window: composes the form list, the editor, the checks panel and the menus.

Behaviour lives elsewhere: ``FormSession`` saves, ``LiveChecker`` checks, ``FormActions``
makes, copies, imports and deletes forms, ``LifecycleActions`` does 定稿 and the history,
``FindingsView`` shows findings and 已知悉, ``OutputActions`` exports and prints,
``Startup`` paints the last form or the list before the database opens (``finish_startup``),
``window_actions`` wires the menus. The window keeps the composition and the state shown
(which form is open, which page, title).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from jixiao_desktop import APP_NAME
from jixiao_desktop.domain.findings import CheckSettings
from jixiao_desktop.domain.model import Form
from jixiao_desktop.ui import export_dialog, msgbox, plain_text, window_actions, window_geometry
from jixiao_desktop.ui.bureau import hooks as bureau_hooks
from jixiao_desktop.ui.checker import LiveChecker
from jixiao_desktop.ui.checks_panel import ChecksPanel
from jixiao_desktop.ui.dialogs.import_flow import ImportFlow
from jixiao_desktop.ui.edit_actions import EditTools, UndoActions
from jixiao_desktop.ui.errors import KNOWN, show_known
from jixiao_desktop.ui.findings_view import FindingsView
from jixiao_desktop.ui.form_actions import FormActionHooks, FormActions, form_name
from jixiao_desktop.ui.form_list import FormListPage
from jixiao_desktop.ui.forms.ui_main_window import Ui_MainWindow
from jixiao_desktop.ui.indicator_library import hooks as library_hooks
from jixiao_desktop.ui.lifecycle import LifecycleActions, LifecycleHooks
from jixiao_desktop.ui.output import OutputActions
from jixiao_desktop.ui.session import FormSession
from jixiao_desktop.ui.settings import Settings
from jixiao_desktop.ui.startup import Startup
from jixiao_desktop.ui.startup_preview import FirstPaintWatcher, PreviewHooks, StartupPreview
from jixiao_desktop.ui.status_area import StatusArea

if TYPE_CHECKING:
    from jixiao_desktop.storage.repository import FormRepository
    from jixiao_desktop.ui.dialogs.history import HistoryDialog
    from jixiao_desktop.ui.editor.editor import FormEditor

STATUS_MESSAGE_MS = 6000


class MainWindow(QMainWindow):
    """The application window. Signals: ``ready()`` (database open, last form shown),
    ``form_opened(int)`` (a form is now in the editor)."""

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
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setWindowTitle(APP_NAME)

        self.form_list = FormListPage(self.ui.startPage)
        self.ui.startLayout.addWidget(self.form_list)
        self.ui.stack.setCurrentWidget(self.ui.startPage)
        self._placeholder = QLabel("正在打开…", self.ui.editorContainer)
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ui.editorLayout.addWidget(self._placeholder)

        self.checks_panel = ChecksPanel(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.checks_panel)
        self.checks_panel.set_show_acknowledged(settings.show_acknowledged())
        self.checks_panel.set_no_form()
        self.checker = LiveChecker(self)
        self.checker.settings = CheckSettings(satisfaction_min=settings.satisfaction_override())

        self.status_area = StatusArea(self.ui)
        self.counts_label = self.status_area.counts
        self.fingerprint_label = self.status_area.fingerprint
        self.saved_label = self.status_area.saved
        self.undo_actions = UndoActions(self, self.ui.actionUndo, self.ui.actionRedo,
                                        lambda: self._has_open_form() and not self.session_is_final())
        self.edit_tools = EditTools(self, lambda: self.editor, settings)  # 剪切…, 查找/替换, zoom, F1

        self.output = OutputActions(self, lambda: self.session, self.checker, settings, self.show_status)
        self.form_actions = FormActions(
            self, lambda: self.repo, lambda: self.session, settings, self.form_list,
            FormActionHooks(open_form=self.open_form, refresh_list=self.refresh_form_list,
                            show_list=self.show_form_list, clear_editor=self._clear_editor, status=self.show_status,
                            list_failed=lambda exc: self.db_guard.list_failed(exc)))
        # 导入 / 粘贴上年表格 / drag and drop: every form file through the 导入预览
        self.import_flow = ImportFlow(self)
        self.form_actions.import_flow = self.import_flow
        self.findings = FindingsView(self, self.checks_panel, self.checker, settings, lambda: self.session,
                                     lambda: self.editor, self.counts_label,
                                     lambda: self.ui.stack.setCurrentWidget(self.ui.editorPage),
                                     lambda text: self.show_status(text, 1))
        self.lifecycle = LifecycleActions(self, lambda: self.session, lambda: self.editor, self.checker,
                                          self.checks_panel,
                                          LifecycleHooks(update_state=self._update_state,
                                                         focus_finding=self.findings.focus,
                                                         show_in_editor=self._show_in_editor,
                                                         status=self.show_status))
        self.preview = StartupPreview(PreviewHooks(show=self._show_preview, hide=self._hide_preview))
        self.startup = Startup(self)

        window_actions.wire(self)
        from jixiao_desktop.ui.db_guard import DatabaseGuard
        self.db_guard: DatabaseGuard = DatabaseGuard(self)  # damaged file, backups, read-only (issue 7)
        bureau_hooks.install(self)  # 财政局汇总审核…, 导入审核意见…
        library_hooks.install(self)  # 指标库…, suggestions, 推荐, 纳入指标库, its hint
        plain_text.plain(self)  # text from a file or a person is never drawn as HTML
        window_geometry.restore(self, settings)
        state = settings.window_state()
        if state is not None:
            self.restoreState(state)
        self.update_actions()

    def show_status(self, text: str, factor: int = 2) -> None:
        self.statusBar().showMessage(text, STATUS_MESSAGE_MS * factor)

    def start(self) -> None:  # --- start-up: the last form or the list at once, the database behind it
        self.startup.begin()

    def _build_editor(self) -> FormEditor:
        if self.editor is None:
            from jixiao_desktop.ui.editor.editor import FormEditor

            self.editor = FormEditor(self.ui.editorContainer)
            self._placeholder.hide()
            self.ui.editorLayout.addWidget(self.editor)
            self.editor.set_department_suggestions(self.settings.departments())
            self.editor.edited.connect(self._on_edited)
            self.editor.current_tab_changed.connect(self._on_tab_changed)
            self.edit_tools.zoom.watch(self.editor)
        return self.editor

    def _show_preview(self, form: Form) -> None:
        """The start-up copy of the last form, read-only until the database has it."""
        self._build_editor().set_form(form, True)
        self.ui.stack.setCurrentWidget(self.ui.editorPage)
        self.setWindowTitle(f"{form_name(form.year, form.department)} — {APP_NAME}")
        self.saved_label.setText("正在打开数据…")

    def _hide_preview(self) -> None:
        self.ui.stack.setCurrentWidget(self.ui.startPage)
        self.setWindowTitle(APP_NAME)
        self.saved_label.setText("")

    def finish_startup(self) -> None:
        """Open the database, build the editor and reopen the last form (or the list)."""
        if self.is_ready:
            return
        self.startup.check_ahead()  # on a worker thread, during the next import
        from jixiao_desktop.storage.repository import FormRepository

        self.preview.mark_started()
        try:
            self.repo = FormRepository.open(self.db_path, checked=self.startup.checked_ahead())
        except KNOWN as exc:
            from jixiao_desktop.ui.errors import describe

            self.preview.drop()
            self.startup.open_failed()
            self.form_list.ui.emptyLabel.setText(f"无法打开数据文件：\n{self.db_path}\n\n{describe(exc)}")
            self.db_guard.open_failed(exc)  # a damaged file: the full offer (issue 7)
            return
        self.session = FormSession(self.repo, self)
        self.session.saved.connect(self._on_saved)
        self.session.save_failed.connect(self._on_save_failed)
        self.session.state_changed.connect(self._update_state)
        self.session.saved.connect(self.db_guard.on_saved)
        self.session.save_failed.connect(self.db_guard.on_save_failed)
        self.session.before_save = lambda: None if self.editor is None else self.editor.commit_pending_edit()

        self.is_ready = True
        summaries = self.startup.list_rows()
        if summaries is None:
            return
        last = self.settings.last_form_id()
        if not (last is not None and any(s.id == last for s in summaries) and self.open_form(last)):
            self.preview.drop()
            self.show_form_list(refresh=False)  # the rows were just set: not a second query
        self.update_actions()
        self.db_guard.after_open()
        pending = self.startup.done()
        self.ready.emit()
        if pending is not None:
            self.open_form(pending)

    @property
    def showing_startup_copy(self) -> bool:
        """The last form is on screen from the start-up copy, the database not yet open."""
        return self.preview.active and not self.is_ready

    def watch_first_paint(self, callback: Callable[[float], None]) -> None:
        """Call ``callback(seconds)`` at the next paint of what the window shows now."""
        target = self.ui.stack.currentWidget()
        FirstPaintWatcher(target, callback)
        target.update()

    # --- the form list and which form an action is about ------------------------------------

    def refresh_form_list(self, select_id: int | None = None) -> None:
        current = self.session.form_id if self.session is not None else None
        self.form_list.set_rows(self.form_actions.summaries(), select_id or current)

    def show_form_list(self, refresh: bool = True) -> None:
        if self.session is not None and not self.session.save():
            return
        if refresh:
            self.refresh_form_list()
        self.ui.stack.setCurrentWidget(self.ui.startPage)
        self.form_list.ui.formTable.setFocus()
        self._update_title()
        self.update_actions()

    def target_form_id(self) -> int | None:  # the form the clerk sees: open in the editor, else selected
        if self.ui.stack.currentWidget() is self.ui.editorPage and self.session is not None:
            return self.session.form_id
        return self.form_list.selected_id()

    def _show_target(self, what: str) -> bool:
        """Bring the form the clerk sees into the editor: on the list that is the selected row."""
        if self.ui.stack.currentWidget() is self.ui.editorPage:
            return self._has_open_form()
        target = self.form_list.selected_id()
        if target is None:
            msgbox.info(self, what, "请先打开一张表单。", "或在表单列表中选中一张。")
            return False
        return self.open_form(target)

    def open_form(self, form_id: int) -> bool:
        """Show a stored form in the editor, saving the one open before."""
        if self.session is None:
            if not self.is_ready:
                self.startup.defer_open(form_id)
            return False
        editor = self._build_editor()  # built for the first form opened: the list does not need it
        if self.session.form_id == form_id and self.session.is_open:
            self.ui.stack.setCurrentWidget(self.ui.editorPage)
            self._update_state()
            return True
        if not self.session.close():
            msgbox.error(self, "无法切换表单", f"当前表单没有保存成功：{self.session.last_error}",
                         "当前表单的内容仍在窗口中，请稍后再试。")
            return False
        try:
            form = self.session.open(form_id)
        except KNOWN as exc:
            show_known(self, "无法打开表单", exc)
            self.refresh_form_list()
            return False
        if self.preview.adopt(form_id, form):
            # The start-up copy is what is stored: keep the widgets, just make them live.
            editor.set_read_only(self.session.is_final)
            self._bind_editor()
        else:
            self._show_in_editor(form)
        self.settings.set_last_form_id(form_id)
        editor.tab_widget().setCurrentIndex(self.settings.form_tab(form_id))  # where the clerk was
        self.checks_panel.ui.findingsView.scrollToTop()
        self.ui.stack.setCurrentWidget(self.ui.editorPage)
        self.form_list.hide_deleted_notice()
        self._update_state()
        self.form_opened.emit(form_id)
        return True

    def _show_in_editor(self, form: Form) -> None:
        assert self.session is not None and self.editor is not None
        self.editor.set_form(form, self.session.is_final)
        self._bind_editor()

    def _bind_editor(self) -> None:
        assert self.session is not None and self.editor is not None
        self.findings.forget_marks()
        self.session.bind(self.editor.form())
        self.undo_actions.follow(self.editor.undo_stack())
        self.checker.set_form(self.editor.form())
        self._update_state()

    def _clear_editor(self) -> None:
        self.checker.set_form(None)
        self._update_state()

    def _on_edited(self) -> None:
        if self.session is None or not self.session.is_open:
            return
        self.session.touch()
        self.checker.schedule()
        self._update_title()

    def _on_tab_changed(self, index: int) -> None:
        if self.session is not None and self.session.form_id is not None:
            self.session.save()
            self.settings.set_form_tab(self.session.form_id, index)

    def session_is_final(self) -> bool:
        return self.session is not None and self.session.is_final

    def _on_saved(self, at: datetime) -> None:
        self.status_area.show_saved(at)
        self._update_title()
        # Keep the start-up copy as fresh as the database, so that the next start (even after a
        # crash or a power cut) paints this form at once instead of waiting for SQLAlchemy.
        self.preview.write_for(self.session, self.settings.last_form_id())

    def _on_save_failed(self, message: str) -> None:
        self.status_area.show_save_failed(message)
        self.statusBar().showMessage(f"保存失败：{message}。内容仍在窗口中，稍后会自动重试。", 0)

    # --- actions on the form the clerk sees ---------------------------------------------------

    def import_file(self, path: Path | None = None) -> int | None:
        return self.form_actions.import_file(path)

    def finalise(self) -> bool:
        return self._show_target("定稿") and self.lifecycle.finalise()

    def unfinalise(self) -> bool:
        return self._show_target("取消定稿") and self.lifecycle.unfinalise()

    def show_history(self) -> None:
        if self._show_target("历史版本"):
            self.lifecycle.show_history()

    def history_dialog(self) -> HistoryDialog | None:
        return self.lifecycle.history_dialog() if self._show_target("历史版本") else None

    def export_file(self, path: Path | None = None, chosen_filter: str = "") -> Path | None:
        if not self._show_target("导出"):
            return None
        return export_dialog.export(self, self.settings, self.output, self.session.form if self.session else None,
                                    path, chosen_filter)

    def print_preview(self) -> None:
        if self._show_target("打印"):
            self.output.print_preview()

    def print_form(self) -> None:
        if self._show_target("打印"):
            self.output.print_form()

    # --- view state -----------------------------------------------------------------------

    def _has_open_form(self) -> bool:
        return self.session is not None and self.session.is_open

    def _update_state(self) -> None:
        """Banners, status bar, title and actions after the open form or its state changed."""
        session = self.session
        is_open = self._has_open_form()
        final = bool(session and session.is_final)
        self.status_area.show_form(is_open=is_open, final=final, fingerprint=session.fingerprint if session else None,
                                   funds_review=bool(session and session.funds_need_review),
                                   last_saved=session.last_saved if session else None,
                                   save_failed=bool(session and session.last_error))
        self.checks_panel.set_read_only(final)
        if not is_open:
            self.checks_panel.set_no_form()
        self._update_title()
        self.update_actions()
        self.undo_actions.update()

    def _update_title(self) -> None:
        form = self.session.form if self._has_open_form() and self.session else None
        if form is None or self.ui.stack.currentWidget() is not self.ui.editorPage:
            self.setWindowTitle(APP_NAME)
            return
        self.setWindowTitle(f"{form_name(form.year, form.department)} — {APP_NAME}")

    def update_actions(self) -> None:
        session = self.session
        window_actions.enable(self.ui, window_actions.ActionState(
            ready=self.is_ready, is_open=self._has_open_form(), final=self.session_is_final(),
            on_list=self.ui.stack.currentWidget() is self.ui.startPage,
            funds_review=bool(session and session.funds_need_review)))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing saves; it never asks unless saving fails (then: keep the form in a file, or stay open)."""
        if self.session is not None and not self.session.save() and not self.db_guard.keep_on_close(self.session):
            event.ignore()  # not saved anywhere: stay open so nothing is lost
            return
        self.preview.write_for(self.session, self.settings.last_form_id())
        window_geometry.save(self, self.settings)
        self.settings.set_window_state(self.saveState())
        self.settings.sync()
        if self.repo is not None:
            self.repo.close()
            self.repo = None
        event.accept()
