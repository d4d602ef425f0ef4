"""Goals and indicator rows: presence, quantification, satisfaction, rates, ranges and amounts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao_desktop.domain.checks.items import TIMELY_RE as _TIMELY_RE
from jixiao_desktop.domain.checks.items import is_timely_item, item_unit, read_value
from jixiao_desktop.domain.checks.registry import Context, cents, fmt_amount, fmt_number, snippet
from jixiao_desktop.domain.model import (
    NATURE_QUANTITATIVE,
    STANDARD_ROW_NAMES,
    Indicator,
    detect_layout,
    indicator_title,
)
from jixiao_desktop.domain.profiles.model import (
    KIND_COST,
    KIND_OUTCOME,
    KIND_OUTPUT,
    KIND_SATISFACTION,
    FrameworkCategory,
)
from jixiao_desktop.domain.quantities import OP_LE, Quantity, extract_quantities, find_dates, is_date

_CLAUSE_BREAKS = "，,；;。！？!?\n"
_SENTENCE_BREAKS = "；;。！？!?\n"
_GROWTH_RE = re.compile(r"增长|增加|增幅|提高|提升|上升|同比|环比|超额|翻|下降|降低|减少|降幅|涨")
_RAISE_RE = re.compile(r"提高|提升|增长|增加|上升")
_OTHER_SCALE_RE = re.compile(r"(?:[五十]|\d{1,2})分制")
_COST_RE = re.compile(
    r"(?P<kw>预算支出|资金总额|预算总额|总预算|部门预算|预算)(?:资金)?(?:为|共|合计|总计|约为|约|是)?\s*[:：]?\s*"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<unit>万元|亿元)"
)
_COST_NOT_WHOLE = re.compile(r"项目|工程|经费|专项|其中|用于|安排|补助|下拨|分配|追加|调整")
_OUTCOME_ITEM_RE = re.compile(r"效益|效果|效应")
_COST_WHOLE = re.compile(r"部门|单位|街道|办事处|本级|整体|全年|年度|\d{4}年|全部|总")


def clause_bounds(text: str, start: int, end: int, breaks: str = _CLAUSE_BREAKS) -> tuple[int, int]:
    """The clause (between punctuation) around text[start:end]."""
    left = start
    while left > 0 and text[left - 1] not in breaks:
        left -= 1
    right = end
    while right < len(text) and text[right] not in breaks:
        right += 1
    return left, right


def prose_fields(ctx: Context, goals: bool = True) -> Iterator[tuple[str, str, Indicator | None]]:
    """(path, text, row) of the goal text and every indicator content."""
    if goals and ctx.form.goals.strip():
        yield "goals", ctx.form.goals, None
    for i, ind in enumerate(ctx.form.indicators):
        if ind.content.strip():
            yield f"indicators[{i}].content", ind.content, ind


def check_goals(ctx: Context) -> None:
    if not ctx.form.goals.strip():
        ctx.add("goals.missing", "goals",
                "未填写部门（单位）绩效目标。请概括本年度的总体绩效目标（填制说明1），可分条写出目标1、目标2……")


def _row_label(index: int, ind: Indicator) -> str:
    title = indicator_title(ind).strip()
    return f"第{index + 1}行“{title}”" if title else f"第{index + 1}行"


def _has_items(ind: Indicator) -> bool:
    return any(not item.is_blank() for item in ind.items)


def check_rows(ctx: Context) -> None:
    form = ctx.form
    used = [ind for ind in form.indicators
            if indicator_title(ind).strip() or ind.content.strip() or _has_items(ind)]
    if not used:
        if ctx.is_classic_framework:
            ctx.add("indicators.missing", "",
                    "没有任何绩效指标。请至少填写产出指标和效果（效益）指标各一行，写明指标内容和指标值。")
        else:
            ctx.add("indicators.missing", "",
                    f"没有任何绩效指标。{ctx.by_profile()}绩效指标按一级指标"
                    f"（{_names(ctx.profile.framework.categories)}）填写，写明三级指标和指标值。")
        return
    standard = detect_layout(form).value == "standard"
    for i, ind in enumerate(form.indicators):
        title = indicator_title(ind).strip()
        has_content = bool(ind.content.strip()) or _has_items(ind)
        if not title and has_content:
            ctx.add("indicators.name_missing", f"indicators[{i}].name",
                    f"绩效指标第{i + 1}行有内容但没有指标名称。请填写指标名称，如“产出指标-产出数量指标”。")
        elif title and not has_content:
            extra = "（本表的标准行不能留空，确实没有时写明原因）" if standard and \
                ind.name.strip() in STANDARD_ROW_NAMES else ""
            ctx.add("indicators.content_missing", f"indicators[{i}].content",
                    f"指标“{title}”没有填写指标内容和指标值{extra}。请写明要完成什么、达到多少。")
    framework = ctx.profile.framework
    kinds = {ctx.kind(ind) for ind in used} | _item_kinds(used)
    if framework.has_kind(KIND_OUTCOME) and KIND_OUTCOME not in kinds:
        names = _names(framework.of_kind(KIND_OUTCOME))
        if ctx.is_classic_framework:
            ctx.add("indicators.outcome_missing", "",
                    "没有效果（效益）指标。填制说明3：绩效指标应包括年度产出目标以及相应产出所带来的效果目标；"
                    "请增加名称以“效果指标”或“效益指标”开头的一行（如社会效益、可持续影响）。")
        else:
            ctx.add("indicators.outcome_missing", "",
                    f"{ctx.by_profile()}绩效指标应包括效果（效益）类指标（{names}），本表一行也没有。"
                    "请增加一行，写明产出带来的效果。")
    if framework.has_kind(KIND_SATISFACTION) and KIND_SATISFACTION not in kinds:
        if ctx.is_classic_framework:
            ctx.add("indicators.satisfaction_missing", "",
                    "没有满意度指标。请增加一行服务对象满意度指标（如“辖区居民满意度不低于90%”）。")
        else:
            ctx.add("indicators.satisfaction_missing", "",
                    f"{ctx.by_profile()}绩效指标应包括满意度指标（{_names(framework.of_kind(KIND_SATISFACTION))}），"
                    "本表没有。请增加服务对象满意度（如“服务对象满意度 ≥ 90%”）。")
    if not any(_is_cost(ind) or ctx.kind(ind) == KIND_COST for ind in form.indicators):
        ctx.add("indicators.cost_missing", "",
                "没有成本指标。财政部门审核绩效目标时要求设置成本指标（财预〔2021〕101号）：请增加一行"
                "“产出指标-成本指标”，写明全年预算支出或单位成本（如“预算支出不超过X万元”“生均公用经费≤0.25万元”）。")
    _check_framework(ctx, used, kinds)
    for i, ind in enumerate(form.indicators):
        if ctx.kind(ind) == KIND_OUTPUT:
            _check_quantified(ctx, i, ind)


def _names(categories: tuple[FrameworkCategory, ...]) -> str:
    return "、".join(c.name for c in categories)


def _item_kinds(rows: list[Indicator]) -> set[str]:
    """Kinds the 三级 items show whatever their row is called (checks.md Round 3): an item named
    …满意度 is a satisfaction indicator, one named …效益 / …效果 an outcome."""
    found: set[str] = set()
    for ind in rows:
        for item in ind.items:
            name = item.level3
            if "满意度" in name or "满意率" in name:
                found.add(KIND_SATISFACTION)
            elif _OUTCOME_ITEM_RE.search(name):
                found.add(KIND_OUTCOME)
        if _OUTCOME_ITEM_RE.search(ind.level2):
            found.add(KIND_OUTCOME)
    return found


def _check_framework(ctx: Context, used: list[Indicator], kinds: set[str]) -> None:
    """indicators.framework_missing: a required 一级 of the profile with no row."""
    framework = ctx.profile.framework
    present = {id(cat) for ind in used
               if (cat := framework.match(ind.level1, ind.level2, ind.name)) is not None}
    for cat in framework.categories:
        if not cat.required or id(cat) in present:
            continue
        if cat.kind in (KIND_OUTCOME, KIND_SATISFACTION) and cat.kind not in kinds:
            continue  # outcome_missing / satisfaction_missing already say it
        if cat.kind == KIND_SATISFACTION and KIND_SATISFACTION in kinds:
            continue  # a satisfaction item elsewhere counts
        level2 = f"（二级如：{'、'.join(cat.level2[:4])}）" if cat.level2 else ""
        ctx.add("indicators.framework_missing", "",
                f"{ctx.by_profile()}绩效指标应包括一级指标“{cat.name}”{level2}，本表没有这一类指标。"
                "请增加一行；确实不适用的，请在其他说明中写明原因。")


def _is_cost(ind: Indicator) -> bool:
    """A 成本 row (by name or 二级), or a row holding a 三级 item named as a cost indicator."""
    if "成本" in ind.name or "成本" in ind.level2 or "成本" in ind.level1:
        return True
    return any(item.level3.strip().startswith("成本") or "成本指标" in item.level3 for item in ind.items)


def _is_timely(ind: Indicator) -> bool:
    return bool(_TIMELY_RE.search(ind.name) or _TIMELY_RE.search(ind.level2))


def _item_quantified(ind: Indicator) -> bool:
    timely = _is_timely(ind)
    for item in ind.items:
        if item.is_blank():
            continue
        if (timely or _TIMELY_RE.search(item.level3)) and find_dates(item.value):
            return True
        if item.nature.strip() == NATURE_QUANTITATIVE and read_value(item.value) is not None:
            return True
        if read_value(item.value) is not None and item_unit(item):
            return True
    return False


def _check_quantified(ctx: Context, index: int, ind: Indicator) -> None:
    content = ind.content
    if not content.strip() and not _has_items(ind):
        return  # content_missing already says it
    if content.strip() and extract_quantities(content):
        return
    if content.strip() and _is_timely(ind) and find_dates(content):
        return  # 时效: 2023.07-2024.01, 2024年6月底前
    if _item_quantified(ind):
        return
    title = indicator_title(ind).strip()
    if content.strip():
        field = f"indicators[{index}].content"
    else:
        first = next(j for j, item in enumerate(ind.items) if not item.is_blank())
        field = f"indicators[{index}].items[{first}].value"
    ctx.add("indicators.output_not_quantified", field,
            f"产出指标“{title}”没有可考核的数量：只有文字描述，没有“30名”“不少于4场”“50%以上”这样的数值。"
            "填制说明3：产出目标应量化；请写明数量、比例或时限，确实不能量化的写明分级分档的标准。")


def check_values(ctx: Context) -> None:
    """satisfaction_low, rate_over_100, range_reversed, amount_exceeds_total, cost_mismatch."""
    minimum = ctx.satisfaction_min
    total = ctx.total
    for path, text, ind in prose_fields(ctx):
        satisfaction_row = ind is not None and ctx.kind(ind) == KIND_SATISFACTION
        if total is not None:
            _check_cost(ctx, path, text, total)
        for q in extract_quantities(text):
            start = q.span[0]
            if q.is_range and q.value_hi is not None and q.value > q.value_hi:
                ctx.add("indicators.range_reversed", path,
                        f"“{q.raw}”的下限 {fmt_number(q.value)} 大于上限 {fmt_number(q.value_hi)}。"
                        f"请写成“{fmt_number(q.value_hi)}-{fmt_number(q.value)}{q.unit}”，"
                        f"或写成便于考核的“不少于{fmt_number(q.value_hi)}{q.unit}”。", q.span)
            if q.is_percent and q.unit == "%" and q.high > 100:
                before = text[max(0, start - 8):start]
                if not _GROWTH_RE.search(before):
                    ctx.add("indicators.rate_over_100", path,
                            f"“{q.raw}”超过 100%。比率、覆盖率、完成率等最高为 100%，请改正数值。", q.span)
            if q.unit in ("万元", "亿元") and total is not None and total > 0:
                wan = q.amount_wan()
                if wan is not None and wan > total:
                    ctx.add("indicators.amount_exceeds_total", path,
                            f"文中金额“{q.raw}”（{fmt_amount(wan)} 万元）大于资金总额 {fmt_amount(total)} 万元。"
                            "单项金额不能超过本单位全年资金总额，请核对金额或单位（元/万元）。", q.span)
            if q.unit in ("%", "分") and q.op != OP_LE:
                _check_satisfaction(ctx, path, text, q, satisfaction_row, minimum)
    for i, ind in enumerate(ctx.form.indicators):
        for j, item in enumerate(ind.items):
            if not item.is_blank():
                _check_item_value(ctx, f"indicators[{i}].items[{j}].value", ind, item, minimum, total)


def _who_decided(ctx: Context) -> str:
    """``按四川省规则，`` when the profile set the minimum, ``按本机设置，`` when the clerk did."""
    return "按本机设置，" if ctx.settings.satisfaction_min is not None else ctx.by_profile()


def _check_satisfaction(ctx: Context, path: str, text: str, q: Quantity, satisfaction_row: bool,
                        minimum: Decimal) -> None:
    left, right = clause_bounds(text, *q.span)
    clause = text[left:right]
    if "满意" not in clause and not satisfaction_row:
        return
    if "不满意" in clause or "投诉" in clause:
        return
    before = text[left:q.span[0]]
    mark = before.rfind("满意")
    if _RAISE_RE.search(before[mark:] if mark >= 0 else before):
        return  # 满意度提高5% is an increase, not a target level
    if q.unit == "分":
        sentence_left, sentence_right = clause_bounds(text, *q.span, breaks=_SENTENCE_BREAKS)
        if q.value > 100 or (_OTHER_SCALE_RE.search(text[sentence_left:sentence_right])
                             and "百分制" not in text[sentence_left:sentence_right]):
            return
    if q.value < minimum:  # the lower bound of a range is what is promised
        ctx.add("indicators.satisfaction_low", path,
                f"满意度目标“{q.raw}”低于 {fmt_number(minimum)}{q.unit}"
                f"（{_who_decided(ctx)}满意度目标不低于 {fmt_number(minimum)}）。请提高目标值，或在设置中核对满意度下限。",
                q.span)


def _check_item_value(ctx: Context, path: str, ind: Indicator, item, minimum: Decimal,  # type: ignore[no-untyped-def]
                      total: Decimal | None) -> None:
    value = read_value(item.value)
    if value is None:
        return
    unit = item_unit(item)
    name = item.level3.strip() or "（未命名）"
    high = max(value.number, value.number_hi) if value.number_hi is not None else value.number
    if value.number_hi is not None and value.number > value.number_hi \
            and not (is_date(item.value) and is_timely_item(ind, item)):
        ctx.add("indicators.range_reversed", path,
                f"三级指标“{name}”的指标值“{item.value.strip()}”下限大于上限。"
                f"请写成“{fmt_number(value.number_hi)}-{fmt_number(value.number)}”。", (0, len(item.value)))
    if unit == "%" and high > 100 and not _GROWTH_RE.search(name):
        ctx.add("indicators.rate_over_100", path,
                f"三级指标“{name}”的指标值 {fmt_number(high)}% 超过 100%。比率最高为 100%，请改正。",
                (0, len(item.value)))
    if unit in ("万元", "亿元") and total is not None and total > 0:
        wan = high * (10000 if unit == "亿元" else 1)
        if wan > total:
            ctx.add("indicators.amount_exceeds_total", path,
                    f"三级指标“{name}”的金额 {fmt_amount(wan)} 万元大于资金总额 {fmt_amount(total)} 万元。"
                    "请核对金额或计量单位。", (0, len(item.value)))
    satisfaction = ctx.kind(ind) == KIND_SATISFACTION or "满意" in item.level3
    if satisfaction and unit in ("%", "分") and value.op not in ("≤", "<=", "<") \
            and item.operator.strip() not in ("≤", "<", "<=") and "不满意" not in item.level3 \
            and "投诉" not in item.level3 and value.number < minimum:
        ctx.add("indicators.satisfaction_low", path,
                f"三级指标“{name}”的满意度目标 {fmt_number(value.number)}{unit} 低于 {fmt_number(minimum)}。"
                f"{_who_decided(ctx)}满意度目标应不低于 {fmt_number(minimum)}。请提高目标值，或在设置中核对满意度下限。",
                (0, len(item.value)))


def _check_cost(ctx: Context, path: str, text: str, total: Decimal) -> None:
    if "预算" not in text and "资金总额" not in text:
        return
    for m in _COST_RE.finditer(text):
        left, _right = clause_bounds(text, m.start(), m.end())
        before = text[left:m.start()]
        kw = m["kw"]
        if _COST_NOT_WHOLE.search(before + kw):
            continue
        if kw in ("预算", "部门预算") and not (_COST_WHOLE.search(before + kw) or not before.strip()):
            continue
        stated = Decimal(m["num"].replace(",", ""))
        if m["unit"] == "亿元":
            stated *= 10000
        if cents(stated) != total:
            ctx.add("indicators.cost_mismatch", path,
                    f"文中写明{kw} {fmt_amount(stated)} 万元（“{snippet(text, m.start(), m.end())}”），"
                    f"与资金总额 {fmt_amount(total)} 万元不符，相差 {fmt_amount(abs(stated - total))} 万元。"
                    "请改成与资金总额一致，或核对资金总额。", (m.start(), m.end()))
