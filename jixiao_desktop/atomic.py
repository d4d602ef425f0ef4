"""Write files so that a crash or a full disk never leaves a half-written file behind."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


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
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically."""
    def _write(tmp: Path) -> None:
        tmp.write_bytes(data)

    atomic_write(path, _write)


def describe_os_error(exc: OSError) -> str:
    """A Chinese sentence for a file-system failure a clerk can act on."""
    code = exc.errno
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
