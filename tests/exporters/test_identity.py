"""Every export carries the form's identity, revision, 定稿 state and 定稿指纹, and every reader
takes them back (issue 19, item 1): the .xlsx in a hidden sheet that survives a re-save in a
spreadsheet program and is never a formula, the PDF in its metadata, the .jixiao.json in its keys."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

import openpyxl
import pytest

from jixiao_desktop import formfiles
from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.checks import acknowledge, run_checks
from jixiao_desktop.domain.findings import Severity
from jixiao_desktop.domain.model import Form
from jixiao_desktop.exporters.pdf.identity import read_pdf_identity
from jixiao_desktop.importers.convert import find_soffice

UID = "9f1c2d3e-0000-4000-8000-00000000abcd"


def _identified(form: Form, *, revision: int = 4) -> Form:
    form = form.copy()
    form.id, form.revision = UID, revision
    return form


def _with_marks(form: Form) -> Form:
    """A clerk's form with an 已知悉 mark (its reason starting like a formula) and 上年值."""
    warning = next(f for f in run_checks(form) if f.severity is Severity.WARNING)
    acknowledge(form, warning, note="=SUM(A1:A9) 这是情况说明，不是公式", at="2026-11-30T10:00:00+00:00")
    form.indicators[0].previous_content = "上年的指标内容"
    return form


@pytest.mark.parametrize("suffix", [".xlsx", ".jixiao.json"])
def test_a_final_export_is_read_back_as_final_with_identity_marks_and_last_year(
        tmp_path: Path, niujie: Form, suffix: str) -> None:
    form = _with_marks(_identified(niujie))
    fingerprint = exchange.fingerprint(form)
    out = tmp_path / f"牛街{suffix}"
    formfiles.write_form_file(form, out, fingerprint=fingerprint)
    got = formfiles.read_form_file_detailed(out)
    assert got.warnings == ()
    assert (got.form.id, got.form.revision, got.form.final_fingerprint) == (UID, 4, fingerprint)
    assert got.form.acknowledgements == form.acknowledgements
    assert got.form.indicators[0].previous_content == "上年的指标内容"
    assert exchange.fingerprint(got.form) == fingerprint


def test_a_draft_export_says_draft(tmp_path: Path, jinrongjie: Form) -> None:
    out = tmp_path / "金融街.xlsx"
    formfiles.write_form_file(_identified(jinrongjie, revision=2), out)
    got = formfiles.read_form_file(out)
    assert (got.id, got.revision, got.final_fingerprint) == (UID, 2, "")


def test_the_hidden_sheet_is_hidden_and_never_a_formula(tmp_path: Path, niujie: Form) -> None:
    form = _with_marks(_identified(niujie))
    out = tmp_path / "牛街.xlsx"
    formfiles.write_form_file(form, out, fingerprint=exchange.fingerprint(form))
    wb = openpyxl.load_workbook(out)
    assert wb.active.title == "绩效目标申报表"
    hidden = [ws for ws in wb.worksheets if ws.sheet_state != "visible"]
    assert len(hidden) == 1
    cells = [c for row in hidden[0].iter_rows() for c in row if c.value is not None]
    assert cells and all(c.data_type == "s" for c in cells)
    assert not any(isinstance(c.value, str) and c.value.startswith("=") for c in cells)
    assert UID in [c.value for c in cells]


def test_a_workbook_changed_in_excel_is_the_next_revision_and_a_draft(tmp_path: Path, niujie: Form) -> None:
    form = _identified(niujie)
    out = tmp_path / "牛街.xlsx"
    formfiles.write_form_file(form, out, fingerprint=exchange.fingerprint(form))
    wb = openpyxl.load_workbook(out)
    ws = wb.active
    cell = next(c for row in ws.iter_rows() for c in row if c.value == "其他说明的问题")
    ws.cell(row=cell.row, column=2, value="在 Excel 里补了一句说明。")
    wb.save(out)
    got = formfiles.read_form_file_detailed(out)
    assert got.form.other_notes == "在 Excel 里补了一句说明。"
    assert (got.form.id, got.form.revision, got.form.final_fingerprint) == (UID, 5, "")
    assert any("被改动过" in w and "第 5 版" in w for w in got.warnings)
    assert any("按草稿读入" in w for w in got.warnings)


def test_a_tampered_final_exchange_file_is_read_as_a_draft_with_the_reason(tmp_path: Path, niujie: Form) -> None:
    form = _identified(niujie)
    form.final_fingerprint = exchange.fingerprint(form)
    form.goals += "定稿后偷偷改的一句。"
    out = tmp_path / "牛街.jixiao.json"
    out.write_text(exchange.dumps(form), encoding="utf-8")
    got = formfiles.read_form_file_detailed(out)
    assert got.form.final_fingerprint == ""
    assert any("定稿后内容被改动过" in w for w in got.warnings)


def test_an_older_workbook_without_identity_is_still_read(tmp_path: Path, niujie: Form) -> None:
    out = tmp_path / "旧版.xlsx"
    formfiles.write_form_file(niujie, out)
    wb = openpyxl.load_workbook(out)
    del wb["jixiao"]
    wb.save(out)
    got = formfiles.read_form_file_detailed(out)
    assert (got.form.id, got.form.final_fingerprint, got.warnings) == ("", "", ())


def test_the_pdf_carries_identity_in_its_metadata(tmp_path: Path, jinrongjie: Form) -> None:
    form = _identified(jinrongjie, revision=7)
    fingerprint = exchange.fingerprint(form)
    formfiles.write_form_file(form, tmp_path / "定稿.pdf", fingerprint=fingerprint)
    formfiles.write_form_file(form, tmp_path / "草稿.pdf")
    final = read_pdf_identity(tmp_path / "定稿.pdf")
    draft = read_pdf_identity(tmp_path / "草稿.pdf")
    assert final is not None and draft is not None
    assert (final.form_id, final.revision, final.final_fingerprint) == (UID, 7, fingerprint)
    assert (draft.form_id, draft.revision, draft.final_fingerprint, draft.content) == (UID, 7, "", fingerprint)


def test_exporting_a_final_file_again_keeps_it_final(tmp_path: Path, niujie: Form) -> None:
    """``export 定稿.jixiao.json 定稿.xlsx``: the file's own 定稿 travels on when it still holds."""
    form = _identified(niujie)
    form.final_fingerprint = exchange.fingerprint(form)
    formfiles.write_form_file(form, tmp_path / "a.xlsx")
    assert formfiles.read_form_file(tmp_path / "a.xlsx").final_fingerprint == form.final_fingerprint


SOFFICE = find_soffice()


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice 未安装（.ci/run 会安装）")
def test_identity_survives_a_resave_in_a_spreadsheet_program(tmp_path: Path, jinrongjie: Form) -> None:
    """The clerk opens the export and saves it again (LibreOffice Calc here, as Excel or WPS would)."""
    assert SOFFICE is not None
    form = _with_marks(_identified(jinrongjie, revision=3))
    fingerprint = exchange.fingerprint(form)
    src = tmp_path / "金融街.xlsx"
    formfiles.write_form_file(form, src, fingerprint=fingerprint)
    out = tmp_path / "resaved"
    cmd = [str(SOFFICE), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--norestore",
           "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(src)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        proc.communicate(timeout=180)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail("LibreOffice did not save the workbook within 180 s")
    got = formfiles.read_form_file_detailed(out / "金融街.xlsx")
    assert (got.form.id, got.form.revision, got.form.final_fingerprint) == (UID, 3, fingerprint)
    assert got.form.acknowledgements == form.acknowledgements
    assert got.warnings == ()


def test_a_hand_edited_identity_sheet_is_never_trusted_beyond_reason(tmp_path: Path, niujie: Form) -> None:
    out = tmp_path / "改过.xlsx"
    formfiles.write_form_file(_identified(niujie), out)
    wb = openpyxl.load_workbook(out)
    ws = wb["jixiao"]
    for row in ws.iter_rows():
        if row[0].value == "revision":
            row[1].value = "1" + "0" * 30
        if row[0].value == "form":
            row[1].value = "{not json"
    wb.save(out)
    got = formfiles.read_form_file_detailed(out)
    assert got.form.id == UID and got.form.revision in (0, 1)
    assert got.form.other_notes == niujie.other_notes
