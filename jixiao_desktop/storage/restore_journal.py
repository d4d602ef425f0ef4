"""The restore's file swap, journaled so that a power cut at any step loses nothing (issue 18, item 4).

A restore puts a checked copy of a backup (``.jixiao.db.restoring.tmp``, written and synced
first) in place of ``jixiao.db`` and moves the current file with its ``-wal``/``-shm`` aside as
``jixiao.db.replaced-<time>[-wal|-shm]``. Those are several renames; a kill between them used to
leave no ``jixiao.db`` at all, and the next start created an empty one: the clerk saw no forms.

Now the plan is written first (``.jixiao.db.restore-journal``, synced), then the renames are
done, then the journal is removed. ``recover(db_path)`` runs before any opening of the file
(``db.create_engine_for``): with a journal left behind it finishes the swap (the copy is whole:
it was synced before the journal existed) — moving aside what is still at the old names, never
deleting it — and removes the journal; a copy left without a journal (killed while copying) is
only a copy of a backup that is still there, and is removed.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

log = logging.getLogger(__name__)

SUFFIXES = ("", "-wal", "-shm")


def tmp_path(db_path: Path) -> Path:
    return db_path.with_name(f".{db_path.name}.restoring.tmp")


def journal_path(db_path: Path) -> Path:
    return db_path.with_name(f".{db_path.name}.restore-journal")


def aside_name(db_path: Path, stamp: str) -> str:
    """``jixiao.db.replaced-<stamp>``, or ``…-2``, ``…-3`` when a restore in the same second
    already set a file aside under that name (nothing set aside is ever overwritten)."""
    base, n = f"{db_path.name}.replaced-{stamp}", 1
    name = base
    while any(db_path.with_name(name + s).exists() for s in SUFFIXES):
        n += 1
        name = f"{base}-{n}"
    return name


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


STEP_HOOK: Callable[[str], None] | None = None  # tests: called at each step (and kill the process there)


def _step(name: str) -> None:
    """A point between two renames (tests kill the process here, one step at a time)."""
    if STEP_HOOK is not None:
        STEP_HOOK(name)


def _flock(fd: int, wait_s: float) -> bool:
    """An exclusive OS lock on ``fd`` (POSIX ``flock``: the lock goes with the open file, across
    a rename), waiting up to ``wait_s``; True where there is no such lock (Windows)."""
    if sys.platform == "win32":
        return True
    import fcntl

    deadline = time.monotonic() + wait_s
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.01)
        except OSError:
            return True  # a file system without flock: as on Windows


@contextlib.contextmanager
def _journal(db_path: Path, aside: str) -> Iterator[None]:
    """The plan written and synced, held under a lock while the renames run (so that a second
    process opening the file meanwhile waits instead of finishing the swap twice)."""
    journal = journal_path(db_path)
    part = journal.with_name(journal.name + ".part")
    data = json.dumps({"format": "jixiao-restore", "aside": aside}).encode("utf-8")
    fd = os.open(part, os.O_CREAT | os.O_WRONLY | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o644)
    try:
        _flock(fd, 5.0)
        os.write(fd, data)
        os.fsync(fd)
        if sys.platform == "win32":  # an open file cannot be renamed there
            os.close(fd)
            fd = -1
        os.replace(part, journal)
        _sync_folder(db_path.parent)
        yield
    finally:
        if fd >= 0:
            os.close(fd)


def _finish(db_path: Path, aside: str) -> list[Path]:
    """Move what is at the old names aside (never over something), then the copy in place."""
    moved = []
    for suffix in SUFFIXES:
        current = Path(f"{db_path}{suffix}")
        target = db_path.with_name(aside + suffix)
        if current.exists() and not target.exists():
            os.replace(current, target)
            moved.append(target)
            _step(f"moved{suffix or '-db'}")
        elif target.exists():
            moved.append(target)
    tmp = tmp_path(db_path)
    if tmp.exists():
        os.replace(tmp, db_path)
    _sync_folder(db_path.parent)
    _step("placed")
    journal_path(db_path).unlink(missing_ok=True)
    _sync_folder(db_path.parent)
    return moved


def swap_in(db_path: Path, stamp: str) -> list[Path]:
    """Put the synced copy at ``tmp_path(db_path)`` in place of ``db_path``; the files the old
    database was moved to. Raises ``OSError`` (then everything moved is put back)."""
    aside = aside_name(db_path, stamp)
    try:
        with _journal(db_path, aside):
            _step("journal")
            return _finish(db_path, aside)
    except OSError:
        for suffix in SUFFIXES:  # put back what was moved, then forget the plan
            target, original = db_path.with_name(aside + suffix), Path(f"{db_path}{suffix}")
            if target.exists() and not original.exists():
                with contextlib.suppress(OSError):
                    os.replace(target, original)
        journal_path(db_path).unlink(missing_ok=True)
        raise


def recover(db_path: Path) -> str:
    """Finish a restore that was interrupted; what was done, in Chinese ('' when nothing was)."""
    db_path = Path(db_path)
    journal, tmp = journal_path(db_path), tmp_path(db_path)
    try:
        if journal.exists():
            return _recover_journaled(db_path, journal)
        journal.with_name(journal.name + ".part").unlink(missing_ok=True)  # killed while writing the plan
        if tmp.exists():  # killed while copying: the database itself was never touched
            tmp.unlink()
            log.warning("removed %s left by an interrupted restore (nothing had been swapped)", tmp)
    except OSError as exc:
        log.error("could not finish the interrupted restore of %s: %s", db_path, exc)
    return ""


def _recover_journaled(db_path: Path, journal: Path) -> str:
    try:
        fd = os.open(journal, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return ""  # a restore running meanwhile just finished
    try:
        if not _flock(fd, 5.0):
            log.error("a restore of %s is still running after 5 s; left alone", db_path)
            return ""
        if not journal.exists():
            return ""  # the restore running meanwhile finished
        try:
            aside = str(json.loads(os.read(fd, 65536).decode("utf-8"))["aside"])
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            aside = ""
        if not aside.startswith(db_path.name + ".replaced-") or "/" in aside or "\\" in aside:
            log.error("unreadable restore journal %s left as it is", journal)
            return ""
        if sys.platform == "win32":  # an open file cannot be removed there
            os.close(fd)
            fd = -1
        if not tmp_path(db_path).exists():  # the copy was already in place: only the plan was left
            journal.unlink(missing_ok=True)
            return ""
        moved = _finish(db_path, aside)
    finally:
        if fd >= 0:
            os.close(fd)
    log.warning("finished an interrupted restore of %s; the old file is at %s", db_path, moved)
    return f"上次恢复备份被中断，现已完成；原来的数据文件已改名保留为“{db_path.with_name(aside)}”"
