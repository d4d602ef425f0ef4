"""Export and printing run off the UI thread behind a progress dialog that can be cancelled;
characters that would not print are named with their field before a PDF or a print."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThread, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget

from jixiao_desktop.domain.model import Form, Indicator
from jixiao_desktop.ui import msgbox
from jixiao_desktop.ui.printing import MIN_PRINT_DPI, PdfPages, PrintCancelled, make_printer, print_dpi
from jixiao_desktop.ui.progress import Cancelled, run_with_progress


def test_work_runs_in_a_worker_thread_and_its_result_comes_back(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    ui_thread = threading.get_ident()
    seen: list[int] = []

    def work(report: Any) -> str:
        seen.append(threading.get_ident())
        assert QThread.currentThread() is not QApplication.instance().thread()
        for page in range(1, 4):
            report(page, 3)
        return "done"

    assert run_with_progress(parent, "导出", "正在导出…", work) == "done"
    assert seen and seen[0] != ui_thread
    with pytest.raises(ValueError, match="坏"):
        run_with_progress(parent, "导出", "正在导出…", lambda report: (_ for _ in ()).throw(ValueError("坏")))


def test_cancel_stops_the_work_at_its_next_report(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    reports: list[int] = []

    def press_cancel() -> None:
        dialog = parent.findChild(QProgressDialog)
        if dialog is None:
            QTimer.singleShot(20, press_cancel)
            return
        button = next(b for b in dialog.findChildren(QPushButton) if b.text() == "取消")
        button.click()

    def work(report: Any) -> None:
        for page in range(1, 2_000):
            reports.append(page)
            if not report(page, 0):
                raise RuntimeError("stopped")
            time.sleep(0.005)

    QTimer.singleShot(50, press_cancel)
    with pytest.raises(Cancelled):
        run_with_progress(parent, "打印", "正在排版…", work)
    assert 0 < len(reports) < 1_999


def test_printing_uses_the_printers_resolution_at_least_600_dpi(qtbot: Any, tmp_path: Path,
                                                                jinrongjie: Form) -> None:
    printer = make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "p.pdf"))
    assert print_dpi(printer) >= MIN_PRINT_DPI
    pages = PdfPages.from_form(jinrongjie, None)
    try:
        band = pages.render(0, 600, (0.0, 100.0), grey=True)
        assert band.width() == round(595.28 * 600 / 72) or abs(band.width() - 4961) <= 1
        assert abs(band.height() - 100 * 600 / 72) <= 2  # one band, not the whole page
        done: list[int] = []

        def progress(page: int, total: int) -> bool:
            done.append(page)
            return page < 2  # the clerk cancels after page 2

        with pytest.raises(PrintCancelled):
            pages.paint(printer, dpi=150, progress=progress, vector_files=False)  # the raster way paper takes
        assert done == [1, 2] and pages.page_count > 2
    finally:
        pages.close()


def test_window_names_unprintable_characters_before_a_pdf(make_window: Any, messages: Any, tmp_path: Path,
                                                          jinrongjie: Form) -> None:
    window = make_window()
    jinrongjie.indicators.append(Indicator(name="人名𠮷", content="某内容"))
    form_id = window.repo.create(jinrongjie)
    assert window.open_form(form_id)
    target = tmp_path / "金融街.pdf"
    messages.answer = False  # 否: fix the text first
    assert window.output.export_file(target) is None
    _, _, text, _ = next(m for m in messages.shown if m[0] is msgbox.Kind.QUESTION and "无法" in m[1])
    assert "𠮷" in text and f"第 {len(jinrongjie.indicators)} 项指标的指标名称" in text
    assert not target.exists()
    messages.answer = True  # 是: export anyway (printed as 〓)
    assert window.output.export_file(target) == target
    assert target.exists() and target.read_bytes().startswith(b"%PDF")
