"""Switching a form to another rule profile (规则方案), as one change the clerk can undo.

The profile decides the unit the amounts are typed and printed in (``profiles.md``:
``amount_unit``, 万元 or 元). A form switched from a 万元 profile to a 元 one keeps its money:
every readable amount is converted exactly (×10000, or ÷10000 the other way); an amount that is
not a plain number (``约3000万``) is left as typed and named, never guessed at. Pure Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from jixiao_desktop.domain.fields import field_label
from jixiao_desktop.domain.model import (
    FUNDS_UNIT,
    TEMPLATE_TABULAR,
    Form,
    Indicator,
    IndicatorItem,
    Layout,
    new_form,
)
from jixiao_desktop.domain.money import YUAN_PER_WAN, AmountError, parse_amount

if TYPE_CHECKING:
    from jixiao_desktop.domain.profiles import Profile, ProfileRef

UNITS = ("万元", "元")


@dataclass(frozen=True)
class ProfileSwitch:
    """What switching ``form`` to a profile changes.

    Attributes:
        ref: the profile the form will name (``Form.profile``).
        unit: the funds unit after the switch.
        amounts: (field path, new text) of every amount converted to ``unit``.
        kept: labels of amounts left as typed (not a plain number), for the clerk to look at.
    """

    ref: ProfileRef
    unit: str
    amounts: tuple[tuple[str, str], ...]
    kept: tuple[str, ...]

    def summary(self, old_unit: str) -> str:
        """One Chinese sentence for the status bar (empty when nothing but the profile changed)."""
        if self.unit == old_unit:
            return ""
        text = f"金额单位由{old_unit}改为{self.unit}"
        if self.amounts:
            text += f"，{len(self.amounts)} 处金额已按 1 万元 = 10000 元换算"
        if self.kept:
            text += f"；{'、'.join(self.kept)}不是数字，保持原样，请核对"
        return text + "。"


def _amount_paths(form: Form) -> list[tuple[str, str]]:
    paths = [("funds.total", form.funds.total), ("funds.basic", form.funds.basic),
             ("funds.project", form.funds.project)]
    paths += [(f"funds.sources[{k}].amount", src.amount) for k, src in enumerate(form.funds.sources or [])]
    return paths


def _plain(value: Decimal) -> str:
    """An exact amount as a clerk would type it: no exponent, at least two decimals."""
    text = format(value.normalize(), "f")
    whole, _, decimals = text.partition(".")
    return f"{whole}.{decimals.ljust(2, '0')}"


def convert_amount(text: str, old_unit: str, new_unit: str) -> str | None:
    """``text`` (an amount in ``old_unit``) in ``new_unit``, exactly; ``None`` when it is not a
    plain number (kept as typed). Empty stays empty."""
    if not text.strip() or old_unit == new_unit:
        return text
    stripped = text.strip()
    if stripped.endswith(("元", "万")):  # the clerk named a unit in the cell: leave it to her
        return None
    try:
        value = parse_amount(stripped).value
    except (AmountError, ArithmeticError):
        return None
    factor = YUAN_PER_WAN if (old_unit, new_unit) == ("万元", "元") else 1 / YUAN_PER_WAN
    return _plain(value * factor)


def plan_switch(form: Form, profile: Profile) -> ProfileSwitch:
    """What switching ``form`` to ``profile`` changes (nothing is changed here)."""
    old_unit = form.funds.unit or FUNDS_UNIT
    new_unit = profile.amount_unit if profile.amount_unit in UNITS else old_unit
    amounts: list[tuple[str, str]] = []
    kept: list[str] = []
    if new_unit != old_unit:
        for path, text in _amount_paths(form):
            converted = convert_amount(text, old_unit, new_unit)
            if converted is None:
                kept.append(field_label(path))
            elif converted != text:
                amounts.append((path, converted))
    return ProfileSwitch(profile.ref, new_unit, tuple(amounts), tuple(kept))


def layouts_for(profile: Profile) -> tuple[Layout, ...]:
    """The layouts a new form of this profile may take: its template decides the printed table."""
    if profile.template == TEMPLATE_TABULAR:
        return (Layout.TABULAR,)
    return (Layout.STANDARD, Layout.NUMBERED)


def new_form_for(profile: Profile, layout: Layout, year: int | None, department: str) -> Form:
    """A blank form under ``profile``: its template, its amount unit, and for a tabular form one
    empty group per required 一级 of its framework (运行成本 · 管理效率 … under
    ``overall-2023``), else the national 产出 / 效益 / 满意度 groups."""
    if layout not in layouts_for(profile):
        layout = layouts_for(profile)[0]
    form = new_form(layout, year, department)
    form.profile = profile.ref
    if profile.amount_unit in UNITS:
        form.funds.unit = profile.amount_unit
    # A framework that requires its 一级 (the newer 部门整体 one) gives one group each.
    categories = [c for c in profile.framework.categories if c.name.strip() and c.required]
    if layout is Layout.TABULAR and categories:
        form.indicators = [Indicator(level1=c.name, level2=c.level2[0] if c.level2 else "", items=[IndicatorItem()])
                           for c in categories]
    return form


def profile_summary(profile: Profile) -> str:
    """What a profile sets, in one or two lines for the clerk (新建, 规则方案…)."""
    parts = [f"金额单位：{profile.amount_unit}"]
    if profile.weights.used:
        parts.append(f"权重合计：{profile.weight_total_text}")
    if profile.template == TEMPLATE_TABULAR:
        labels = [c.label for c in profile.columns] or ["一级指标", "二级指标", "三级指标", "指标性质", "指标值",
                                                        "计量单位", "权重"]
        parts.append("表格列：" + "、".join(labels))
    else:
        parts.append("格式：指标名称 | 指标内容和指标值")
    return "；".join(parts)
