"""Write files so that a crash or a full disk never leaves a half-written file behind."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# Windows: renaming onto a file that another program holds open (Excel/WPS showing it, an
# antivirus scanner or the search indexer reading the new file for a moment) fails with a
# sharing violation or "access denied". Scanners let go within a second or two, so the rename
# is retried for about REPLACE_PATIENCE seconds before the clerk is told.
REPLACE_PATIENCE = 3.0
_WINERROR_ACCESS_DENIED = 5
_WINERROR_SHARING_VIOLATION = 32
_WINERROR_LOCK_VIOLATION = 33
_WINERROR_FILENAME_EXCED_RANGE = 206
_WINERROR_PATH_NOT_FOUND = 3


def _read_umask() -> int:
    """The process umask, read once at import (setting it back and forth is not thread-safe)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()


def _final_mode(target: Path) -> int:
    """An existing file keeps its permissions; a new one gets the user's usual ones (umask),
    not the 0600 of a temporary file."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_UMASK


def atomic_write(path: str | Path, write: Callable[[Path], object]) -> None:
    """Let ``write`` fill a temporary file next to ``path``, then rename it over ``path``.

    ``write`` gets the temporary path (exporters that open files by name need one). On any
    failure the temporary file is removed and ``path`` is left as it was.
    """
    target = Path(path)
    if sys.platform == "win32" and _is_read_only(target):
        # Windows refuses to replace a file marked read-only (Wine does not): a clerk marks a
        # final copy so to protect it. Say so before writing anything.
        raise PermissionError(errno.EACCES, "只读文件", str(target))
    directory = target.parent if str(target.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):  # a file system without permissions (FAT, SMB)
            os.chmod(tmp, _final_mode(target))
        replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            # Windows refuses to delete a read-only file: the temporary file took the read-only
            # mode of the target above, so make it writable first or it is left behind.
            os.chmod(tmp, 0o600)
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def replace(src: str | Path, dst: str | Path, *, patience: float | None = None) -> None:
    """``os.replace``, retried on Windows while another program briefly holds ``dst`` open.

    A read-only ``dst`` is not retried (waiting does not help): the ``PermissionError`` goes to
    the caller at once, and ``describe_os_error`` says what to do.
    """
    if sys.platform != "win32":
        os.replace(src, dst)
        return
    deadline = time.monotonic() + (REPLACE_PATIENCE if patience is None else patience)
    delay = 0.05
    while True:
        try:
            os.replace(src, dst)
            return
        except PermissionError as exc:
            if _is_read_only(dst) or time.monotonic() >= deadline:
                raise
            if getattr(exc, "winerror", None) not in (_WINERROR_ACCESS_DENIED, _WINERROR_SHARING_VIOLATION,
                                                      _WINERROR_LOCK_VIOLATION):
                raise
        time.sleep(delay)
        delay = min(delay * 2, 0.4)


def _is_read_only(path: str | Path) -> bool:
    try:
        return not os.stat(path).st_mode & 0o200
    except OSError:
        return False


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    def _write(tmp: Path) -> None:
        tmp.write_bytes(data)

    atomic_write(path, _write)


def describe_os_error(exc: OSError) -> str:
    """A Chinese sentence for a file-system failure a clerk can act on."""
    code = exc.errno
    winerror = getattr(exc, "winerror", None)
    if winerror in (_WINERROR_SHARING_VIOLATION, _WINERROR_LOCK_VIOLATION):
        return "文件正被其他程序占用（例如 Excel/WPS 正打开着它，或杀毒软件正在扫描），请关闭该文件后重试，或另存为其他文件名"
    if winerror == _WINERROR_FILENAME_EXCED_RANGE:
        return "文件名或路径太长，请换一个短一些的名字或位置"
    if code in (errno.EACCES, errno.EPERM) and exc.filename and _is_read_only(exc.filename2 or exc.filename):
        return "文件是只读的（文件属性中勾选了“只读”），请取消只读后重试，或另存为其他文件名"
    if code == errno.ENOSPC:
        return "磁盘空间已满，请清理磁盘或换一个位置保存"
    if code in (errno.EACCES, errno.EPERM):
        return "没有写入权限（文件可能正被 Excel/WPS 打开，或该文件夹只读）"
    if code == errno.ENOENT:
        return "文件或文件夹不存在"
    if code == errno.EROFS:
        return "该位置只读，无法写入"
    if code == errno.EISDIR:
        return "这是一个文件夹，不是文件"
    if code == errno.ENOTDIR:
        return "路径中有一级不是文件夹"
    if code == errno.ENAMETOOLONG:
        return "文件名或路径太长，请换一个短一些的名字或位置"
    return f"文件操作失败（{exc.strerror or exc}）"
