"""The checks engine: every rule of ``spec/checks.md`` over one form.

``run_checks(form)`` returns the findings in a stable order: by the field they are about, in
the order of the printed form (部门名称, 年度, 资金总额, 基本支出, 项目支出, 资金来源…, 绩效目标,
then each indicator row: 指标名称, 一级, 二级, 内容, its 三级 items; then 其他说明), and within a
field by rule id and position. Findings about the form as a whole (field ``""``: no indicator
at all, no outcome row, no satisfaction row) come **last**, after 其他说明的问题.

A warning the clerk marked 已知悉 comes back with ``acknowledged=True`` while the text of its
field is unchanged (``fields.field_fingerprint``); errors and infos are never acknowledged.

Rules live in one module per area: ``funds`` (header and funds), ``funds_text`` (amounts the
text states against the funds fields), ``indicators`` (goals and rows), ``parts`` (totals against
their parts), ``items`` (structured 三级 items), ``round3`` (what real forms from other provinces
showed), ``text``. Every rule reads the form's rule profile (``domain.profiles``) through the context.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from jixiao_desktop.domain import quantities
from jixiao_desktop.domain.checks import (
    evaluation,
    funds,
    funds_text,
    indicators,
    items,
    parts,
    repeats,
    round3,
    text,
)
from jixiao_desktop.domain.checks.registry import RULES, Context, RuleInfo
from jixiao_desktop.domain.fields import field_fingerprint, parse_path
from jixiao_desktop.domain.findings import CheckSettings, Finding, Severity
from jixiao_desktop.domain.model import Acknowledgement, Form, IndicatorItem
from jixiao_desktop.domain.profiles import Profile, missing_profile, profile_for_form

__all__ = [
    "RULES",
    "RuleInfo",
    "acknowledge",
    "clear_caches",
    "field_order_key",
    "has_errors",
    "is_acknowledged",
    "run_checks",
    "unacknowledge",
]

_DEFAULT_SETTINGS = CheckSettings()

_RUNNERS = (
    funds.check_header,
    funds.check_funds,
    indicators.check_goals,
    indicators.check_rows,
    indicators.check_values,
    funds_text.check_funds_text,  # after check_values: a passage cost_mismatch reported is not repeated
    parts.check_parts,
    items.check_items,
    round3.check_round3,
    text.check_duplicates,
    text.check_numbering,
    text.check_stale_years,
    text.check_quotes,
    evaluation.check_evaluation,  # 监控 and 自评: silent at the 申报 stage
)

_SIMPLE_ORDER = {"department": 0, "year": 1, "template": 1}
_FUND_ORDER = {"total": 0, "basic": 1, "project": 2}
_INDICATOR_ATTR_ORDER = {"name": 0, "level1": 1, "level2": 2, "content": 3}
_ITEM_ATTR_ORDER = {name: k for k, name in enumerate(IndicatorItem.TEXT_FIELDS)}
_FORM_LEVEL = (9,)


def field_order_key(path: str) -> tuple[int, ...]:
    """Where a field sits in the printed form, for sorting findings ("" sorts last)."""
    if not path:
        return _FORM_LEVEL
    p = parse_path(path)
    if p.section == "header":
        return (0, _SIMPLE_ORDER.get(p.attr or "", 0))
    if p.section == "funds":
        if p.source is not None:
            return (1, 3, p.source, 0 if p.attr == "name" else 1)
        return (1, _FUND_ORDER.get(p.attr or "", 0))
    if p.section == "goals":
        return (2,)
    if p.section == "indicators" and p.indicator is not None:
        if p.item is not None:
            return (3, p.indicator, 4, p.item, _ITEM_ATTR_ORDER.get(p.attr or "", -1))
        return (3, p.indicator, _INDICATOR_ATTR_ORDER.get(p.attr or "", -1))
    if p.section == "other_notes":
        return (4,)
    return _FORM_LEVEL


def _sort_key(finding: Finding) -> tuple[object, ...]:
    return (field_order_key(finding.field), finding.rule, finding.span or (-1, -1))


def run_checks(form: Form, settings: CheckSettings | None = None, *,
               profile: Profile | None = None) -> list[Finding]:
    """Every finding of every rule on ``form``, in stable order, acknowledgements applied.

    ``profile``: the rule profile to check with; ``None`` = ``profile_for_form(form)`` (the
    form's own, else its template's default). A form whose own profile is unknown here is
    checked with its template's default and gets ``profile.unknown`` saying so.
    """
    if profile is None:
        profile = profile_for_form(form)
        missing = missing_profile(form)
    else:
        missing = None
    ctx = Context(form, settings or _DEFAULT_SETTINGS, profile)
    if missing is not None:
        ctx.add("profile.unknown", "",
                f"本表使用规则方案“{missing.id}”，本机没有这个方案，暂按“{profile.name}”规则检查。"
                "如是财政局下发的方案，请先导入其文件。")
    for runner in _RUNNERS:
        runner(ctx)
    findings = sorted(ctx.findings, key=_sort_key)
    if form.acknowledgements:
        findings = [f.with_acknowledged() if is_acknowledged(form, f) else f for f in findings]
    return findings


def clear_caches() -> None:
    """Forget the per-text results the rules keep between runs (benchmarks, tests)."""
    quantities._extract_cached.cache_clear()
    parts.parts_problems.cache_clear()
    text.numbering_problems.cache_clear()
    repeats._field.cache_clear()
    repeats.duplicate_runs.cache_clear()
    quantities.find_dates.cache_clear()


def has_errors(findings: Iterable[Finding]) -> bool:
    """Whether any finding blocks 定稿 (acknowledging never clears an error)."""
    return any(f.severity is Severity.ERROR for f in findings)


def is_acknowledged(form: Form, finding: Finding) -> bool:
    """A warning whose field text is the one the clerk acknowledged."""
    if finding.severity is not Severity.WARNING:
        return False
    current: str | None = None
    for ack in form.acknowledgements:
        if ack.rule == finding.rule and ack.field == finding.field:
            if current is None:
                current = field_fingerprint(form, finding.field)
            if ack.fingerprint == current:
                return True
    return False


def acknowledge(form: Form, finding: Finding, note: str = "", at: str = "") -> None:
    """Mark a warning 已知悉 on this form, for the current text of its field.

    Replaces an earlier acknowledgement of the same rule and field (a lapsed one too).
    Raises ``ValueError`` (Chinese message) for an error or an info.
    """
    if finding.severity is not Severity.WARNING:
        raise ValueError(f"只有警告可以标记为已知悉；“{RULES[finding.rule].title if finding.rule in RULES else finding.rule}”"
                         f"是{finding.severity.label}，需要改正。")
    unacknowledge(form, finding)
    form.acknowledgements.append(Acknowledgement(
        rule=finding.rule,
        field=finding.field,
        fingerprint=field_fingerprint(form, finding.field),
        note=note,
        at=at or datetime.now().isoformat(timespec="seconds"),
    ))


def unacknowledge(form: Form, finding: Finding) -> None:
    """Withdraw the 已知悉 of this rule on this field (nothing happens when there is none)."""
    form.acknowledgements = [a for a in form.acknowledgements
                             if not (a.rule == finding.rule and a.field == finding.field)]
