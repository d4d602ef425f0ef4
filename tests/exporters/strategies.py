"""Hypothesis strategies for whole forms, both templates, with text a clerk could type."""

from __future__ import annotations

from hypothesis import strategies as st

from jixiao_desktop.domain.model import (
    OPERATORS,
    TEMPLATE_BJ_2021,
    TEMPLATE_TABULAR,
    Form,
    Funds,
    FundSource,
    Indicator,
    IndicatorItem,
)

# Any printable character (no control characters: Excel cannot hold them), plus the characters
# that matter here: line breaks, tabs, formula starters, CJK, circled numbers, full-width space.
_chars = st.characters(blacklist_categories=("Cs", "Cc", "Cn", "Co"))
_special = st.sampled_from(["\n", "\n", "\t", "=", "+", "-", "@", " ", "  ", "中", "㎡", "⑪", "“", "　", "（续）"])
short_text = st.lists(st.one_of(_chars, _special), max_size=30).map("".join)
_line = st.lists(st.one_of(_chars, _special, st.sampled_from("绩效目标指标内容")), max_size=60).map("".join)
long_text = st.one_of(
    short_text,
    st.builds(lambda parts: "\n".join(parts), st.lists(_line, max_size=12)),
    # Occasionally far longer than a page: many lines, or one line without any break.
    st.builds(lambda s, n: s * n, st.text(st.sampled_from("城市管理和环境建设ab1 、（）\n"), min_size=1,
                                          max_size=20), st.integers(50, 400)),
)
formula_text = st.builds(lambda a, b: a + b, st.sampled_from(["=", "+", "-", "@", "=SUM(A1:A2)", "=HYPERLINK(\"x\")"]),
                         short_text)
amount = st.one_of(
    st.just(""),
    st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False).map(lambda d: f"{d:f}"),
    st.decimals(min_value=0, max_value=10**6, places=4, allow_nan=False).map(lambda d: f"{d:f}"),
    st.sampled_from(["22,001.49", "３９９８５.４９", " 100 ", "100万元", "待定", "=1+1", "12345678901234567.5"]),
)
text = st.one_of(short_text, formula_text)


def _form(draw: st.DrawFn, template: str, indicators: list[Indicator]) -> Form:
    """A form of ``template`` around ``indicators``: the header, funds and texts drawn."""
    return Form(
        template=template,
        year=draw(st.one_of(st.none(), st.integers(2000, 2100))),
        department=draw(text),
        funds=draw(_funds()),
        goals=draw(st.one_of(text, long_text)),
        indicators=indicators,
        other_notes=draw(st.one_of(text, long_text)),
    )


@st.composite
def bj_forms(draw: st.DrawFn) -> Form:
    indicators = draw(st.lists(st.builds(Indicator, name=text, content=st.one_of(text, long_text)), max_size=6))
    return _form(draw, TEMPLATE_BJ_2021, indicators)


@st.composite
def _funds(draw: st.DrawFn) -> Funds:
    sources = draw(st.one_of(st.none(), st.lists(st.builds(FundSource, name=short_text, amount=amount),
                                                 max_size=3)))
    return Funds(total=draw(amount), basic=draw(amount), project=draw(amount), sources=sources)


_items = st.builds(
    IndicatorItem,
    level3=text,
    nature=st.one_of(st.sampled_from(["定量", "定性", ""]), short_text),
    operator=st.one_of(st.sampled_from([*OPERATORS, ""]), short_text),
    value=st.one_of(text, st.sampled_from(["95", "≥ 95", "≥95", "100%", "<5"])),
    unit=short_text,
    weight=st.one_of(st.sampled_from(["", "10", "10.50", "0", "5.5", "007", "10%"]), short_text),
    direction=st.sampled_from(["", "正向", "反向"]),
    note=short_text,
)


@st.composite
def tabular_forms(draw: st.DrawFn) -> Form:
    level1 = st.sampled_from(["产出指标", "效益指标", "满意度指标", "", "合计", "其他说明的问题"])
    indicators = draw(st.lists(
        st.builds(Indicator, name=st.one_of(st.just(""), short_text), content=st.one_of(st.just(""), text),
                  level1=st.one_of(level1, short_text), level2=short_text,
                  items=st.lists(_items, max_size=3)),
        max_size=6))
    return _form(draw, TEMPLATE_TABULAR, indicators)
