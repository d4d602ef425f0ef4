"""粘贴上年表格: a big text box for the table copied out of Word; read by the same reader.

What is read: the clipboard's HTML flavour when the box still holds what was pasted (Word and WPS
keep the table's cells there), else the text in the box.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QWidget

from jixiao_desktop.importers import WordImport, WordImportError, read_pasted_html, read_pasted_table
from jixiao_desktop.ui.forms.ui_paste_table_dialog import Ui_PasteTableDialog


def _bare(text: str) -> str:
    return "".join(text.split())


def clipboard_html_of(text: str) -> str:
    """The clipboard's HTML when the box holds what the clipboard holds (the clerk pasted and did not
    edit it), else ``""``."""
    mime = QApplication.clipboard().mimeData()
    if mime is None or not mime.hasHtml() or not text.strip():
        return ""
    return mime.html() if _bare(mime.text()) == _bare(text) else ""


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
        text = self.ui.textEdit.toPlainText()
        html = clipboard_html_of(text)
        if html:
            # Word and WPS put the table on the clipboard as HTML too, where a cell of several
            # paragraphs stays one cell; the plain text splits it into rows.
            try:
                self._result = read_pasted_html(html)
            except WordImportError:
                self._result = None
            else:
                self.accept()
                return
        try:
            self._result = read_pasted_table(text)
        except WordImportError as exc:
            self.ui.errorLabel.setText(f"无法识别粘贴的内容：{exc}")
            self.ui.errorLabel.show()
            return
        self.accept()

    def reading(self) -> WordImport | None:
        return self._result
