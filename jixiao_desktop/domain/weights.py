"""权重 of the structured 三级 items: one reading and one total for checks, editor and exports."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from jixiao_desktop.domain.model import Form

HUNDRED = Decimal(100)

_FULLWIDTH = str.maketrans("０１２３４５６７８９．％　", "0123456789.% ")
_WEIGHT_RE = re.compile(r"(\d+(?:\.\d+)?|\.\d+)\s*%?")


def read_weight(text: str) -> Decimal | None:
    """A typed weight (``10``, ``12.5``, ``１０``, ``10%``), or ``None`` when it is not a number."""
    m = _WEIGHT_RE.fullmatch((text or "").translate(_FULLWIDTH).strip())
    if not m:
        return None
    try:
        return Decimal(m.group(1))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        return None


@dataclass(frozen=True)
class WeightTotal:
    """The weights of a form.

    Attributes:
        paths: field path of every filled-in weight, in form order (empty: weights not used).
        total: the sum of the readable ones.
        unreadable: (path, text) of the weights that are not numbers.
    """

    paths: tuple[str, ...]
    total: Decimal
    unreadable: tuple[tuple[str, str], ...]

    @property
    def used(self) -> bool:
        return bool(self.paths)

    @property
    def ok(self) -> bool:
        """No weights at all, or all readable and adding up to exactly 100."""
        return not self.used or (not self.unreadable and self.total == HUNDRED)


def weight_total(form: Form) -> WeightTotal:
    paths: list[str] = []
    unreadable: list[tuple[str, str]] = []
    total = Decimal(0)
    for i, indicator in enumerate(form.indicators):
        for j, item in enumerate(indicator.items):
            text = item.weight.strip()
            if not text:
                continue
            path = f"indicators[{i}].items[{j}].weight"
            paths.append(path)
            value = read_weight(text)
            if value is None:
                unreadable.append((path, text))
            else:
                total += value
    return WeightTotal(tuple(paths), total, tuple(unreadable))
