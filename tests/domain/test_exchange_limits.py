"""Exchange files: numbers never through float, bounded numbers, depth and size (planted and near miss)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.model import Form
from tests.conftest import NIUJIE


def _doc(**funds: str) -> str:
    """The 牛街 file with raw JSON text substituted for funds values (numbers, constants)."""
    doc = json.loads(NIUJIE.read_text(encoding="utf-8"))
    for key in funds:
        doc["form"]["funds"][key] = f"@@{key}@@"
    text = json.dumps(doc, ensure_ascii=False)
    for key, raw in funds.items():
        text = text.replace(f'"@@{key}@@"', raw)
    return text


def _refused(text: str | bytes, *words: str) -> str:
    with pytest.raises(exchange.ExchangeError) as info:
        exchange.loads(text)
    message = str(info.value)
    for word in words:
        assert word in message, message
    assert "\n" not in message
    return message


@pytest.mark.parametrize(("raw", "typed"), [
    ("39985.49", "39985.49"),
    ("12345678901.23456789", "12345678901.23456789"),  # a float would give 12345678901.234568
    ("0.1", "0.1"),
    ("100", "100"),
    ("1.50", "1.50"),
    ("1e3", "1000"),
    ("2.5E-1", "0.25"),
    ("-0.0", "-0.0"),
])
def test_json_numbers_read_exactly(raw: str, typed: str) -> None:
    form = exchange.loads(_doc(total=raw))
    assert form.funds.total == typed


def test_number_amounts_not_rounded_by_float() -> None:
    form = exchange.loads(_doc(total="9344.54", basic="0.30000000000000004", project="30640.95"))
    assert form.funds.basic == "0.30000000000000004"
    assert Decimal(form.funds.total) == Decimal("9344.54")


@pytest.mark.parametrize("raw", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_refused(raw: str) -> None:
    _refused(_doc(total=raw), raw.lstrip("-"), "JSON")


@pytest.mark.parametrize("raw", ["1e400", "1E+31", "-1e-400", "1e-31"])
def test_huge_exponents_refused(raw: str) -> None:
    _refused(_doc(total=raw), "超出范围")


@pytest.mark.parametrize("raw", ["1e30", "1e-30"])
def test_exponent_near_miss_read(raw: str) -> None:
    exchange.loads(_doc(total=raw))  # read; the funds check refuses the amount itself


@pytest.mark.parametrize("raw", ["1" * 101, "1." + "1" * 100, "-" + "9" * 200])
def test_number_literals_too_long_refused(raw: str) -> None:
    _refused(_doc(total=raw), "位数过多")


def test_long_integer_near_miss_read() -> None:
    assert exchange.loads(_doc(total="9" * 100)).funds.total == "9" * 100


def test_year_digits_stay_an_integer() -> None:
    text = NIUJIE.read_text(encoding="utf-8").replace('"year": 2021', '"year": 2021')
    assert exchange.loads(text).year == 2021


def test_numbers_in_unknown_keys_kept_without_loss() -> None:
    doc = json.loads(NIUJIE.read_text(encoding="utf-8"))
    doc["form"]["x_tool"] = {"a": "@a@", "b": "@b@", "c": "@c@"}
    text = json.dumps(doc, ensure_ascii=False)
    text = text.replace('"@a@"', "7").replace('"@b@"', "1.5").replace('"@c@"', "0.1000000000000000000001")
    form = exchange.loads(text)
    assert form.extra["x_tool"] == {"a": 7, "b": 1.5, "c": "0.1000000000000000000001"}
    again = exchange.loads(exchange.dumps(form))  # and it can be written and stored again
    assert again.extra == form.extra


@pytest.mark.parametrize("depth", [65, 1000, 100_000])
def test_deep_nesting_refused_in_chinese(depth: int) -> None:
    doc = json.loads(NIUJIE.read_text(encoding="utf-8"))
    doc["form"]["x_deep"] = "@deep@"
    text = json.dumps(doc).replace('"@deep@"', "[" * depth + "]" * depth)
    _refused(text, "嵌套过深")


def test_nesting_near_miss_read() -> None:
    doc = json.loads(NIUJIE.read_text(encoding="utf-8"))
    doc["form"]["x_deep"] = "@deep@"
    text = json.dumps(doc).replace('"@deep@"', "[" * 60 + "]" * 60)
    assert exchange.loads(text).extra["x_deep"]


def test_top_level_deep_nesting_refused() -> None:
    _refused("[" * 200_000, "嵌套过深")
    _refused("{\"a\":" * 200_000, "嵌套过深")


def test_text_over_the_cap_refused_before_parsing() -> None:
    _refused(" " * (exchange.MAX_FILE_BYTES + 1), "文件过大")


def test_lone_surrogates_still_refused() -> None:
    text = NIUJIE.read_text(encoding="utf-8").replace('"department": "', '"department": "\\ud800', 1)
    _refused(text, "代理项")


def test_form_size_cap(niujie: Form) -> None:
    exchange.check_form_size(niujie)
    niujie.goals = "一" * (exchange.MAX_FILE_BYTES // 3 + 10)
    with pytest.raises(exchange.ExchangeError, match="申报表内容过大"):
        exchange.check_form_size(niujie)
    niujie.goals = "一" * (exchange.MAX_FILE_BYTES // 3 - 100_000)
    exchange.check_form_size(niujie)


def test_millions_of_numbers_refused_near_miss_read() -> None:
    doc = json.loads(NIUJIE.read_text(encoding="utf-8"))
    doc["form"]["x_list"] = "@list@"
    base = json.dumps(doc)
    _refused(base.replace('"@list@"', "[" + ",".join(["1.5"] * 150_000) + "]"), "数字超过")
    assert len(exchange.loads(base.replace('"@list@"', "[" + ",".join(["1.5"] * 1000) + "]")).extra["x_list"]) == 1000


def test_year_of_forty_digits_refused_near_miss_read() -> None:
    text = NIUJIE.read_text(encoding="utf-8")
    _refused(text.replace('"year": 2021', '"year": ' + "9" * 40), "四位年份")
    assert exchange.loads(text.replace('"year": 2021', '"year": 999999999999')).year == 999999999999
