"""导出 and 打印 of the open form: save it, warn about errors, write or print, tell the clerk.

``OutputActions`` holds no state of its own: the window passes in how to reach the open
session (created only after start-up), the live checker, the settings and where to show a
status message. Files are written by ``transfer``, pages painted by ``printing``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from jixiao_desktop.domain.findings import Severity
from jixiao_desktop.domain.model import Form
from jixiao_desktop.settings import Settings
from jixiao_desktop.ui import msgbox

if TYPE_CHECKING:
    from jixiao_desktop.ui.checker import LiveChecker
    from jixiao_desktop.ui.printing import PdfPages
    from jixiao_desktop.ui.session import FormSession


class OutputActions:
    """Export and print for the window ``parent``."""

    def __init__(self, parent: QWidget, session: Callable[[], FormSession | None], checker: LiveChecker,
                 settings: Settings, status: Callable[[str], None]) -> None:
        self._parent = parent
        self._session = session
        self._checker = checker
        self._settings = settings
        self._status = status

    def form_for_output(self, what: str) -> Form | None:
        """The open form, saved, after a warning if it still has errors."""
        from jixiao_desktop.domain.checks import has_errors

        session = self._session()
        if session is None or not session.is_open or session.form is None:
            msgbox.info(self._parent, what, "请先打开一张表单。")
            return None
        session.save()  # a failure is shown by the window; the file is written from memory anyway
        findings = self._checker.run_now()
        if has_errors(findings):
            count = sum(1 for f in findings if f.severity is Severity.ERROR)
            if not msgbox.confirm(self._parent, what, f"表单还有 {count} 个错误，仍要{what}吗？",
                                  "建议先改正检查面板中的错误。"):
                return None
        return session.form

    def export_file(self, path: Path | None = None, chosen_filter: str = "") -> Path | None:
        from jixiao_desktop.ui import transfer

        form = self.form_for_output("导出")
        if form is None:
            return None
        if path is None:
            directory = Path(self._settings.last_directory() or Path.home())
            suggested = str(directory / (transfer.suggested_name(form) + transfer.ExportKind.EXCHANGE.suffix))
            answer = msgbox.ask_save_path(self._parent, "导出表单", suggested, transfer.EXPORT_FILTERS)
            if answer is None:
                return None
            path, chosen_filter = answer
        kind = transfer.kind_for(path, chosen_filter)
        path = transfer.with_suffix(path, kind)
        self._settings.set_last_directory(str(path.parent))
        session = self._session()
        assert session is not None
        try:
            result = transfer.export_form(form, path, kind, session.fingerprint)
        except transfer.TransferError as exc:
            msgbox.error(self._parent, "导出失败", f"无法写入“{path.name}”：{exc}")
            return None
        if result.dropped_chars:  # the CLI warns the same (formfiles.write_form_file's notes)
            msgbox.warning(self._parent, "导出完成，但去掉了控制字符",
                           f"Excel 不能保存以下控制字符，已从工作簿中去掉：{result.dropped_chars!r}",
                           "这些字符通常是从别的软件粘贴时带进来的，在表单中看不见。")
        if result.missing_chars:
            msgbox.warning(self._parent, "导出完成，但有字符无法显示",
                           f"PDF 字体中没有以下字符，打印时会显示为空白：{result.missing_chars}",
                           "请改用常用字，或导出 Excel 后用 WPS/Excel 打印。")
        self._status(f"已导出到 {path}")
        return path

    def _pdf_pages(self) -> PdfPages | None:
        from jixiao_desktop.ui.printing import PdfPages, PrintError

        form = self.form_for_output("打印")
        if form is None:
            return None
        session = self._session()
        assert session is not None
        try:
            pages = PdfPages.from_form(form, session.fingerprint)
        except PrintError as exc:
            msgbox.error(self._parent, "无法打印", str(exc))
            return None
        if pages.missing_chars:
            msgbox.warning(self._parent, "有字符无法打印",
                           f"字体中没有以下字符，打印时会显示为空白：{pages.missing_chars}")
        return pages

    def print_preview(self) -> None:
        from jixiao_desktop.ui.printing import preview_dialog

        pages = self._pdf_pages()
        if pages is None:
            return
        try:
            preview_dialog(pages, self._parent).exec()
        finally:
            pages.close()

    def print_form(self) -> None:
        from jixiao_desktop.ui.printing import PrintError, print_dialog

        pages = self._pdf_pages()
        if pages is None:
            return
        try:
            dialog, printer = print_dialog(self._parent)
            if dialog.exec() == dialog.DialogCode.Accepted:
                pages.paint(printer)
        except PrintError as exc:
            msgbox.error(self._parent, "打印失败", str(exc))
        finally:
            pages.close()
