"""The rules of editing a form: what the editor shows beside the fields, and how rows,
groups and items are added, removed, moved and numbered. Pure Python, no Qt.

The editor's slots only read these results and push the lists returned here as undo
commands. Readings of amounts come from ``domain.money``, of weights from ``domain.weights``
(the same ones the checks use), categories and numerals from ``domain.model``.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from jixiao_desktop.domain.model import (
    NATURE_QUANTITATIVE,
    TABULAR_LEVELS,
    Category,
    Form,
    Funds,
    Indicator,
    IndicatorItem,
    Layout,
    canonical_term,
    chinese_numeral,
    classify_indicator,
    detect_layout,
)
from jixiao_desktop.domain.money import AmountError, format_amount, parse_amount
from jixiao_desktop.domain.row_numbers import row_ordinal
from jixiao_desktop.domain.sources import counted_sources
from jixiao_desktop.domain.weights import WeightTotal, read_weight

HUNDRED = Decimal(100)

_FULLWIDTH = str.maketrans("０１２３４５６７８９．－＋　", "0123456789.-+ ")
_PLAIN_DECIMAL = re.compile(r"\d+(\.\d+)?|\.\d+")
_SIGNED_DECIMAL = re.compile(r"[+-]?(\d+(\.\d+)?|\.\d+)")


# --- amounts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class AmountHint:
    """What to show beside an amount field: ``kind`` is "", "info", "warning" or "error"."""

    kind: str
    message: str


def amount_hint(text: str) -> AmountHint:
    """How an amount as typed reads (nothing for an empty field: the checks report that)."""
    if not (text or "").strip():
        return AmountHint("", "")
    try:
        parsed = parse_amount(text)
    except AmountError as exc:
        return AmountHint("error", exc.reason)
    if parsed.value < 0:
        return AmountHint("error", "金额不能为负数")
    if parsed.converted_from_yuan:
        return AmountHint("info", f"按元读取：{parsed.yuan:f} 元 = {parsed.canonical} 万元")
    if parsed.decimals > 2:
        return AmountHint("warning", f"有 {parsed.decimals} 位小数，按所填的 {parsed.canonical} 比较和打印")
    if parsed.normalised:
        return AmountHint("info", f"读作 {parsed.canonical} 万元")
    return AmountHint("", "")


def canonical_amount(text: str) -> str | None:
    """The canonical text of a readable amount (``22,001.49`` → ``22001.49``), else ``None``."""
    try:
        return parse_amount(text).canonical
    except AmountError:
        return None


@dataclass(frozen=True)
class FundsSum:
    """基本支出 + 项目支出 against 资金总额, compared exactly as typed (as the checks and printouts do).

    Attributes:
        sum_text: the printed sum, ``None`` when 基本支出 or 项目支出 can't be read.
        missing: which of the two parts is empty or unreadable (Chinese names).
        total_text: the printed 资金总额, ``None`` when it is empty or unreadable.
        mismatch: both sides readable and different.
        difference: 资金总额 − sum (printed), when both are readable.
    """

    sum_text: str | None
    missing: tuple[str, ...]
    total_text: str | None
    mismatch: bool
    difference: str | None

    @property
    def can_fix_total(self) -> bool:
        """The one-click fix "将资金总额改为 X" applies."""
        return self.sum_text is not None and (self.mismatch or self.total_text is None)


def funds_sum(funds: Funds) -> FundsSum:
    parts = {"基本支出": funds.basic_value, "项目支出": funds.project_value}
    missing = tuple(name for name, value in parts.items() if value is None)
    total = funds.total_value
    total_printed = total
    if missing:
        return FundsSum(None, missing, _fmt(total_printed), False, None)
    assert funds.basic_value is not None and funds.project_value is not None
    printed_sum = funds.basic_value + funds.project_value
    if total_printed is None:
        return FundsSum(format_amount(printed_sum), (), None, False, None)
    difference = total_printed - printed_sum
    return FundsSum(format_amount(printed_sum), (), format_amount(total_printed), difference != 0,
                    format_amount(abs(difference)))


def _fmt(value: Decimal | None) -> str | None:
    return None if value is None else format_amount(value)


@dataclass(frozen=True)
class SourcesSum:
    """The optional 资金来源 block against 资金总额."""

    sum_text: str | None  # None when a row's amount can't be read
    bad_rows: tuple[int, ...]  # 1-based rows whose amount can't be read (empty rows are not counted)
    total_text: str | None
    mismatch: bool


def sources_sum(funds: Funds) -> SourcesSum | None:
    """The 合计 line of the 资金来源 block; the rows counted are the checks' (``domain.sources``)."""
    if funds.sources is None:
        return None
    total = funds.total_value
    total_text = _fmt(total)
    counted = counted_sources(funds)
    if counted is None:  # no amount typed yet: nothing to add up, nothing wrong
        return SourcesSum(None, (), total_text, False)
    values = []
    bad = []
    for index in counted:
        try:
            values.append(parse_amount(funds.sources[index].amount).value)
        except (AmountError, ArithmeticError):
            bad.append(index + 1)
    if bad:
        return SourcesSum(None, tuple(bad), total_text, False)
    printed = sum(values, Decimal(0))
    mismatch = total is not None and total != printed
    return SourcesSum(format_amount(printed), (), total_text, mismatch)


# --- tabular items ---------------------------------------------------------------------------


def read_decimal(text: str, *, signed: bool = False) -> Decimal | None:
    """A plain decimal number as typed (full-width digits allowed), else ``None``. Never float."""
    cleaned = (text or "").translate(_FULLWIDTH).strip()
    pattern = _SIGNED_DECIMAL if signed else _PLAIN_DECIMAL
    if not pattern.fullmatch(cleaned):
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:  # pragma: no cover - the regex admits only valid input
        return None


def weight_error(text: str) -> str | None:
    """Why a typed 权重 is refused, or ``None`` (empty is allowed: weights are optional)."""
    if not (text or "").strip():
        return None
    value = read_weight(text)  # the reading of the checks and the exports: 10, 12.5, １０, 10%
    if value is None:
        return f"权重“{text.strip()}”不是数字：请填写 0–100 之间的数，如 10 或 12.5"
    if value > HUNDRED:
        return f"权重 {text.strip()} 超过 100"
    return None


def item_value_error(text: str, nature: str) -> str | None:
    """Why a typed 指标值 is refused: a 定量 item takes a number only, its unit goes in 计量单位."""
    if nature.strip() != NATURE_QUANTITATIVE or not (text or "").strip():
        return None
    if read_decimal(text, signed=True) is None:
        return (f"定量指标的指标值应为数字（如 113816 或 98.5），“{text.strip()}”不是；"
                "单位请填在“计量单位”列")
    return None


def weight_total_label(weights: WeightTotal, profile: Any = None) -> tuple[str, str]:
    """The live line under the items table and its kind (``ok`` / ``error`` / ``""``), by the
    form's rule profile: 应为 90（另有预算执行率 10） under Sichuan, no weights under Hunan."""
    rules = getattr(profile, "weights", None)
    expected = profile.weight_total_text if rules is not None else "100"
    total = f"{weights.total.normalize():f}"
    if rules is not None and not rules.used:
        return ("", f"权重合计：{total}（{profile.name}规则不使用权重）") if weights.used else ("", "")
    if not weights.used:
        return "", f"权重合计：未填写（如填写权重，合计应为 {expected}）"
    text = f"权重合计：{total}；应为 {expected}" if "（" in expected else f"权重合计：{total}（应为 {expected}）"
    if weights.unreadable:
        text += f"，另有 {len(weights.unreadable)} 项权重无法识别"
    wanted = rules.total if rules is not None else Decimal(100)
    return ("ok" if not weights.unreadable and weights.total == wanted else "error"), text


TABULAR_LEVEL1: dict[Category, str] = {
    Category.OUTPUT: "产出指标",
    Category.OUTCOME: "效益指标",
    Category.SATISFACTION: "满意度指标",
}


def level2_choices(level1: str, category: Category) -> tuple[str, ...]:
    """The 二级 vocabulary for a row: by its 一级 (效果 ≡ 效益), else by the tab it is on."""
    key = canonical_term(level1.strip()) or TABULAR_LEVEL1.get(category, "")
    return TABULAR_LEVELS.get(key, ())


# --- indicator rows ----------------------------------------------------------------------------

NUMBERED_PREFIX: dict[Category, str] = {
    Category.OUTPUT: "产出指标",
    Category.OUTCOME: "效果指标",
    Category.SATISFACTION: "满意度指标",
    Category.OTHER: "",
}


def category_rows(form: Form, category: Category) -> list[int]:
    """Indices into ``form.indicators`` of the rows of one category, in form order."""
    return [i for i, ind in enumerate(form.indicators) if classify_indicator(ind) is category]


def next_row_name(form: Form, category: Category) -> str:
    """The name a new numbered row starts with: ``产出指标六：`` after 产出指标一…五."""
    prefix = NUMBERED_PREFIX[category]
    if not prefix:
        return ""
    rows = category_rows(form, category)
    highest = 0
    for index in rows:
        ordinal = row_ordinal(form.indicators[index].name.strip())
        if ordinal is not None and ordinal.family is category:
            highest = max(highest, ordinal.number or 0)
    number = max(highest, len(rows)) + 1
    return f"{prefix}{chinese_numeral(number)}："


# Findings about the form as a whole that are about one category: where the clerk adds it.
RULE_CATEGORY: dict[str, Category] = {
    "indicators.output_missing": Category.OUTPUT,
    "indicators.outcome_missing": Category.OUTCOME,
    "indicators.satisfaction_missing": Category.SATISFACTION,
    "indicators.cost_missing": Category.OUTPUT,
}


_CATEGORY_ORDER = (Category.OUTPUT, Category.OUTCOME, Category.SATISFACTION, Category.OTHER)


def insert_position(form: Form, category: Category, after: int | None) -> int:
    """Where in ``form.indicators`` a new row of a category goes.

    After the row ``after`` when given — except in a numbered form (layout B), where a new row
    always goes last in its category so the numbers run on (一、二…五、六, never 一、六、二);
    else after the category's last row; else before the first row of a later category, so the
    form keeps 产出 → 效果 → 满意度 order.
    """
    rows = category_rows(form, category)
    if after is not None and not (NUMBERED_PREFIX[category] and detect_layout(form) is Layout.NUMBERED):
        return after + 1
    if rows:
        return rows[-1] + 1
    later = _CATEGORY_ORDER[_CATEGORY_ORDER.index(category) + 1:]
    for i, ind in enumerate(form.indicators):
        if classify_indicator(ind) in later:
            return i
    return len(form.indicators)


def renumbered(indicators: list[Indicator], category: Category) -> list[Indicator]:
    """The rows with the category's numbered names (产出指标一：…) counted 一、二、三 in order.

    Only the ordinal of a name that starts ``产出指标<numeral>`` changes (效果指标 and 效益指标 are
    one family, each name keeping its word); rows without one are not counted. This is the
    reading the check ``text.numbering_broken`` uses (``domain.row_numbers``), so what it calls
    out of order is what this mends. What follows the ordinal is the clerk's text and stays;
    other families are untouched. Returns a new list.
    """
    rows = copy.deepcopy(indicators)
    for index, name in _renumbered_names(indicators, category):
        rows[index].name = name
    return rows


def _renumbered_names(indicators: list[Indicator], category: Category) -> Iterator[tuple[int, str]]:
    """(row index, numbered name) of each row of ``category`` whose name renumbering changes."""
    if not NUMBERED_PREFIX[category]:
        return
    number = 0
    for index, ind in enumerate(indicators):
        name = ind.name.lstrip()
        ordinal = row_ordinal(name)
        if ordinal is not None and ordinal.family is category:
            number += 1
            new = f"{ordinal.word}指标{chinese_numeral(number)}{ordinal.colon}{name[ordinal.end:]}"
            if new != ind.name:
                yield index, new


def needs_renumbering(form: Form, category: Category) -> bool:
    """Whether 重新编号 would change a name (the editor asks after every keystroke: no copies)."""
    return next(_renumbered_names(form.indicators, category), None) is not None


@dataclass(frozen=True)
class RowChange:
    """A new list of indicators and the field to focus afterwards (``None``: nothing)."""

    indicators: list[Indicator]
    focus: str | None


def added_row(form: Form, category: Category, after: int | None = None) -> RowChange:
    """A new row in a two-column form, named like its neighbours (产出指标六：)."""
    position = insert_position(form, category, after)
    rows = copy.deepcopy(form.indicators)
    rows.insert(position, Indicator(name=next_row_name(form, category)))
    return RowChange(rows, f"indicators[{position}].name")


def _numbered(form: Form) -> bool:
    return detect_layout(form) is Layout.NUMBERED


def _family(indicator: Indicator, category: Category) -> Category:
    """The numbering family of a row: its ordinal's (效果指标三：满意度… is an 效果 row there)."""
    ordinal = row_ordinal(indicator.name.lstrip())
    return ordinal.family if ordinal is not None else category


def removed_row(form: Form, indicator: int) -> RowChange:
    """The form without row ``indicator``; a numbered form is renumbered (no gap in 一、二、三)."""
    category = classify_indicator(form.indicators[indicator])
    numbered = _numbered(form)
    rows = copy.deepcopy(form.indicators)
    del rows[indicator]
    if numbered:
        rows = renumbered(rows, _family(form.indicators[indicator], category))
    remaining = [i for i, ind in enumerate(rows) if classify_indicator(ind) is category]
    neighbour = max([i for i in remaining if i < indicator], default=None)
    if neighbour is None and remaining:
        neighbour = remaining[0]
    return RowChange(rows, None if neighbour is None else f"indicators[{neighbour}].name")


def moved_row(form: Form, category: Category, indicator: int, delta: int) -> RowChange | None:
    """Row ``indicator`` moved up (-1) or down (+1) among its category (renumbered if numbered)."""
    rows_of_category = category_rows(form, category)
    if indicator not in rows_of_category:
        return None
    k = rows_of_category.index(indicator) + delta
    if not 0 <= k < len(rows_of_category):
        return None
    other = rows_of_category[k]
    rows = copy.deepcopy(form.indicators)
    rows[indicator], rows[other] = rows[other], rows[indicator]
    if _numbered(form):
        rows = renumbered(rows, _family(form.indicators[indicator], category))
    return RowChange(rows, f"indicators[{other}].name")


def added_item(form: Form, category: Category, after: tuple[int, int] | None = None) -> RowChange:
    """A new 三级 item: after the selected one, else in the category's last group."""
    rows = copy.deepcopy(form.indicators)
    if after is not None:
        indicator, position = after[0], after[1] + 1
        rows[indicator].items.insert(position, IndicatorItem())
    else:
        groups = category_rows(form, category)
        if groups:
            indicator = groups[-1]
            rows[indicator].items.append(IndicatorItem())
            position = len(rows[indicator].items) - 1
        else:
            level1 = TABULAR_LEVEL1.get(category, "")
            choices = level2_choices(level1, category)
            indicator = insert_position(form, category, None)
            rows.insert(indicator, Indicator(level1=level1, level2=choices[0] if choices else "",
                                             items=[IndicatorItem()]))
            position = 0
    return RowChange(rows, f"indicators[{indicator}].items[{position}].level3")


def removed_item(form: Form, indicator: int, item: int) -> RowChange:
    """Without item ``item`` of group ``indicator``; a group left empty (and unnamed) goes too."""
    rows = copy.deepcopy(form.indicators)
    group = rows[indicator]
    del group.items[item]
    focus: str | None = None
    if group.items:
        focus = f"indicators[{indicator}].items[{min(item, len(group.items) - 1)}].level3"
    elif not group.name.strip() and not group.content.strip():
        del rows[indicator]  # an empty group is not a row of the form
    return RowChange(rows, focus)


def regrouped_item(form: Form, indicator: int, item: int, level2: str) -> RowChange:
    """Item ``item`` moved to the group of its new 二级 (joining one, or starting one after its own)."""
    source = form.indicators[indicator]
    after = copy.deepcopy(form.indicators)
    moved = after[indicator].items.pop(item)
    target = next((k for k, other in enumerate(after) if k != indicator
                   and other.level1 == source.level1 and other.level2 == level2), None)
    if target is None:
        target = indicator + 1
        after.insert(target, Indicator(level1=source.level1, level2=level2, items=[moved]))
        return RowChange(after, f"indicators[{target}].items[0].level3")
    after[target].items.append(moved)
    return RowChange(after, f"indicators[{target}].items[{len(after[target].items) - 1}].level3")


def elide_content(text: str, max_lines: int = 2, max_chars: int = 90) -> str:
    """The first lines of a long text for a table cell."""
    lines = [line for line in text.splitlines() if line.strip()]
    shown = "\n".join(lines[:max_lines])
    cut = len(lines) > max_lines
    if len(shown) > max_chars:
        shown = shown[:max_chars]
        cut = True
    return shown + ("…" if cut else "")


# A 指标名称 longer than this gets a hint: printed forms and the online system keep names short.
NAME_HINT_CHARS = 30


def shortened(text: str, limit: int = 20) -> str:
    """One line of at most ``limit`` characters, ``…`` where it was cut (captions, titles)."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def name_length_hint(name: str) -> str:
    """``指标名称 412 字，建议不超过 30 字`` for a long name, else ``""``."""
    length = len(name.strip())
    if length <= NAME_HINT_CHARS:
        return ""
    return f"指标名称 {length} 字，建议不超过 {NAME_HINT_CHARS} 字"


def char_count_label(text: str) -> str:
    """``共 123 字（不含空白 110 字）``."""
    non_blank = sum(map(len, text.split()))  # str.split() cuts at exactly what str.isspace() calls white space
    return f"共 {len(text)} 字（不含空白 {non_blank} 字）"


def utf16_offset(text: str, index: int) -> int:
    """A Python string index as a Qt (UTF-16) position."""
    index = max(0, min(index, len(text)))
    return len(text[:index].encode("utf-16-le")) // 2
