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
def repo(db_path: Path) -> Iterator[FormRepository]:
    repository = FormRepository.open(db_path)
    yield repository
    repository.close()


@pytest.fixture
def count_rows(db_path: Path) -> Callable[..., int]:
    """Count rows with a plain sqlite3 connection: what is really in the file."""

    def count(table: str, where: str = "1", *params: object) -> int:
        con = sqlite3.connect(db_path)
        try:
            return int(con.execute(f"SELECT COUNT(*) FROM {table} WHERE {where}", params).fetchone()[0])
        finally:
            con.close()

    return count
