"""Structured 三级 items (the tabular layout): completeness, units, direction and weights."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from jixiao_desktop.domain.checks.registry import Context, fmt_number
from jixiao_desktop.domain.model import (
    DIRECTION_POSITIVE,
    DIRECTION_REVERSE,
    NATURE_QUALITATIVE,
    NATURE_QUANTITATIVE,
    OPERATORS,
    Form,
    Indicator,
    IndicatorItem,
)
from jixiao_desktop.domain.profiles.columns import column_path, column_text
from jixiao_desktop.domain.quantities import extract_quantities, find_dates, is_date
from jixiao_desktop.domain.weights import read_weight, weight_total

_FULLWIDTH = str.maketrans("０１２３４５６７８９．％－～＝＞＜，", "0123456789.%-~=><,")
# A 指标值 left as a placeholder (XX, ×××, 待定, ——, *) or with a gap inside (9 5).
_PLACEHOLDER_WORD_RE = re.compile(r"[xX×]{2,}|[xX×]\s*%|待定|待填|待补|待核|待确定|未定|暂定|暂无")
_PLACEHOLDER_ONLY_RE = re.compile(r"^[\s*＊—\-－_…/／?？.·×xX]+$")
_GAP_RE = re.compile(r"\d[ \t\u3000\u00a0]+\d")
_PUNCT_TAIL = " \t\u3000，,。；;：:、"
_TIME_UNIT_WORDS = frozenset(("月", "日", "天", "年", "季度", "周", "个月", "工作日", "个工作日", "小时"))
_BARE_NUMBER_RE = re.compile(r"^[+-]?\d[\d,]*(?:\.\d+)?\s*%?$")
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_VALUE_RE = re.compile(
    r"^\s*(?P<op>>=|<=|[≥≤=><≧≦]|不低于|不少于|不高于|不超过|大于等于|小于等于|约)?\s*"
    rf"(?P<n1>{_NUM})(?:\s*%?\s*(?P<sep>-|~|～|—|–|至|到)\s*(?P<n2>{_NUM}))?\s*(?P<rest>.*?)\s*$",
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


# 时效 (进度 in the Beijing wording) rows and items, where a date or a deadline is the target.
TIMELY_RE = re.compile(r"时效|进度|时限|时间|完成期限|期限")

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


def is_quantitative(item: IndicatorItem) -> bool:
    """A 定量 item, or one without 指标性质 that has an operator or a unit (forms with no 性质 column)."""
    nature = item.nature.strip()
    if nature:
        return nature == NATURE_QUANTITATIVE
    return bool(normalise_operator(item.operator) in OPERATORS or item.unit.strip())


def is_placeholder(value: str) -> bool:
    """A 指标值 that is a placeholder (``XX``, ``×××``, ``待定``, ``——``, ``*``) or has a gap (``9 5``)."""
    text = (value or "").strip()
    if not text:
        return False
    return bool(_PLACEHOLDER_ONLY_RE.match(text) or _PLACEHOLDER_WORD_RE.search(text)
                or _GAP_RE.search(text.translate(_FULLWIDTH)))


def is_cost_row(ind: Indicator) -> bool:
    """A row of 成本指标 (its 二级, or its name when it has no 二级)."""
    return "成本" in ind.level2 or (not ind.level2.strip() and "成本" in ind.name)


def is_money_unit(unit: str) -> bool:
    """元, 万元, 亿元, 元/人, 万元/公里 …"""
    base = unit.strip().split("/", 1)[0].strip()
    return base.endswith("元")


def range_target(item: IndicatorItem) -> tuple[str, Decimal] | None:
    """The one-number target of a range value: ``≥ 6`` for ``6-8`` (``≤ 8`` for a 反向 indicator)."""
    if is_date(item.value):
        return None
    value = read_value(item.value)
    if value is None or value.number_hi is None or value.number > value.number_hi:
        return None
    if is_reverse(item):
        return "≤", value.number_hi
    return "≥", value.number


def is_reverse(item: IndicatorItem) -> bool:
    """A 反向 indicator (lower is better): by its direction, else by its operator or its name."""
    direction = item.direction.strip()
    if direction:
        return direction == DIRECTION_REVERSE
    op = normalise_operator(item.operator)
    if op in ("≤", "<"):
        return True
    if op in ("≥", ">"):
        return False
    return is_reverse_name(item.level3)


def is_timely_item(ind: Indicator, item: IndicatorItem) -> bool:
    """An item of a 时效 (进度) row, or one whose own name speaks of time (完成时间)."""
    return bool(TIMELY_RE.search(ind.level2) or TIMELY_RE.search(ind.name) or TIMELY_RE.search(item.level3))


def direction_operator(item: IndicatorItem, row: Indicator | None = None) -> str:
    """The operator a one-click fix writes: ``≤`` for a 反向 indicator (受灾率), for a cost
    (成本指标: spend at most) and for a deadline (完工时间 ≤ 8 月: a 时效 item counted in months or
    days, whatever direction the form gives it), else ``≥`` (满意度)."""
    if row is not None and is_timely_item(row, item) and item_unit(item) in _TIME_UNIT_WORDS:
        return "≤"
    if not item.direction.strip() and row is not None and is_cost_row(row):
        return "≤"
    return "≤" if is_reverse(item) else "≥"


def _check_columns(ctx: Context, i: int, ind: Indicator, j: int, item: IndicatorItem, seen: set[str]) -> None:
    """items.column_missing: a column the profile requires, empty for this item (a row's 一级/二级
    once per row). 三级指标, 指标值, 计量单位 and 运算符 are ``items.incomplete``'s (it knows 定量
    from 定性, and a deadline from a number)."""
    for col in ctx.profile.required_columns:
        if col.key in _INCOMPLETE_COLUMNS:
            continue
        if column_text(ind, item, col.key).strip():
            continue
        path = column_path(i, j, col.key)
        if path in seen:
            continue
        seen.add(path)
        name = item.level3.strip() or "（未命名）"
        ctx.add("items.column_missing", path,
                f"{ctx.by_profile()}每个三级指标都要填写“{col.label}”，三级指标“{name}”的这一栏是空的。"
                "请补上后再定稿。")


_INCOMPLETE_COLUMNS = frozenset(("level3", "value", "unit", "operator"))


def check_items(ctx: Context) -> None:
    seen: dict[str, tuple[int, int]] = {}
    column_paths: set[str] = set()
    for i, ind, j, item, base in iter_items(ctx):
        _check_item(ctx, ind, item, base)
        _check_columns(ctx, i, ind, j, item, column_paths)
        key = "".join(unicodedata.normalize("NFKC", item.level3).split())
        if key:
            if key in seen:
                first_i, first_j = seen[key]
                ctx.add("items.duplicate_name", f"{base}.level3",
                        f"三级指标“{item.level3.strip()}”与绩效指标第{first_i + 1}行第{first_j + 1}项重名。"
                        "同一张表的三级指标名称应各不相同：若是重复录入请删去一项，若是不同的指标请写明区别"
                        "（如对象、范围）。", (0, len(item.level3)))
            else:
                seen[key] = (i, j)
        if is_cost_row(ind):
            unit = item_unit(item)
            if unit and not is_money_unit(unit) and not is_placeholder(item.value):
                name = item.level3.strip() or "（未命名）"
                ctx.add("items.cost_not_money", f"{base}.unit",
                        f"成本指标下的三级指标“{name}”计量单位是“{unit}”，不是金额。成本指标应写明花多少钱"
                        "（计量单位为元、万元或元/人等，如“生均公用经费 ≤ 0.25 万元”）；"
                        "比率类指标（如控制率、执行率）请移到质量或时效指标下。")
        _check_name_value(ctx, item, base)
        _check_previous(ctx, item, base)
    _check_weights(ctx, ctx.form)


def _check_item(ctx: Context, ind: Indicator, item: IndicatorItem, base: str) -> None:
    name = item.level3.strip() or "（未命名）"
    nature = item.nature.strip()
    value = read_value(item.value)
    unit = item.unit.strip()
    quantitative = is_quantitative(item)
    placeholder = quantitative and is_placeholder(item.value)
    dated = is_date(item.value)
    # items.value_placeholder
    if placeholder:
        ctx.add("items.value_placeholder", f"{base}.value",
                f"三级指标“{name}”的指标值“{item.value.strip()}”是占位符或中间有空格，不是一个确定的数值。"
                "定量指标须填写确定的数字（如 95），定稿前请补上实际的目标值。", (0, len(item.value)))
    # items.incomplete (a date or deadline in a 时效 item needs no unit and is no range)
    deadline = dated and is_timely_item(ind, item)
    missing: list[tuple[str, str]] = []
    if ind.level2.strip() and not item.level3.strip():
        missing.append(("level3", "三级指标名称"))
    if nature == NATURE_QUANTITATIVE and not deadline:
        if ctx.profile.operators.required and normalise_operator(item.operator) not in OPERATORS:
            missing.append(("operator", "运算符（≥ ≤ = > <）"))
        if value is None and not placeholder:
            missing.append(("value", "数值指标值"))
        if not unit:
            missing.append(("unit", "计量单位"))
    elif ind.level2.strip() and not item.value.strip():
        missing.append(("value", "指标值"))
    if missing:
        what = "、".join(label for _attr, label in missing)
        hint = ""
        if missing[0][0] == "operator" and value is not None:
            op = direction_operator(item, ind)
            hint = f"表中只写了数值时，按指标方向填“{op}”（{'反向指标，越低越好' if op == '≤' else '越高越好'}）；"
        ctx.add("items.incomplete", f"{base}.{missing[0][0]}",
                f"三级指标“{name}”缺少{what}。"
                + ("定量指标须有运算符、数值和计量单位；" if nature == NATURE_QUANTITATIVE else "")
                + hint + "请补全后再定稿。")
    # items.value_has_unit
    if nature != NATURE_QUALITATIVE and value is not None and value.rest.strip() and not placeholder \
            and not dated:
        written = value.rest.strip()
        where = f"，而计量单位栏是“{unit}”" if unit else "，计量单位栏却空着"
        ctx.add("items.value_has_unit", f"{base}.value",
                f"三级指标“{name}”的指标值“{item.value.strip()}”自带单位“{written}”{where}。"
                f"请在指标值里只填数字 {fmt_number(value.number)}，单位填在计量单位栏。",
                (0, len(item.value)))
    # items.range_value, or items.range_not_allowed where the profile wants one value
    if quantitative and not placeholder:
        target = range_target(item)
        if target is not None:
            op, number = target
            suggestion = (f"建议改为“{op} {fmt_number(number)}”"
                          f"（以区间{'上限' if op == '≤' else '下限'}作为承诺值）。")
            if ctx.profile.operators.ranges_allowed:
                ctx.add("items.range_value", f"{base}.value",
                        f"三级指标“{name}”的指标值“{item.value.strip()}”是一个区间。预算管理一体化系统的指标值只能填"
                        f"一个数并配运算符；{suggestion}", (0, len(item.value)))
            else:
                ctx.add("items.range_not_allowed", f"{base}.value",
                        f"{ctx.by_profile()}指标值只能填一个数并配运算符，三级指标“{name}”的指标值"
                        f"“{item.value.strip()}”却是一个区间；{suggestion}", (0, len(item.value)))
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


def _check_name_value(ctx: Context, item: IndicatorItem, base: str) -> None:
    """items.name_has_value: ``88`` as a name, or ``村组干部230人`` beside a filled value."""
    name = item.level3.strip()
    if not name or not item.value.strip():
        return
    plain = name.translate(_FULLWIDTH)
    if _BARE_NUMBER_RE.match(plain):
        ctx.add("items.name_has_value", f"{base}.level3",
                f"三级指标名称“{name}”只是一个数字，看不出考核什么。请写明指标名称（如“培训人次”），"
                "数值填在指标值栏。", (0, len(item.level3)))
        return
    tail = name.rstrip(_PUNCT_TAIL)
    for q in extract_quantities(tail):
        if q.span[1] != len(tail) or any(s <= q.span[0] < e for s, e in find_dates(tail)):
            continue
        start = item.level3.find(q.raw)
        span = (start, start + len(q.raw)) if start >= 0 else (0, len(item.level3))
        ctx.add("items.name_has_value", f"{base}.level3",
                f"三级指标名称“{name}”自带数量“{q.raw}”，而指标值栏填的是“{item.value.strip()}”。"
                f"名称只写考核什么（如“{tail[:q.span[0]].rstrip(_PUNCT_TAIL) or '指标名称'}”），数量只填在指标值栏，"
                "以免两处不一致。", span)
        return


def _check_previous(ctx: Context, item: IndicatorItem, base: str) -> None:
    """items.previous_regressed: a 正向 target below last year's, a 反向 one above it."""
    previous_text = item.previous_value
    if not previous_text.strip() or not is_quantitative(item):
        return
    if is_date(item.value) or is_date(previous_text) or is_placeholder(item.value):
        return
    now, before = read_value(item.value), read_value(previous_text)
    if now is None or before is None:
        return
    reverse = is_reverse(item)
    if item_unit(item) in _TIME_UNIT_WORDS and normalise_operator(item.operator) not in ("≥", ">") \
            and item.direction.strip() != DIRECTION_REVERSE:
        return  # 完成时间 ≤ 8 月: a deadline, whose direction the form does not say
    name = item.level3.strip() or "（未命名）"
    shown = f"{item.operator.strip()}{item.value.strip()}{item.unit.strip()}"
    if reverse:
        this_year = now.number_hi if now.number_hi is not None else now.number
        last_year = before.number_hi if before.number_hi is not None else before.number
        if this_year > last_year:
            ctx.add("items.previous_regressed", f"{base}.value",
                    f"三级指标“{name}”是反向指标（越低越好），今年的目标“{shown}”高于上年的 {previous_text.strip()}，"
                    "目标比上年放松了。请核对目标值；确需放宽的，请在备注中说明理由。", (0, len(item.value)))
    elif now.number < before.number:
        ctx.add("items.previous_regressed", f"{base}.value",
                f"三级指标“{name}”是正向指标（越高越好），今年的目标“{shown}”低于上年的 {previous_text.strip()}，"
                "目标比上年降低了。请核对目标值；确需降低的，请在备注中说明理由。", (0, len(item.value)))


def _check_weights(ctx: Context, form: Form) -> None:
    rule = ctx.profile.weights
    if not rule.used:
        return
    weights = weight_total(form)
    if not weights.used:
        return
    expected = ctx.profile.weight_total_text
    if weights.unreadable:
        path, text = weights.unreadable[0]
        ctx.add("items.weights_not_100", path,
                f"权重“{text}”不是数字，无法核对权重合计。请填写数字（如 10）；{ctx.by_profile()}"
                f"所有三级指标的权重合计应为 {expected}。")
        return
    _check_frames(ctx, form)
    total = weights.total
    if total != rule.total:
        diff = f"{'多' if total > rule.total else '少'} {fmt_number(abs(total - rule.total))}"
        ctx.add("items.weights_not_100", weights.paths[0],
                f"各三级指标的权重合计为 {fmt_number(total)}，{ctx.by_profile()}应为 {expected}（{diff}）。"
                f"请调整权重使合计为 {fmt_number(rule.total)}。")


def _check_frames(ctx: Context, form: Form) -> None:
    """Per-一级 frames of the profile (产出指标 50 …): the weights of each category's items."""
    frames = ctx.profile.weights.per_level1
    if not frames:
        return
    framework = ctx.profile.framework
    for name, points in frames:
        paths: list[str] = []
        total = Decimal(0)
        for i, ind in enumerate(form.indicators):
            cat = framework.match(ind.level1, ind.level2, ind.name)
            if cat is None or cat.name != name:
                continue
            for j, item in enumerate(ind.items):
                value = read_weight(item.weight)
                if item.weight.strip() and value is not None:
                    paths.append(f"indicators[{i}].items[{j}].weight")
                    total += value
        if paths and total != points:
            ctx.add("items.weights_not_100", paths[0],
                    f"一级指标“{name}”下各三级指标的权重合计为 {fmt_number(total)}，{ctx.by_profile()}"
                    f"应为 {fmt_number(points)}。请在这一类指标内调整权重。")
