"""How a form is named to the person reading: one function per shape, used wherever it is shown.

- ``form_name(year, department)``: “2022年度 北京市西城区金融街街道办事处” (window title, lists,
  questions; no unit: 未命名表单).
- ``form_heading(department, year)``: “北京市西城区金融街街道办事处（2022年度）” (the CLI's lines).
- ``quoted_name(department, year)``: 2022年度“北京市西城区金融街街道办事处” (inside a sentence).
"""

from __future__ import annotations

UNNAMED = "未命名表单"
NO_DEPARTMENT = "（未填单位名称）"


def form_name(year: int | None, department: str) -> str:
    """“2022年度 单位”; without a year the unit alone; without a unit 未命名表单."""
    return f"{year}年度 {department or UNNAMED}" if year else (department or UNNAMED)


def form_heading(department: str, year: int | None) -> str:
    """“单位（2022年度）”; a missing year leaves the blank a printed form has."""
    return f"{department or NO_DEPARTMENT}（{year or '    '}年度）"


def quoted_name(department: str, year: int | None) -> str:
    """2022年度“单位” for a sentence (the year left out when there is none)."""
    return f"{year or ''}{'年度' if year else ''}“{department or NO_DEPARTMENT}”"
