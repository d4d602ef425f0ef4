"""checks.md "Amounts as typed": each parser rule planted, with its near miss."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao_desktop.domain.checks import run_checks
from jixiao_desktop.domain.findings import Severity
from jixiao_desktop.domain.model import TEMPLATE_BJ_2021, TEMPLATE_TABULAR, Form, Funds, FundSource
from jixiao_desktop.domain.money import AmountError, parse_amount, printed_amount


def _reason(text: str) -> str:
    with pytest.raises(AmountError) as info:
        parse_amount(text)
    return info.value.reason


# --- digits ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "script"), [
    ("٣٩٩٨٥.٤٩", "阿拉伯文数字"),      # Arabic-Indic
    ("۳۹۹۸۵.۴۹", "波斯文数字"),        # Extended Arabic-Indic
    ("३९९८५.४९", "天城文"),            # Devanagari
    ("𝟑𝟗𝟗𝟖𝟓.𝟒𝟗", "数学符号数字"),      # mathematical bold
    ("𝟛𝟡𝟡𝟠𝟝", "数学符号数字"),          # double-struck
    ("39985.4٩", "阿拉伯文数字"),       # one stray digit at the end
    ("๓๙", "泰文数字"),
])
def test_digits_of_other_scripts_refused_with_the_reason(typed: str, script: str) -> None:
    reason = _reason(typed)
    assert script in reason and "0–9" in reason


@pytest.mark.parametrize("typed", ["39985.49", "３９９８５．４９", "39,985.49"])
def test_ascii_and_full_width_digits_read(typed: str) -> None:
    assert parse_amount(typed).value == Decimal("39985.49")


@pytest.mark.parametrize("typed", ["²", "½", "①", "Ⅲ", "三"])
def test_other_number_signs_are_not_amounts(typed: str) -> None:
    assert "不是数字" in _reason(typed)


# --- leading zero group ---------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["0,123", "00,123", "0,123.45", "-0,123", "０，１２３"])
def test_leading_zero_group_refused(typed: str) -> None:
    assert "0," in _reason(typed)


@pytest.mark.parametrize(("typed", "value"), [("1,234", "1234"), ("10,123.45", "10123.45"), ("0.123", "0.123"),
                                              ("100,000,000.00", "100000000.00")])
def test_real_groups_read(typed: str, value: str) -> None:
    assert parse_amount(typed).value == Decimal(value)


# --- 元 --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "wan", "canonical", "yuan"), [
    ("3,309,840.00元", "330.984", "330.984", "3309840.00"),
    ("3309840元", "330.984", "330.984", "3309840"),
    ("1000000元", "100", "100.00", "1000000"),
    ("12345.67 元", "1.234567", "1.234567", "12345.67"),
    ("１５元", "0.0015", "0.0015", "15"),
    ("0元", "0", "0.00", "0"),
])
def test_trailing_yuan_converted_exactly(typed: str, wan: str, canonical: str, yuan: str) -> None:
    parsed = parse_amount(typed)
    assert parsed.value == Decimal(wan)
    assert parsed.canonical == canonical
    assert parsed.yuan == Decimal(yuan) and parsed.converted_from_yuan
    assert parsed.value * 10000 == parsed.yuan  # exact, nothing rounded


@pytest.mark.parametrize("typed", ["330.98万元", "330.98万", "330.98"])
def test_wan_and_bare_numbers_are_wan(typed: str) -> None:
    parsed = parse_amount(typed)
    assert parsed.value == Decimal("330.98") and not parsed.converted_from_yuan


def test_yuan_with_too_many_decimals_refused() -> None:
    assert "小数位过多" in _reason("1.23456元")
    assert parse_amount("1.2345元").value == Decimal("0.00012345")


def _form(total: str, basic: str, project: str, template: str = TEMPLATE_BJ_2021) -> Form:
    return Form(template=template, year=2022, department="某某街道办事处",
                funds=Funds(total=total, basic=basic, project=project))


def _funds_findings(form: Form) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for f in run_checks(form):
        if f.rule.startswith("funds."):
            found.setdefault(f.rule, []).append(f.message)
    return found


def test_converted_from_yuan_finding_gives_both_figures() -> None:
    form = _form("3,309,840.00元", "1309840元", "200.00")
    found = _funds_findings(form)
    assert "funds.sum_mismatch" not in found  # 330.984 = 130.984 + 200.00, exactly
    messages = found["funds.converted_from_yuan"]
    assert len(messages) == 2
    assert "3309840.00 元 = 330.984 万元" in messages[0]
    assert "funds.normalised" not in found
    [info] = [f for f in run_checks(form) if f.rule == "funds.converted_from_yuan" and f.field == "funds.total"]
    assert info.severity is Severity.INFO


# --- exact sums -------------------------------------------------------------------------------


def test_four_decimal_form_holds_exactly() -> None:
    form = _form("10606.7522", "6923.3552", "3683.3970", template=TEMPLATE_TABULAR)
    form.funds.sources = [FundSource("财政拨款", "6923.3552"), FundSource("自有资金", "0"),
                          FundSource("其他资金", "3683.3970")]
    assert _funds_findings(form) == {}


def test_four_decimal_mismatch_found_exactly() -> None:
    form = _form("10606.7522", "6923.3552", "3683.3971", template=TEMPLATE_TABULAR)
    [message] = _funds_findings(form)["funds.sum_mismatch"]
    assert "10606.7522 ≠ 基本支出 6923.3552 + 项目支出 3683.3971 = 10606.7523，相差 0.0001 万元" in message


def test_sources_compared_exactly() -> None:
    form = _form("100.00", "40.00", "60.00", template=TEMPLATE_TABULAR)
    form.funds.sources = [FundSource("财政拨款", "99.995"), FundSource("其他资金", "0.004")]
    [message] = _funds_findings(form)["funds.sources_mismatch"]
    assert "99.995 + 0.004 = 99.999" in message and "相差 0.001 万元" in message
    form.funds.sources[1].amount = "0.005"
    assert "funds.sources_mismatch" not in _funds_findings(form)


def test_rounding_no_longer_hides_a_mismatch() -> None:
    # 40.004 + 60.00 printed to two decimals would read 100.00; typed, it is 100.004.
    assert "funds.sum_mismatch" in _funds_findings(_form("100.00", "40.004", "60.00", TEMPLATE_TABULAR))


def test_reference_sums_still_hold(jinrongjie: Form, niujie: Form) -> None:
    assert "funds.sum_mismatch" not in _funds_findings(jinrongjie)
    assert "funds.sum_mismatch" not in _funds_findings(niujie)


# --- precision --------------------------------------------------------------------------------


def test_precision_is_a_warning_only_in_the_beijing_template() -> None:
    bj = _form("10606.7522", "6923.3552", "3683.3970", template=TEMPLATE_BJ_2021)
    found = _funds_findings(bj)
    assert len(found["funds.precision"]) == 3
    assert "4 位小数" in found["funds.precision"][0]
    assert all(f.severity is Severity.WARNING for f in run_checks(bj) if f.rule == "funds.precision")
    tabular = _form("10606.7522", "6923.3552", "3683.3970", template=TEMPLATE_TABULAR)
    assert "funds.precision" not in _funds_findings(tabular)


def test_two_decimals_no_precision_warning() -> None:
    assert "funds.precision" not in _funds_findings(_form("100.00", "40.0", "60"))


# --- printing ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "printed"), [
    ("22,001.49", "22,001.49"),  # separators print only as typed, like the official printout
    ("22001.49", "22001.49"),
    ("1,050,000", "1,050,000.00"),
    ("6923.3552", "6923.3552"),
    ("3683.3970", "3683.3970"),
    ("100", "100.00"),
    ("0", "0.00"),
    ("40.5", "40.50"),
    ("３９９８５．４９", "39985.49"),
    ("3,309,840.00元", "330.984"),
    (" 待定 ", "待定"),
    ("", ""),
])
def test_printed_amount_keeps_the_decimals_typed(typed: str, printed: str) -> None:
    assert printed_amount(typed) == printed


def test_printed_figures_add_up_whenever_typed_ones_do() -> None:
    total, basic, project = (Decimal(printed_amount(t)) for t in ("10606.7522", "6923.3552", "3683.3970"))
    assert total == basic + project
