"""粘贴上年表格: a big text box for the table copied out of Word; read by the same reader."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from jixiao_desktop.importers import WordImport, WordImportError, read_pasted_table
from jixiao_desktop.ui.forms.ui_paste_table_dialog import Ui_PasteTableDialog


class PasteTableDialog(QDialog):
    """Accepted only when the text reads as a form; ``result()`` is then the reading."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_PasteTableDialog()
        self.ui.setupUi(self)
        self._result: WordImport | None = None
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText("识别并预览(&P)")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.ui.buttonBox.accepted.connect(self.read)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.errorLabel.hide()
        self.ui.textEdit.setFocus()

    def set_text(self, text: str) -> None:
        self.ui.textEdit.setPlainText(text)

    def read(self) -> None:
        try:
            self._result = read_pasted_table(self.ui.textEdit.toPlainText())
        except WordImportError as exc:
            self.ui.errorLabel.setText(f"无法识别粘贴的内容：{exc}")
            self.ui.errorLabel.show()
            return
        self.accept()

    def reading(self) -> WordImport | None:
        return self._result
