"""自评 scoring (spec/self-evaluation.md), in the pure core: examples a clerk can check with a
calculator, and the properties every score must keep."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao_desktop.domain import evaluation as ev
from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.model import TEMPLATE_TABULAR, Form, Indicator, IndicatorItem
from jixiao_desktop.domain.profiles import get_profile, parse_profile
from jixiao_desktop.domain.profiles.model import Scoring

SCORING = get_profile("tabular-generic").scoring


def item(op: str, value: str, unit: str, actual: str, weight: str = "", direction: str = "正向",
         nature: str = "定量") -> IndicatorItem:
    it = IndicatorItem(level3="指标", nature=nature, operator=op, value=value, unit=unit, weight=weight,
                       direction=direction)
    if actual:
        ev.set_item_text(it, "actual_value", actual)
    return it


def form_of(*items: IndicatorItem, budget: str = "100", executed: str = "100") -> Form:
    form = Form(template=TEMPLATE_TABULAR, year=2024, department="某街道",
                indicators=[Indicator(level1="产出指标", level2="数量指标", items=list(items))])
    ev.set_stage(form, ev.Stage.EVALUATION)
    ev.set_execution_text(form, "budget", budget)
    ev.set_execution_text(form, "executed", executed)
    ev.set_execution_text(form, "as_of", "全年")
    return form


def test_the_spec_worked_example() -> None:
    """执行率 85 % → 8.5 of 10; two items weighted 60/40 share the 90 as 54/36; the first met, the
    second (≤ 5 %, actual 8 %) gets 36 × 5/8 = 22.5; total 85."""
    form = form_of(item("≥", "95", "%", "96", weight="60"),
                   item("≤", "5", "%", "8%", weight="40", direction="反向"), executed="85")
    result = ev.score_form(form, SCORING)
    assert result.rate == Decimal("0.85")
    assert result.budget_score == Decimal("8.5")
    assert [s.points for s in result.items] == [Decimal(54), Decimal(36)]
    assert [s.score for s in result.items] == [Decimal(54), Decimal("22.5")]
    assert result.total == Decimal("85")
    assert ev.printed_score(result.total) == "85.00"


def test_equal_shares_without_weights_and_qualitative_bands() -> None:
    a = item("≥", "10", "次", "10")
    b = item("", "明显改善", "", "", nature="定性")
    ev.set_item_text(b, "qualitative_grade", "部分达成")
    result = ev.score_form(form_of(a, b), SCORING)
    assert [s.points for s in result.items] == [Decimal(45), Decimal(45)]
    assert result.items[1].score == Decimal(36)  # the top of 部分达成 (60–80 %)


def test_a_profile_caps_the_total_by_execution_rate() -> None:
    capped = parse_profile('{"format": "jixiao-profile", "format_version": 1, "id": "t-caps", "name": "测试",'
                           ' "scoring": {"caps": [{"rate_below": 80, "score_max": 89},'
                           ' {"rate_below": 50, "score_max": 59}]}}', "t.profile.json").scoring
    form = form_of(item("≥", "10", "次", "10"), executed="75")
    assert ev.score_form(form, capped).uncapped == Decimal("97.5")
    assert ev.score_form(form, capped).total == Decimal(89)
    ev.set_execution_text(form, "executed", "40")
    assert ev.score_form(form, capped).total == Decimal(59)


def test_a_hand_set_score_keeps_its_note_and_is_bounded() -> None:
    a = item("≥", "10", "次", "2")
    ev.set_item_text(a, "score", "80")
    ev.set_item_text(a, "score_note", "经评审组认定")
    result = ev.score_form(form_of(a), SCORING)
    assert result.items[0].hand_set and result.items[0].score == Decimal(80)
    assert result.items[0].computed == Decimal(18)  # 90 × 2/10, shown beside the hand-set one
    ev.set_item_text(a, "score", "95")
    assert ev.score_form(form_of(a), SCORING).items[0].score == Decimal(90)  # never above its points
    ev.set_item_text(a, "score_note", "")  # without a reason the computed score stands
    assert not ev.score_form(form_of(a), SCORING).items[0].hand_set


def test_computed_scores_are_written_and_read_back(tmp_path: object) -> None:
    form = form_of(item("≥", "95", "%", "80%", weight="100"), executed="90")
    result = ev.write_computed(form, SCORING)
    assert ev.evaluation_text(form, "score") == ev.printed_score(result.total)
    back = exchange.loads(exchange.dumps(form))
    assert ev.stage_of(back) is ev.Stage.EVALUATION
    assert ev.item_text(back.indicators[0].items[0], "score") == ev.printed_score(result.items[0].score)
    assert ev.execution_text(back, "executed") == "90"


amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(100000), places=2)


@settings(max_examples=150, deadline=None)
@given(target=amounts, actual=amounts, more=st.decimals(min_value=0, max_value=Decimal(1000), places=2),
       weight=st.integers(1, 100), lower_better=st.booleans())
def test_score_properties(target: Decimal, actual: Decimal, more: Decimal, weight: int, lower_better: bool) -> None:
    op, direction = ("≤", "反向") if lower_better else ("≥", "正向")
    other = item("≥", "1", "次", "1", weight=str(101 - weight))
    it = item(op, str(target), "个", str(actual), weight=str(weight), direction=direction)
    result = ev.score_form(form_of(it, other), SCORING)
    s = result.items[0]
    assert Decimal(0) <= s.score <= s.points  # never above its weight
    assert result.total <= SCORING.budget_points + SCORING.indicator_points
    met = actual <= target if lower_better else actual >= target
    assert (s.score == s.points) == met  # a met target gets full points, a missed one less
    if not lower_better:  # raising the actual value of a 正向 indicator never lowers its score
        raised = item(op, str(target), "个", str(actual + more), weight=str(weight), direction=direction)
        assert ev.score_form(form_of(raised, other), SCORING).items[0].score >= s.score


def test_scoring_defaults_are_the_spec() -> None:
    assert Scoring().budget_points == 10 and Scoring().indicator_points == 90
    assert Scoring().deviation_threshold == 30


def test_the_signed_fingerprint_ignores_the_later_stages(niujie: Form) -> None:
    """A 定稿 form's 定稿指纹 signs the 申报; typing its 自评 must not break the paper copy's check."""
    form = form_of(item("≥", "95", "%", ""))
    before = exchange.fingerprint(form)
    ev.set_item_text(form.indicators[0].items[0], "actual_value", "80%")
    ev.set_item_text(form.indicators[0].items[0], "deviation_reason", "受疫情影响")
    ev.set_row_text(form.indicators[0], "actual", "完成")
    ev.set_evaluation_text(form, "summary", "基本完成")
    assert exchange.fingerprint(form) == before
    form.indicators[0].items[0].value = "90"  # the 申报 itself still counts
    assert exchange.fingerprint(form) != before


def test_an_exported_evaluation_carries_its_scores_without_changing_the_form() -> None:
    form = form_of(item("≥", "10", "次", "5", weight="100"), executed="50")
    text = exchange.dumps(form)
    assert ev.evaluation_text(form, "score") == ""  # the form in memory is left alone
    back = exchange.loads(text)
    assert ev.evaluation_text(back, "score") == "50.00"  # 5 + 45
    assert ev.item_text(back.indicators[0].items[0], "score") == "45.00"
