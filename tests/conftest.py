"""Shared fixtures. Qt runs offscreen; every test gets its own folders."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.model import Form
from tests.pg_server import db_target, parametrize_db_target, pg_server  # noqa: F401 - a real PostgreSQL server

# Generated-input tests: no per-example deadline (a shared 2-core CI machine is slow at times);
# in CI the examples are derandomised so that a green run stays green on the same code.
settings.register_profile("dev", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", parent=settings.get_profile("dev"), derandomize=True, database=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

FIXTURES = Path(__file__).parent / "fixtures"
JINRONGJIE = FIXTURES / "jinrongjie-2021.json"
NIUJIE = FIXTURES / "niujie-2021.json"


@pytest.fixture
def jinrongjie() -> Form:
    """The 金融街 2021 form exactly as the clerk typed it (layout A, nine rows)."""
    return exchange.load(JINRONGJIE)


@pytest.fixture
def niujie() -> Form:
    """The 牛街 2021 form exactly as the clerk typed it (layout B, 产出指标一…五)."""
    return exchange.load(NIUJIE)


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real per-user database or settings from a test."""
    monkeypatch.setenv("JIXIAO_DB", str(tmp_path / "jixiao-test.db"))
    monkeypatch.setenv("JIXIAO_CONFIG_DIR", str(tmp_path / "config"))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    parametrize_db_target(metafunc)


# Qt and PySide destroy their C++ objects during interpreter shutdown in an order CPython does not
# control; a crash there (seen once on a loaded machine: SIGSEGV after pytest's summary line, every
# test passed) would turn a green run red. Once pytest has reported, leave with its own status
# and skip the interpreter's teardown (fixtures, servers and temporary folders are finished by then).
_EXIT_STATUS: list[int] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _EXIT_STATUS.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    if _EXIT_STATUS and not os.environ.get("JIXIAO_TEST_NATURAL_EXIT"):
        import sys

        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_EXIT_STATUS[-1])
