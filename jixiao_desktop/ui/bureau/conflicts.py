"""处理冲突 in the bureau window: the files the last 收集 could not store, each with the reason,
and what the reviewer decides for the selected one (``usecases.resolving``): 采用此文件 (merged into
the stored form as its next revision), 保留库中的, or 删除库中那份 and collect the file."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jixiao_desktop.bureau.collect import Conflict
from jixiao_desktop.errors import KnownError
from jixiao_desktop.storage.bureau import BureauStore
from jixiao_desktop.ui import msgbox
from jixiao_desktop.ui.window_geometry import fitted_to_screen
from jixiao_desktop.usecases.resolving import Resolution, resolve_conflict


class ConflictsDialog(QDialog):
    def __init__(self, store: BureauStore, conflicts: list[Conflict], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("处理冲突")
        self.store = store
        self.pending = [c for c in conflicts if c.form is not None and c.form_id is not None]
        self.resolved: list[tuple[Conflict, Resolution]] = []
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels(["文件", "冲突原因"])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.buttons: dict[Resolution, QPushButton] = {}
        row = QHBoxLayout()
        for resolution in Resolution:
            button = QPushButton(resolution.label, self)
            button.clicked.connect(lambda _=False, r=resolution: self.resolve_selected(r))
            row.addWidget(button)
            self.buttons[resolution] = button
        row.addStretch(1)
        close = QPushButton("关闭", self)
        close.clicked.connect(self.accept)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        note = QLabel("选中一份，决定如何处理。“采用此文件”把它并入库中那份（原内容存为历史版本，审核意见保留）；"
                      "“删除库中那份”把库中那份移到回收站（可恢复）。", self)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self._fill()
        self.resize(fitted_to_screen(self, self.size().expandedTo(self.sizeHint())).size().boundedTo(
            self.screen().availableGeometry().size() * 0.8))

    def _fill(self) -> None:
        self.table.setRowCount(len(self.pending))
        for i, c in enumerate(self.pending):
            self.table.setItem(i, 0, QTableWidgetItem(c.file))
            self.table.setItem(i, 1, QTableWidgetItem(c.reason))
        self.table.resizeRowsToContents()
        if self.pending:
            self.table.selectRow(0)
        for button in self.buttons.values():
            button.setEnabled(bool(self.pending))

    def resolve_selected(self, resolution: Resolution) -> bool:
        row = self.table.currentRow()
        if not 0 <= row < len(self.pending):
            return False
        conflict = self.pending[row]
        assert conflict.form is not None and conflict.form_id is not None
        if resolution is Resolution.DELETE and not msgbox.confirm(
                self, "删除库中那份", f"把库中与“{conflict.file}”冲突的那份申报表移到回收站，并收入此文件？",
                "移到回收站的申报表可以恢复。"):
            return False
        try:
            resolve_conflict(self.store, conflict.form, conflict.form_id, resolution, source=conflict.file)
        except KnownError as exc:
            msgbox.error(self, "处理冲突失败", f"{conflict.file}：{exc}")
            return False
        self.resolved.append((conflict, resolution))
        del self.pending[row]
        self._fill()
        return True
