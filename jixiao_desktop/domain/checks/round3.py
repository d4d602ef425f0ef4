"""Round 3 of ``checks.md``: what real forms from other provinces showed about 三级 items.

``items.scale_as_value`` (高中低 as a target), ``items.excel_serial`` (44561 where a date or a unit
belongs), ``items.zero_target`` (a 正向 target of 0), ``items.category_as_name`` (社会成本指标 as a
三级 name; the profile's own 一级/二级 names count too).
"""

from __future__ import annotations

import re
import unicodedata

from jixiao_desktop.domain.checks.items import (
    _FULLWIDTH,
    _TIME_UNIT_WORDS,
    is_cost_row,
    is_placeholder,
    is_quantitative,
    is_reverse,
    is_timely_item,
    iter_items,
    normalise_operator,
    read_value,
)
from jixiao_desktop.domain.checks.registry import Context
from jixiao_desktop.domain.model import Indicator, IndicatorItem

# A 定性 value that lists the whole scale (高中低, 优良中差, 好/较好/一般).
_GRADES = ("不合格", "较满意", "基本满意", "不满意", "非常满意", "满意", "优秀", "良好", "合格", "较好", "一般",
           "较差", "较高", "较低", "很好", "优", "良", "中", "差", "高", "低", "好")
_GRADE_SEPARATORS = "/／、，,|｜;；或 　"
# An Excel date serial: 1 = 1900-01-01, 36526 = 2000-01-01, 54789 = 2049-12-31.
_SERIAL_RE = re.compile(r"^\s*(?P<n>[3-5]\d{4}|[3-5]\d,\d{3})(?:\.0+)?\s*$")
_SERIAL_MIN, _SERIAL_MAX = 36526, 54789
# A 三级 name that is only a category label.
_CATEGORY_LABELS = frozenset((
    "产出指标", "效益指标", "效果指标", "满意度指标", "成本指标", "数量指标", "质量指标", "时效指标", "进度指标",
    "经济效益指标", "社会效益指标", "生态效益指标", "环境效益指标", "可持续影响指标", "服务对象满意度指标",
    "经济成本指标", "社会成本指标", "生态环境成本指标", "产出数量指标", "产出质量指标", "产出进度指标",
    "产出时效指标", "产出成本指标",
))



def check_round3(ctx: Context) -> None:
    for _i, ind, _j, item, base in iter_items(ctx):
        _check_item(ctx, ind, item, base)


def scale_tokens(value: str) -> tuple[list[str], bool] | None:
    """The grades a 定性 value lists (``高中低`` → [高, 中, 低]) and whether separators stood
    between them (``好/较好/一般``); ``None`` when the value is not only grades."""
    text = unicodedata.normalize("NFKC", value or "").strip()
    tokens: list[str] = []
    separated = False
    k = 0
    while k < len(text):
        if text[k] in _GRADE_SEPARATORS:
            separated = True
            k += 1
            continue
        grade = next((g for g in _GRADES if text.startswith(g, k)), None)
        if grade is None:
            return None
        tokens.append(grade)
        k += len(grade)
    return (tokens, separated) if tokens else None


def is_whole_scale(value: str) -> bool:
    """``高中低``, ``优良中差``, ``好/较好/一般``: three grades or more, or two written with a
    separator between them (``优良`` alone is a target grade: 工程质量优良)."""
    found = scale_tokens(value)
    if found is None:
        return False
    tokens, separated = found
    distinct = len(set(tokens))
    return distinct == len(tokens) and (distinct >= 3 or (distinct >= 2 and separated))


def excel_serial(text: str) -> int | None:
    """The number when ``text`` is an Excel date serial of 2000–2049 (``44561``, ``44,561``)."""
    m = _SERIAL_RE.match((text or "").translate(_FULLWIDTH))
    if not m:
        return None
    n = int(m["n"].replace(",", ""))
    return n if _SERIAL_MIN <= n <= _SERIAL_MAX else None


def _serial_date(n: int) -> str:
    from datetime import date, timedelta

    day = date(1899, 12, 30) + timedelta(days=n)  # Excel's epoch, its 1900 leap-year bug included
    return f"{day.year}-{day.month:02d}-{day.day:02d}"


def _check_item(ctx: Context, ind: Indicator, item: IndicatorItem, base: str) -> None:
    """items.scale_as_value, items.excel_serial, items.zero_target, items.category_as_name."""
    name = item.level3.strip() or "（未命名）"
    value_text = item.value.strip()
    quantitative = is_quantitative(item)
    if not quantitative and value_text and is_whole_scale(value_text):
        ctx.add("items.scale_as_value", f"{base}.value",
                f"三级指标“{name}”的指标值“{value_text}”列出了整个评价档次，而不是要达到的那一档。"
                f"定性指标值应写目标档次（如“{(scale_tokens(value_text) or ([''], False))[0][0]}”或“达到预期”）。", (0, len(item.value)))
    unit_serial = excel_serial(item.unit)
    if unit_serial is not None:
        ctx.add("items.excel_serial", f"{base}.unit",
                f"三级指标“{name}”的计量单位“{item.unit.strip()}”是一个 Excel 日期序号"
                f"（对应 {_serial_date(unit_serial)}），多半是从 Excel 粘贴时带过来的。请填写计量单位（如 %、次、万元）。")
    value_serial = excel_serial(value_text)
    if value_serial is not None and (is_timely_item(ind, item) or item.unit.strip() in ("", "日期", "年月日")
                                     or item.unit.strip() in _TIME_UNIT_WORDS):
        ctx.add("items.excel_serial", f"{base}.value",
                f"三级指标“{name}”的指标值“{value_text}”像是 Excel 日期序号（对应 {_serial_date(value_serial)}），"
                "是把日期单元格粘贴成了数字。请直接写日期（如“2021年12月31日前”）。", (0, len(item.value)))
    if quantitative and value_text and not is_placeholder(value_text) and not is_cost_row(ind):
        value = read_value(value_text)
        op = normalise_operator(item.operator) or (normalise_operator(value.op) if value else "")
        if value is not None and value.number == 0 and value.number_hi is None \
                and op not in ("≤", "<") and not is_reverse(item) and "不满意" not in item.level3:
            ctx.add("items.zero_target", f"{base}.value",
                    f"三级指标“{name}”是正向指标（越高越好），目标却是“{item.operator.strip()}{value_text}"
                    f"{item.unit.strip()}”：0 是什么都不做也能达到的目标。请填写实际要达到的数值；"
                    "若它是越低越好的指标（如事故、投诉），请把指标方向改为反向、运算符改为“≤”或“=”。",
                    (0, len(item.value)))
    plain = unicodedata.normalize("NFKC", item.level3).strip()
    if plain and (plain in _CATEGORY_LABELS or any(plain == l2 for cat in ctx.profile.framework.categories
                                                   for l2 in (cat.name, *cat.level2) if l2.endswith("指标"))):
        ctx.add("items.category_as_name", f"{base}.level3",
                f"三级指标名称“{item.level3.strip()}”只是指标类别的名称，看不出考核什么。"
                "请写具体的三级指标（如“培训人次”“服务对象满意度”），类别填在一级、二级指标栏。",
                (0, len(item.level3)))
