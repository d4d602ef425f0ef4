"""``LiveLabel``: a one-line label whose text changes at every keystroke without relaying out the
window.

``QLabel.setText`` always asks its layout to recompute (``updateGeometry``); that climbs to the
main window, which then lays out and repaints the whole editing area — measured at 3–4 ms per
keystroke for the 字数 line under a text box (``benchmarks/bench_keystroke.py``), several times
the keystroke itself. A ``LiveLabel`` only repaints itself, and asks for a new layout only when
its text no longer fits the width it has. Used (Designer promotion, ``ui/*.ui``) for the lines
recomputed while typing: the 字数 counts and 基本支出 + 项目支出 = … . Its text is plain text
(never rich text), painted in the palette's text colour, elided when the window is too narrow
(the full text is then its tooltip), and its accessible name for screen readers.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

PAD = 2  # pixels left and right of the text, as QLabel's margin-free text roughly has


class LiveLabel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._alignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        self._hint = QSize(0, 0)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # the QLabel name: set_hint and Designer call it
        if text == self._text:
            return
        self._text = text
        self.setAccessibleName(text)
        needed = self._text_width(text)
        if needed > self.width() or self._hint.height() == 0:
            self.updateGeometry()  # it no longer fits (or was never laid out): ask for room
        self.update()

    def alignment(self) -> Qt.AlignmentFlag:
        return self._alignment

    def setAlignment(self, alignment: Qt.AlignmentFlag) -> None:  # as QLabel
        self._alignment = alignment
        self.update()

    def _text_width(self, text: str) -> int:
        margins = self.contentsMargins()
        return self.fontMetrics().boundingRect(text).width() + 2 * PAD + 2 + margins.left() + margins.right()

    def sizeHint(self) -> QSize:
        self._hint = QSize(self._text_width(self._text), self.fontMetrics().height() + 2)
        return self._hint

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.fontMetrics().height() + 2)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        area = self.contentsRect().adjusted(PAD, 0, -PAD, 0)
        metrics = self.fontMetrics()
        shown = metrics.elidedText(self._text, Qt.TextElideMode.ElideRight, max(0, area.width()))
        self.setToolTip(self._text if shown != self._text else "")
        painter.drawText(area, int(self._alignment), shown)
        painter.end()
