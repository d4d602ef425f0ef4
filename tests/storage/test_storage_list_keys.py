"""Revision 0005: amounts sortable through an index (the bureau's list), and the form list
read from one covering index. On SQLite and on PostgreSQL."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
from pathlib import Path

import pytest

from jixiao_desktop.domain.model import Form
from jixiao_desktop.storage import listing
from jixiao_desktop.storage.bureau import BureauStore, ListQuery, SortKey
from jixiao_desktop.storage.mapping import amount_key
from jixiao_desktop.storage.repository import FormRepository

SAMPLE_0004 = Path(__file__).resolve().parent / "data" / "jixiao-rev0004.db"


@pytest.mark.parametrize(("stored", "key"), [
    ("39985.49", 39_985_490_000),
    ("10", 10_000_000),
    ("-3.5", -3_500_000),
    ("0.0000001", 0),  # finer than a hundredth of a 元: rounded, for sorting only
    ("约3000万", None),
    ("3,000", None),
    ("", None),
    ("9" * 30, None),  # beyond a 64-bit column
])
def test_amount_keys(stored: str, key: int | None) -> None:
    assert amount_key(stored) == key


def test_the_bureau_sorts_amounts_by_value_unreadable_last(repo: FormRepository, jinrongjie: Form) -> None:
    totals = ["100.25", "9.5", "约3000万", "10", "-3", ""]
    ids = {}
    for n, total in enumerate(totals):
        form = dataclasses.replace(jinrongjie.copy(), department=f"第{n}单位", id="",
                                   funds=dataclasses.replace(jinrongjie.funds, total=total))
        ids[repo.create(form)] = total
    store = BureauStore(repo)

    ascending = [ids[i] for i in store.ids(ListQuery(sort=SortKey.TOTAL))]
    descending = [ids[i] for i in store.ids(ListQuery(sort=SortKey.TOTAL, descending=True))]

    assert ascending == ["-3", "9.5", "10", "100.25", "约3000万", ""]  # not text order ("10" < "9.5")
    assert descending == ["100.25", "10", "9.5", "-3", "", "约3000万"]  # unreadable still last, newest first


def test_an_edit_moves_the_form_in_the_amount_order(repo: FormRepository, jinrongjie: Form) -> None:
    small = repo.create(dataclasses.replace(jinrongjie.copy(), id="", department="甲",
                                            funds=dataclasses.replace(jinrongjie.funds, total="5")))
    big = repo.create(dataclasses.replace(jinrongjie.copy(), id="", department="乙",
                                          funds=dataclasses.replace(jinrongjie.funds, total="50")))
    store = BureauStore(repo)
    assert store.ids(ListQuery(sort=SortKey.TOTAL)) == [small, big]
    form = repo.load(small).form
    form.funds.total = "500"
    repo.save(small, form)
    assert store.ids(ListQuery(sort=SortKey.TOTAL)) == [big, small]


def test_a_rev0004_database_gets_its_keys_and_list_index(tmp_path: Path) -> None:
    db = tmp_path / "jixiao.db"
    shutil.copyfile(SAMPLE_0004, db)
    with FormRepository.open(db) as repo:
        listed = repo.list_forms()
    con = sqlite3.connect(db)
    try:
        rows = con.execute("SELECT funds_total, funds_total_key, funds_basic, funds_basic_key, "
                           "funds_project, funds_project_key FROM forms ORDER BY id").fetchall()
        plan = " ".join(str(r) for r in con.execute("EXPLAIN QUERY PLAN " + listing.list_sql()))
        indexes = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        con.close()
    assert len(rows) == 4
    for total, total_key, basic, basic_key, project, project_key in rows:
        assert (total_key, basic_key, project_key) == (amount_key(total), amount_key(basic), amount_key(project))
    assert rows[-1][:2] == ("约3000万", None)  # kept as typed: no key, sorted last
    assert rows[0][1] == 39_985_490_000
    assert "COVERING INDEX ix_forms_list" in plan  # the list never reads the forms' long texts
    assert "ix_forms_deleted_at" not in indexes
    assert [s.department for s in listed][:1] == ["北京市西城区人民政府金融街街道办事处"]
