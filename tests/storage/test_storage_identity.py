"""Identity (exchange ``id``/``revision``/``copied_from``), last year's values, and the stale-write
check: what a clerk moving forms between machines and two windows on one form rely on."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from pathlib import Path

import pytest

from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.model import TEMPLATE_TABULAR, Form, Indicator, IndicatorItem
from jixiao_desktop.storage.repository import FormRepository, StaleWriteError

OLD_DB_0002 = Path(__file__).resolve().parent / "data" / "jixiao-rev0002.db"


def _tabular() -> Form:
    return Form(template=TEMPLATE_TABULAR, year=2023, department="某某学校", goals="办好教育。", indicators=[
        Indicator(level1="产出指标", level2="数量指标", items=[
            IndicatorItem("培训教师人次", "定量", "≥", "120", "人次", "", "正向", ""),
            IndicatorItem("课程开设门数", "定量", "≥", "30", "门", "", "正向", ""),
        ]),
    ])


def test_a_new_form_gets_a_uuid_and_revision_1(repo: FormRepository, jinrongjie: Form) -> None:
    stored = repo.load(repo.create(jinrongjie))
    assert str(uuid.UUID(stored.form.id)) == stored.form.id
    assert stored.form.revision == 1
    assert repo.list_forms()[0].uuid == stored.form.id


def test_an_imported_form_keeps_its_identity(repo: FormRepository, jinrongjie: Form) -> None:
    jinrongjie.id, jinrongjie.revision = "8a3c9d1e-0000-4000-8000-000000000001", 7
    stored = repo.load(repo.create(jinrongjie))
    assert (stored.form.id, stored.form.revision) == (jinrongjie.id, 7)


def test_importing_the_same_file_twice_gives_two_forms_of_their_own(repo: FormRepository, jinrongjie: Form) -> None:
    jinrongjie.id = "8a3c9d1e-0000-4000-8000-000000000001"
    a, b = repo.create(jinrongjie), repo.create(jinrongjie)
    assert repo.load(a).form.id == jinrongjie.id
    assert repo.load(b).form.id not in ("", jinrongjie.id)


def test_every_save_is_the_next_revision(repo: FormRepository, jinrongjie: Form) -> None:
    form_id = repo.create(jinrongjie)
    live = repo.load(form_id).form
    for expected in (2, 3, 4):
        live.goals += "再改一句。"
        repo.save(form_id, live)
        assert live.revision == expected  # the live form follows, ready for its next save
    assert repo.load(form_id).form.revision == 4


def test_a_stale_save_is_refused_and_the_other_change_kept(repo: FormRepository, jinrongjie: Form) -> None:
    form_id = repo.create(jinrongjie)
    window_a = repo.load(form_id).form
    window_b = repo.load(form_id).form
    window_a.goals = "甲窗口的修改"
    repo.save(form_id, window_a)
    window_b.goals = "乙窗口的修改"
    with pytest.raises(StaleWriteError, match="改过") as info:
        repo.save(form_id, window_b)
    assert info.value.stored_revision == 2
    assert repo.load(form_id).form.goals == "甲窗口的修改"
    assert window_b.revision == 1  # not advanced: it was not saved


def test_restoring_a_version_is_a_new_revision(repo: FormRepository, jinrongjie: Form) -> None:
    form_id = repo.create(jinrongjie)
    snap = repo.snapshot(form_id)
    live = repo.load(form_id).form
    live.goals = "改了"
    repo.save(form_id, live)
    repo.restore_snapshot(form_id, snap)
    restored = repo.load(form_id).form
    assert restored.goals == jinrongjie.goals and restored.revision == 3
    with pytest.raises(StaleWriteError):  # the window that still shows "改了" must reload
        repo.save(form_id, live)


def test_carry_over_remembers_last_years_values(repo: FormRepository) -> None:
    source = repo.create(_tabular())
    source_form = repo.load(source).form
    new = repo.load(repo.copy_to_next_year(source)).form
    assert new.year == 2024 and new.revision == 1
    assert new.id != source_form.id and new.copied_from == source_form.id
    assert [it.previous_value for it in new.indicators[0].items] == ["120", "30"]
    # This year's values start as last year's; the clerk changes them, last year's stay.
    new.indicators[0].items[0].value = "150"
    new_id = repo.list_forms()[-1].id
    repo.save(new_id, new)
    again = repo.load(new_id).form.indicators[0].items[0]
    assert (again.value, again.previous_value) == ("150", "120")


def test_carry_over_keeps_last_years_text_per_row(repo: FormRepository, jinrongjie: Form) -> None:
    new = repo.load(repo.copy_to_next_year(repo.create(jinrongjie))).form
    assert [r.previous_content for r in new.indicators] == [r.content for r in jinrongjie.indicators]


def test_identity_and_previous_values_round_trip_through_the_exchange_file(repo: FormRepository) -> None:
    new = repo.load(repo.copy_to_next_year(repo.create(_tabular()))).form
    text = exchange.dumps(new)
    again = exchange.loads(text)
    assert (again.id, again.revision, again.copied_from) == (new.id, new.revision, new.copied_from)
    assert again.indicators[0].items[0].previous_value == "120"
    assert again == new


def test_the_fingerprint_signs_what_is_printed_only(repo: FormRepository) -> None:
    form = _tabular()
    before = exchange.fingerprint(form)
    form.id, form.revision, form.copied_from = str(uuid.uuid4()), 9, str(uuid.uuid4())
    form.indicators[0].items[0].previous_value = "100"
    form.indicators[0].previous_content = "去年的文字"
    assert exchange.fingerprint(form) == before
    form.indicators[0].items[0].value = "121"
    assert exchange.fingerprint(form) != before


@pytest.mark.parametrize(("doc_form", "message"), [
    ({"revision": "3"}, "revision"),
    ({"revision": -1}, "revision"),
    ({"id": "x" * 500}, "过长"),
])
def test_bad_identity_in_a_file_is_refused_in_chinese(doc_form: dict[str, object], message: str) -> None:
    doc = {"format": "jixiao-form", "format_version": 1, "form": {"year": 2021, **doc_form}}
    with pytest.raises(exchange.ExchangeError, match=message):
        exchange.form_from_dict(doc)


def test_a_file_without_identity_still_reads(niujie: Form) -> None:
    assert (niujie.id, niujie.revision, niujie.copied_from) == ("", 0, "")


def test_a_rev0002_database_upgrades_with_an_identity_per_form(tmp_path: Path) -> None:
    db = tmp_path / "jixiao.db"
    shutil.copyfile(OLD_DB_0002, db)
    con = sqlite3.connect(db)
    before = con.execute("SELECT id, goals FROM forms ORDER BY id").fetchall()
    con.close()
    with FormRepository.open(db) as repo:
        forms = {f.id: repo.load(f.id) for f in repo.list_forms(include_deleted=True)}
        assert [(i, s.form.goals) for i, s in forms.items()] == before
        ids = [s.form.id for s in forms.values()]
        assert all(str(uuid.UUID(i)) == i for i in ids) and len(set(ids)) == len(ids)
        assert {s.form.revision for s in forms.values()} == {1}
        copied = forms[4]
        assert copied.copied_from == 1 and copied.form.copied_from == forms[1].form.id
        # and the upgraded file works: a save is the next revision
        live = forms[1].form
        live.goals = "升级后修改"
        repo.save(1, live)
        assert repo.load(1).form.revision == 2


def test_the_form_list_carries_the_checks_counts_of_the_stored_revision(repo: FormRepository,
                                                                       jinrongjie: Form) -> None:
    form_id = repo.create(jinrongjie)
    [line] = repo.list_forms()
    assert (line.errors, line.warnings) == (0, 2)  # 金融街: no error, the two warnings of checks.md
    live = repo.load(form_id).form
    live.funds.basic = "9344.55"  # 资金总额 no longer adds up
    repo.save(form_id, live)
    [line] = repo.list_forms()
    assert line.errors == 1 and line.revision == 2


def test_counts_of_an_older_revision_are_not_shown_as_current(repo: FormRepository, db_path: Path,
                                                               jinrongjie: Form) -> None:
    if not repo.is_file:
        pytest.skip("edits the SQLite file behind the repository's back")
    form_id = repo.create(jinrongjie)
    con = sqlite3.connect(db_path)  # another program (an older version) changed the form
    with con:
        con.execute("UPDATE forms SET revision = revision + 1 WHERE id = ?", (form_id,))
    con.close()
    [line] = repo.list_forms()
    assert (line.errors, line.warnings) == (None, None)
