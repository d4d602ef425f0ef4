"""The unit's own past: every item of every stored form, grouped into library entries with the
values of each year; and a district library built from many units' forms (the bureau).

Pure functions over ``Form`` objects (or the small ``ItemUse`` rows storage reads without
building forms), so the window, the CLI and ``collect`` share them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from jixiao_desktop.domain.indicator_library.entry import LibraryEntry, PastValue, own_source
from jixiao_desktop.domain.indicator_library.names import normalise_name
from jixiao_desktop.domain.model import Form, IndicatorItem
from jixiao_desktop.domain.units import unit_key

# Item fields this module copies into an entry, beyond the model's TEXT_FIELDS: the exchange
# format's ``explanation``/``scoring`` (kept in ``extra`` until the model carries them).
ITEM_TEXTS = ("explanation", "scoring")


def item_text(item: IndicatorItem, name: str) -> str:
    """An item's field by name, also one the model keeps in ``extra`` (指标解释, 评(扣)分标准)."""
    if name in IndicatorItem.TEXT_FIELDS or hasattr(item, name):
        value = getattr(item, name, "")
    else:
        value = item.extra.get(name, "")
    return value if isinstance(value, str) else str(value or "")


def set_item_text(item: IndicatorItem, name: str, value: str) -> None:
    """Set an item's field by name (``extra`` for the ones the model does not carry yet)."""
    if name in IndicatorItem.TEXT_FIELDS or hasattr(item, name):
        setattr(item, name, value)
    elif value:
        item.extra[name] = value
    else:
        item.extra.pop(name, None)


@dataclass(frozen=True)
class ItemUse:
    """One 三级 item of one stored form."""

    form_id: str
    year: int | None
    department: str
    level1: str
    level2: str
    level3: str
    nature: str = ""
    operator: str = ""
    value: str = ""
    unit: str = ""
    direction: str = ""
    explanation: str = ""
    scoring: str = ""


def uses_in_form(form: Form, form_id: str = "") -> list[ItemUse]:
    """The named items of a form, in form order."""
    uses: list[ItemUse] = []
    for indicator in form.indicators:
        for item in indicator.items:
            if not normalise_name(item.level3):
                continue
            uses.append(ItemUse(
                form_id=form_id or form.id, year=form.year, department=form.department.strip(),
                level1=indicator.level1, level2=indicator.level2, level3=item.level3.strip(),
                nature=item.nature, operator=item.operator, value=item.value, unit=item.unit,
                direction=item.direction, explanation=item_text(item, "explanation"),
                scoring=item_text(item, "scoring")))
    return uses


def _newest_first(use: ItemUse) -> tuple[int, str]:
    return (-(use.year or 0), use.form_id)


def own_entries(uses: Iterable[ItemUse], department: str = "") -> list[LibraryEntry]:
    """The unit's own entries: one per normalised name, its fields from the newest year's form,
    with every year's value (newest first; one value a year, the first item of that year).

    ``department``: only that unit's forms count (a database may hold a neighbour's form too),
    the name compared by ``domain.units`` (short and full printed names are one unit); empty: every form.
    """
    wanted = unit_key(department) if department.strip() else ""
    groups: dict[str, list[ItemUse]] = {}
    for use in uses:
        if wanted and unit_key(use.department) != wanted:  # 牛街街道办事处 = the full printed name
            continue
        groups.setdefault(normalise_name(use.level3), []).append(use)
    entries: list[LibraryEntry] = []
    for group in groups.values():
        group.sort(key=_newest_first)
        newest = group[0]
        history: list[PastValue] = []
        seen_years: set[int | None] = set()
        for use in group:
            if use.year in seen_years or not use.value.strip():
                continue  # one value a year; a year that left it blank says nothing
            seen_years.add(use.year)
            history.append(PastValue(use.year, use.operator, use.value, use.unit, use.form_id, use.department))
        entries.append(LibraryEntry(
            level3=newest.level3, level1=newest.level1, level2=newest.level2, nature=newest.nature,
            operator=newest.operator, unit=newest.unit, direction=newest.direction,
            explanation=newest.explanation, scoring=newest.scoring, source=own_source(newest.form_id),
            history=history, uses=len({use.year for use in group})))
    entries.sort(key=lambda e: (-e.uses, e.key))
    return entries


def _most_common(values: Iterable[str]) -> str:
    counted = Counter(v.strip() for v in values if v.strip())
    if not counted:
        return ""
    best = max(counted.values())
    # Ties: the tidiest spelling (no inner spaces, shortest), then a stable choice.
    return min((v for v, n in counted.items() if n == best), key=lambda v: (" " in v, len(v), v))


def district_entries(uses: Iterable[ItemUse], source: str) -> list[LibraryEntry]:
    """A bureau's library from all units' forms: one entry per normalised name, each field the
    most common among the units, ``uses`` = how many units used it; most used first."""
    groups: dict[str, list[ItemUse]] = {}
    for use in uses:
        groups.setdefault(normalise_name(use.level3), []).append(use)
    entries: list[LibraryEntry] = []
    for group in groups.values():
        units = {use.department or use.form_id for use in group}
        entries.append(LibraryEntry(
            level3=_most_common(u.level3 for u in group), level1=_most_common(u.level1 for u in group),
            level2=_most_common(u.level2 for u in group), nature=_most_common(u.nature for u in group),
            operator=_most_common(u.operator for u in group), unit=_most_common(u.unit for u in group),
            direction=_most_common(u.direction for u in group),
            explanation=_most_common(u.explanation for u in group),
            scoring=_most_common(u.scoring for u in group), source=source,
            source_document=f"各单位申报表汇总（{len(units)} 个单位使用）", uses=len(units)))
    entries.sort(key=lambda e: (-e.uses, e.key))
    return entries
