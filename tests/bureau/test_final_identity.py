"""Issue 19, item 1, the bureau's side: a unit that hands in Excel is seen as it is — 定稿 with its
定稿指纹, its 已知悉 marks and 上年值 — on SQLite and on PostgreSQL (``db_target``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jixiao_desktop import cli
from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.checks import acknowledge, run_checks
from jixiao_desktop.domain.findings import Severity
from jixiao_desktop.domain.model import Form, FormStatus
from jixiao_desktop.storage.bureau import BureauStore
from jixiao_desktop.storage.repository import FormRepository


def unit_form(tmp_path: Path, form: Form, *, final: bool) -> tuple[Path, int, str]:
    """The unit's database with one form (an 已知悉 mark and a 上年值), 定稿 or not."""
    form = form.copy()
    warning = next(f for f in run_checks(form) if f.severity is Severity.WARNING)
    acknowledge(form, warning, note="情况说明：按批复口径填写", at="2026-11-30T10:00:00+00:00")
    form.indicators[0].previous_content = "上年的指标内容"
    db = tmp_path / "unit.db"
    with FormRepository.open(db) as repo:
        form_id = repo.create(form)
        fingerprint = repo.finalise(form_id) if final else ""
    return db, form_id, fingerprint


def export(db: Path, form_id: int, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    assert cli.main(["export-db", str(form_id), str(out), "--db", str(db)]) in (0, 1)
    return out


def collect(capsys: pytest.CaptureFixture[str], db: str, *paths: Path) -> dict:
    capsys.readouterr()
    cli.main(["collect", *map(str, paths), "--db", db, "--json"])
    return json.loads(capsys.readouterr().out)


def test_a_final_xlsx_is_final_at_the_bureau_with_its_marks(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], db_target: str, niujie: Form) -> None:
    db, form_id, fingerprint = unit_form(tmp_path, niujie, final=True)
    xlsx = export(db, form_id, tmp_path / "inbox" / "牛街.xlsx")
    assert collect(capsys, db_target, xlsx)["added"] == 1
    with FormRepository.open(db_target) as bureau, FormRepository.open(db) as unit:
        row, = BureauStore(bureau).rows()
        assert row.status is FormStatus.FINAL
        stored = bureau.load(row.id)
        assert stored.fingerprint == fingerprint
        assert stored.form.id == unit.load(form_id).form.id
        assert [a.note for a in stored.form.acknowledgements] == ["情况说明：按批复口径填写"]
        assert stored.form.indicators[0].previous_content == "上年的指标内容"
        acknowledged = [f for f in run_checks(stored.form) if f.acknowledged]
        assert len(acknowledged) == 1


def test_a_draft_collected_earlier_becomes_final_when_the_final_file_arrives(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], db_target: str, jinrongjie: Form) -> None:
    db, form_id, _ = unit_form(tmp_path, jinrongjie, final=False)
    draft = export(db, form_id, tmp_path / "inbox1" / "金融街.xlsx")
    assert collect(capsys, db_target, draft)["added"] == 1
    with FormRepository.open(db) as unit:
        fingerprint = unit.finalise(form_id)
    final = export(db, form_id, tmp_path / "inbox2" / "金融街.jixiao.json")
    assert collect(capsys, db_target, final)["updated"] == 1
    with FormRepository.open(db_target) as bureau:
        row, = BureauStore(bureau).rows()
        assert (row.status, bureau.load(row.id).fingerprint) == (FormStatus.FINAL, fingerprint)


def test_a_final_claim_that_does_not_match_is_collected_as_a_draft(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], db_target: str, niujie: Form) -> None:
    form = niujie.copy()
    form.id, form.revision = "33333333-3333-4333-8333-333333333333", 2
    form.final_fingerprint = exchange.fingerprint(form)
    form.goals += "（定稿后又改的）"
    path = tmp_path / "inbox" / "牛街.jixiao.json"
    path.parent.mkdir(parents=True)
    path.write_text(exchange.dumps(form), encoding="utf-8")
    assert collect(capsys, db_target, path)["added"] == 1
    with FormRepository.open(db_target) as bureau:
        row, = BureauStore(bureau).rows()
        assert row.status is FormStatus.DRAFT
