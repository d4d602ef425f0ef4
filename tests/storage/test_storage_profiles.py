"""Revision 0007 (issue 16, rule profiles): the item columns some profiles print (指标解释,
评(扣)分标准, 指标值确定依据) are stored and read back; an older database upgrades with them
empty and its forms unchanged. On SQLite and on PostgreSQL."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.model import IndicatorItem, Layout, new_form
from jixiao_desktop.storage.repository import FormRepository

SAMPLE_0006 = Path(__file__).resolve().parent / "data" / "jixiao-rev0006.db"


def _hunan_form():
    form = new_form(Layout.TABULAR, 2024, "长沙市某区财政局")
    form.indicators[0].items = [IndicatorItem(
        level3="培训人次", nature="定量", operator="≥", value="300", unit="人次", weight="10",
        direction="正向", explanation="全年举办培训的参训人次", scoring="每少10人次扣1分，扣完为止",
        basis="2023年实际完成280人次")]
    return form


def test_the_profile_columns_of_an_item_are_stored(repo: FormRepository) -> None:
    form = _hunan_form()
    form_id = repo.create(form)
    item = repo.load(form_id).form.indicators[0].items[0]
    assert (item.explanation, item.scoring, item.basis) == (
        "全年举办培训的参训人次", "每少10人次扣1分，扣完为止", "2023年实际完成280人次")
    loaded = repo.load(form_id).form
    loaded.indicators[0].items[0].scoring = "每少10人次扣2分"
    repo.save(form_id, loaded)
    assert repo.load(form_id).form.indicators[0].items[0].scoring == "每少10人次扣2分"


def test_a_rev0006_database_upgrades_with_the_new_columns(tmp_path: Path) -> None:
    db = tmp_path / "jixiao.db"
    shutil.copyfile(SAMPLE_0006, db)
    con = sqlite3.connect(db)
    before = con.execute("SELECT id, note FROM indicator_items ORDER BY id").fetchall()
    con.close()
    with FormRepository.open(db) as repo:
        forms = {s.id: repo.load(s.id).form for s in repo.list_forms()}
    con = sqlite3.connect(db)
    try:
        after = con.execute("SELECT id, note, explanation, scoring, basis, extra_json FROM indicator_items "
                            "ORDER BY id").fetchall()
        profiles = con.execute("SELECT profile_id, profile_sha256 FROM forms ORDER BY id").fetchall()
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        con.close()
    assert before and [(i, n) for i, n, *_ in after] == before  # 备注 kept as it was
    assert before[0][1] == "指标解释：按年度统计"
    assert after[0][2:5] == ("", "", "")
    # An 指标解释 kept among the unknown keys of an older file is now in its column, once.
    assert after[-1][2] == "旧文件里的指标解释"
    assert json.loads(after[-1][5]) == {"来源": "手填"}
    assert profiles[0] == ("sc", "ab12") and set(profiles[1:]) == {("", "")}
    assert "profiles" in tables
    first = forms[min(forms)]
    assert first.profile is not None and first.profile.id == "sc"
    last_item = [item for f in forms.values() for ind in f.indicators for item in ind.items]
    assert any(item.explanation == "旧文件里的指标解释" and item.extra == {"来源": "手填"} for item in last_item)


def test_the_form_profile_is_kept_in_its_columns(repo: FormRepository, count_rows) -> None:
    from jixiao_desktop.domain.profiles import ProfileRef

    form = _hunan_form()
    form.profile = ProfileRef("hn", "ff00")
    form_id = repo.create(form)
    assert repo.load(form_id).form.profile == ProfileRef("hn", "ff00")
    assert count_rows("forms", "profile_id = ? AND profile_sha256 = ?", "hn", "ff00") == 1
    loaded = repo.load(form_id).form
    loaded.profile = None
    repo.save(form_id, loaded)
    assert count_rows("forms", "profile_id = ?", "") == 1
    assert repo.load(form_id).form.profile is None


def test_the_new_fields_ride_in_the_exchange_file_only_when_filled() -> None:
    form = _hunan_form()
    text = exchange.dumps(form)
    assert '"scoring": "每少10人次扣1分，扣完为止"' in text
    assert exchange.loads(text).indicators[0].items[0].explanation == "全年举办培训的参训人次"
    plain = _hunan_form()
    for item in plain.indicators[0].items:
        item.explanation = item.scoring = item.basis = ""
    assert '"explanation"' not in exchange.dumps(plain)


def test_fingerprints_of_forms_without_the_new_fields_are_unchanged() -> None:
    """A 定稿 fingerprint and an 已知悉 on a whole item, computed before the fields existed
    (values taken on main at 2e19081), still hold."""
    from jixiao_desktop.domain.fields import field_fingerprint

    form = new_form(Layout.TABULAR, 2024, "长沙市某区财政局")
    form.indicators[0].items = [IndicatorItem(level3="培训人次", nature="定量", operator="≥", value="300",
                                              unit="人次", weight="10", direction="正向", note="备")]
    assert exchange.fingerprint(form) == "023C-C559-A96A"
    assert field_fingerprint(form, "indicators[0].items[0]") == "486ea616844497ce"
    form.indicators[0].items[0].scoring = "每少10人次扣1分"
    assert exchange.fingerprint(form) != "023C-C559-A96A"  # what the bureau signs includes it
