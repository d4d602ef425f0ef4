"""One reading of a year (domain/years.py): the exchange file and our workbook agree on every text."""

from __future__ import annotations

import pytest

from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.years import year_digits, year_in_text
from jixiao_desktop.exporters.xlsx import XlsxImportError
from jixiao_desktop.exporters.xlsx.reader import _parse_year as workbook_year

TEXTS = ["2021", "（2021年度）", "２０２１", "（２０２２年度）", " 2021 年度 ", "(2021)", "（    年度）", "",
         "1850", "99999", "-5", "二〇二一", "2021.5", "²⁰²¹", "2021年度预算", "9" * 19]


@pytest.mark.parametrize("text", TEXTS)
def test_the_exchange_file_and_the_workbook_read_a_year_alike(text: str) -> None:
    try:
        from_exchange: int | str | None = exchange._year(text)
    except exchange.ExchangeError:
        from_exchange = "refused"
    try:
        from_workbook: int | str | None = workbook_year(text)
    except XlsxImportError:
        from_workbook = "refused"
    assert from_exchange == from_workbook
    digits = year_digits(text)
    assert from_exchange == ("refused" if digits is None else int(digits) if digits else None)


def test_what_a_year_is() -> None:
    assert year_digits("（２０２２年度）") == "2022"
    assert year_digits("（    年度）") == ""  # the printed form's blank
    assert year_digits("二〇二一") is None and year_digits("²⁰²¹") is None
    assert year_in_text("２０２１年度部门整体支出绩效目标申报表") == 2021
    assert year_in_text("共1850年度") is None  # not a year the app holds
