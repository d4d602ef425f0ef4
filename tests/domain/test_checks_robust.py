"""The engine never fails on what a clerk may type, whatever it is."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao_desktop.domain.checks import run_checks
from jixiao_desktop.domain.fields import field_text
from jixiao_desktop.domain.model import TEMPLATE_TABULAR, Form, Funds, FundSource, Indicator, IndicatorItem
from jixiao_desktop.domain.quantities import extract_quantities

_ALPHABET = ("0123456789０１２.．,，、；;。：:（）()“”《》-~～%％ \n\t万亿元名人次场户号楼年月日第其中合计共计总各每个"
             "个/约不少于以上以下余多达到满意度率产出效果效益指标一二三四五十①②⑬")
TEXT = st.text(alphabet=_ALPHABET, max_size=80)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_quantities_never_fail_and_spans_hold(text: str) -> None:
    for q in extract_quantities(text):
        assert 0 <= q.span[0] < q.span[1] <= len(text)
        assert text[q.span[0]:q.span[1]] == q.raw


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXT, min_size=12, max_size=12), st.integers(min_value=1990, max_value=2110),
       st.booleans())
def test_run_checks_never_fails(texts: list[str], year: int, tabular: bool) -> None:
    form = Form(
        template=TEMPLATE_TABULAR if tabular else "bj-2021-dept-overall",
        year=year,
        department=texts[0],
        funds=Funds(total=texts[1], basic=texts[2], project=texts[3],
                    sources=[FundSource("财政拨款", texts[4])]),
        goals=texts[5],
        indicators=[
            Indicator(name="产出指标" + texts[6], content=texts[7]),
            Indicator(name=texts[8], content=texts[9], level2=texts[10][:3],
                      items=[IndicatorItem(level3=texts[10], nature="定量", operator=texts[11][:1],
                                           value=texts[11], unit=texts[10][:2], weight=texts[9][:4])]),
        ],
        other_notes=texts[7],
    )
    for finding in run_checks(form):
        assert finding.message
        if finding.span is not None:
            assert 0 <= finding.span[0] < finding.span[1] <= len(field_text(form, finding.field))
