"""Amounts in 万元 as clerks type them.

Money is ``Decimal`` from the first character typed to the last one printed; floats never
appear. ``parse_amount`` accepts what a clerk types in an office (thousands separators,
full-width digits, surrounding spaces, a trailing 万元) and refuses the rest with a reason
in Chinese.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")

# Full-width digits and punctuation a Chinese IME produces.
_FULLWIDTH = str.maketrans(
    "０１２３４５６７８９．，－＋　",
    "0123456789.,-+ ",
)
_NUMBER_RE = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_GROUPED_RE = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?")
_UNIT_SUFFIXES = ("万元", "万")
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
        canonical: how writers store it (``22001.49``); two decimals unless more were typed.
        normalised: the typed text had thousands separators, full-width characters or a
            trailing 万元 that reading removed.
        decimals: the number of decimals typed.
    """

    value: Decimal
    canonical: str
    normalised: bool
    decimals: int

    @property
    def printed(self) -> Decimal:
        """The amount as the printed form shows it: two decimals."""
        return quantize_cents(self.value)


def quantize_cents(value: Decimal) -> Decimal:
    """Round to 0.01 万元 the way the printed form does (half up)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def format_amount(value: Decimal) -> str:
    """Canonical text of an amount: plain digits, at least two decimals, no separators."""
    exponent = value.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if decimals <= 2:
        return f"{value.quantize(CENT):f}"
    return f"{value:f}"


def parse_amount(text: str) -> ParsedAmount:
    """Read a typed amount.

    Raises:
        AmountError: the text is empty or is not an amount; the reason is in Chinese.
    """
    if text is None or not str(text).strip():
        raise AmountError(text or "", "未填写金额")
    raw = str(text)
    cleaned = raw.translate(_FULLWIDTH).strip()
    normalised = any(ch in raw for ch in "０１２３４５６７８９．，－＋")
    for suffix in _UNIT_SUFFIXES:
        if cleaned.endswith(suffix):
            cleaned = cleaned[: -len(suffix)].rstrip()
            normalised = True
            break
    if "," in cleaned:
        if not _GROUPED_RE.fullmatch(cleaned):
            raise AmountError(raw, f"“{raw.strip()}”中的千位分隔符位置不对，应写成如 22001.49 的数字")
        cleaned = cleaned.replace(",", "")
        normalised = True
    if " " in cleaned:
        raise AmountError(raw, f"“{raw.strip()}”中间有空格，不是一个金额")
    if not _NUMBER_RE.fullmatch(cleaned):
        raise AmountError(raw, f"“{raw.strip()}”不是数字金额，请只填写数字（单位：万元）")
    integer_digits = len(cleaned.lstrip("+-").split(".")[0].lstrip("0"))
    if integer_digits > MAX_INTEGER_DIGITS:
        raise AmountError(raw, f"“{raw.strip()}”数额过大（单位是万元），请核对是否多打了数字")
    if "." in cleaned and len(cleaned.split(".")[1]) > MAX_DECIMALS:
        raise AmountError(raw, f"“{raw.strip()}”小数位过多，请最多保留 {MAX_DECIMALS} 位小数")
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only valid input
        raise AmountError(raw, f"“{raw.strip()}”不是数字金额") from exc
    exponent = value.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if value == 0:
        value = abs(value)  # no "-0.00"
    return ParsedAmount(value=value, canonical=format_amount(value), normalised=normalised,
                        decimals=decimals)


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
    except AmountError:
        return (text or "").strip()
