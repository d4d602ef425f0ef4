"""The SQLite engine and the schema upgrade at start-up.

Every connection gets WAL, ``synchronous=FULL``, foreign keys and a busy timeout (the last
three are per connection, so they are set in the ``connect`` event). SQLAlchemy, not the
``sqlite3`` module, emits BEGIN: that makes DDL transactional (a failed migration leaves the
file as it was) and lets write use cases take the write lock up front (``BEGIN IMMEDIATE``),
so two windows on one file wait for each other instead of failing half-way.

``upgrade_to_head`` runs Alembic from code. When the file is already at the newest revision
it only reads ``alembic_version`` and never imports Alembic (that import alone costs ~0.1 s).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError

from jixiao_desktop.atomic import describe_os_error
from jixiao_desktop.paths import is_database_url
from jixiao_desktop.storage.errors import DatabaseVersionError, StorageError, describe_db_error

log = logging.getLogger(__name__)

# The newest revision in migrations/versions/ (a test keeps this in step with Alembic).
SCHEMA_HEAD = "0002"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
DEFAULT_BUSY_TIMEOUT_MS = 5000
# Execution option that makes a transaction start with BEGIN IMMEDIATE.
WRITE_OPTION = "jixiao_write"


SERVER_SCHEMES = ("postgresql://", "postgresql+psycopg://", "postgres://")


def is_sqlite(engine: Engine | Connection) -> bool:
    return engine.dialect.name == "sqlite"


def create_engine_for(db_path: str | Path, *, busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS) -> Engine:
    """An engine on the SQLite file at ``db_path`` (the folder is created if missing), or on
    the PostgreSQL server a ``postgresql+psycopg://user@host/dbname`` URL names.

    Raises:
        StorageError: the folder cannot be created; an unsupported or malformed URL.
    """
    if is_database_url(db_path):
        return _server_engine(str(db_path))
    path = Path(db_path).expanduser()
    if path.is_dir():
        raise StorageError(f"“{path}”是一个文件夹，不是数据库文件")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"无法创建数据库所在的文件夹“{path.parent}”：{describe_os_error(exc)}") from exc
    # URL.create: no parsing, so "?" or "#" in a folder name stay part of the path.
    engine = create_engine(URL.create("sqlite", database=str(path)))
    timeout = int(busy_timeout_ms)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # SQLAlchemy emits BEGIN itself (see _on_begin); sqlite3 must not.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        try:
            cur.execute(f"PRAGMA busy_timeout={timeout}")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA foreign_keys=ON")
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get(WRITE_OPTION, False)
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
    """The same engine, starting every transaction with BEGIN IMMEDIATE."""
    return engine.execution_options(**{WRITE_OPTION: True})


@contextmanager
def translate_errors(action: str = "") -> Iterator[None]:
    """Turn SQLite failures into ``StorageError`` with a Chinese message."""
    try:
        yield
    except DBAPIError as exc:
        message = describe_db_error(exc)
        raise StorageError(f"{action}：{message}" if action else message) from exc
    except sqlite3.Error as exc:
        message = describe_db_error(exc)
        raise StorageError(f"{action}：{message}" if action else message) from exc


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


def upgrade_to_head(engine: Engine, *, backup_dir: Path | None = None) -> bool:
    """Bring the database to the newest schema; return whether anything was migrated.

    A database with data is first copied to ``<file>.before-<head>.bak`` (next to it, or in
    ``backup_dir``). The upgrade runs in one transaction: it completes or changes nothing.

    Raises:
        DatabaseVersionError: the database was written by a newer version of the app
            (unknown revision); nothing is changed.
        StorageError: not our database, unreadable, or the upgrade failed.
    """
    with translate_errors("无法打开数据库"), engine.connect() as conn:
        current = current_revisions(conn)
        conn.rollback()
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
    """Copy the database (consistently, through SQLite's backup API) before migrating it."""
    source = Path(str(engine.url.database))
    folder = backup_dir or source.parent
    stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    target = folder / f"{source.name}.before-{SCHEMA_HEAD}-{stamp}.bak"
    tmp = target.with_suffix(".tmp")
    try:
        with translate_errors("升级前备份数据库失败，数据库未作改动"), engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert isinstance(raw, sqlite3.Connection)
            dest = sqlite3.connect(tmp)
            try:
                raw.backup(dest)
            finally:
                dest.close()
            conn.rollback()
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(f"升级前备份数据库失败，数据库未作改动：{describe_os_error(exc)}") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    log.info("database at %s backed up to %s", current, target)
