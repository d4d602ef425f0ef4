"""查找/替换 (Ctrl+F, Ctrl+H): find text in every field of the open form, replace one or all.

The dialog is not modal: the clerk keeps typing in the form while it is open. Matches come
from ``jixiao_desktop.domain.form_search``; each one is shown by ``focus_field`` with its span; 替换
goes through the editor's ``set_text`` (undoable), 全部替换 is one undo step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jixiao_desktop.domain.fields import field_text
from jixiao_desktop.domain.form_diff import field_paths
from jixiao_desktop.domain.form_search import Match, find_matches, replaced

if TYPE_CHECKING:
    from jixiao_desktop.ui.editor.editor import FormEditor


class FindReplaceDialog(QDialog):
    def __init__(self, editor: FormEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self._current: Match | None = None
        self.setWindowTitle("查找和替换")
        self.find_edit = QLineEdit(self)
        self.find_edit.setPlaceholderText("要查找的文字")
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setPlaceholderText("替换为（可留空）")
        form = QFormLayout()
        form.addRow("查找(&N)：", self.find_edit)
        form.addRow("替换为(&I)：", self.replace_edit)
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.next_button = QPushButton("查找下一个(&F)", self)
        self.replace_button = QPushButton("替换(&R)", self)
        self.replace_all_button = QPushButton("全部替换(&A)", self)
        for button in (self.next_button, self.replace_button, self.replace_all_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.find_next)
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.find_edit.textChanged.connect(self._forget)
        self.show_replace(False)

    def show_replace(self, replace: bool) -> None:
        """查找 (Ctrl+F) hides the replace row's buttons' use; 替换 (Ctrl+H) focuses it."""
        self.setWindowTitle("查找和替换" if replace else "查找")
        read_only = self._editor.is_read_only()
        self.replace_button.setEnabled(not read_only)
        self.replace_all_button.setEnabled(not read_only)
        (self.replace_edit if replace and self.find_edit.text() else self.find_edit).setFocus()
        self.find_edit.selectAll()

    def _forget(self, *_: object) -> None:
        self._current = None
        self.status.setText("")

    def _matches(self) -> list[Match]:
        return find_matches(self._editor.form(), self.find_edit.text())

    def find_next(self) -> Match | None:
        matches = self._matches()
        if not matches:
            self._current = None
            self.status.setText(f"没有找到“{self.find_edit.text()}”。" if self.find_edit.text() else "请填写要查找的文字。")
            return None
        current = self._current
        order = {path: i for i, path in enumerate(field_paths(self._editor.form()))}
        after = [m for m in matches if current is None
                 or (order.get(m.path, -1), m.start) > (order.get(current.path, -1), current.start)]
        match = after[0] if after else matches[0]
        self._current = match
        self._editor.focus_field(match.path, (match.start, match.end))
        wrapped = current is not None and not after
        self.status.setText(f"第 {matches.index(match) + 1} 处，共 {len(matches)} 处" + ("（已从头开始）" if wrapped else ""))
        return match

    def replace_current(self) -> None:
        if self._editor.is_read_only():
            return
        match = self._current
        needle = self.find_edit.text()
        form = self._editor.form()
        if match is None or field_text(form, match.path)[match.start:match.end].casefold() != needle.casefold():
            self.find_next()
            return
        text = replaced(field_text(form, match.path), needle, self.replace_edit.text(), match.start)
        self._editor.set_text(match.path, text, "替换")
        self._current = Match(match.path, match.start, match.start + len(self.replace_edit.text()))
        self.find_next()

    def replace_all(self) -> int:
        if self._editor.is_read_only():
            return 0
        needle, replacement = self.find_edit.text(), self.replace_edit.text()
        matches = self._matches()
        paths = list(dict.fromkeys(m.path for m in matches))
        if not paths:
            self.status.setText(f"没有找到“{needle}”。")
            return 0
        stack = self._editor.undo_stack()
        stack.beginMacro(f"全部替换“{needle}”")
        try:
            for path in paths:
                self._editor.set_text(path, replaced(field_text(self._editor.form(), path), needle, replacement))
        finally:
            stack.endMacro()
        self._current = None
        self.status.setText(f"已替换 {len(matches)} 处（{len(paths)} 个栏目）；可用“撤销”一次全部恢复。")
        return len(matches)
