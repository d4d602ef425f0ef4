"""Issue 19, item 3: the review itself, both ways.

The bureau comments on the one finding it clicked (not on every finding of that field and rule),
signs with a name asked once, gives a verdict (待审 / 通过 / 退回修改) and sees the unit's 已知悉
reasons; the unit sees the verdict, answers each comment (已修改 / 情况说明, 已解决); the answers
travel with its next submission and show beside the comments; the bureau compares the two
revisions with the changed characters marked."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from jixiao_desktop import cli
from jixiao_desktop.domain import review
from jixiao_desktop.domain.checks import acknowledge, run_checks
from jixiao_desktop.domain.findings import Severity
from jixiao_desktop.domain.model import Form
from jixiao_desktop.storage.bureau import BureauStore
from jixiao_desktop.storage.repository import FormRepository
from jixiao_desktop.ui import msgbox
from jixiao_desktop.ui.bureau import answers as answers_ui
from jixiao_desktop.ui.bureau import hooks
from jixiao_desktop.ui.bureau.review_dialog import ReviewDialog
from jixiao_desktop.ui.bureau.window import BureauWindow

TWINS = ("indicators[3].content", "indicators.parts_mismatch")  # 牛街 has two findings of this field and rule


def test_the_review_goes_both_ways(qtbot: Any, make_window: Any, messages: Any, db_path: Path, tmp_path: Path,
                                   niujie: Form, capsys: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    form = niujie.copy()
    warning = next(f for f in run_checks(form) if f.severity is Severity.WARNING and f.field != TWINS[0])
    acknowledge(form, warning, note="按批复口径填写", at="2026-11-30T10:00:00")
    with FormRepository.open(db_path) as repo:
        form_id = repo.create(form)
    sent = tmp_path / "第1次" / "牛街.jixiao.json"
    sent.parent.mkdir()
    assert cli.main(["export-db", str(form_id), str(sent), "--db", str(db_path)]) in (0, 1)
    bureau_db = str(tmp_path / "财政局.db")
    assert cli.main(["collect", str(sent), "--db", bureau_db]) == 0
    capsys.readouterr()

    # The bureau: no name yet — asked once, at the first comment, then kept.
    asked: list[str] = []
    monkeypatch.setattr(msgbox, "ask_text", lambda *a, **k: asked.append(a[1]) or "张三")
    bureau = BureauWindow(bureau_db)
    qtbot.addWidget(bureau)
    row = bureau.model.row_at(0)
    assert row is not None
    dialog = ReviewDialog(bureau.store, row.id, author=bureau.author, parent=bureau, files=bureau.files)
    qtbot.addWidget(dialog)
    twins = [f for f in dialog.findings if (f.field, f.rule) == TWINS]
    assert len(twins) == 2
    assert dialog.select_line(*TWINS, anchor=twins[1].message)
    dialog.comment_edit.setPlainText("第二处分项之和仍不对")
    assert dialog.save_current()
    [comment] = bureau.store.comments(row.id)
    assert (comment.author, comment.anchor) == ("张三", twins[1].message)  # only the clicked finding
    lines = [dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())]
    assert sum(1 for t in lines if t) == 1
    # The unit's 已知悉 reason is beside its finding.
    problems = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
    assert any("单位已知悉：按批复口径填写" in p for p in problems)
    dialog.verdict.setCurrentIndex(dialog.verdict.findData(review.ReviewStatus.RETURNED.value))
    review_file = tmp_path / "牛街.jixiao-review.json"
    assert dialog.export_review(review_file)
    bureau.close()
    doc = json.loads(review_file.read_text(encoding="utf-8"))
    assert doc["status"] == "returned" and doc["comments"][0]["anchor"] == twins[1].message

    # The unit: sees the verdict and the comment; answers it; the answer is saved with the form.
    window = make_window()
    assert hooks.import_review(window, review_file), messages.shown
    shown = [f.message for f in window.checks_panel.model.findings() if f.rule == review.REVIEW_RULE]
    assert shown[0].startswith("财政局审核结论：退回修改")
    assert any("第二处分项之和仍不对" in m for m in shown)
    comments = BureauStore(window.repo).comments(form_id)
    dialog2 = answers_ui.AnswersDialog(comments, window.session.form, window)
    qtbot.addWidget(dialog2)
    dialog2.kinds[0].setCurrentIndex(dialog2.kinds[0].findData(review.AnswerKind.FIXED))
    dialog2.texts[0].setText("已按分项重新合计")
    dialog2.resolved[0].setChecked(True)
    answers_ui.apply_answers(window.session.form, dialog2.answers())
    window.session.touch()
    assert window.session.save()
    window.close()

    # Its next submission carries the answer; the bureau sees it beside its comment.
    resent = tmp_path / "第2次" / "牛街.jixiao.json"
    resent.parent.mkdir()
    assert cli.main(["export-db", str(form_id), str(resent), "--db", str(db_path)]) in (0, 1)
    assert cli.main(["collect", str(resent), "--db", bureau_db]) == 0
    capsys.readouterr()
    bureau = BureauWindow(bureau_db)
    qtbot.addWidget(bureau)
    row = bureau.model.row_at(0)
    assert row is not None and row.review_status is review.ReviewStatus.PENDING  # a new submission: 待审 again
    assert bureau.author == "张三"  # kept: not asked again
    dialog = ReviewDialog(bureau.store, row.id, author=bureau.author, parent=bureau, files=bureau.files)
    qtbot.addWidget(dialog)
    dialog.select_line("goals")
    dialog._add_field_line()
    dialog.comment_edit.setPlainText("目标已清楚")
    assert dialog.save_current()
    assert asked == ["审核人员"]
    answered = [dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())]
    assert "已修改：已按分项重新合计（已解决）" in answered
    assert dialog.compare_with_previous()
    assert "第 2 版" in dialog.diff.ui.headerLabel.text()
    bureau.close()
