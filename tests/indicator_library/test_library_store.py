"""The library in the database: shipped entries, 纳入指标库, edits and deletes, every saved form
feeding the unit's history, imports in one transaction, and the upgrade of a revision-0005 file."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from jixiao_desktop.domain.indicator_library import LibraryEntry, bureau_source, own_source
from jixiao_desktop.domain.indicator_library.common import common_entries
from jixiao_desktop.storage.errors import StorageError
from jixiao_desktop.storage.indicator_library import LibraryStore
from jixiao_desktop.storage.listing import SCHEMA_HEAD
from jixiao_desktop.storage.repository import FormRepository
from tests.indicator_library.helpers import UNIT, tabular_form

SAMPLE_0005 = Path(__file__).resolve().parents[1] / "storage" / "data" / "jixiao-rev0005.db"


@pytest.fixture
def repo(tmp_path: Path) -> FormRepository:
    repository = FormRepository.open(tmp_path / "jixiao.db")
    yield repository  # type: ignore[misc]
    repository.close()


def test_a_new_database_carries_the_shipped_common_indicators_once(repo: FormRepository) -> None:
    store = LibraryStore(repo)
    first = store.entries()
    assert len(first) == len(common_entries())
    assert all(e.source == "common" and "《" in e.source_document for e in first)
    assert store.ensure_common() == 0
    assert len(store.entries()) == len(first)


def test_every_saved_form_feeds_the_units_history(repo: FormRepository) -> None:
    store = LibraryStore(repo)
    ids = []
    for year, value in ((2024, "92"), (2025, "95")):
        ids.append(repo.create(tabular_form(year, [("满意度指标", "服务对象满意度指标", "居民满意度", "≥", value, "%")])))
    entry = next(e for e in store.library(UNIT) if e.level3 == "居民满意度")
    assert [h.text for h in entry.history] == ["2025年：≥ 95 %", "2024年：≥ 92 %"]
    # A later save changes the history; a form in the recycle bin leaves it.
    stored = repo.load(ids[1]).form
    stored.indicators[0].items[0].value = "96"
    repo.save(ids[1], stored)
    repo.delete(ids[0])
    entry = next(e for e in store.library(UNIT) if e.level3 == "居民满意度")
    assert [h.text for h in entry.history] == ["2025年：≥ 96 %"]
    assert entry.source == own_source(stored.id)


def test_take_in_edit_and_delete_an_entry(repo: FormRepository) -> None:
    store = LibraryStore(repo)
    repo.create(tabular_form(2025, [("产出指标", "数量指标", "培训人次", "≥", "100", "人次")]))
    entry_id = store.add(LibraryEntry("培训人次", level1="产出指标", level2="数量指标", operator="≥", unit="人次",
                                      source=own_source("x")))
    assert store.add(LibraryEntry("培训人次", operator="≥", unit="人", source=own_source("y"))) == entry_id
    found = [e for e in store.library(UNIT) if e.level3 == "培训人次"]
    assert len(found) == 1 and found[0].id == entry_id and found[0].unit == "人"
    assert [h.value for h in found[0].history] == ["100"]  # the taken-in entry shows the past values
    store.update(entry_id, found[0].with_changes(unit="人次", explanation="参加培训的人次"))
    assert next(e for e in store.entries() if e.id == entry_id).explanation == "参加培训的人次"
    store.delete(found[0])
    assert not [e for e in store.library(UNIT) if e.level3 == "培训人次"]  # nor the past name


def test_a_deleted_common_entry_stays_deleted(repo: FormRepository) -> None:
    store = LibraryStore(repo)
    victim = store.entries()[0]
    store.delete(victim)
    kept = lambda: {(e.level3, e.level2) for e in store.entries()}  # noqa: E731
    assert (victim.level3, victim.level2) not in kept()
    with sqlite3.connect(repo.db_path) as con:
        con.execute("UPDATE library_state SET value = '0'")
    store.ensure_common()
    assert (victim.level3, victim.level2) not in kept()


def test_an_import_with_a_bad_entry_stores_nothing(repo: FormRepository) -> None:
    store = LibraryStore(repo)
    before = len(store.entries())
    good = LibraryEntry("道路保洁面积", operator="≥", unit="平方米", source=bureau_source("西城区财政局"))
    with pytest.raises(StorageError, match="第 2 条"):
        store.import_entries([good, LibraryEntry("  ", source=bureau_source("西城区财政局"))])
    assert len(store.entries()) == before
    counts = store.import_entries([good])
    assert (counts.added, counts.updated) == (1, 0)
    assert store.import_entries([good.with_changes(unit="㎡")]).updated == 1


def test_a_revision_0005_database_gets_the_library_and_keeps_its_forms(tmp_path: Path) -> None:
    db = tmp_path / "jixiao.db"
    shutil.copyfile(SAMPLE_0005, db)
    with FormRepository.open(db) as repo:
        forms = repo.list_forms()
        library = LibraryStore(repo).library("北京市西城区人民政府示例街道办事处")
    assert "5a0c2f1e-0000-4000-8000-000000002025" in {f.uuid for f in forms}
    own = [e for e in library if e.kind == "own"]
    assert [(e.level3, [h.text for h in e.history]) for e in own] == [("辖区居民满意度", ["2025年：≥ 92 %"])]
    assert len([e for e in library if e.kind == "common"]) == len(common_entries())
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (SCHEMA_HEAD,)
