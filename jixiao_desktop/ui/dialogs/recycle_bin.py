"""回收站: deleted forms, to restore or purge."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHeaderView, QWidget

from jixiao_desktop.domain.titles import form_name
from jixiao_desktop.ui import msgbox
from jixiao_desktop.ui.errors import KNOWN, show_known
from jixiao_desktop.ui.form_list import FormListModel, Role

if TYPE_CHECKING:
    from jixiao_desktop.storage.repository import FormRepository


class RecycleBinDialog(QDialog):
    """Signals:
        restored(int): a form came back from the bin.
    """

    restored = Signal(int)

    def __init__(self, repo: FormRepository, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from jixiao_desktop.ui.forms.ui_recycle_bin_dialog import Ui_RecycleBinDialog

        self.ui = Ui_RecycleBinDialog()
        self.ui.setupUi(self)
        self.repo = repo
        self.model = FormListModel(self)
        table = self.ui.deletedTable
        table.setModel(self.model)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == 1
                                        else QHeaderView.ResizeMode.ResizeToContents)
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.ui.restoreButton.clicked.connect(self.restore_selected)
        self.ui.purgeButton.clicked.connect(self.purge_selected)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.refresh()

    def refresh(self) -> None:
        try:
            rows = [s for s in self.repo.list_forms(include_deleted=True) if s.deleted]
        except KNOWN as exc:
            show_known(self, "无法读取回收站", exc)
            rows = []
        self.model.set_rows(rows)
        if rows:
            self.ui.deletedTable.selectRow(0)
        self._update_buttons()

    def selected_id(self) -> int | None:
        rows = self.ui.deletedTable.selectionModel().selectedRows()
        return int(rows[0].data(Role.FORM_ID)) if rows else None

    def _update_buttons(self, *_: object) -> None:
        has = self.selected_id() is not None
        self.ui.restoreButton.setEnabled(has)
        self.ui.purgeButton.setEnabled(has)

    def restore_selected(self) -> None:
        form_id = self.selected_id()
        if form_id is None:
            return
        try:
            self.repo.restore_deleted(form_id)
        except KNOWN as exc:
            show_known(self, "恢复失败", exc)
            return
        self.restored.emit(form_id)
        self.refresh()

    def purge_selected(self) -> None:
        form_id = self.selected_id()
        if form_id is None:
            return
        row = self.model.row_of(form_id)
        summary = self.model.summary(row)
        name = form_name(summary.year, summary.department) if summary else "该表单"
        if not msgbox.confirm(self, "彻底删除", f"彻底删除“{name}”？", "彻底删除后无法恢复，历史版本也一并删除。"):
            return
        try:
            self.repo.purge(form_id)
        except KNOWN as exc:
            show_known(self, "删除失败", exc)
            return
        self.refresh()
