"""Shared helpers of the window tests.

``qtbot.keyClicks`` aborts the whole process on any non-ASCII character (QTest's
qasciikey.cpp assertion, stack.md §5.5), so Chinese text is typed here one ``QKeyEvent`` per
character, or committed at once the way an input method does.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def _send_key(widget: QWidget, key: Qt.Key, text: str,
              modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers, text))


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` as a clerk would, key by key (any script; "\\n" is Return)."""
    for ch in text:
        if ch == "\n":
            _send_key(widget, Qt.Key.Key_Return, "\r")
        else:
            _send_key(widget, Qt.Key.Key_unknown, ch)


def commit_text(widget: QWidget, text: str) -> None:
    """Insert ``text`` the way a Chinese input method commits a phrase (one event)."""
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def press_backspace(widget: QWidget, times: int = 1) -> None:
    for _ in range(times):
        _send_key(widget, Qt.Key.Key_Backspace, "")


def press_key(widget: QWidget, key: Qt.Key,
              modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key without text (Tab, End, Ctrl+Z …)."""
    _send_key(widget, key, "", modifiers)


def run_offscreen(code: str, timeout: int = 60) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh Python process with Qt offscreen, from the project's folder."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-c", code], env=env, cwd=Path(__file__).resolve().parents[2],
                          capture_output=True, text=True, timeout=timeout, check=False)
