"""Structured 三级 items (the tabular layout): completeness, units, direction and weights."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from jixiao_desktop.domain.checks.registry import Context, fmt_number
from jixiao_desktop.domain.model import (
    DIRECTION_POSITIVE,
    DIRECTION_REVERSE,
    NATURE_QUALITATIVE,
    NATURE_QUANTITATIVE,
    Form,
    IndicatorItem,
)
from jixiao_desktop.domain.weights import weight_total

_FULLWIDTH = str.maketrans("０１２３４５６７８９．％－～＝＞＜，", "0123456789.%-~=><,")
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_VALUE_RE = re.compile(
    r"^\s*(?P<op>>=|<=|[≥≤=><≧≦]|不低于|不少于|不高于|不超过|大于等于|小于等于|约)?\s*"
    rf"(?P<n1>{_NUM})(?:\s*(?P<sep>-|~|—|至|到)\s*(?P<n2>{_NUM}))?\s*(?P<rest>.*?)\s*$",
    re.S,
)
_OPERATOR_ALIASES = {">=": "≥", "≧": "≥", "<=": "≤", "≦": "≤", "＝": "=", "＞": ">", "＜": "<"}

# Names of reverse indicators (lower is better) and words that make a name positive again
# (事故处置率 is a positive indicator although it speaks of 事故).
_REVERSE_WORDS = re.compile(
    r"受灾|投诉率|投诉量|投诉件|投诉数|事故|发生率|发案|差错|错误率|不合格|故障率|失业率|空置率|流失率|"
    r"超支|违规|违纪|违章|违法|逾期|返工|误报|漏报|死亡|伤亡|不满意|扣分|积压|延误|缺陷率|损失|"
    r"能耗|排放|污染物|复发率|拖欠|退件|驳回率|出错"
)
_POSITIVE_WORDS = re.compile(r"处理|处置|整改|办结|解决|查处|结案|排查|化解|治理|下降|降低|减少|控制|防控|及时")


@dataclass(frozen=True)
class ItemValue:
    """A typed 指标值 read as a number: ``≥90``, ``12.5万元``, ``8-10``."""

    op: str
    number: Decimal
    number_hi: Decimal | None
    rest: str  # what follows the number (a unit written into the value)


def read_value(text: str) -> ItemValue | None:
    """The number a 指标值 holds, or ``None`` when it holds none (定性 wording)."""
    m = _VALUE_RE.match((text or "").translate(_FULLWIDTH))
    if not m:
        return None
    try:
        n1 = Decimal(m["n1"].replace(",", ""))
        n2 = Decimal(m["n2"].replace(",", "")) if m["n2"] else None
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        return None
    return ItemValue(op=m["op"] or "", number=n1, number_hi=n2, rest=m["rest"])


def normalise_operator(op: str) -> str:
    op = (op or "").strip()
    return _OPERATOR_ALIASES.get(op, op)


def is_reverse_name(name: str) -> bool:
    """A name that reads as a reverse indicator (投诉率, 事故发生数 …)."""
    return bool(_REVERSE_WORDS.search(name)) and not _POSITIVE_WORDS.search(name)


def item_unit(item: IndicatorItem) -> str:
    """The unit of an item: its unit column, else the unit written into its value."""
    unit = item.unit.strip()
    if unit:
        return unit
    value = read_value(item.value)
    return value.rest.strip() if value else ""


def iter_items(ctx: Context):  # type: ignore[no-untyped-def]
    for i, ind in enumerate(ctx.form.indicators):
        for j, item in enumerate(ind.items):
            if not item.is_blank():
                yield i, ind, j, item, f"indicators[{i}].items[{j}]"


def check_items(ctx: Context) -> None:
    for _i, ind, _j, item, base in iter_items(ctx):
        name = item.level3.strip() or "（未命名）"
        nature = item.nature.strip()
        value = read_value(item.value)
        unit = item.unit.strip()
        # items.incomplete
        missing: list[tuple[str, str]] = []
        if ind.level2.strip() and not item.level3.strip():
            missing.append(("level3", "三级指标名称"))
        if nature == NATURE_QUANTITATIVE:
            if normalise_operator(item.operator) not in ("≥", "≤", "=", ">", "<"):
                missing.append(("operator", "运算符（≥ ≤ = > <）"))
            if value is None:
                missing.append(("value", "数值指标值"))
            if not unit:
                missing.append(("unit", "计量单位"))
        elif ind.level2.strip() and not item.value.strip():
            missing.append(("value", "指标值"))
        if missing:
            what = "、".join(label for _attr, label in missing)
            ctx.add("items.incomplete", f"{base}.{missing[0][0]}",
                    f"三级指标“{name}”缺少{what}。"
                    + ("定量指标须有运算符、数值和计量单位；" if nature == NATURE_QUANTITATIVE else "")
                    + "请补全后再定稿。")
        # items.value_has_unit
        if nature != NATURE_QUALITATIVE and value is not None and value.rest.strip():
            written = value.rest.strip()
            where = f"，而计量单位栏是“{unit}”" if unit else "，计量单位栏却空着"
            ctx.add("items.value_has_unit", f"{base}.value",
                    f"三级指标“{name}”的指标值“{item.value.strip()}”自带单位“{written}”{where}。"
                    f"请在指标值里只填数字 {fmt_number(value.number)}，单位填在计量单位栏。",
                    (0, len(item.value)))
        # items.qualitative_with_unit
        if nature == NATURE_QUALITATIVE and unit:
            ctx.add("items.qualitative_with_unit", f"{base}.unit",
                    f"三级指标“{name}”是定性指标，却填了计量单位“{unit}”。"
                    "定性指标用分级分档的文字表述，不填单位；如果它可以量化，请把指标性质改为定量。")
        # items.direction_conflict
        op = normalise_operator(item.operator)
        direction = item.direction.strip()
        reverse = direction == DIRECTION_REVERSE or is_reverse_name(item.level3)
        if op in ("≥", ">") and reverse:
            why = "反向指标" if direction == DIRECTION_REVERSE else "反向指标（数值越低越好）"
            ctx.add("items.direction_conflict", f"{base}.operator",
                    f"“{name}”是{why}，运算符却是“{op}”。反向指标应写“≤”（不超过某值）；"
                    "若它确是越高越好，请把指标方向改为正向。")
        elif op in ("≤", "<") and direction == DIRECTION_POSITIVE and not is_reverse_name(item.level3):
            ctx.add("items.direction_conflict", f"{base}.operator",
                    f"“{name}”的指标方向是正向（越高越好），运算符却是“{op}”。"
                    "正向指标应写“≥”；若它是越低越好，请把指标方向改为反向。")
    _check_weights(ctx, ctx.form)


def _check_weights(ctx: Context, form: Form) -> None:
    weights = weight_total(form)
    if not weights.used:
        return
    if weights.unreadable:
        path, text = weights.unreadable[0]
        ctx.add("items.weights_not_100", path,
                f"权重“{text}”不是数字，无法核对权重合计。请填写数字（如 10），所有权重合计应为 100。")
        return
    total = weights.total
    if total != 100:
        ctx.add("items.weights_not_100", weights.paths[0],
                f"各三级指标的权重合计为 {fmt_number(total)}，不等于 100"
                f"（{'多' if total > 100 else '少'} {fmt_number(abs(total - 100))}）。请调整权重使合计为 100。")
