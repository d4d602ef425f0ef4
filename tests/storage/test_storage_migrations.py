"""The schema and its upgrades: fresh databases, an old 0001 database, newer and foreign files."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.model import Form, FormStatus
from jixiao_desktop.storage import db
from jixiao_desktop.storage.errors import DatabaseVersionError, StorageError
from jixiao_desktop.storage.models import Base
from jixiao_desktop.storage.repository import FormDeletedError, FormLockedError, FormRepository

HERE = Path(__file__).parent
OLD_DB_0001 = HERE / "data" / "jixiao-rev0001.db"
FIXTURES = HERE.parent / "fixtures"


def _version(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [row[0] for row in con.execute("SELECT version_num FROM alembic_version")]
    finally:
        con.close()


def _tables(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        con.close()


def _drift(engine: object) -> list[object]:
    with engine.connect() as conn:  # type: ignore[attr-defined]
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def old_db(tmp_path: Path) -> Path:
    """A copy of the committed revision-0001 database (the original is never touched)."""
    target = tmp_path / "old" / "jixiao.db"
    target.parent.mkdir()
    shutil.copyfile(OLD_DB_0001, target)
    return target


def test_schema_head_constant_is_the_newest_migration() -> None:
    script = ScriptDirectory.from_config(db._alembic_config())
    assert script.get_heads() == [db.SCHEMA_HEAD]


def test_migrations_from_empty_build_exactly_the_models(db_path: Path) -> None:
    engine = db.create_engine_for(db_path)
    try:
        assert db.upgrade_to_head(engine) is True
        assert _drift(engine) == []
    finally:
        engine.dispose()
    assert _version(db_path) == [db.SCHEMA_HEAD]


def test_connections_get_wal_full_sync_foreign_keys_and_a_busy_timeout(db_path: Path) -> None:
    engine = db.create_engine_for(db_path)
    try:
        with engine.connect() as conn:
            pragma = {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                      for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")}
    finally:
        engine.dispose()
    assert pragma == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1, "busy_timeout": 5000}


def test_open_at_head_does_not_load_alembic(db_path: Path) -> None:
    FormRepository.open(db_path).close()
    code = ("import sys; from pathlib import Path;"
            "from jixiao_desktop.storage.repository import FormRepository;"
            f"r = FormRepository.open(Path({str(db_path)!r})); r.list_forms(); r.close();"
            "print('alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=HERE.parents[1])
    assert out.stdout.strip() == "False"


# --- the committed 0001 database -----------------------------------------------------------------


def test_sample_is_really_at_revision_0001() -> None:
    assert _version(OLD_DB_0001) == ["0001"]
    assert "events" not in _tables(OLD_DB_0001)


def test_old_database_is_upgraded_and_reads_intact(old_db: Path, jinrongjie: Form,
                                                   niujie_stored: Form) -> None:
    sys.path.insert(0, str(HERE))
    try:
        from make_old_db import TABULAR
    finally:
        sys.path.remove(str(HERE))

    with FormRepository.open(old_db) as repo:
        assert _version(old_db) == [db.SCHEMA_HEAD]
        summaries = repo.list_forms(include_deleted=True)
        assert [(s.id, s.department, s.status, s.deleted) for s in summaries] == [
            (1, "北京市西城区人民政府金融街街道办事处", FormStatus.DRAFT, False),
            (2, "北京市西城区人民政府牛街街道办事处", FormStatus.FINAL, False),
            (3, "北京市西城区某某街道办事处", FormStatus.DRAFT, True),
        ]
        assert repo.load(1).form.without_identity() == jinrongjie.without_identity()
        assert repo.load(2).form.without_identity() == niujie_stored.without_identity()
        tabular = repo.load(3).form
        assert tabular.funds.total == "1200.50"  # stored canonically by 0001 already
        expected = TABULAR.copy()
        expected.funds.total, expected.funds.basic = "1200.50", "200.00"
        expected.funds.sources[0].amount, expected.funds.sources[1].amount = "1000.00", "200.50"
        assert tabular.without_identity() == expected.without_identity()
        assert tabular.extra == {"reviewer": "王科长", "tags": ["绿化", 2022]}
        assert tabular.indicators[0].items[1].extra == {"color": "red"}

        # Created times survive, as aware UTC.
        assert summaries[0].created_at is not None
        assert summaries[0].created_at.isoformat() == "2021-01-04T01:00:00+00:00"

        # 0002 filled in the history from what 0001 kept.
        assert [(e.kind, e.note) for e in repo.history(1)] == [("created", ""), ("snapshot", "报送前")]
        assert [e.kind for e in repo.history(2)] == ["created", "finalised"]
        assert repo.history(2)[-1].note == exchange.fingerprint(niujie_stored)
        assert [e.kind for e in repo.history(3)] == ["created", "deleted"]

        # Old snapshots are readable and got a kind.
        [snap] = repo.list_snapshots(1)
        assert (snap.note, snap.kind) == ("报送前", "manual")
        assert repo.load_snapshot(snap.id).without_identity() == jinrongjie.without_identity()

        # State carried over: the final form stays locked, the binned one stays binned.
        stored = repo.load(2)
        assert stored.fingerprint == exchange.fingerprint(niujie_stored)
        changed = niujie_stored.copy()
        changed.goals = "定稿后修改"  # the 申报 content: refused (a save keeping the 定稿指纹 is allowed, cbeefc0)
        with pytest.raises(FormLockedError):
            repo.save(2, changed)
        assert repo.load(2).form.goals == niujie_stored.goals
        with pytest.raises(FormDeletedError):
            repo.save(3, tabular)

        # And the upgraded database works as a new one.
        edited = jinrongjie.copy()
        edited.goals = "升级后修改"
        repo.save(1, edited)
        assert repo.load(1).form.goals == "升级后修改"


def test_upgrade_keeps_a_backup_of_the_old_database(old_db: Path, jinrongjie: Form) -> None:
    FormRepository.open(old_db).close()
    [backup] = (old_db.parent / "backups").glob("jixiao-*-migration.db")
    assert _version(backup) == ["0001"]
    con = sqlite3.connect(backup)
    try:
        assert con.execute("SELECT COUNT(*) FROM forms").fetchone()[0] == 3
    finally:
        con.close()
    # Opening again at head makes no further backup.
    FormRepository.open(old_db).close()
    assert len(list((old_db.parent / "backups").glob("*.db"))) == 1


def test_upgraded_old_database_matches_the_models(old_db: Path) -> None:
    engine = db.create_engine_for(old_db)
    try:
        db.upgrade_to_head(engine)
        assert _drift(engine) == []
    finally:
        engine.dispose()


def test_a_failing_upgrade_changes_nothing(old_db: Path) -> None:
    # Make 0002 fail half-way: after creating "events", its ADD COLUMN hits an existing column.
    con = sqlite3.connect(old_db)
    con.execute("ALTER TABLE snapshots ADD COLUMN kind TEXT")
    con.commit()
    con.close()
    with pytest.raises(StorageError, match="数据库升级失败"):
        FormRepository.open(old_db)
    assert _version(old_db) == ["0001"]
    assert "events" not in _tables(old_db)


def test_downgrade_and_upgrade_again(old_db: Path) -> None:
    engine = db.create_engine_for(old_db)
    try:
        db.upgrade_to_head(engine)
        db.upgrade_to(engine, "0002")
        from alembic import command

        cfg = db._alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0001")
        assert _version(old_db) == ["0001"]
        assert "events" not in _tables(old_db)
        db.upgrade_to_head(engine)
        assert _drift(engine) == []
    finally:
        engine.dispose()


# --- files the app must not open ----------------------------------------------------------------


def test_a_newer_database_is_refused_and_left_unchanged(db_path: Path) -> None:
    FormRepository.open(db_path).close()
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '0099'")
    con.commit()
    con.close()
    before = _sha(db_path)
    with pytest.raises(DatabaseVersionError, match="更新版本") as info:
        FormRepository.open(db_path)
    assert "0099" in str(info.value)
    assert _sha(db_path) == before
    assert _version(db_path) == ["0099"]
    assert not list(db_path.parent.glob("*.bak")) and not (db_path.parent / "backups").exists()


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "申报表.jixiao.json"
    shutil.copyfile(FIXTURES / "jinrongjie-2021.json", path)
    before = _sha(path)
    with pytest.raises(StorageError, match="不是绩效目标申报助手的数据库"):
        FormRepository.open(path)
    assert _sha(path) == before


def test_another_programs_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE contacts (name TEXT)")
    con.commit()
    con.close()
    with pytest.raises(StorageError, match="其他程序的数据库"):
        FormRepository.open(path)
    assert _tables(path) == {"contacts"}


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="文件夹"):
        FormRepository.open(tmp_path)


def test_a_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(StorageError, match="无法创建数据库所在的文件夹"):
        FormRepository.open(blocker / "sub" / "jixiao.db")
