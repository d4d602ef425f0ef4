"""The form model: layouts, categories, field paths, carrying a form into next year."""

from __future__ import annotations

import pytest

from jixiao_desktop.domain.carry import carry_over
from jixiao_desktop.domain.fields import (
    field_fingerprint,
    field_label,
    field_text,
    parse_path,
    set_field_text,
)
from jixiao_desktop.domain.model import (
    STANDARD_ROW_NAMES,
    Category,
    Form,
    Indicator,
    Layout,
    canonical_term,
    chinese_numeral,
    classify_indicator,
    detect_layout,
    new_form,
    parse_chinese_numeral,
)


def test_reference_layouts(jinrongjie: Form, niujie: Form) -> None:
    assert detect_layout(jinrongjie) is Layout.STANDARD
    assert detect_layout(niujie) is Layout.NUMBERED
    assert [classify_indicator(i) for i in jinrongjie.indicators] == (
        [Category.OUTPUT] * 4 + [Category.OUTCOME] * 4 + [Category.SATISFACTION])
    assert {classify_indicator(i) for i in niujie.indicators} == {Category.OUTPUT}


@pytest.mark.parametrize(
    ("indicator", "category"),
    [
        (Indicator(name="效益指标一：社会效益"), Category.OUTCOME),
        (Indicator(name="满意度指标：居民满意度"), Category.SATISFACTION),
        (Indicator(name="", level1="产出指标", level2="数量指标"), Category.OUTPUT),
        (Indicator(name="群众满意", level1="满意度指标"), Category.SATISFACTION),
        (Indicator(name="产出指标", level1="效益指标"), Category.OUTCOME),  # level1 wins over the name
        (Indicator(name="其他"), Category.OTHER),
    ],
)
def test_classification(indicator: Indicator, category: Category) -> None:
    assert classify_indicator(indicator) is category


def test_aliases_map_the_beijing_terms() -> None:
    assert canonical_term("效果指标-产出进度指标") == "效益指标-产出时效指标"
    assert canonical_term("环境效益指标") == "生态效益指标"


def test_new_standard_form_prefills_the_nine_rows() -> None:
    form = new_form(Layout.STANDARD, 2026, "某街道办事处")
    assert [i.name for i in form.indicators] == list(STANDARD_ROW_NAMES)
    assert detect_layout(form) is Layout.STANDARD
    assert detect_layout(new_form(Layout.NUMBERED)) is Layout.NUMBERED
    tabular = new_form(Layout.TABULAR)
    assert detect_layout(tabular) is Layout.TABULAR
    assert {i.level1 for i in tabular.indicators} == {"产出指标", "效益指标", "满意度指标"}


@pytest.mark.parametrize("n", [1, 5, 9, 10, 11, 19, 20, 21, 99])
def test_chinese_numerals_round_trip(n: int) -> None:
    assert parse_chinese_numeral(chinese_numeral(n)) == n


def test_chinese_numeral_examples() -> None:
    assert [chinese_numeral(n) for n in (1, 10, 12, 20, 35)] == ["一", "十", "十二", "二十", "三十五"]
    assert parse_chinese_numeral("两") is None
    assert parse_chinese_numeral("") is None


def test_field_paths_read_and_write(jinrongjie: Form) -> None:
    assert field_text(jinrongjie, "funds.total") == "39985.49"
    assert field_text(jinrongjie, "indicators[8].name") == "效果指标-服务对象满意度指标"
    set_field_text(jinrongjie, "indicators[2].content", "新内容")
    assert jinrongjie.indicators[2].content == "新内容"
    set_field_text(jinrongjie, "year", "2022")
    assert jinrongjie.year == 2022
    with pytest.raises(KeyError):
        set_field_text(jinrongjie, "indicators[99].content", "x")
    assert field_text(jinrongjie, "indicators[99].content") == ""
    assert parse_path("indicators[0].items[2].value").item == 2
    assert field_label("indicators[3].content") == "绩效指标第4行指标内容"
    assert field_label("funds.basic") == "基本支出"


def test_field_fingerprint_changes_with_the_text(niujie: Form) -> None:
    before = field_fingerprint(niujie, "goals")
    assert field_fingerprint(niujie, "department") != before
    niujie.goals += "x"
    assert field_fingerprint(niujie, "goals") != before


def test_carry_over_moves_to_next_year_and_keeps_the_text(jinrongjie: Form) -> None:
    nxt = carry_over(jinrongjie)
    assert nxt.year == 2022
    assert nxt.goals == jinrongjie.goals and nxt.funds == jinrongjie.funds
    assert jinrongjie.year == 2021  # the original is untouched


def test_field_label_names_the_row_as_the_clerk_sees_it(niujie: Form, jinrongjie: Form) -> None:
    """A finding says 产出指标四的指标内容, not 绩效指标第4行指标内容 (the clerk counts no rows)."""
    from jixiao_desktop.domain import exchange
    from tests.conftest import FIXTURES

    assert field_label("indicators[3].content", niujie) == "产出指标四的指标内容"
    assert field_label("indicators[3].name", jinrongjie) == "产出指标-产出成本指标的指标名称"
    school = exchange.load(FIXTURES / "school-tabular-2023.json")
    item = school.indicators[0].items[0]
    assert field_label("indicators[0].items[0].value", school) == f"“{item.level3}”的指标值"
    assert field_label("indicators[0].items[0].level3", school) == f"“{item.level3}”"
    # Nothing to name it by: the position, as without the form.
    niujie.indicators[3].name = ""
    assert field_label("indicators[3].content", niujie) == "绩效指标第4行指标内容"
    assert field_label("indicators[99].content", niujie) == "绩效指标第100行指标内容"
