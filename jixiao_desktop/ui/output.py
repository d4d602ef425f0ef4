"""导出 and 打印 of the open form: save it, warn about errors, write or print, tell the clerk.

``OutputActions`` holds no state of its own: the window passes in how to reach the open
session (created only after start-up), the live checker, the settings and where to show a
status message. Files are written by ``transfer``, pages painted by ``printing``; both run in a
worker thread behind a progress dialog with 取消 (``progress.run_with_progress``), so a long
form never freezes the window. Before a PDF or a print, characters that no bundled face can
draw are named with the field they are in, and the clerk decides.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from jixiao_desktop.domain.findings import count_findings
from jixiao_desktop.domain.model import Form
from jixiao_desktop.ui import msgbox
from jixiao_desktop.ui.progress import Cancelled, run_with_progress
from jixiao_desktop.ui.settings import Settings

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
            count = count_findings(findings).errors
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
        if kind is transfer.ExportKind.PDF and not self._unprintable_accepted(form, "导出"):
            return None
        fingerprint = session.fingerprint
        try:
            result = run_with_progress(self._parent, "导出", f"正在导出“{path.name}”…",
                                       lambda report: transfer.export_form(
                                           form, path, kind, fingerprint, progress=lambda done: report(done, 0)))
        except Cancelled:
            self._status("已取消导出，原有文件未改动")
            return None
        except transfer.TransferError as exc:
            msgbox.error(self._parent, "导出失败", f"无法写入“{path.name}”：{exc}")
            return None
        if result.dropped_chars:  # the CLI warns the same (formfiles.write_form_file's notes)
            msgbox.warning(self._parent, "导出完成，但去掉了控制字符",
                           f"Excel 不能保存以下控制字符，已从工作簿中去掉：{result.dropped_chars!r}",
                           "这些字符通常是从别的软件粘贴时带进来的，在表单中看不见。")
        self._status(f"已导出到 {path}")
        return path

    def _unprintable_accepted(self, form: Form, what: str) -> bool:
        """Warn about characters that would print as 〓, naming each and its field."""
        from jixiao_desktop.exporters.pdf import describe_unprintable, unprintable_fields

        unprintable = unprintable_fields(form)
        if not unprintable:
            return True
        return msgbox.confirm(self._parent, f"有字符无法{what}", describe_unprintable(unprintable),
                              f"仍要{what}吗？选“否”可先改用常用字。")

    def _pdf_pages(self) -> PdfPages | None:
        from jixiao_desktop.ui.printing import PdfPages, PrintError

        form = self.form_for_output("打印")
        if form is None:
            return None
        session = self._session()
        assert session is not None
        if not self._unprintable_accepted(form, "打印"):
            return None
        fingerprint = session.fingerprint
        try:
            return run_with_progress(self._parent, "打印", "正在排版…",
                                     lambda report: PdfPages.from_form(form, fingerprint, report))
        except Cancelled:
            self._status("已取消打印")
            return None
        except PrintError as exc:
            msgbox.error(self._parent, "无法打印", str(exc))
            return None

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
        from jixiao_desktop.ui.printing import PrintError, print_dialog, to_pdf_file

        pages = self._pdf_pages()
        if pages is None:
            return
        try:
            dialog, printer = print_dialog(self._parent)
            if dialog.exec() == dialog.DialogCode.Accepted:
                run_with_progress(self._parent, "打印", "正在发送到打印机…",
                                  lambda report: pages.paint(printer, progress=report))
                if to_pdf_file(printer):
                    self._status(f"已打印到文件“{Path(printer.outputFileName()).name}”（PDF，{pages.page_count} 页）")
                else:
                    self._status(f"已发送 {pages.page_count} 页到打印机")
        except Cancelled:
            self._status("已取消打印")
        except PrintError as exc:
            msgbox.error(self._parent, "打印失败", str(exc))
        finally:
            pages.close()
