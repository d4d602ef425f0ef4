"""The form list: one SQL query and its rows, with the standard library alone.

The repository's ``list_forms`` runs ``list_sql`` on its driver connection, and the window's
start-up runs it on a plain read-only ``sqlite3`` connection (``read_at_startup``) before
SQLAlchemy is imported: importing SQLAlchemy and the repository costs about half a second of
CPU, more than the rest of the window's start, so the clerk sees the list first and the
repository opens behind it. One query text and one row reader serve both, so the two can never
show different lists.

``read_at_startup`` only reads a file that is ready as it is: a writable SQLite file of ours at
the current schema revision, opened read-only (nothing is written or switched; SQLite may make
the ``-wal``/``-shm`` files beside it, as the window's opening would). On any doubt it returns
``None`` and the window takes the full way, which migrates an old file, opens a read-only one
without writing, and says what is wrong with a damaged one.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jixiao_desktop.domain.model import FormStatus
from jixiao_desktop.storage.errors import StorageError
from jixiao_desktop.storage.integrity import open_read_only, probe, quick_check_ahead
from jixiao_desktop.storage.types import FormSummary

# The newest revision in migrations/versions/ (a test keeps this in step with Alembic).
SCHEMA_HEAD = "0008"

# The columns of FormSummary, in order; the check counts only when they are of the stored revision.
_LIST_SQL = (
    "SELECT forms.id, forms.year, forms.department, forms.template, forms.status, forms.updated_at, "
    "forms.deleted_at, forms.funds_need_review, forms.created_at, forms.fingerprint, "
    "forms.copied_from_id, forms.uuid, forms.revision, form_checks.errors, form_checks.warnings "
    "FROM forms LEFT OUTER JOIN form_checks "
    "ON form_checks.form_id = forms.id AND form_checks.revision = forms.revision"
)


def list_sql(include_deleted: bool = False) -> str:
    """The form list's query, in id order; forms in the recycle bin only with ``include_deleted``."""
    where = "" if include_deleted else " WHERE forms.deleted_at IS NULL"
    return f"{_LIST_SQL}{where} ORDER BY forms.id"


_STATUS = {status.value: status for status in FormStatus}


def _time(value: Any) -> datetime | None:
    """A stored UTC time: SQLite text (``2026-12-01 14:12:40.372824``) or a naive datetime."""
    if value is None:
        return None
    at = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return at.replace(tzinfo=UTC)


def summary_from_row(row: Sequence[Any]) -> FormSummary:
    """A list line from a row of ``list_sql``.

    Raises ``ValueError``/``TypeError`` for a damaged row (a time that is not a time, an
    unknown status).
    """
    (form_id, year, department, template, status, updated_at, deleted_at, funds_need_review,
     created_at, fingerprint, copied_from, uuid, revision, errors, warnings) = row
    updated = _time(updated_at)
    if updated is None:
        raise ValueError("updated_at is empty")
    deleted = _time(deleted_at)
    known = _STATUS.get(status)
    if known is None:
        raise ValueError(f"unknown status {status!r}")
    # Positional, in FormSummary's field order: a third of the time of keywords at 10,000 rows.
    return FormSummary(int(form_id), year, department, template, known, updated, deleted is not None,
                       bool(funds_need_review), _time(created_at), deleted, fingerprint, copied_from,
                       uuid, revision, errors, warnings)


# The lines of the list read last, by their row: a row read again unchanged (most of them, when
# the list is refreshed after one save) is the same FormSummary, not a new one. A line is a pure
# function of its row, so sharing it is always right; only the last list is kept.
_last_read: dict[tuple[Any, ...], FormSummary] = {}


def summaries_from_rows(rows: Iterable[Sequence[Any]]) -> list[FormSummary]:
    """The list's lines; a row read unchanged since the last list comes back as the same line."""
    global _last_read
    known = _last_read
    made: dict[tuple[Any, ...], FormSummary] = {}
    out: list[FormSummary] = []
    for row in rows:
        key = tuple(row)
        summary = known.get(key)
        if summary is None:
            summary = summary_from_row(key)
        made[key] = summary
        out.append(summary)
    _last_read = made
    return out


def file_stamp(db_path: Path) -> tuple[tuple[int, int, int], ...]:
    """What changes when anything writes to the database: size, mtime and inode of the file
    and of its WAL. A missing or empty WAL stamps as zeros: opening the file, even read-only,
    may create an empty one, and an empty WAL holds nothing."""
    stamp = []
    for path in (db_path, db_path.with_name(db_path.name + "-wal")):
        try:
            st = path.stat()
        except OSError:
            stamp.append((0, 0, 0))
        else:
            stamp.append((st.st_size, st.st_mtime_ns, st.st_ino) if st.st_size else (0, 0, 0))
    return tuple(stamp)


@dataclass(frozen=True)
class StartupList:
    """The list read at start-up and the state of the file it was read from."""

    rows: list[FormSummary]
    stamp: tuple[tuple[int, int, int], ...]

    def still_current(self, db_path: Path) -> bool:
        """Nothing wrote to the file since (another window, the command line)."""
        return file_stamp(db_path) == self.stamp


def writable_database_file(db_path: str | Path) -> bool:
    """An existing file, in a folder and of a mode that let it be opened for writing: then
    reading it by hand first creates nothing the window would not create anyway (SQLite makes
    the ``-wal``/``-shm`` files beside a WAL database). Not a server URL, a new database, or a
    read-only file or folder: those take the full way, which opens them without writing."""
    path = Path(db_path)
    return ("://" not in str(db_path) and path.is_file() and os.access(path, os.R_OK | os.W_OK)
            and os.access(path.parent, os.W_OK | os.X_OK))


def read_at_startup(db_path: str | Path) -> StartupList | None:
    """The forms not in the recycle bin, read without SQLAlchemy; ``None`` on any doubt."""
    path = Path(db_path)
    if not writable_database_file(db_path):
        return None
    stamp = file_stamp(path)
    try:
        # mode=ro: nothing written, no WAL switched on; a file that is not an SQLite database
        # or is damaged raises here or in the queries.
        with open_read_only(path) as con:
            versions = [row[0] for row in con.execute("SELECT version_num FROM alembic_version")]
            if versions != [SCHEMA_HEAD]:
                return None  # an older file: the full way migrates it first
            rows = summaries_from_rows(con.execute(list_sql()))
    except (sqlite3.Error, ValueError, TypeError, OverflowError):
        return None
    if file_stamp(path) != stamp:
        return None  # written while being read: the full way reads it properly
    return StartupList(rows, stamp)


def read_checked(db_path: str | Path) -> list[FormSummary] | None:
    """The forms not in the recycle bin for ``jixiao-desktop list``, without SQLAlchemy, from a
    file that passes the checks the repository's opening starts with (``integrity.probe``: a
    damaged or foreign file, an unreadable WAL copied aside; SQLite's ``quick_check``). ``None``
    on any doubt: the full way then opens the file and says what is wrong with it."""
    if not writable_database_file(db_path):
        return None
    path = Path(db_path)
    try:
        probe(path)
    except StorageError:
        return None
    if quick_check_ahead(path) != []:
        return None
    early = read_at_startup(path)
    return early.rows if early is not None else None
