"""The .jixiao.json exchange format: lenient reading, canonical writing, nothing lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.model import (
    TEMPLATE_TABULAR,
    Form,
    Funds,
    FundSource,
    Indicator,
    IndicatorItem,
)
from tests.conftest import JINRONGJIE, NIUJIE


def test_reference_forms_read_as_typed(jinrongjie: Form, niujie: Form) -> None:
    assert jinrongjie.year == 2021
    assert jinrongjie.department == "北京市西城区人民政府金融街街道办事处"
    assert (jinrongjie.funds.total, jinrongjie.funds.basic, jinrongjie.funds.project) == (
        "39985.49", "9344.54", "30640.95")
    assert len(jinrongjie.indicators) == 9
    assert jinrongjie.other_notes == "无。"
    assert niujie.funds.total == "22,001.49"  # kept as typed so the checks can say so
    assert [i.name[:6] for i in niujie.indicators] == ["产出指标一：", "产出指标二：", "产出指标三：",
                                                        "产出指标四：", "产出指标五："]


def test_writer_emits_canonical_amounts(niujie: Form) -> None:
    doc = json.loads(exchange.dumps(niujie))
    assert doc["format"] == "jixiao-form" and doc["format_version"] == 1
    assert doc["form"]["funds"] == {"unit": "万元", "total": "22001.49", "basic": "5214.98",
                                    "project": "16786.51"}
    assert "中" in exchange.dumps(niujie)  # readable Chinese, not \\u escapes


@pytest.mark.parametrize("path", [JINRONGJIE, NIUJIE])
def test_round_trip_keeps_every_typed_character(path) -> None:
    original = json.loads(path.read_text(encoding="utf-8"))
    back = json.loads(exchange.dumps(exchange.load(path)))
    for key in ("department", "goals", "other_notes", "indicators", "year", "template"):
        assert back["form"][key] == original["form"][key]


def test_unknown_keys_survive_a_round_trip() -> None:
    doc = json.loads(NIUJIE.read_text(encoding="utf-8"))
    doc["x_top"] = [1, 2]
    doc["form"]["x_form"] = {"a": "甲"}
    doc["form"]["funds"]["x_funds"] = "f"
    doc["form"]["indicators"][1]["x_row"] = 3
    doc["form"]["indicators"][1]["items"] = [{"level3": "低保户数", "x_item": True}]
    doc["form"]["funds"]["sources"] = [{"name": "财政拨款", "amount": "22,001.49", "x_src": 1}]
    back = json.loads(exchange.dumps(exchange.loads(json.dumps(doc, ensure_ascii=False))))
    assert back["x_top"] == [1, 2]
    assert back["form"]["x_form"] == {"a": "甲"}
    assert back["form"]["funds"]["x_funds"] == "f"
    assert back["form"]["indicators"][1]["x_row"] == 3
    assert back["form"]["indicators"][1]["items"][0]["x_item"] is True
    assert back["form"]["indicators"][1]["items"][0]["level3"] == "低保户数"
    assert back["form"]["funds"]["sources"] == [{"name": "财政拨款", "amount": "22001.49", "x_src": 1}]


def test_newer_format_version_is_refused_clearly() -> None:
    doc = {"format": "jixiao-form", "format_version": 2, "form": {}}
    with pytest.raises(exchange.ExchangeError, match=r"版本为 2.*升级"):
        exchange.loads(json.dumps(doc))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "JSON"),
        ("{", "JSON"),
        ("[]", "最外层"),
        ('{"format": "other"}', "format"),
        ('{"format": "jixiao-form", "format_version": 1}', "form"),
        ('{"format": "jixiao-form", "format_version": 1, "form": {"indicators": {}}}', "indicators"),
        ('{"format": "jixiao-form", "format_version": 1, "form": {"year": "明年"}}', "year"),
        ('{"format": "jixiao-form", "format_version": 1, "form": {"goals": ["a"]}}', "goals"),
        # wrong types are named in Chinese, not as Python type names
        ('{"format": "jixiao-form", "format_version": 1, "form": {"funds": [1]}}', "funds.*却是列表"),
        ('{"format": "jixiao-form", "format_version": 1, "form": {"department": {}}}', "department.*却是对象"),
        ('{"format": "jixiao-form", "format_version": 1, "form": {"acknowledgements": [{"rule": [1]}]}}',
         r"acknowledgements\[0\]\.rule"),
        # only ASCII (or full-width) digits make a year; int() would also take superscripts
        ('{"format": "jixiao-form", "format_version": 1, "form": {"year": "²⁰²¹"}}', "year"),
        ('{"format": "jixiao-form", "format_version": 1, "form": {"year": "' + "9" * 5000 + '"}}', "year"),
        ('{"format": "jixiao-form", "format_version": 1, "form": {"year": ' + "9" * 5000 + "}}", "位数过多"),
        ('{"format": "jixiao-form", "format_version": 1, "form": {"department": "\\ud800"}}', r"\\ud800"),
    ],
)
def test_malformed_files_are_refused_in_chinese(text: str, message: str) -> None:
    with pytest.raises(exchange.ExchangeError, match=message):
        exchange.loads(text)


def test_lenient_year_and_numbers() -> None:
    doc = {"format": "jixiao-form", "format_version": 1,
           "form": {"year": "２０２２年", "funds": {"total": 100.5, "basic": 60, "project": "40.5"}}}
    form = exchange.loads(json.dumps(doc, ensure_ascii=False))
    assert form.year == 2022
    assert (form.funds.total, form.funds.basic) == ("100.5", "60")


@pytest.mark.parametrize("year", [1_000_000_000, -5, 2200])
def test_out_of_range_year_is_read_for_the_check_to_report(year: int) -> None:
    doc = json.loads(NIUJIE.read_text(encoding="utf-8"))
    doc["form"]["year"] = year
    assert exchange.loads(json.dumps(doc)).year == year


def test_file_far_larger_than_a_form_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.jixiao.json"
    path.write_bytes(NIUJIE.read_bytes() + b" " * exchange.MAX_FILE_BYTES)
    with pytest.raises(exchange.ExchangeError, match="文件过大"):
        exchange.load(path)


def test_non_utf8_bytes_are_refused() -> None:
    with pytest.raises(exchange.ExchangeError, match="UTF-8"):
        exchange.loads("部门".encode("gbk"))


def test_utf8_bom_is_accepted() -> None:
    text = NIUJIE.read_text(encoding="utf-8")
    assert exchange.loads(b"\xef\xbb\xbf" + text.encode("utf-8")).year == 2021


def test_fingerprint_follows_the_content_not_the_spelling(niujie: Form) -> None:
    before = exchange.fingerprint(niujie)
    canonical = exchange.loads(exchange.dumps(niujie))
    assert exchange.fingerprint(canonical) == before  # 22,001.49 and 22001.49 are the same amount
    canonical.goals += "。"
    assert exchange.fingerprint(canonical) != before


_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
_items = st.lists(st.builds(IndicatorItem, level3=_text, nature=st.sampled_from(["定量", "定性", ""]),
                            operator=st.sampled_from(["≥", "≤", ""]), value=_text, unit=_text,
                            weight=_text, direction=_text, note=_text), max_size=3)
_forms = st.builds(
    Form,
    template=st.sampled_from(["bj-2021-dept-overall", TEMPLATE_TABULAR]),
    year=st.one_of(st.none(), st.integers(2000, 2100)),
    department=_text,
    funds=st.builds(Funds, total=st.sampled_from(["", "1.00", "100.25"]), basic=st.just("1.00"),
                    project=st.just("0.00"),
                    sources=st.one_of(st.none(), st.lists(st.builds(FundSource, name=_text,
                                                                      amount=st.just("1.00")), max_size=2))),
    goals=_text,
    indicators=st.lists(st.builds(Indicator, name=_text, content=_text, level1=_text, level2=_text,
                                  items=_items), max_size=4),
    other_notes=_text,
)


@settings(max_examples=60)
@given(_forms)
def test_any_form_round_trips(form: Form) -> None:
    assert exchange.loads(exchange.dumps(form)) == form
