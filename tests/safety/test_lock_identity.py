"""The database is one database whatever its name (issue 18, item 6): a hard link cannot open a
second window nor be restored under a running one, and a folder at the lock's place does not
let the window run unlocked."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from jixiao_desktop.domain.model import Form
from jixiao_desktop.storage import backups, lock
from jixiao_desktop.storage.errors import DatabaseInUseError
from jixiao_desktop.storage.repository import FormRepository

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def linked(tmp_path: Path, jinrongjie: Form) -> tuple[Path, Path]:
    db = tmp_path / "a" / "jixiao.db"
    with FormRepository.open(db) as repo:
        repo.create(jinrongjie)
    other = tmp_path / "b" / "另一个名字.db"
    other.parent.mkdir()
    try:
        os.link(db, other)
    except OSError as exc:
        pytest.skip(f"no hard links here: {exc}")
    return db, other


def test_a_hard_link_meets_the_same_lock(linked: tuple[Path, Path]) -> None:
    db, other = linked
    held = lock.acquire(db)
    assert held is not None
    try:
        with pytest.raises(DatabaseInUseError, match="已经在另一个窗口中打开"):
            lock.acquire(other)
    finally:
        held.unlock()
    again = lock.acquire(other)  # released: the other name opens now
    assert again is not None
    again.unlock()


def test_the_cli_does_not_restore_under_a_window_through_a_hard_link(linked: tuple[Path, Path]) -> None:
    db, other = linked
    backup = backups.take_backup(db, "manual")
    assert backup is not None
    held = lock.acquire(db)  # the window
    assert held is not None
    try:
        done = subprocess.run([sys.executable, "-m", "jixiao_desktop", "restore", str(backup), "--db", str(other)],
                              capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=120, check=False)
    finally:
        held.unlock()
    assert done.returncode == 2 and "另一个窗口" in done.stderr
    assert not list(other.parent.glob("*.replaced-*"))  # nothing was swapped


def test_a_folder_at_the_lock_path_is_refused_not_ignored(tmp_path: Path) -> None:
    db = tmp_path / "jixiao.db"
    lock.lock_path_for(db).mkdir(parents=True)
    with pytest.raises(DatabaseInUseError, match="文件夹"):
        lock.acquire(db)
