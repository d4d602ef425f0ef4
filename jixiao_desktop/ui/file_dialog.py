"""File dialogs that never open a file to look at it (issue 7: the dialog corrupted the database).

Qt's own file dialog asks its icon provider for each entry's icon and type, and the stock
provider finds them with ``QMimeDatabase.mimeTypeForFile``, which *opens and reads* files whose
name does not settle the type — ``jixiao.db``, ``jixiao.db-wal``, ``jixiao.db-shm`` among them
(strace shows ``openat(…jixiao.db-wal, O_RDONLY)``). On POSIX, closing *any* descriptor of a file
drops *all* of the process's fcntl locks on it: the next SQLite client (``jixiao-desktop list``
beside the window) then believes nobody has the database open and deletes the live WAL, and the
window's later saves go into a deleted file.

``NameOnlyIconProvider`` gives icons and types from the name alone, so nothing in the window's
process opens a file behind SQLite's back. Where the platform's native dialog would run inside
the process (Linux desktops: GTK/DDE/KDE themes sniff contents the same way), Qt's own dialog
is used with that provider; on Windows the native dialog is kept (Windows file locks belong to a
handle, so a look at a file cannot drop SQLite's locks).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QFileInfo, QMimeDatabase
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QFileDialog, QFileIconProvider, QWidget

USE_NATIVE = sys.platform == "win32"


class NameOnlyIconProvider(QFileIconProvider):
    """Icons and type names from the file name only: never opens, reads or thumbnails a file."""

    def __init__(self) -> None:
        super().__init__()
        self.setOptions(QFileIconProvider.Option.DontUseCustomDirectoryIcons)
        self._mime = QMimeDatabase()

    def icon(self, what: object) -> QIcon:  # type: ignore[override]
        if isinstance(what, QFileInfo):
            kind = QAbstractFileIconProvider.IconType.Folder if what.isDir() else QAbstractFileIconProvider.IconType.File
            return super().icon(kind)
        return super().icon(what)  # type: ignore[call-overload]

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "文件夹"
        mime = self._mime.mimeTypeForFile(info.fileName(), QMimeDatabase.MatchMode.MatchExtension)
        return mime.comment() if not mime.isDefault() else "文件"


def make_dialog(parent: QWidget | None, title: str, directory: str, filters: str, *, save: bool) -> QFileDialog:
    """A file dialog that does not sniff files (see the module's docstring)."""
    dialog = QFileDialog(parent, title, directory, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile if save else QFileDialog.FileMode.ExistingFile)
    dialog.setOption(QFileDialog.Option.DontUseCustomDirectoryIcons, True)
    if not USE_NATIVE:
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        provider = NameOnlyIconProvider()
        dialog.setIconProvider(provider)
        dialog._name_only_provider = provider  # type: ignore[attr-defined]  # lives as long as the dialog
    return dialog


def ask_open(parent: QWidget | None, title: str, directory: str, filters: str) -> Path | None:
    dialog = make_dialog(parent, title, directory, filters, save=False)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def ask_save(parent: QWidget | None, title: str, suggested: str, filters: str,
             selected_filter: str = "") -> tuple[Path, str] | None:
    dialog = make_dialog(parent, title, suggested, filters, save=True)
    if selected_filter:
        dialog.selectNameFilter(selected_filter)  # the kind chosen at the last 导出
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, False)
    if suggested and not Path(suggested).is_dir():
        dialog.selectFile(suggested)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0]), dialog.selectedNameFilter()


def ask_folder(parent: QWidget | None, title: str, directory: str) -> Path | None:
    dialog = make_dialog(parent, title, directory, "", save=False)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])
