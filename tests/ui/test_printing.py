"""Printing paints the PDF export, page for page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import pypdfium2 as pdfium
from PySide6.QtPrintSupport import QPrinter

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
        pages.paint(printer, dpi=100)
        printed = pdfium.PdfDocument(str(out))
        assert len(printed) == pages.page_count
        width, height = printed[0].get_size()
        assert abs(width - 595) < 2 and abs(height - 842) < 2  # A4 portrait
        printed.close()
    finally:
        temp = pages.path
        pages.close()
    assert not temp.exists()


def test_preview_paints_every_page(qtbot: Any, jinrongjie: Form) -> None:
    pages = PdfPages.from_form(jinrongjie, "ABCD-1234-EF56")
    try:
        dialog = preview_dialog(pages)
        qtbot.addWidget(dialog)
        painted: list[int] = []
        dialog.paintRequested.connect(lambda printer: painted.append(1))
        dialog.show()
        qtbot.waitUntil(lambda: bool(painted))
        dialog.close()
    finally:
        pages.close()
