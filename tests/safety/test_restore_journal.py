"""A restore killed at any step loses nothing (issue 18, items 4 and 5).

Before: a kill after ``jixiao.db`` was moved aside left no database; the next start created an
empty one and the clerk saw no forms. Each test run below kills a real ``restore`` (SIGKILL, in a
child process) at one step of the swap, then opens the database as the next start would.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jixiao_desktop.domain.model import Form
from jixiao_desktop.storage import backups, restore_journal
from jixiao_desktop.storage.errors import BackupError
from jixiao_desktop.storage.repository import FormRepository

ROOT = Path(__file__).resolve().parents[2]
# (step, whether the current file could be backed up first: that checkpoints its WAL into it)
STEPS = [("copied", "readable"), ("journal", "readable"), ("moved-db", "readable"), ("placed", "readable"),
         ("journal", "unreadable"), ("moved-db", "unreadable"), ("moved-wal", "unreadable"),
         ("moved-shm", "unreadable"), ("placed", "unreadable")]
POSIX = pytest.mark.skipif(os.name != "posix", reason="SIGKILL")


def run_child(code: str, *args: str) -> int:
    return subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, timeout=120, check=False).returncode


WRITE_AND_DIE = """
import os, signal, sys
from jixiao_desktop.storage.repository import FormRepository
from jixiao_desktop.domain import exchange
repo = FormRepository.open(sys.argv[1])
form = exchange.loads(open(sys.argv[2], encoding="utf-8").read())
form.department = "备份之后新建的单位"
repo.create(form)
os.kill(os.getpid(), signal.SIGKILL)  # the WAL keeps the new form: it must travel with the file
"""

RESTORE_AND_DIE = """
import os, signal, sys
from pathlib import Path
from jixiao_desktop.storage import backups, restore_journal
step = sys.argv[3]
if sys.argv[4] == "unreadable":  # the current file cannot be backed up (damaged): its WAL stays beside it
    backups.take_backup = lambda *a, **k: None
restore_journal.STEP_HOOK = lambda at: os.kill(os.getpid(), signal.SIGKILL) if at == step else None
backups.restore_backup(Path(sys.argv[1]), Path(sys.argv[2]))
"""


def departments(db: Path) -> set[str]:
    with FormRepository.open(db) as repo:
        return {f.department for f in repo.list_forms()}


def departments_read_only(db: Path, wal: Path | None, folder: Path) -> set[str]:
    """The forms in a set-aside file (with its set-aside WAL), read from a copy."""
    copy = folder / "look.db"
    shutil.copyfile(db, copy)
    if wal is not None and wal.exists():
        shutil.copyfile(wal, folder / "look.db-wal")
    con = sqlite3.connect(copy)
    try:
        return {r[0] for r in con.execute("SELECT department FROM forms WHERE deleted_at IS NULL")}
    finally:
        con.close()


@pytest.fixture
def prepared(tmp_path: Path, jinrongjie: Form) -> tuple[Path, Path]:
    """A database whose newest form is only in its WAL, and a backup from before that form."""
    from jixiao_desktop.domain import exchange

    folder = tmp_path / "template"
    db = folder / "jixiao.db"
    with FormRepository.open(db) as repo:
        repo.create(jinrongjie)
    backup = backups.take_backup(db, "manual")
    assert backup is not None
    form_file = tmp_path / "form.jixiao.json"
    form_file.write_text(exchange.dumps(jinrongjie), encoding="utf-8")
    assert run_child(WRITE_AND_DIE, str(db), str(form_file)) == -signal.SIGKILL
    assert Path(f"{db}-wal").exists() and Path(f"{db}-shm").exists()
    return db, backup


@POSIX
@pytest.mark.parametrize(("step", "current"), STEPS)
def test_a_restore_killed_at_each_step_loses_nothing(prepared: tuple[Path, Path], tmp_path: Path,
                                                      jinrongjie: Form, step: str, current: str) -> None:
    template_db, template_backup = prepared
    folder = tmp_path / f"run-{step}"
    shutil.copytree(template_db.parent, folder)
    db, backup = folder / "jixiao.db", folder / "backups" / template_backup.name
    before = {jinrongjie.department, "备份之后新建的单位"}

    assert run_child(RESTORE_AND_DIE, str(db), str(backup), step, current) == -signal.SIGKILL

    shown = departments(db)  # the next start (any opening of the file)
    assert not restore_journal.tmp_path(db).exists() and not restore_journal.journal_path(db).exists()
    if step == "copied":  # killed before anything was moved: the database as it was
        assert shown == before
        return
    assert shown == {jinrongjie.department}  # the restore was finished: the backup's forms
    [aside] = [p for p in folder.glob("jixiao.db.replaced-*") if not p.name.endswith(("-wal", "-shm"))]
    # The old file with its own WAL, moved aside together: the form only the WAL held is there.
    assert departments_read_only(aside, Path(f"{aside}-wal"), tmp_path) == before


def test_an_uninterrupted_restore_keeps_the_old_file_with_its_wal(prepared: tuple[Path, Path],
                                                                  tmp_path: Path, jinrongjie: Form) -> None:
    db, backup = prepared
    result = backups.restore_backup(db, backup)
    assert departments(db) == {jinrongjie.department}
    aside = next(p for p in result.set_aside if not p.name.endswith(("-wal", "-shm")))
    assert "备份之后新建的单位" in departments_read_only(aside, Path(f"{aside}-wal"), tmp_path)


def test_two_restores_in_one_second_set_aside_two_files(prepared: tuple[Path, Path],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    db, backup = prepared
    first = backups.restore_backup(db, backup)
    second = backups.restore_backup(db, backup)  # within the same second, or not: never overwritten
    firsts = {p.name for p in first.set_aside}
    seconds = {p.name for p in second.set_aside}
    assert firsts and seconds and not firsts & seconds
    assert all(p.exists() for p in first.set_aside + second.set_aside)


def test_many_backups_in_one_second_keep_the_newest_and_restore_says_why_in_chinese(
        prepared: tuple[Path, Path]) -> None:
    db, _backup = prepared
    made = [backups.take_backup(db, "manual") for _ in range(backups.KEEP_NEWEST + 3)]
    assert made[-1] is not None and made[-1].exists()  # the one just written is never pruned
    gone = next((p for p in made if p is not None and not p.exists()), None)
    if gone is not None:
        with pytest.raises(BackupError, match="已不存在") as caught:
            backups.restore_backup(db, gone)
        assert not any("a" <= ch.lower() <= "z" for ch in str(caught.value).replace(gone.name, ""))


def test_a_backup_left_half_written_by_a_kill_is_cleaned_once_stale(prepared: tuple[Path, Path]) -> None:
    db, _backup = prepared
    stale = db.parent / "backups" / f".{db.stem}-20260101-000000-daily.db.tmp"
    stale.write_bytes(b"x" * 4096)
    fresh = db.parent / "backups" / f".{db.stem}-20260101-000001-daily.db.tmp"
    fresh.write_bytes(b"x" * 4096)  # perhaps being written right now by another process
    old = time.time() - backups.STALE_TMP_S - 60
    os.utime(stale, (old, old))
    backups.take_backup(db, "manual")
    assert not stale.exists() and fresh.exists()


def test_a_read_only_backups_folder_is_named_not_the_database(prepared: tuple[Path, Path]) -> None:
    from tests.safety.damage import immutable

    db, _backup = prepared
    folder = db.parent / "backups"
    with immutable(folder):
        if os.access(folder, os.W_OK) and backups._read_only_folder(folder) is False:
            pytest.skip("this file system cannot make a folder read-only")
        with pytest.raises(BackupError) as caught:
            backups.take_backup(db, "import")
    message = str(caught.value)
    assert "备份文件夹" in message and str(folder) in message and "只读" in message
