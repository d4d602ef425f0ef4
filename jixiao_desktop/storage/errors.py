"""What can go wrong with the database, said in Chinese.

This module imports neither SQLAlchemy nor Alembic, so the window can catch ``StorageError``
without paying for those imports at start-up.
"""

from __future__ import annotations

import sqlite3

from jixiao_desktop.errors import KnownError


class StorageError(KnownError):
    """The database could not do what was asked; ``str(exc)`` is one Chinese sentence."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class FormNotFoundError(StorageError):
    """No stored form (or snapshot) has this id."""


class FormLockedError(StorageError):
    """The form is 已定稿: it must be 取消定稿 before it can change."""


class StaleWriteError(StorageError):
    """The stored form changed since this copy of it was loaded (another window, another
    reviewer, a collected newer file): saving it would overwrite that change, so nothing was
    written. ``stored_revision`` is the revision now in the database."""

    def __init__(self, message: str, stored_revision: int = 0) -> None:
        super().__init__(message)
        self.stored_revision = stored_revision


class FormDeletedError(StorageError):
    """The form is in the recycle bin: restore it before changing it."""


class FormHasErrorsError(StorageError):
    """定稿 refused: the checks still find errors in the form."""


class DatabaseVersionError(StorageError):
    """The database was written by a newer version of the app; nothing was changed."""


class SaveFailedError(StorageError):
    """The open form could not be written before a lifecycle step (定稿, restore …); nothing changed."""


# Primary result codes (https://www.sqlite.org/rescode.html); extended codes carry them
# in their low byte.
_SQLITE_PERM = 3
_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_NOMEM = 7
_SQLITE_READONLY = 8
_SQLITE_IOERR = 10
_SQLITE_CORRUPT = 11
_SQLITE_FULL = 13
_SQLITE_CANTOPEN = 14
_SQLITE_CONSTRAINT = 19
_SQLITE_AUTH = 23
_SQLITE_NOTADB = 26

_MESSAGES: dict[int, str] = {
    _SQLITE_FULL: "磁盘空间已满，数据没有保存。请清理磁盘后再试",
    _SQLITE_BUSY: "数据库正被另一个程序（或另一个已打开的绩效目标申报助手窗口）占用，请关闭它后再试",
    _SQLITE_LOCKED: "数据库正被另一个程序（或另一个已打开的绩效目标申报助手窗口）占用，请关闭它后再试",
    _SQLITE_READONLY: "数据库文件只读，无法保存（请检查文件或文件夹是否只读、是否有写入权限）",
    _SQLITE_PERM: "没有访问数据库文件的权限",
    _SQLITE_AUTH: "没有访问数据库文件的权限",
    _SQLITE_CANTOPEN: "无法打开数据库文件（文件夹不存在、没有权限或该位置只读）",
    _SQLITE_NOTADB: "该文件不是绩效目标申报助手的数据库（或文件已损坏）",
    _SQLITE_CORRUPT: "数据库文件已损坏，请从备份恢复",
    _SQLITE_IOERR: "读写数据库文件时出错（磁盘、U盘或网络盘可能有故障）",
    _SQLITE_NOMEM: "内存不足，数据库操作未完成",
    _SQLITE_CONSTRAINT: "数据不符合数据库的约束，没有保存",
}

# Older SQLite builds (or errors raised by Python itself) carry no code: match the text.
_TEXT_HINTS: tuple[tuple[str, int], ...] = (
    ("disk is full", _SQLITE_FULL),
    ("database is locked", _SQLITE_BUSY),
    ("readonly", _SQLITE_READONLY),
    ("read-only", _SQLITE_READONLY),
    ("unable to open", _SQLITE_CANTOPEN),
    ("not a database", _SQLITE_NOTADB),
    ("malformed", _SQLITE_CORRUPT),
    ("disk i/o error", _SQLITE_IOERR),
)


def sqlite_error_code(exc: BaseException) -> int | None:
    """The primary SQLite result code of an error (also through SQLAlchemy's wrapper)."""
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    text = str(orig).lower()
    for hint, hinted in _TEXT_HINTS:
        if hint in text:
            return hinted
    return None


def describe_db_error(exc: BaseException) -> str:
    """A Chinese sentence for a failed database operation a clerk can act on.

    Accepts ``sqlite3.Error`` or SQLAlchemy's ``DBAPIError`` wrapping one.
    """
    code = sqlite_error_code(exc)
    if code is not None and code in _MESSAGES:
        return _MESSAGES[code]
    orig = getattr(exc, "orig", exc)
    detail = str(orig).strip() or type(orig).__name__
    if type(orig).__module__.startswith("psycopg"):
        return _describe_server_error(orig, detail)
    if isinstance(orig, sqlite3.Error):
        return f"数据库操作失败（{detail}）"
    return f"数据库操作失败（{type(orig).__name__}: {detail}）"


def _describe_server_error(orig: BaseException, detail: str) -> str:
    """A PostgreSQL (psycopg) failure in Chinese; the server's own words in brackets."""
    first = detail.splitlines()[0] if detail else type(orig).__name__
    name = type(orig).__name__
    if name in ("OperationalError", "ConnectionTimeout"):
        return f"无法连接数据库服务器，请检查服务器地址、数据库名、用户名和网络（{first}）"
    if name in ("InsufficientPrivilege",):
        return f"数据库服务器拒绝了这个用户的操作（没有权限）（{first}）"
    if name in ("DiskFull",):
        return "数据库服务器的磁盘空间已满，数据没有保存"
    if name in ("SerializationFailure", "DeadlockDetected", "LockNotAvailable"):
        return "另一位审核人正在修改同一份数据，请稍后再试"
    if name in ("UniqueViolation", "IntegrityError", "ForeignKeyViolation", "CheckViolation"):
        return f"数据不符合数据库的约束，没有保存（{first}）"
    if name == "ProgramLimitExceeded" and "index row" in first:
        # PostgreSQL indexes the 部门（单位）名称 for the bureau's list; an index entry holds at
        # most about 2,700 bytes (some 900 汉字), far more than any real unit's name.
        return ("部门（单位）名称太长（超过约 900 个汉字），数据库服务器无法保存，没有存入任何内容。"
                "请检查文件中的“部门（单位）名称”是否误填了别的文字")
    return f"数据库服务器操作失败（{name}: {first}）"


# --- the file itself (storage/integrity.py, storage/backups.py, storage/lock.py) ----------------


class DatabaseDamagedError(StorageError):
    """The database file is damaged (bad pages, bad rows, not a database any more).

    ``db_path`` names the file when known. Nothing was changed: the window offers to export what
    can still be read and to restore a backup; the command line prints one line and exits 2.
    """

    def __init__(self, message: str, db_path: object = None) -> None:
        super().__init__(message)
        self.db_path = db_path


class NotOurDatabaseError(StorageError):
    """The file is another program's SQLite database (or no database at all); left untouched."""


class DatabaseReplacedError(StorageError):
    """The database file (or its WAL) was replaced or deleted behind this process's back.

    Writing on would write into a file nobody reads any more (or corrupt the new one), so every
    further write is refused until the database is opened again.
    """


class DatabaseInUseError(StorageError):
    """A window of the app holds the database (``lock_path`` names its lock file)."""

    def __init__(self, message: str, lock_path: object = None) -> None:
        super().__init__(message)
        self.lock_path = lock_path


class BackupError(StorageError):
    """A backup could not be made, read or put back; the database was not changed."""
