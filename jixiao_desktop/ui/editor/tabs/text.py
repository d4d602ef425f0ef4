"""The free-text tabs: 绩效目标 and 其他说明的问题."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QWidget,
)

from jixiao_desktop.domain import editing
from jixiao_desktop.domain.fields import FieldPath
from jixiao_desktop.domain.model import Form
from jixiao_desktop.ui.editor.marks import Mark
from jixiao_desktop.ui.editor.tabs.base import EditorPort, EditorTab, prepare_text_box
from jixiao_desktop.ui.editor.widgets import (
    mark_widget,
    select_span,
    set_plain_text,
    underline_spans,
)
from jixiao_desktop.ui.forms.ui_editor_text_tab import Ui_TextTab


class TextTab(EditorTab):
    """One large text field with a live character count."""

    def __init__(self, editor: EditorPort, path: str, caption: str, placeholder: str = "") -> None:
        super().__init__(editor)
        self.ui = Ui_TextTab()
        self.ui.setupUi(self)
        self.path = path
        self.ui.captionLabel.setText(caption)
        self.ui.textEdit.setPlaceholderText(placeholder)
        prepare_text_box(self.ui.textEdit)
        self._mark: Mark | None = None
        self._counted: str | None = None  # the text the count label shows the count of
        self.ui.textEdit.textChanged.connect(self._changed)

    def _text(self) -> str:
        return str(getattr(self._editor.form(), self.path))

    def _changed(self) -> None:
        self._editor.edit_text(self.path, self.ui.textEdit.toPlainText())
        self.update_derived()

    def load(self, form: Form) -> None:
        set_plain_text(self.ui.textEdit, self._text(), keep_cursor=False)
        self.ui.textEdit.moveCursor(QTextCursor.MoveOperation.Start)
        self.update_derived()

    def refresh(self, path: str) -> None:
        if path == self.path:
            set_plain_text(self.ui.textEdit, self._text())

    def update_derived(self) -> None:
        # Every change anywhere in the form calls this: count only when this field's text (the
        # form's string, the same object until it is set again) is another one.
        text = self._text()
        if text is not self._counted:
            self._counted = text
            self.ui.countLabel.setText(editing.char_count_label(text))

    def set_read_only(self, read_only: bool) -> None:
        self.ui.textEdit.setReadOnly(read_only)

    def set_marks(self, marks: dict[str, Mark]) -> None:
        self._mark = marks.get(self.path)
        mark_widget(self.ui.textEdit, self._mark)
        underline_spans(self.ui.textEdit, self._text(), self._mark)

    def owns(self, path: FieldPath) -> bool:
        return path.section == self.path

    def focus_path(self, path: FieldPath, span: tuple[int, int] | None) -> bool:
        self.ui.textEdit.setFocus()
        select_span(self.ui.textEdit, self._text(), span)
        self.ui.textEdit.ensureCursorVisible()
        return True

    def text_widgets(self) -> list[QWidget]:
        return [self.ui.textEdit]
