"""The checks of the later stages (``spec/self-evaluation.md``): 监控 and 自评.

Silent on a form at the 申报 stage. Every threshold comes from the profile's ``scoring``
(deviation %, the 监控 schedule); the scores themselves are ``domain/evaluation.py``'s.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from jixiao_desktop.domain import evaluation as ev
from jixiao_desktop.domain.checks.registry import Context, fmt_number
from jixiao_desktop.domain.money import try_parse_amount

_MONTH = re.compile(r"(\d{4})\s*[-./年]\s*(\d{1,2})")


def _as_of_month(text: str) -> int | None:
    """``2024-06`` → 6; ``全年`` → 12; else ``None``."""
    text = text.strip()
    if text in ("全年", "年末", "年底"):
        return 12
    m = _MONTH.search(text)
    if m and 1 <= int(m.group(2)) <= 12:
        return int(m.group(2))
    return None


def _percent(fraction: Decimal) -> str:
    return fmt_number((fraction * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def check_evaluation(ctx: Context) -> None:
    stage = ev.stage_of(ctx.form)
    if stage is ev.Stage.TARGET:
        return
    _check_execution(ctx, stage)
    result = ev.score_form(ctx.form, ctx.profile.scoring)
    threshold = ctx.profile.scoring.deviation_threshold
    for i, ind in enumerate(ctx.form.indicators):
        for j, item in enumerate(ind.items):
            path = f"indicators[{i}].items[{j}]"
            name = item.level3.strip() or f"第{i + 1}行第{j + 1}项"
            actual = ev.item_text(item, "actual_value").strip()
            if stage is ev.Stage.EVALUATION and not actual and not ev.item_text(item, "qualitative_grade"):
                ctx.add("eval.actual_missing", f"{path}.actual_value",
                        f"三级指标“{name}”没有填写实际完成值。自评须逐项填写全年实际完成情况。")
                continue
            if stage is ev.Stage.MONITOR and ev.item_text(item, "will_meet") == "不能" \
                    and not ev.item_text(item, "deviation_reason").strip():
                ctx.add("monitor.will_not_meet_no_reason", f"{path}.deviation_reason",
                        f"三级指标“{name}”预计全年不能完成，请填写偏差原因分析和改进措施。")
            if not actual or ev._is_qualitative(item):
                continue
            comparison = ev.compare(item)
            if comparison.completion is None and comparison.reason and "日期" not in comparison.reason:
                ctx.add("eval.actual_not_comparable", f"{path}.actual_value",
                        f"三级指标“{name}”的实际完成值“{actual}”无法与指标值“{item.operator}{item.value}"
                        f"{item.unit}”比较：{comparison.reason}。请按指标值的单位填写数字。")
                continue
            if stage is ev.Stage.EVALUATION and comparison.deviation is not None \
                    and comparison.deviation * 100 >= threshold \
                    and not ev.item_text(item, "deviation_reason").strip():
                ctx.add("eval.reason_missing", f"{path}.deviation_reason",
                        f"三级指标“{name}”实际完成值与目标偏差 {_percent(comparison.deviation)}%"
                        f"（{ctx.by_profile()}偏差达到 {fmt_number(threshold)}% 须说明原因），请填写偏差原因分析。")
    if stage is ev.Stage.EVALUATION:
        _check_written_scores(ctx, result)


def _check_execution(ctx: Context, stage: ev.Stage) -> None:
    budget = try_parse_amount(ev.execution_text(ctx.form, "budget"))
    executed = try_parse_amount(ev.execution_text(ctx.form, "executed"))
    if budget is not None and executed is not None and executed > budget:
        ctx.add("eval.executed_over_budget", "execution.executed",
                f"执行数 {fmt_number(executed)} 超过全年预算数 {fmt_number(budget)}，请核对。")
    if stage is not ev.Stage.MONITOR:
        return
    rate = ev.execution_rate(ctx.form)
    month = _as_of_month(ev.execution_text(ctx.form, "as_of"))
    if rate is None or month is None:
        return
    due = [step for step in ctx.profile.scoring.monitor_schedule if step.month <= month]
    if not due:
        return
    step = max(due, key=lambda s: s.month)
    if rate * 100 < step.min_rate:
        ctx.add("monitor.behind_schedule", "execution.executed",
                f"截至{month}月预算执行率 {ev.printed_rate(rate)}，{ctx.by_profile()}"
                f"{step.month}月底前应不低于 {fmt_number(step.min_rate)}%。请说明原因并加快执行。")


def _check_written_scores(ctx: Context, result: ev.FormScore) -> None:
    """A file's written 自评得分 against the computation (a bureau reads the written one)."""
    written = ev.read_score(ev.evaluation_text(ctx.form, "score"))
    if written is None:
        return
    computed = Decimal(ev.printed_score(result.total))
    if written != computed:
        ctx.add("eval.score_differs", "evaluation.score",
                f"表中的自评得分 {fmt_number(written)} 与按评分规则计算的 {fmt_number(computed)} 不符，"
                "请核对各项实际完成值和得分。")
