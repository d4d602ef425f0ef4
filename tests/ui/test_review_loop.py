"""Issue 19, item 1 end to end: a unit that hands in Excel gets its review.

定稿 → 导出 .xlsx → the bureau collects it (定稿, with its 定稿指纹) and writes 审核意见 →
review file → the clerk's 导入审核意见 finds the form. A form the clerk has under another id is
found by unit + year + content and offered; one that is not there is refused with the reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl

from jixiao_desktop import cli
from jixiao_desktop.domain.model import Form, FormStatus
from jixiao_desktop.storage.repository import FormRepository
from jixiao_desktop.ui import msgbox
from jixiao_desktop.ui.bureau import hooks
from jixiao_desktop.ui.bureau.review_dialog import ReviewDialog
from jixiao_desktop.ui.bureau.window import BureauWindow


def bureau_reviews(qtbot: Any, tmp_path: Path, sent: Path, capsys: Any) -> tuple[Path, FormStatus, str]:
    """The bureau collects ``sent``, writes two 审核意见 and exports the review file."""
    bureau_db = str(tmp_path / "财政局" / "bureau.db")
    assert cli.main(["collect", str(sent), "--db", bureau_db]) == 0
    capsys.readouterr()
    bureau = BureauWindow(bureau_db, author="张三")
    qtbot.addWidget(bureau)
    row = bureau.model.row_at(0)
    assert row is not None
    dialog = ReviewDialog(bureau.store, row.id, author="张三", parent=bureau)
    qtbot.addWidget(dialog)
    for path, text in (("funds.total", "资金总额与预算批复不一致，请核实"), ("goals", "目标请量化")):
        dialog.field_combo.setCurrentIndex(dialog.field_combo.findData(path))
        dialog._add_field_line()
        dialog.comment_edit.setPlainText(text)
        assert dialog.save_current()
    out = tmp_path / "牛街.jixiao-review.json"
    assert dialog.export_review(out)
    fingerprint = bureau.repo.load(row.id).fingerprint or ""
    bureau.close()
    return out, row.status, fingerprint


def unit_final_xlsx(db_path: Path, tmp_path: Path, form: Form) -> tuple[int, str, Path]:
    with FormRepository.open(db_path) as repo:
        form_id = repo.create(form)
        fingerprint = repo.finalise(form_id)
    sent = tmp_path / "发出" / "牛街.xlsx"
    sent.parent.mkdir()
    assert cli.main(["export-db", str(form_id), str(sent), "--db", str(db_path)]) in (0, 1)
    return form_id, fingerprint, sent


def comments_shown(window: Any) -> list[str]:
    return sorted(f.field for f in window.checks_panel.model.findings() if f.rule == "review.comment")


def test_a_unit_that_hands_in_excel_gets_its_review(qtbot: Any, make_window: Any, messages: Any, db_path: Path,
                                                    tmp_path: Path, niujie: Form, capsys: Any) -> None:
    form_id, fingerprint, sent = unit_final_xlsx(db_path, tmp_path, niujie)
    review_file, status, stored_fingerprint = bureau_reviews(qtbot, tmp_path, sent, capsys)
    assert (status, stored_fingerprint) == (FormStatus.FINAL, fingerprint)  # not 草稿, fingerprint kept
    window = make_window()
    assert hooks.import_review(window, review_file), messages.shown
    assert window.session is not None and window.session.form_id == form_id
    assert comments_shown(window) == ["funds.total", "goals"]
    assert not messages.of(msgbox.Kind.QUESTION)  # the same id: nothing to ask


def test_a_form_under_another_id_is_offered_by_unit_year_and_content(
        qtbot: Any, make_window: Any, messages: Any, db_path: Path, tmp_path: Path, niujie: Form,
        capsys: Any) -> None:
    form_id, _, sent = unit_final_xlsx(db_path, tmp_path, niujie)
    wb = openpyxl.load_workbook(sent)  # an export of an older version: no identity in the workbook
    del wb["jixiao"]
    wb.save(sent)
    review_file, status, _ = bureau_reviews(qtbot, tmp_path, sent, capsys)
    assert status is FormStatus.DRAFT  # nothing said it was 定稿
    with FormRepository.open(db_path) as repo:  # another form of the same year: not offered
        other = niujie.copy()
        other.department, other.year = "北京市西城区人民政府金融街街道办事处", niujie.year
        repo.create(other)
    window = make_window()
    messages.choice = 0
    assert hooks.import_review(window, review_file), messages.shown
    [(_, _, text, choices)] = messages.of(msgbox.Kind.QUESTION)
    assert "同一单位、同一年度" in text and choices == "导入到第 1 份"
    assert window.session is not None and window.session.form_id == form_id
    assert comments_shown(window) == ["funds.total", "goals"]


def test_no_form_of_that_unit_and_year_is_refused_with_the_reason(
        qtbot: Any, make_window: Any, messages: Any, db_path: Path, tmp_path: Path, niujie: Form,
        capsys: Any) -> None:
    form_id, _, sent = unit_final_xlsx(db_path, tmp_path, niujie)
    wb = openpyxl.load_workbook(sent)
    del wb["jixiao"]
    wb.save(sent)
    review_file, _, _ = bureau_reviews(qtbot, tmp_path, sent, capsys)
    with FormRepository.open(db_path) as repo:
        repo.unfinalise(form_id, "重新填写")
        repo.delete(form_id)
    window = make_window()
    assert not hooks.import_review(window, review_file)
    [(kind, _, text, _)] = messages.shown
    assert kind is msgbox.Kind.ERROR and "也没有同一单位、同一年度的申报表" in text and niujie.department in text
