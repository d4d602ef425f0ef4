"""Small tabular forms for the library tests."""

from __future__ import annotations

from jixiao_desktop.domain.model import Form, Indicator, IndicatorItem, Layout, new_form

UNIT = "北京市西城区人民政府示例街道办事处"


def tabular_form(year: int, items: list[tuple[str, str, str, str, str, str]], department: str = UNIT) -> Form:
    """A tabular form with one row per (一级, 二级) holding items (三级, 运算符, 指标值, 单位)."""
    form = new_form(Layout.TABULAR, year, department)
    form.indicators = []
    for level1, level2, level3, operator, value, unit in items:
        row = next((r for r in form.indicators if (r.level1, r.level2) == (level1, level2)), None)
        if row is None:
            row = Indicator(level1=level1, level2=level2)
            form.indicators.append(row)
        row.items.append(IndicatorItem(level3=level3, nature="定量", operator=operator, value=value, unit=unit,
                                       direction="反向" if operator == "≤" else "正向"))
    return form
