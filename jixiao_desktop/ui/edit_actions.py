"""撤销/重做 in the 编辑 menu, following the undo stack of the editor's current form."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from shiboken6 import isValid

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack


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
