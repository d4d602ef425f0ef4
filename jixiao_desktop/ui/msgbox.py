"""The one place the window asks or tells the clerk something in a modal box.

Everything goes through ``show_message``, ``ask_text``, ``ask_open_path`` and
``ask_save_path``; tests replace these with ``monkeypatch`` so nothing ever blocks.
"""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget


class Kind(enum.Enum):
    INFO = QMessageBox.Icon.Information
    WARNING = QMessageBox.Icon.Warning
    ERROR = QMessageBox.Icon.Critical
    QUESTION = QMessageBox.Icon.Question


Button = QMessageBox.StandardButton


def show_message(
    parent: QWidget | None,
    kind: Kind,
    title: str,
    text: str,
    buttons: Button = Button.Ok,
    default: Button = Button.NoButton,
    detail: str = "",
) -> Button:
    """Show a message box and return the button pressed (the single patch point for tests)."""
    box = QMessageBox(kind.value, title, text, buttons, parent)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    if detail:
        box.setInformativeText(detail)
    return Button(message_box_exec(box))


def message_box_exec(box: QMessageBox) -> int:
    """Every message box shows its text as plain text, with no live link (a unit's name, a file
    name, a message quoting what was typed are never HTML: ``ui.plain_text``)."""
    from jixiao_desktop.ui.plain_text import plain

    plain(box)
    return box.exec()


def info(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    show_message(parent, Kind.INFO, title, text, detail=detail)


def warning(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    show_message(parent, Kind.WARNING, title, text, detail=detail)


def error(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    show_message(parent, Kind.ERROR, title, text, detail=detail)


def confirm(parent: QWidget | None, title: str, text: str, detail: str = "") -> bool:
    """A yes/no question; True when the clerk answered 是."""
    answer = show_message(parent, Kind.QUESTION, title, text, Button.Yes | Button.No, Button.No,
                          detail=detail)
    return answer == Button.Yes


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "", *,
             required: bool = False) -> str | None:
    """One line of text, or None when cancelled.

    ``required``: 确定 stays disabled while the box is blank, so an empty answer never closes the
    dialog (the clerk would have to start again).
    """
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setTextValue(text)
    dialog.setOkButtonText("确定")
    dialog.setCancelButtonText("取消")
    if required:
        require_text(dialog)
    return dialog.textValue() if dialog.exec() else None


def require_text(dialog: QInputDialog) -> None:
    """Keep the dialog's 确定 disabled while its text is blank."""
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = dialog.findChild(QDialogButtonBox)
    if buttons is None:  # the box is built on show in some Qt versions
        dialog.setOption(QInputDialog.InputDialogOption.NoButtons, False)
        buttons = dialog.findChild(QDialogButtonBox)

    def follow(value: str) -> None:
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok) if buttons is not None else None
        if ok is not None:
            ok.setEnabled(bool(value.strip()))

    dialog.textValueChanged.connect(follow)
    follow(dialog.textValue())


def start_directory(directory: str = "") -> str:
    """Where a file dialog opens: the folder last used, else 文档 (never the program's folder)."""
    if directory and Path(directory).is_dir():
        return directory
    from PySide6.QtCore import QStandardPaths

    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())


def ask_open_path(parent: QWidget | None, title: str, directory: str, filters: str) -> Path | None:
    """A file to open, or None when cancelled (the dialog never opens files to sniff them)."""
    from jixiao_desktop.ui import file_dialog

    return file_dialog.ask_open(parent, title, start_directory(directory), filters)


def ask_save_path(
    parent: QWidget | None, title: str, suggested: str, filters: str, selected_filter: str = ""
) -> tuple[Path, str] | None:
    """A file name to save to and the chosen filter, or None when cancelled."""
    from jixiao_desktop.ui import file_dialog

    return file_dialog.ask_save(parent, title, suggested, filters, selected_filter)


def ask_folder(parent: QWidget | None, title: str, directory: str) -> Path | None:
    """A folder, or None when cancelled (the same non-sniffing dialog)."""
    from jixiao_desktop.ui import file_dialog

    return file_dialog.ask_folder(parent, title, start_directory(directory))


def choose(parent: QWidget | None, title: str, text: str, choices: list[str], detail: str = "") -> int | None:
    """A question with named answers; the index of the one pressed, None for 取消.

    Goes through ``choose_index`` so tests can patch it like ``show_message``.
    """
    return choose_index(parent, title, text, choices, detail)


def choose_index(parent: QWidget | None, title: str, text: str, choices: list[str], detail: str) -> int | None:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    if detail:
        box.setInformativeText(detail)
    buttons = [box.addButton(choice, QMessageBox.ButtonRole.AcceptRole) for choice in choices]
    cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(buttons[0])
    box.setEscapeButton(cancel)
    message_box_exec(box)
    clicked = box.clickedButton()
    return next((i for i, button in enumerate(buttons) if button is clicked), None)
