"""已知悉: a warning acknowledged on one form holds while its text is unchanged, and lapses after."""

from __future__ import annotations

import pytest

from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.carry import carry_over
from jixiao_desktop.domain.checks import acknowledge, is_acknowledged, run_checks, unacknowledge
from jixiao_desktop.domain.findings import Finding
from jixiao_desktop.domain.model import Form


def _one(form: Form, rule: str, field: str | None = None) -> Finding:
    found = [f for f in run_checks(form) if f.rule == rule and (field is None or f.field == field)]
    assert len(found) >= 1, rule
    return found[0]


def test_acknowledged_while_unchanged_then_lapses(jinrongjie: Form) -> None:
    finding = _one(jinrongjie, "text.unbalanced_quotes")
    assert not finding.acknowledged
    acknowledge(jinrongjie, finding, note="原文如此", at="2021-03-01T10:00:00")
    [ack] = jinrongjie.acknowledgements
    assert (ack.rule, ack.field, ack.note, ack.at) == (
        "text.unbalanced_quotes", "indicators[0].content", "原文如此", "2021-03-01T10:00:00")
    again = _one(jinrongjie, "text.unbalanced_quotes")
    assert again.acknowledged
    # Other warnings are untouched.
    assert not _one(jinrongjie, "indicators.output_not_quantified").acknowledged
    # An edit elsewhere keeps it; an edit of the field lets it lapse (the ack stays stored).
    jinrongjie.goals += "。"
    assert _one(jinrongjie, "text.unbalanced_quotes").acknowledged
    jinrongjie.indicators[0].content += "\n6）新增一项工作。"
    lapsed = _one(jinrongjie, "text.unbalanced_quotes")
    assert not lapsed.acknowledged
    assert len(jinrongjie.acknowledgements) == 1
    # Acknowledging again replaces the old acknowledgement.
    acknowledge(jinrongjie, lapsed)
    assert len(jinrongjie.acknowledgements) == 1
    assert _one(jinrongjie, "text.unbalanced_quotes").acknowledged


def test_form_level_warning_acknowledged_until_rows_change(niujie: Form) -> None:
    finding = _one(niujie, "indicators.satisfaction_missing")
    acknowledge(niujie, finding)
    assert _one(niujie, "indicators.satisfaction_missing").acknowledged
    assert not _one(niujie, "indicators.outcome_missing").acknowledged
    niujie.indicators[0].name += "。"
    assert not _one(niujie, "indicators.satisfaction_missing").acknowledged


def test_errors_and_infos_cannot_be_acknowledged(niujie: Form) -> None:
    niujie.funds.basic = "5214.99"
    error = _one(niujie, "funds.sum_mismatch")
    with pytest.raises(ValueError, match="警告"):
        acknowledge(niujie, error)
    info = _one(niujie, "funds.normalised")
    with pytest.raises(ValueError):
        acknowledge(niujie, info)
    assert niujie.acknowledgements == []


def test_an_error_with_a_stored_acknowledgement_stays_unacknowledged(niujie: Form) -> None:
    niujie.funds.basic = "5214.99"
    error = _one(niujie, "funds.sum_mismatch")
    from jixiao_desktop.domain.fields import field_fingerprint
    from jixiao_desktop.domain.model import Acknowledgement

    niujie.acknowledgements.append(Acknowledgement(error.rule, error.field,
                                                   field_fingerprint(niujie, error.field)))
    assert not _one(niujie, "funds.sum_mismatch").acknowledged
    assert not is_acknowledged(niujie, error)


def test_unacknowledge(jinrongjie: Form) -> None:
    finding = _one(jinrongjie, "indicators.output_not_quantified")
    acknowledge(jinrongjie, finding)
    assert _one(jinrongjie, "indicators.output_not_quantified").acknowledged
    unacknowledge(jinrongjie, finding)
    assert jinrongjie.acknowledgements == []
    assert not _one(jinrongjie, "indicators.output_not_quantified").acknowledged
    unacknowledge(jinrongjie, finding)  # nothing to withdraw: no error


def test_acknowledgement_survives_the_exchange_file(jinrongjie: Form) -> None:
    acknowledge(jinrongjie, _one(jinrongjie, "text.unbalanced_quotes"), at="2021-03-01T10:00:00")
    reloaded = exchange.loads(exchange.dumps(jinrongjie))
    assert _one(reloaded, "text.unbalanced_quotes").acknowledged


def test_carry_over_drops_acknowledgements(jinrongjie: Form) -> None:
    acknowledge(jinrongjie, _one(jinrongjie, "text.unbalanced_quotes"))
    assert not _one(carry_over(jinrongjie), "text.unbalanced_quotes").acknowledged


def test_default_time_is_filled(jinrongjie: Form) -> None:
    acknowledge(jinrongjie, _one(jinrongjie, "text.unbalanced_quotes"))
    assert jinrongjie.acknowledgements[0].at[:2] == "20"
