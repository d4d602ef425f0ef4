"""The library's own page (a dialog): browse, search, see where an entry came from and the
unit's past values, add, edit, delete, import and export."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from jixiao_desktop.domain.indicator_library import (
    ENTRY_FIELDS,
    FIELD_LABELS,
    LibraryEntry,
    normalise_name,
    own_source,
    source_label,
)
from jixiao_desktop.domain.model import DIRECTIONS, NATURES, OPERATORS
from jixiao_desktop.ui import msgbox
from jixiao_desktop.ui.errors import KNOWN, show_known
from jixiao_desktop.ui.forms.ui_indicator_library_dialog import Ui_IndicatorLibraryDialog
from jixiao_desktop.usecases.indicator_library import IndicatorLibrary

COLUMNS = (("level3", "三级指标"), ("level1", "一级指标"), ("level2", "二级指标"), ("nature", "性质"),
           ("operator", "运算符"), ("unit", "单位"), ("direction", "方向"), ("source", "来源"), ("history", "往年值"))
SOURCE_FILTERS = (("", "全部来源"), ("common", "共性指标"), ("bureau", "财政局下发"), ("own", "本单位往年"))
_CHOICES = {"nature": ("", *NATURES), "operator": ("", *OPERATORS), "direction": ("", *DIRECTIONS)}


def entry_detail(entry: LibraryEntry) -> str:
    """Everything about an entry, as plain text."""
    lines = [f"{FIELD_LABELS[name]}：{getattr(entry, name) or '—'}" for name in ENTRY_FIELDS]
    lines.append(f"来源：{source_label(entry.source)}")
    if entry.source_document:
        lines.append(f"来源文件：{entry.source_document}")
    for header, value in entry.extra.items():
        lines.append(f"{header}：{value}")
    if entry.history:
        lines.append("本单位往年指标值：" + "；".join(h.text for h in entry.history))
    if entry.uses and entry.kind == "bureau":
        lines.append(f"使用单位数：{entry.uses}")
    return "\n".join(lines)


class EntryDialog(QDialog):
    """Add or edit one entry: a field per column of the spec."""

    def __init__(self, parent: QWidget | None, entry: LibraryEntry, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(560, 480)
        self._entry = entry
        layout = QFormLayout(self)
        self._edits: dict[str, QLineEdit | QComboBox | QPlainTextEdit] = {}
        for name in ENTRY_FIELDS:
            value = getattr(entry, name)
            widget: QLineEdit | QComboBox | QPlainTextEdit
            if name in _CHOICES:
                widget = QComboBox(self)
                widget.addItems(list(_CHOICES[name]) if value in _CHOICES[name] else [*_CHOICES[name], value])
                widget.setCurrentText(value)
            elif name in ("explanation", "scoring"):
                widget = QPlainTextEdit(value, self)
                widget.setFixedHeight(64)
            else:
                widget = QLineEdit(value, self)
            self._edits[name] = widget
            layout.addRow(FIELD_LABELS[name] + "：", widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def values(self) -> dict[str, str]:
        out = {}
        for name, widget in self._edits.items():
            if isinstance(widget, QComboBox):
                out[name] = widget.currentText().strip()
            elif isinstance(widget, QPlainTextEdit):
                out[name] = widget.toPlainText().strip()
            else:
                out[name] = widget.text().strip()
        return out

    def entry(self) -> LibraryEntry:
        return LibraryEntry.from_fields(self.values(), source=self._entry.source,
                                        source_document=self._entry.source_document, extra=self._entry.extra,
                                        id=self._entry.id)

    def _accept(self) -> None:
        if not normalise_name(self.values()["level3"]):
            msgbox.warning(self, self.windowTitle(), "三级指标名称不能为空。")
            return
        self.accept()


class IndicatorLibraryDialog(QDialog):
    """The 指标库 page."""

    def __init__(self, parent: QWidget | None, library: IndicatorLibrary) -> None:
        super().__init__(parent)
        self.ui = Ui_IndicatorLibraryDialog()
        self.ui.setupUi(self)
        self.library = library
        self._shown: list[LibraryEntry] = []
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels([label for _, label in COLUMNS])
        view = self.ui.entriesView
        view.setModel(self.model)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((0, 90, 120, 48, 54, 64, 48, 130, 150)):
            if width:
                view.setColumnWidth(column, width)
        for key, label in SOURCE_FILTERS:
            self.ui.sourceCombo.addItem(label, key)
        self.ui.splitter.setSizes([420, 140])
        self.ui.searchEdit.textChanged.connect(self.refresh)
        self.ui.sourceCombo.currentIndexChanged.connect(self.refresh)
        view.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())
        view.doubleClicked.connect(lambda *_: self._edit())
        self.ui.addButton.clicked.connect(self._add)
        self.ui.editButton.clicked.connect(self._edit)
        self.ui.deleteButton.clicked.connect(self._delete)
        self.ui.importButton.clicked.connect(self._import)
        self.ui.exportButton.clicked.connect(self._export)
        self.ui.closeButton.clicked.connect(self.accept)
        self.refresh()

    def refresh(self) -> None:
        try:
            text = self.ui.searchEdit.text()
            entries = ([m.entry for m in self.library.suggest(text, limit=500)] if normalise_name(text)
                       else self.library.entries())
        except KNOWN as exc:
            show_known(self, "无法读取指标库", exc)
            return
        kind = self.ui.sourceCombo.currentData()
        self._shown = [e for e in entries if not kind or e.kind == kind]
        self.model.removeRows(0, self.model.rowCount())
        for entry in self._shown:
            cells = []
            for key, _label in COLUMNS:
                if key == "source":
                    text = source_label(entry.source)
                elif key == "history":
                    text = "；".join(h.text for h in entry.history[:3])
                else:
                    text = getattr(entry, key)
                cell = QStandardItem(text)  # plain text: QStandardItem never interprets markup
                cell.setToolTip(text if key != "source" else entry.source_document or text)
                cells.append(cell)
            self.model.appendRow(cells)
        self.ui.countLabel.setText(f"共 {len(self._shown)} 条")
        self._show_detail()

    def current(self) -> LibraryEntry | None:
        row = self.ui.entriesView.currentIndex().row()
        return self._shown[row] if 0 <= row < len(self._shown) else None

    def _show_detail(self) -> None:
        entry = self.current()
        self.ui.detailEdit.setPlainText(entry_detail(entry) if entry else "")
        self.ui.editButton.setEnabled(entry is not None)
        self.ui.deleteButton.setEnabled(entry is not None)

    def _add(self) -> None:
        dialog = EntryDialog(self, LibraryEntry("", source=own_source("手工添加")), "新增指标")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.library.add(dialog.entry())
        except KNOWN as exc:
            show_known(self, "无法保存指标", exc)
        self.refresh()

    def _edit(self) -> None:
        entry = self.current()
        if entry is None:
            return
        dialog = EntryDialog(self, entry, f"修改指标：{entry.level3}")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            if entry.id is None:  # one of the unit's past names: editing takes it into the library
                self.library.add(dialog.entry())
            else:
                self.library.update(entry.id, dialog.entry())
        except KNOWN as exc:
            show_known(self, "无法保存指标", exc)
        self.refresh()

    def _delete(self) -> None:
        entry = self.current()
        if entry is None or not msgbox.confirm(self, "删除指标", f"从指标库删除“{entry.level3}”？",
                                               "已填在申报表中的指标不受影响。"):
            return
        try:
            self.library.delete(entry)
        except KNOWN as exc:
            show_known(self, "无法删除指标", exc)
        self.refresh()

    def _import(self) -> None:
        path = msgbox.ask_open_path(self, "导入指标库", "", "Excel 工作簿 (*.xlsx)")
        if path is None:
            return
        name = msgbox.ask_text(self, "导入指标库", "来源名称（如 西城区财政局）：", path.stem)
        if name is None:
            return
        try:
            counts = self.library.import_file(path, name)
        except KNOWN as exc:
            show_known(self, "无法导入指标库", exc)
            return
        msgbox.info(self, "导入指标库", f"已导入：新增 {counts.added} 条，更新 {counts.updated} 条。")
        self.refresh()

    def _export(self) -> None:
        chosen = msgbox.ask_save_path(self, "导出指标库", "指标库.xlsx", "Excel 工作簿 (*.xlsx)")
        if chosen is None:
            return
        path = chosen[0] if chosen[0].suffix.lower() == ".xlsx" else chosen[0].with_suffix(".xlsx")
        try:
            rows = self.library.export_file(path, [e for e in self._shown if e.id is not None] or None)
        except KNOWN as exc:
            show_known(self, "无法导出指标库", exc)
            return
        msgbox.info(self, "导出指标库", f"已导出 {rows} 条指标到 {path.name}。")
