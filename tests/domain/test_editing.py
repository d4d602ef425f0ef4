"""The pure rules behind the editor's labels and row operations (domain/editing.py)."""

from __future__ import annotations

from decimal import Decimal

from jixiao_desktop.domain import editing as logic
from jixiao_desktop.domain.model import Category, Form, Funds, Indicator, IndicatorItem
from jixiao_desktop.domain.weights import weight_total


def test_funds_sum_compares_printed_amounts() -> None:
    ok = logic.funds_sum(Funds(total="22,001.49", basic="5214.98", project="16786.51"))
    assert (ok.sum_text, ok.mismatch, ok.can_fix_total) == ("22001.49", False, False)
    off = logic.funds_sum(Funds(total="39985.49", basic="9344.54", project="30640.96"))
    assert (off.sum_text, off.mismatch, off.difference, off.can_fix_total) == ("39985.50", True, "0.01", True)
    missing = logic.funds_sum(Funds(total="1", basic="", project="x"))
    assert missing.sum_text is None and missing.missing == ("基本支出", "项目支出")
    no_total = logic.funds_sum(Funds(total="", basic="1", project="2"))
    assert no_total.can_fix_total and no_total.sum_text == "3.00"


def test_amount_hints() -> None:
    assert logic.amount_hint("") == logic.AmountHint("", "")
    assert logic.amount_hint("100.00").kind == ""
    assert logic.amount_hint("22,001.49") == logic.AmountHint("info", "读作 22001.49 万元")
    assert logic.amount_hint("1.234").kind == "warning"
    assert logic.amount_hint("-5").kind == "error"
    assert logic.amount_hint("abc").kind == "error"
    assert logic.canonical_amount("22,001.49") == "22001.49"
    assert logic.canonical_amount("abc") is None


def test_weights_and_values() -> None:
    assert logic.weight_error("") is None
    assert logic.weight_error("12.5") is None
    assert logic.weight_error("１０") is None
    assert logic.weight_error("10%") is None  # read as 10, exactly as domain/weights.py (and the checks)
    assert "不是数字" in logic.weight_error("十")
    assert "超过 100" in logic.weight_error("100.5")
    assert logic.item_value_error("98.5", "定量") is None
    assert logic.item_value_error("按月完成", "定性") is None
    assert logic.item_value_error("12.5万元", "定量")
    form = Form(indicators=[Indicator(items=[IndicatorItem(weight="33.3"), IndicatorItem(weight="66.7"),
                                             IndicatorItem(weight="")])])
    total = weight_total(form)
    assert total.total == Decimal("100.0") and total.ok
    assert logic.weight_total_label(total) == ("ok", "权重合计：100（应为 100）")
    assert not weight_total(Form()).used
    assert logic.weight_total_label(weight_total(Form()))[1].startswith("权重合计：未填写")
    odd = Form(indicators=[Indicator(items=[IndicatorItem(weight="60"), IndicatorItem(weight="四十")])])
    assert not weight_total(odd).ok
    assert logic.weight_total_label(weight_total(odd)) == ("error", "权重合计：60（应为 100），另有 1 项权重无法识别")


def test_the_weight_line_follows_the_profile() -> None:
    """Sichuan's 90 + 预算执行率 10, Hunan's forms without weights (issue 16)."""
    from jixiao_desktop.domain.profiles import get_profile

    ninety = Form(indicators=[Indicator(items=[IndicatorItem(weight="50"), IndicatorItem(weight="40")])])
    assert logic.weight_total_label(weight_total(ninety), get_profile("sc")) == (
        "ok", "权重合计：90；应为 90（另有预算执行率 10）")
    assert logic.weight_total_label(weight_total(ninety), get_profile("tabular-generic"))[0] == "error"
    assert logic.weight_total_label(weight_total(Form()), get_profile("hn")) == ("", "")
    assert "不使用权重" in logic.weight_total_label(weight_total(ninety), get_profile("hn"))[1]


def test_next_row_name_and_position(niujie: Form) -> None:
    assert logic.next_row_name(niujie, Category.OUTPUT) == "产出指标六："
    assert logic.next_row_name(niujie, Category.OUTCOME) == "效果指标一："
    assert logic.next_row_name(niujie, Category.OTHER) == ""
    assert logic.insert_position(niujie, Category.OUTCOME, None) == 5
    # layout B: a new row goes last in its category whatever is selected (一…五、六, never 一、六、二)
    assert logic.insert_position(niujie, Category.OUTPUT, 1) == 5
    assert logic.utf16_offset("a😀b", 2) == 3
    assert logic.elide_content("一\n二\n三") == "一\n二…"
