"""Last year's text beside this year's, on demand (layouts A and B).

A form made with 继承上年 keeps each row's 指标内容和指标值 of last year
(``Indicator.previous_content``). The rows tab gets a 上年内容 toggle in its content header; when
it is on, a read-only box beside the content box shows last year's text of the selected row.
The table's tooltip shows it too (``models.IndicatorRowsModel``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QPlainTextEdit, QSplitter, QToolButton, QWidget


class PreviousContentPanel:
    """The 上年内容 toggle and the read-only box, put beside ``edit`` in ``layout``."""

    def __init__(self, header: QBoxLayout, layout: QBoxLayout, edit: QPlainTextEdit, parent: QWidget) -> None:
        self.toggle = QToolButton(parent)
        self.toggle.setObjectName("previousContentButton")
        self.toggle.setText("上年内容")
        self.toggle.setCheckable(True)
        self.toggle.setToolTip("在右侧显示本行上年的指标内容和指标值（继承上年的表格才有）")
        header.addWidget(self.toggle)
        self.box = QPlainTextEdit(parent)
        self.box.setObjectName("previousContentEdit")
        self.box.setReadOnly(True)
        self.box.setAccessibleName("上年指标内容和指标值")
        self.box.setPlaceholderText("本行没有上年内容")
        self.box.setVisible(False)
        self.box.setStyleSheet("QPlainTextEdit { background: #f4f4f4; color: #444; }")  # read-only: greyed
        splitter = QSplitter(Qt.Orientation.Horizontal, parent)
        splitter.setChildrenCollapsible(False)
        layout.insertWidget(layout.indexOf(edit), splitter)
        splitter.addWidget(edit)
        splitter.addWidget(self.box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.toggle.toggled.connect(self._toggled)
        self._has_any = False
        self.show_text("", has_any=False)

    def show_text(self, previous: str, *, has_any: bool) -> None:
        """Last year's text of the selected row; ``has_any``: some row of the form has one."""
        self._has_any = has_any
        self.toggle.setVisible(has_any)
        if self.box.toPlainText() != previous:
            self.box.setPlainText(previous)
        self.box.setVisible(has_any and self.toggle.isChecked())

    def _toggled(self, checked: bool) -> None:
        self.box.setVisible(checked and self._has_any)
