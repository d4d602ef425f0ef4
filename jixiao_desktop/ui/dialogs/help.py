"""帮助 (F1): the 填制说明 of the form, what each check means, and the keys clerks use."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from jixiao_desktop.domain.checks import RULES
from jixiao_desktop.domain.findings import Severity
from jixiao_desktop.exporters._common import INSTRUCTIONS

SHORTCUTS = (
    ("Ctrl+S", "保存并记录一个历史版本（平时每次修改都会自动保存）"),
    ("Ctrl+Z / Ctrl+Y", "撤销 / 重做"),
    ("Ctrl+X / Ctrl+C / Ctrl+V / Ctrl+A", "剪切 / 复制 / 粘贴 / 全选"),
    ("Ctrl+F / Ctrl+H", "查找 / 替换"),
    ("Ctrl+滚轮、Ctrl+= / Ctrl+- / Ctrl+0", "放大 / 缩小 / 恢复编辑区文字"),
    ("F8 / Shift+F8", "下一个 / 上一个检查结果"),
    ("Ctrl+Shift+H", "历史版本"),
    ("F1", "本帮助"),
)

SECTIONS = (
    ("header", "基本信息"), ("funds", "资金"), ("goals", "绩效目标"), ("indicators", "绩效指标"),
    ("items", "三级指标（表格式）"), ("text", "文字"), ("form", "整张表"),
)


def help_html() -> str:
    parts = ["<h2>填制说明</h2>"]
    parts += [f"<p>{html.escape(line)}。</p>" for line in INSTRUCTIONS.replace("填制说明：", "").split("。") if line]
    parts.append("<h2>检查项目</h2><p>检查随填随做，结果列在右侧“检查结果”中。<b>错误</b>改正后才能定稿；"
                 "<b>警告</b>请核对，确认无误可以标为“已知悉”；<b>提示</b>仅供参考。</p>")
    labels = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
    listed: set[str] = set()
    for prefix, title in SECTIONS:
        rules = [info for rule, info in RULES.items() if rule.split(".")[0] == prefix]
        if not rules:
            continue
        parts.append(f"<h3>{html.escape(title)}</h3><table cellpadding='3'>")
        for info in rules:
            listed.add(info.rule)
            parts.append(f"<tr><td width='48'>{labels.get(info.severity, '')}</td>"
                         f"<td>{html.escape(info.title)}</td></tr>")
        parts.append("</table>")
    rest = [info for rule, info in RULES.items() if rule not in listed]
    if rest:
        parts.append("<h3>其他</h3><table cellpadding='3'>")
        parts += [f"<tr><td width='48'>{labels.get(i.severity, '')}</td><td>{html.escape(i.title)}</td></tr>"
                  for i in rest]
        parts.append("</table>")
    parts.append("<h2>常用按键</h2><table cellpadding='3'>")
    parts += [f"<tr><td><b>{html.escape(keys)}</b></td><td>{html.escape(what)}</td></tr>" for keys, what in SHORTCUTS]
    parts.append("</table>")
    return "\n".join(parts)


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("填写帮助")
        self.resize(640, 560)
        self.browser = QTextBrowser(self)
        self.browser.setHtml(help_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
