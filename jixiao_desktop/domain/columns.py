"""Which columns a tabular form shows and prints, and under which labels (``profiles.md``).

A rule profile lists the columns of its printed table in order, with the labels its province
prints (Hunan's 指标解释 / 评(扣)分标准, Chongqing's 指标名称 / 指标权重 / 计量单位 / 指标性质 /
指标值). The window's grid, the PDF and the Excel sheet all take their columns from here, so the
three always agree. Pure Python: a profile is read through its ``columns`` attribute only
(objects with ``key``, ``label`` and ``required``), so any profile object will do.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from jixiao_desktop.domain.model import Form, IndicatorItem


@dataclass(frozen=True)
class Column:
    """One column: the field it shows (``key``: an item attribute, or ``level1``/``level2``),
    its printed label, and whether the profile requires it filled."""

    key: str
    label: str
    required: bool = False


# The tabular template of print-layout.md, and the labels of every field a column may show.
DEFAULT_LABELS: dict[str, str] = {
    "level1": "一级指标", "level2": "二级指标", "level3": "三级指标", "nature": "指标性质",
    "operator": "运算符", "value": "指标值", "unit": "计量单位", "weight": "权重", "direction": "方向",
    "explanation": "指标解释", "scoring": "评(扣)分标准", "basis": "指标值确定依据", "note": "备注",
}
DEFAULT_COLUMNS: tuple[Column, ...] = tuple(
    Column(key, DEFAULT_LABELS[key])
    for key in ("level1", "level2", "level3", "nature", "value", "unit", "weight"))
# Printed after the profile's columns when some item has them filled (nothing typed is lost).
OPTIONAL_KEYS: tuple[str, ...] = ("direction", "explanation", "scoring", "basis", "note")
KEYS: frozenset[str] = frozenset(DEFAULT_LABELS)
# Always the first two columns (merged down over their items); the operator prints in front of
# the value, so it is never a column of its own on paper.
GROUP_KEYS = ("level1", "level2")


def profile_columns(profile: Any | None) -> tuple[Column, ...]:
    """The columns a profile prints, in its order, 一级 and 二级 first; the default table for
    ``None`` or a profile that names none. Unknown keys are left out (a profile never adds fields)."""
    raw: Iterable[Any] = getattr(profile, "columns", None) or ()
    columns: list[Column] = []
    for col in raw:
        key = str(getattr(col, "key", "") or "")
        if key not in KEYS or any(c.key == key for c in columns):
            continue
        label = str(getattr(col, "label", "") or "") or DEFAULT_LABELS[key]
        columns.append(Column(key, label, bool(getattr(col, "required", False))))
    if not columns:
        return DEFAULT_COLUMNS
    for key in reversed(GROUP_KEYS):
        if not any(c.key == key for c in columns):
            columns.insert(0, Column(key, DEFAULT_LABELS[key]))
    groups = [c for c in columns if c.key in GROUP_KEYS]
    groups.sort(key=lambda c: GROUP_KEYS.index(c.key))
    return tuple(groups + [c for c in columns if c.key not in GROUP_KEYS])


# A field the profile does not list, shown under the default label another column already has
# (Sichuan prints the operator under 指标性质): named by what it holds instead.
ALT_LABELS = {"nature": "定量/定性", "operator": "运算符号", "direction": "方向", "unit": "单位"}


def _add(columns: list[Column], key: str) -> None:
    label = DEFAULT_LABELS[key]
    if any(c.label == label for c in columns):
        label = ALT_LABELS.get(key, f"{label}（{key}）")
    columns.append(Column(key, label))


def _filled(form: Form, key: str) -> bool:
    return any(str(getattr(item, key, "")).strip() for ind in form.indicators for item in ind.items)


def printed_columns(form: Form, profile: Any | None) -> tuple[Column, ...]:
    """The columns of the printed table (PDF and Excel): the profile's (its optional 方向 /
    指标解释 / … / 备注 only when some item has them, print-layout.md), then such columns filled
    in some item that the profile does not list. 运算符 prints in front of the value unless the
    profile gives it a column of its own (Sichuan's and Chongqing's 指标性质 holds ≥ / ≤ / =)."""
    columns = [c for c in profile_columns(profile)
               if c.required or c.key not in OPTIONAL_KEYS or _filled(form, c.key)]
    if not any(c.key == "value" for c in columns):
        _add(columns, "value")
    for key in ("level3", "weight", "nature", "unit", *OPTIONAL_KEYS):
        if not any(c.key == key for c in columns) and _filled(form, key):
            _add(columns, key)
    return tuple(columns)


def grid_columns(form: Form | None, profile: Any | None) -> tuple[Column, ...]:
    """The columns of the window's grid for one category (二级 … ; 一级 is the tab): the
    profile's, with 运算符 before 指标值 when the profile prints it with the value (it is
    chosen, not typed), and 三级 / 性质 / 单位 / 权重 / 方向 / 备注 always there to type in; a
    profile column or a filled field is never hidden."""
    columns = [c for c in profile_columns(profile) if c.key != "level1"]
    if not any(c.key == "value" for c in columns):
        _add(columns, "value")
    if not any(c.key == "operator" for c in columns):
        at = next(k for k, c in enumerate(columns) if c.key == "value")
        columns.insert(at, Column("operator", DEFAULT_LABELS["operator"]))
    for key in IndicatorItem.BASE_FIELDS + IndicatorItem.PROFILE_FIELDS:
        if any(c.key == key for c in columns):
            continue
        if key in ("level3", "nature", "unit", "weight", "direction", "note") or (
                form is not None and _filled(form, key)):
            _add(columns, key)
    return tuple(columns)


def grid_layout(form: Form) -> tuple[tuple[str, str], ...]:
    """(field, header) of the window's grid under the form's own profile, 上年值 (last year's
    value, read-only) right after 指标值."""
    from jixiao_desktop.domain.profiles import profile_for_form

    out: list[tuple[str, str]] = []
    for col in grid_columns(form, profile_for_form(form)):
        out.append((col.key, col.label))
        if col.key == "value":
            out.append(("previous_value", "上年值"))
    return tuple(out)


def column_keys(columns: Iterable[Column]) -> str:
    """The keys in order, as the Excel sheet's hidden marker keeps them (``level1,level2,…``)."""
    return ",".join(c.key for c in columns)


def parse_column_keys(text: str) -> tuple[str, ...] | None:
    """The keys of a ``column_keys`` marker; ``None`` when it is not one (a hand-edited sheet)."""
    keys = tuple(k.strip() for k in text.split(","))
    if not keys or any(k not in KEYS for k in keys) or len(set(keys)) != len(keys):
        return None
    return keys
