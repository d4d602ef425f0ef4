"""答复审核意见 (the unit's side): one line per 审核意见 of the open form; the clerk answers each
with 已修改 or 情况说明 (and a sentence), and ticks 已解决. The answers are part of the form
(``domain.review.answers``), so they are saved with it and travel with its next export of any
kind — the bureau sees them beside its comments."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jixiao_desktop.domain import review
from jixiao_desktop.domain.fields import field_label
from jixiao_desktop.ui import msgbox
from jixiao_desktop.ui.window_geometry import fitted_to_screen

if TYPE_CHECKING:
    from jixiao_desktop.storage.bureau import ReviewComment

_KINDS = (("（未答复）", None), ("已修改", review.AnswerKind.FIXED), ("情况说明", review.AnswerKind.EXPLAINED))


class AnswersDialog(QDialog):
    def __init__(self, comments: list[ReviewComment], form: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("答复审核意见")
        self.comments = comments
        given = {a.key(): a for a in review.answers(form)}
        self.table = QTableWidget(len(comments), 5, self)
        self.table.setHorizontalHeaderLabels(["栏目", "财政局审核意见", "答复", "说明", "已解决"])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.kinds: list[QComboBox] = []
        self.texts: list[QLineEdit] = []
        self.resolved: list[QCheckBox] = []
        for row, c in enumerate(comments):
            answer = given.get(c.key())
            self.table.setItem(row, 0, QTableWidgetItem(field_label(c.field) if c.field else "整张表"))
            item = QTableWidgetItem(c.text + (f"（{c.author}）" if c.author else ""))
            item.setToolTip(c.text)
            self.table.setItem(row, 1, item)
            kind = QComboBox(self.table)
            for label, value in _KINDS:
                kind.addItem(label, value)
            kind.setCurrentIndex(kind.findData(answer.kind) if answer else 0)
            text = QLineEdit(answer.text if answer else "", self.table)
            text.setPlaceholderText("改了什么，或为什么不改")
            done = QCheckBox(self.table)
            done.setChecked(bool(answer and answer.resolved))
            self.table.setCellWidget(row, 2, kind)
            self.table.setCellWidget(row, 3, text)
            self.table.setCellWidget(row, 4, done)
            self.kinds.append(kind)
            self.texts.append(text)
            self.resolved.append(done)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("保存答复")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        note = QLabel("答复随表单保存，下次导出（任何格式）报送时一并交给财政局。", self)
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(fitted_to_screen(self, self.sizeHint().expandedTo(self.size()).boundedTo(
            self.screen().availableGeometry().size())).size())

    def answers(self) -> list[tuple[tuple[str, str, str], review.Answer | None]]:
        """Each comment's key and its answer (None: not answered)."""
        at = datetime.now().isoformat(timespec="seconds")
        out = []
        for c, kind, text, done in zip(self.comments, self.kinds, self.texts, self.resolved, strict=True):
            value = kind.currentData()
            answer = None if value is None else review.Answer(
                c.field, c.rule, c.anchor, review.AnswerKind(value), text.text().strip(), done.isChecked(), at)
            out.append((c.key(), answer))
        return out


def apply_answers(form: object, answers: list[tuple[tuple[str, str, str], review.Answer | None]]) -> None:
    for key, answer in answers:
        review.set_answer(form, answer, key)


def ask_answers(window: Any) -> bool:
    """Open the dialog for the main window's open form (``window``: its ``session`` and ``repo``;
    not imported, so this module stays below the window); store the answers in it and save.
    False if nothing changed."""
    from jixiao_desktop.storage.bureau import BureauStore
    from jixiao_desktop.storage.errors import StorageError

    session = window.session
    if session is None or session.form is None or session.form_id is None or window.repo is None:
        msgbox.info(window, "答复审核意见", "请先打开收到审核意见的申报表。")
        return False
    try:
        comments = BureauStore(window.repo).comments(session.form_id)
    except StorageError as exc:
        msgbox.error(window, "答复审核意见", str(exc))
        return False
    if not comments:
        msgbox.info(window, "答复审核意见", "这份申报表没有财政局审核意见（请先“导入审核意见”）。")
        return False
    if session.is_final:
        msgbox.info(window, "答复审核意见", "本表已定稿（只读）。如需修改并答复，请先“取消定稿”。")
        return False
    dialog = AnswersDialog(comments, session.form, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    apply_answers(session.form, dialog.answers())
    session.touch()
    return True
