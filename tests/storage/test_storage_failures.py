"""When the disk is full, the file locked or read-only, or a save breaks half-way: a Chinese
message, and the database keeps exactly what it had."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from jixiao_desktop.domain.model import Form, Indicator
from jixiao_desktop.storage import repository as repository_module
from jixiao_desktop.storage.errors import StorageError, describe_db_error
from jixiao_desktop.storage.repository import FormRepository


def _on_every_connection(repo: FormRepository, sql: str) -> None:
    """Run ``sql`` on each new connection of the repository (the pool is emptied first)."""
    engine = repo._engine

    def run(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.execute(sql)

    event.listen(engine, "connect", run)
    engine.dispose()


def _edited(form: Form) -> Form:
    edited = form.copy()
    edited.goals = "新内容" * 10
    edited.indicators.append(Indicator(name="产出指标十：", content="新增"))
    return edited


def test_a_save_that_breaks_half_way_leaves_the_old_content(
        repo: FormRepository, jinrongjie: Form, monkeypatch: pytest.MonkeyPatch,
        count_rows: Callable[..., int]) -> None:
    form_id = repo.create(jinrongjie)
    before = repo.load(form_id)
    real_add_children = repository_module.add_children

    def add_then_fail(*args: Any) -> None:
        real_add_children(*args)  # old rows deleted, new rows added …
        args[0].flush()  # … and written to the file inside the transaction
        raise RuntimeError("power cut")

    monkeypatch.setattr(repository_module, "add_children", add_then_fail)
    with pytest.raises(RuntimeError, match="power cut"):
        repo.save(form_id, _edited(jinrongjie))
    monkeypatch.undo()

    after = repo.load(form_id)
    assert after.form.without_identity() == jinrongjie.without_identity()
    assert after.updated_at == before.updated_at
    assert count_rows("indicator_rows", "form_id = ?", form_id) == len(jinrongjie.indicators)


def test_a_database_error_half_way_is_a_chinese_storage_error(
        repo: FormRepository, db_path: Path, jinrongjie: Form) -> None:
    form_id = repo.create(jinrongjie)
    # A real SQLite failure in the middle of the save: the 10th indicator row is refused
    # after the form row was updated and the old rows deleted.
    con = sqlite3.connect(db_path)
    con.execute("CREATE TRIGGER boom BEFORE INSERT ON indicator_rows WHEN NEW.position = 9 "
                "BEGIN SELECT RAISE(ABORT, 'boom'); END")
    con.commit()
    con.close()
    with pytest.raises(StorageError) as info:
        repo.save(form_id, _edited(jinrongjie))
    assert str(info.value) == "保存申报表失败：数据不符合数据库的约束，没有保存"
    assert repo.load(form_id).form.without_identity() == jinrongjie.without_identity()
    # The repository is still usable afterwards.
    repo.save(form_id, Form(department="之后"))
    assert repo.load(form_id).form.department == "之后"


def test_disk_full(repo: FormRepository, jinrongjie: Form) -> None:
    form_id = repo.create(jinrongjie)
    # The file may not grow by a single page: SQLite reports SQLITE_FULL, as on a full disk.
    _on_every_connection(repo, "PRAGMA max_page_count = 1")  # clamps to the current size
    big = jinrongjie.copy()
    big.goals = "很长的绩效目标。" * 50_000
    with pytest.raises(StorageError, match="磁盘空间已满"):
        repo.save(form_id, big)
    with pytest.raises(StorageError, match="磁盘空间已满"):
        repo.create(big)
    assert repo.load(form_id).form.without_identity() == jinrongjie.without_identity()
    assert len(repo.list_forms()) == 1


def test_read_only_database(repo: FormRepository, jinrongjie: Form) -> None:
    form_id = repo.create(jinrongjie)
    _on_every_connection(repo, "PRAGMA query_only = ON")
    with pytest.raises(StorageError, match="只读"):
        repo.save(form_id, _edited(jinrongjie))
    with pytest.raises(StorageError, match="只读"):
        repo.finalise(form_id)
    assert repo.load(form_id).form.without_identity() == jinrongjie.without_identity()  # reading still works


def test_database_locked_by_another_program(db_path: Path, jinrongjie: Form) -> None:
    with FormRepository.open(db_path, busy_timeout_ms=50) as repo:
        form_id = repo.create(jinrongjie)
        other = sqlite3.connect(db_path, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")  # another window holds the write lock
            with pytest.raises(StorageError, match="占用"):
                repo.save(form_id, _edited(jinrongjie))
            assert repo.load(form_id).form.without_identity() == jinrongjie.without_identity()  # WAL: reading goes on meanwhile
            other.execute("ROLLBACK")
        finally:
            other.close()
        repo.save(form_id, _edited(jinrongjie))
        assert repo.load(form_id).form.without_identity() == (_edited(jinrongjie)).without_identity()


@pytest.mark.parametrize(("code", "expected"), [
    (13, "磁盘空间已满"), (5, "占用"), (8, "只读"), (26, "不是绩效目标申报助手的数据库"), (11, "已损坏"),
    (10 | (3 << 8), "读写数据库文件时出错"), (14, "无法打开数据库文件"),
])
def test_sqlite_error_codes_have_chinese_messages(code: int, expected: str) -> None:
    exc = sqlite3.OperationalError("some English text")
    exc.sqlite_errorcode = code  # type: ignore[attr-defined]
    assert expected in describe_db_error(exc)


def test_unknown_errors_still_say_what_happened() -> None:
    message = describe_db_error(sqlite3.OperationalError("weird failure"))
    assert message.startswith("数据库操作失败")
    assert "weird failure" in message
