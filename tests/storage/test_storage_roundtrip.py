"""Form → database → Form gives the same form back (amounts canonical), whatever it holds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao_desktop.domain.model import (
    TEMPLATE_TABULAR,
    Acknowledgement,
    Form,
    Funds,
    FundSource,
    Indicator,
    IndicatorItem,
)
from jixiao_desktop.domain.money import AmountError, parse_amount
from jixiao_desktop.storage.repository import FormRepository


def _canonical(text: str) -> str:
    try:
        return parse_amount(text).canonical
    except (AmountError, ArithmeticError):
        return text


def as_stored(form: Form) -> Form:
    """What the database should give back: amounts canonical when readable, all else as is."""
    expected = form.copy()
    funds = expected.funds
    funds.total, funds.basic, funds.project = (_canonical(funds.total), _canonical(funds.basic),
                                               _canonical(funds.project))
    for source in funds.sources or ():
        source.amount = _canonical(source.amount)
    return expected


def test_fixtures_round_trip(repo: FormRepository, jinrongjie: Form, niujie: Form) -> None:
    for form in (jinrongjie, niujie):
        assert repo.load(repo.create(form)).form.without_identity() == (as_stored(form)).without_identity()


def test_typed_amounts_are_stored_canonically_and_unreadable_ones_as_typed(repo: FormRepository) -> None:
    huge = "9" * 30  # more digits than Decimal's context holds
    form = Form(funds=Funds(total="３９,９８５.４９万元", basic=" 9344.5 ", project="约三万",
                            sources=[FundSource("财政拨款", "1,000"), FundSource("其他", "待定 "),
                                     FundSource("巨额", huge)]))
    stored = repo.load(repo.create(form)).form
    assert (stored.funds.total, stored.funds.basic, stored.funds.project) == ("39985.49", "9344.50", "约三万")
    assert [s.amount for s in stored.funds.sources or ()] == ["1000.00", "待定 ", huge]


def test_everything_a_form_can_hold_round_trips(repo: FormRepository) -> None:
    form = Form(
        template=TEMPLATE_TABULAR,
        year=None,
        department="",
        funds=Funds(total="", basic="", project="", unit="元",
                    sources=[], extra={"note": None, "nested": {"a": [1, 2.5, True, None]}}),
        goals="第一行\n第二行\t制表\r\n",
        indicators=[
            Indicator(name="", content="", level1="产出指标", level2="数量指标", items=[
                IndicatorItem("绿地", "定量", "≥", "113,816", "平方米", "10.0", "正向", "", extra={"k": 1}),
                IndicatorItem(),
            ], extra={"x": "y"}),
            Indicator(name="效果指标-服务对象满意度指标", content="≥90%"),
        ],
        other_notes="无。",
        acknowledgements=[Acknowledgement("funds.sum", "funds.total", "f1", "已核对", "2021-01-01T00:00:00Z"),
                          Acknowledgement("text.stale_year", "goals", "f2")],
        extra={"custom": "保留", "list": [1, "二", {"三": 3}]},
        document_extra={"generator": "其他程序", "exported_at": "2021-01-01"},
    )
    stored = repo.load(repo.create(form)).form
    assert stored.without_identity() == form
    # An empty source list is not the same as no source block at all.
    assert stored.funds.sources == []
    no_sources = Form(funds=Funds(sources=None))
    assert repo.load(repo.create(no_sources)).form.funds.sources is None


# --- generated forms ------------------------------------------------------------------------------

_text = st.text(max_size=30)
_amounts = st.one_of(
    _text,
    st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=-10**9, max_value=10**9).map(str),
    st.sampled_from(["22,001.49", "３９９８５.４９", " 100 ", "1.234", "100万元", "-0", "", "9" * 30]),
)
_json_scalar = st.one_of(st.none(), st.booleans(), st.integers(min_value=-(2**63), max_value=2**63),
                         st.floats(allow_nan=False), _text)
_json = st.recursive(_json_scalar, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(_text, inner, max_size=3)), max_leaves=8)
_extra: st.SearchStrategy[dict[str, Any]] = st.dictionaries(_text, _json, max_size=3)

_items = st.builds(IndicatorItem, level3=_text, nature=_text, operator=_text, value=_amounts, unit=_text,
                   weight=_amounts, direction=_text, note=_text, extra=_extra)
_indicators = st.builds(Indicator, name=_text, content=st.text(max_size=200), level1=_text, level2=_text,
                        items=st.lists(_items, max_size=3), extra=_extra)
_sources = st.builds(FundSource, name=_text, amount=_amounts, extra=_extra)
_funds = st.builds(Funds, total=_amounts, basic=_amounts, project=_amounts, unit=_text,
                   sources=st.none() | st.lists(_sources, max_size=3), extra=_extra)
_acks = st.builds(Acknowledgement, rule=_text, field=_text, fingerprint=_text, note=_text, at=_text)
forms = st.builds(
    Form, template=_text, year=st.none() | st.integers(min_value=-(2**63), max_value=2**63 - 1),
    department=_text, funds=_funds, goals=st.text(max_size=300), indicators=st.lists(_indicators, max_size=5),
    other_notes=_text, acknowledgements=st.lists(_acks, max_size=3), extra=_extra, document_extra=_extra)


@pytest.fixture(scope="module")
def shared_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FormRepository]:
    path: Path = tmp_path_factory.mktemp("roundtrip") / "jixiao.db"
    repo = FormRepository.open(path)
    yield repo
    repo.close()


_settings = settings(max_examples=60, deadline=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture])


@_settings
@given(form=forms)
def test_generated_forms_round_trip(shared_repo: FormRepository, form: Form) -> None:
    assert shared_repo.load(shared_repo.create(form)).form.without_identity() == (as_stored(form)).without_identity()


@_settings
@given(first=forms, second=forms)
def test_save_replaces_with_exactly_the_new_form(shared_repo: FormRepository, first: Form,
                                                 second: Form) -> None:
    form_id = shared_repo.create(first)
    shared_repo.save(form_id, second)
    assert shared_repo.load(form_id).form.without_identity() == (as_stored(second)).without_identity()
