"""Qt's own widgets speak Chinese: the file dialog the clerk imports and exports with."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QWidget


def _english(dialog: QFileDialog) -> list[str]:
    texts = []
    for widget in dialog.findChildren(QWidget):
        text = widget.text() if isinstance(widget, QLabel | QAbstractButton) else ""
        for shown in (text, widget.toolTip()):
            if shown and re.search(r"[A-Za-z]{2}", shown.replace("(*.xlsx)", "")):
                texts.append(shown)
    return texts


def test_the_file_dialog_has_no_english_label(qapp: Any, tmp_path: Any) -> None:
    from jixiao_desktop.app import create_application

    create_application()
    for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
        dialog = QFileDialog(None, "导入表单", str(tmp_path), "Excel 工作簿 (*.xlsx)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(mode)
        labels = [label.text() for label in dialog.findChildren(QLabel)]
        assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels, labels
        assert _english(dialog) == []
        dialog.deleteLater()
