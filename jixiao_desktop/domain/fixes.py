"""One-click fixes: for a finding whose correction is certain, the field edits that make it.

Pure Python. The window offers the button and pushes the edits as one undoable step; what the
new text is, and whether a fix is certain enough to offer, is decided here:

* ``items.range_value`` ``6-8 次`` → operator ``≥``, value ``6`` (``≤`` and the upper bound for a
  反向 indicator);
* ``items.range_not_allowed`` (a profile that wants one value): the same as ``items.range_value``;
* ``items.incomplete`` on a 定量 item that lacks only its operator (``100`` ``%``, the tabular forms
  with no 计算符号 column) → the operator of its direction (``≥``, ``≤`` for a 反向 indicator such as
  受灾率; never ``=`` by default, checks.md Round 3), or the operator written into the value
  (``≥90`` → ``≥`` ``90``);
  a unit written into the value moves to the 计量单位 column;
* ``items.value_has_unit`` ``12.5万元`` with an empty unit column → value ``12.5``, unit ``万元``;
* ``funds.sum_mismatch`` → 资金总额 = 基本支出 + 项目支出;
* ``funds.converted_from_yuan`` ``3,309,840.00元`` → ``330.984`` (万元, converted exactly by ``money``).

A fix is offered only when after it the item (or the amounts) read without that finding; a
value whose unit contradicts its unit column, an ``约`` value, a reversed range get none.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from jixiao_desktop.domain.checks.items import (
    ItemValue,
    direction_operator,
    is_placeholder,
    is_reverse,
    normalise_operator,
    read_value,
)
from jixiao_desktop.domain.checks.registry import fmt_number
from jixiao_desktop.domain.fields import field_text, parse_path
from jixiao_desktop.domain.findings import Finding
from jixiao_desktop.domain.model import NATURE_QUALITATIVE, OPERATORS, Form, Indicator, IndicatorItem
from jixiao_desktop.domain.money import AmountError, format_amount, parse_amount
from jixiao_desktop.domain.quantities import is_date

# Operator words a clerk writes into the value, and what they mean for certain (约 is not certain).
_VALUE_OPERATORS = {
    "≥": "≥", "≤": "≤", "=": "=", ">": ">", "<": "<", ">=": "≥", "<=": "≤", "≧": "≥", "≦": "≤",
    "不低于": "≥", "不少于": "≥", "大于等于": "≥", "不高于": "≤", "不超过": "≤", "小于等于": "≤",
}


@dataclass(frozen=True)
class FieldEdit:
    """Set the text at ``path`` (a field path of ``domain.fields``) to ``text``."""

    path: str
    text: str


@dataclass(frozen=True)
class Fix:
    """What one click does: ``label`` for the button and the undo step, then the edits."""

    label: str
    edits: tuple[FieldEdit, ...]


FIXABLE_RULES = frozenset(("items.range_value", "items.range_not_allowed", "items.incomplete", "items.value_has_unit",
                           "funds.sum_mismatch", "funds.converted_from_yuan"))


def fix_for(form: Form, finding: Finding) -> Fix | None:
    """The certain fix of ``finding`` on ``form``, or ``None`` when there is none."""
    if finding.rule not in FIXABLE_RULES:
        return None
    if finding.rule == "funds.sum_mismatch":
        return _sum_fix(form)
    if finding.rule == "funds.converted_from_yuan":
        return _yuan_fix(form, finding.field)
    path = parse_path(finding.field)
    if path.indicator is None or path.item is None:
        return None
    try:
        item = form.indicators[path.indicator].items[path.item]
    except IndexError:
        return None
    if finding.rule == "items.incomplete" and path.attr not in ("operator", "unit"):
        return None  # a missing name or number: only the clerk knows it
    base = f"indicators[{path.indicator}].items[{path.item}]"
    return _item_fix(form, base, item)


def fix_all(form: Form, finding: Finding, findings: Iterable[Finding]) -> Fix | None:
    """The fix of ``finding`` applied to every finding of the same rule that has one (one step).

    ``None`` when fewer than two findings of that rule can be fixed (the single fix is enough).
    """
    edits: list[FieldEdit] = []
    count = 0
    seen: set[str] = set()
    for other in findings:
        if other.rule != finding.rule or other.field in seen:
            continue
        seen.add(other.field)
        fix = fix_for(form, other)
        if fix is not None:
            count += 1
            edits.extend(fix.edits)
    if count < 2:
        return None
    return Fix(f"全部修正同类问题（{count} 处）", tuple(edits))


def _sum_fix(form: Form) -> Fix | None:
    funds = form.funds
    try:
        basic, project = parse_amount(funds.basic).value, parse_amount(funds.project).value
    except AmountError:
        return None
    total = format_amount(basic + project)
    if total == funds.total.strip():
        return None
    return Fix(f"将资金总额改为 {total}", (FieldEdit("funds.total", total),))


def _yuan_fix(form: Form, path: str) -> Fix | None:
    """An amount typed in 元 rewritten as the 万元 figure it was read as (nothing rounded)."""
    text = field_text(form, path)
    try:
        parsed = parse_amount(text)
    except AmountError:
        return None
    if getattr(parsed, "yuan", None) is None or parsed.canonical == text.strip():
        return None
    return Fix(f"改写为 {parsed.canonical}（万元）", (FieldEdit(path, parsed.canonical),))


def _certain_operator(item: IndicatorItem, value: ItemValue, row: Indicator | None) -> str | None:
    column = normalise_operator(item.operator)
    written = _VALUE_OPERATORS.get(value.op, "") if value.op else ""
    if value.op and not written:
        return None  # 约 95: not a target the system takes
    if column in OPERATORS:
        return column if not written or written == column else None
    return written or direction_operator(item, row)


def _item_fix(form: Form, base: str, item: IndicatorItem) -> Fix | None:
    if item.nature.strip() == NATURE_QUALITATIVE or is_date(item.value) or is_placeholder(item.value):
        return None
    value = read_value(item.value)
    if value is None:
        return None
    written_unit = value.rest.strip()
    column_unit = item.unit.strip()
    if written_unit and column_unit and written_unit != column_unit:
        return None  # 12.5万元 under unit %: which one is right is the clerk's call
    unit = column_unit or written_unit
    if not unit:
        return None  # a bare number with no unit anywhere: the unit is not known
    number: Decimal
    if value.number_hi is not None:
        if value.number > value.number_hi or value.op:
            return None
        op = "≤" if is_reverse(item) else "≥"
        number = value.number_hi if op == "≤" else value.number
        column = normalise_operator(item.operator)
        if column in OPERATORS and column != op:
            return None
    else:
        index = parse_path(base).indicator
        certain = _certain_operator(item, value, form.indicators[index] if index is not None else None)
        if certain is None:
            return None
        op, number = certain, value.number
    new = {"operator": op, "value": fmt_number(number), "unit": unit}
    edits = tuple(FieldEdit(f"{base}.{attr}", text) for attr, text in new.items()
                  if field_text(form, f"{base}.{attr}") != text)
    if not edits:
        return None
    shown = f"{op} {fmt_number(number)} {unit}"
    return Fix(f"改为“{shown}”", edits)
