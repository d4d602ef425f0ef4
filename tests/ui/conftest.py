"""Fixtures for the window tests: a patched message box and a window on a tmp database."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from jixiao_desktop.ui import msgbox


@dataclass
class Messages:
    """What the window told or asked the clerk; answers are set by the test.

    Attributes:
        shown: (kind, title, text, detail) of every message box.
        answer: what a yes/no question returns (True = 是).
        text_answer: what ``ask_text`` returns (None = cancelled).
        open_path / save_path: what the file dialogs return.
    """

    shown: list[tuple[msgbox.Kind, str, str, str]] = field(default_factory=list)
    answer: bool = True
    text_answer: str | None = None
    open_path: Path | None = None
    save_path: tuple[Path, str] | None = None
    choice: int | None = 0  # what ``msgbox.choose`` returns (index of the answer, None = 取消)
    opened: list[Path] = field(default_factory=list)  # files/folders the window asked the desktop to open

    def kinds(self) -> list[msgbox.Kind]:
        return [kind for kind, *_ in self.shown]

    def of(self, kind: msgbox.Kind) -> list[tuple[msgbox.Kind, str, str, str]]:
        return [m for m in self.shown if m[0] is kind]


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> Messages:
    """Replace every modal box of ``ui.msgbox`` so no test ever blocks."""
    record = Messages()

    def show_message(parent: Any, kind: msgbox.Kind, title: str, text: str,
                     buttons: Any = msgbox.Button.Ok, default: Any = msgbox.Button.NoButton,
                     detail: str = "") -> msgbox.Button:
        record.shown.append((kind, title, text, detail))
        if kind is msgbox.Kind.QUESTION:
            return msgbox.Button.Yes if record.answer else msgbox.Button.No
        return msgbox.Button.Ok

    monkeypatch.setattr(msgbox, "show_message", show_message)
    def choose_index(parent: Any, title: str, text: str, choices: list[str], detail: str) -> int | None:
        record.shown.append((msgbox.Kind.QUESTION, title, text, " / ".join(choices)))
        return record.choice

    monkeypatch.setattr(msgbox, "choose_index", choose_index)
    from jixiao_desktop.ui import export_dialog

    monkeypatch.setattr(export_dialog, "open_path", lambda path: record.opened.append(path) or True)
    monkeypatch.setattr(msgbox, "ask_text", lambda *a, **k: record.text_answer)
    monkeypatch.setattr(msgbox, "ask_open_path", lambda *a, **k: record.open_path)
    monkeypatch.setattr(msgbox, "ask_save_path", lambda *a, **k: record.save_path)
    # The 导入预览 and 粘贴上年表格 dialogs are answered like a question (answer True = 导入).
    from jixiao_desktop.ui.dialogs import import_flow

    monkeypatch.setattr(import_flow, "_exec", lambda dialog: record.answer)
    return record


@pytest.fixture
def db_path() -> Path:
    return Path(os.environ["JIXIAO_DB"])


@pytest.fixture
def make_window(qtbot: Any, messages: Messages, db_path: Path) -> Iterator[Callable[[], Any]]:
    """Build a started ``MainWindow`` on the test database (several may be made in turn)."""
    from jixiao_desktop.app import create_application
    from jixiao_desktop.ui.main_window import MainWindow
    from jixiao_desktop.ui.settings import Settings

    create_application()
    windows: list[Any] = []

    def make() -> Any:
        window = MainWindow(Settings(), db_path)
        qtbot.addWidget(window)
        window.show()
        window.finish_startup()
        assert window.is_ready, messages.shown
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
