"""导出 as a clerk meets it: a plain name, the kind chosen last time, then 打开文件/打开所在文件夹."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from jixiao_desktop import formfiles
from jixiao_desktop.domain.model import Form
from jixiao_desktop.ui import export_dialog, msgbox
from tests.ui.conftest import Messages
from tests.ui.test_window import MakeWindow, open_stored


def test_an_excel_or_pdf_name_carries_no_jixiao_infix() -> None:
    xlsx, pdf, exchange = formfiles.ExportKind.XLSX, formfiles.ExportKind.PDF, formfiles.ExportKind.EXCHANGE
    assert export_dialog.plain_name(Path("/d/2022年度 申报表.jixiao.xlsx"), xlsx).name == "2022年度 申报表.xlsx"
    assert export_dialog.plain_name(Path("/d/a.jixiao.pdf"), pdf).name == "a.pdf"
    assert export_dialog.plain_name(Path("/d/a.jixiao.json"), exchange).name == "a.jixiao.json"


def test_export_remembers_the_kind_suggests_a_plain_name_and_offers_to_open(
        make_window: MakeWindow, messages: Messages, jinrongjie: Form, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[str, str]] = []

    def ask_save_path(parent: Any, title: str, suggested: str, filters: str, selected_filter: str = "") -> Any:
        asked.append((suggested, selected_filter))
        return messages.save_path

    monkeypatch.setattr(msgbox, "ask_save_path", ask_save_path)
    opened = messages.opened
    window, _ = open_stored(make_window, jinrongjie)
    window.settings.set_last_directory(str(tmp_path))

    # the clerk picks PDF and types a name that still ends in .jixiao.pdf
    messages.save_path = (tmp_path / "申报表.jixiao.pdf", formfiles.ExportKind.PDF.filter)
    messages.choice = 1  # 打开所在文件夹
    written = window.export_file()
    assert written == tmp_path / "申报表.pdf" and written.exists()
    assert opened == [tmp_path]
    first_suggested, first_filter = asked[0]
    assert first_suggested.endswith("绩效目标申报表.xlsx") and ".jixiao" not in first_suggested
    assert first_filter == formfiles.ExportKind.XLSX.filter  # Excel the first time
    question = next(m for m in messages.shown if m[1] == "导出完成")
    assert "打开文件" in question[3] and "打开所在文件夹" in question[3]

    messages.save_path = (tmp_path / "again.pdf", formfiles.ExportKind.PDF.filter)
    messages.choice = 0  # 打开文件
    assert window.export_file() == tmp_path / "again.pdf"
    second_suggested, second_filter = asked[1]
    assert second_filter == formfiles.ExportKind.PDF.filter and second_suggested.endswith(".pdf")  # remembered
    assert opened[-1] == tmp_path / "again.pdf"


def test_file_dialogs_start_in_documents_without_a_last_folder(tmp_path: Path) -> None:
    from PySide6.QtCore import QStandardPaths

    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert msgbox.start_directory("") == documents
    assert msgbox.start_directory(str(tmp_path / "gone")) == documents
    assert msgbox.start_directory(str(tmp_path)) == str(tmp_path)
