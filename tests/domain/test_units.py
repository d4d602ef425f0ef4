"""Unit names as a bureau's 应报名单 and the forms write them (issue 19, items 1 and 4)."""

from __future__ import annotations

import pytest

from jixiao_desktop.domain.units import same_unit, unit_key

FULL = "北京市西城区人民政府牛街街道办事处"


@pytest.mark.parametrize("short", ["牛街", "牛街街道", "牛街街道办事处", "西城区牛街街道", "北京市西城区牛街街道办事处",
                                   " 牛街 街道 ", "（牛街街道）", FULL])
def test_short_names_are_the_same_unit(short: str) -> None:
    assert same_unit(FULL, short)


@pytest.mark.parametrize("other", ["金融街街道办事处", "北京市西城区人民政府牛街东街道办事处", "", "西城区财政局"])
def test_other_units_are_not(other: str) -> None:
    assert not same_unit(FULL, other)


def test_a_name_that_only_looks_like_a_place_keeps_its_words() -> None:
    assert unit_key("西城区城市管理委员会") == "城市管理委员会"
    assert unit_key("区委宣传部") == "区委宣传部"
    assert not same_unit("西城区城市管理委员会", "西城区管理委员会")
