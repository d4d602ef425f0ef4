"""Amounts as clerks type them: read exactly, never through a float."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao_desktop.domain.money import (
    AmountError,
    canonical_amount_text,
    format_amount,
    parse_amount,
    quantize_cents,
)


@pytest.mark.parametrize(
    ("typed", "value", "canonical", "normalised"),
    [
        ("39985.49", "39985.49", "39985.49", False),
        ("22,001.49", "22001.49", "22001.49", True),
        ("３９９８５．４９", "39985.49", "39985.49", True),
        (" 39985.49万元 ", "39985.49", "39985.49", True),
        ("  9344.54  ", "9344.54", "9344.54", False),
        ("100", "100", "100.00", False),
        ("0", "0", "0.00", False),
        ("6923.3552", "6923.3552", "6923.3552", False),
        ("1,050,000.00", "1050000.00", "1050000.00", True),
        ("-5.5", "-5.5", "-5.50", False),
        (".5", "0.5", "0.50", False),
    ],
)
def test_accepts_what_clerks_type(typed: str, value: str, canonical: str, normalised: bool) -> None:
    parsed = parse_amount(typed)
    assert parsed.value == Decimal(value)
    assert parsed.canonical == canonical
    assert parsed.normalised is normalised


@pytest.mark.parametrize(
    ("typed", "reason_part"),
    [
        ("", "未填写"),
        ("   ", "未填写"),
        ("abc", "不是数字"),
        ("1.2.3", "不是数字"),
        ("22,00.49", "千位分隔符"),
        ("12 34", "空格"),
        ("三千万", "不是数字"),
        ("1e5", "不是数字"),
        ("NaN", "不是数字"),
    ],
)
def test_refuses_the_rest_with_a_chinese_reason(typed: str, reason_part: str) -> None:
    with pytest.raises(AmountError) as info:
        parse_amount(typed)
    assert reason_part in info.value.reason


def test_decimals_counted_for_the_precision_warning() -> None:
    assert parse_amount("1.234").decimals == 3
    assert parse_amount("1.2").decimals == 1
    assert parse_amount("1.234").printed == "1.234"  # printouts show the decimals typed


def test_binary_float_trap_does_not_exist_here() -> None:
    total = parse_amount("9344.54").value + parse_amount("30640.95").value
    assert total == parse_amount("39985.49").value
    assert format_amount(total) == "39985.49"


def test_rounding_is_half_up_like_the_printed_form() -> None:
    assert quantize_cents(Decimal("0.005")) == Decimal("0.01")
    assert quantize_cents(Decimal("0.015")) == Decimal("0.02")


def test_unreadable_text_is_kept_by_writers() -> None:
    assert canonical_amount_text("约四万") == "约四万"
    assert canonical_amount_text("22,001.49") == "22001.49"


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_canonical_text_reads_back_to_the_same_amount(value: Decimal) -> None:
    text = format_amount(value)
    assert parse_amount(text).value == value
    grouped = f"{value:,.2f}"
    assert parse_amount(grouped).value == value


@pytest.mark.parametrize("typed", ["1" * 27, "1" * 13, "9" * 40 + ".5", "1." + "1" * 30])
def test_absurd_amounts_are_refused_not_crashed_on(typed: str) -> None:
    with pytest.raises(AmountError) as info:
        parse_amount(typed)
    assert "过" in info.value.reason


def test_largest_plausible_amount_is_fine() -> None:
    assert parse_amount("999999999999.99").canonical == "999999999999.99"
