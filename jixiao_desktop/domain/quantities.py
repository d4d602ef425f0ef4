"""Quantities written in the prose of a form: ``不少于50次``, ``50%以上``, ``1.2万册``, ``6-8次``.

``extract_quantities(text)`` finds every number a reader would take as a target or an amount,
with its operator and unit, and leaves out the numbers that are not quantities: list markers
(``1、`` ``（2）`` ``3.`` ``1）`` ``①``), years (``2021年``), ordinals (``第3批``), house and line
numbers (``80-84号``, ``17-19号楼``, ``3、4、5号楼``, ``1号线``), dates (``3月``, ``6月30日``,
``3.1、6.4、7.5``), times of day and anniversaries (``100周年``). A bare number with neither a
unit nor an operator word is not a quantity either (``“321”工作模式``, ``12345市民热线``).

Unit prices are kept and recognised as prices (``12元/公里/辆``, ``400元/人``: ``is_price``);
other per-unit rates keep their ``/`` too (``6场/个``). Chinese numerals (``十五``, ``两节``) are
not read.

Pure function, precompiled patterns, cached on the text (the checks call it on every edit).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

OP_GE = "≥"
OP_LE = "≤"
OP_APPROX = "≈"
OP_EQ = "="
OP_RANGE = "range"

MONEY_UNITS = ("万元", "亿元", "千元", "元")
PERCENT_UNITS = ("%", "‰", "个百分点", "百分点")
PEOPLE_UNITS = ("人", "名", "位")
AREA_UNITS = ("平方米", "平米", "㎡", "m²")

# Units that follow a number in the forms (domain.md §4 and more); longest alternatives first.
_UNITS = (
    # money
    "万元", "亿元", "千元", "元",
    # area, length, volume, weight
    "平方公里", "平方米", "平米", "㎡", "m²", "公顷", "亩", "立方米", "公里", "千米", "米",
    "km", "cm", "mm", "m", "公斤", "千克", "kg", "吨", "升",
    # percent, score
    "%", "‰", "个百分点", "百分点", "分",
    # time spans
    "个工作日", "工作日", "个小时", "小时", "分钟", "个月", "课时", "学时", "天", "日", "周", "年",
    # people and counts
    "人次", "户次", "册次", "车次", "架次", "人", "名", "位", "户", "家",
    "个", "项", "次", "场", "期", "批", "处", "块", "条", "张", "册", "本", "份", "套", "台",
    "只", "辆", "艘", "架", "圈", "座", "栋", "间", "所", "件", "篇", "部", "幅", "棵", "株",
    "盏", "把", "根", "组", "支", "队", "类", "种", "轮", "门", "节", "倍", "岁", "层", "床",
    "级", "星", "颗", "枚", "卷", "册",
)
# After a number these mean "not a quantity": house/line numbers, anniversaries, months,
# times of day, ordinal classes.
_SKIP_UNITS = ("号楼", "号院", "号线", "号", "周年", "年级", "月", "时", "点", "届")

_ALL_UNITS = sorted(set(_UNITS + _SKIP_UNITS), key=len, reverse=True)
_SKIP_SET = frozenset(_SKIP_UNITS)


def _unit_alt(unit: str) -> str:
    if unit == "分":
        # 分 (score) but not 分别, 分局, 分队 …
        return "分(?![别之钟局队会类批期片区站社所部管散享工配])"
    if unit == "年":
        return "年(?!级)"
    if unit == "日":
        return "日(?![常期])"
    if unit == "周":
        return "周(?![边围末年])"
    if unit.isascii() and unit.isalpha():
        return re.escape(unit) + "(?![A-Za-z])"
    return re.escape(unit)


_UNIT_RE = "|".join(_unit_alt(u) for u in _ALL_UNITS)

_PRE_OPS: dict[str, str] = {
    "不低于": OP_GE, "不少于": OP_GE, "不小于": OP_GE, "至少": OP_GE, "最少": OP_GE,
    "超过": OP_GE, "高达": OP_GE, "达到": OP_GE, "可达": OP_GE, "多于": OP_GE, "大于": OP_GE,
    "高于": OP_GE, "达": OP_GE, "≥": OP_GE, ">=": OP_GE, ">": OP_GE, "＞": OP_GE, "≧": OP_GE,
    "不超过": OP_LE, "不高于": OP_LE, "不多于": OP_LE, "不大于": OP_LE, "最多": OP_LE,
    "至多": OP_LE, "低于": OP_LE, "少于": OP_LE, "小于": OP_LE, "≤": OP_LE, "<=": OP_LE,
    "<": OP_LE, "＜": OP_LE, "≦": OP_LE,
    "约为": OP_APPROX, "大约": OP_APPROX, "约": OP_APPROX, "预计": OP_APPROX, "近": OP_APPROX,
    "=": OP_EQ,
}
_POST_OPS: dict[str, str] = {
    "及以上": OP_GE, "以上": OP_GE, "及以下": OP_LE, "以下": OP_LE, "以内": OP_LE, "之内": OP_LE,
    "左右": OP_APPROX,
}
_MULTIPLIERS = {"万": Decimal(10000), "亿": Decimal(100000000), "千": Decimal(1000)}


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
# The pattern starts at the number (fast scanning); an operator word before it is read by
# _PRE_RE on the few characters in front.
_QUANTITY_RE = re.compile(
    rf"(?P<n1>{_NUM})"
    rf"(?:\s*(?P<u1>%)?\s*(?P<sep>-|~|—|–|至(?!少)|到)\s*(?P<n2>{_NUM}))?"
    r"\s*(?P<mult>万|亿|千(?![米克元]))?"
    r"(?P<yu>余|多(?![少]))?"
    rf"\s*(?P<unit>{_UNIT_RE})?"
    rf"(?P<per>(?:/(?:{_UNIT_RE}|[\u4e00-\u9fff]|[A-Za-z²]{{1,3}}))+)?"
    rf"(?P<post>{_alt(_POST_OPS)})?"
)
_PRE_RE = re.compile(rf"(?:{_alt(_PRE_OPS)})\s*$")
_PRE_MAX = max(len(op) for op in _PRE_OPS) + 2
_FULLWIDTH_RE = re.compile("[０-９．％－～]")
_DIGIT_RE = re.compile(r"\d")

# Full-width digits and signs, one character for one, so that spans stay valid.
_FULLWIDTH = str.maketrans("０１２３４５６７８９．％－～", "0123456789.%-~")


@dataclass(frozen=True, slots=True)
class Quantity:
    """One quantity found in a text.

    Attributes:
        raw: the text it was read from (operator words included).
        op: ``≥``, ``≤``, ``≈``, ``=`` or ``range``.
        value: the number (the lower bound of a range), multiplied out (``1.2万册`` → 12000);
            money keeps its unit (``3万元`` → 3, unit ``万元``).
        value_hi: the upper bound of a range, else ``None``.
        unit: as written (``平方米``, ``%``, ``元/公里/辆``), ``""`` when there is none.
        span: (start, end) in the text.
    """

    raw: str
    op: str
    value: Decimal
    value_hi: Decimal | None
    unit: str
    span: tuple[int, int]

    @property
    def base_unit(self) -> str:
        """The unit before any ``/`` (``元`` for ``12元/公里/辆``)."""
        return self.unit.split("/", 1)[0]

    @property
    def is_per_unit(self) -> bool:
        """A rate per something (``6场/个``, ``400元/人``)."""
        return "/" in self.unit

    @property
    def is_price(self) -> bool:
        """A unit price (``12元/公里/辆``, ``400元/人``), not an amount."""
        return self.is_per_unit and self.base_unit in MONEY_UNITS

    @property
    def is_money(self) -> bool:
        """An amount of money (not a unit price)."""
        return not self.is_per_unit and self.unit in MONEY_UNITS

    @property
    def is_percent(self) -> bool:
        return not self.is_per_unit and self.unit in ("%", "‰")

    @property
    def is_range(self) -> bool:
        return self.op == OP_RANGE

    @property
    def high(self) -> Decimal:
        """The largest value it states (the upper bound of a range)."""
        return self.value_hi if self.value_hi is not None and self.value_hi > self.value else self.value

    def amount_wan(self) -> Decimal | None:
        """The amount in 万元 for money (``亿元``/``元``/``千元`` converted), else ``None``."""
        if not self.is_money:
            return None
        factor = {"万元": Decimal(1), "亿元": Decimal(10000), "千元": Decimal("0.1"),
                  "元": Decimal("0.0001")}[self.unit]
        return self.high * factor


_GLUE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")
_GROUPED_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def extract_quantities(text: str) -> list[Quantity]:
    """Every quantity of ``text``, in order (see the module docstring for what counts)."""
    if not text:
        return []
    return list(_extract_cached(text))


@lru_cache(maxsize=4096)
def _extract_cached(text: str) -> tuple[Quantity, ...]:
    norm = text.translate(_FULLWIDTH) if _FULLWIDTH_RE.search(text) else text
    if not _DIGIT_RE.search(norm):
        return ()
    found: list[Quantity] = []
    for m in _QUANTITY_RE.finditer(norm):
        q = _read_match(norm, text, m)
        if q is not None:
            found.append(q)
    return tuple(found)


def _read_match(norm: str, text: str, m: re.Match[str]) -> Quantity | None:
    n1, n2 = m["n1"], m["n2"]
    start_num = m.start()
    if start_num and (norm[start_num - 1] in _GLUE or norm[start_num - 1].isdigit()):
        return None  # part of an identifier (F4D) or of a number read before
    if ("," in n1 and not _GROUPED_RE.fullmatch(n1)) or (n2 and "," in n2 and not _GROUPED_RE.fullmatch(n2)):
        return None  # not a thousands grouping: a list of numbers such as 3,4,5
    unit = m["unit"] or ""
    mult = m["mult"] or ""
    # An ordinal: 第3批, 第 2 次.
    b = start_num - 1  # the last character before the number that is not a space
    while b >= 0 and norm[b].isspace():
        b -= 1
    last = norm[b] if b >= 0 else ""
    if last == "第":
        return None
    if unit in _SKIP_SET:
        return None
    # Identifiers such as F4D, 5G: a number glued to Latin letters that are not a unit.
    end_num = m.end("n2") if n2 else m.end("n1")
    if not unit and not mult and end_num < len(norm) and norm[end_num].isascii() and norm[end_num].isalpha():
        return None
    # Times and ratios: 8:30, 21:9.
    if end_num < len(norm) and norm[end_num] in ":：" and end_num + 1 < len(norm) and norm[end_num + 1].isdigit():
        return None
    if last in (":", "：") and b >= 1 and norm[b - 1].isdigit():
        return None
    # Years (2021年, 2019-2021年, 2021年度) and dates (6月30日).
    if not mult and unit in ("年", "") and _is_year(n1) and (unit == "年" or (n2 and _is_year(n2))):
        return None
    if unit == "日" and last == "月":
        return None
    pre_m = _PRE_RE.search(norm, max(0, start_num - _PRE_MAX), start_num)
    pre = pre_m.group().rstrip() if pre_m else ""
    post = m["post"] or ""
    yu = m["yu"] or ""
    if not (unit or pre or post or yu or mult):
        return None
    value = _number(n1)
    value_hi = _number(n2) if n2 else None
    if mult:
        factor = _MULTIPLIERS[mult]
        if unit == "元" and mult in ("万", "亿"):
            unit = "万元"
            factor = Decimal(1) if mult == "万" else Decimal(10000)
        value = _tidy(value * factor)
        if value_hi is not None:
            value_hi = _tidy(value_hi * factor)
    if not unit and m["u1"]:
        unit = "%"
    if m["per"] and unit:
        unit += m["per"]
    if value_hi is not None:
        op = OP_RANGE
    elif pre:
        op = _PRE_OPS[pre]
    elif post:
        op = _POST_OPS[post]
    elif yu:
        op = OP_GE
    else:
        op = OP_EQ
    start = pre_m.start() if pre_m else start_num
    end = m.end()
    # Keep the span tight: trailing spaces before a missing unit are not part of it.
    while end > start and norm[end - 1].isspace():
        end -= 1
    return Quantity(raw=text[start:end], op=op, value=value, value_hi=value_hi, unit=unit,
                    span=(start, end))


def _tidy(value: Decimal) -> Decimal:
    """12000.0 → 12000, 12500.00 → 12500 (no exponent, no trailing zeros after multiplying)."""
    value = value.normalize()
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent > 0:
        value = value.quantize(Decimal(1))
    return value


def _is_year(digits: str) -> bool:
    return len(digits) == 4 and digits.isdigit() and 1900 <= int(digits) <= 2100


_UNIT_AT_RE = re.compile(rf"\s*(?:万|亿)?(?:余|多)?\s*(?:{_UNIT_RE})")


def unit_at(text: str, pos: int) -> str | None:
    """The unit (or skip word such as 号, 年, 月) that starts at ``pos``, else ``None``.

    Lets other code tell ``30名保安`` (a quantity) from ``8建设书香牛街`` (a bare list number).
    """
    m = _UNIT_AT_RE.match(text, pos)
    return m.group().strip() if m else None


# --- dates, date ranges and deadlines ------------------------------------------------------
#
# What a 时效 row or item promises instead of a count: ``2023.07-2024.01``, ``2024年6月底前``,
# ``6月30日前``, ``年底前``, ``第三季度``. A bare year (``2021年``) is not a date here, and a dotted
# year-month followed by a unit (``2023.12万元``, ``2033.9平方米``) is a number, not a date.

_DAY = r"(?:\s*\d{1,2}\s*[日号])?"
_PART_OF_MONTH = r"(?:底|末|初|中旬|上旬|下旬)?"
_YEAR = r"(?:19|20)\d{2}"
_DATE_ONE = (
    rf"(?:{_YEAR}\s*年\s*\d{{1,2}}\s*月{_DAY}{_PART_OF_MONTH}"
    rf"|{_YEAR}\s*[.．/-]\s*(?:1[0-2]|0?[1-9])(?:\s*[.．/-]\s*(?:3[01]|[12]\d|0?[1-9]))?(?![\d.．])"
    rf"|(?<![\d.．])\d{{1,2}}\s*月{_DAY}{_PART_OF_MONTH}"
    rf"|(?:{_YEAR}\s*)?(?:年\s*(?:底|末|内)|上半年|下半年|[一二三四1-4１-４]\s*季度(?:末|底)?|季末|季度末|月底|月末))"
)
_DATE_RE = re.compile(
    rf"(?<![\dA-Za-z.．]){_DATE_ONE}(?:\s*(?:-|—|–|~|～|至|到)\s*{_DATE_ONE})?"
    r"(?:前|之前|以前|内|之内|以内)?"
)
_DATE_OPS_RE = re.compile(r"^\s*(?:[≥≤=<>]|不晚于|不迟于|早于|在|于)?\s*")


@lru_cache(maxsize=2048)
def find_dates(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of the dates, date ranges and deadlines in ``text`` (see above)."""
    if not text:
        return ()
    norm = text.translate(_FULLWIDTH) if _FULLWIDTH_RE.search(text) else text
    found: list[tuple[int, int]] = []
    for m in _DATE_RE.finditer(norm):
        end = m.end()
        if not m.group().strip():
            continue
        # 2023.12万元, 2033.9平方米: a number with a unit, not a date.
        tail = unit_at(norm, end)
        if tail is not None and not tail.startswith(("月", "日", "号", "年")) and "年" not in m.group() \
                and "月" not in m.group():
            continue
        found.append((m.start(), end))
    return tuple(found)


def is_date(text: str) -> bool:
    """Whether ``text`` as a whole is a date, a date range or a deadline (``≤2024年6月底前``)."""
    stripped = (text or "").strip()
    if not stripped:
        return False
    start = _DATE_OPS_RE.match(stripped)
    offset = start.end() if start else 0
    rest = stripped[offset:]
    spans = find_dates(rest)
    return bool(spans) and spans[0][0] == 0 and rest[spans[0][1]:].strip() in ("", "完成", "前完成", "底前")
