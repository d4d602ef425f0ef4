"""The shipped starter set of 共性指标: big enough, every row from a named published document,
and operators, units and directions a reviewer would accept."""

from __future__ import annotations

from collections import Counter

from jixiao_desktop.domain.indicator_library import normalise_name
from jixiao_desktop.domain.indicator_library.common import common_document_keys, common_entries, documents

_REVERSE_WORDS = ("受灾", "受害", "发生率", "事故", "超支", "变动率", "调整率", "结余率", "控制率", "成本",
                  "修复时间", "响应时间", "解决时间", "事件发生次数", "暂存款", "暂付款")


def test_at_least_two_hundred_common_indicators_each_with_its_published_source() -> None:
    entries = common_entries()
    assert len(entries) >= 200
    docs = documents()
    for key in common_document_keys():
        assert docs[key]["title"] and docs[key]["url"].startswith("http")
    for entry in entries:
        assert entry.source == "common"
        assert "《" in entry.source_document and "http" in entry.source_document, entry.level3
    # The national documents are among them: 财预〔2013〕53号 and the MoF's three 一级 of project forms.
    assert any("财预〔2013〕53号" in e.source_document for e in entries)
    assert {e.level1 for e in entries} >= {"产出指标", "效益指标", "满意度指标"}


def test_no_indicator_is_shipped_twice_under_the_same_second_level() -> None:
    counted = Counter((normalise_name(e.level3), e.level2) for e in common_entries())
    assert [key for key, n in counted.items() if n > 1] == []


def test_operator_unit_and_direction_agree() -> None:
    for entry in common_entries():
        name = entry.level3
        assert entry.nature in ("定量", "定性"), name
        assert entry.direction in ("正向", "反向"), name
        if entry.nature == "定性":
            assert (entry.operator, entry.unit) == ("", ""), name
            continue
        assert entry.operator in ("≥", "≤", "="), name
        assert entry.unit, name
        if entry.operator == "≥":
            assert entry.direction == "正向", name
        if entry.operator == "≤":
            assert entry.direction == "反向", name


def test_satisfaction_is_at_least_a_percentage_and_damage_rates_at_most() -> None:
    entries = common_entries()
    satisfaction = [e for e in entries if "满意度" in e.level3]
    assert len(satisfaction) >= 15
    assert {(e.operator, e.unit, e.direction) for e in satisfaction} == {("≥", "%", "正向")}
    reverse = [e for e in entries if e.nature == "定量" and any(w in e.level3 for w in _REVERSE_WORDS)
               and "节约" not in e.level3 and "标准" not in e.level3]
    assert any("受害率" in e.level3 for e in reverse)
    for entry in reverse:
        assert (entry.operator, entry.direction) == ("≤", "反向"), entry.level3


def test_cost_indicators_of_several_kinds_are_shipped() -> None:
    costs = [e for e in common_entries() if e.level2 == "成本指标"]
    assert len(costs) >= 10
    assert {"人均培训成本", "单位购置成本", "政府采购节支率", "水电气消耗下降率"} <= {e.level3 for e in costs}
