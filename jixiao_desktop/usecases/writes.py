"""What every write that adds forms needs first (``spec/cli.md``): a database file that can be
written, and a backup of it. A PostgreSQL server has neither check: its administrator backs it up.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from jixiao_desktop.storage.errors import StorageError

if TYPE_CHECKING:
    from jixiao_desktop.storage.repository import FormRepository


class NotWritableError(StorageError):
    """The database file or its folder is read-only: nothing was written."""


class BackupFailedError(StorageError):
    """The backup before the write could not be made: nothing was written (``str``: why)."""


def check_writable(repo: FormRepository) -> None:
    """Raises ``NotWritableError`` when the database file (or its folder) cannot be written."""
    from jixiao_desktop.storage.integrity import writable_problem

    if not repo.is_file:
        return
    problem = writable_problem(repo.db_path)
    if problem:
        raise NotWritableError(problem)


def backup_before(repo: FormRepository, reason: str) -> Path | None:
    """The backup before ``reason`` (``"import"``, ``"collect"``); its path, None for a server or
    an empty database. Raises ``BackupFailedError`` (the ``StorageError`` as its cause)."""
    if not repo.is_file:
        return None
    from jixiao_desktop.storage.backups import take_backup

    try:
        return take_backup(repo.db_path, reason)
    except StorageError as exc:
        raise BackupFailedError(str(exc)) from exc


def prepare_write(repo: FormRepository, reason: str, *, writable: bool = True) -> Path | None:
    """``check_writable`` (unless ``writable=False``: the caller knows already) then ``backup_before``."""
    if writable:
        check_writable(repo)
    return backup_before(repo, reason)
