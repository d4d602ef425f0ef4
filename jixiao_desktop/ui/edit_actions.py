"""The 编辑 menu: 撤销/重做 following the editor's undo stack, 剪切/复制/粘贴/全选 on the box the
clerk is in, 查找/替换 over the whole form, and the size of the editor's text (Ctrl+wheel)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QWheelEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget
from shiboken6 import isValid

from jixiao_desktop.ui.editor.widgets import set_text_size

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from jixiao_desktop.ui.dialogs.find_replace import FindReplaceDialog
    from jixiao_desktop.ui.editor.editor import FormEditor
    from jixiao_desktop.ui.settings import Settings


class UndoActions(QObject):
    """Keeps ``undo``/``redo`` enabled and named after the stack; ``editable()`` says if edits are allowed.

    A QObject child of the window, so the stack's signals stop reaching it with the window.
    """

    def __init__(self, parent: QObject, undo: QAction, redo: QAction, editable: Callable[[], bool]) -> None:
        super().__init__(parent)
        self._undo = undo
        self._redo = redo
        self._editable = editable
        self._stack: QUndoStack | None = None
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        undo.triggered.connect(self.undo)
        redo.triggered.connect(self.redo)

    def follow(self, stack: QUndoStack) -> None:
        if stack is self._stack:
            return
        if self._stack is not None:
            self._stack.canUndoChanged.disconnect(self.update)
            self._stack.canRedoChanged.disconnect(self.update)
        self._stack = stack
        stack.canUndoChanged.connect(self.update)
        stack.canRedoChanged.connect(self.update)
        self.update()

    def undo(self) -> None:
        if self._stack is not None and self._editable():
            self._stack.undo()

    def redo(self) -> None:
        if self._stack is not None and self._editable():
            self._stack.redo()

    def update(self, *_: object) -> None:
        stack = self._stack
        if not all(isValid(o) for o in (self._undo, self._redo, *([stack] if stack is not None else []))):
            self._stack = None  # the window is being torn down: its stack still signals on the way
            return
        editable = self._editable()
        self._undo.setEnabled(bool(stack and stack.canUndo() and editable))
        self._redo.setEnabled(bool(stack and stack.canRedo() and editable))
        if stack is not None:
            self._undo.setText(f"撤销 {stack.undoText()}".strip() if stack.canUndo() else "撤销(&U)")
            self._redo.setText(f"重做 {stack.redoText()}".strip() if stack.canRedo() else "重做(&R)")


class ClipboardActions:
    """剪切/复制/粘贴/全选 in the 编辑 menu act on the box the clerk is in.

    In a text box its own shortcut handles the key (Qt gives the box first refusal); the menu and
    the table views come here. In a table, 复制 copies the current cell's text and 粘贴 sets it.
    """

    def __init__(self, focus: Callable[[], QWidget | None], cut: QAction, copy: QAction, paste: QAction,
                 select_all: QAction) -> None:
        self._focus = focus  # the window's focus widget: the box the clerk was typing in
        cut.triggered.connect(lambda: self._call("cut"))
        copy.triggered.connect(lambda: self._call("copy"))
        paste.triggered.connect(lambda: self._call("paste"))
        select_all.triggered.connect(lambda: self._call("selectAll"))

    def _call(self, name: str) -> None:
        widget = self._focus()
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            getattr(widget, name)()
        elif isinstance(widget, QAbstractItemView):
            index = widget.currentIndex()
            if name == "selectAll":
                widget.selectAll()
            elif index.isValid() and name in ("copy", "cut"):
                QApplication.clipboard().setText(str(index.data() or ""))
                if name == "cut" and index.flags() & Qt.ItemFlag.ItemIsEditable:
                    widget.model().setData(index, "", Qt.ItemDataRole.EditRole)
            elif index.isValid() and name == "paste" and index.flags() & Qt.ItemFlag.ItemIsEditable:
                widget.model().setData(index, QApplication.clipboard().text(), Qt.ItemDataRole.EditRole)


ZOOM_MIN, ZOOM_MAX, ZOOM_STEP = -4, 12, 1


class Zoom(QObject):
    """Ctrl+wheel, Ctrl+= / Ctrl+- / Ctrl+0 over the editing area: bigger or smaller text there.

    Only the editor's font changes (points added to the application's), kept in the settings.
    """

    def __init__(self, parent: QObject, target: Callable[[], QWidget | None], get: Callable[[], int],
                 put: Callable[[int], None]) -> None:
        super().__init__(parent)
        self._target = target
        self._get = get
        self._put = put
        self._watched: QWidget | None = None
        self._applied = False

    def watch(self, widget: QWidget) -> None:
        """Take Ctrl+wheel over ``widget`` and everything in it."""
        self._watched = widget
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)  # wheel events go to the child under the mouse
        self.apply()

    def steps(self) -> int:
        return self._get()

    def change(self, delta: int) -> None:
        self._put(max(ZOOM_MIN, min(ZOOM_MAX, self._get() + delta)) if delta else 0)
        self.apply()

    def apply(self) -> None:
        target = self._target()
        if target is None:
            return
        steps = self._get()
        if not steps and not self._applied:
            return  # the application's size: nothing to restyle at start-up
        self._applied = bool(steps)
        set_text_size(target, max(6.0, QApplication.font().pointSizeF() + steps) if steps else None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and self._watched is not None and isinstance(watched, QWidget) \
                and isinstance(event, QWheelEvent) and event.modifiers() & Qt.KeyboardModifier.ControlModifier \
                and (watched is self._watched or self._watched.isAncestorOf(watched)):
            delta = event.angleDelta().y()
            if delta:
                self.change(ZOOM_STEP if delta > 0 else -ZOOM_STEP)
            return True
        return False


class EditTools:
    """What the 编辑 and 帮助 menus do besides undo: the window wires its actions to these."""

    def __init__(self, parent: QWidget, editor: Callable[[], FormEditor | None], settings: Settings) -> None:
        self._parent = parent
        self._editor = editor
        self._find: FindReplaceDialog | None = None
        self.zoom = Zoom(parent, lambda: editor(), settings.editor_zoom, settings.set_editor_zoom)

    def find(self, replace: bool = False) -> FindReplaceDialog | None:
        from jixiao_desktop.ui.dialogs.find_replace import FindReplaceDialog

        editor = self._editor()
        if editor is None:
            return None
        if self._find is None:
            self._find = FindReplaceDialog(editor, self._parent)
        self._find.show()
        self._find.raise_()
        self._find.show_replace(replace)
        return self._find

    def help(self) -> None:
        from jixiao_desktop.ui.dialogs.help import HelpDialog

        HelpDialog(self._parent).exec()
