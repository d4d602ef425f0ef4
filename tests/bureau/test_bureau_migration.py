"""Revision 0004 (the bureau's tables) on a database the previous version left (0003)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from jixiao_desktop import cli
from jixiao_desktop.domain.checks import run_checks
from jixiao_desktop.domain.findings import Severity
from jixiao_desktop.storage.bureau import BureauStore
from jixiao_desktop.storage.db import SCHEMA_HEAD
from jixiao_desktop.storage.repository import FormRepository

OLD_DB_0003 = Path(__file__).resolve().parents[1] / "storage" / "data" / "jixiao-rev0003.db"


def _tables(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        con.close()


def test_sample_is_really_at_revision_0003() -> None:
    con = sqlite3.connect(OLD_DB_0003)
    try:
        assert [r[0] for r in con.execute("SELECT version_num FROM alembic_version")] == ["0003"]
    finally:
        con.close()
    assert "form_checks" not in _tables(OLD_DB_0003)


def test_a_rev0003_database_upgrades_and_its_summary_is_computed(tmp_path: Path, capsys) -> None:
    db = tmp_path / "jixiao.db"
    shutil.copyfile(OLD_DB_0003, db)
    with FormRepository.open(db) as repo:
        store = BureauStore(repo)
        con = sqlite3.connect(db)
        assert [r[0] for r in con.execute("SELECT version_num FROM alembic_version")] == [SCHEMA_HEAD]
        con.close()
        assert {"form_checks", "review_comments", "expected_units"} <= _tables(db)
        rows = store.summary_rows()  # counts missing after the upgrade: computed now
        assert len(rows) == len(repo.list_forms()) == 3  # one of the four is in the recycle bin
        for row in rows:
            findings = run_checks(repo.load(row.id).form)
            assert row.errors == sum(f.severity is Severity.ERROR for f in findings)
            assert row.warnings == sum(f.severity is Severity.WARNING for f in findings)
        assert store.refresh_counts() == 0  # and kept
    assert cli.main(["summary", "--db", str(db), "-"]) == 0
    assert "北京市西城区人民政府金融街街道办事处" in capsys.readouterr().out
