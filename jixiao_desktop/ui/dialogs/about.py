"""关于: name, version, where the data lives."""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtWidgets import QDialog, QWidget

from jixiao_desktop import APP_NAME, __version__
from jixiao_desktop.ui.forms.ui_about_dialog import Ui_AboutDialog


class AboutDialog(QDialog):
    def __init__(self, db_path: str | Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AboutDialog()
        self.ui.setupUi(self)
        self.ui.nameLabel.setText(APP_NAME)
        self.ui.versionLabel.setText(f"版本 {__version__}")
        details = [
            f"数据文件：{db_path}" if db_path else "",
            f"Python {platform.python_version()} · Qt for Python {pyside_version}",
            "字体：文泉驿微米黑（Apache-2.0 / GPL-3 含字体例外）",
        ]
        self.ui.detailsLabel.setText("\n".join(d for d in details if d))
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.buttonBox.accepted.connect(self.accept)
