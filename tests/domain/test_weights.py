"""权重: one reading and one total, shared by the checks, the editor and the exports."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao_desktop.domain.model import Form, Indicator, IndicatorItem
from jixiao_desktop.domain.weights import read_weight, weight_total


@pytest.mark.parametrize(("typed", "value"), [("10", "10"), ("12.5", "12.5"), ("１０", "10"), (" 10% ", "10"),
                                              (".5", "0.5")])
def test_weights_as_typed(typed: str, value: str) -> None:
    assert read_weight(typed) == Decimal(value)


@pytest.mark.parametrize("typed", ["", "十", "10-20", "-5", "1e2", "10分"])
def test_not_weights(typed: str) -> None:
    assert read_weight(typed) is None


def test_total_over_the_whole_form_with_paths() -> None:
    form = Form(indicators=[
        Indicator(items=[IndicatorItem(weight="30"), IndicatorItem(weight="")]),
        Indicator(items=[IndicatorItem(weight="60.5"), IndicatorItem(weight="九")]),
    ])
    total = weight_total(form)
    assert total.total == Decimal("90.5")
    assert total.paths == ("indicators[0].items[0].weight", "indicators[1].items[0].weight",
                           "indicators[1].items[1].weight")
    assert total.unreadable == (("indicators[1].items[1].weight", "九"),)
    assert total.used and not total.ok
    assert weight_total(Form()).ok and not weight_total(Form()).used
