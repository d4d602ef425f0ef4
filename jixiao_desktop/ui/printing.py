"""Printing: what prints is what the PDF shows.

The form is exported with ``exporters.pdf`` to a temporary file, its pages are rasterised with
PDFium (``pypdfium2``, the renderer Chromium uses) and painted one per printer page (A4
portrait, full page: the PDF carries its own margins). The print preview uses the very same
painting, so the preview, the paper and the PDF file cannot drift apart.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from jixiao_desktop.domain.model import Form
from jixiao_desktop.errors import KnownError

PRINT_DPI = 300
PREVIEW_DPI = 150


class PrintError(KnownError):
    """The form could not be prepared for printing (Chinese message)."""


class PdfPages:
    """A PDF file rendered page by page onto a printer.

    Attributes:
        path: the PDF file (deleted by ``close``).
        missing_chars: characters the PDF font lacks (the window tells the clerk).
    """

    def __init__(self, path: Path, missing_chars: str = "") -> None:
        self.path = path
        self.missing_chars = missing_chars
        try:
            self.document = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError as exc:
            raise PrintError(f"无法读取生成的 PDF（{exc}）") from exc

    @classmethod
    def from_form(cls, form: Form, fingerprint: str | None) -> PdfPages:
        from jixiao_desktop.exporters.pdf import export_pdf

        handle = tempfile.NamedTemporaryFile(prefix="jixiao-print-", suffix=".pdf", delete=False)  # noqa: SIM115
        handle.close()
        path = Path(handle.name)
        try:
            result = export_pdf(form, path, fingerprint=fingerprint)
        except OSError as exc:
            path.unlink(missing_ok=True)
            raise PrintError(f"无法生成打印文件：{exc}") from exc
        return cls(path, result.missing_chars)

    @property
    def page_count(self) -> int:
        return len(self.document)

    def render(self, page: int, dpi: int) -> QImage:
        """Page ``page`` (0-based) as an image at ``dpi``, white background."""
        bitmap = self.document[page].render(scale=dpi / 72.0, rev_byteorder=True)
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                       QImage.Format.Format_RGB888 if bitmap.n_channels == 3
                       else QImage.Format.Format_RGBX8888)
        return image.copy()  # own the pixels: PDFium frees its buffer with the bitmap

    def paint(self, printer: QPrinter, dpi: int = PRINT_DPI) -> None:
        """Paint every page (or the range the clerk chose) onto ``printer``."""
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError("无法开始打印（打印机不可用）")
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        try:
            first, last = 0, self.page_count - 1
            if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
                first = max(0, printer.fromPage() - 1)
                last = min(last, printer.toPage() - 1)
            target = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
            target.moveTo(0, 0)
            for number, page in enumerate(range(first, last + 1)):
                if number:
                    printer.newPage()
                image = self.render(page, min(dpi, printer.resolution()))
                fitted = _fit(QRectF(image.rect()), target)
                painter.drawImage(fitted, image)
        finally:
            painter.end()

    def close(self) -> None:
        self.document.close()
        self.path.unlink(missing_ok=True)


def _fit(source: QRectF, target: QRectF) -> QRectF:
    """``source`` scaled to fit ``target`` keeping its aspect ratio, centred at the top."""
    scale = min(target.width() / source.width(), target.height() / source.height())
    width, height = source.width() * scale, source.height() * scale
    return QRectF(target.left() + (target.width() - width) / 2, target.top(), width, height)


def make_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                      QMarginsF(0, 0, 0, 0)))
    printer.setFullPage(True)
    printer.setDocName("部门整体支出绩效目标申报表")
    return printer


def preview_dialog(pages: PdfPages, parent: QWidget | None = None) -> QPrintPreviewDialog:
    """A print preview of ``pages`` (the caller execs it and closes ``pages`` afterwards)."""
    printer = make_printer()
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle("打印预览")
    dialog.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
    dialog.resize(900, 760)

    def paint(target: QPrinter) -> None:
        # The preview records every page (as pictures), so its images are kept smaller;
        # printing from the preview's own button paints again at print resolution.
        pages.paint(target, PREVIEW_DPI if _is_preview(target) else PRINT_DPI)

    dialog.paintRequested.connect(paint)
    dialog._jixiao_printer = printer  # type: ignore[attr-defined]  # keep the printer alive
    return dialog


def _is_preview(printer: QPrinter) -> bool:
    """True while ``QPrintPreviewDialog`` records pages (its engine is a picture recorder)."""
    engine = printer.paintEngine()
    return engine is not None and engine.type() == QPaintEngine.Type.Picture


def print_dialog(parent: QWidget | None = None) -> tuple[QPrintDialog, QPrinter]:
    printer = make_printer()
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("打印")
    return dialog, printer
