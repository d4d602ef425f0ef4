"""The checks panel and its model, with findings made by hand."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from jixiao_desktop.domain.findings import Finding, Severity
from jixiao_desktop.ui.checks_panel import ChecksPanel, FindingsModel, Role, count_findings, summary_text

ERROR = Finding("funds.sum_mismatch", Severity.ERROR, "funds.total", "资金总额 1 ≠ 2，相差 1 万元")
WARNING = Finding("text.unbalanced_quotes", Severity.WARNING, "indicators[0].content", "“ 没有对应的 ”", (3, 9))
ACKED = Finding("text.stale_year", Severity.WARNING, "goals", "2021年 在 2022 年度的表中", (0, 5), True)
INFO = Finding("funds.normalised", Severity.INFO, "funds.total", "已按 22001.49 读取")


def test_model_is_a_well_behaved_list_model(qapp: Any, qtmodeltester: Any) -> None:
    model = FindingsModel()
    model.set_findings([ERROR, WARNING, ACKED, INFO])
    qtmodeltester.check(model)


def test_model_roles(qapp: Any) -> None:
    model = FindingsModel()
    assert model.set_findings([ERROR, ACKED])
    assert not model.set_findings([ERROR, ACKED])  # unchanged: no reset
    first, second = model.index(0), model.index(1)
    assert first.data(Qt.ItemDataRole.DisplayRole) == ERROR.message
    assert first.data(Role.FIELD_LABEL) == "资金总额"
    assert first.data(Role.FINDING) is ERROR
    assert not first.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert first.data(Qt.ItemDataRole.ForegroundRole) is None
    assert second.data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    assert "已知悉" in second.data(Qt.ItemDataRole.AccessibleTextRole)
    assert "部门（单位）绩效目标" in second.data(Qt.ItemDataRole.AccessibleTextRole)


def test_counts_and_summary() -> None:
    findings = [ERROR, WARNING, ACKED, INFO]
    assert count_findings(findings) == {"error": 1, "warning": 1, "info": 1, "acknowledged": 1}
    assert summary_text(findings) == "错误 1 / 警告 1 / 提示 1（已知悉 1）"
    assert summary_text([]) == "错误 0 / 警告 0 / 提示 0"


def test_panel_signals_and_buttons(qtbot: Any) -> None:
    panel = ChecksPanel()
    qtbot.addWidget(panel)
    panel.set_findings([ERROR, WARNING, ACKED])
    assert panel.ui.summaryLabel.text() == "错误 1 / 警告 1 / 提示 0（已知悉 1）"

    panel.select_row(0)  # an error cannot be acknowledged
    assert not panel.ui.acknowledgeButton.isEnabled()
    panel.select_row(1)
    assert panel.ui.acknowledgeButton.isEnabled() and not panel.ui.unacknowledgeButton.isEnabled()
    with qtbot.waitSignal(panel.acknowledge_requested) as blocker:
        qtbot.mouseClick(panel.ui.acknowledgeButton, Qt.MouseButton.LeftButton)
    assert blocker.args == [WARNING]
    panel.select_row(2)
    assert panel.ui.unacknowledgeButton.isEnabled()

    with qtbot.waitSignal(panel.finding_activated) as blocker:
        panel.step(1)
    assert blocker.args == [ERROR]  # wraps around

    panel.set_read_only(True)
    panel.select_row(1)
    assert not panel.ui.acknowledgeButton.isEnabled()


def test_hiding_acknowledged_keeps_them_counted(qtbot: Any) -> None:
    panel = ChecksPanel()
    qtbot.addWidget(panel)
    panel.set_findings([WARNING, ACKED])
    panel.set_show_acknowledged(False)
    assert panel.model.findings() == [WARNING]
    assert "已知悉 1" in panel.ui.summaryLabel.text()


def test_refresh_keeps_the_selection(qtbot: Any) -> None:
    panel = ChecksPanel()
    qtbot.addWidget(panel)
    panel.set_findings([ERROR, WARNING])
    panel.select_row(1)
    panel.set_findings([INFO, ERROR, WARNING])
    assert panel.current_finding() == WARNING
