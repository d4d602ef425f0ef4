"""Last year's 自评 into last year's form (issue 23 §7). Pure Python.

A 自评表 arrives as a file (exchange or our workbook) while the clerk has the same unit's form of
that year: its actual values, grades, 偏差原因 and 改进措施, the 预算执行 block and the 自评 texts are
filled into the stored form, each indicator matched by its 三级 name (normalised: width, spaces,
a trailing colon) within the same 一级 and 二级; the rows of a two-column form by their 一级, 二级
and row name. Nothing of the 申报 part changes, so a 定稿 form keeps its 定稿指纹. Carry-over
then shows the real outcome as 上年值 (``domain.carry``).
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from jixiao_desktop.domain import evaluation as ev
from jixiao_desktop.domain.model import Form

_SPACES = re.compile(r"\s+")


def normalised_name(text: str) -> str:
    """A name as compared: full-width folded, spaces gone, a trailing colon dropped."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text or "")).rstrip(":").lower()


@dataclass(frozen=True)
class FillPlan:
    """``form``: a copy of the stored form with the 自评 filled in; ``matched``: indicators (or rows)
    filled; ``unmatched``: the 自评's indicators with values that found no indicator in the form."""

    form: Form
    matched: int
    unmatched: tuple[str, ...]


def _key(level1: str, level2: str, name: str) -> tuple[str, str, str]:
    return normalised_name(level1), normalised_name(level2), normalised_name(name)


def _copy_texts(source: dict, target: dict, keys: tuple[str, ...]) -> bool:
    """Copy the non-empty ``keys`` (a computed ``score`` only when hand-set, with its note)."""
    copied = False
    for key in keys:
        if key == "score" and "score_note" in keys and not str(source.get("score_note") or "").strip():
            continue
        value = source.get(key)
        if isinstance(value, str) and value.strip():
            target[key] = value
            copied = True
    return copied


def fill_from(stored: Form, evaluation: Form) -> FillPlan:
    """``stored`` with the 自评 of ``evaluation`` (the same unit's form of the same year)."""
    form = copy.deepcopy(stored)
    items = defaultdict(list)
    rows = defaultdict(list)
    for row in form.indicators:
        for item in row.items:
            items[_key(row.level1, row.level2, item.level3)].append(item)
        rows[_key(row.level1, row.level2, row.name)].append(row)
    matched = 0
    unmatched: list[str] = []
    for src_row in evaluation.indicators:
        for src in src_row.items:
            if not any(ev.item_text(src, k).strip() for k in ev.ITEM_KEYS):
                continue
            found = items.get(_key(src_row.level1, src_row.level2, src.level3))
            if found:
                matched += _copy_texts(src.extra, found.pop(0).extra, ev.ITEM_KEYS)
            else:
                unmatched.append(src.level3.strip() or "（无名称）")
        if not src_row.items and any(ev.row_text(src_row, k).strip() for k in ev.ROW_KEYS):
            found_rows = rows.get(_key(src_row.level1, src_row.level2, src_row.name))
            if found_rows:
                matched += _copy_texts(src_row.extra, found_rows.pop(0).extra, ev.ROW_KEYS)
            else:
                unmatched.append(src_row.name.strip()[:30] or "（无名称）")
    if matched:
        ev.set_stage(form, ev.stage_of(evaluation))
        for key in ev.EXECUTION_KEYS:
            if ev.execution_text(evaluation, key).strip():
                ev.set_execution_text(form, key, ev.execution_text(evaluation, key))
        for key in ev.EVALUATION_KEYS:
            if ev.evaluation_text(evaluation, key).strip():
                ev.set_evaluation_text(form, key, ev.evaluation_text(evaluation, key))
    return FillPlan(form, matched, tuple(unmatched))
