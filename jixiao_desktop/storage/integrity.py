"""Is the database file whole, and what can still be read from one that is not.

- ``probe(db_path)``: before any engine touches the file. A missing file is a new database; a
  zero-byte file, a file shorter than SQLite's header or with a foreign header is *damaged*
  (never taken as a new database, never written to); another program's SQLite database is
  refused before anything (WAL mode included) is changed in it.
- ``quick_check`` / ``integrity_check``: SQLite's own checks (``PRAGMA quick_check`` at every
  start — a few milliseconds for a hundred forms — and ``integrity_check`` on demand).
- ``salvage``: every form that still loads from a damaged file, written out as
  ``.jixiao.json`` files (from a copy of the file, so the damaged one is never touched).

Files are never opened behind SQLite's back while this process has the database open (POSIX
drops *all* of a process's fcntl locks on a file when *any* descriptor of it is closed, and the
next SQLite client would then delete the live WAL): ``db.is_open_here`` guards the byte reads.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from jixiao_desktop.storage.errors import DatabaseDamagedError, NotOurDatabaseError, StorageError

SQLITE_HEADER = b"SQLite format 3\x00"
HEADER_SIZE = 100
OUR_TABLES = frozenset({"alembic_version", "forms"})
MAX_PROBLEMS = 20

DAMAGED_HINT = "程序没有改动这个文件。可以先导出仍能读取的表单，再从备份恢复（菜单“文件 → 恢复备份…”）"


def _registry_is_open(path: Path) -> bool:
    # Nothing is open in this process before storage.db is loaded: not importing it here keeps
    # SQLAlchemy out of the commands that read with plain sqlite3 (``list``).
    db = sys.modules.get("jixiao_desktop.storage.db")
    return db is not None and bool(db.is_open_here(path))


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    """An SQLite URI that opens ``path`` read-only (never creating it)."""
    uri = "file:" + quote(str(Path(path).resolve()).replace("\\", "/"), safe="/:")
    return uri + ("?mode=ro&immutable=1" if immutable else "?mode=ro")


@contextlib.contextmanager
def open_read_only(path: Path, *, immutable: bool = False) -> Iterator[sqlite3.Connection]:
    """A plain read-only ``sqlite3`` connection (closed afterwards)."""
    con = sqlite3.connect(read_only_uri(path, immutable=immutable), uri=True)
    try:
        yield con
    finally:
        con.close()


def _damaged(path: Path, what: str) -> DatabaseDamagedError:
    return DatabaseDamagedError(f"数据库文件“{path}”已损坏：{what}。{DAMAGED_HINT}", db_path=path)


def probe(db_path: Path) -> None:
    """Refuse a file that must not be opened as our database; nothing is written.

    Raises:
        DatabaseDamagedError: zero bytes, truncated header, not an SQLite file, or SQLite says
            the file is malformed.
        NotOurDatabaseError: an SQLite database of another program (left exactly as it was).
        StorageError: a folder at the path.
    """
    path = Path(db_path)
    try:
        st = path.stat()
    except FileNotFoundError:
        return  # a new database
    except OSError:
        return  # opening reports it in its own words
    if path.is_dir():
        raise StorageError(f"“{path}”是一个文件夹，不是数据库文件。请选择数据库文件（jixiao.db），或把这个文件夹改名后再打开")
    if _registry_is_open(path):
        return  # already open in this process: it was probed then, and must not be read by hand now
    if st.st_size == 0:
        raise DatabaseDamagedError(
            f"数据库文件“{path}”是空的（0 字节），可能在复制、同步或断电时损坏。程序没有把它当作新数据库使用，"
            "也没有改动它。请从备份恢复（菜单“文件 → 恢复备份…”）", db_path=path)
    try:
        with path.open("rb") as fh:
            header = fh.read(HEADER_SIZE)
    except OSError:
        return
    if not header.startswith(SQLITE_HEADER):
        if len(header) < len(SQLITE_HEADER):
            raise _damaged(path, f"文件不完整（只有 {st.st_size} 字节）")
        raise DatabaseDamagedError(
            f"“{path}”不是可读取的数据库文件：文件开头已损坏，或者它根本不是绩效目标申报助手的数据库。{DAMAGED_HINT}",
            db_path=path)
    if len(header) < HEADER_SIZE:
        raise _damaged(path, f"文件不完整（只有 {st.st_size} 字节）")
    _keep_unreadable_wal(path)
    tables = _table_names(path)
    if tables is not None and tables and not (OUR_TABLES & tables):
        raise NotOurDatabaseError(
            f"“{path}”是其他程序的数据库，不是绩效目标申报助手的数据库；程序没有打开它，也未作任何改动。"
            "请用 --db 指定绩效目标申报助手的数据库文件（jixiao.db）")


WAL_MAGIC = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")


def _keep_unreadable_wal(path: Path) -> Path | None:
    """Copy a ``-wal`` file SQLite cannot read aside before SQLite discards it (nothing deleted)."""
    wal = Path(str(path) + "-wal")
    try:
        if wal.stat().st_size == 0:
            return None
        with wal.open("rb") as fh:
            magic = fh.read(4)
    except OSError:
        return None
    if magic in WAL_MAGIC:
        return None
    from datetime import datetime

    target = wal.with_name(f"{wal.name}.unreadable-{datetime.now():%Y%m%d-%H%M%S}")
    try:
        shutil.copyfile(wal, target)
    except OSError:
        return None
    return target


def _table_names(path: Path) -> set[str] | None:
    """The table names, read without changing anything; None when it cannot be read that way."""
    # A read-only file: immutable at once (a mode=ro connection would leave -wal/-shm behind).
    for immutable in ((True,) if not os.access(path, os.W_OK) else (False, True)):
        try:
            with open_read_only(path, immutable=immutable) as con:
                rows = con.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
            return {str(r[0]) for r in rows if not str(r[0]).startswith("sqlite_")}
        except sqlite3.DatabaseError as exc:
            if _is_corruption(exc):
                raise _damaged(path, "SQLite 无法读取它的表结构") from exc
            continue  # e.g. a read-only folder without the -shm file: try immutable
    return None


def _is_corruption(exc: BaseException) -> bool:
    from jixiao_desktop.storage.errors import sqlite_error_code

    return sqlite_error_code(exc) in (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB


def _check_rows(con: sqlite3.Connection, pragma: str) -> list[str]:
    rows = con.execute(f"PRAGMA {pragma}({MAX_PROBLEMS})").fetchall()
    problems = [str(r[0]) for r in rows]
    return [] if problems == ["ok"] else problems


def run_check(con: sqlite3.Connection, *, full: bool) -> list[str]:
    """SQLite's ``quick_check`` (``full``: ``integrity_check``) on a connection: the problems, [] if whole."""
    try:
        return _check_rows(con, "integrity_check" if full else "quick_check")
    except sqlite3.DatabaseError as exc:
        return [str(exc)]


def check_file(path: Path, *, full: bool = True) -> list[str]:
    """Check a database file that is not open in this process (a backup): the problems, [] if whole."""
    try:
        with open_read_only(path, immutable=True) as con:
            return run_check(con, full=full)
    except sqlite3.Error as exc:
        return [str(exc)]


def check_open_database(path: Path, *, full: bool = True) -> list[str]:
    """``integrity_check`` on the live database (WAL included), also while this process has it open.

    A plain SQLite connection: SQLite shares its locks among the connections of one process, so
    this is safe beside the window's own (unlike opening the file by hand).
    """
    try:
        con = sqlite3.connect(str(path))
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        return run_check(con, full=full)
    finally:
        con.close()


def quick_check_ahead(path: Path) -> list[str] | None:
    """``quick_check`` of a database about to be opened, on a plain read-only connection: the
    problems, [] if whole; ``None`` when it could not run here (the opening then checks itself).

    The window runs it on a worker thread while SQLAlchemy is imported (SQLite lets go of
    Python's lock while it reads), so the check of a large file costs the clerk no time.
    """
    try:
        with open_read_only(path) as con:
            return _check_rows(con, "quick_check")
    except sqlite3.Error:
        return None


def damaged_row(what: str, exc: BaseException, db_path: object = None) -> DatabaseDamagedError:
    """A row that does not read back (bad JSON, a status or date this app never wrote)."""
    detail = str(exc).strip() or type(exc).__name__
    return DatabaseDamagedError(f"数据库中{what}的数据已损坏，无法读取（{detail[:200]}）。{DAMAGED_HINT}", db_path=db_path)


def _problem_lines(problems: list[str]) -> list[str]:
    lines = [" ".join(line.split()) for p in problems for line in p.splitlines()]
    return [line for line in lines if line and not line.startswith("***")]


def damaged_from_problems(path: Path, problems: list[str]) -> DatabaseDamagedError:
    lines = _problem_lines(problems) or ["未知问题"]
    first = lines[0][:160]
    more = f"等 {len(lines)} 处" if len(lines) > 1 else ""
    return _damaged(path, f"SQLite 检查发现问题（{first}{more}）")


# --- salvage ---------------------------------------------------------------------------------


@dataclass
class SalvagedForm:
    """One form found in a damaged file: ``form`` is None when it could not be read at all."""

    id: int
    label: str
    form: object | None  # domain Form
    source: str  # "form" (the stored form), "version" (its newest version), "" (unreadable)
    error: str = ""
    deleted: bool = False


@dataclass
class SalvageScan:
    forms: list[SalvagedForm] = field(default_factory=list)
    problem: str = ""  # why the list itself could not be read fully

    @property
    def readable(self) -> list[SalvagedForm]:
        return [f for f in self.forms if f.form is not None]

    @property
    def unreadable(self) -> list[SalvagedForm]:
        return [f for f in self.forms if f.form is None]


def _copy_for_reading(db_path: Path, folder: Path) -> Path:
    """Copy the file (with its WAL) so that reading it can change nothing of the original."""
    if _registry_is_open(db_path):
        raise StorageError("请先关闭数据库再读取其中的表单")
    target = folder / "damaged.db"
    shutil.copyfile(db_path, target)
    wal = Path(str(db_path) + "-wal")
    if wal.is_file():
        shutil.copyfile(wal, folder / "damaged.db-wal")
    return target


def _label(form_id: int, year: object, department: object) -> str:
    year_text = f"{year}年度" if isinstance(year, int) and year else ""
    name = str(department or "").strip() or "未填单位名称"
    return f"{year_text}{name}（编号 {form_id}）"


def scan(db_path: Path) -> SalvageScan:
    """Every form of a damaged database and whether it can still be read (from a copy)."""
    result = SalvageScan()
    with tempfile.TemporaryDirectory(prefix="jixiao-salvage-") as tmp:
        try:
            copy = _copy_for_reading(Path(db_path), Path(tmp))
        except OSError as exc:
            from jixiao_desktop.atomic import describe_os_error

            result.problem = f"无法读取文件：{describe_os_error(exc)}"
            return result
        _scan_copy(copy, result)
    return result


def _scan_copy(copy: Path, result: SalvageScan) -> None:
    from sqlalchemy import create_engine

    from jixiao_desktop.storage.repository import FormRepository

    def connect() -> sqlite3.Connection:
        con = sqlite3.connect(str(copy), check_same_thread=False)
        con.isolation_level = None
        return con

    engine = create_engine("sqlite://", creator=connect)
    repo = FormRepository(engine)
    try:
        con = connect()
        try:
            ids = _form_ids(con, result)
            for form_id, year, department, deleted in ids:
                label = _label(form_id, year, department)
                try:
                    form = repo.load(form_id).form
                    result.forms.append(SalvagedForm(form_id, label, form, "form", deleted=deleted))
                    continue
                except Exception as exc:  # any damage: try its newest version next
                    error = str(exc) or type(exc).__name__
                version = _newest_version(con, form_id)
                if version is not None:
                    result.forms.append(SalvagedForm(form_id, label, version, "version", error, deleted))
                else:
                    result.forms.append(SalvagedForm(form_id, label, None, "", error, deleted))
        finally:
            con.close()
    finally:
        repo.close()


def _form_ids(con: sqlite3.Connection, result: SalvageScan) -> list[tuple[int, object, object, bool]]:
    try:
        rows = con.execute("SELECT id, year, department, deleted_at IS NOT NULL FROM forms ORDER BY id").fetchall()
        return [(int(r[0]), r[1], r[2], bool(r[3])) for r in rows]
    except sqlite3.Error as exc:
        result.problem = f"表单列表无法完整读取（{exc}），已逐个查找"
    # The table's b-tree is damaged somewhere: look the ids up one by one.
    found: list[tuple[int, object, object, bool]] = []
    try:
        top = int(con.execute("SELECT max(id) FROM forms").fetchone()[0] or 0)
    except (sqlite3.Error, TypeError, ValueError):
        top = 2000
    for form_id in range(1, min(top, 100_000) + 1):
        try:
            row = con.execute("SELECT id, year, department, deleted_at IS NOT NULL FROM forms WHERE id = ?",
                              (form_id,)).fetchone()
        except sqlite3.Error:
            found.append((form_id, None, None, False))
            continue
        if row is not None:
            found.append((int(row[0]), row[1], row[2], bool(row[3])))
    return found


def _newest_version(con: sqlite3.Connection, form_id: int) -> object | None:
    from jixiao_desktop.domain import exchange

    try:
        rows = con.execute("SELECT document FROM snapshots WHERE form_id = ? ORDER BY id DESC",
                           (form_id,)).fetchall()
    except sqlite3.Error:
        return None
    for (document,) in rows:
        try:
            return exchange.loads(str(document))
        except exchange.ExchangeError:
            continue
    return None


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def salvage_file_name(item: SalvagedForm) -> str:
    from jixiao_desktop.domain import exchange

    name = _UNSAFE.sub("_", item.label)[:80].strip(" .") or f"表单{item.id}"
    suffix = "（来自历史版本）" if item.source == "version" else ""
    binned = "（回收站）" if item.deleted else ""
    return f"{item.id:03d}-{name}{suffix}{binned}{exchange.FILE_SUFFIX}"


def write_salvaged(items: list[SalvagedForm], folder: Path) -> list[Path]:
    """Write every readable form as a ``.jixiao.json`` file in ``folder``; the files written.

    Raises:
        OSError: the folder cannot be written (the files written so far stay).
    """
    from jixiao_desktop.atomic import atomic_write_bytes
    from jixiao_desktop.domain import exchange

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for item in items:
        if item.form is None:
            continue
        target = folder / salvage_file_name(item)
        atomic_write_bytes(target, exchange.dumps(item.form).encode("utf-8"))  # type: ignore[arg-type]
        written.append(target)
    return written


def writable_problem(db_path: Path) -> str:
    """Why changes to the database could not be saved (read-only file or folder), '' if they can."""
    path = Path(db_path)
    folder = path.parent
    if path.is_file() and not os.access(path, os.W_OK):
        return (f"数据库文件“{path}”是只读的，修改将无法保存。请在文件属性中取消“只读”"
                "（或把它复制到可写的文件夹），然后重新打开程序")
    if folder.is_dir() and not os.access(folder, os.W_OK):
        return (f"数据库所在的文件夹“{folder}”是只读的（或没有写入权限），修改将无法保存。"
                "请把数据放到可写的文件夹，或请管理员授予写入权限，然后重新打开程序")
    return ""
