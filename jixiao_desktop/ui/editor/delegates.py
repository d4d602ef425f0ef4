"""Item delegates of the editor's tables."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QPoint, Qt
from PySide6.QtGui import QPainter, QPolygon
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from jixiao_desktop.ui.editor.marks import REVIEW_COLOR, AnyIndex, Role

EMPTY_CHOICE_LABEL = "（不填）"


REVIEW_CORNER = 9  # px: the side of the teal triangle in the top right corner of a commented cell


class MarkDelegate(QStyledItemDelegate):
    """Paints a cell as usual, plus a teal corner (like a spreadsheet's comment mark) where the
    model says the bureau's 审核意见 is about the cell (``Role.REVIEW``): seen beside an error's
    or a warning's background, and when the row is selected."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().paint(painter, option, index)
        if not index.data(Role.REVIEW):
            return
        rect = option.rect  # type: ignore[attr-defined]
        right, top = rect.right(), rect.top()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(REVIEW_COLOR)
        painter.drawPolygon(QPolygon([QPoint(right - REVIEW_CORNER, top), QPoint(right + 1, top),
                                      QPoint(right + 1, top + REVIEW_CORNER + 1)]))
        painter.restore()


class ChoiceDelegate(MarkDelegate):
    """A combo box for cells whose model offers ``Role.CHOICES``; a line edit otherwise."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: AnyIndex) -> QWidget:
        choices: Sequence[str] | None = index.data(Role.CHOICES)
        if not choices:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for choice in choices:
            combo.addItem(choice or EMPTY_CHOICE_LABEL, choice)
        combo.activated.connect(lambda _row, combo=combo: self._finish(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if not isinstance(editor, QComboBox):
            super().setEditorData(editor, index)
            return
        current = index.data(Qt.ItemDataRole.EditRole) or ""
        position = editor.findData(current)
        if position < 0:  # a value from an imported file outside the list: keep it selectable
            editor.addItem(current, current)
            position = editor.count() - 1
        editor.setCurrentIndex(position)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: AnyIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)

    def _finish(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)
