"""The SQLite engine and the schema upgrade at start-up.

Every connection gets WAL, ``synchronous=FULL``, foreign keys and a busy timeout (the last
three are per connection, so they are set in the ``connect`` event). SQLAlchemy, not the
``sqlite3`` module, emits BEGIN: that makes DDL transactional (a failed migration leaves the
file as it was) and lets write use cases take the write lock up front (``BEGIN IMMEDIATE``),
so two windows on one file wait for each other instead of failing half-way.

Safety (issue 7): ``integrity.probe`` looks at the file before the engine does (a zero-byte or
damaged file is never taken as a new database; another program's database is refused before
WAL mode is switched on in it); ``upgrade_to_head`` runs ``PRAGMA quick_check`` first; the
write transaction's BEGIN hook takes the day's first backup and refuses to write when the
database file or its WAL was replaced behind this process's back (``DatabaseReplacedError``).
``is_open_here`` tells whether this process holds SQLite connections on a file, so that nothing
reads it by hand then (closing any descriptor drops the process's fcntl locks on POSIX).

``upgrade_to_head`` runs Alembic from code. When the file is already at the newest revision
it only reads ``alembic_version`` and never imports Alembic (that import alone costs ~0.1 s).
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError

from jixiao_desktop.atomic import describe_os_error
from jixiao_desktop.paths import is_database_url
from jixiao_desktop.storage.errors import (
    DatabaseDamagedError,
    DatabaseReplacedError,
    DatabaseVersionError,
    StorageError,
    describe_db_error,
    sqlite_error_code,
)
from jixiao_desktop.storage.listing import SCHEMA_HEAD

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
DEFAULT_BUSY_TIMEOUT_MS = 5000
# Execution option that makes a transaction start with BEGIN IMMEDIATE.
WRITE_OPTION = "jixiao_write"


SERVER_SCHEMES = ("postgresql://", "postgresql+psycopg://", "postgres://")


def is_sqlite(engine: Engine | Connection) -> bool:
    return engine.dialect.name == "sqlite"


@dataclass
class _FileState:
    """What this process knows about one database file while it holds connections on it."""

    connections: int = 0
    db_ident: tuple[int, int] | None = None
    wal_ident: tuple[int, int] | None = None
    replaced: str = ""
    backup_day: date | None = None
    read_only: str = ""


_STATES: dict[str, _FileState] = {}
_STATES_LOCK = threading.Lock()


def _key(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


def _state(path: Path) -> _FileState:
    with _STATES_LOCK:
        return _STATES.setdefault(_key(path), _FileState())


def is_open_here(path: Path) -> bool:
    """Whether this process holds SQLite connections on ``path`` now."""
    state = _STATES.get(_key(Path(path)))
    return state is not None and state.connections > 0


def replaced_problem(path: Path) -> str:
    """The Chinese message when the file was found replaced behind this process, else ''."""
    state = _STATES.get(_key(Path(path)))
    return state.replaced if state is not None else ""


def _ident(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)  # stat only: never open the file behind SQLite's back
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _replaced_message(path: Path, what: str) -> str:
    return (f"数据库文件“{path}”{what}（可能被其他程序替换、恢复或删除）。为避免写坏数据，本窗口已停止保存；"
            "窗口中的内容还在：请先用“导出”把当前表单另存为文件，然后关闭并重新打开程序")


def _check_identity(path: Path, state: _FileState) -> None:
    if state.replaced:
        raise DatabaseReplacedError(state.replaced)
    current = _ident(path)
    if state.db_ident is not None and current != state.db_ident:
        state.replaced = _replaced_message(path, "在打开期间被移走或换成了另一个文件" if current else "在打开期间被删除")
        log.error("database file %s replaced under an open connection", path)
        raise DatabaseReplacedError(state.replaced)
    wal = Path(str(path) + "-wal")
    if state.wal_ident is None:
        state.wal_ident = _ident(wal)
        return
    if _ident(wal) != state.wal_ident:
        state.replaced = _replaced_message(path, "的日志文件（-wal）在打开期间被删除或替换")
        log.error("WAL of %s replaced under an open connection", path)
        raise DatabaseReplacedError(state.replaced)


def identity_intact(path: Path) -> bool:
    """Whether the file and its WAL are still the ones this process opened (if not, the next
    write is refused with ``DatabaseReplacedError``, as at ``BEGIN``)."""
    state = _STATES.get(_key(Path(path)))
    if state is None:
        return True
    try:
        _check_identity(Path(path), state)
    except DatabaseReplacedError:
        return False
    return True


def read_only_problem(path: Path) -> str:
    """Why the database opened read-only (a read-only file or folder), '' when it is writable."""
    state = _STATES.get(_key(Path(path)))
    return state.read_only if state is not None else ""


def _connect_read_only(path: Path) -> sqlite3.Connection:
    from jixiao_desktop.storage.integrity import read_only_uri

    if os.access(path, os.W_OK):  # only the folder is read-only: share its -wal/-shm if there
        try:
            con = sqlite3.connect(read_only_uri(path), uri=True)
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return con
        except sqlite3.OperationalError:  # WAL mode and no -shm can be made there
            pass
    # A read-only file nobody can change: read it as it is, leaving no -wal/-shm behind.
    return sqlite3.connect(read_only_uri(path, immutable=True), uri=True)


def disk_full_near(path: Path) -> bool:
    """Whether the disk holding ``path`` (or its nearest existing folder) is (nearly) full."""
    folder = Path(path)
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        return shutil.disk_usage(folder).free < 256 * 1024
    except OSError:
        return False


DISK_FULL_MESSAGE = "磁盘空间已满，无法打开或保存数据库。请清理磁盘（删除不用的文件、清空回收站）后再打开"


def _daily_backup(dbapi_conn: sqlite3.Connection, path: Path, state: _FileState) -> None:
    """The first write of each day backs the database up first (never blocking the write)."""
    from jixiao_desktop.storage import backups

    today = date.today()
    if state.backup_day == today:
        return
    try:
        if not backups.holds_forms(dbapi_conn):
            return  # nothing stored yet: ask again at the next write
        state.backup_day = today
        if not backups.has_backup_on(path, today):
            backups.backup_connection(dbapi_conn, path, "daily")
    except (StorageError, sqlite3.Error, OSError) as exc:
        state.backup_day = today  # do not retry (and slow) every save today
        log.warning("daily backup of %s failed: %s", path, exc)


def create_engine_for(db_path: str | Path, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS,
                      probe: bool = True) -> Engine:
    """An engine on the SQLite file at ``db_path`` (the folder is created if missing), or on
    the PostgreSQL server a ``postgresql+psycopg://user@host/dbname`` URL names.

    Raises:
        StorageError: the folder cannot be created; an unsupported or malformed URL; or (``probe``) the file is a folder,
            damaged (``DatabaseDamagedError``) or another program's database
            (``NotOurDatabaseError``) — then nothing in it was changed.
    """
    if is_database_url(db_path):
        return _server_engine(str(db_path))
    from jixiao_desktop.storage import integrity

    path = Path(db_path).expanduser()
    if path.is_dir():
        raise StorageError(f"“{path}”是一个文件夹，不是数据库文件。请选择数据库文件（jixiao.db），或把这个文件夹改名后再打开")
    from jixiao_desktop.storage import restore_journal

    restore_journal.recover(path)  # a restore killed half-way is finished before anything opens the file
    if probe:
        integrity.probe(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if disk_full_near(path.parent):
            raise StorageError(DISK_FULL_MESSAGE) from exc
        raise StorageError(f"无法创建数据库所在的文件夹“{path.parent}”：{describe_os_error(exc)}") from exc
    state = _state(path)
    # A read-only file or folder: open read-only (immutable when SQLite cannot make its -shm
    # there), so the forms can still be read and exported; every write says "只读".
    read_only = integrity.writable_problem(path) if path.is_file() else ""
    state.read_only = read_only
    # URL.create: no parsing, so "?" or "#" in a folder name stay part of the path.
    url = URL.create("sqlite", database=str(path))
    engine = create_engine(url, creator=lambda: _connect_read_only(path)) if read_only else create_engine(url)
    timeout = int(busy_timeout_ms)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # SQLAlchemy emits BEGIN itself (see _on_begin); sqlite3 must not.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        try:
            cur.execute(f"PRAGMA busy_timeout={timeout}")
            if not read_only:
                cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA foreign_keys=ON")
        finally:
            cur.close()
        with _STATES_LOCK:
            state.connections += 1
            if state.connections == 1:
                state.db_ident = _ident(path)
                state.wal_ident = _ident(Path(str(path) + "-wal"))

    @event.listens_for(engine, "close")
    def _on_close(_dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        with _STATES_LOCK:
            state.connections = max(0, state.connections - 1)
            if state.connections == 0:  # SQLite may delete the WAL now: forget what it was
                state.db_ident = state.wal_ident = None

    @event.listens_for(engine, "close_detached")
    def _on_close_detached(dbapi_conn: sqlite3.Connection) -> None:
        _on_close(dbapi_conn, None)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get(WRITE_OPTION, False)
        if write:
            _check_identity(path, state)
            raw = conn.connection.dbapi_connection
            if isinstance(raw, sqlite3.Connection):
                _daily_backup(raw, path, state)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def _server_engine(url_text: str) -> Engine:
    """A PostgreSQL engine (psycopg 3). The SQLite pragmas and BEGIN IMMEDIATE do not apply:
    PostgreSQL's row locks and the revision check on save keep concurrent reviewers apart."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    if not url_text.lower().startswith(SERVER_SCHEMES):
        raise StorageError(f"不支持的数据库地址“{url_text}”：请使用数据库文件路径，"
                           "或 postgresql+psycopg://用户@服务器/数据库名")
    try:
        url = make_url(url_text)
    except ArgumentError as exc:
        raise StorageError(f"数据库地址“{url_text}”格式不对：{exc}") from exc
    url = url.set(drivername="postgresql+psycopg")
    if not url.database:
        raise StorageError(f"数据库地址“{url_text}”中缺少数据库名（…/数据库名）")
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise StorageError("未安装 PostgreSQL 驱动 psycopg，无法连接数据库服务器"
                           "（pip install 'psycopg[binary]'）") from exc
    return create_engine(url, pool_pre_ping=True)


def describe_target(engine: Engine) -> str:
    """The database as a user names it: the file path, or the URL without a password."""
    if is_sqlite(engine):
        return str(engine.url.database)
    return engine.url.render_as_string(hide_password=True)


def write_engine(engine: Engine) -> Engine:
    """The same engine, starting every transaction with BEGIN IMMEDIATE (SQLite: one writer at
    a time). On PostgreSQL writes run at REPEATABLE READ: of two reviewers saving the same form
    at the same moment, the second one's transaction fails as a whole (a serialization failure,
    told in Chinese) instead of both passing the revision check and one overwriting the other."""
    if not is_sqlite(engine):
        return engine.execution_options(**{WRITE_OPTION: True}, isolation_level="REPEATABLE READ")
    return engine.execution_options(**{WRITE_OPTION: True})


def _translated(exc: BaseException, action: str, path: Path | None) -> StorageError:
    code = sqlite_error_code(exc)
    message = describe_db_error(exc)
    if code in (10, 13, 14) and path is not None and disk_full_near(path):  # IOERR, FULL, CANTOPEN
        message = DISK_FULL_MESSAGE
    text = f"{action}：{message}" if action else message
    if code in (11, 26):  # SQLITE_CORRUPT, SQLITE_NOTADB
        from jixiao_desktop.storage.integrity import DAMAGED_HINT

        return DatabaseDamagedError(f"{text}。{DAMAGED_HINT}", db_path=path)
    return StorageError(text)


@contextmanager
def translate_errors(action: str = "", path: Path | None = None) -> Iterator[None]:
    """Turn SQLite failures into ``StorageError`` with a Chinese message.

    A damaged file comes out as ``DatabaseDamagedError``; an I/O failure on a full disk says so.
    """
    try:
        yield
    except DBAPIError as exc:
        raise _translated(exc, action, path) from exc
    except sqlite3.Error as exc:
        raise _translated(exc, action, path) from exc


def _table_names(conn: Connection) -> set[str]:
    if not is_sqlite(conn):
        from sqlalchemy import inspect

        return set(inspect(conn).get_table_names())
    rows = conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    return {row[0] for row in rows}


def current_revisions(conn: Connection) -> tuple[str, ...] | None:
    """The revisions stamped in the database; ``None`` for an empty (new) database.

    Raises:
        StorageError: the file holds tables but is not one of ours.
    """
    tables = _table_names(conn)
    if "alembic_version" not in tables:
        if tables:
            raise StorageError("该文件是其他程序的数据库，不是绩效目标申报助手的数据库，未作任何改动")
        return None
    rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
    return tuple(sorted(row[0] for row in rows)) or None


def _alembic_config() -> Any:
    from alembic.config import Config

    cfg = Config()  # no alembic.ini at run time
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def _engine_path(engine: Engine) -> Path:
    return Path(str(engine.url.database))


def quick_check(engine: Engine, *, full: bool = False) -> list[str]:
    """SQLite's ``quick_check`` (``full``: ``integrity_check``): the problems found, [] if whole."""
    from jixiao_desktop.storage.integrity import run_check

    with translate_errors("检查数据库失败", _engine_path(engine)), engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert isinstance(raw, sqlite3.Connection)
        problems = run_check(raw, full=full)
        conn.rollback()
    return problems


def upgrade_to_head(engine: Engine, *, backup_dir: Path | None = None, check: bool = True,
                    checked: list[str] | None = None) -> bool:
    """Bring the database to the newest schema; return whether anything was migrated.

    ``check``: run ``PRAGMA quick_check`` first, or take ``checked``, the problems a
    ``quick_check`` of this file just found (``integrity.quick_check_ahead``). A database with data is first backed up
    (``backups/<stem>-…-migration.db``, or into ``backup_dir``). The upgrade runs in one
    transaction: it completes or changes nothing.

    Raises:
        DatabaseVersionError: the database was written by a newer version of the app
            (unknown revision); nothing is changed.
        DatabaseDamagedError: ``quick_check`` found damage; nothing is changed.
        StorageError: not our database, unreadable, or the upgrade failed.
    """
    path = _engine_path(engine) if is_sqlite(engine) else None
    with translate_errors("无法打开数据库", path), engine.connect() as conn:
        current = current_revisions(conn)
        conn.rollback()
    if check and current is not None and is_sqlite(engine):
        problems = quick_check(engine) if checked is None else checked
        if problems:
            from jixiao_desktop.storage.integrity import damaged_from_problems

            raise damaged_from_problems(_engine_path(engine), problems)
    if current == (SCHEMA_HEAD,):
        return False
    return _upgrade(engine, "head", current, backup_dir=backup_dir)


def upgrade_to(engine: Engine, revision: str) -> None:
    """Migrate to a given revision (tests and ``tests/storage/make_old_db.py`` use this)."""
    with translate_errors("无法打开数据库"), engine.connect() as conn:
        current = current_revisions(conn)
        conn.rollback()
    _upgrade(engine, revision, current, backup_dir=None, backup=False)


def _upgrade(engine: Engine, target: str, current: tuple[str, ...] | None, *,
             backup_dir: Path | None, backup: bool = True) -> bool:
    from alembic import command
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    cfg = _alembic_config()
    script = ScriptDirectory.from_config(cfg)
    for revision in current or ():
        try:
            known = script.get_revision(revision) is not None
        except CommandError:
            known = False
        if not known:
            raise DatabaseVersionError(
                f"数据库是由更新版本的绩效目标申报助手写入的（数据库版本 {revision}），"
                "本程序无法打开。请升级绩效目标申报助手后再打开；数据库未作任何改动"
            )
    if current is not None and backup and is_sqlite(engine):
        # A PostgreSQL server is backed up by its administrator (pg_dump), not by the app.
        _backup(engine, current, backup_dir)
    log.info("upgrading database %s from %s to %s", engine.url.database, current, target)
    try:
        with translate_errors("数据库升级失败，数据库未作改动"), engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, target)
    except CommandError as exc:
        raise StorageError(f"数据库升级失败，数据库未作改动（{exc}）") from exc
    return True


def _backup(engine: Engine, current: tuple[str, ...], backup_dir: Path | None) -> None:
    """Back the database up (SQLite's backup API, into the backups folder) before migrating it."""
    from jixiao_desktop.storage import backups

    source = _engine_path(engine)
    named = backup_dir / source.name if backup_dir is not None else source
    with translate_errors("升级前备份数据库失败，数据库未作改动", source), engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert isinstance(raw, sqlite3.Connection)
        try:
            target = backups.backup_connection(raw, named, "migration")
        except StorageError as exc:
            raise StorageError(f"升级前备份数据库失败，数据库未作改动：{exc}") from exc
        finally:
            conn.rollback()
    log.info("database at %s backed up to %s", current, target)
