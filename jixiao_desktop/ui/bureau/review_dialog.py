"""One collected form, read-only, with its findings and the bureau's 审核意见.

Left: the form in the editor (read-only; findings marked on the fields). Right: one line per
finding and per field the reviewer commented on, with the 审核意见; the text box below edits
the selected line's comment. 保存意见 writes it with a version check (two reviewers never
overwrite each other); 导出审核意见文件 writes the ``.jixiao-review.json`` the unit imports.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jixiao_desktop.atomic import atomic_write, describe_os_error
from jixiao_desktop.domain import exchange, review
from jixiao_desktop.domain.checks import run_checks
from jixiao_desktop.domain.fields import field_label
from jixiao_desktop.domain.findings import Finding
from jixiao_desktop.domain.model import Form
from jixiao_desktop.storage.bureau import BureauStore, ReviewComment
from jixiao_desktop.storage.errors import StaleWriteError, StorageError
from jixiao_desktop.ui import msgbox
from jixiao_desktop.ui.bureau.elided import ElidedLabel
from jixiao_desktop.ui.bureau.files import BureauFiles
from jixiao_desktop.ui.editor.editor import FormEditor
from jixiao_desktop.ui.window_geometry import fitted_to_screen


def field_paths(form: Form) -> list[str]:
    """Every field of the form a reviewer may comment on, in the form's order."""
    paths = ["", "department", "year", "funds.total", "funds.basic", "funds.project", "goals"]
    for i, ind in enumerate(form.indicators):
        if not ind.items:
            paths.append(f"indicators[{i}].content")
        else:  # a row of the tabular forms has no 指标名称: its group is named by its 二级指标
            paths.append(f"indicators[{i}].name" if ind.name.strip() else f"indicators[{i}].level2")
        paths.extend(f"indicators[{i}].items[{j}].value" for j in range(len(ind.items)))
    paths.append("other_notes")
    return paths


class ReviewDialog(QDialog):
    """Review one form: its findings, the 审核意见, and the review file for the unit."""

    def __init__(self, store: BureauStore, form_id: int, *, author: str = "",
                 parent: QWidget | None = None, files: BureauFiles | None = None) -> None:
        super().__init__(parent)
        self.store, self.form_id, self.author = store, form_id, author
        self.files = files or BureauFiles()
        stored = store.repo.load(form_id)
        self.form = stored.form
        self.findings: list[Finding] = run_checks(self.form)
        name = f"{self.form.department or '（未填单位名称）'}{self.form.year_label}"
        self.setWindowTitle(f"审核：{name}（第 {self.form.revision} 版）")
        area = fitted_to_screen(self)
        self.resize(area.size())

        self.editor = FormEditor(self)
        self.editor.set_form(self.form, read_only=True)
        self.editor.set_findings(self.findings)

        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(["栏目", "问题", "审核意见"])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.itemSelectionChanged.connect(self._on_selected)

        self.field_combo = QComboBox(self)
        for path in field_paths(self.form):
            self.field_combo.addItem(field_label(path) if path else "整张表", path)
        add = QPushButton("对该栏目写意见", self)
        add.clicked.connect(self._add_field_line)
        self.comment_edit = QPlainTextEdit(self)
        self.comment_edit.setPlaceholderText("在此填写审核意见（选中上面的一行）")
        self.comment_edit.setMaximumHeight(120)
        self.save_button = QPushButton("保存意见", self)
        self.save_button.clicked.connect(self.save_current)
        self.export_button = QPushButton("导出审核意见文件…", self)
        self.export_button.clicked.connect(self._ask_export)
        close = QPushButton("关闭", self)
        close.clicked.connect(self.accept)
        self.status = ElidedLabel(self)  # a long path never widens the dialog

        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.addWidget(QLabel("检查发现的问题与审核意见：", self))
        rl.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.field_combo, 1)
        row.addWidget(add)
        rl.addLayout(row)
        rl.addWidget(self.comment_edit)
        rl.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        rl.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.editor)
        split.addWidget(right)
        split.setChildrenCollapsible(False)
        split.setSizes([area.width() * 55 // 100, area.width() * 45 // 100])
        layout = QVBoxLayout(self)
        layout.addWidget(split)

        # (field, rule) of each line; the comments as stored (with their versions).
        self._lines: list[tuple[str, str]] = []
        self._comments: dict[tuple[str, str], ReviewComment] = {}
        self._reload()

    # --- lines ----------------------------------------------------------------------------------

    def _reload(self, select: tuple[str, str] | None = None) -> None:
        self._comments = {(c.field, c.rule): c for c in self.store.comments(self.form_id)}
        lines: list[tuple[str, str, str]] = [(f.field, f.rule, f"【{f.severity.label}】{f.message}")
                                             for f in self.findings]
        known = {(f, r) for f, r, _ in lines}
        lines.extend((c.field, c.rule, "") for key, c in self._comments.items() if key not in known)
        self._lines = [(f, r) for f, r, _ in lines]
        self.table.setRowCount(len(lines))
        for i, (path, rule, problem) in enumerate(lines):
            comment = self._comments.get((path, rule))
            cells = (field_label(path), problem or "（审核人员对此栏目的意见）", comment.text if comment else "")
            for col, text in enumerate(cells):
                self.table.setItem(i, col, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        self.status.setText(f"{len(self.findings)} 个问题，{len(self._comments)} 条审核意见")
        if select in self._lines:
            self.table.selectRow(self._lines.index(select))

    def _current(self) -> tuple[str, str] | None:
        row = self.table.currentRow()
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def _on_selected(self) -> None:
        key = self._current()
        comment = self._comments.get(key) if key else None
        self.comment_edit.setPlainText(comment.text if comment else "")
        if key is not None:
            self.editor.focus_field(key[0])

    def _add_field_line(self) -> None:
        key = (str(self.field_combo.currentData() or ""), "")
        if key not in self._lines:
            self._lines.append(key)
            row = self.table.rowCount()
            self.table.insertRow(row)
            for col, text in enumerate((field_label(key[0]), "（审核人员对此栏目的意见）", "")):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.selectRow(self._lines.index(key))
        self.comment_edit.setFocus()

    def select_line(self, path: str, rule: str = "") -> bool:
        """Select the line of a finding (``rule``) or of a field; False if there is none."""
        if (path, rule) not in self._lines:
            return False
        self.table.selectRow(self._lines.index((path, rule)))
        return True

    # --- saving ---------------------------------------------------------------------------------

    def save_current(self) -> bool:
        """Save the text box as the selected line's 审核意见 (empty: remove it)."""
        key = self._current()
        if key is None:
            msgbox.info(self, "保存审核意见", "请先在列表中选中一个问题或栏目。")
            return False
        current = self._comments.get(key)
        try:
            self.store.save_comment(self.form_id, key[0], key[1], self.comment_edit.toPlainText(),
                                    author=self.author, expected_version=current.version if current else 0)
        except StaleWriteError as exc:
            msgbox.warning(self, "审核意见未保存", str(exc))
            self._reload(select=key)
            return False
        except StorageError as exc:
            msgbox.error(self, "审核意见未保存", str(exc))
            return False
        self._reload(select=key)
        return True

    # --- the review file ------------------------------------------------------------------------------

    def review_file(self) -> review.ReviewFile:
        comments = [review.Comment(field=c.field, rule=c.rule, text=c.text, author=c.author,
                                   at=c.updated_at.isoformat())
                    for c in self.store.comments(self.form_id)]
        return review.ReviewFile(form_id=self.form.id, revision=self.form.revision,
                                 department=self.form.department, year=self.form.year, comments=comments,
                                 reviewer=self.author, created=datetime.now(UTC).isoformat(timespec="seconds"),
                                 fingerprint=exchange.fingerprint(self.form))

    def export_review(self, path: Path) -> bool:
        from jixiao_desktop.domain.indicator_library.carry import with_library
        from jixiao_desktop.usecases.indicator_library import IndicatorLibrary

        # The bureau's 指标库 goes back with its comments (docs/review-file.md, key library).
        entries = IndicatorLibrary(self.store.repo).bureau_entries()
        data = with_library(review.dumps(self.review_file()), entries).encode("utf-8")
        try:
            atomic_write(path, lambda tmp: tmp.write_bytes(data))
        except OSError as exc:
            msgbox.error(self, "导出失败", f"{path}：无法写入：{describe_os_error(exc)}")
            return False
        self.status.setText(f"已导出审核意见文件：{path}")
        return True

    def _ask_export(self) -> None:
        if not self.store.comments(self.form_id):
            msgbox.info(self, "导出审核意见文件", "这份申报表还没有审核意见。")
            return
        suggested = f"{self.form.department or '申报表'}{self.form.year or ''}{review.FILE_SUFFIX}"
        chosen = self.files.ask_save(self, "导出审核意见文件", suggested, f"审核意见文件 (*{review.FILE_SUFFIX})")
        if chosen is not None:
            path = chosen[0]
            if not path.name.endswith(review.FILE_SUFFIX):
                path = path.with_name(path.name.removesuffix(".json") + review.FILE_SUFFIX)
            self.export_review(path)
