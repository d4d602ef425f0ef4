"""The database file is damaged: say so, offer what can still be read, and the newest good backup.

Shown instead of an empty form list (issue 7): the clerk reads that the file is damaged, how
many forms can still be read (exported as ``.jixiao.json`` files into a folder of their choice)
and which backup can be put back. Nothing here changes the damaged file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget

from jixiao_desktop.storage.backups import BackupInfo
from jixiao_desktop.storage.integrity import SalvageScan


class DamagedDatabaseDialog(QDialog):
    """What the window shows for a damaged database.

    ``export_requested`` / ``restore_requested`` are plain callbacks set by the caller; the dialog
    only shows and asks.
    """

    RESTORE = 2

    def __init__(self, message: str, db_path: Path, scan: SalvageScan, backup: BackupInfo | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("数据文件已损坏")
        self.resize(720, 480)
        self.scan = scan
        self.backup = backup
        layout = QVBoxLayout(self)
        head = QLabel("<b>数据文件已损坏，表单并没有丢失也没有被删除。</b>", self)
        layout.addWidget(head)
        text = QLabel(message, self)
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
        readable, unreadable = scan.readable, scan.unreadable
        summary = f"仍可读取的表单：{len(readable)} 份"
        if unreadable:
            summary += f"；无法读取：{len(unreadable)} 份"
        if scan.problem:
            summary += f"（{scan.problem}）"
        layout.addWidget(QLabel(summary, self))
        self.forms = QListWidget(self)
        for item in scan.forms:
            if item.form is None:
                mark = "✗ 无法读取"
            elif item.source == "version":
                mark = "✓ 只能读出它最近保存的历史版本"
            else:
                mark = "✓ 可读取"
            self.forms.addItem(f"{mark}　{item.label}" + ("（回收站）" if item.deleted else ""))
        layout.addWidget(self.forms)
        if backup is not None:
            names = "；".join(backup.names[:5]) + ("…" if len(backup.names) > 5 else "")
            offer = (f"最近一个完好的备份：{backup.created:%Y-%m-%d %H:%M:%S}（{backup.reason_label}），"
                     f"含 {backup.forms} 份表单：{names}。恢复后，之后所做的修改需要重新录入"
                     "（可先导出上面仍可读取的表单）。")
        else:
            offer = "没有找到完好的备份。请先把仍可读取的表单导出保存，再联系信息管理员。"
        offer_label = QLabel(offer, self)
        offer_label.setWordWrap(True)
        layout.addWidget(offer_label)
        layout.addWidget(QLabel(f"损坏的文件：{db_path}（不会被删除）", self))
        buttons = QHBoxLayout()
        self.export_button = QPushButton(f"导出可读取的表单（{len(readable)} 份）…", self)
        self.export_button.setEnabled(bool(readable))
        self.restore_button = QPushButton("恢复这个备份…" if backup else "恢复备份…", self)
        self.restore_button.setEnabled(backup is not None)
        self.close_button = QPushButton("关闭", self)
        for button in (self.export_button, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.close_button.clicked.connect(self.reject)
        self.restore_button.clicked.connect(lambda: self.done(self.RESTORE))
