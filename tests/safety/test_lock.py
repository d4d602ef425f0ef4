"""A leftover lock file never locks the clerk out; a running window does, and is named."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from jixiao_desktop.app import AlreadyOpenError, lock_database
from jixiao_desktop.storage import lock
from jixiao_desktop.storage.errors import DatabaseInUseError
from tests.safety.damage import immutable

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "数据" / "jixiao.db"
    path.parent.mkdir()
    return path


@pytest.mark.parametrize("content", [
    b"",  # power cut while it was written
    b"\x00\x00\xff garbled \xfe",
    json.dumps({"app": "jixiao-desktop", "pid": 4242, "host": "旧电脑-PC", "started": "2025-01-01"}).encode(),
    f"{os.getppid()}\njixiao-desktop\n{os.uname().nodename}\n".encode(),  # Qt's format, a live unrelated process
    json.dumps({"pid": 1, "host": os.uname().nodename}).encode(),  # pid 1 is alive and not ours
])
def test_a_stale_lock_file_is_taken_over(db: Path, content: bytes) -> None:
    lock_file = lock.lock_path_for(db)
    lock_file.write_bytes(content)
    held = lock_database(db)
    assert held is not None
    written = json.loads(lock_file.read_text(encoding="utf-8"))
    assert written["pid"] == os.getpid()
    held.unlock()  # type: ignore[attr-defined]
    assert not lock_file.exists()


def test_a_running_window_holds_the_lock_and_the_message_names_the_lock_file(db: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from pathlib import Path
            from jixiao_desktop.storage import lock
            held = lock.acquire(Path({str(db)!r}))
            print("held", flush=True)
            sys.stdin.readline()
        """)], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(AlreadyOpenError) as info:
            lock_database(db)
        assert str(lock.lock_path_for(db)) in str(info.value)
        assert f"进程 {holder.pid}" in str(info.value)
        assert info.value.lock_path == lock.lock_path_for(db)
    finally:
        holder.communicate("\n", timeout=30)
    # The holder exited: the lock is free again (the kernel dropped it).
    held = lock_database(db)
    assert held is not None
    held.unlock()  # type: ignore[attr-defined]


def test_a_killed_window_leaves_a_lock_file_that_is_stale(db: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", f"from pathlib import Path; from jixiao_desktop.storage import lock; "
                               f"held = lock.acquire(Path({str(db)!r})); import os; os._exit(0)"], cwd=ROOT)
    holder.wait(timeout=30)
    assert lock.lock_path_for(db).exists()  # left behind, as after a crash or a power cut
    held = lock_database(db)
    assert held is not None
    held.unlock()  # type: ignore[attr-defined]


def test_a_symlinked_path_cannot_open_a_second_window(db: Path, tmp_path: Path) -> None:
    db.write_bytes(b"")
    link = tmp_path / "快捷方式.db"
    link.symlink_to(db)
    assert lock.lock_path_for(link) == lock.lock_path_for(db)
    first = lock_database(db)
    assert first is not None
    try:
        with pytest.raises(AlreadyOpenError):
            lock_database(link)
        assert isinstance(lock.is_held(link), DatabaseInUseError)
    finally:
        first.unlock()  # type: ignore[attr-defined]
    assert lock.is_held(link) is None


def test_a_read_only_folder_does_not_stop_the_app(db: Path) -> None:
    with immutable(db.parent):
        assert lock_database(db) is None
