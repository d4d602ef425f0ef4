"""The form list read at start-up without SQLAlchemy (``storage.listing.read_at_startup``) is
the repository's list, and on any doubt it reads nothing and leaves the full way to speak."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from jixiao_desktop.domain.model import Form
from jixiao_desktop.storage import listing
from jixiao_desktop.storage.repository import FormRepository

SAMPLE_0004 = Path(__file__).resolve().parent / "data" / "jixiao-rev0004.db"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def stored(db_path: Path, jinrongjie: Form, niujie: Form) -> list:
    """Three forms: one copied from another, one in the recycle bin; the repository's list."""
    with FormRepository.open(db_path) as repo:
        first = repo.create(jinrongjie)
        repo.copy_to_next_year(first)
        gone = repo.create(niujie)
        repo.delete(gone)
        return repo.list_forms()


def test_the_list_at_startup_is_the_repository_list(db_path: Path, stored: list, jinrongjie: Form) -> None:
    early = listing.read_at_startup(db_path)

    assert early is not None
    assert early.rows == stored
    # What the clerk sees, independently of the shared row reader: the form and its copy for the
    # next year, with their years, states and counts; the one in the recycle bin is not listed.
    assert [(s.department, s.year, s.status.label, s.deleted) for s in early.rows] == [
        (jinrongjie.department, 2021, "草稿", False), (jinrongjie.department, 2022, "草稿", False)]
    assert early.rows[1].copied_from == early.rows[0].id
    assert all(s.errors is not None and s.updated_at.tzinfo is not None for s in early.rows)
    assert early.still_current(db_path)


def test_a_save_after_reading_makes_the_early_list_stale(db_path: Path, stored: list, niujie: Form) -> None:
    early = listing.read_at_startup(db_path)
    assert early is not None
    with FormRepository.open(db_path) as repo:
        repo.create(niujie)
    assert not early.still_current(db_path)


def test_an_older_database_is_left_to_the_full_way_untouched(tmp_path: Path) -> None:
    db = tmp_path / "jixiao.db"
    shutil.copyfile(SAMPLE_0004, db)
    before = _digest(db)

    assert listing.read_at_startup(db) is None
    assert _digest(db) == before  # not migrated, not switched to WAL
    with FormRepository.open(db) as repo:  # the full way migrates it; then the early list works
        full = repo.list_forms()
    early = listing.read_at_startup(db)
    assert early is not None and early.rows == full and len(full) == 3


@pytest.mark.parametrize("content", [b"", b"SQLite format 3\x00" + b"\x00" * 50, "申报表".encode() * 400])
def test_a_file_that_is_no_database_of_ours_gives_nothing(tmp_path: Path, content: bytes) -> None:
    db = tmp_path / "jixiao.db"
    db.write_bytes(content)
    assert listing.read_at_startup(db) is None
    assert db.read_bytes() == content


def test_another_programs_database_gives_nothing(tmp_path: Path) -> None:
    db = tmp_path / "other.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE forms (id INTEGER)")
    con.commit()
    con.close()
    assert listing.read_at_startup(db) is None


def test_no_file_a_folder_or_a_server_gives_nothing(tmp_path: Path) -> None:
    assert listing.read_at_startup(tmp_path / "new.db") is None
    assert not (tmp_path / "new.db").exists()  # never created here: the full way does that
    assert listing.read_at_startup(tmp_path) is None
    assert listing.read_at_startup("postgresql+psycopg://reviewer@/jixiao?host=/tmp") is None


def test_a_damaged_row_gives_nothing(db_path: Path, stored: list) -> None:
    con = sqlite3.connect(db_path)
    with con:
        con.execute("UPDATE forms SET updated_at = '昨天下午' WHERE id = ?", (stored[0].id,))
    con.close()
    assert listing.read_at_startup(db_path) is None


def test_a_refreshed_list_shows_each_change_and_reuses_the_unchanged_lines(repo: FormRepository,
                                                                         jinrongjie: Form, niujie: Form) -> None:
    first, second = repo.create(jinrongjie), repo.create(niujie)
    before = {s.id: s for s in repo.list_forms()}
    form = repo.load(second).form
    form.department = "北京市西城区人民政府牛街街道办事处（更名）"
    repo.save(second, form)

    after = {s.id: s for s in repo.list_forms()}

    assert after[second].department == "北京市西城区人民政府牛街街道办事处（更名）"
    assert after[second].revision == before[second].revision + 1
    assert after[first] is before[first]  # unchanged: the same line, not made again
