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
from jixiao_desktop.domain.review import ReviewStatus
from jixiao_desktop.storage.bureau import BureauStore, ReviewComment
from jixiao_desktop.storage.errors import StaleWriteError, StorageError
from jixiao_desktop.ui import msgbox
from jixiao_desktop.ui.bureau.elided import ElidedLabel
from jixiao_desktop.ui.bureau.files import BureauFiles
from jixiao_desktop.ui.editor.editor import FormEditor
from jixiao_desktop.ui.window_geometry import fitted_to_screen

Key = tuple[str, str, str]  # (field, rule, anchor) of a line


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

        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(["栏目", "问题", "审核意见", "单位答复"])
        for col in (1, 2, 3):
            self.table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
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

        self.verdict = QComboBox(self)
        for verdict in ReviewStatus:
            self.verdict.addItem(verdict.label, verdict.value)
        self.verdict.setCurrentIndex(max(self.verdict.findData(store.review_status(form_id).value), 0))
        self.verdict.currentIndexChanged.connect(self._verdict_changed)
        compare = QPushButton("与上一版比较…", self)
        compare.setToolTip("单位重新报送后，逐字标出这一版与上一版的不同")
        compare.clicked.connect(self.compare_with_previous)
        right = QWidget(self)
        rl = QVBoxLayout(right)
        top = QHBoxLayout()
        top.addWidget(QLabel("审核结论：", self))
        top.addWidget(self.verdict)
        top.addStretch(1)
        top.addWidget(compare)
        rl.addLayout(top)
        rl.addWidget(QLabel("检查发现的问题、审核意见与单位答复：", self))
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

        # (field, rule, anchor) of each line: a finding is keyed by its message, so a comment goes
        # to the finding clicked, not to every finding of the field and rule; the comments as
        # stored (with their versions); the unit's answers and 已知悉 reasons.
        self._lines: list[Key] = []
        self._comments: dict[Key, ReviewComment] = {}
        self._answers = {a.key(): a for a in review.answers(self.form)}
        self._acks = {(a.rule, a.field): a.note for a in self.form.acknowledgements}
        self._reload()

    # --- lines ----------------------------------------------------------------------------------

    def _reload(self, select: Key | None = None) -> None:
        self._comments = {c.key(): c for c in self.store.comments(self.form_id)}
        lines: list[tuple[Key, str]] = [((f.field, f.rule, f.message), self._problem(f)) for f in self.findings]
        known = {key for key, _ in lines}
        lines.extend((key, "") for key in self._comments if key not in known)
        self._lines = [key for key, _ in lines]
        self.table.setRowCount(len(lines))
        for i, (key, problem) in enumerate(lines):
            self._fill_row(i, key, problem)
        self.table.resizeRowsToContents()
        answered = sum(1 for key in self._comments if key in self._answers)
        self.status.setText(f"{len(self.findings)} 个问题，{len(self._comments)} 条审核意见，单位已答复 {answered} 条")
        if select in self._lines:
            self.table.selectRow(self._lines.index(select))

    def _problem(self, finding: Finding) -> str:
        text = f"【{finding.severity.label}】{finding.message}"
        if finding.acknowledged:
            note = self._acks.get((finding.rule, finding.field), "")
            text += f"\n（单位已知悉{'：' + note if note else ''}）"
        return text

    def _fill_row(self, row: int, key: Key, problem: str) -> None:
        comment = self._comments.get(key)
        answer = self._answers.get(key)
        author = f"（{comment.author}）" if comment is not None and comment.author else ""
        cells = (field_label(key[0]), problem or "（审核人员对此栏目的意见）",
                 (comment.text + author) if comment else "", answer.describe() if answer else "")
        for col, text in enumerate(cells):
            self.table.setItem(row, col, QTableWidgetItem(text))

    def _current(self) -> Key | None:
        row = self.table.currentRow()
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def _on_selected(self) -> None:
        key = self._current()
        comment = self._comments.get(key) if key else None
        self.comment_edit.setPlainText(comment.text if comment else "")
        if key is not None:
            self.editor.focus_field(key[0])

    def _add_field_line(self) -> None:
        key = (str(self.field_combo.currentData() or ""), "", "")
        if key not in self._lines:
            self._lines.append(key)
            row = self.table.rowCount()
            self.table.insertRow(row)
            self._fill_row(row, key, "")
        self.table.selectRow(self._lines.index(key))
        self.comment_edit.setFocus()

    def select_line(self, path: str, rule: str = "", anchor: str | None = None) -> bool:
        """Select the line of a finding (``rule``; ``anchor`` its message, None = the first of
        that field and rule) or of a field; False if there is none."""
        found = [k for k in self._lines if k[0] == path and k[1] == rule and (anchor is None or k[2] == anchor)]
        if not found:
            return False
        self.table.selectRow(self._lines.index(found[0]))
        return True

    def _ask_author(self) -> bool:
        """The reviewer's name, asked once and kept for every comment after."""
        self.author = self.files.settings.reviewer_name()
        if self.author:
            return True
        name = msgbox.ask_text(self, "审核人员", "请填写您的姓名（写在每条审核意见上；只问这一次）：")
        if not name or not name.strip():
            msgbox.info(self, "保存审核意见", "审核意见须署名，这次没有保存。")
            return False
        self.author = name.strip()
        self.files.settings.set_reviewer_name(self.author)
        return True

    # --- verdict and compare ----------------------------------------------------------------------

    def _verdict_changed(self) -> None:
        verdict = ReviewStatus.of(self.verdict.currentData())
        try:
            self.store.set_review_status(self.form_id, verdict)
        except StorageError as exc:
            msgbox.error(self, "审核结论未保存", str(exc))
            return
        self.status.setText(f"审核结论：{verdict.label}（导出审核意见文件后单位可以看到）")

    def compare_with_previous(self) -> bool:
        """The revision before this one (kept when the new one was collected) beside this one,
        with the changed characters marked; False (with a message) if there is none."""
        from jixiao_desktop.ui.dialogs.history import DiffDialog

        try:
            snapshots = self.store.repo.list_snapshots(self.form_id)
            previous = self.store.repo.load_snapshot(snapshots[0].id) if snapshots else None
        except StorageError as exc:
            msgbox.error(self, "无法比较", str(exc))
            return False
        if previous is None:
            msgbox.info(self, "与上一版比较", "这是收到的第一版，没有可比较的上一版。")
            return False
        title = f"第 {previous.revision or '?'} 版 → 第 {self.form.revision} 版：删去的字标红，新增的字标绿"
        self.diff = DiffDialog(title, previous, self.form, self)
        self.diff.resize(fitted_to_screen(self, self.size()).size())
        self.diff.show()
        return True

    # --- saving ---------------------------------------------------------------------------------

    def save_current(self) -> bool:
        """Save the text box as the selected line's 审核意见 (empty: remove it)."""
        key = self._current()
        if key is None:
            msgbox.info(self, "保存审核意见", "请先在列表中选中一个问题或栏目。")
            return False
        if not self.author and not self._ask_author():
            return False
        current = self._comments.get(key)
        try:
            self.store.save_comment(self.form_id, key[0], key[1], self.comment_edit.toPlainText(),
                                    author=self.author, expected_version=current.version if current else 0,
                                    anchor=key[2])
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
                                   at=c.updated_at.isoformat(), anchor=c.anchor)
                    for c in self.store.comments(self.form_id)]
        return review.ReviewFile(form_id=self.form.id, revision=self.form.revision,
                                 department=self.form.department, year=self.form.year, comments=comments,
                                 reviewer=self.author, created=datetime.now(UTC).isoformat(timespec="seconds"),
                                 fingerprint=exchange.fingerprint(self.form),
                                 status=self.store.review_status(self.form_id))

    def export_review(self, path: Path) -> bool:
        from jixiao_desktop.domain.indicator_library.carry import with_library
        from jixiao_desktop.domain.profiles import find_profile
        from jixiao_desktop.domain.profiles.carry import with_profile
        from jixiao_desktop.usecases.indicator_library import IndicatorLibrary

        # The bureau's 指标库 goes back with its comments (docs/review-file.md, key library).
        entries = IndicatorLibrary(self.store.repo).bureau_entries()
        text = with_library(review.dumps(self.review_file()), entries)
        # … and the bureau's own rule profile of the form, if it has one (key profile).
        data = with_profile(text, find_profile(self.form.profile.id) if self.form.profile else None).encode("utf-8")
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
