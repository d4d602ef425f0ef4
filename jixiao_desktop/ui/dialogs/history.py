"""历史版本: view, compare and restore the snapshots of a form; its event log."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QHeaderView, QWidget

from jixiao_desktop.domain.form_diff import diff_html
from jixiao_desktop.domain.model import Form
from jixiao_desktop.ui import msgbox
from jixiao_desktop.ui.errors import KNOWN, show_known
from jixiao_desktop.ui.form_list import format_time
from jixiao_desktop.ui.forms.ui_diff_dialog import Ui_DiffDialog
from jixiao_desktop.ui.forms.ui_history_dialog import Ui_HistoryDialog
from jixiao_desktop.ui.forms.ui_snapshot_dialog import Ui_SnapshotDialog

if TYPE_CHECKING:
    from jixiao_desktop.ui.session import FormSession

SNAPSHOT_ID = Qt.ItemDataRole.UserRole + 1



def _kind_label(kind: str) -> str:
    from jixiao_desktop.storage.repository import SnapshotKind

    try:
        return SnapshotKind(kind).label
    except ValueError:
        return ""


class DiffDialog(QDialog):
    """Two versions side by side as a coloured line diff."""

    def __init__(self, title: str, old: Form, new: Form, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_DiffDialog()
        self.ui.setupUi(self)
        self.ui.headerLabel.setText(title)
        self.ui.diffView.setHtml(diff_html(old, new))
        self.ui.buttonBox.rejected.connect(self.reject)


class SnapshotDialog(QDialog):
    """One version, read-only, in the same editor the clerk types into."""

    def __init__(self, title: str, form: Form, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from jixiao_desktop.ui.editor.editor import FormEditor

        self.ui = Ui_SnapshotDialog()
        self.ui.setupUi(self)
        self.ui.headerLabel.setText(title)
        self.editor = FormEditor(self)
        self.editor.set_form(form, True)
        self.ui.viewLayout.addWidget(self.editor)
        self.ui.buttonBox.rejected.connect(self.reject)


class HistoryDialog(QDialog):
    """Signals:
        restored(): the current form was replaced by a version (the window reloads it).
    """

    restored = Signal()

    def __init__(self, session: FormSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_HistoryDialog()
        self.ui.setupUi(self)
        self.session = session
        self.snapshots = QStandardItemModel(0, 2, self)
        self.snapshots.setHorizontalHeaderLabels(["时间", "说明"])
        self.events = QStandardItemModel(0, 3, self)
        self.events.setHorizontalHeaderLabels(["时间", "操作", "说明"])
        for table, model in ((self.ui.snapshotTable, self.snapshots), (self.ui.eventTable, self.events)):
            table.setModel(model)
            table.verticalHeader().hide()
            table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
        self.ui.snapshotTable.selectionModel().selectionChanged.connect(self._update_buttons)
        self.ui.snapshotTable.doubleClicked.connect(self.view_selected)
        self.ui.viewButton.clicked.connect(self.view_selected)
        self.ui.compareButton.clicked.connect(self.compare_selected)
        self.ui.restoreButton.clicked.connect(self.restore_selected)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.refresh()

    def refresh(self) -> None:
        assert self.session.form_id is not None
        repo, form_id = self.session.repo, self.session.form_id
        self.snapshots.removeRows(0, self.snapshots.rowCount())
        self.events.removeRows(0, self.events.rowCount())
        try:
            snapshots, events = repo.list_snapshots(form_id), repo.history(form_id)
        except KNOWN as exc:
            show_known(self, "无法读取历史版本", exc)
            self._update_buttons()
            return
        for info in sorted(snapshots, key=lambda s: (s.created_at, s.id), reverse=True):
            when = QStandardItem(format_time(info.created_at))
            when.setData(info.id, SNAPSHOT_ID)
            self.snapshots.appendRow([when, QStandardItem(info.note or _kind_label(info.kind))])
        for event in events:
            self.events.appendRow([QStandardItem(format_time(event.at)),
                                   QStandardItem(getattr(event, "label", event.kind)),
                                   QStandardItem(event.note or "")])
        if self.snapshots.rowCount():
            self.ui.snapshotTable.selectRow(0)
        self._update_buttons()

    def selected(self) -> list[tuple[int, str]]:
        """(snapshot id, label) of the selected rows, oldest first."""
        rows = sorted(self.ui.snapshotTable.selectionModel().selectedRows(), key=lambda i: i.row())
        result = []
        for index in rows:
            item = self.snapshots.item(index.row(), 0)
            note = self.snapshots.item(index.row(), 1).text()
            label = item.text() + (f"（{note}）" if note else "")
            result.append((int(item.data(SNAPSHOT_ID)), label))
        return result

    def _update_buttons(self, *_: object) -> None:
        count = len(self.selected())
        self.ui.viewButton.setEnabled(count == 1)
        self.ui.compareButton.setEnabled(count in (1, 2))
        self.ui.restoreButton.setEnabled(count == 1 and not self.session.is_final)

    def view_selected(self, *_: object) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        snapshot_id, label = chosen[0]
        form = self._load(snapshot_id)
        if form is not None:
            SnapshotDialog(f"历史版本：{label}（只读）", form, self).exec()

    def compare_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1:
            old = self._load(chosen[0][0])
            if old is None or self.session.form is None:
                return
            self.show_diff(f"历史版本 {chosen[0][1]} → 当前内容", old, self.session.form)
        elif len(chosen) == 2:
            # The table lists newest first: the lower row is the older version.
            (id_new, label_new), (id_old, label_old) = chosen
            old, new = self._load(id_old), self._load(id_new)
            if old is not None and new is not None:
                self.show_diff(f"{label_old} → {label_new}", old, new)

    def show_diff(self, title: str, old: Form, new: Form) -> None:
        DiffDialog(title, old, new, self).exec()

    def restore_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        snapshot_id, label = chosen[0]
        if not msgbox.confirm(self, "恢复版本", f"用 {label} 的内容替换当前内容？",
                              "当前内容会先记录为一个历史版本，可以再恢复回来。"):
            return
        try:
            self.session.restore_snapshot(snapshot_id)
        except KNOWN as exc:
            show_known(self, "恢复失败", exc)
            return
        self.restored.emit()
        self.refresh()

    def _load(self, snapshot_id: int) -> Form | None:
        try:
            return self.session.repo.load_snapshot(snapshot_id)
        except KNOWN as exc:
            show_known(self, "无法读取历史版本", exc)
            return None
