"""Header and funds: 部门名称, 年度, 资金总额 / 基本支出 / 项目支出 and the optional 资金来源."""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.domain.checks.registry import Context, cents, fmt_amount
from jixiao_desktop.domain.model import TEMPLATE_BJ_2021, TEMPLATE_TABULAR, YEAR_MAX, YEAR_MIN
from jixiao_desktop.domain.sources import counted_sources
from jixiao_desktop.domain.money import AmountError, ParsedAmount, format_amount, parse_amount

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


def _read_amount(ctx: Context, path: str, label: str, text: str) -> ParsedAmount | None:
    """Parse one typed amount, reporting not_a_number / negative / normalised /
    converted_from_yuan / precision."""
    try:
        parsed = parse_amount(text)
        if abs(parsed.value) >= _TOO_LARGE:
            raise AmountError(text, f"“{text.strip()}”位数过多，不像一个以万元为单位的金额")
    except AmountError as exc:
        ctx.add("funds.not_a_number", path,
                f"{label}“{text.strip()}”无法读成金额：{exc.reason}。请填写以万元为单位的数字，如 9344.54。")
        return None
    except ArithmeticError:  # money.parse_amount on a number too long for Decimal's precision
        ctx.add("funds.not_a_number", path,
                f"{label}“{text.strip()}”位数过多，无法读成金额。请填写以万元为单位的数字，如 9344.54。")
        return None
    if parsed.value < 0:
        ctx.add("funds.negative", path,
                f"{label}为负数（{parsed.canonical}）。金额不能小于零，请填写实际的万元数。")
    if parsed.yuan is not None:
        ctx.add("funds.converted_from_yuan", path,
                f"{label}写作“{text.strip()}”，按“元”读取：{format(parsed.yuan, 'f')} 元 = {parsed.canonical} 万元"
                f"（除以 10000，没有四舍五入）；保存和打印时写成 {parsed.canonical}（单位万元）。"
                "若原意是万元，请去掉“元”字。")
    elif parsed.normalised:
        ctx.add("funds.normalised", path,
                f"{label}写作“{text.strip()}”，已按 {parsed.canonical} 万元读取；"
                f"保存和打印时写成 {parsed.canonical}（去掉千位分隔符、全角数字或“万元”字样）。")
    if parsed.decimals > 2 and ctx.form.template == TEMPLATE_BJ_2021:
        ctx.add("funds.precision", path,
                f"{label} {parsed.canonical} 有 {parsed.decimals} 位小数，而本申报表的金额以万元保留两位小数"
                f"（四舍五入为 {fmt_amount(parsed.value)}）；打印时照所填的 {parsed.decimals} 位小数显示。"
                "请改为两位小数，并核对资金总额与各项之和。")
    return parsed


def _sum_text(parts: list[Decimal]) -> str:
    return format_amount(sum(parts, Decimal(0)))


def check_funds(ctx: Context) -> None:
    funds = ctx.form.funds
    tabular = ctx.form.template == TEMPLATE_TABULAR
    values: dict[str, Decimal | None] = {}
    texts = {"total": funds.total, "basic": funds.basic, "project": funds.project}
    filled = {key: bool((text or "").strip()) for key, text in texts.items()}
    for key, text in texts.items():
        path, label = f"funds.{key}", _FUND_LABELS[key]
        if not filled[key]:
            values[key] = None
            if key == "total":
                ctx.add("funds.missing", path, "未填写资金总额。请填写部门（单位）全年资金总额（万元）。")
            elif not tabular:
                ctx.add("funds.missing", path,
                        f"未填写{label}。本表要求填写基本支出和项目支出（万元），没有时填 0。")
            elif filled["basic"] != filled["project"]:
                other = _FUND_LABELS["project" if key == "basic" else "basic"]
                ctx.add("funds.missing", path,
                        f"填写了{other}却未填写{label}。两项要么都填（没有时填 0），要么都不填（只填资金总额）。")
            continue
        parsed = _read_amount(ctx, path, label, text)
        values[key] = parsed.value if parsed is not None else None
    total, basic, project = values["total"], values["basic"], values["project"]
    if total is not None:
        ctx.total = cents(total)
    if total is not None and basic is not None and project is not None:
        # Exactly as typed (checks.md "Amounts as typed"): 10606.7522 = 6923.3552 + 3683.3970 holds,
        # 39985.49 ≠ 9344.54 + 30640.96 does not; printouts show the same digits.
        fitting = basic + project
        if total != fitting:
            ctx.add("funds.sum_mismatch", "funds.total",
                    f"资金总额 {format_amount(total)} ≠ 基本支出 {format_amount(basic)} + 项目支出 "
                    f"{format_amount(project)} = {format_amount(fitting)}，相差 {format_amount(abs(total - fitting))} 万元。"
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
                f"相差 {format_amount(abs(total_sources - total))} 万元。请核对各来源金额或资金总额。")
