"""Printing paints the PDF export, page for page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget

from jixiao_desktop.domain.model import Form
from jixiao_desktop.ui.printing import PdfPages, make_printer, preview_dialog

pytestmark = pytest.mark.slow


def test_printed_pages_are_the_pdf_pages(qtbot: Any, tmp_path: Path, jinrongjie: Form) -> None:
    pages = PdfPages.from_form(jinrongjie, None)
    try:
        assert pages.page_count >= 2
        printer = make_printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        out = tmp_path / "printed.pdf"
        printer.setOutputFileName(str(out))
        pages.paint(printer, dpi=100, vector_files=False)  # the raster way paper takes
        printed = pdfium.PdfDocument(str(out))
        assert len(printed) == pages.page_count
        width, height = printed[0].get_size()
        assert abs(width - 595) < 2 and abs(height - 842) < 2  # A4 portrait
        printed.close()
    finally:
        temp = pages.path
        pages.close()
    assert not temp.exists()


def test_print_to_file_writes_the_pdf_pages_as_vectors(qtbot: Any, tmp_path: Path, jinrongjie: Form) -> None:
    """打印到文件 once rasterised a 4-page form into a 42 MB job; now it is the PDF's own pages
    (text stays text, a few hundred KB), the chosen range only."""
    pages = PdfPages.from_form(jinrongjie, None)
    try:
        printer = make_printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        out = tmp_path / "打印到文件.pdf"
        printer.setOutputFileName(str(out))
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 3)
        told: list[tuple[int, int]] = []
        pages.paint(printer, progress=lambda done, total: told.append((done, total)) or True)
        printed = pdfium.PdfDocument(str(out))
        assert len(printed) == 2
        source_text = pages.document[1].get_textpage().get_text_range()
        assert printed[0].get_textpage().get_text_range() == source_text and source_text.strip()
        printed.close()
        assert out.stat().st_size < pages.path.stat().st_size + 50_000
        assert told == [(2, 2)]
        assert not list(tmp_path.glob(".*.tmp"))
    finally:
        pages.close()


def test_preview_paints_every_page(qtbot: Any, jinrongjie: Form) -> None:
    pages = PdfPages.from_form(jinrongjie, "ABCD-1234-EF56")
    try:
        dialog = preview_dialog(pages)
        qtbot.addWidget(dialog)
        painted: list[int] = []
        dialog.paintRequested.connect(lambda printer: painted.append(1))
        dialog.show()
        qtbot.waitUntil(lambda: bool(painted))
        preview = dialog.findChild(QPrintPreviewWidget)
        assert preview is not None
        qtbot.waitUntil(lambda: preview.pageCount() == pages.page_count)  # every page, not just one
        dialog.close()
    finally:
        pages.close()


def test_print_preview_from_the_window_shows_the_form_and_leaves_no_file(
        make_window: Any, messages: Any, monkeypatch: pytest.MonkeyPatch, jinrongjie: Form) -> None:
    from jixiao_desktop.ui import msgbox, printing

    window = make_window()
    window.print_preview()  # nothing open yet
    assert messages.shown[-1][:3] == (msgbox.Kind.INFO, "打印", "请先打开一张表单。")

    seen: list[tuple[int, Path]] = []

    class Dialog:
        def __init__(self, pages: PdfPages, parent: Any) -> None:
            self.pages = pages

        def exec(self) -> int:
            seen.append((self.pages.page_count, self.pages.path))
            assert self.pages.path.exists()
            return 0

    monkeypatch.setattr(printing, "preview_dialog", Dialog)
    form_id = window.repo.create(jinrongjie)
    assert window.open_form(form_id)
    window.ui.actionPrintPreview.trigger()
    (count, path), = seen
    expected = PdfPages.from_form(jinrongjie, None)
    try:
        assert count == expected.page_count >= 2
    finally:
        expected.close()
    assert not path.exists()  # the temporary PDF is gone after the preview closed
