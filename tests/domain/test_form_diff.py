"""Comparing two versions field by field."""

from __future__ import annotations

import re

from jixiao_desktop.domain.form_diff import diff_forms, diff_html
from jixiao_desktop.domain.model import Form


def test_identical_forms_have_no_changes(jinrongjie: Form) -> None:
    assert diff_forms(jinrongjie, jinrongjie.copy()) == []
    assert "内容相同" in diff_html(jinrongjie, jinrongjie.copy())


def test_changed_amount_and_text_are_listed_with_labels(jinrongjie: Form) -> None:
    new = jinrongjie.copy()
    new.funds.basic = "9344.55"
    new.goals = new.goals + "\n新增一段目标。"
    changes = dict(diff_forms(jinrongjie, new))
    assert changes["基本支出"] == ["-" + jinrongjie.funds.basic, "+9344.55"]
    assert "+新增一段目标。" in changes["部门（单位）绩效目标"]
    assert len(changes) == 2
    html = diff_html(jinrongjie, new)
    assert "9344.55" in re.sub(r"<[^>]+>", "", html) and "#fde2e2" in html and "#e2f5e2" in html


def test_added_indicator_row_is_reported(niujie: Form) -> None:
    from jixiao_desktop.domain.model import Indicator

    new = niujie.copy()
    new.indicators.append(Indicator(name="产出指标六：", content="新增内容"))
    labels = [label for label, _ in diff_forms(niujie, new)]
    row = len(new.indicators)
    assert f"绩效指标第{row}行指标名称" in labels
    assert any(label.startswith(f"绩效指标第{row}行指标内容") for label in labels)


def test_a_changed_line_marks_the_characters_that_changed(jinrongjie: Form) -> None:
    import copy

    from jixiao_desktop.domain.form_diff import char_marks

    old_spans, new_spans = char_marks("总额 39985.49", "总额 39985.94")
    assert old_spans and new_spans
    assert all(start >= len("总额 39985.") for start, _ in old_spans + new_spans)  # only the cents differ
    newer = copy.deepcopy(jinrongjie)
    newer.funds.total = "39985.94"
    page = diff_html(jinrongjie, newer)
    assert "font-weight:bold'>" in page
    old_marked = page.split("font-weight:bold'>")[1].split("</span>")[0]
    assert old_marked and old_marked in "49"
