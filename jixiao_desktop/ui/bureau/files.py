"""The bureau's file dialogs: each opens in the folder last used on the bureau's side, else in
文档 — never in the program's folder — and remembers where the reviewer went."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from jixiao_desktop.ui import file_dialog, msgbox
from jixiao_desktop.ui.settings import Settings


class BureauFiles:
    def __init__(self, settings: Settings | None = None) -> None:
        self._settings = settings or Settings()

    @property
    def settings(self) -> Settings:
        return self._settings

    def folder(self) -> str:
        """Where the next dialog opens."""
        return msgbox.start_directory(self._settings.bureau_directory())

    def remember(self, path: Path) -> None:
        folder = path if path.is_dir() else path.parent
        self._settings.set_bureau_directory(str(folder))

    def _done(self, path: Path | None) -> Path | None:
        if path is not None:
            self.remember(path)
        return path

    def ask_folder(self, parent: QWidget, title: str) -> Path | None:
        return self._done(msgbox.ask_folder(parent, title, self.folder()))

    def ask_open(self, parent: QWidget, title: str, filters: str) -> Path | None:
        return self._done(msgbox.ask_open_path(parent, title, self.folder(), filters))

    def ask_open_many(self, parent: QWidget, title: str, filters: str) -> list[Path]:
        dialog = file_dialog.make_dialog(parent, title, self.folder(), filters, save=False)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        if dialog.exec() != QFileDialog.DialogCode.Accepted:
            return []
        paths = [Path(p) for p in dialog.selectedFiles()]
        if paths:
            self.remember(paths[0])
        return paths

    def ask_save(self, parent: QWidget, title: str, name: str, filters: str) -> tuple[Path, str] | None:
        chosen = msgbox.ask_save_path(parent, title, str(Path(self.folder()) / name), filters)
        if chosen is not None:
            self.remember(chosen[0])
        return chosen
