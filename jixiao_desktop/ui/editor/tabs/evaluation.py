"""监控/自评: the later stages of the same form (``spec/self-evaluation.md``).

The 申报 indicators with their targets, read-only, beside what the stage asks for: 实际完成值,
全年能否完成 (监控), 完成档次 (定性), 偏差原因分析, 改进措施, and the 得分 computed as the clerk
types (``domain/evaluation.py``, the profile's numbers); the 预算执行 block with its 执行率; the
自评结论 and the total. A form without 三级 items (layout A/B) gets one 实际完成情况 and 得分 per
row. Every edit is a field path through the editor's undo stack, like every other tab.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QWidget

from jixiao_desktop.domain import evaluation as ev
from jixiao_desktop.domain.fields import FieldPath, field_text
from jixiao_desktop.domain.model import Form
from jixiao_desktop.domain.profiles import profile_for_form
from jixiao_desktop.ui.editor.marks import Mark
from jixiao_desktop.ui.editor.tabs.base import EDIT_TRIGGERS, EditorPort, EditorTab, prepare_text_box
from jixiao_desktop.ui.editor.widgets import mark_widget, set_line_text, set_plain_text
from jixiao_desktop.ui.forms.ui_editor_evaluation_tab import Ui_EvaluationTab

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class _Column:
    title: str
    key: str  # the field attribute ("" = shown, not a field)
    stages: tuple[ev.Stage, ...] = (ev.Stage.MONITOR, ev.Stage.EVALUATION)


ITEM_COLUMNS = (
    _Column("指标", ""),
    _Column("指标值", ""),
    _Column("实际完成值", "actual_value"),
    _Column("全年能否完成", "will_meet", (ev.Stage.MONITOR,)),
    _Column("完成档次（定性）", "qualitative_grade", (ev.Stage.EVALUATION,)),
    _Column("偏差原因分析", "deviation_reason"),
    _Column("改进措施", "measures"),
    _Column("得分", "score", (ev.Stage.EVALUATION,)),
)
ROW_COLUMNS = (
    _Column("指标名称", ""),
    _Column("实际完成情况", "actual"),
    _Column("得分", "score", (ev.Stage.EVALUATION,)),
)


class EvaluationModel(QAbstractTableModel):
    """One row per scored indicator (each 三级 item, or each row of a form without items)."""

    def __init__(self, editor: EditorPort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self._paths: list[str] = []
        self._names: list[str] = []
        self._targets: list[str] = []
        self._items = True
        self._scores: dict[str, ev.ItemScore] = {}
        self._read_only = False
        self.marks: dict[str, Mark] = {}

    @property
    def columns(self) -> tuple[_Column, ...]:
        return ITEM_COLUMNS if self._items else ROW_COLUMNS

    def set_form(self, form: Form) -> None:
        self.beginResetModel()
        self._paths, self._names, self._targets = [], [], []
        self._items = any(ind.items for ind in form.indicators)
        for i, ind in enumerate(form.indicators):
            if self._items:
                for j, item in enumerate(ind.items):
                    self._paths.append(f"indicators[{i}].items[{j}]")
                    self._names.append(" · ".join(t for t in (ind.level2.strip(), item.level3.strip()) if t))
                    self._targets.append(f"{item.operator}{item.value}{item.unit}".strip())
            elif ind.name.strip() or ind.content.strip():
                self._paths.append(f"indicators[{i}]")
                self._names.append(ind.name.strip() or f"第{i + 1}行")
                self._targets.append("")
        self.endResetModel()

    def set_scores(self, result: ev.FormScore | None) -> None:
        self._scores = {s.path: s for s in result.items} if result is not None else {}
        column = next(k for k, c in enumerate(self.columns) if c.key == "score")
        if self._paths:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._paths) - 1, column))

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only

    def path_at(self, row: int, column: int) -> str:
        key = self.columns[column].key
        return f"{self._paths[row]}.{key}" if key else self._paths[row]

    def position_of(self, path: str) -> tuple[int, int] | None:
        for row, base in enumerate(self._paths):
            if path.startswith(base + "."):
                key = path[len(base) + 1:]
                for column, c in enumerate(self.columns):
                    if c.key == key:
                        return row, column
        return None

    def notify(self) -> None:
        if self._paths:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._paths) - 1, len(self.columns) - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._paths)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._read_only or not self.columns[index.column()].key:
            return base
        if self.columns[index.column()].key == "score" and self._items:
            return base  # computed; a hand-set score goes in with its reason (score_note)
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        key = self.columns[column].key
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return self._names[row]
            if column == 1 and self._items:
                return self._targets[row]
            if key == "score" and self._items and role != Qt.ItemDataRole.EditRole:
                score = self._scores.get(self._paths[row])
                if score is None:
                    return ""
                text = f"{ev.printed_score(score.score)} / {ev.printed_score(score.points)}"
                if role == Qt.ItemDataRole.ToolTipRole and score.comparison is not None \
                        and score.comparison.reason:
                    return f"{text}（{score.comparison.reason}）"
                return text
            return field_text(self._editor.form(), self.path_at(row, column))
        if role == Qt.ItemDataRole.BackgroundRole:
            mark = self.marks.get(self.path_at(row, column))
            if mark is not None:
                return QColor("#fde7e9") if mark.level == "error" else QColor("#fef3d7")
            if not key or (key == "score" and self._items):
                return QColor("#f4f4f4")  # read-only: the target and the computed score
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not (self.flags(index)
                                                                           & Qt.ItemFlag.ItemIsEditable):
            return False
        return self._editor.model_apply(self.path_at(index.row(), index.column()), str(value))


class EvaluationTab(EditorTab):
    """监控/自评 of the open form; at the 申报 stage it only offers the switch."""

    LINES = {"budgetEdit": "execution.budget", "executedEdit": "execution.executed", "asOfEdit": "execution.as_of"}
    BOXES = {"summaryEdit": "evaluation.summary", "problemsEdit": "evaluation.problems",
             "measuresEdit": "evaluation.measures"}

    def __init__(self, editor: EditorPort) -> None:
        super().__init__(editor)
        self.ui = Ui_EvaluationTab()
        self.ui.setupUi(self)
        self._dirty = True
        self._marks: dict[str, Mark] = {}
        for stage in ev.Stage:
            self.ui.stageCombo.addItem({"target": "申报（绩效目标）", "monitor": "年中监控（绩效运行监控）",
                                        "evaluation": "年终自评（绩效自评）"}[stage.value], stage.value)
        self.ui.stageCombo.activated.connect(self._stage_chosen)
        self.model = EvaluationModel(editor, self)
        view = self.ui.itemsView
        view.setModel(self.model)
        view.setEditTriggers(EDIT_TRIGGERS)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().lineSpacing() * 2 + 8)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        for column, width in enumerate((190, 100, 110, 110, 150, 150, 150)):
            view.setColumnWidth(column, width)
        for name, path in self.LINES.items():
            getattr(self.ui, name).textEdited.connect(lambda text, path=path: self._editor.edit_text(path, text))
        for name, path in self.BOXES.items():
            box = getattr(self.ui, name)
            prepare_text_box(box)
            box.textChanged.connect(lambda box=box, path=path: self._box_changed(box, path))
        for label in (self.ui.rateLabel, self.ui.totalLabel, self.ui.stageHint):
            label.setTextFormat(Qt.TextFormat.PlainText)

    # --- the editor's calls ------------------------------------------------------------------

    def load(self, form: Form) -> None:
        self.model.set_form(form)
        for name, path in self.LINES.items():
            set_line_text(getattr(self.ui, name), field_text(form, path))
        for name, path in self.BOXES.items():
            set_plain_text(getattr(self.ui, name), field_text(form, path), keep_cursor=False)
        self._show_stage()
        self._dirty = True
        self._recompute()

    def refresh(self, path: str) -> None:
        form = self._editor.form()
        if path == "stage":
            self._show_stage()
        for name, line_path in self.LINES.items():
            if path == line_path:
                set_line_text(getattr(self.ui, name), field_text(form, path))
        for name, box_path in self.BOXES.items():
            if path == box_path:
                set_plain_text(getattr(self.ui, name), field_text(form, path))
        if self.model.position_of(path) is not None or path.startswith("indicators["):
            self.model.notify()
        self._dirty = True

    def update_derived(self) -> None:
        if ev.stage_of(self._editor.form()) is ev.Stage.TARGET:
            return  # nothing computed before the year runs
        self._dirty = True
        if self.isVisible():
            self._recompute()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._recompute()

    def set_read_only(self, read_only: bool) -> None:
        # The 申报 part is locked by 定稿; the stage's own fields follow the editor's state too.
        self.model.set_read_only(read_only)
        self.ui.stageCombo.setEnabled(not read_only)
        for name in (*self.LINES, *self.BOXES):
            getattr(self.ui, name).setReadOnly(read_only)

    def set_marks(self, marks: dict[str, Mark]) -> None:
        self._marks = marks
        self.model.marks = marks
        self.model.notify()
        for name, path in {**self.LINES, **self.BOXES}.items():
            mark_widget(getattr(self.ui, name), marks.get(path))

    def owns(self, path: FieldPath) -> bool:
        if path.section in ("stage", "execution", "evaluation"):
            return True
        return (path.item is not None and path.attr in ev.ITEM_KEYS) \
            or (path.item is None and path.indicator is not None and path.attr in ev.ROW_KEYS)

    def focus_path(self, path: FieldPath, span: tuple[int, int] | None) -> bool:
        for name, line_path in {**self.LINES, **self.BOXES}.items():
            if path.path == line_path:
                getattr(self.ui, name).setFocus()
                return True
        if path.section == "stage":
            self.ui.stageCombo.setFocus()
            return True
        where = self.model.position_of(path.path)
        if where is None:
            return False
        index = self.model.index(*where)
        self.ui.itemsView.setCurrentIndex(index)
        self.ui.itemsView.scrollTo(index)
        self.ui.itemsView.setFocus()
        return True

    def text_widgets(self) -> list[QWidget]:
        return [*(getattr(self.ui, n) for n in self.LINES), *(getattr(self.ui, n) for n in self.BOXES)]

    # --- what the clerk does -------------------------------------------------------------------

    def _stage_chosen(self, index: int) -> None:
        value = self.ui.stageCombo.itemData(index)
        if value != ev.stage_of(self._editor.form()).value:
            self._editor.set_text("stage", value, f"切换到{ev.Stage(value).label}阶段")

    def _box_changed(self, box: Any, path: str) -> None:
        if not self._editor.is_filling():
            self._editor.edit_text(path, box.toPlainText())

    # --- what follows from the form ------------------------------------------------------------

    def _show_stage(self) -> None:
        stage = ev.stage_of(self._editor.form())
        self.ui.stageCombo.setCurrentIndex(list(ev.Stage).index(stage))
        later = stage is not ev.Stage.TARGET
        for widget in (self.ui.executionGroup, self.ui.itemsView, self.ui.totalLabel):
            widget.setVisible(later)
        self.ui.summaryGroup.setVisible(stage is ev.Stage.EVALUATION)
        self.ui.stageHint.setText(
            "年中填写绩效运行监控表、年终填写绩效自评表时，在这里切换阶段：申报的指标和目标值会列在下面，"
            "只需填写实际完成情况，得分自动计算。" if not later else
            ("截至当期的完成值和全年能否完成；预计不能完成的请说明原因和措施。" if stage is ev.Stage.MONITOR else
             "逐项填写全年实际完成值，得分按规则方案自动计算（预算执行 + 各指标按权重）。"))
        for column, c in enumerate(self.model.columns):
            self.ui.itemsView.setColumnHidden(column, stage not in c.stages and bool(c.key))
        self.ui.asOfEdit.setPlaceholderText("全年" if stage is ev.Stage.EVALUATION else "如 2024-06")

    def _recompute(self) -> None:
        if not self._dirty:
            return
        self._dirty = False
        form = self._editor.form()
        stage = ev.stage_of(form)
        if stage is ev.Stage.TARGET:
            self.model.set_scores(None)
            return
        scoring = profile_for_form(form).scoring
        result = ev.score_form(form, scoring)
        self.model.set_scores(result)
        rate = "—" if result.rate is None else ev.printed_rate(result.rate)
        self.ui.rateLabel.setText(f"预算执行率：{rate}" + (
            f"　预算执行得分：{ev.printed_score(result.budget_score)} / {ev.printed_score(result.budget_points)}"
            if stage is ev.Stage.EVALUATION else ""))
        if stage is ev.Stage.EVALUATION:
            cap = f"（执行率封顶 {ev.printed_score(result.cap)} 分）" if result.cap is not None \
                and result.cap < result.uncapped else ""
            self.ui.totalLabel.setText(
                f"自评得分：{ev.printed_score(result.total)} 分{cap}　= 预算执行 {ev.printed_score(result.budget_score)}"
                f" + 绩效指标 {ev.printed_score(result.indicator_score)}；"
                f"未达满分的指标 {len(ev.missed(result))} 项")
        else:
            self.ui.totalLabel.setText("")
