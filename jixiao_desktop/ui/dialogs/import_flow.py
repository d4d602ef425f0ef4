"""The window's ways in for a form file: 导入, 粘贴上年表格 and drag and drop, each through the
导入预览 before anything is stored.

``ImportFlow(window)`` adds the 粘贴上年表格 action to the 文件 menu and takes the files dropped
on the window; the window's ``import_file`` calls ``import_path``. Reading is ``formfiles``'s
(every format, the Word ones included); storing is the use case ``usecases.importing.import_form``
(the backup, one ``create`` and, when the clerk asks for 继承上年, ``copy_to_next_year``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent

from jixiao_desktop.domain.model import Form
from jixiao_desktop.errors import KnownError
from jixiao_desktop.ui import msgbox
from jixiao_desktop.ui.errors import KNOWN, describe, show_known

if TYPE_CHECKING:
    from jixiao_desktop.ui.dialogs.import_preview import ImportPreviewDialog
    from jixiao_desktop.ui.window_port import WindowPort


def _exec(dialog: QObject) -> bool:
    return bool(dialog.exec())  # type: ignore[attr-defined]


def dropped_paths(event: QDropEvent | QDragEnterEvent) -> list[Path]:
    from jixiao_desktop.formfiles import is_form_file

    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if is_form_file(p)]


class ImportFlow(QObject):
    def __init__(self, window: WindowPort) -> None:
        super().__init__(window.window())
        self.window = window
        # Tests replace these to answer the modal dialogs.
        self.exec_preview: Callable[[ImportPreviewDialog], bool] = _exec
        self.exec_paste: Callable[[QObject], bool] = _exec
        self.ask_fill: Callable[[str, str], bool] = lambda title, text: msgbox.confirm(window.window(), title, text)
        self.paste_action = QAction("粘贴上年表格(&P)…", window.window())
        self.paste_action.setStatusTip("把从 Word 复制的上年申报表粘贴进来，预览后导入")
        self.paste_action.triggered.connect(self.paste_table)
        menu = window.ui.menuFile
        actions = menu.actions()
        after = actions.index(window.ui.actionImport) + 1 if window.ui.actionImport in actions else len(actions)
        if after < len(actions):
            menu.insertAction(actions[after], self.paste_action)
        else:
            menu.addAction(self.paste_action)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    # --- drag and drop ------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            drag = event  # QDragEnterEvent / QDragMoveEvent
            if self.window.repo is not None and dropped_paths(drag):  # type: ignore[arg-type]
                drag.acceptProposedAction()  # type: ignore[attr-defined]
                return True
        elif kind == QEvent.Type.Drop:
            paths = dropped_paths(event)  # type: ignore[arg-type]
            if paths and self.window.repo is not None:
                event.acceptProposedAction()  # type: ignore[attr-defined]
                for path in paths:
                    self.import_path(path)
                return True
        return super().eventFilter(watched, event)

    # --- the three ways in ----------------------------------------------------------------

    def import_path(self, path: Path) -> int | None:
        from jixiao_desktop.formfiles import FormFileError, read_form_file_detailed

        window = self.window
        window.settings.set_last_directory(str(path.parent))
        try:
            result = read_form_file_detailed(path)
        except (FormFileError, KnownError, OSError) as exc:
            reason = str(exc) if isinstance(exc, FormFileError) else describe(exc)
            msgbox.error(window.window(), "导入失败", f"无法导入“{path.name}”：{reason}", "没有导入任何内容。")
            return None
        return self.preview_and_store(result.form, result.warnings, result.kind or "表单文件", path.name,
                                      f"从 {path.name} 导入")

    def paste_table(self) -> int | None:
        from jixiao_desktop.ui.dialogs.paste_table import PasteTableDialog

        if self.window.repo is None:
            return None
        dialog = PasteTableDialog(self.window.window())
        if not self.exec_paste(dialog):
            return None
        reading = dialog.reading()
        if reading is None:
            return None
        return self.preview_and_store(reading.form, reading.warnings, reading.source, "粘贴的表格",
                                      "从粘贴的 Word 表格导入")

    def preview_and_store(self, form: Form, warnings: Sequence[str], source: str, name: str,
                          note: str) -> int | None:
        """Show the preview; on 导入 store the form (and its next-year copy); the id opened."""
        from jixiao_desktop.domain.checks import run_checks
        from jixiao_desktop.ui.dialogs.import_preview import ImportPreviewDialog

        window = self.window
        if window.repo is None:
            return None
        findings = run_checks(form, window.checker.settings)
        dialog = ImportPreviewDialog(form, warnings, findings, source=source, file_name=name, parent=window.window())
        if not self.exec_preview(dialog):
            window.show_status(f"已取消导入“{name}”，没有保存任何内容。")
            return None
        filled = self.fill_existing(form, name)
        if filled is not None:
            return filled
        if not window.form_actions.ask_existing("导入", form.year, form.department, verb="导入"):
            window.show_status(f"没有导入“{name}”：本机已有这个单位这一年度的表单。")
            return None
        from jixiao_desktop.usecases.importing import import_form

        try:
            result = import_form(window.repo, form, note=note, carry_over=dialog.carry_over())
        except KNOWN as exc:
            show_known(window.window(), "导入失败", exc, "没有导入任何内容。")
            return None
        opened = result.opened
        message = f"已导入“{name}”。"
        if result.next_year_id is not None:
            message = (f"已导入“{name}”（{form.year}年度），并据此新建了 {(form.year or 0) + 1} 年度草稿："
                       "请核对资金数额，并修改仍写着上年年份的文字。")
        if result.carry_error is not None:
            msgbox.error(window.window(), "无法继承上年", f"上年的表已导入，但新建下一年度草稿失败：{describe(result.carry_error)}")
        window.settings.remember_department(form.department)
        window.refresh_form_list(opened)
        window.open_form(opened)
        window.show_status(message)
        return opened

    def fill_existing(self, form: Form, name: str) -> int | None:
        """A 自评表 of a unit and year the clerk has: offer to fill its actual values into that form
        (``usecases.evaluation_import``) instead of a second form; the id filled, or ``None`` to
        import as usual."""
        from jixiao_desktop.usecases.evaluation_import import NothingToFillError, fill_actuals, fill_target

        window = self.window
        repo = window.repo
        if repo is None:
            return None
        try:
            target = fill_target(repo, form)
        except KNOWN:
            return None
        if target is None or not self.ask_fill(
                "导入自评表", f"“{name}”是{form.year}年度的自评表，本机已有这个单位这一年度的表单。"
                "是否把其中的实际完成值、偏差原因等填入已有的表单（申报内容不变）？\n选“否”则作为新表单导入。"):
            return None
        try:
            result = fill_actuals(repo, target, form)
        except NothingToFillError as exc:
            msgbox.error(window.window(), "无法填入自评表", str(exc), "已有的表单没有改动。")
            return None
        except KNOWN as exc:
            show_known(window.window(), "导入失败", exc, "已有的表单没有改动。")
            return None
        window.refresh_form_list(target)
        window.open_form(target)
        window.show_status(result.message())
        return target
