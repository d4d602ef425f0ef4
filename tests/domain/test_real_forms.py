"""Real published forms from other provinces, each checked under its profile (issue 16).

``tests/fixtures/real-forms/expected.json`` holds the findings each form must give, written from
reading the published table before the checks were run: the exact set, so any other finding is a
false alarm. Each form file names its source (title and URL) in its ``source`` key.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.checks import run_checks
from jixiao_desktop.domain.profiles import get_profile
from tests.conftest import JINRONGJIE, NIUJIE

FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "real-forms"
EXPECTED: dict[str, dict[str, object]] = {
    name: case for name, case in json.loads((FOLDER / "expected.json").read_text(encoding="utf-8")).items()
    if not name.startswith("_")
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_form_gives_exactly_the_expected_findings(name: str) -> None:
    case = EXPECTED[name]
    path = FOLDER / f"{case.get('file', name)}.jixiao.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["source"]["url"].startswith("http")
    form = exchange.load(path)
    profile = get_profile(str(case["profile"]))
    got = sorted((f.rule, f.field) for f in run_checks(form, profile=profile))
    want = sorted(tuple(pair) for pair in case["findings"])  # type: ignore[union-attr]
    assert got == want


def test_every_builtin_profile_but_two_has_a_real_form() -> None:
    covered = {str(case["profile"]) for case in EXPECTED.values()} | {"bj-2021"}
    # cq and overall-2023: no published table could be read in full (docs/dev/notes/issue-16-profiles.md)
    assert covered >= {"bj-2021", "tabular-generic", "sc", "hn"}


def test_both_reference_forms_under_bj_2021_give_what_checks_md_says() -> None:
    bj = get_profile("bj-2021")
    jin = {(f.rule, f.field) for f in run_checks(exchange.load(JINRONGJIE), profile=bj)}
    assert ("indicators.output_not_quantified", "indicators[1].content") in jin
    assert ("text.unbalanced_quotes", "indicators[0].content") in jin
    assert not {r for r, _ in jin} & {"funds.sum_mismatch", "indicators.cost_mismatch", "text.duplicate_passage",
                                      "text.numbering_broken", "text.stale_year", "indicators.outcome_missing",
                                      "indicators.satisfaction_missing", "indicators.parts_mismatch"}
    niu = run_checks(exchange.load(NIUJIE), profile=bj)
    rules = {(f.rule, f.field) for f in niu}
    assert {("funds.normalised", "funds.total"), ("indicators.outcome_missing", ""),
            ("indicators.satisfaction_missing", ""), ("text.duplicate_passage", "goals"),
            ("text.numbering_broken", "goals"), ("text.numbering_broken", "indicators[3].content")} <= rules
    assert not [f for f in niu if f.severity == "error"]
    # the same result as with no profile named (bj-2021 is the template's default)
    assert [f.to_json() for f in niu] == [f.to_json() for f in run_checks(exchange.load(NIUJIE))]
