"""Text from a file or a person is plain text wherever Qt shows it (issue 18, item 2).

Qt's ``AutoText`` draws a string as rich text as soon as it *looks* like HTML: a review file
whose 单位名称 is ``<img src="file:///…"><a href="http://…">点此查看</a><h1>请立即重新上报</h1>``
drew a local image, a heading and a clickable link in the 导入审核意见失败 box, and tooltips of
the form list and the editor did the same. The one way in:

- ``plain(widget)``: every ``QLabel`` in (or being) ``widget`` shows its text as typed
  (``PlainText``) and opens no link (``openExternalLinks`` off, no link interaction). The message
  boxes of ``ui.msgbox`` and the window's own labels go through it.
- ``PlainToolTips``: one event filter on the application (``install``) that shows every tooltip
  — a widget's, or an item view's ``ToolTipRole`` — as plain text. A tooltip that would be
  taken for HTML is shown escaped instead, so nobody has to remember it at each ``setToolTip``.
- ``escaped_html(text)``: the text as HTML that draws exactly ``text`` (for the few places that
  build rich text on purpose: the history's diff, the help page).
"""

from __future__ import annotations

import atexit
import html

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtGui import Qt as GuiQt  # mightBeRichText lives on QtGui's Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QToolTip, QWidget

NO_LINKS = Qt.TextInteractionFlag.TextSelectableByMouse


def looks_rich(text: str) -> bool:
    """Whether Qt's ``AutoText`` would draw ``text`` as rich text."""
    return bool(text) and GuiQt.mightBeRichText(text)


def escaped_html(text: str) -> str:
    """HTML that draws ``text`` character for character (spaces and line breaks kept)."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"


def plain_label(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setOpenExternalLinks(False)
    flags = label.textInteractionFlags()
    if flags & (Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard):
        label.setTextInteractionFlags(NO_LINKS)
    return label


def plain(widget: QWidget) -> QWidget:
    """``widget`` and every label in it show their text as plain text, with no live links."""
    if isinstance(widget, QLabel):
        plain_label(widget)
    for label in widget.findChildren(QLabel):
        plain_label(label)
    return widget


def tooltip_text(obj: QObject, pos: QPoint) -> str:
    """The tooltip Qt would show for ``obj`` at ``pos``: an item view's ``ToolTipRole`` on its
    viewport, otherwise the widget's own."""
    parent = obj.parent()
    if isinstance(parent, QAbstractItemView) and obj is parent.viewport():
        index = parent.indexAt(pos)
        value = index.data(Qt.ItemDataRole.ToolTipRole) if index.isValid() else None
        return value if isinstance(value, str) else ""
    return obj.toolTip() if isinstance(obj, QWidget) else ""


class PlainToolTips(QObject):
    """Shows a tooltip that would be drawn as HTML as the plain text it is."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent) or not isinstance(obj, QWidget):
            return False
        text = tooltip_text(obj, event.pos())
        if not looks_rich(text):
            return False  # Qt shows it as it is: plain
        QToolTip.showText(event.globalPos(), escaped_html(text), obj)
        return True


_installed: list[PlainToolTips] = []


def install(app: QApplication) -> None:
    """Every tooltip of the application as plain text (once per application)."""
    if _installed and _installed[0].parent() is app:
        return
    _installed.clear()
    _installed.append(PlainToolTips(app))
    app.installEventFilter(_installed[0])
    # Removed before Python shuts down: Qt delivers events while the application object is being
    # destroyed, and a Python filter must not be called then.
    atexit.register(_uninstall)


def _uninstall() -> None:
    for tool_tips in _installed:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(tool_tips)
    _installed.clear()
