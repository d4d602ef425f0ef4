"""The library's pure core: names, search and ranking, the unit's own past, filling an item."""

from __future__ import annotations

from jixiao_desktop.domain.indicator_library import (
    LibraryEntry,
    LibraryIndex,
    SearchContext,
    bureau_source,
    canonical_level,
    completed,
    contradictions,
    district_entries,
    fill_values,
    normalise_name,
    own_entries,
    own_source,
    source_label,
    uses_in_form,
)
from jixiao_desktop.domain.model import IndicatorItem
from tests.indicator_library.helpers import tabular_form


def test_three_spellings_of_one_indicator_are_one_name() -> None:
    assert normalise_name("服务对象满意度") == normalise_name("服务对象满意度（%）") \
        == normalise_name(" 服务对象 满意度 ") == normalise_name("服务对象满意度(%)")
    assert normalise_name("受灾率") != normalise_name("满意度")


def test_beijing_levels_mean_the_national_ones() -> None:
    assert canonical_level("产出进度指标") == canonical_level("时效指标")
    assert canonical_level("效果指标") == canonical_level("效益指标")
    assert canonical_level("环境效益指标") == canonical_level("生态效益指标")
    assert canonical_level("产出数量指标") == canonical_level("数量指标")


def _entries() -> list[LibraryEntry]:
    return [
        LibraryEntry("服务对象满意度", level1="满意度指标", level2="服务对象满意度指标", operator="≥", unit="%",
                     direction="正向"),
        LibraryEntry("社会公众满意度", level1="满意度指标", level2="服务对象满意度指标", operator="≥", unit="%"),
        LibraryEntry("受灾率", level1="效益指标", level2="社会效益指标", operator="≤", unit="%", direction="反向"),
        LibraryEntry("培训人次", level1="产出指标", level2="数量指标", operator="≥", unit="人次"),
        LibraryEntry("培训合格率", level1="产出指标", level2="质量指标", operator="≥", unit="%"),
        LibraryEntry("垃圾分类覆盖率", level1="产出指标", level2="质量指标", sector="街道", keywords="环境 垃圾"),
    ]


def test_typing_two_characters_finds_the_indicators_with_them() -> None:
    index = LibraryIndex(_entries())
    names = [m.entry.level3 for m in index.search("满意")]
    assert names[:2] == ["服务对象满意度", "社会公众满意度"]
    assert "受灾率" not in names
    assert [m.entry.level3 for m in index.search("满")][:1] in (["服务对象满意度"], ["社会公众满意度"])


def test_a_typo_still_finds_the_indicator_by_most_of_its_pairs() -> None:
    index = LibraryIndex(_entries())
    assert [m.entry.level3 for m in index.search("服务对像满意度")][:1] == ["服务对象满意度"]


def test_keywords_recommend_an_entry() -> None:
    index = LibraryIndex(_entries())
    assert [m.entry.level3 for m in index.search("垃圾")] == ["垃圾分类覆盖率"]


def test_the_rows_second_level_and_the_sector_rank_first() -> None:
    index = LibraryIndex(_entries())
    quality = [m.entry.level3 for m in index.search("培训", SearchContext(level2="产出质量指标"))]
    assert quality[0] == "培训合格率"
    quantity = [m.entry.level3 for m in index.search("培训", SearchContext(level2="数量指标"))]
    assert quantity[0] == "培训人次"


def test_what_the_unit_used_before_ranks_above_a_shipped_entry() -> None:
    entries = _entries()
    own = own_entries(uses_in_form(tabular_form(2024, [("满意度指标", "服务对象满意度指标", "社会公众满意度", "≥", "95", "%")]), "f24"))
    index = LibraryIndex(entries + own)
    first = index.search("满意度")[0]
    assert first.entry.level3 == "社会公众满意度"
    assert first.entry.source == own_source("f24")


def test_recommend_offers_what_the_row_lacks_for_its_second_level() -> None:
    index = LibraryIndex(_entries())
    offered = [m.entry.level3 for m in index.recommend(SearchContext("产出指标", "质量指标"), exclude=["培训合格率"])]
    assert offered == ["垃圾分类覆盖率"]


def test_own_history_has_every_years_value_newest_first() -> None:
    uses = []
    for year, value in ((2023, "90"), (2025, "95"), (2024, "92")):
        uses += uses_in_form(tabular_form(year, [("满意度指标", "服务对象满意度指标", "居民满意度", "≥", value, "%")]),
                             f"form-{year}")
    [entry] = own_entries(uses)
    assert [h.year for h in entry.history] == [2025, 2024, 2023]
    assert [h.text for h in entry.history] == ["2025年：≥ 95 %", "2024年：≥ 92 %", "2023年：≥ 90 %"]
    assert entry.source == own_source("form-2025")
    assert source_label(entry.source) == "本单位往年申报表"


def test_another_units_forms_are_not_this_units_history() -> None:
    mine = uses_in_form(tabular_form(2024, [("产出指标", "数量指标", "培训人次", "≥", "100", "人次")]), "a")
    theirs = uses_in_form(tabular_form(2024, [("产出指标", "数量指标", "巡查次数", "≥", "5", "次")],
                                       department="另一个街道办事处"), "b")
    assert [e.level3 for e in own_entries(mine + theirs, department=mine[0].department)] == ["培训人次"]


def test_district_library_dedupes_by_normalised_name_with_counts() -> None:
    uses = []
    for unit, name in (("甲街道", "服务对象满意度"), ("乙街道", "服务对象满意度（%）"), ("丙街道", "服务对象 满意度"),
                       ("甲街道", "培训人次")):
        uses += uses_in_form(tabular_form(2025, [("满意度指标", "服务对象满意度指标", name, "≥", "90", "%")],
                                          department=unit), unit)
    entries = district_entries(uses, bureau_source("西城区财政局"))
    assert [(e.level3, e.uses) for e in entries] == [("服务对象满意度", 3), ("培训人次", 1)]
    assert entries[0].source == "bureau:西城区财政局"
    assert source_label(entries[0].source) == "财政局下发：西城区财政局"


def test_choosing_an_entry_fills_the_fields_a_clerk_would_otherwise_invent() -> None:
    entry = LibraryEntry("受灾率", nature="定量", operator="≤", unit="%", direction="反向",
                         explanation="受灾户数占总户数的比例", scoring="每超1个百分点扣1分")
    values = fill_values(entry)
    assert values == {"level3": "受灾率", "nature": "定量", "operator": "≤", "unit": "%", "direction": "反向",
                      "explanation": "受灾户数占总户数的比例", "scoring": "每超1个百分点扣1分"}
    qualitative = fill_values(LibraryEntry("制度健全性", nature="定性", operator="≥", unit="%"))
    assert (qualitative["operator"], qualitative["unit"]) == ("", "")


def test_an_own_entry_borrows_the_explanation_of_the_shipped_one() -> None:
    own = LibraryEntry("服务对象满意度", operator="≥", unit="%", source=own_source("x"))
    shipped = LibraryEntry("服务对象满意度", operator="≥", unit="%", explanation="问卷调查", scoring="低于90%扣分")
    merged = completed(own, [own, shipped])
    assert (merged.explanation, merged.scoring, merged.source) == ("问卷调查", "低于90%扣分", own_source("x"))


def test_contradictions_are_the_other_way_round_not_mere_differences() -> None:
    entry = LibraryEntry("受灾率", operator="≤", unit="%", direction="反向")
    wrong = IndicatorItem(level3="受灾率", operator="≥", unit="个", direction="正向")
    assert [(c.field, c.expected) for c in contradictions(wrong, entry)] == [
        ("operator", "≤"), ("unit", "%"), ("direction", "反向")]
    fine = IndicatorItem(level3="受灾率", operator="<", unit="％", direction="")
    assert contradictions(fine, entry) == []
    assert contradictions(IndicatorItem(level3="受灾率", operator="="), entry) == []


def test_an_item_contradicting_a_common_entry_gets_a_warning_and_a_fix() -> None:
    from jixiao_desktop.domain.fields import set_field_text
    from jixiao_desktop.domain.indicator_library.check import RULE, library_findings, library_fix
    from tests.indicator_library.helpers import tabular_form

    index = LibraryIndex(_entries())
    form = tabular_form(2025, [("效益指标", "社会效益指标", "受灾率", "≥", "5", "%"),
                               ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥", "95", "%")])
    [finding] = library_findings(form, index)
    assert (finding.rule, finding.field) == (RULE, "indicators[0].items[0].operator")
    assert "运算符应为“≤”" in finding.message and "指标方向应为“反向”" in finding.message
    fix = library_fix(form, finding, index)
    assert fix is not None and fix.label == "按指标库改为 ≤ 反向"
    for edit in fix.edits:
        set_field_text(form, edit.path, edit.text)
    assert (form.indicators[0].items[0].operator, form.indicators[0].items[0].direction) == ("≤", "反向")
    assert library_findings(form, index) == []
    # The unit's own past is no authority: last year's ≥ does not make this year's ≤ wrong.
    own = own_entries(uses_in_form(tabular_form(2024, [("产出指标", "数量指标", "巡查次数", "≥", "5", "次")]), "p"))
    mine = tabular_form(2025, [("产出指标", "数量指标", "巡查次数", "≤", "5", "次")])
    assert library_findings(mine, LibraryIndex(own)) == []


def test_the_short_and_the_full_name_are_one_unit() -> None:
    full = uses_in_form(tabular_form(2024, [("产出指标", "数量指标", "培训人次", "≥", "100", "人次")],
                                     department="北京市西城区人民政府牛街街道办事处"), "a")
    short = uses_in_form(tabular_form(2025, [("产出指标", "数量指标", "培训人次", "≥", "120", "人次")],
                                      department="牛街街道办事处"), "b")
    [entry] = own_entries(full + short, department="牛街街道办事处")
    assert [h.year for h in entry.history] == [2025, 2024]
