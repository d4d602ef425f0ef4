"""The checks panel: every finding of the live check, as a list the clerk can click.

``FindingsModel`` is a thin adapter over a list of ``Finding``; ``ChecksPanel`` is the dock
that shows it and turns clicks and buttons into signals. What a click *does* (focus a field,
acknowledge a warning) is decided by the window.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QFont, QGuiApplication, QIcon, QPainter, QPalette, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QHBoxLayout,
    QListView,
    QMenu,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from jixiao_desktop.domain.fields import field_label
from jixiao_desktop.domain.findings import Finding, Severity
from jixiao_desktop.domain.findings import count_findings as domain_counts
from jixiao_desktop.domain.review import REVIEW_RULE
from jixiao_desktop.ui.editor.marks import REVIEW_COLOR
from jixiao_desktop.ui.forms.ui_checks_panel import Ui_ChecksPanel

if TYPE_CHECKING:  # domain.fixes loads the checks engine, which the window imports after its first paint
    from jixiao_desktop.domain.fixes import Fix

ACKNOWLEDGED_TAG = "已知悉"
_Index = QModelIndex | QPersistentModelIndex
# The fix of a finding, and the same fix on every finding of its rule (``domain.fixes``).
FixProvider: TypeAlias = "Callable[[Finding], tuple[Fix | None, Fix | None]]"


class FixTarget(Protocol):
    """What applying a fix needs from the editor."""

    def undo_stack(self) -> QUndoStack: ...

    def set_text(self, path: str, text: str, label: str | None = None) -> bool: ...


def apply_fix(editor: FixTarget, fix: Fix) -> None:
    """Push the edits of ``fix`` as ONE undo step (Ctrl+Z takes the whole fix back)."""
    stack = editor.undo_stack()
    stack.beginMacro(fix.label)
    try:
        for edit in fix.edits:
            editor.set_text(edit.path, edit.text, fix.label)
    finally:
        stack.endMacro()


class Role(enum.IntEnum):
    """Custom data roles of ``FindingsModel``."""

    FINDING = Qt.ItemDataRole.UserRole + 1
    FIELD_LABEL = Qt.ItemDataRole.UserRole + 2
    SEVERITY = Qt.ItemDataRole.UserRole + 3
    ACKNOWLEDGED = Qt.ItemDataRole.UserRole + 4
    HEADING = Qt.ItemDataRole.UserRole + 5


def severity_icon(severity: Severity, widget: QWidget | None = None) -> QIcon:
    """The standard Qt icon of a severity (no icon files to ship)."""
    pixmap = {
        Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
        Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
        Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
    }[severity]
    style = widget.style() if widget is not None else QApplication.style()
    return style.standardIcon(pixmap)


def finding_heading(finding: Finding, label_of: Callable[[str], str] = field_label) -> str:
    """``警告 · 满意度指标一的指标内容`` (and ``· 已知悉``); ``label_of`` names the field."""
    label = label_of(finding.field) or "整张表"
    parts = ["审核意见" if finding.rule == REVIEW_RULE else finding.severity.label, label]
    if finding.acknowledged:
        parts.append(ACKNOWLEDGED_TAG)
    return " · ".join(parts)


def finding_key(finding: Finding) -> tuple[str, str, tuple[int, int] | None]:
    return (finding.rule, finding.field, finding.span)


def count_findings(findings: list[Finding]) -> dict[str, int]:
    """How many errors, (open) warnings, infos and acknowledged warnings there are."""
    counts = domain_counts(findings)  # the one count (domain.findings)
    return {"error": counts.errors, "warning": counts.open_warnings, "info": counts.infos,
            "acknowledged": counts.acknowledged}


def summary_text(findings: list[Finding]) -> str:
    """``错误 1 / 警告 2 / 提示 0``, plus ``（已知悉 1）`` when there are some."""
    counts = count_findings(findings)
    text = f"错误 {counts['error']} / 警告 {counts['warning']} / 提示 {counts['info']}"
    if counts["acknowledged"]:
        text += f"（已知悉 {counts['acknowledged']}）"
    return text


class FindingsModel(QAbstractListModel):
    """A read-only list model over the findings of the last check run."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._findings: list[Finding] = []
        self._icons: dict[Severity, QIcon] = {}
        # How a field is named: by the open form's own row names when the window sets it.
        self.label_of: Callable[[str], str] = field_label

    def findings(self) -> list[Finding]:
        return list(self._findings)

    def set_findings(self, findings: list[Finding]) -> bool:
        """Replace the list; returns False (and emits nothing) when nothing changed."""
        if findings == self._findings:
            return False
        self.beginResetModel()
        self._findings = list(findings)
        self.endResetModel()
        return True

    def finding(self, row: int) -> Finding | None:
        return self._findings[row] if 0 <= row < len(self._findings) else None

    def row_of(self, key: tuple[str, str, tuple[int, int] | None]) -> int:
        for row, finding in enumerate(self._findings):
            if finding_key(finding) == key:
                return row
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._findings)

    def _icon(self, severity: Severity) -> QIcon:
        if severity not in self._icons:
            self._icons[severity] = severity_icon(severity)
        return self._icons[severity]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._findings):
            return None
        finding = self._findings[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return finding.message
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{finding_heading(finding, self.label_of)}\n{finding.message}\n（规则 {finding.rule}）"
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(finding.severity)
        if role == Qt.ItemDataRole.ForegroundRole and finding.acknowledged:
            return QColor("#8a8a8a")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{finding_heading(finding, self.label_of)}：{finding.message}"
        if role == Role.HEADING:
            return finding_heading(finding, self.label_of)
        if role == Role.FINDING:
            return finding
        if role == Role.FIELD_LABEL:
            return self.label_of(finding.field) or "整张表"
        if role == Role.SEVERITY:
            return str(finding.severity)
        if role == Role.ACKNOWLEDGED:
            return finding.acknowledged
        return None


class FindingDelegate(QStyledItemDelegate):
    """Two lines per finding: icon + heading (severity · field), then the wrapped message."""

    PAD = 6
    ICON = 16

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The list is rebuilt after every check whose findings changed (typing into an amount can
        # flip one at each keystroke): measuring every wrapped message again cost more than the check.
        self._heights: dict[tuple[str, int, str], int] = {}

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        view = option.widget  # type: ignore[attr-defined]
        width = view.viewport().width() if isinstance(view, QListView) else option.rect.width()  # type: ignore[attr-defined]
        return max(80, width - self.ICON - 3 * self.PAD)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        width = self._text_width(option)
        fm = option.fontMetrics  # type: ignore[attr-defined]
        message = index.data(Qt.ItemDataRole.DisplayRole) or ""
        key = (message, width, option.font.key())  # type: ignore[attr-defined]
        height = self._heights.get(key)
        if height is None:
            if len(self._heights) > 4000:
                self._heights.clear()
            body = fm.boundingRect(QRect(0, 0, width, 100000), Qt.TextFlag.TextWordWrap, message)
            height = self._heights[key] = fm.height() + body.height() + 2 * self.PAD + 2
        return QSize(width, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        finding: Finding = index.data(Role.FINDING)
        widget = opt.widget  # type: ignore[attr-defined]
        style = widget.style() if widget else QApplication.style()
        # Background, selection and focus the usual way, without text or icon.
        opt.text = ""  # type: ignore[attr-defined]
        opt.icon = QIcon()  # type: ignore[attr-defined]
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

        rect: QRect = opt.rect  # type: ignore[attr-defined]
        if finding.rule == REVIEW_RULE:  # the teal of the comment's mark on its field (ui/editor/marks.py)
            painter.fillRect(QRect(rect.left(), rect.top(), 3, rect.height()), REVIEW_COLOR)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        palette: QPalette = opt.palette  # type: ignore[attr-defined]
        text_color = palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        if finding.acknowledged and not selected:
            text_color = QColor("#8a8a8a")
        fm = opt.fontMetrics  # type: ignore[attr-defined]
        x = rect.left() + self.PAD
        y = rect.top() + self.PAD
        icon: QIcon = index.data(Qt.ItemDataRole.DecorationRole)
        mode = QIcon.Mode.Disabled if finding.acknowledged else QIcon.Mode.Normal
        icon.paint(painter, QRect(x, y + (fm.height() - self.ICON) // 2, self.ICON, self.ICON),
                   Qt.AlignmentFlag.AlignCenter, mode)
        text_x = x + self.ICON + self.PAD
        width = rect.right() - text_x - self.PAD
        painter.save()
        bold = QFont(opt.font)  # type: ignore[attr-defined]
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_color)
        heading = index.data(Role.HEADING) or finding_heading(finding)
        painter.drawText(QRect(text_x, y, width, fm.height()),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         painter.fontMetrics().elidedText(heading, Qt.TextElideMode.ElideRight, width))
        painter.setFont(opt.font)  # type: ignore[attr-defined]
        painter.drawText(QRect(text_x, y + fm.height() + 2, width, rect.bottom() - y - fm.height()),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap),
                         index.data(Qt.ItemDataRole.DisplayRole) or "")
        painter.restore()


class ChecksPanel(QDockWidget):
    """The dock listing the findings.

    Signals:
        finding_activated(Finding): the clerk clicked a finding (the window focuses its field).
        acknowledge_requested(Finding): 已知悉 on a warning.
        unacknowledge_requested(Finding): 取消已知悉.
        show_acknowledged_changed(bool): the 显示已知悉 box was toggled.
        fix_requested(Fix): a one-click fix was clicked (the window pushes its edits).
    """

    fix_requested = Signal(object)
    finding_activated = Signal(object)
    acknowledge_requested = Signal(object)
    unacknowledge_requested = Signal(object)
    show_acknowledged_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("检查结果", parent)
        self.setObjectName("checksDock")
        self.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
                             | Qt.DockWidgetArea.BottomDockWidgetArea)
        body = QWidget(self)
        self.ui = Ui_ChecksPanel()
        self.ui.setupUi(body)
        self.setWidget(body)
        self._all: list[Finding] = []
        self._read_only = False
        self.model = FindingsModel(self)
        view = self.ui.findingsView
        view.setModel(self.model)
        view.setItemDelegate(FindingDelegate(view))
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        view.clicked.connect(self._on_activated)
        view.activated.connect(self._on_activated)
        view.customContextMenuRequested.connect(self._on_context_menu)
        view.selectionModel().currentChanged.connect(self._update_buttons)
        self.ui.acknowledgeButton.clicked.connect(self.acknowledge_current)
        self.ui.unacknowledgeButton.clicked.connect(self.unacknowledge_current)
        self.ui.showAcknowledgedCheck.toggled.connect(self._on_show_acknowledged)
        self._fix_provider: FixProvider | None = None
        self._fixes: tuple[Fix | None, Fix | None] = (None, None)
        self.fix_button = QPushButton(body)
        self.fix_button.setObjectName("fixButton")
        self.fix_button.setToolTip("按检查结果自动改正这一处（可撤销，Ctrl+Z）")
        self.fix_all_button = QPushButton(body)
        self.fix_all_button.setObjectName("fixAllButton")
        self.fix_all_button.setToolTip("对所有同类问题做同样的改正，作为一步操作（可撤销，Ctrl+Z）")
        fix_row = QHBoxLayout()
        fix_row.addWidget(self.fix_button, 1)
        fix_row.addWidget(self.fix_all_button)
        self.ui.panelLayout.insertLayout(self.ui.panelLayout.indexOf(self.ui.findingsView) + 1, fix_row)
        self.fix_button.clicked.connect(lambda: self._request_fix(0))
        self.fix_all_button.clicked.connect(lambda: self._request_fix(1))
        self.setMinimumWidth(300)
        self.set_findings([])

    # --- content --------------------------------------------------------------------------

    def set_findings(self, findings: list[Finding]) -> None:
        """Show a new check result, keeping the selection and scroll position when possible."""
        self._all = list(findings)
        shown = [f for f in findings if self.ui.showAcknowledgedCheck.isChecked() or not f.acknowledged]
        view = self.ui.findingsView
        current = self.current_finding()
        scroll = view.verticalScrollBar().value()
        if self.model.set_findings(shown):
            if current is not None:
                row = self.model.row_of(finding_key(current))
                if row >= 0:
                    view.setCurrentIndex(self.model.index(row))
            view.verticalScrollBar().setValue(scroll)
        self.ui.summaryLabel.setText(self._summary(findings))
        self._update_buttons()

    def _summary(self, findings: list[Finding]) -> str:
        if not findings:
            return "没有发现问题。"
        return summary_text(findings)

    def findings(self) -> list[Finding]:
        return list(self._all)

    def set_no_form(self) -> None:
        """No form is open: an empty list that says so."""
        self.set_findings([])
        self.ui.summaryLabel.setText("打开一张表单后，这里列出检查发现的问题。")

    def set_show_acknowledged(self, value: bool) -> None:
        self.ui.showAcknowledgedCheck.setChecked(value)

    def set_read_only(self, value: bool) -> None:
        """A finalised form: findings stay visible, 已知悉 is not offered."""
        self._read_only = value
        self._update_buttons()

    def current_finding(self) -> Finding | None:
        index = self.ui.findingsView.currentIndex()
        return self.model.finding(index.row()) if index.isValid() else None

    def select_row(self, row: int) -> Finding | None:
        finding = self.model.finding(row)
        if finding is not None:
            self.ui.findingsView.setCurrentIndex(self.model.index(row))
        return finding

    def step(self, delta: int) -> None:
        """Select the next (+1) or previous (-1) finding and activate it."""
        count = self.model.rowCount()
        if not count:
            return
        index = self.ui.findingsView.currentIndex()
        row = ((index.row() if index.isValid() else (-1 if delta > 0 else 0)) + delta) % count
        finding = self.select_row(row)
        if finding is not None:
            self.finding_activated.emit(finding)

    # --- slots ----------------------------------------------------------------------------

    def _on_activated(self, index: QModelIndex) -> None:
        finding = self.model.finding(index.row())
        if finding is not None:
            self.finding_activated.emit(finding)

    def _can_acknowledge(self, finding: Finding | None) -> bool:
        return (finding is not None and not self._read_only and finding.severity is Severity.WARNING
                and not finding.acknowledged)

    def _can_unacknowledge(self, finding: Finding | None) -> bool:
        return finding is not None and not self._read_only and finding.acknowledged

    def set_fix_provider(self, provider: FixProvider | None) -> None:
        """Who tells the fixes of a finding (the window, which knows the form)."""
        self._fix_provider = provider
        self._update_buttons()

    def current_fixes(self) -> tuple[Fix | None, Fix | None]:
        """The fix of the selected finding and the fix of all of its kind (``None`` where there is none)."""
        return self._fixes

    def _update_buttons(self, *_: object) -> None:
        finding = self.current_finding()
        self.ui.acknowledgeButton.setEnabled(self._can_acknowledge(finding))
        self.ui.unacknowledgeButton.setEnabled(self._can_unacknowledge(finding))
        fixes: tuple[Fix | None, Fix | None] = (None, None)
        if finding is not None and not self._read_only and self._fix_provider is not None:
            fixes = self._fix_provider(finding)
        self._fixes = fixes
        for button, fix in zip((self.fix_button, self.fix_all_button), fixes, strict=True):
            button.setVisible(fix is not None)
            if fix is not None:
                button.setText(f"一键修正：{fix.label}" if button is self.fix_button else fix.label)

    def _request_fix(self, which: int) -> None:
        fix = self._fixes[which]
        if fix is not None and not self._read_only:
            self.fix_requested.emit(fix)

    def acknowledge_current(self) -> None:
        finding = self.current_finding()
        if self._can_acknowledge(finding):
            self.acknowledge_requested.emit(finding)

    def unacknowledge_current(self) -> None:
        finding = self.current_finding()
        if self._can_unacknowledge(finding):
            self.unacknowledge_requested.emit(finding)

    def _on_show_acknowledged(self, value: bool) -> None:
        self.set_findings(self._all)
        self.show_acknowledged_changed.emit(value)

    def _on_context_menu(self, pos: QPoint) -> None:
        view = self.ui.findingsView
        index = view.indexAt(pos)
        if not index.isValid():
            return
        view.setCurrentIndex(index)
        finding = self.model.finding(index.row())
        menu = QMenu(view)
        go = QAction("转到该处", menu)
        go.triggered.connect(lambda: self.finding_activated.emit(finding))
        menu.addAction(go)
        ack = QAction("已知悉", menu)
        ack.setEnabled(self._can_acknowledge(finding))
        ack.triggered.connect(self.acknowledge_current)
        menu.addAction(ack)
        unack = QAction("取消已知悉", menu)
        unack.setEnabled(self._can_unacknowledge(finding))
        unack.triggered.connect(self.unacknowledge_current)
        menu.addAction(unack)
        for fix in self._fixes:
            if fix is not None:
                action = QAction(fix.label if fix is self._fixes[1] else f"一键修正：{fix.label}", menu)
                action.triggered.connect(lambda _checked=False, fix=fix: self.fix_requested.emit(fix))
                menu.addAction(action)
        copy = QAction("复制文字", menu)
        copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(
            f"{finding_heading(finding, self.model.label_of)}：{finding.message}" if finding else ""))
        menu.addAction(copy)
        menu.exec(view.viewport().mapToGlobal(pos))
