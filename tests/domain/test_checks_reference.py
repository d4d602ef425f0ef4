"""What the two reference forms must give (checks.md, "What the reference forms must give")."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao_desktop.domain.carry import carry_over
from jixiao_desktop.domain.checks import clear_caches, has_errors, run_checks
from jixiao_desktop.domain.fields import field_text
from jixiao_desktop.domain.findings import Finding, Severity
from jixiao_desktop.domain.model import Form

# The same expectations as /work/shared/tools/reference-findings.json.
EXPECTED = {
    "jinrongjie": {
        "must": [("indicators.output_not_quantified", "indicators[1]"),
                 ("text.unbalanced_quotes", "indicators[0].content")],
        "must_not": ["funds.sum_mismatch", "indicators.cost_mismatch", "text.duplicate_passage",
                     "text.numbering_broken", "text.stale_year", "indicators.outcome_missing",
                     "indicators.satisfaction_missing", "funds.missing", "funds.not_a_number",
                     "header.department_missing", "header.year_invalid", "goals.missing",
                     "indicators.amount_exceeds_total", "indicators.satisfaction_low",
                     "indicators.rate_over_100", "indicators.range_reversed", "indicators.parts_mismatch"],
    },
    "niujie": {
        "must": [("funds.normalised", "funds.total"), ("indicators.outcome_missing", ""),
                 ("indicators.satisfaction_missing", ""), ("text.duplicate_passage", "goals"),
                 ("text.numbering_broken", "goals"), ("text.numbering_broken", "indicators[3].content")],
        "must_not": ["funds.sum_mismatch", "funds.not_a_number", "funds.missing",
                     "header.department_missing", "header.year_invalid", "goals.missing",
                     "text.stale_year", "indicators.rate_over_100", "indicators.range_reversed"],
    },
}


@pytest.fixture(params=["jinrongjie", "niujie"])
def reference(request: pytest.FixtureRequest) -> tuple[str, Form]:
    return request.param, request.getfixturevalue(request.param)


def _rules(findings: list[Finding]) -> set[str]:
    return {f.rule for f in findings}


def test_reference_expectations(reference: tuple[str, Form]) -> None:
    name, form = reference
    findings = run_checks(form)
    assert not has_errors(findings), [f for f in findings if f.severity is Severity.ERROR]
    for rule, prefix in EXPECTED[name]["must"]:
        assert any(f.rule == rule and f.field.startswith(prefix) for f in findings), (rule, prefix)
    raised = _rules(findings)
    assert not raised & set(EXPECTED[name]["must_not"])


def test_jinrongjie_findings_exactly(jinrongjie: Form) -> None:
    findings = run_checks(jinrongjie)
    assert [(f.rule, f.field) for f in findings] == [
        ("text.unbalanced_quotes", "indicators[0].content"),
        ("indicators.output_not_quantified", "indicators[1].content"),
    ]
    quote = findings[0]
    text = field_text(jinrongjie, quote.field)
    assert quote.span is not None and text[quote.span[0]:].startswith("“我们的节日")


def test_niujie_findings_in_detail(niujie: Form) -> None:
    findings = run_checks(niujie)
    by_rule = {}
    for f in findings:
        by_rule.setdefault(f.rule, []).append(f)
    assert by_rule["funds.normalised"][0].severity is Severity.INFO
    assert "22001.49" in by_rule["funds.normalised"][0].message
    duplicate = by_rule["text.duplicate_passage"]
    assert [f.field for f in duplicate] == ["goals"]
    start, end = duplicate[0].span or (0, 0)
    assert niujie.goals[start:end].startswith("设施，改善居民生活环境；拓展垃圾分类示范小区辐射影响")
    numbering = [(f.field, niujie.goals[f.span[0]:f.span[1]] if f.field == "goals" else None)
                 for f in by_rule["text.numbering_broken"] if f.span]
    assert ("goals", "五、") in numbering
    content = niujie.indicators[3].content
    marks = [content[f.span[0]:f.span[1]] for f in by_rule["text.numbering_broken"]
             if f.field == "indicators[3].content" and f.span]
    assert marks == ["8", "6."]
    # Form-level warnings come last.
    assert [f.rule for f in findings[-2:]] == ["indicators.outcome_missing", "indicators.satisfaction_missing"]


def test_carried_into_next_year_raises_stale_year(reference: tuple[str, Form]) -> None:
    _name, form = reference
    copy = carry_over(form)
    assert copy.year == 2022
    stale = [f for f in run_checks(copy) if f.rule == "text.stale_year"]
    assert stale
    for f in stale:
        assert f.span is not None
        assert field_text(copy, f.field)[f.span[0]:f.span[1]] == "2021年"
        assert "2022" in f.message


def _key(f: Finding) -> tuple[str, str, tuple[int, int] | None]:
    return f.rule, f.field, f.span


@pytest.mark.parametrize("delta", ["0.01", "-0.01"])
def test_one_cent_off_raises_sum_mismatch_only(reference: tuple[str, Form], delta: str) -> None:
    _name, form = reference
    before = {_key(f) for f in run_checks(form)}
    form.funds.basic = str(Decimal(form.funds.basic) + Decimal(delta))
    after = run_checks(form)
    new = [f for f in after if _key(f) not in before]
    assert [(f.rule, f.field) for f in new] == [("funds.sum_mismatch", "funds.total")]
    assert new[0].severity is Severity.ERROR
    assert "相差 0.01 万元" in new[0].message
    assert has_errors(after)


def test_sum_mismatch_message_gives_the_fitting_total(jinrongjie: Form) -> None:
    jinrongjie.funds.project = "30640.96"
    [finding] = [f for f in run_checks(jinrongjie) if f.rule == "funds.sum_mismatch"]
    assert finding.message.startswith(
        "资金总额 39985.49 ≠ 基本支出 9344.54 + 项目支出 30640.96 = 39985.50，相差 0.01 万元")


def test_results_do_not_depend_on_caches(reference: tuple[str, Form]) -> None:
    _name, form = reference
    first = run_checks(form)
    clear_caches()
    assert run_checks(form) == first
    assert run_checks(form.copy()) == first
