"""What choosing an entry does to a 三级 item, and where an item contradicts the library."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from jixiao_desktop.domain.indicator_library.entry import LibraryEntry
from jixiao_desktop.domain.indicator_library.history import item_text
from jixiao_desktop.domain.model import IndicatorItem

# The item fields a chosen entry fills, in this order (指标值 and 权重 stay the clerk's).
FILLED_FIELDS: tuple[str, ...] = ("level3", "nature", "operator", "unit", "direction", "explanation", "scoring")

_UNIT_ALIASES = {"平米": "平方米", "㎡": "平方米", "m2": "平方米", "％": "%", "百分比": "%", "个百分点": "%"}


def completed(entry: LibraryEntry, alternatives: Sequence[LibraryEntry] = ()) -> LibraryEntry:
    """``entry`` with its empty fields taken from the other entries of the same name (the unit's
    own entry has its values, the 共性指标 its 指标解释 and 评分标准)."""
    changes: dict[str, str] = {}
    for name in FILLED_FIELDS[1:]:
        if getattr(entry, name):
            continue
        for other in alternatives:
            if other is not entry and getattr(other, name):
                changes[name] = getattr(other, name)
                break
    return entry.with_changes(**changes) if changes else entry


def fill_values(entry: LibraryEntry) -> dict[str, str]:
    """The item fields choosing ``entry`` sets (every one of ``FILLED_FIELDS``, empty ones too:
    a 定性 entry clears the operator and unit a 定量 guess left)."""
    values = {name: getattr(entry, name).strip() for name in FILLED_FIELDS}
    if entry.nature == "定性":
        values["operator"] = ""
        values["unit"] = ""
    return values


def normal_unit(unit: str) -> str:
    text = unicodedata.normalize("NFKC", unit).strip().replace(" ", "")
    return _UNIT_ALIASES.get(text, text)


_UP = {"≥", ">"}
_DOWN = {"≤", "<"}


@dataclass(frozen=True)
class Contradiction:
    """An item field that says the opposite of the library entry of the same name."""

    field: str  # "operator" | "unit" | "direction"
    typed: str
    expected: str

    @property
    def label(self) -> str:
        return {"operator": "运算符", "unit": "计量单位", "direction": "指标方向"}[self.field]


def contradictions(item: IndicatorItem, entry: LibraryEntry) -> list[Contradiction]:
    """Where ``item`` (same name as ``entry``) contradicts it: an operator pointing the other way
    (≥ against ≤), another unit, another direction. Empty fields and ``=`` are no contradiction."""
    found: list[Contradiction] = []
    typed_op, expected_op = item.operator.strip(), entry.operator.strip()
    if typed_op and expected_op and (
            (typed_op in _UP and expected_op in _DOWN) or (typed_op in _DOWN and expected_op in _UP)):
        found.append(Contradiction("operator", typed_op, expected_op))
    typed_unit, expected_unit = item.unit.strip(), entry.unit.strip()
    if typed_unit and expected_unit and normal_unit(typed_unit) != normal_unit(expected_unit):
        found.append(Contradiction("unit", typed_unit, expected_unit))
    typed_dir, expected_dir = item.direction.strip(), entry.direction.strip()
    if typed_dir and expected_dir and typed_dir != expected_dir:
        found.append(Contradiction("direction", typed_dir, expected_dir))
    return found


def item_summary(item: IndicatorItem) -> dict[str, str]:
    """An item's fields as an entry would take them (纳入指标库)."""
    return {name: item_text(item, name).strip() for name in FILLED_FIELDS}
