"""A real PostgreSQL server for the tests: started once per test session, stopped after.

``initdb`` into a fresh temporary folder, ``pg_ctl start`` listening on a private Unix socket
in that folder only (no TCP port: nothing else on the machine can reach it), and ``pg_ctl
stop`` plus removal of the folder at the end. PostgreSQL refuses to run as root; as root
(CI) the server runs as the ``postgres`` user Debian's package creates. Never a mock.

``private_server()`` is the server as a context manager (``benchmarks/bench_bureau.py`` uses it
too). Fixtures (imported by ``tests/conftest.py``):

- ``pg_server``: the running server (session scope); skips with the reason when PostgreSQL is
  not installed (``.ci/run`` installs Debian's ``postgresql``).
- ``db_target``: parametrised ``sqlite`` / ``postgresql``: what ``--db`` and
  ``FormRepository.open`` take — a file path, or the URL of a new empty database.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

if sys.platform != "win32":  # the Windows Python runs these tests too (packaging/windows)
    import pwd

PG_ROOTS = (Path("/usr/lib/postgresql"),)


def _pg_bin() -> Path | None:
    """The folder of the newest installed ``initdb``/``pg_ctl``."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    for root in PG_ROOTS:
        if root.is_dir():
            versions = sorted((p for p in root.iterdir() if (p / "bin" / "initdb").exists()),
                              key=lambda p: int(p.name) if p.name.isdigit() else 0)
            if versions:
                return versions[-1] / "bin"
    return None


@dataclass
class PgServer:
    folder: Path
    socket_dir: Path
    user: str = "jixiao"
    _counter: itertools.count[int] = itertools.count(1)  # noqa: RUF009 - one per session

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@/{database}?host={self.socket_dir}"

    def _admin(self) -> object:
        import psycopg

        return psycopg.connect(host=str(self.socket_dir), user=self.user, dbname="postgres",
                               autocommit=True)

    def create_database(self) -> str:
        name = f"jixiao_test_{os.getpid()}_{next(self._counter)}"
        with contextlib.closing(self._admin()) as conn:  # type: ignore[type-var]
            conn.execute(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0')  # type: ignore[attr-defined]
        return name

    def drop_database(self, name: str) -> None:
        with contextlib.closing(self._admin()) as conn:  # type: ignore[type-var]
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[attr-defined]


def _as_server_user(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--", *cmd]


def _stop_orphans(bin_dir: Path) -> None:
    """Stop servers left by test sessions that were killed (a timeout's SIGTERM skips the
    fixture's teardown): each folder names the pid of its session; a dead pid's server goes."""
    for folder in Path(tempfile.gettempdir()).glob("jixiao-pg-*"):
        try:
            owner = int((folder / "session.pid").read_text())
        except (OSError, ValueError):
            continue
        try:
            os.kill(owner, 0)
            continue  # that session is still running
        except ProcessLookupError:
            pass
        except PermissionError:
            continue
        if (folder / "data" / "postmaster.pid").exists():
            subprocess.run(_as_server_user([str(bin_dir / "pg_ctl"), "-D", str(folder / "data"), "-m",
                                            "immediate", "-w", "stop"]), check=False, capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


class PgUnavailable(Exception):
    """PostgreSQL (or psycopg, or the ``postgres`` user as root) is not there; the reason in Chinese."""


class PgStartError(Exception):
    """``initdb`` or ``pg_ctl start`` failed; the message has their output and the server's log."""


@contextlib.contextmanager
def private_server(*, durable: bool = False) -> Iterator[PgServer]:
    """A private server for as long as the ``with`` lasts: ``initdb`` in a new temporary folder,
    a Unix socket in it only, stopped and removed after. ``durable``: keep PostgreSQL's own
    fsync and full-page writes (what a real server does; the benchmark measures both); the tests
    run without them. Also used by ``benchmarks/bench_bureau.py``."""
    bin_dir = _pg_bin()
    if sys.platform == "win32":
        raise PgUnavailable("私有 PostgreSQL 测试服务器只在 Linux 上启动（Unix 套接字）；Windows 上这些测试只跑 SQLite")
    if bin_dir is None:
        raise PgUnavailable("PostgreSQL 未安装（Debian：apt-get install postgresql；.ci/run 会自动安装）")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise PgUnavailable("未安装 psycopg（pip install 'psycopg[binary]'）") from None
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            raise PgUnavailable("以 root 运行但系统中没有 postgres 用户，无法启动 PostgreSQL") from None
    _stop_orphans(bin_dir)
    folder = Path(tempfile.mkdtemp(prefix="jixiao-pg-"))
    data, sock = folder / "data", folder / "sock"
    sock.mkdir()
    (folder / "session.pid").write_text(str(os.getpid()))
    if os.geteuid() == 0:
        for path in (folder, sock):
            os.chown(path, owner.pw_uid, owner.pw_gid)
    log = folder / "server.log"
    started = False
    try:
        try:
            subprocess.run(_as_server_user([str(bin_dir / "initdb"), "-D", str(data), "-U", "jixiao",
                                             "-A", "trust", "-E", "UTF8", "--no-locale",
                                             *([] if durable else ["--no-sync"])]),
                           check=True, capture_output=True)
            options = f"-k {sock} -c listen_addresses=''"
            if not durable:
                options += " -c fsync=off -c full_page_writes=off"
            subprocess.run(_as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options,
                                            "-l", str(log), "-w", "-t", "60", "start"]),
                           check=True, capture_output=True)
        except subprocess.CalledProcessError as exc:
            detail = (exc.stderr or b"").decode(errors="replace")
            if log.exists():
                detail += log.read_text(errors="replace")
            raise PgStartError(f"PostgreSQL 未能启动：{detail}") from exc
        started = True
        yield PgServer(folder=folder, socket_dir=sock)
    finally:
        if started:
            subprocess.run(_as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast",
                                            "-w", "stop"]), check=False, capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    try:
        with private_server() as server:
            yield server
    except PgUnavailable as exc:
        pytest.skip(str(exc))
    except PgStartError as exc:
        pytest.fail(str(exc))


# Modules whose tests reach into the SQLite file itself (sqlite3, file copies, pragmas): their
# ``repo``/``db_target`` stays SQLite. Every other test asking for ``db_target`` runs twice.
SQLITE_ONLY_MODULES = {"test_storage_failures", "test_storage_migrations"}


def parametrize_db_target(metafunc: pytest.Metafunc) -> None:
    """``pytest_generate_tests``: each test using ``db_target`` on SQLite and on PostgreSQL."""
    if "db_target" not in metafunc.fixturenames:
        return
    module = metafunc.module.__name__.rsplit(".", 1)[-1]
    backends = ["sqlite"] if module in SQLITE_ONLY_MODULES else ["sqlite", "postgresql"]
    metafunc.parametrize("db_target", backends, indirect=True)


@pytest.fixture
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new empty database: a SQLite file path, or a PostgreSQL URL on the test server."""
    if getattr(request, "param", "sqlite") == "sqlite":
        yield str(tmp_path / "用户数据" / "jixiao.db")  # = tests/storage db_path
        return
    server: PgServer = request.getfixturevalue("pg_server")
    name = server.create_database()
    try:
        yield server.url(name)
    finally:
        server.drop_database(name)
