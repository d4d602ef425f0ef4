"""Rolling backups of the database (``spec/cli.md``: ``backups``, ``restore``).

Backups are consistent copies made with SQLite's online backup API (never a byte copy of a
live file), kept in a ``backups`` folder beside the database as
``<stem>-YYYYMMDD-HHMMSS-<reason>.db``. They are taken without anyone asking: at the first
write of each day (``db.py`` does it in the write transaction's BEGIN hook), before every
migration, before every import or collect, and before a restore. The newest ``KEEP_NEWEST``
plus the newest of each day for ``KEEP_DAYS`` days are kept; older ones are removed.

``restore_backup`` checks the backup (``integrity_check``), takes a backup of the current file
when it can still be read, moves the current file (with its ``-wal``/``-shm``) aside — never
deleting it, never over an earlier set-aside file — and puts a copy of the backup in place;
the renames are journaled (``restore_journal``: a kill at any step is finished at the next opening). The caller makes sure no window has the
database open (``storage.lock``).

Name for other engineers: ``take_backup(db_path, reason)`` (``reason`` one of ``REASONS``).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from jixiao_desktop.atomic import describe_os_error
from jixiao_desktop.atomic import replace as replace_file
from jixiao_desktop.storage import integrity, restore_journal
from jixiao_desktop.storage.errors import BackupError, DatabaseDamagedError

log = logging.getLogger(__name__)

BACKUP_FOLDER = "backups"
KEEP_NEWEST = 10
KEEP_DAYS = 30
REASONS = {
    "daily": "每日自动备份",
    "migration": "升级数据库前",
    "import": "导入前",
    "collect": "汇总前",
    "resolve": "处理冲突前",
    "delete": "删除前",
    "restore": "恢复备份前",
    "manual": "手动备份",
}
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupInfo:
    """One backup file (``forms``/``names``: the forms it holds, None/[] when it cannot be read)."""

    path: Path
    created: datetime
    reason: str
    bytes: int
    forms: int | None = None
    names: tuple[str, ...] = ()
    problem: str = ""

    @property
    def reason_label(self) -> str:
        return REASONS.get(self.reason, self.reason)

    def to_json(self) -> dict[str, object]:
        return {"path": str(self.path), "created": self.created.isoformat(timespec="seconds"),
                "bytes": self.bytes, "forms": self.forms, "reason": self.reason}


def backup_dir(db_path: Path) -> Path:
    return Path(db_path).parent / BACKUP_FOLDER


def _pattern(db_path: Path) -> re.Pattern[str]:
    stem = re.escape(Path(db_path).stem)
    return re.compile(rf"^{stem}-(\d{{8}}-\d{{6}})(?:-(\d+))?-([a-z]+)\.db$")


def _parse(db_path: Path, path: Path) -> tuple[datetime, int, str] | None:
    match = _pattern(db_path).match(path.name)
    if match is None:
        return None
    try:
        created = datetime.strptime(match.group(1), _STAMP).astimezone()
    except ValueError:
        return None
    return created, int(match.group(2) or 0), match.group(3)


def _files(db_path: Path) -> list[tuple[datetime, int, str, Path]]:
    folder = backup_dir(db_path)
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    found = []
    for path in entries:
        parsed = _parse(db_path, path)
        if parsed is not None and path.is_file():
            found.append((*parsed, path))
    found.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return found


def _target(db_path: Path, reason: str, now: datetime) -> Path:
    folder = backup_dir(db_path)
    base = f"{Path(db_path).stem}-{now.strftime(_STAMP)}"
    target = folder / f"{base}-{reason}.db"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{base}-{n}-{reason}.db"
    return target


def backup_connection(source: sqlite3.Connection, db_path: Path, reason: str) -> Path:
    """Write a backup of the database behind ``source`` (an open connection); its path.

    Raises:
        BackupError: the backup could not be written (nothing half-written is left).
    """
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    now = datetime.now().astimezone()
    folder = backup_dir(db_path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"无法创建备份文件夹“{folder}”：{describe_os_error(exc)}") from exc
    target = _target(db_path, reason, now)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        dest = sqlite3.connect(tmp)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        replace_file(tmp, target)
    except sqlite3.Error as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if integrity._is_corruption(exc):
            raise DatabaseDamagedError(
                f"数据库文件“{db_path}”已损坏，无法备份：{exc}。{integrity.DAMAGED_HINT}", db_path=db_path) from exc
        from jixiao_desktop.storage.errors import describe_db_error

        if not os.access(folder, os.W_OK | os.X_OK) or _read_only_folder(folder):
            raise BackupError(f"备份数据库失败：备份文件夹“{folder}”只读或没有写入权限（数据库文件本身没有问题）。"
                              "请让管理员开放这个文件夹的写入权限") from exc
        raise BackupError(f"备份数据库失败：{describe_db_error(exc)}") from exc
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise BackupError(f"备份数据库失败（备份文件夹“{folder}”）：{describe_os_error(exc)}") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    log.info("backup of %s (%s) written to %s", db_path, reason, target)
    with contextlib.suppress(OSError):
        prune(db_path, keep=target)
    return target


def _read_only_folder(folder: Path) -> bool:
    """A folder nobody can write into, root included (``chattr +i``, a read-only mount)."""
    probe = folder / f".jixiao-write-test-{os.getpid()}"
    try:
        probe.touch()
    except OSError:
        return True
    with contextlib.suppress(OSError):
        probe.unlink()
    return False


def take_backup(db_path: Path, reason: str) -> Path | None:
    """Back up the database at ``db_path`` now; the backup's path (None: no database there yet).

    Safe beside an open window (SQLite's backup API reads a consistent snapshot). ``reason`` is
    one of ``REASONS`` (``"collect"`` before a bureau's collect, ``"import"`` before an import).

    Raises:
        BackupError: the backup could not be written; DatabaseDamagedError: the file is damaged.
    """
    path = Path(db_path)
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
    except OSError:
        return None
    try:
        # Read-write, not mode=ro: a read-only connection would leave -wal/-shm files behind.
        source = sqlite3.connect(path)
    except sqlite3.Error as exc:
        raise BackupError(f"备份数据库失败：无法读取“{path}”（{exc}）") from exc
    try:
        if not holds_forms(source):
            return None  # a new, empty database: nothing to keep
        return backup_connection(source, path, reason)
    finally:
        source.close()


def holds_forms(con: sqlite3.Connection) -> bool:
    """Whether the database behind ``con`` stores any form (also one in the recycle bin)."""
    try:
        if not con.execute("SELECT 1 FROM sqlite_master WHERE name = 'forms'").fetchone():
            return False
        return con.execute("SELECT 1 FROM forms LIMIT 1").fetchone() is not None
    except sqlite3.DatabaseError as exc:
        if integrity._is_corruption(exc):
            raise DatabaseDamagedError(
                f"数据库文件已损坏，无法备份：{exc}。{integrity.DAMAGED_HINT}") from exc
        return True  # let the backup itself say what is wrong


def has_backup_on(db_path: Path, day: date) -> bool:
    return any(created.date() == day for created, _n, _r, _p in _files(db_path))


STALE_TMP_S = 15 * 60  # a backup being written is a few seconds old at most


def _remove_stale_tmp(db_path: Path) -> list[Path]:
    """Half-written backups left by a kill (``.<name>.db.tmp`` and its journal), once old."""
    removed = []
    folder = backup_dir(db_path)
    limit = datetime.now().timestamp() - STALE_TMP_S
    with contextlib.suppress(OSError):
        for path in folder.glob(f".{Path(db_path).stem}-*.db.tmp*"):
            with contextlib.suppress(OSError):
                if path.stat().st_mtime < limit:
                    path.unlink()
                    removed.append(path)
    return removed


def prune(db_path: Path, *, now: datetime | None = None, keep: Path | None = None) -> list[Path]:
    """Remove backups beyond the newest ``KEEP_NEWEST`` and one a day for ``KEEP_DAYS`` days
    (never ``keep``, the one just written), and half-written ones a kill left behind."""
    now = now or datetime.now().astimezone()
    files = _files(db_path)
    keep_set: set[Path] = {p for _c, _n, _r, p in files[:KEEP_NEWEST]} | ({keep} if keep else set())
    days_seen: set[date] = set()
    oldest_day = (now - timedelta(days=KEEP_DAYS)).date()
    for created, _n, _r, path in files:  # newest first: the first of each day is its newest
        day = created.date()
        if day >= oldest_day and day not in days_seen:
            days_seen.add(day)
            keep_set.add(path)
    removed = _remove_stale_tmp(db_path)
    for _c, _n, _r, path in files:
        if path not in keep_set:
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def _describe(path: Path) -> tuple[int | None, tuple[str, ...], str]:
    try:
        with integrity.open_read_only(path, immutable=True) as con:
            rows = con.execute(
                "SELECT year, department FROM forms WHERE deleted_at IS NULL ORDER BY id").fetchall()
    except sqlite3.Error as exc:
        return None, (), f"无法读取（{exc}）"
    names = tuple(f"{y}年度 {d or '未填单位名称'}" if y else str(d or "未填单位名称") for y, d in rows)
    return len(rows), names, ""


def list_backups(db_path: Path, *, describe: bool = True) -> list[BackupInfo]:
    """The backups of the database, newest first (with the forms each holds when ``describe``)."""
    result = []
    for created, _n, reason, path in _files(db_path):
        try:
            size = path.stat().st_size
        except OSError:
            continue
        forms, names, problem = _describe(path) if describe else (None, (), "")
        result.append(BackupInfo(path, created, reason, size, forms, names, problem))
    return result


def newest_good_backup(db_path: Path) -> BackupInfo | None:
    """The newest backup that passes ``integrity_check`` and holds our tables."""
    for info in list_backups(db_path):
        if info.forms is not None and not integrity.check_file(info.path):
            return info
    return None


@dataclass(frozen=True)
class RestoreResult:
    restored: Path  # the backup put in place
    set_aside: tuple[Path, ...]  # the files the current database was moved to
    backup_before: Path | None  # a backup of the current database, when it could be read


def resolve_backup(db_path: Path, name: str) -> Path:
    """A backup given by path or by its file name in the backups folder."""
    given = Path(name)
    if given.is_file():
        return given
    candidate = backup_dir(db_path) / given.name
    if candidate.is_file():
        return candidate
    raise BackupError(f"找不到备份“{name}”（可用 jixiao-desktop backups 列出全部备份）")


def verify_backup(path: Path) -> None:
    """Raise ``BackupError`` unless ``path`` is a whole database of ours."""
    if not Path(path).is_file():
        raise BackupError(f"备份“{Path(path).name}”已不存在（可能已按保留规则自动清理），请选择另一个备份")
    problems = integrity.check_file(path, full=True)
    if problems:
        raise BackupError(f"备份“{path.name}”本身已损坏（{problems[0]}），不能用来恢复；请选择另一个备份")
    try:
        with integrity.open_read_only(path, immutable=True) as con:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error as exc:
        raise BackupError(f"备份“{path.name}”无法读取（{exc}）") from exc
    if not tables >= integrity.OUR_TABLES:
        raise BackupError(f"“{path.name}”不是绩效目标申报助手的数据库备份")


def _why(exc: BaseException, near: Path) -> str:
    """Why copying failed, in Chinese (a full disk said so; never SQLite's English)."""
    from jixiao_desktop.storage.db import DISK_FULL_MESSAGE, disk_full_near
    from jixiao_desktop.storage.errors import describe_db_error, sqlite_error_code

    if isinstance(exc, sqlite3.Error) and (sqlite_error_code(exc) == 13 or disk_full_near(near)):
        return DISK_FULL_MESSAGE
    if isinstance(exc, OSError):
        return describe_os_error(exc)
    return describe_db_error(exc)


def restore_backup(db_path: Path, backup: Path) -> RestoreResult:
    """Put ``backup`` in place of the database at ``db_path`` (no window may have it open).

    Raises:
        BackupError: the backup is damaged or not ours, or a file could not be moved; the
            database is then as it was.
    """
    db_path = Path(db_path)
    restore_journal.recover(db_path)  # an earlier restore killed half-way is finished first
    verify_backup(backup)
    before: Path | None = None
    if db_path.is_file():
        try:
            before = take_backup(db_path, "restore")
        except (BackupError, DatabaseDamagedError):
            before = None  # a damaged current file: it is kept by moving it aside below
    stamp = datetime.now().strftime(_STAMP)
    tmp = restore_journal.tmp_path(db_path)
    try:
        source = sqlite3.connect(integrity.read_only_uri(backup, immutable=True), uri=True)
        try:
            dest = sqlite3.connect(tmp)
            try:
                source.backup(dest)
            finally:
                dest.close()
        finally:
            source.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        restore_journal._step("copied")
    except (sqlite3.Error, OSError) as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise BackupError(f"恢复失败，数据库未作改动：{_why(exc, db_path)}") from exc
    try:
        # Journaled: a kill between the renames is finished at the next opening (restore_journal).
        moved = restore_journal.swap_in(db_path, stamp)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise BackupError(f"恢复失败，数据库未作改动：{describe_os_error(exc)}") from exc
    log.info("restored %s from %s; the old file is at %s", db_path, backup, moved)
    return RestoreResult(backup, tuple(moved), before)
