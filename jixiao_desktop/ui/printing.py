"""Printing: what prints is what the PDF shows.

The form is exported with ``exporters.pdf`` to a temporary file, its pages are rasterised with
PDFium (``pypdfium2``, the renderer Chromium uses) and painted one per printer page (A4
portrait, full page: the PDF carries its own margins). The print preview uses the very same
painting, so the preview, the paper and the PDF file cannot drift apart.

打印到文件 (Qt's PDF printer) gets the PDF's own pages, vectors and fonts, written at once. Paper
gets the printer's own resolution, at least 600 dpi (capped at 1200): a page is rendered
in grey in horizontal bands, so a 1200-dpi page never holds more than a few MB at once. Both the
export and the painting may run in a worker thread (Qt allows painting on a QPrinter off the UI
thread); ``progress(done, total)`` is told after each page and stops the print when it returns
False.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from jixiao_desktop.domain.model import Form
from jixiao_desktop.errors import KnownError

MIN_PRINT_DPI = 600
MAX_PRINT_DPI = 1200
PREVIEW_DPI = 150
BAND_PIXELS = 4_000_000  # grey pixels rendered at once (4 MB)

Progress = Callable[[int, int], bool]


class PrintCancelled(Exception):
    """The clerk cancelled while the pages were prepared or printed."""


def print_dpi(printer: QPrinter) -> int:
    """The resolution a page is rendered at for ``printer``: its own, at least 600 dpi."""
    return max(MIN_PRINT_DPI, min(MAX_PRINT_DPI, printer.resolution()))


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
    def from_form(cls, form: Form, fingerprint: str | None, progress: Progress | None = None) -> PdfPages:
        from jixiao_desktop.exporters.pdf import ExportCancelled, export_pdf

        handle = tempfile.NamedTemporaryFile(prefix="jixiao-print-", suffix=".pdf", delete=False)  # noqa: SIM115
        handle.close()
        path = Path(handle.name)
        pages = (lambda done: progress(done, 0)) if progress is not None else None
        try:
            from jixiao_desktop.domain.profiles import profile_for_form

            result = export_pdf(form, path, fingerprint=fingerprint, progress=pages, profile=profile_for_form(form))
        except ExportCancelled as exc:
            path.unlink(missing_ok=True)
            raise PrintCancelled() from exc
        except OSError as exc:
            path.unlink(missing_ok=True)
            raise PrintError(f"无法生成打印文件：{exc}") from exc
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return cls(path, result.missing_chars)

    @property
    def page_count(self) -> int:
        return len(self.document)

    def render(self, page: int, dpi: int, band: tuple[float, float] | None = None,
               grey: bool = False) -> QImage:
        """Page ``page`` (0-based) as an image at ``dpi``, white background; ``band`` = (top,
        bottom) in points from the page top renders that strip only."""
        pdf_page = self.document[page]
        crop = (0.0, 0.0, 0.0, 0.0)
        if band is not None:
            height = pdf_page.get_height()
            crop = (0.0, height - band[1], 0.0, band[0])  # left, bottom, right, top cut off
        bitmap = pdf_page.render(scale=dpi / 72.0, rev_byteorder=True, grayscale=grey, crop=crop)
        if bitmap.n_channels == 1:
            fmt = QImage.Format.Format_Grayscale8
        elif bitmap.n_channels == 3:
            fmt = QImage.Format.Format_RGB888
        else:
            fmt = QImage.Format.Format_RGBX8888
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, fmt)
        return image.copy()  # own the pixels: PDFium frees its buffer with the bitmap

    def paint(self, printer: QPrinter, dpi: int | None = None, progress: Progress | None = None, *,
              vector_files: bool = True) -> None:
        """Paint every page (or the range the clerk chose) onto ``printer`` at ``dpi`` (default:
        the printer's resolution, at least 600 dpi), band by band.

        Raises:
            PrintCancelled: ``progress`` returned False (the print job is aborted).
        """
        if vector_files and to_pdf_file(printer):
            self.save_pages(Path(printer.outputFileName()), *self._range(printer), progress)
            return
        dpi = dpi or print_dpi(printer)
        painter = QPainter()
        if not painter.begin(printer):
            raise PrintError("无法开始打印（打印机不可用）")
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        try:
            first, last = self._range(printer)
            target = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
            target.moveTo(0, 0)
            total = last - first + 1
            for number, page in enumerate(range(first, last + 1)):
                if number:
                    printer.newPage()
                self._paint_page(painter, page, dpi, target)
                if progress is not None and not progress(number + 1, total):
                    printer.abort()
                    raise PrintCancelled()
        finally:
            if painter.isActive():
                painter.end()

    def _range(self, printer: QPrinter) -> tuple[int, int]:
        """The first and last page (0-based) the clerk chose to print."""
        first, last = 0, self.page_count - 1
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first = max(0, printer.fromPage() - 1)
            last = min(last, printer.toPage() - 1)
        return first, last

    def save_pages(self, target: Path, first: int, last: int, progress: Progress | None = None) -> None:
        """打印到文件: the PDF's own pages (vectors, embedded fonts), not a 1200-dpi raster of them.

        A 4-page form printed to a file once became a 42 MB image job that took ~10 s.
        """
        from jixiao_desktop.atomic import atomic_write, describe_os_error

        def write(tmp: Path) -> None:
            out = pdfium.PdfDocument.new()
            try:
                out.import_pages(self.document, list(range(first, last + 1)))
                out.save(str(tmp))
            finally:
                out.close()

        try:
            atomic_write(target, write)
        except OSError as exc:
            raise PrintError(f"无法写入“{target.name}”：{describe_os_error(exc)}") from exc
        if progress is not None:
            progress(last - first + 1, last - first + 1)

    def _paint_page(self, painter: QPainter, page: int, dpi: int, target: QRectF) -> None:
        width_pt, height_pt = self.document[page].get_size()
        fitted = _fit(QRectF(0, 0, width_pt, height_pt), target)
        scale = fitted.height() / height_pt
        px_per_pt = dpi / 72.0
        band_pt = max(12.0, BAND_PIXELS / (width_pt * px_per_pt) / px_per_pt)
        top = 0.0
        while top < height_pt:
            bottom = min(height_pt, top + band_pt)
            image = self.render(page, dpi, (top, bottom), grey=True)
            painter.drawImage(QRectF(fitted.left(), fitted.top() + top * scale, fitted.width(),
                                     (bottom - top) * scale), image)
            top = bottom

    def close(self) -> None:
        self.document.close()
        self.path.unlink(missing_ok=True)


def to_pdf_file(printer: QPrinter) -> bool:
    """The clerk chose 打印到文件 (Qt's PDF printer), where the PDF itself is the best output."""
    return printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and bool(printer.outputFileName())


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
        pages.paint(target, PREVIEW_DPI if _is_preview(target) else None)

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
