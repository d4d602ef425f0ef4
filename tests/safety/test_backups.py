"""Rolling backups (spec/cli.md): when they are taken, what is kept, restore never deletes."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from jixiao_desktop.cli import main
from jixiao_desktop.domain.model import Form
from jixiao_desktop.storage import backups, lock
from jixiao_desktop.storage.errors import BackupError
from jixiao_desktop.storage.repository import FormRepository
from tests.conftest import JINRONGJIE, NIUJIE


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _departments(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT department FROM forms ORDER BY id")]
    finally:
        con.close()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "数据" / "jixiao.db"


def test_import_is_preceded_by_a_backup_holding_what_was_there(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(JINRONGJIE), "--db", str(db)]) == 0
    assert backups.list_backups(db) == []  # an empty new database is not worth a backup
    assert main(["import", str(NIUJIE), "--db", str(db)]) == 0
    [info] = backups.list_backups(db)
    assert info.path.parent == db.parent / "backups"
    assert info.reason == "import" and info.forms == 1
    assert info.names == ("2021年度 北京市西城区人民政府金融街街道办事处",)
    capsys.readouterr()
    assert main(["backups", "--db", str(db), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    [entry] = payload["backups"]
    assert entry["path"] == str(info.path) and entry["forms"] == 1 and entry["bytes"] == info.path.stat().st_size
    assert datetime.fromisoformat(entry["created"]).tzinfo is not None


def test_first_write_of_the_day_takes_a_backup_once(db: Path, jinrongjie: Form) -> None:
    with FormRepository.open(db) as repo:
        form_id = repo.create(jinrongjie)  # first write of a new database: nothing to back up yet
    assert backups.list_backups(db) == []
    with FormRepository.open(db) as repo:
        jinrongjie.goals = "第一次修改"
        repo.save(form_id, jinrongjie)
        jinrongjie.goals = "第二次修改"
        repo.save(form_id, jinrongjie)
    [daily] = backups.list_backups(db)
    assert daily.reason == "daily" and daily.forms == 1
    con = sqlite3.connect(daily.path)
    try:  # the backup holds the state before the day's first write
        assert con.execute("SELECT goals FROM forms").fetchone()[0] != "第一次修改"
    finally:
        con.close()
    with FormRepository.open(db) as repo:  # the same day again: no second daily backup
        repo.save(form_id, jinrongjie)
    assert len(backups.list_backups(db)) == 1


def _fake_backup(db: Path, when: datetime, reason: str = "daily") -> Path:
    folder = backups.backup_dir(db)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{db.stem}-{when:%Y%m%d-%H%M%S}-{reason}.db"
    sqlite3.connect(path).close()
    return path


def test_the_newest_ten_and_one_a_day_for_thirty_days_are_kept(db: Path) -> None:
    now = datetime(2026, 12, 1, 18, 0).astimezone()
    today = [_fake_backup(db, now - timedelta(minutes=i), "import") for i in range(15)]
    daily = {d: [_fake_backup(db, now - timedelta(days=d, hours=h)) for h in (1, 2)] for d in range(1, 40)}
    other = db.parent / "backups" / "someone-elses-file.db"
    other.write_bytes(b"x")
    removed = set(backups.prune(db, now=now))
    kept = {b.path for b in backups.list_backups(db, describe=False)}
    assert set(today[:10]) <= kept  # the newest ten
    assert not set(today[10:]) & kept  # older ones of the same day: today already has its one
    for d, (newest, older) in daily.items():
        assert (newest in kept) == (d <= 30), d
        assert older not in kept
    assert other.exists() and other not in removed  # only our own backups are ever removed
    assert kept | removed == set(today) | {p for pair in daily.values() for p in pair}


def test_restore_checks_the_backup_and_sets_the_current_file_aside(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(JINRONGJIE), "--db", str(db)]) == 0
    assert main(["import", str(NIUJIE), "--db", str(db)]) == 0
    [one_form] = backups.list_backups(db)
    before = _sha(db)
    capsys.readouterr()
    assert main(["restore", one_form.path.name, "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "没有删除" in out
    assert len(_departments(db)) == 1
    [aside] = db.parent.glob("jixiao.db.replaced-*")
    assert aside.name in out
    assert _sha(aside) == before and len(_departments(aside)) == 2  # the current file kept whole
    assert {b.reason for b in backups.list_backups(db)} == {"import", "restore"}
    # A damaged backup is refused and nothing changes.
    bad = backups.backup_dir(db) / "jixiao-20200101-000000-manual.db"
    data = bytearray(one_form.path.read_bytes())
    data[4096:8192] = b"\xff" * 4096
    bad.write_bytes(bytes(data))
    now = _sha(db)
    assert main(["restore", str(bad), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "损坏" in err and len(err.strip().splitlines()) == 1
    assert _sha(db) == now


def test_restore_refuses_while_a_window_has_the_database_open(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(JINRONGJIE), "--db", str(db)]) == 0
    assert main(["import", str(NIUJIE), "--db", str(db)]) == 0
    [info] = backups.list_backups(db)
    held = lock.acquire(db)
    assert held is not None
    try:
        before = _sha(db)
        capsys.readouterr()
        assert main(["restore", str(info.path), "--db", str(db)]) == 2
        err = capsys.readouterr().err
        assert "已经在另一个窗口中打开" in err and str(lock.lock_path_for(db)) in err
        assert _sha(db) == before and not list(db.parent.glob("*.replaced-*"))
    finally:
        held.unlock()


def test_an_unknown_backup_name_is_said(db: Path) -> None:
    with pytest.raises(BackupError, match="找不到备份"):
        backups.resolve_backup(db, "nope.db")
