"""One window per database: a lock file held with an operating-system lock.

The lock file ``<database>.lock`` sits beside the database (its real path: a symlinked name
resolves to the same file, so it cannot open a second window on it). It is *held* through an OS
lock on the open file (``flock`` on POSIX, a byte-range lock on Windows), which the kernel drops
when the holder exits or crashes. The file's content (process id, host, start time) is only
for the message. So a lock file left behind by a power cut (empty or half written), one copied
from another computer with the data folder, or one naming a process id that now belongs to an
unrelated program is stale and simply taken over: only a running window really holds the lock.

``flock`` locks belong to the open file description, so closing some other descriptor of the
lock file in the same process (a file dialog sniffing it) does not drop them, unlike ``fcntl``
locks. Qt-free: the command line (``restore``) uses it too.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from jixiao_desktop.storage.errors import DatabaseInUseError

APP_TAG = "jixiao-desktop"
_WINDOWS_LOCK_OFFSET = 1 << 30  # the locked byte lies past the text, so the text stays readable


def lock_path_for(db_path: Path) -> Path:
    """The lock file of a database: beside its real (symlink-resolved) path."""
    real = Path(os.path.realpath(Path(db_path).expanduser()))
    return real.with_name(real.name + ".lock")


@dataclass(frozen=True)
class LockHolder:
    """What the lock file says about the window holding it (fields may be empty)."""

    pid: int | None
    host: str
    started: str

    def describe(self) -> str:
        parts = []
        if self.pid:
            parts.append(f"进程 {self.pid}")
        if self.host:
            parts.append(f"计算机“{self.host}”")
        if self.started:
            parts.append(f"自 {self.started} 起")
        return "，".join(parts)


def _read_holder(path: Path) -> LockHolder:
    try:
        data = json.loads(path.read_text(encoding="utf-8", errors="replace") or "{}")
    except (OSError, ValueError):
        data = {}
    if not isinstance(data, dict):
        data = {}
    pid = data.get("pid")
    return LockHolder(pid=pid if isinstance(pid, int) else None, host=str(data.get("host") or ""),
                      started=str(data.get("started") or ""))


def _os_lock(fd: int) -> bool:
    """Take the OS lock on ``fd`` without waiting; False when someone else holds it."""
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        # A file system without flock (some network shares): treat as not lockable, not held.
        raise
    return True


class DatabaseLock:
    """The held lock of one database; ``unlock()`` releases it (also at process exit)."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd
        self.by_inode: DatabaseLock | None = None  # the same database under another name (a hard link)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def unlock(self) -> None:
        if self.by_inode is not None:
            self.by_inode.unlock()
            self.by_inode = None
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if sys.platform != "win32":
            # Remove the name while still holding the lock: a waiter that opened the old file
            # sees that its file is no longer the lock file and tries again (see acquire).
            with contextlib.suppress(OSError):
                if _same_file(fd, self.path):
                    self.path.unlink()
        os.close(fd)
        if sys.platform == "win32":
            with contextlib.suppress(OSError):
                self.path.unlink()

    def __enter__(self) -> DatabaseLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.unlock()


def _same_file(fd: int, path: Path) -> bool:
    try:
        a, b = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def _open_lock_file(path: Path) -> int | None:
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        return os.open(path, flags, 0o644)
    except PermissionError:
        try:  # a read-only folder or lock file: it can still be locked for reading
            return os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            return None
    except OSError:
        return None


def acquire(db_path: Path, *, app_name: str = "绩效目标申报助手") -> DatabaseLock | None:
    """Hold the database's lock, taking over a stale lock file.

    Returns None when no lock file can be made there (a read-only folder, a file system without
    locks): opening the database then reports what is wrong with the place.

    Raises:
        DatabaseInUseError: a running window holds the lock; the message names the lock file.
    """
    path = lock_path_for(db_path)
    held = _acquire_at(path, app_name)
    if held is None:
        return None
    inode_path = inode_lock_path(db_path)
    if inode_path is not None:
        try:
            held.by_inode = _acquire_at(inode_path, app_name)
        except DatabaseInUseError:
            held.unlock()
            raise
    return held


def inode_lock_path(db_path: Path) -> Path | None:
    """A second lock named by the file's device and inode, in one folder of the machine: a hard
    link to the database (another name, another folder) meets the same lock. None for a new file."""
    try:
        st = os.stat(Path(db_path).expanduser())
    except OSError:
        return None
    folder = Path(tempfile.gettempdir()) / "jixiao-desktop-locks"
    try:
        if not folder.is_dir():
            folder.mkdir(exist_ok=True)
            with contextlib.suppress(OSError):
                os.chmod(folder, 0o1777)  # every user of the machine locks there (like /tmp)
    except OSError:
        return None
    return folder / f"{st.st_dev:x}-{st.st_ino}.lock"


def _acquire_at(path: Path, app_name: str) -> DatabaseLock | None:
    if path.is_dir():
        raise DatabaseInUseError(
            f"锁文件的位置“{path}”被一个文件夹占用，无法确认是否已有窗口在使用这份数据。"
            "请把这个文件夹改名或删除后再打开", lock_path=path)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
    for _attempt in range(5):
        fd = _open_lock_file(path)
        if fd is None:
            return None
        try:
            locked = _os_lock(fd)
        except OSError:
            os.close(fd)
            return None
        if not locked:
            os.close(fd)
            holder = _read_holder(path)
            who = holder.describe()
            raise DatabaseInUseError(
                f"{app_name}已经在另一个窗口中打开了这份数据（锁文件：{path}"
                + (f"；{who}" if who else "") + "）。请切换到已打开的窗口继续填写：两个窗口同时修改同一份数据会互相覆盖",
                lock_path=path)
        if sys.platform != "win32" and not _same_file(fd, path):
            os.close(fd)  # the previous holder removed the file while we waited: try the new one
            continue
        _write_holder(fd)
        return DatabaseLock(path, fd)
    return None


def _write_holder(fd: int) -> None:
    text = json.dumps({"app": APP_TAG, "pid": os.getpid(), "host": socket.gethostname(),
                       "started": datetime.now().astimezone().isoformat(timespec="seconds")},
                      ensure_ascii=False).encode("utf-8")
    with contextlib.suppress(OSError):  # a read-only lock file: still held, just not described
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, text + b"\n")


def is_held(db_path: Path) -> DatabaseInUseError | None:
    """Whether a window holds the database now (the error it would raise), without keeping a lock."""
    try:
        lock = acquire(db_path)
    except DatabaseInUseError as exc:
        return exc
    if lock is not None:
        lock.unlock()
    return None
