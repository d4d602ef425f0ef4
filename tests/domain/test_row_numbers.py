"""One reading of numbered rows (产出指标一：…): the check ``text.numbering_broken`` and 重新编号
agree — what the check calls out of order, 重新编号 is offered for and mends."""

from __future__ import annotations

import pytest

from jixiao_desktop.domain import editing
from jixiao_desktop.domain.checks import run_checks
from jixiao_desktop.domain.model import Category, Form, Indicator

FAMILIES = (Category.OUTPUT, Category.OUTCOME, Category.SATISFACTION)


def _form(*names: str) -> Form:
    form = Form()
    form.indicators = [Indicator(name=n, content="开展活动10次，满意度达到90%。") for n in names]
    return form


def _row_findings(form: Form) -> list[str]:
    return [f.message for f in run_checks(form)
            if f.rule == "text.numbering_broken" and f.field.startswith("indicators[")]


def _renumbered_all(form: Form) -> Form:
    for family in FAMILIES:
        if editing.needs_renumbering(form, family):
            form.indicators = editing.renumbered(form.indicators, family)
    return form


CASES = [
    # The clerk-visible bug of issue 21: the check said 缺少“效益指标二” and 重新编号 stayed disabled.
    ("效果指标一：社会效益", "效益指标三：可持续影响"),
    ("效益指标一：社会效益", "效果指标三：可持续影响"),
    ("产出指标一：甲", "产出指标二：乙", "产出指标四：丙", "效果指标一：丁", "满意度指标一：戊"),
    ("产出指标二：甲",),
    ("产出指标一：甲", "产出指标一：乙"),
    ("产出指标一：甲", "产出指标三：乙", "产出指标二：丙"),
    ("  产出指标一：甲", "产出指标三 乙"),
    ("效果指标一：丁", "效果指标三：服务对象满意度", "满意度指标二：戊"),
    ("产出指标一：甲", "产出数量", "产出指标三：乙"),
]


@pytest.mark.parametrize("names", CASES, ids=[" / ".join(c) for c in CASES])
def test_what_the_check_calls_out_of_order_renumbering_mends(names: tuple[str, ...]) -> None:
    form = _form(*names)
    broken = _row_findings(form)
    offered = [family for family in FAMILIES if editing.needs_renumbering(form, family)]
    assert bool(broken) == bool(offered), (broken, offered)  # the button is enabled exactly then
    mended = _renumbered_all(form)
    assert _row_findings(mended) == []
    assert not any(editing.needs_renumbering(mended, family) for family in FAMILIES)


def test_renumbering_keeps_the_clerks_word_and_text() -> None:
    form = _form("效果指标一：社会效益", "效益指标三：可持续影响")
    assert editing.needs_renumbering(form, Category.OUTCOME)
    assert [i.name for i in editing.renumbered(form.indicators, Category.OUTCOME)] == [
        "效果指标一：社会效益", "效益指标二：可持续影响"]


def test_the_message_names_the_missing_row_as_written() -> None:
    assert any("缺少“效益指标二”" in m for m in _row_findings(_form("效果指标一：社会效益", "效益指标三：可持续影响")))
