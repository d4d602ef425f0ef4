"""Ways a database file gets damaged on a real office PC (shared by the corruption tests)."""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from jixiao_desktop.domain import exchange
from jixiao_desktop.storage.repository import FormRepository
from tests.conftest import JINRONGJIE, NIUJIE

PAGE = 4096


def make_db(path: Path, *, forms: int = 2, versions: bool = True) -> list[int]:
    """A database with the two reference forms (and more copies): closed, WAL folded in."""
    path.parent.mkdir(parents=True, exist_ok=True)
    ids = []
    with FormRepository.open(path) as repo:
        sources = [exchange.load(JINRONGJIE), exchange.load(NIUJIE)]
        for i in range(forms):
            form = sources[i % 2].copy()
            if i >= 2:
                form.department = f"{form.department}{i}"
            ids.append(repo.create(form))
            if versions:
                repo.snapshot(ids[-1], "手动保存")
    return ids


def files_in(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (name → bytes), to prove that nothing was deleted."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2 // PAGE * PAGE + 100])


def overwrite_pages(path: Path, seed: int = 7) -> None:
    data = bytearray(path.read_bytes())
    rng = random.Random(seed)
    pages = len(data) // PAGE
    for page in rng.sample(range(1, pages), min(3, pages - 1)):  # page 0 (the header) stays
        data[page * PAGE:(page + 1) * PAGE] = bytes(rng.randrange(256) for _ in range(PAGE))
    path.write_bytes(bytes(data))


def garbage_header(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[:PAGE] = b"\xde\xad\xbe\xef" * (PAGE // 4)
    path.write_bytes(bytes(data))


def garbage_wal(path: Path) -> None:
    Path(str(path) + "-wal").write_bytes(os.urandom(3 * PAGE + 24))


def garbage_shm(path: Path) -> None:
    Path(str(path) + "-shm").write_bytes(os.urandom(32768))


def bad_row_json(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("UPDATE forms SET extra_json = '{\"broken' WHERE id = 2")
    con.commit()
    con.close()


def bad_row_status(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("PRAGMA ignore_check_constraints = ON")
    con.execute("UPDATE forms SET updated_at = 'not a date' WHERE id = 2")
    con.commit()
    con.close()


def zero_bytes(path: Path) -> None:
    path.write_bytes(b"")


def folder_at_path(path: Path) -> None:
    path.unlink()
    path.mkdir()
    (path / "别人的文件.txt").write_text("不要删除我", encoding="utf-8")


def other_program(path: Path) -> None:
    path.unlink()
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    con.execute("INSERT INTO contacts VALUES ('张三', '010-12345678')")
    con.commit()
    con.close()


DAMAGES: dict[str, Callable[[Path], None]] = {
    "truncated": truncate,
    "random_pages": overwrite_pages,
    "garbage_header": garbage_header,
    "garbage_wal": garbage_wal,
    "garbage_shm": garbage_shm,
    "bad_row_json": bad_row_json,
    "bad_row_date": bad_row_status,
    "zero_bytes": zero_bytes,
    "folder": folder_at_path,
    "other_program": other_program,
}


@contextlib.contextmanager
def immutable(path: Path) -> Iterator[None]:
    """Make a file or folder read-only even for root (``chattr +i``), or skip the test."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    if shutil.which("chattr") is None:
        pytest.skip("chattr is missing: root ignores permissions, so a read-only file cannot be made")
    done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"this file system has no immutable flag (chattr: {done.stderr.decode().strip()})")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)
