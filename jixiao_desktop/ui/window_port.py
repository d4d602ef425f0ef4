"""What the window's helpers may use of the window: the ``WindowPort`` protocol.

``DatabaseGuard``, ``Startup``, ``ImportFlow``, ``window_actions``, the bureau's and the 指标库's
hooks are handed the window as a ``WindowPort`` — the way the editor's tabs get an
``EditorPort`` — so they import this module, never ``main_window`` (no import circle), and what
they touch is written down here. ``MainWindow`` is the one implementation (mypy checks it where
the window passes itself).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import QObject, SignalInstance
    from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

    from jixiao_desktop.storage.repository import FormRepository
    from jixiao_desktop.ui.checker import LiveChecker
    from jixiao_desktop.ui.checks_panel import ChecksPanel
    from jixiao_desktop.ui.edit_actions import EditTools
    from jixiao_desktop.ui.editor.editor import FormEditor
    from jixiao_desktop.ui.findings_view import FindingsView
    from jixiao_desktop.ui.form_actions import FormActions
    from jixiao_desktop.ui.form_list import FormListPage
    from jixiao_desktop.ui.forms.ui_main_window import Ui_MainWindow
    from jixiao_desktop.ui.lifecycle import LifecycleActions
    from jixiao_desktop.ui.session import FormSession
    from jixiao_desktop.ui.settings import Settings
    from jixiao_desktop.ui.startup_preview import StartupPreview


class WindowPort(Protocol):
    """The window as its helpers see it (see the module docstring).

    The open database's fields (``repo``, ``session``, ``is_ready``) are set by the window and
    by ``DatabaseGuard`` only, which opens, closes and reopens the database for it.
    """

    form_opened: SignalInstance
    ready: SignalInstance  # the database is open (the end of the start-up)
    ui: Ui_MainWindow
    settings: Settings
    db_path: str | Path
    repo: FormRepository | None
    session: FormSession | None
    editor: FormEditor | None
    is_ready: bool
    form_list: FormListPage
    checker: LiveChecker
    checks_panel: ChecksPanel
    saved_label: QLabel
    preview: StartupPreview
    form_actions: FormActions
    lifecycle: LifecycleActions
    findings: FindingsView
    edit_tools: EditTools

    # --- what the window does for them ---------------------------------------------------------
    def show_status(self, text: str, factor: int = 2) -> None: ...
    def finish_startup(self) -> None: ...
    def update_actions(self) -> None: ...
    def refresh_form_list(self, select_id: int | None = None) -> None: ...
    def show_form_list(self, refresh: bool = True) -> None: ...
    def target_form_id(self) -> int | None: ...
    def open_form(self, form_id: int) -> bool: ...
    def finalise(self) -> bool: ...
    def unfinalise(self) -> bool: ...
    def show_history(self) -> None: ...
    def export_file(self, path: Path | None = None, chosen_filter: str = "") -> Path | None: ...
    def print_preview(self) -> None: ...
    def print_form(self) -> None: ...

    # --- the QMainWindow calls they make ------------------------------------------------------
    def window(self) -> QWidget: ...  # the window as a parent for their dialogs, actions and boxes
    def statusBar(self) -> QStatusBar: ...
    def setAcceptDrops(self, on: bool) -> None: ...
    def installEventFilter(self, watched: QObject) -> None: ...
    def isVisible(self) -> bool: ...
    def isMinimized(self) -> bool: ...
    def focusWidget(self) -> QWidget: ...
    def show(self) -> None: ...
    def close(self) -> bool: ...
