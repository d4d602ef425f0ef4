"""Fixtures of the form editor tests: an editor shown offscreen, and a tabular form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from jixiao_desktop.domain.model import (
    TEMPLATE_TABULAR,
    Form,
    Funds,
    Indicator,
    IndicatorItem,
)
from jixiao_desktop.ui.editor import FormEditor


@pytest.fixture
def make_editor(qtbot: Any) -> Callable[..., FormEditor]:
    def make(form: Form | None = None, read_only: bool = False) -> FormEditor:
        editor = FormEditor()
        qtbot.addWidget(editor)
        editor.resize(1100, 750)
        if form is not None:
            editor.set_form(form, read_only)
        editor.show()
        editor.activateWindow()
        qtbot.waitExposed(editor)
        return editor
    return make


@pytest.fixture
def editor(make_editor: Callable[..., FormEditor]) -> FormEditor:
    return make_editor()


@pytest.fixture
def tabular() -> Form:
    """A small tabular form: two output groups (one with two items), one outcome, one satisfaction."""
    return Form(
        template=TEMPLATE_TABULAR,
        year=2023,
        department="北京市西城区人民政府牛街街道办事处",
        funds=Funds(total="100.00", basic="60.00", project="40.00"),
        goals="完成年度重点任务。",
        indicators=[
            Indicator(level1="产出指标", level2="数量指标", items=[
                IndicatorItem(level3="绿地养护面积", nature="定量", operator="≥", value="113816",
                              unit="平方米", weight="30", direction="正向"),
                IndicatorItem(level3="开展讲座次数", nature="定量", operator="≥", value="12",
                              unit="次", weight="20", direction="正向"),
            ]),
            Indicator(level1="产出指标", level2="质量指标", items=[
                IndicatorItem(level3="验收合格率", nature="定量", operator="=", value="100",
                              unit="%", weight="20", direction="正向"),
            ]),
            Indicator(level1="效益指标", level2="社会效益指标", items=[
                IndicatorItem(level3="居民生活环境", nature="定性", operator="", value="明显改善",
                              unit="", weight="10", direction="正向"),
            ]),
            Indicator(level1="满意度指标", level2="服务对象满意度指标", items=[
                IndicatorItem(level3="居民满意度", nature="定量", operator="≥", value="90",
                              unit="%", weight="20", direction="正向"),
            ]),
        ],
        other_notes="无",
    )
