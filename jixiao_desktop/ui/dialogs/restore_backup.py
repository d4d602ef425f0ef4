"""恢复备份…: the database's backups by date, with the forms each holds; the clerk picks one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jixiao_desktop.storage.backups import BackupInfo


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(1, n // 1024)} KB"


class RestoreBackupDialog(QDialog):
    """Lists ``backups`` (newest first); ``chosen()`` is the one to put back after 接受."""

    def __init__(self, backups: list[BackupInfo], db_path: Path, parent: QWidget | None = None,
                 *, intro: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("恢复备份")
        self.resize(860, 420)
        self._backups = backups
        layout = QVBoxLayout(self)
        text = intro or ("选择一个备份，用它替换现在的数据。现在的数据文件不会删除：它会被改名留在原文件夹中，"
                         "恢复前还会再备份一次。")
        label = QLabel(f"{text}\n数据文件：{db_path}", self)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(label)
        self.table = QTableWidget(len(backups), 4, self)
        self.table.setHorizontalHeaderLabels(["备份时间", "原因", "表单", "大小"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, info in enumerate(backups):
            if info.forms is None:
                forms = f"无法读取：{info.problem}"
            elif info.forms == 0:
                forms = "（没有表单）"
            else:
                forms = f"{info.forms} 份：" + "；".join(info.names)
            cells = [f"{info.created:%Y-%m-%d %H:%M:%S}", info.reason_label, forms, _size(info.bytes)]
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip("\n".join(info.names) if col == 2 and info.names else value)
                self.table.setItem(row, col, item)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        layout.addWidget(self.table)
        if not backups:
            empty = QLabel("还没有备份。程序每天第一次保存时、导入前和升级前会自动备份。", self)
            layout.addWidget(empty)
        self.buttons = QDialogButtonBox(self)
        self.restore_button = self.buttons.addButton("恢复所选备份", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.table.itemSelectionChanged.connect(self._update)
        readable = next((r for r, b in enumerate(backups) if b.forms is not None), None)
        if readable is not None:
            self.table.selectRow(readable)
        self._update()

    def _update(self) -> None:
        chosen = self.chosen()
        self.restore_button.setEnabled(chosen is not None and chosen.forms is not None)

    def chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self._backups[rows[0].row()] if rows else None

    def choose(self, path: Path) -> None:
        """Select the backup at ``path`` (tests, and the damaged-file dialog's suggestion)."""
        for row, info in enumerate(self._backups):
            if info.path == path:
                self.table.selectRow(row)
