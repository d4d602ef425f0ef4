"""The editor's labels and ``run_checks`` say the same thing about the same forms.

The editor paints a field (or a 合计 line) red exactly when the checks report an error there;
a weight the editor accepts is one the checks can read. One rule, one place.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from decimal import Decimal

import pytest

from jixiao_desktop.domain import editing
from jixiao_desktop.domain.checks import run_checks
from jixiao_desktop.domain.findings import Severity
from jixiao_desktop.domain.model import Form, FundSource
from jixiao_desktop.domain.weights import read_weight
from jixiao_desktop.ui.editor.editor import FormEditor


def _variants(jinrongjie: Form, niujie: Form, tabular: Form) -> dict[str, Form]:
    forms: dict[str, Form] = {"jinrongjie": jinrongjie, "niujie": niujie, "tabular": tabular}

    def variant(name: str, base: Form, change: Callable[[Form], None]) -> None:
        form = copy.deepcopy(base)
        change(form)
        forms[name] = form

    total = jinrongjie.funds.total
    variant("basic off by a cent", jinrongjie, lambda f: setattr(f.funds, "basic", "9344.55"))
    variant("unreadable basic", jinrongjie, lambda f: setattr(f.funds, "basic", "九千"))
    variant("negative project", jinrongjie, lambda f: setattr(f.funds, "project", "-5"))
    variant("three decimals", jinrongjie, lambda f: setattr(f.funds, "total", "39985.490"))
    variant("empty total", jinrongjie, lambda f: setattr(f.funds, "total", ""))
    variant("sources ok", jinrongjie,
            lambda f: setattr(f.funds, "sources", [FundSource("财政拨款", total), FundSource("其他资金", "0")]))
    variant("sources with an empty amount", jinrongjie,
            lambda f: setattr(f.funds, "sources", [FundSource("财政拨款", total), FundSource("其他资金", "")]))
    variant("sources all empty", jinrongjie,
            lambda f: setattr(f.funds, "sources", [FundSource("财政拨款", ""), FundSource("其他资金", "")]))
    variant("sources unreadable", jinrongjie,
            lambda f: setattr(f.funds, "sources", [FundSource("财政拨款", total), FundSource("其他资金", "abc")]))
    variant("sources off", jinrongjie,
            lambda f: setattr(f.funds, "sources", [FundSource("财政拨款", "1"), FundSource("其他资金", "2")]))
    return forms


def _errors(form: Form) -> list[tuple[str, str]]:
    return [(f.rule, f.field) for f in run_checks(form) if f.severity is Severity.ERROR]


CASES = ["jinrongjie", "niujie", "tabular", "basic off by a cent", "unreadable basic", "negative project",
         "three decimals", "empty total", "sources ok", "sources with an empty amount", "sources all empty",
         "sources unreadable", "sources off"]


@pytest.mark.parametrize("case", CASES)
def test_funds_labels_are_red_exactly_where_the_checks_find_errors(
        case: str, make_editor: Callable[..., FormEditor], jinrongjie: Form, niujie: Form, tabular: Form) -> None:
    form = _variants(jinrongjie, niujie, tabular)[case]
    errors = _errors(form)
    editor = make_editor(form)
    ui = editor.basic_tab.ui

    for attr in ("total", "basic", "project"):
        label = editor.basic_tab._amount_hints[f"funds.{attr}"]
        field_errors = [rule for rule, field in errors if field == f"funds.{attr}" and rule not in ("funds.missing", "funds.sum_mismatch")]
        assert (label.property("hintKind") == "error") == bool(field_errors), (attr, label.text(), errors)

    sum_red = ui.sumLabel.property("hintKind") == "error"
    assert sum_red == any(rule == "funds.sum_mismatch" for rule, _ in errors), (ui.sumLabel.text(), errors)

    sources_red = ui.sourcesSumLabel.property("hintKind") == "error"
    sources_errors = [(r, f) for r, f in errors if f.startswith("funds.sources") or r == "funds.sources_mismatch"]
    assert sources_red == bool(sources_errors), (ui.sourcesSumLabel.text(), errors)


@pytest.mark.parametrize("text", ["10", "10%", "１０", "12.5", "12.5 %", "100", "100.5", "十", "abc", "-5", ""])
def test_a_weight_the_editor_accepts_is_one_the_checks_read(text: str) -> None:
    value = read_weight(text)
    accepted = editing.weight_error(text) is None
    assert accepted == (not text.strip() or (value is not None and value <= Decimal(100))), text
