"""What the bureau's summary shows of a form's later stages (issue 23 §6): 阶段, 执行率, 自评得分,
and the indicators that missed their targets (the summary's 自评 sheet). Pure Python.

The 自评得分 is the one the file carries (``evaluation.score``, every writer writes it); a form
without one (typed in an older version, or edited in the bureau) is scored here under its profile.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from jixiao_desktop.domain import evaluation as ev
from jixiao_desktop.domain.model import Form


@dataclass(frozen=True)
class MissedIndicator:
    """One indicator below its full points, as the reviewer reads it."""

    level1: str
    level2: str
    name: str
    target: str  # 指标值 as printed: operator, value, unit
    actual: str  # 实际完成值 as typed
    points: Decimal  # its share of the indicator points
    score: Decimal
    reason: str  # 偏差原因分析 as typed ("" when none was given)


@dataclass(frozen=True)
class StageSummary:
    stage: ev.Stage
    rate: Decimal | None  # 执行率 as a fraction
    score: Decimal | None  # 自评得分 (only at the 自评 stage)
    missed: tuple[MissedIndicator, ...] = ()


def _target_text(operator: str, value: str, unit: str) -> str:
    value = value.strip()
    if not value:
        return ""
    return f"{operator.strip()}{value}{'' if unit.strip() in value else unit.strip()}"


def stage_summary(form: Form) -> StageSummary:
    """The stage, 执行率, 自评得分 and missed indicators of ``form`` (scored under its profile)."""
    stage = ev.stage_of(form)
    rate = ev.execution_rate(form)
    if stage is not ev.Stage.EVALUATION:
        return StageSummary(stage, rate, None)
    from jixiao_desktop.domain.profiles import profile_for_form

    result = ev.score_form(form, profile_for_form(form).scoring)
    written = ev.read_score(ev.evaluation_text(form, "score"))
    missed: list[MissedIndicator] = []
    for s in ev.missed(result):
        row, item = _located(form, s.path)
        if row is None:
            continue
        if item is not None:
            missed.append(MissedIndicator(
                row.level1.strip(), row.level2.strip(), s.name,
                _target_text(item.operator, item.value, item.unit), ev.item_text(item, "actual_value").strip(),
                s.points, s.score, ev.item_text(item, "deviation_reason").strip()))
        else:  # a two-column row: its completion text
            missed.append(MissedIndicator(row.level1.strip(), row.level2.strip(), s.name, row.content.strip(),
                                          ev.row_text(row, "actual").strip(), s.points, s.score, ""))
    return StageSummary(stage, rate, written if written is not None else result.total, tuple(missed))


def _located(form: Form, path: str) -> tuple[Any, Any]:
    """(row, item) of a scored unit's path ``indicators[i].items[j]`` / ``indicators[i]``."""
    try:
        head, _, tail = path.partition(".items[")
        row = form.indicators[int(head.removeprefix("indicators[").rstrip("]"))]
        return row, (row.items[int(tail.rstrip("]"))] if tail else None)
    except (ValueError, IndexError):
        return None, None


def later_stage_fingerprint(form: Form) -> str:
    """A hash of what the later stages add to the form (stage, 预算执行, 自评 texts, each item's and
    row's 监控/自评 fields), computed scores left out: two copies of one 申报 whose 定稿指纹 agree
    differ here when the clerk has typed the 监控 or 自评 between them."""
    body: dict[str, Any] = {
        "stage": ev.stage_of(form).value,
        "execution": {k: ev.execution_text(form, k) for k in ev.EXECUTION_KEYS},
        "evaluation": {k: ev.evaluation_text(form, k) for k in ev.EVALUATION_KEYS},
        "rows": [
            [{k: ev.row_text(row, k) for k in ev.ROW_KEYS},
             [{k: ev.item_text(item, k) for k in ev.ITEM_KEYS
               if k != "score" or ev.item_text(item, "score_note").strip()} for item in row.items]]
            for row in form.indicators
        ],
    }
    canonical = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]
