"""Fixtures for the storage tests: a fresh database per test."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from jixiao_desktop.domain.model import Form
from jixiao_desktop.storage.repository import FormRepository


@pytest.fixture
def niujie_stored(niujie: Form) -> Form:
    """The 牛街 form as the database gives it back: its total "22,001.49" stored canonically."""
    stored = niujie.copy()
    assert stored.funds.total == "22,001.49"
    stored.funds.total = "22001.49"
    return stored


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "用户数据" / "jixiao.db"


@pytest.fixture
def repo(db_target: str) -> Iterator[FormRepository]:
    """A fresh database: the SQLite file ``db_path``, and the same tests on a PostgreSQL server."""
    repository = FormRepository.open(db_target)
    yield repository
    repository.close()


@pytest.fixture
def count_rows(db_path: Path, db_target: str) -> Callable[..., int]:
    """Count rows with a plain connection of the driver: what is really in the database."""

    def count(table: str, where: str = "1", *params: object) -> int:
        if "://" in db_target:
            import psycopg
            from sqlalchemy.engine import make_url

            url = make_url(db_target)
            with psycopg.connect(host=url.query["host"], user=url.username, dbname=url.database) as pg:
                where = "TRUE" if where == "1" else where.replace("?", "%s")
                row = pg.execute(f"SELECT COUNT(*) FROM {table} WHERE {where}", params).fetchone()
                return int(row[0]) if row else 0
        con = sqlite3.connect(db_path)
        try:
            return int(con.execute(f"SELECT COUNT(*) FROM {table} WHERE {where}", params).fetchone()[0])
        finally:
            con.close()

    return count
