"""The rest of the year on the same form: 绩效运行监控 (mid-year) and 绩效自评 (year end).

``spec/self-evaluation.md``. The stage fields are the exchange file's optional keys and live in
the ``extra`` of the form, its rows and its items (so storage, history, compare and every reader
keep them without a schema of their own):

- form: ``stage`` (``target`` 申报 / ``monitor`` 监控 / ``evaluation`` 自评), ``execution``
  (``budget``, ``executed``, ``as_of``), ``evaluation`` (``summary``, ``problems``, ``measures``,
  ``score``);
- item: ``actual_value``, ``will_meet``, ``deviation_reason``, ``measures``, ``score``,
  ``score_note``, ``qualitative_grade``;
- row of a two-column form (no structured items): ``actual``, ``score``.

Scoring (``score_form``) follows the spec's default, every number from the form's profile
(``Profile.scoring``): 预算执行 10 + indicators 90 shared by weight; 定量 by completion with the
operator's direction; 定性 by grade band; caps by 执行率. Decimal throughout; rounded half-up
to two decimals only when printed (``printed_score``). Pure Python.
"""

from __future__ import annotations

import copy
import enum
import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from jixiao_desktop.domain.model import Form, Indicator, IndicatorItem
from jixiao_desktop.domain.money import try_parse_amount
from jixiao_desktop.domain.weights import read_weight

if TYPE_CHECKING:  # domain.fields imports this module: the window's first paint needs neither
    from jixiao_desktop.domain.profiles.model import Scoring

HUNDRED = Decimal(100)
ZERO = Decimal(0)
ONE = Decimal(1)

ITEM_KEYS = ("actual_value", "will_meet", "deviation_reason", "measures", "score", "score_note",
             "qualitative_grade")
ROW_KEYS = ("actual", "score")
EXECUTION_KEYS = ("budget", "executed", "as_of")
EVALUATION_KEYS = ("summary", "problems", "measures")
WILL_MEET = ("能", "不能", "不确定")
GRADES = ("达成", "部分达成", "未达成")
LABELS = {
    "actual_value": "实际完成值", "will_meet": "全年能否完成", "deviation_reason": "偏差原因分析",
    "measures": "改进措施", "score": "得分", "score_note": "得分说明", "qualitative_grade": "完成档次",
    "actual": "实际完成情况", "budget": "全年预算数", "executed": "执行数", "as_of": "截至",
    "summary": "总体完成情况", "problems": "存在的问题",
}


class Stage(enum.StrEnum):
    """Which part of the year the form is at."""

    TARGET = "target"
    MONITOR = "monitor"
    EVALUATION = "evaluation"

    @property
    def label(self) -> str:
        return {"target": "申报", "monitor": "监控", "evaluation": "自评"}[self.value]

    @property
    def form_title(self) -> str:
        """The printed form's title."""
        return {"target": "部门整体支出绩效目标申报表", "monitor": "部门整体支出绩效运行监控表",
                "evaluation": "部门整体支出绩效自评表"}[self.value]


# --- reading and writing the stage fields ------------------------------------------------------


def stage_of(form: Form) -> Stage:
    try:
        return Stage(str(form.extra.get("stage") or "target"))
    except ValueError:
        return Stage.TARGET


def set_stage(form: Form, stage: Stage) -> None:
    if stage is Stage.TARGET:
        form.extra.pop("stage", None)
    else:
        form.extra["stage"] = stage.value


def _section(form: Form, key: str) -> dict[str, Any]:
    value = form.extra.get(key)
    return value if isinstance(value, dict) else {}


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ("" if value is None else str(value))


def execution_text(form: Form, key: str) -> str:
    """``budget`` / ``executed`` / ``as_of`` as typed."""
    return _text(_section(form, "execution").get(key))


def evaluation_text(form: Form, key: str) -> str:
    """``summary`` / ``problems`` / ``measures`` / ``score``."""
    return _text(_section(form, "evaluation").get(key))


def item_text(item: IndicatorItem, key: str) -> str:
    return _text(item.extra.get(key))


def row_text(indicator: Indicator, key: str) -> str:
    return _text(indicator.extra.get(key))


def _put(store: dict[str, Any], key: str, value: str) -> None:
    if value:
        store[key] = value
    else:
        store.pop(key, None)


def set_execution_text(form: Form, key: str, value: str) -> None:
    section = dict(_section(form, "execution"))
    _put(section, key, value)
    _put_section(form, "execution", section)


def set_evaluation_text(form: Form, key: str, value: str) -> None:
    section = dict(_section(form, "evaluation"))
    _put(section, key, value)
    _put_section(form, "evaluation", section)


def _put_section(form: Form, key: str, section: dict[str, Any]) -> None:
    if section:
        form.extra[key] = section
    else:
        form.extra.pop(key, None)


def set_item_text(item: IndicatorItem, key: str, value: str) -> None:
    _put(item.extra, key, value)


def set_row_text(indicator: Indicator, key: str, value: str) -> None:
    _put(indicator.extra, key, value)


# --- numbers -----------------------------------------------------------------------------------


def execution_rate(form: Form) -> Decimal | None:
    """执行率 as a fraction (0.85), or ``None`` when 全年预算数 or 执行数 is missing or unreadable."""
    budget = try_parse_amount(execution_text(form, "budget"))
    executed = try_parse_amount(execution_text(form, "executed"))
    if budget is None or executed is None or budget <= 0 or executed < 0:
        return None
    return executed / budget


def _percent(fraction: Decimal) -> Decimal:
    return fraction * HUNDRED


def printed_score(value: Decimal | None) -> str:
    """A score as printed: half-up to two decimals (``""`` for none)."""
    if value is None:
        return ""
    return str(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def printed_rate(rate: Decimal | None) -> str:
    return "" if rate is None else printed_score(_percent(rate)) + "%"


def read_score(text: str) -> Decimal | None:
    try:
        value = Decimal(text.strip().translate(str.maketrans("０１２３４５６７８９．", "0123456789.")))
    except (InvalidOperation, AttributeError):
        return None
    return value if value.is_finite() and value >= 0 else None


@dataclass(frozen=True)
class Comparison:
    """An item's target against its actual value.

    ``completion``: actual/target for ≥, target/actual for ≤ (反向), 1 or 0 for ``=``; capped at 1;
    ``deviation``: |actual − target| / target; ``None`` when not comparable (``reason`` says why).
    """

    target: Decimal | None
    actual: Decimal | None
    completion: Decimal | None
    deviation: Decimal | None
    reason: str = ""


_LOWER_IS_BETTER = ("≤", "<", "＜", "<=", "小于", "不高于", "不超过")


def _lower_is_better(item: IndicatorItem) -> bool:
    op = item.operator.strip()
    if op in _LOWER_IS_BETTER:
        return True
    if op in ("≥", ">", "＞", ">=", "="):
        return False
    return item.direction.strip() == "反向"


_PLAIN_NUMBER = re.compile(r"(?:[≥≤=<>]=?|不低于|不少于|不高于|不超过|达到)?\s*(-?\d+(?:\.\d+)?)\s*(.*)")


def _read_value(text: str, unit: str) -> tuple[Decimal, str] | None:
    """A typed value as (number, unit): ``98`` (the item's unit), ``≥95``, ``95%``, ``1.2`` 万册
    (12000 册), ``3,000``; ``None`` when it is no number."""
    norm = unicodedata.normalize("NFKC", text or "").strip().replace(",", "")
    unit = unicodedata.normalize("NFKC", unit or "").strip()
    if not norm:
        return None
    m = _PLAIN_NUMBER.fullmatch(norm)
    if m and not m.group(2):
        norm = m.group(1) + unit  # a bare number is in the item's unit
    from jixiao_desktop.domain.quantities import extract_quantities

    found = extract_quantities(norm)
    if found:
        q = found[0]
        return (q.high if q.is_range else q.value), q.unit
    if m:
        return Decimal(m.group(1)), m.group(2) or unit
    return None


def compare(item: IndicatorItem) -> Comparison:
    """The item's target and actual value read as numbers, and how far the target was met."""
    from jixiao_desktop.domain.quantities import is_date

    actual_text = item_text(item, "actual_value").strip()
    if not actual_text:
        return Comparison(None, None, None, None, "未填写实际完成值")
    if is_date(item.value) or is_date(actual_text):
        return Comparison(None, None, None, None, "日期类指标按是否按期完成评分")
    target = _read_value(item.value, item.unit)
    actual = _read_value(actual_text, item.unit)
    if target is None or actual is None:
        return Comparison(None, None, None, None, "实际完成值或指标值不是数字")
    (t, t_unit), (a, a_unit) = target, actual
    if a_unit and t_unit and a_unit != t_unit:
        return Comparison(t, a, None, None, f"实际完成值的单位“{a_unit}”与指标值的单位“{t_unit}”不同")
    deviation = abs(a - t) / t if t else None
    if item.operator.strip() == "=":
        completion = ONE if a == t else ZERO
    elif _lower_is_better(item):
        completion = ONE if a <= t else (t / a if a else ONE)
    else:
        completion = ONE if a >= t else (a / t if t else ONE)
    return Comparison(t, a, min(completion, ONE), deviation)


# --- scoring -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemScore:
    """One indicator's points: ``points`` (its share of the 90), ``score`` (what it got),
    ``computed`` (before a hand-set score), ``comparison`` (定量), ``hand_set``."""

    path: str
    name: str
    points: Decimal
    score: Decimal
    computed: Decimal
    comparison: Comparison | None
    hand_set: bool = False

    @property
    def met(self) -> bool:
        return self.score >= self.points


@dataclass(frozen=True)
class FormScore:
    """The 自评 score of a form: 预算执行 points, each indicator's, the total (capped)."""

    rate: Decimal | None
    budget_points: Decimal
    budget_score: Decimal
    items: tuple[ItemScore, ...]
    indicator_score: Decimal
    uncapped: Decimal
    cap: Decimal | None
    total: Decimal


def _scored_units(form: Form) -> list[tuple[str, str, IndicatorItem | None, Indicator, str]]:
    """(path, name, item, row, weight text) of what is scored: each 三级 item, or each row of a
    form without items."""
    units: list[tuple[str, str, IndicatorItem | None, Indicator, str]] = []
    for i, ind in enumerate(form.indicators):
        for j, item in enumerate(ind.items):
            units.append((f"indicators[{i}].items[{j}]", item.level3.strip() or f"第{i + 1}行第{j + 1}项",
                          item, ind, item.weight))
    if units:
        return units
    return [(f"indicators[{i}]", ind.name.strip() or f"第{i + 1}行", None, ind, "")
            for i, ind in enumerate(form.indicators) if ind.name.strip() or ind.content.strip()]


def _shares(weights: list[str], points: Decimal) -> list[Decimal]:
    read = [read_weight(w) for w in weights]
    if read and all(w is not None and w > 0 for w in read):
        total = sum((w for w in read if w is not None), ZERO)
        return [points * w / total for w in read if w is not None]
    return [points / len(weights) for _ in weights] if weights else []


def _is_qualitative(item: IndicatorItem) -> bool:
    return item.nature.strip() == "定性" or bool(item_text(item, "qualitative_grade"))


def _item_score(item: IndicatorItem, points: Decimal, scoring: Scoring) -> tuple[Decimal, Comparison | None]:
    if _is_qualitative(item):
        band = scoring.band(item_text(item, "qualitative_grade").strip())
        if band is None:
            return ZERO, None
        return points * band.high / HUNDRED, None
    comparison = compare(item)
    if comparison.completion is None:
        if comparison.reason == "日期类指标按是否按期完成评分":
            met = item_text(item, "actual_value").strip() in ("按期完成", "已完成", "完成", "是", "达成")
            return (points if met else ZERO), comparison
        return ZERO, comparison
    return points * comparison.completion, comparison


def score_form(form: Form, scoring: Scoring) -> FormScore:
    """The 自评 score of ``form`` under ``scoring`` (the profile's numbers)."""
    rate = execution_rate(form)
    budget_score = scoring.budget_points * min(rate, ONE) if rate is not None else ZERO
    units = _scored_units(form)
    shares = _shares([w for *_, w in units], scoring.indicator_points)
    scored: list[ItemScore] = []
    for (path, name, item, row, _weight), points in zip(units, shares, strict=True):
        if item is not None:
            computed, comparison = _item_score(item, points, scoring)
            hand = read_score(item_text(item, "score")) if item_text(item, "score_note").strip() else None
        else:  # a two-column row: the score is entered per row
            computed, comparison = ZERO, None
            hand = read_score(row_text(row, "score"))
        score = min(hand, points) if hand is not None else computed
        scored.append(ItemScore(path, name, points, score, computed, comparison, hand is not None))
    indicator_score = sum((s.score for s in scored), ZERO)
    uncapped = budget_score + indicator_score
    cap = scoring.cap_for(_percent(rate)) if rate is not None and scoring.caps else None
    total = min(uncapped, cap) if cap is not None else uncapped
    return FormScore(rate, scoring.budget_points, budget_score, tuple(scored), indicator_score,
                     uncapped, cap, total)


def write_computed(form: Form, scoring: Scoring) -> FormScore:
    """Write the computed scores into the form (every writer does: a bureau reads them without
    recomputing): each item's ``score`` (a hand-set one with its ``score_note`` is kept) and
    ``evaluation.score``. Only for a form at the 自评 stage."""
    result = score_form(form, scoring)
    if stage_of(form) is not Stage.EVALUATION:
        return result
    by_path = {s.path: s for s in result.items}
    for i, ind in enumerate(form.indicators):
        for j, item in enumerate(ind.items):
            s = by_path.get(f"indicators[{i}].items[{j}]")
            if s is not None and not s.hand_set:
                set_item_text(item, "score", printed_score(s.score))
    set_evaluation_text(form, "score", printed_score(result.total))
    return result


def with_computed_scores(form: Form) -> Form:
    """``form`` itself, or for a 自评 form a copy with its computed scores written (under its
    profile): what every writer writes."""
    if stage_of(form) is not Stage.EVALUATION:
        return form
    from jixiao_desktop.domain.profiles import profile_for_form

    copied = copy.deepcopy(form)
    write_computed(copied, profile_for_form(copied).scoring)
    return copied


def missed(result: FormScore) -> list[ItemScore]:
    """The indicators that did not get their full points (the bureau's 自评 sheet)."""
    return [s for s in result.items if s.score < s.points]


def __getattr__(name: str) -> Any:
    """``evaluation.Scoring`` as before, imported when asked for (not when ``domain.fields`` loads
    this module before the window's first paint)."""
    if name == "Scoring":
        from jixiao_desktop.domain.profiles.model import Scoring

        return Scoring
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
