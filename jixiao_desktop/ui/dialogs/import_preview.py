"""导入预览: what was read from a form file, field by field, before anything is stored.

Shows every recognised field (the long texts shortened, in full as a tooltip), what could not
be placed (quoted) and the other things to know (pending tracked changes, labels not found),
and the checks already run on the form. 导入 stores it, 取消 stores nothing. The clerk may
make it last year's form and 继承上年 at once (the caller stores it, then its next-year copy).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem, QTreeWidgetItem, QWidget

from jixiao_desktop.domain.findings import Finding, Severity, count_findings
from jixiao_desktop.domain.model import Form, detect_layout, indicator_title
from jixiao_desktop.ui.forms.ui_import_preview_dialog import Ui_ImportPreviewDialog

_SHORT = 120


def _short(text: str) -> str:
    one_line = " ⏎ ".join(line for line in text.split("\n") if line.strip())
    return one_line if len(one_line) <= _SHORT else one_line[: _SHORT - 1] + "…"


def _shown(text: str) -> str:
    return _short(text) if text.strip() else "（空）"


def preview_rows(form: Form) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(栏目, 内容, children) for the tree: what the clerk checks before importing."""
    rows: list[tuple[str, str, list[tuple[str, str]]]] = [
        ("年度", f"{form.year}年度" if form.year else "（没有找到）", []),
        ("部门（单位）名称", _shown(form.department), []),
        ("版式", detect_layout(form).label, []),
    ]
    funds = form.funds
    unit = funds.unit or "万元"
    fund_children = [("资金总额", funds.total or "（空）"), ("基本支出", funds.basic or "（空）"),
                     ("项目支出", funds.project or "（空）")]
    fund_children += [(f"其中：{s.name}", s.amount or "（空）") for s in funds.sources or []]
    rows.append((f"部门（单位）总体资金情况（{unit}）", f"资金总额 {funds.total or '（空）'}", fund_children))
    goal_lines = [line for line in form.goals.split("\n") if line.strip()]
    rows.append(("部门（单位）绩效目标", f"{len(form.goals)} 字，{len(goal_lines)} 段：{_shown(form.goals)}", []))
    indicator_children: list[tuple[str, str]] = []
    for ind in form.indicators:
        title = indicator_title(ind) or "（无名称）"
        if ind.items:
            items = "；".join(f"{i.level3} {i.operator}{i.value}{i.unit}".strip() for i in ind.items)
            indicator_children.append((title, f"{len(ind.items)} 项三级指标：{_short(items)}"))
        else:
            indicator_children.append((title, _shown(ind.content)))
    rows.append(("绩效指标", f"{len(form.indicators)} 行", indicator_children))
    rows.append(("其他说明的问题", _shown(form.other_notes), []))
    return rows


def _full_texts(form: Form) -> dict[str, str]:
    texts = {"部门（单位）名称": form.department, "部门（单位）绩效目标": form.goals, "其他说明的问题": form.other_notes}
    for ind in form.indicators:
        texts[indicator_title(ind) or "（无名称）"] = ind.content or "\n".join(
            f"{i.level3}｜{i.nature}｜{i.operator}{i.value}｜{i.unit}｜{i.weight}" for i in ind.items)
    return texts


class ImportPreviewDialog(QDialog):
    """The preview; ``carry_over()`` tells whether to 继承上年 after storing."""

    def __init__(self, form: Form, warnings: Sequence[str], findings: Sequence[Finding], *,
                 source: str, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ImportPreviewDialog()
        self.ui.setupUi(self)
        self.form = form
        self.setWindowTitle(f"导入预览 — {file_name}")
        ok = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("导入(&I)")
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        errors = count_findings(findings).errors
        others = len(findings) - errors
        self.ui.summaryLabel.setText(
            f"从“{file_name}”（{source}）读到下面的内容。请核对：点“导入”保存为新表单，点“取消”什么也不保存。"
            f"\n检查：{errors} 个错误、{others} 个警告或提示；导入后可在右侧“检查结果”中逐条处理。")
        self._fill_tree()
        self._fill_warnings(warnings)
        self._fill_checks(findings)
        if form.year:
            self.ui.carryHint.setText(
                f"将保存这张 {form.year} 年度的表，并按它新建 {form.year + 1} 年度的草稿（文字沿用，"
                f"每个三级指标记住上年的值），随后打开新草稿。")
        else:
            self.ui.carryCheck.setEnabled(False)
            self.ui.carryHint.setText("没有读到年度，不能直接继承上年；导入后填上年度，再用“从上年复制”。")
        self.ui.splitter.setSizes([420, 200])

    def _fill_tree(self) -> None:
        tree = self.ui.fieldsTree
        full = _full_texts(self.form)
        for label, text, children in preview_rows(self.form):
            item = QTreeWidgetItem([label, text])
            item.setToolTip(1, full.get(label, text))
            for child_label, child_text in children:
                child = QTreeWidgetItem([child_label, child_text])
                child.setToolTip(1, full.get(child_label, child_text))
                item.addChild(child)
            tree.addTopLevelItem(item)
            item.setExpanded(True)
        tree.setColumnWidth(0, 260)

    def _fill_warnings(self, warnings: Sequence[str]) -> None:
        if not warnings:
            self.ui.warningsList.addItem("没有需要注意的地方：表中每一栏都已识别。")
            return
        for text in warnings:
            item = QListWidgetItem(text)
            item.setToolTip(text)
            self.ui.warningsList.addItem(item)

    def _fill_checks(self, findings: Sequence[Finding]) -> None:
        from jixiao_desktop.domain.fields import field_label

        if not findings:
            self.ui.checksList.addItem("没有发现问题。")
            return
        for finding in sorted(findings, key=lambda f: f.severity.rank):
            where = field_label(finding.field) if finding.field else "整张表"
            item = QListWidgetItem(f"【{finding.severity.label}】{where}：{finding.message}")
            item.setToolTip(item.text())
            if finding.severity is Severity.ERROR:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.ui.checksList.addItem(item)

    def carry_over(self) -> bool:
        return self.ui.carryCheck.isEnabled() and self.ui.carryCheck.isChecked()

    def set_carry_over(self, on: bool) -> None:
        self.ui.carryCheck.setChecked(on)
