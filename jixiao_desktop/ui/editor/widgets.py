"""Small widget helpers of the editor: quiet updates, selections in UTF-16, field marks."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from jixiao_desktop.domain.editing import utf16_offset
from jixiao_desktop.ui.editor.marks import Mark

HINT_COLORS = {"error": "#c5221f", "warning": "#b06000", "info": "#5f6368", "ok": "#188038", "": "#5f6368"}
SPAN_COLORS = {"error": QColor("#d93025"), "warning": QColor("#e37400"), "": QColor("#1a73e8")}

# Applied to the whole editor; widgets carry the dynamic properties "finding" (error/warning)
# and "review" (the bureau's 审核意见). A field with both keeps the finding's frame (the rules
# below come later) over the comment's tint.
EDITOR_STYLE = """
QLineEdit[review="true"], QPlainTextEdit[review="true"], QAbstractSpinBox[review="true"] {
    border: 2px solid #00897b;
    background-color: #e6f5f2;
}
QLineEdit[finding="error"], QPlainTextEdit[finding="error"], QAbstractSpinBox[finding="error"] {
    border: 2px solid #d93025;
}
QLineEdit[finding="warning"], QPlainTextEdit[finding="warning"], QAbstractSpinBox[finding="warning"] {
    border: 2px solid #f29900;
}
"""


def set_text_size(editor: QWidget, points: float | None) -> None:
    """The editing area's text size (放大/缩小文字); ``None`` = the application's.

    A style sheet gives every widget it styles an explicit font, so ``setFont`` on the editor never
    reaches its text fields: the size goes into the editor's own style sheet, which every field, cell
    and field created later inherits.
    """
    font = QFont(QApplication.font())
    if points is not None:
        font.setPointSizeF(points)
    editor.setFont(font)
    size_rule = f"\nQWidget {{ font-size: {points:g}pt; }}\n" if points is not None else ""
    editor.setStyleSheet(EDITOR_STYLE + size_rule)


def set_hint(label: QLabel, kind: str, text: str) -> None:
    """Show a short coloured note beside a field.

    Called after every keystroke for every hint of the editor, so it is cheap: the colour is the
    label's palette (a style sheet per label would restyle and relay it out at each change), and
    what did not change is left alone.
    """
    kind = kind if text else ""
    if label.text() != text:
        label.setText(text)
    if label.property("hintKind") != kind:
        label.setProperty("hintKind", kind)  # what tests (and styles) read: "error", "ok" …
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(HINT_COLORS.get(kind, HINT_COLORS[""])))
        label.setPalette(palette)


def set_line_text(edit: QLineEdit, text: str) -> None:
    """Put the text in a line edit unless it is already there (keeps the cursor while typing)."""
    if edit.text() != text:
        edit.setText(text)


def _first_difference(old: str, new: str) -> int:
    limit = min(len(old), len(new))
    for i in range(limit):
        if old[i] != new[i]:
            return i
    return limit


def set_plain_text(edit: QPlainTextEdit, text: str, *, keep_cursor: bool = True) -> None:
    """Put the text in a text box unless it is there; the cursor goes where the text changed."""
    old = edit.toPlainText()
    if old == text:
        return
    where = _first_difference(old, text)
    edit.setPlainText(text)
    if keep_cursor:
        cursor = edit.textCursor()
        cursor.setPosition(min(utf16_offset(text, where + max(0, len(text) - len(old))),
                               len(text.encode("utf-16-le")) // 2))
        edit.setTextCursor(cursor)
        edit.ensureCursorVisible()


def select_span(widget: QWidget, text: str, span: tuple[int, int] | None) -> None:
    """Select ``span`` (Python indices into ``text``) in a line edit or a text box."""
    if span is None:
        return
    start, end = sorted((max(0, span[0]), max(0, span[1])))
    a, b = utf16_offset(text, start), utf16_offset(text, end)
    if isinstance(widget, QLineEdit):
        widget.setSelection(a, b - a)
    elif isinstance(widget, QPlainTextEdit):
        cursor = widget.textCursor()
        cursor.setPosition(a)
        cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        widget.setTextCursor(cursor)
        widget.ensureCursorVisible()


def mark_widget(widget: QWidget, mark: Mark | None, default_tooltip: str = "") -> None:
    """Red or yellow frame, a teal one (or tint) for the bureau's comments, and the findings and
    comments as tooltip; ``None`` clears."""
    level = mark.level if mark else ""
    review = "true" if mark and mark.review else ""
    if widget.property("finding") != level or (widget.property("review") or "") != review:
        widget.setProperty("finding", level)
        widget.setProperty("review", review)
        widget.style().unpolish(widget)
        widget.style().polish(widget)
        widget.update()
    widget.setToolTip(mark.tooltip if mark and mark.tooltip else default_tooltip)


def underline_spans(edit: QPlainTextEdit, text: str, mark: Mark | None) -> None:
    """Wavy underline under the passages the findings point at."""
    selections = []
    for start, end, level in (mark.spans if mark else ()):
        selection = QTextEdit.ExtraSelection()
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(SPAN_COLORS.get(level, SPAN_COLORS[""]))
        selection.format = fmt
        cursor = QTextCursor(edit.document())
        cursor.setPosition(utf16_offset(text, start))
        cursor.setPosition(utf16_offset(text, end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selections.append(selection)
    edit.setExtraSelections(selections)
