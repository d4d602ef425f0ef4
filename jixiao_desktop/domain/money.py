"""Amounts in 万元 as clerks type them.

Money is ``Decimal`` from the first character typed to the last one printed; floats never
appear. ``parse_amount`` accepts what a clerk types in an office (thousands separators,
full-width digits, surrounding spaces, a trailing 万元, or a trailing 元 read as 元 and
converted exactly to 万元) and refuses the rest with a reason in Chinese: digits of other
scripts (Arabic-Indic ٣, Devanagari ३, math bold 𝟑 …) and a leading zero group (``0,123``)
are refused, never read silently.

Amounts are compared and printed exactly as typed (``checks.md`` "Amounts as typed"):
``printed_amount`` is the one way every printer shows an amount — the decimals typed (at
least two), thousands separators only where the clerk typed them (as the official printout).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
YUAN_PER_WAN = Decimal(10000)

# Full-width digits and punctuation a Chinese IME produces.
_FULLWIDTH = str.maketrans(
    "０１２３４５６７８９．，－＋　",
    "0123456789.,-+ ",
)
# ASCII digits only: ``\d`` without re.ASCII also takes ٣ ३ 𝟑 (and Decimal() reads them).
_NUMBER_RE = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)", re.ASCII)
_GROUPED_RE = re.compile(r"[+-]?[1-9][0-9]{0,2}(,[0-9]{3})+(\.[0-9]*)?", re.ASCII)
_ZERO_GROUP_RE = re.compile(r"[+-]?0+,[0-9]", re.ASCII)
_WAN_SUFFIXES = ("万元", "万")
_YUAN_SUFFIX = "元"
# 10^12 万元 is far beyond any budget; more digits are a typing slip, and Decimal's default
# 28-digit context must never overflow when amounts are quantised or summed.
MAX_INTEGER_DIGITS = 12
MAX_DECIMALS = 8


class AmountError(ValueError):
    """An amount that cannot be read; ``reason`` says why, in Chinese."""

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(reason)
        self.text = text
        self.reason = reason


@dataclass(frozen=True)
class ParsedAmount:
    """The result of reading one typed amount.

    Attributes:
        value: the exact amount in 万元.
        canonical: how writers store and printers print it (``22001.49``): the decimals
            typed, at least two, no separators.
        normalised: the typed text had thousands separators, full-width characters, a
            trailing 万元 or a trailing 元 that reading removed.
        decimals: the number of decimals of ``value`` as typed (or as converted from 元).
        yuan: the figure typed in 元 when the amount had a trailing 元 (``value`` is it
            divided by 10000, exactly), else ``None``.
    """

    value: Decimal
    canonical: str
    normalised: bool
    decimals: int
    yuan: Decimal | None = None

    @property
    def converted_from_yuan(self) -> bool:
        return self.yuan is not None

    @property
    def printed(self) -> str:
        """The amount as printouts show it: ``canonical`` (the decimals typed, at least two)."""
        return self.canonical


def quantize_cents(value: Decimal) -> Decimal:
    """Round to 0.01 万元 (half up); for display of derived figures, never for comparisons."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _decimals(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def format_amount(value: Decimal) -> str:
    """Canonical text of an amount: plain digits, the decimals it has (at least two), no separators."""
    if _decimals(value) <= 2:
        return f"{value.quantize(CENT):f}"
    return f"{value:f}"


def _foreign_digit(text: str) -> str | None:
    """The first decimal digit that is neither ASCII nor full-width (already translated)."""
    for ch in text:
        if not ("0" <= ch <= "9") and unicodedata.category(ch) == "Nd":
            return ch
    return None


_SCRIPTS = (("ARABIC-INDIC", "阿拉伯文数字"), ("EXTENDED ARABIC-INDIC", "波斯文数字"), ("DEVANAGARI", "天城文（印地文）数字"),
            ("MATHEMATICAL", "数学符号数字（粗体、双线等）"), ("BENGALI", "孟加拉文数字"), ("THAI", "泰文数字"),
            ("TIBETAN", "藏文数字"), ("MONGOLIAN", "蒙古文数字"))


def _script_of(ch: str) -> str:
    name = unicodedata.name(ch, "")
    for prefix, label in _SCRIPTS:
        if name.startswith(prefix):
            return label
    return "其他文字的数字"


def parse_amount(text: str) -> ParsedAmount:
    """Read a typed amount (万元; a trailing 元 is converted exactly).

    Raises:
        AmountError: the text is empty or is not an amount; the reason is in Chinese.
    """
    if text is None or not str(text).strip():
        raise AmountError(text or "", "未填写金额")
    raw = str(text)
    shown = raw.strip()
    cleaned = raw.translate(_FULLWIDTH).strip()
    normalised = any(ch in raw for ch in "０１２３４５６７８９．，－＋")
    foreign = _foreign_digit(cleaned)
    if foreign is not None:
        raise AmountError(raw, f"“{shown}”中的“{foreign}”是{_script_of(foreign)}，不是普通数字，"
                               "请用 0–9 重新填写（可能是从网页或其他文档粘贴来的）")
    in_yuan = False
    for suffix in _WAN_SUFFIXES:
        if cleaned.endswith(suffix):
            cleaned = cleaned[: -len(suffix)].rstrip()
            normalised = True
            break
    else:
        if cleaned.endswith(_YUAN_SUFFIX):
            cleaned = cleaned[: -len(_YUAN_SUFFIX)].rstrip()
            normalised = in_yuan = True
    if "," in cleaned:
        if _ZERO_GROUP_RE.match(cleaned):
            raise AmountError(raw, f"“{shown}”以“0,”开头，看不出是千位分隔还是小数点，"
                                   "请不带逗号填写（如 0.123 或 123）")
        if not _GROUPED_RE.fullmatch(cleaned):
            raise AmountError(raw, f"“{shown}”中的千位分隔符位置不对，应写成如 22001.49 的数字")
        cleaned = cleaned.replace(",", "")
        normalised = True
    if " " in cleaned:
        raise AmountError(raw, f"“{shown}”中间有空格，不是一个金额")
    if not _NUMBER_RE.fullmatch(cleaned):
        unit = "元" if in_yuan else "万元"
        raise AmountError(raw, f"“{shown}”不是数字金额，请只填写数字（单位：{unit}）")
    integer_digits = len(cleaned.lstrip("+-").split(".")[0].lstrip("0"))
    if integer_digits > MAX_INTEGER_DIGITS + (4 if in_yuan else 0):
        raise AmountError(raw, f"“{shown}”数额过大（单位是{'元' if in_yuan else '万元'}），请核对是否多打了数字")
    typed_decimals = len(cleaned.split(".")[1]) if "." in cleaned else 0
    if typed_decimals > MAX_DECIMALS - (4 if in_yuan else 0):
        most = MAX_DECIMALS - (4 if in_yuan else 0)
        raise AmountError(raw, f"“{shown}”小数位过多，请最多保留 {most} 位小数")
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only valid input
        raise AmountError(raw, f"“{shown}”不是数字金额") from exc
    yuan: Decimal | None = None
    if in_yuan:
        yuan = abs(value) if value == 0 else value
        # Exact: 3,309,840.00 元 = 330.984 万元. Zeros that only the division added are dropped,
        # the decimals the conversion really needs are kept (1.5 元 = 0.00015 万元).
        value = value.scaleb(-4)
        if _decimals(value) > 2:
            value = value.normalize()
            if _decimals(value) < 2:
                value = value.quantize(CENT)
    if value == 0:
        value = abs(value)  # no "-0.00"
    return ParsedAmount(value=value, canonical=format_amount(value), normalised=normalised,
                        decimals=_decimals(value), yuan=yuan)


def printed_amount(text: str) -> str:
    """How every printout (PDF, the window's read-only view …) shows a typed amount.

    A readable amount prints with the decimals typed, at least two, in 万元 (``6923.3552``
    stays, ``100`` → ``100.00``, ``3,309,840.00元`` → ``330.984``), with thousands
    separators only when the clerk typed them (the official 牛街 printout shows ``22,001.49``
    beside ``5214.98``; nothing is added, nothing the clerk wrote is taken away). Text that is
    not an amount prints as typed (stripped): the checks report it.
    """
    try:
        parsed = parse_amount(text)
    except (AmountError, ArithmeticError):
        return (text or "").strip()
    printed = parsed.canonical
    if parsed.yuan is None and ("," in text or "，" in text):
        sign = "-" if printed.startswith("-") else ""
        whole, _, fraction = printed.lstrip("-").partition(".")
        printed = f"{sign}{int(whole):,}" + (f".{fraction}" if fraction else "")
    return printed


def try_parse_amount(text: str) -> Decimal | None:
    """The amount, or ``None`` when the text is empty or unreadable."""
    try:
        return parse_amount(text).value
    except AmountError:
        return None


def canonical_amount_text(text: str) -> str:
    """The canonical text of a typed amount, or the text unchanged when it can't be read.

    Writers use this so that nothing a clerk typed is lost, readable or not.
    """
    try:
        return parse_amount(text).canonical
    except (AmountError, ArithmeticError):
        return (text or "").strip()
