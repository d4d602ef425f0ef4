"""Header and funds: 部门名称, 年度, 资金总额 / 基本支出 / 项目支出 and the optional 资金来源."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from jixiao_desktop.domain.checks.registry import Context, cents
from jixiao_desktop.domain.model import TEMPLATE_TABULAR, YEAR_MAX, YEAR_MIN
from jixiao_desktop.domain.money import AmountError, ParsedAmount, format_amount, parse_amount
from jixiao_desktop.domain.sources import counted_sources

_TOO_LARGE = Decimal(10) ** 15  # 万元: far beyond any budget, and safe for two-decimal arithmetic
_FUND_LABELS = {"total": "资金总额", "basic": "基本支出", "project": "项目支出"}


def check_header(ctx: Context) -> None:
    form = ctx.form
    if not form.department.strip():
        ctx.add("header.department_missing", "department",
                "未填写部门（单位）名称。请填写单位全称，如“北京市西城区人民政府金融街街道办事处”。")
    if form.year is None:
        ctx.add("header.year_invalid", "year",
                f"未填写年度。请填写预算所属的四位年份（{YEAR_MIN}–{YEAR_MAX}），如 2021。")
    elif not YEAR_MIN <= form.year <= YEAR_MAX:
        ctx.add("header.year_invalid", "year",
                f"年度 {form.year} 不在 {YEAR_MIN}–{YEAR_MAX} 之间。请填写预算所属的四位年份，如 2021。")


@dataclass(frozen=True)
class TypedAmount:
    """An amount read in the profile's unit (万元, or 元 in Sichuan): ``value`` exactly as typed in
    that unit, ``decimals`` typed, ``canonical`` as printed."""

    value: Decimal
    decimals: int
    canonical: str


def _typed_in_wan(text: str) -> bool:
    cleaned = unicodedata.normalize("NFKC", text or "").strip()
    return cleaned.endswith(("万元", "万"))


def read_in_unit(text: str, unit: str) -> tuple[ParsedAmount, TypedAmount]:
    """Read a typed amount in the profile's unit. Raises ``AmountError`` like ``parse_amount``.

    Under 万元 this is ``parse_amount`` (a trailing 元 converted exactly). Under 元 a bare number
    and a trailing 元 are 元, a trailing 万元 is multiplied by 10000 (exactly)."""
    parsed = parse_amount(text)
    if unit != "元":
        return parsed, TypedAmount(parsed.value, parsed.decimals, parsed.canonical)
    if parsed.yuan is not None:
        native = parsed.yuan
    elif _typed_in_wan(text):
        native = parsed.value.scaleb(4)
    else:
        native = parsed.value
    decimals = max(0, -int(native.as_tuple().exponent))  # type: ignore[arg-type]
    return parsed, TypedAmount(native, decimals, format_amount(native))


def amount_in_wan(ctx: Context, text: str) -> Decimal | None:
    """A funds field in 万元 whatever the profile's unit (for comparing with 万元 in the text)."""
    try:
        _parsed, typed = read_in_unit(text, ctx.profile.amount_unit)
    except (AmountError, ArithmeticError):
        return None
    return typed.value.scaleb(-4) if ctx.profile.amount_unit == "元" else typed.value


def _read_amount(ctx: Context, path: str, label: str, text: str) -> TypedAmount | None:
    """Parse one typed amount, reporting not_a_number / negative / normalised /
    converted_from_yuan / precision."""
    unit = ctx.profile.amount_unit
    try:
        parsed, typed = read_in_unit(text, unit)
        if abs(parsed.value) >= _TOO_LARGE:
            raise AmountError(text, f"“{text.strip()}”位数过多，不像一个以{unit}为单位的金额")
    except AmountError as exc:
        ctx.add("funds.not_a_number", path,
                f"{label}“{text.strip()}”无法读成金额：{exc.reason}。请填写以{unit}为单位的数字，"
                f"如 {'9344.54' if unit == '万元' else '3309840.00'}。")
        return None
    except ArithmeticError:  # money.parse_amount on a number too long for Decimal's precision
        ctx.add("funds.not_a_number", path,
                f"{label}“{text.strip()}”位数过多，无法读成金额。请填写以{unit}为单位的数字。")
        return None
    if typed.value < 0:
        ctx.add("funds.negative", path,
                f"{label}为负数（{typed.canonical}）。金额不能小于零，请填写实际的{unit}数。")
    if unit == "万元" and parsed.yuan is not None:
        ctx.add("funds.converted_from_yuan", path,
                f"{label}写作“{text.strip()}”，按“元”读取：{format(parsed.yuan, 'f')} 元 = {parsed.canonical} 万元"
                f"（除以 10000，没有四舍五入）；保存和打印时写成 {parsed.canonical}（单位万元）。"
                "若原意是万元，请去掉“元”字。")
    elif unit == "元" and parsed.yuan is None and _typed_in_wan(text):
        ctx.add("funds.normalised", path,
                f"{label}写作“{text.strip()}”，{ctx.by_profile()}金额以元为单位，已按 {typed.canonical} 元读取"
                "（乘以 10000）；保存和打印时写成元。")
    elif parsed.normalised:
        ctx.add("funds.normalised", path,
                f"{label}写作“{text.strip()}”，已按 {typed.canonical} {unit}读取；"
                f"保存和打印时写成 {typed.canonical}（去掉千位分隔符、全角数字或“{unit}”字样）。")
    allowed = ctx.profile.amount_decimals
    if typed.decimals > allowed:
        ctx.add("funds.precision", path,
                f"{label} {typed.canonical} 有 {typed.decimals} 位小数，而{ctx.by_profile()}申报表的金额以{unit}"
                f"保留{allowed}位小数（四舍五入为 {_rounded(typed.value, allowed)}）；打印时照所填的 "
                f"{typed.decimals} 位小数显示。请改为{allowed}位小数，并核对资金总额与各项之和。")
    return typed


def _rounded(value: Decimal, places: int) -> str:
    try:
        return format(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP), "f")
    except ArithmeticError:
        return format(value, "f")


def _sum_text(parts: list[Decimal]) -> str:
    return format_amount(sum(parts, Decimal(0)))


def check_funds(ctx: Context) -> None:
    funds = ctx.form.funds
    unit = ctx.profile.amount_unit
    tabular = ctx.form.template == TEMPLATE_TABULAR
    values: dict[str, Decimal | None] = {}
    texts = {"total": funds.total, "basic": funds.basic, "project": funds.project}
    filled = {key: bool((text or "").strip()) for key, text in texts.items()}
    for key, text in texts.items():
        path, label = f"funds.{key}", _FUND_LABELS[key]
        if not filled[key]:
            values[key] = None
            if key == "total":
                ctx.add("funds.missing", path, f"未填写资金总额。请填写部门（单位）全年资金总额（{unit}）。")
            elif not tabular:
                ctx.add("funds.missing", path,
                        f"未填写{label}。本表要求填写基本支出和项目支出（{unit}），没有时填 0。")
            elif filled["basic"] != filled["project"]:
                other = _FUND_LABELS["project" if key == "basic" else "basic"]
                ctx.add("funds.missing", path,
                        f"填写了{other}却未填写{label}。两项要么都填（没有时填 0），要么都不填（只填资金总额）。")
            continue
        parsed = _read_amount(ctx, path, label, text)
        values[key] = parsed.value if parsed is not None else None
    total, basic, project = values["total"], values["basic"], values["project"]
    if total is not None:
        ctx.total = cents(total.scaleb(-4) if unit == "元" else total)  # the text's amounts are 万元
    if total is not None and basic is not None and project is not None:
        # Exactly as typed (checks.md "Amounts as typed"): 10606.7522 = 6923.3552 + 3683.3970 holds,
        # 39985.49 ≠ 9344.54 + 30640.96 does not; printouts show the same digits.
        fitting = basic + project
        if total != fitting:
            ctx.add("funds.sum_mismatch", "funds.total",
                    f"资金总额 {format_amount(total)} ≠ 基本支出 {format_amount(basic)} + 项目支出 "
                    f"{format_amount(project)} = {format_amount(fitting)}，相差 {format_amount(abs(total - fitting))} {unit}。"
                    f"请核对三项金额；若基本支出和项目支出无误，资金总额应为 {format_amount(fitting)}。")
    _check_sources(ctx, total)


def _check_sources(ctx: Context, total: Decimal | None) -> None:
    sources = ctx.form.funds.sources
    counted = counted_sources(ctx.form.funds)
    if sources is None or counted is None:
        return
    amounts: list[Decimal] = []
    readable = True
    first_path = ""
    for index in counted:
        source = sources[index]
        path = f"funds.sources[{index}].amount"
        first_path = first_path or path
        label = f"资金来源“{source.name.strip() or f'第{index + 1}行'}”"
        parsed = _read_amount(ctx, path, label, source.amount)
        if parsed is None:
            readable = False
        else:
            amounts.append(parsed.value)
    if not readable or total is None:
        return
    total_sources = sum(amounts, Decimal(0))
    if total_sources != total:
        parts = " + ".join(format_amount(a) for a in amounts)
        ctx.add("funds.sources_mismatch", first_path,
                f"资金来源合计 {parts} = {_sum_text(amounts)}，与资金总额 {format_amount(total)} 不符，"
                f"相差 {format_amount(abs(total_sources - total))} {ctx.profile.amount_unit}。请核对各来源金额或资金总额。")
