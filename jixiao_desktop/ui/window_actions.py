"""The window's menus and buttons: what each one calls, and when it is enabled.

``wire`` connects the menus, the form list's buttons and the checks panel to the window's
action objects (``form_actions``, ``lifecycle``, ``output``) and its few own slots; ``enable``
turns the actions on and off from an ``ActionState``. 定稿/导出/打印/历史 are enabled on
the form list too: they act on the selected row (the form the clerk sees), opening it first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from jixiao_desktop.ui.edit_actions import ClipboardActions

if TYPE_CHECKING:
    from jixiao_desktop.ui.forms.ui_main_window import Ui_MainWindow
    from jixiao_desktop.ui.window_port import WindowPort


@dataclass(frozen=True)
class ActionState:
    ready: bool  # the database is open
    is_open: bool  # a form is in the editor
    final: bool  # … and it is 已定稿
    on_list: bool  # the form list is showing (actions then take the selected row)
    funds_review: bool  # the open form's amounts still need 核对


def wire(window: WindowPort) -> None:
    ui, page, panel = window.ui, window.form_list, window.checks_panel
    actions, lifecycle = window.form_actions, window.lifecycle
    page.open_requested.connect(window.open_form)
    page.new_requested.connect(actions.new_form)
    page.copy_requested.connect(actions.copy_from_last_year)
    page.import_requested.connect(lambda: actions.import_file())
    page.delete_requested.connect(actions.delete_form)
    page.undo_delete_requested.connect(actions.undo_delete)
    page.recycle_bin_requested.connect(actions.show_recycle_bin)

    ui.actionNewForm.triggered.connect(actions.new_form)
    ui.actionCopyLastYear.triggered.connect(lambda: actions.copy_from_last_year(window.target_form_id()))
    ui.actionShowFormList.triggered.connect(window.show_form_list)
    ui.actionImport.triggered.connect(lambda: actions.import_file())
    ui.actionExport.triggered.connect(lambda: window.export_file())
    ui.actionSave.triggered.connect(lifecycle.save_version)
    ui.actionPrintPreview.triggered.connect(window.print_preview)
    ui.actionPrint.triggered.connect(window.print_form)
    ui.actionRecycleBin.triggered.connect(actions.show_recycle_bin)
    ui.actionQuit.triggered.connect(window.close)
    ui.actionSettings.triggered.connect(window.findings.show_settings)
    ui.actionFinalise.triggered.connect(window.finalise)
    ui.actionUnfinalise.triggered.connect(window.unfinalise)
    ui.actionFundsReviewed.triggered.connect(lifecycle.mark_funds_reviewed)
    ui.actionHistory.triggered.connect(window.show_history)
    ui.actionDeleteForm.triggered.connect(lambda: actions.delete_form(window.target_form_id()))
    ui.actionRunChecks.triggered.connect(window.checker.run_now)
    ui.actionNextFinding.triggered.connect(lambda: panel.step(1))
    ui.actionPreviousFinding.triggered.connect(lambda: panel.step(-1))
    ui.actionAcknowledge.triggered.connect(panel.acknowledge_current)
    ui.actionUnacknowledge.triggered.connect(panel.unacknowledge_current)
    ui.actionToggleChecks.toggled.connect(panel.setVisible)
    panel.visibilityChanged.connect(lambda visible: _follow_checks_visibility(window, visible))
    ui.actionAbout.triggered.connect(lambda: _show_about(window))
    tools = window.edit_tools
    ClipboardActions(window.focusWidget, ui.actionCut, ui.actionCopy, ui.actionPaste, ui.actionSelectAll)
    ui.actionFind.triggered.connect(lambda: tools.find(False))
    ui.actionReplace.triggered.connect(lambda: tools.find(True))
    ui.actionZoomIn.triggered.connect(lambda: tools.zoom.change(1))
    ui.actionZoomOut.triggered.connect(lambda: tools.zoom.change(-1))
    ui.actionZoomReset.triggered.connect(lambda: tools.zoom.change(0))
    ui.actionHelp.triggered.connect(tools.help)
    ui.fundsReviewedButton.clicked.connect(lifecycle.mark_funds_reviewed)
    ui.unfinaliseButton.clicked.connect(window.unfinalise)

    window.checker.findings_changed.connect(window.findings.show)
    panel.finding_activated.connect(window.findings.focus)
    panel.acknowledge_requested.connect(window.findings.acknowledge)
    panel.unacknowledge_requested.connect(window.findings.unacknowledge)
    panel.show_acknowledged_changed.connect(window.settings.set_show_acknowledged)
    panel.set_fix_provider(window.findings.fixes_for)
    panel.fix_requested.connect(window.findings.apply_fix)
    from jixiao_desktop.ui import profile_actions

    profile_actions.install(window)  # 导入规则方案…, 规则方案…, 您所在的省份/地区


def _follow_checks_visibility(window: WindowPort, visible: bool) -> None:
    # Hiding the window also hides docks; only follow what the clerk did. While the window is
    # being destroyed its dock still reports being hidden: nothing to follow then.
    from shiboken6 import isValid

    if not isValid(window):
        return
    if window.isVisible() and not window.isMinimized():
        window.ui.actionToggleChecks.setChecked(visible)


def _show_about(window: WindowPort) -> None:
    from jixiao_desktop.ui.dialogs.about import AboutDialog

    AboutDialog(window.db_path, window.window()).exec()


def enable(ui: Ui_MainWindow, state: ActionState) -> None:
    ready, is_open, final, on_list = state.ready, state.is_open, state.final, state.on_list
    for action in (ui.actionNewForm, ui.actionShowFormList, ui.actionImport, ui.actionRecycleBin,
                   ui.actionCopyLastYear, ui.actionDeleteForm):
        action.setEnabled(ready)
    for action in (ui.actionFind, ui.actionReplace):
        action.setEnabled(ready and is_open and not on_list)
    for action in (ui.actionSave, ui.actionNextFinding, ui.actionPreviousFinding, ui.actionRunChecks):
        action.setEnabled(ready and is_open and not on_list)
    for action in (ui.actionExport, ui.actionPrint, ui.actionPrintPreview, ui.actionHistory):
        action.setEnabled(ready and (is_open or on_list))
    ui.actionFinalise.setEnabled(ready and (on_list or (is_open and not final)))
    ui.actionUnfinalise.setEnabled(ready and (on_list or (is_open and final)))
    ui.actionFundsReviewed.setEnabled(ready and is_open and state.funds_review and not final)
    ui.actionImportProfile.setEnabled(ready)
    ui.actionChooseProfile.setEnabled(ready and is_open and not final and not on_list)
    ui.actionAcknowledge.setEnabled(ready and is_open and not final)
    ui.actionUnacknowledge.setEnabled(ready and is_open and not final)
