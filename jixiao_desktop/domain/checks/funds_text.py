"""funds.text_mismatch: 资金总额 / 基本支出 / 项目支出 stated in the text against the funds fields.

``基本支出：171.41万元`` in the goals, ``项目支出14.00万元`` in an indicator, or a 三级 item named
项目支出 valued ``= 14.00 万元``: when the stated amount differs from the field, the reviewer
sees two figures for one thing. The rule quotes both.

A prefix tells the field apart from a project's own spending: ``其中项目支出…``, ``本年度基本支出…``
are the fields; ``垃圾分类项目支出…`` is one project's, and is left alone. ``资金总额`` stated
as the unit's whole budget is also ``indicators.cost_mismatch``; the same passage is reported once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

from jixiao_desktop.domain.checks.funds import amount_in_wan
from jixiao_desktop.domain.checks.indicators import prose_fields
from jixiao_desktop.domain.checks.items import iter_items, normalise_operator, read_value
from jixiao_desktop.domain.checks.registry import Context, fmt_number, snippet

_LABELS = {"total": "资金总额", "basic": "基本支出", "project": "项目支出"}
_KEYS = {label: key for key, label in _LABELS.items()}
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_TEXT_RE = re.compile(
    r"(?P<kw>资金总额|基本支出|项目支出)(?:预算数?|资金|经费|金额)?\s*(?:为|共|共计|合计|总计|是|达)?\s*[:：]?\s*"
    rf"(?P<approx>约为|约|大约|近)?\s*(?P<num>{_NUM})\s*(?P<unit>万元|亿元|元)"
)
# What may stand right before the keyword when it means the field (else: 某项目支出, a project's).
_FIELD_PREFIX = re.compile(
    r"(?:^|[\s，,。；;：:、（）()“”\"．.和及与]|其中|本年|本年度|全年|年度|部门|单位|本单位|本部门|街道|办事处|"
    r"预算|安排|申请|(?P<year>(?:19|20)\d{2})年度?|的)$"
)
_ITEM_NAME_RE = re.compile(r"^(?:本年度?|全年|年度|部门|单位|本单位)?(资金总额|基本支出|项目支出)(?:预算数?|金额|总额|资金)?$")
_FACTORS = {"万元": Decimal(1), "亿元": Decimal(10000), "元": Decimal("0.0001")}


def _decimals(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0


def _agrees(stated: Decimal, field: Decimal, rounded: bool) -> bool:
    """Equal, or equal to the field rounded the way the text rounds it (171.41 for 171.4123)."""
    if stated == field:
        return True
    places = _decimals(stated)
    if not rounded and (places < 2 or places >= _decimals(field)):
        return False
    return field.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP) == stated


def _text_fields(ctx: Context) -> Iterator[tuple[str, str]]:
    """The goals, every indicator content and every item's 备注."""
    for path, text, _row in prose_fields(ctx):
        yield path, text
    for _i, _ind, _j, item, base in iter_items(ctx):
        if item.note.strip():
            yield f"{base}.note", item.note


def check_funds_text(ctx: Context) -> None:
    funds = ctx.form.funds
    values = {key: amount_in_wan(ctx, getattr(funds, key)) for key in _LABELS}
    if all(v is None for v in values.values()):
        return
    reported = {(f.field, f.span) for f in ctx.findings if f.rule == "indicators.cost_mismatch"}
    for path, text in _text_fields(ctx):
        if "支出" not in text and "资金总额" not in text:
            continue
        for m in _TEXT_RE.finditer(text):
            key = _KEYS[m["kw"]]
            field = values[key]
            prefix = _FIELD_PREFIX.search(text[max(0, m.start() - 6):m.start()])
            if field is None or prefix is None:
                continue
            if prefix["year"] and ctx.form.year is not None and int(prefix["year"]) != ctx.form.year:
                continue  # 2023年项目支出… in a 2024 form: last year's figure, not this field
            span = (m.start(), m.end())
            if key == "total" and any(p == path and s is not None and s[0] < span[1] and span[0] < s[1]
                                      for p, s in reported):
                continue
            stated = Decimal(m["num"].replace(",", "")) * _FACTORS[m["unit"]]
            if not _agrees(stated, field, bool(m["approx"])):
                _report(ctx, path, key, stated, field, f"“{snippet(text, *span)}”", span)
    for _i, _ind, _j, item, base in iter_items(ctx):
        name = _ITEM_NAME_RE.match("".join(item.level3.split()))
        if name is None:
            continue
        key = _KEYS[name[1]]
        field, value = values[key], read_value(item.value)
        unit = (item.unit.strip() or (value.rest.strip() if value else ""))
        if field is None or value is None or value.number_hi is not None or unit not in _FACTORS:
            continue
        stated = value.number * _FACTORS[unit]
        op = normalise_operator(item.operator) or normalise_operator(value.op)
        differs = field > stated if op in ("≤", "<") else (op in ("", "=") and not _agrees(stated, field, False))
        if differs:
            shown = f"三级指标“{item.level3.strip()}”{op or '='} {item.value.strip()} {unit}"
            _report(ctx, f"{base}.value", key, stated, field, shown, (0, len(item.value)))


def _report(ctx: Context, path: str, key: str, stated: Decimal, field: Decimal, quote: str,
            span: tuple[int, int]) -> None:
    label = _LABELS[key]
    ctx.add("funds.text_mismatch", path,
            f"文中写明{label} {fmt_number(stated)} 万元（{quote}），而{label}栏填的是 {fmt_number(field)} 万元，"
            f"相差 {fmt_number(abs(stated - field))} 万元。请把文中金额改成与{label}栏一致，或核对{label}栏。",
            span)
