"""Each round-3 and profile rule planted into a real published form, with its near miss
(issue 16): 井研县马踏镇 2023 under ``sc``, 中江县 2022 under ``tabular-generic``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.checks import run_checks
from jixiao_desktop.domain.model import Form, Indicator, IndicatorItem

FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "real-forms"


def mataxiang() -> Form:
    return exchange.load(FOLDER / "sc-mataxiang-2023.jixiao.json")


def zhongjiang() -> Form:
    return exchange.load(FOLDER / "generic-zhongjiang-2022.jixiao.json")


Mutation = Callable[[Form], None]


def item(i: int, j: int = 0, **values: str) -> Mutation:
    def mutate(form: Form) -> None:
        for key, value in values.items():
            setattr(form.indicators[i].items[j], key, value)
    return mutate


def drop_rows(level1: str) -> Mutation:
    def mutate(form: Form) -> None:
        form.indicators = [ind for ind in form.indicators if ind.level1 != level1]
    return mutate


def add_timely(value: str, unit: str = "") -> Mutation:
    def mutate(form: Form) -> None:
        form.indicators.append(Indicator(level1="产出指标", level2="时效指标", items=[
            IndicatorItem(level3="完成发放时间", operator="≤", value=value, unit=unit, weight="0",
                          direction="正向")]))
    return mutate


# (rule, form, planted, field, near miss)
CASES: list[tuple[str, Callable[[], Form], Mutation, str, Mutation]] = [
    # 维护社会稳定 ≥ 95 %: a 定性 target listing the scale / the target grade
    ("items.scale_as_value", mataxiang, item(0, operator="", unit="", value="高中低"),
     "indicators[0].items[0].value", item(0, operator="", unit="", value="较高")),
    # 维持时效 ≥ 1 年 replaced by an Excel serial where a date belongs / a real count
    ("items.excel_serial", mataxiang, add_timely("44926"), "indicators[8].items[0].value",
     item(4, value="44926")),
    # 村组干部 ≥ 0 个 / 安全事故 = 0 起
    ("items.zero_target", mataxiang, item(4, value="0"), "indicators[4].items[0].value",
     item(4, level3="安全责任事故", operator="=", value="0", unit="起", direction="反向")),
    ("items.category_as_name", mataxiang, item(1, level3="时效指标"), "indicators[1].items[0].level3",
     item(1, level3="发放时效")),
    ("items.range_not_allowed", mataxiang, item(0, value="90-95"), "indicators[0].items[0].value",
     item(0, value="90")),
    ("items.column_missing", mataxiang, item(2, direction=""), "indicators[2].items[0].direction",
     item(2, direction="正向")),
    ("indicators.framework_missing", mataxiang, drop_rows("产出指标"), "",
     drop_rows("不存在的一级")),
    # a date in a 时效 item: no range, no unit needed (near miss of range_reversed)
    ("indicators.range_reversed", zhongjiang, item(0, value="300-266"), "indicators[0].items[0].value",
     add_timely("2022-12-31")),
]


@pytest.mark.parametrize(("rule", "base", "planted", "field", "near_miss"), CASES, ids=[c[0] for c in CASES])
def test_planted_on_a_real_form_and_its_near_miss(rule: str, base: Callable[[], Form], planted: Mutation,
                                                  field: str, near_miss: Mutation) -> None:
    clean = {(f.rule, f.field) for f in run_checks(base())}
    form = base()
    planted(form)
    found = [f for f in run_checks(form) if f.rule == rule]
    assert any(f.field == field for f in found), [(f.rule, f.field) for f in run_checks(form)]
    other = base()
    near_miss(other)
    assert not [f for f in run_checks(other) if f.rule == rule and (f.rule, f.field) not in clean]


def test_the_real_sichuan_form_names_the_province_when_its_rules_decide() -> None:
    form = mataxiang()
    form.indicators[0].items[0].weight = "20"
    [finding] = [f for f in run_checks(form) if f.rule == "items.weights_not_100"]
    assert finding.message.startswith("各三级指标的权重合计为 100，按四川省规则，应为 90（另有预算执行率 10）")
