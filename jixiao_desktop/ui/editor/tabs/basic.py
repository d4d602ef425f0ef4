"""The 基本信息与资金 tab: 部门名称, 年度, the three amounts and the optional 资金来源."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCompleter,
    QHeaderView,
    QLineEdit,
    QWidget,
)

from jixiao_desktop.domain import editing
from jixiao_desktop.domain.fields import FieldPath
from jixiao_desktop.domain.model import TEMPLATES, Form
from jixiao_desktop.ui.editor.delegates import ChoiceDelegate
from jixiao_desktop.ui.editor.marks import Mark
from jixiao_desktop.ui.editor.models import SourcesModel
from jixiao_desktop.ui.editor.tabs.base import EDIT_TRIGGERS, EditorPort, EditorTab, select_row
from jixiao_desktop.ui.editor.widgets import (
    mark_widget,
    select_span,
    set_hint,
    set_line_text,
)
from jixiao_desktop.ui.forms.ui_editor_basic_tab import Ui_BasicTab


class BasicTab(EditorTab):
    """部门名称, 年度, the three amounts with their sum line, and the optional 资金来源 block."""

    AMOUNT_PATHS = ("funds.total", "funds.basic", "funds.project")

    def __init__(self, editor: EditorPort) -> None:
        super().__init__(editor)
        self.ui = Ui_BasicTab()
        self.ui.setupUi(self)
        ui = self.ui
        self._amount_edits: dict[str, QLineEdit] = {
            "funds.total": ui.totalEdit, "funds.basic": ui.basicEdit, "funds.project": ui.projectEdit}
        self._amount_hints = {"funds.total": ui.totalHint, "funds.basic": ui.basicHint,
                              "funds.project": ui.projectHint}
        for edit in self._amount_edits.values():
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)  # as in Excel/WPS
        self._marks: dict[str, Mark] = {}

        self._completer_model = QStringListModel(self)
        completer = QCompleter(self._completer_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        ui.departmentEdit.setCompleter(completer)
        completer.activated.connect(lambda text: editor.edit_text("department", text))

        ui.departmentEdit.textEdited.connect(lambda text: editor.edit_text("department", text))
        ui.yearSpin.valueChanged.connect(self._year_changed)
        for path, edit in self._amount_edits.items():
            edit.textEdited.connect(lambda text, path=path: editor.edit_text(path, text))
            edit.editingFinished.connect(lambda path=path, edit=edit: self._amount_finished(path, edit))
        ui.fixTotalButton.clicked.connect(self._fix_total)

        self._derived_from: tuple[object, ...] | None = None  # what the derived lines were computed from
        self.sources_model = SourcesModel(apply=editor.model_apply, parent=self)
        ui.sourcesView.setModel(self.sources_model)
        ui.sourcesView.setItemDelegate(ChoiceDelegate(ui.sourcesView))
        header = ui.sourcesView.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        ui.sourcesView.verticalHeader().setVisible(False)
        ui.sourcesCheck.clicked.connect(editor.set_sources_enabled)
        ui.addSourceButton.clicked.connect(editor.add_source)
        ui.removeSourceButton.clicked.connect(self._remove_source)

    # editor interface

    def load(self, form: Form) -> None:
        ui = self.ui
        set_line_text(ui.departmentEdit, form.department)
        ui.yearSpin.setValue(form.year if form.year is not None else ui.yearSpin.minimum())
        for path, edit in self._amount_edits.items():
            set_line_text(edit, getattr(form.funds, path.split(".")[1]))
            edit.setModified(False)
        self.sources_model.set_form(form)
        self.update_derived()

    def refresh(self, path: str) -> None:
        form = self._editor.form()
        if path == "department":
            set_line_text(self.ui.departmentEdit, form.department)
        elif path == "year":
            value = form.year if form.year is not None else self.ui.yearSpin.minimum()
            if self.ui.yearSpin.value() != value:
                self.ui.yearSpin.setValue(value)
        elif path in self._amount_edits:
            set_line_text(self._amount_edits[path], getattr(form.funds, path.split(".")[1]))
        elif path.startswith("funds.sources"):
            self.sources_model.notify_path(path)

    def reload_sources(self) -> None:
        self.sources_model.rebuild()
        self.update_derived()

    def update_derived(self) -> None:
        form = self._editor.form()
        funds = form.funds
        self.ui.sourcesCheck.setChecked(funds.sources is not None)
        self.ui.sourcesPanel.setVisible(funds.sources is not None)
        # Every keystroke anywhere calls this; the lines below read only these values.
        key = (form.template, self._editor.layout_kind(), self._editor.is_read_only(), funds.total, funds.basic,
               funds.project, funds.unit,
               None if funds.sources is None else tuple((s.name, s.amount) for s in funds.sources))
        if key == self._derived_from:
            return
        self._derived_from = key
        ui = self.ui
        template = TEMPLATES.get(form.template, form.template or "—")
        layout = self._editor.layout_kind()
        ui.templateLabel.setText(f"{template}；{layout.label}")
        ui.profileLabel.setText(profile_line(form))
        ui.fundsGroup.setTitle(f"部门（单位）总体资金情况（单位：{form.funds.unit or '万元'}）")
        self.sources_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 1, 1)  # 金额（元）
        for path, label in self._amount_hints.items():
            hint = editing.amount_hint(getattr(form.funds, path.split(".")[1]))
            set_hint(label, hint.kind, hint.message)
        self._update_sum(form)
        self._update_sources(form)

    def _update_sum(self, form: Form) -> None:
        ui = self.ui
        unit = form.funds.unit or "万元"
        result = editing.funds_sum(form.funds)
        if result.sum_text is None:
            text = f"基本支出 + 项目支出 = —（{'、'.join(result.missing)}未填写或无法识别）"
            set_hint(ui.sumLabel, "info", text)
        elif result.mismatch:
            text = (f"基本支出 + 项目支出 = {result.sum_text} {unit}，与资金总额 {result.total_text} {unit}"
                    f"不一致，相差 {result.difference} {unit}")
            set_hint(ui.sumLabel, "error", text)
        elif result.total_text is None:
            set_hint(ui.sumLabel, "info", f"基本支出 + 项目支出 = {result.sum_text} {unit}（资金总额未填写或无法识别）")
        else:
            set_hint(ui.sumLabel, "ok", f"基本支出 + 项目支出 = {result.sum_text} {unit}，与资金总额一致")
        show_fix = result.can_fix_total and not self._editor.is_read_only()
        ui.fixTotalButton.setVisible(show_fix)
        if result.sum_text is not None:
            ui.fixTotalButton.setText(f"将资金总额改为 {result.sum_text}")

    def _update_sources(self, form: Form) -> None:
        ui = self.ui
        unit = form.funds.unit or "万元"
        result = editing.sources_sum(form.funds)
        if result is None:
            set_hint(ui.sourcesSumLabel, "", "")
        elif result.sum_text is None and not result.bad_rows:
            set_hint(ui.sourcesSumLabel, "", "资金来源合计：—（尚未填写金额）")
        elif result.sum_text is None:
            rows = "、".join(f"第{row}行" for row in result.bad_rows)
            set_hint(ui.sourcesSumLabel, "error", f"资金来源合计：—（{rows}金额无法识别）")
        elif result.mismatch:
            set_hint(ui.sourcesSumLabel, "error",
                     f"资金来源合计：{result.sum_text} {unit}，与资金总额 {result.total_text or '—'} {unit}不一致")
        else:
            set_hint(ui.sourcesSumLabel, "ok", f"资金来源合计：{result.sum_text} {unit}，与资金总额一致")

    def set_read_only(self, read_only: bool) -> None:
        ui = self.ui
        ui.departmentEdit.setReadOnly(read_only)
        ui.yearSpin.setReadOnly(read_only)
        ui.yearSpin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons if read_only
                                     else QAbstractSpinBox.ButtonSymbols.UpDownArrows)
        for edit in self._amount_edits.values():
            edit.setReadOnly(read_only)
        ui.sourcesCheck.setEnabled(not read_only)
        ui.profileButton.setVisible(not read_only)
        ui.addSourceButton.setVisible(not read_only)
        ui.removeSourceButton.setVisible(not read_only)
        self.sources_model.set_read_only(read_only)
        ui.sourcesView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers if read_only
                                       else EDIT_TRIGGERS)
        self.update_derived()

    def set_marks(self, marks: dict[str, Mark]) -> None:
        self._marks = marks
        mark_widget(self.ui.departmentEdit, marks.get("department"))
        mark_widget(self.ui.yearSpin, marks.get("year"))
        for path, edit in self._amount_edits.items():
            mark_widget(edit, marks.get(path))
        self.sources_model.set_marks({p: m for p, m in marks.items() if p.startswith("funds.sources")})

    def owns(self, path: FieldPath) -> bool:
        return path.section in ("header", "funds")

    def focus_path(self, path: FieldPath, span: tuple[int, int] | None) -> bool:
        form = self._editor.form()
        ui = self.ui
        if path.section == "header":
            if path.attr == "department":
                ui.departmentEdit.setFocus()
                select_span(ui.departmentEdit, form.department, span)
            elif path.attr == "year":
                ui.yearSpin.setFocus()
                ui.yearSpin.selectAll()
            else:
                ui.templateLabel.setFocus()
            return True
        if path.source is not None:
            sources = form.funds.sources or []
            if path.source >= len(sources):
                return False
            select_row(ui.sourcesView, path.source, 0 if path.attr == "name" else 1)
            ui.sourcesView.setFocus()
            return True
        edit = self._amount_edits.get(path.path)
        if edit is None:
            return False
        edit.setFocus()
        if span is None:
            edit.selectAll()
        else:
            select_span(edit, edit.text(), span)
        return True

    def text_widgets(self) -> list[QWidget]:
        return [self.ui.departmentEdit, self.ui.yearSpin, *self._amount_edits.values()]

    def set_department_suggestions(self, names: list[str]) -> None:
        self._completer_model.setStringList(names)

    def department_completer(self) -> QCompleter:
        return self.ui.departmentEdit.completer()

    # slots

    def _year_changed(self, value: int) -> None:
        text = "" if value == self.ui.yearSpin.minimum() else str(value)
        self._editor.edit_text("year", text)

    def _amount_finished(self, path: str, edit: QLineEdit) -> None:
        # Only what the clerk just typed is tidied; opening a form never rewrites it.
        if edit.isModified():
            edit.setModified(False)
            self._editor.canonicalise_amount(path)

    def _fix_total(self) -> None:
        result = editing.funds_sum(self._editor.form().funds)
        if result.sum_text is not None:
            self._editor.set_text("funds.total", result.sum_text, f"将资金总额改为 {result.sum_text}")

    def _remove_source(self) -> None:
        index = self.ui.sourcesView.currentIndex()
        count = self.sources_model.rowCount()
        if count:
            self._editor.remove_source(index.row() if index.isValid() else count - 1)


def profile_line(form: Form) -> str:
    """The form's rule profile as the clerk reads it: ``四川省（sc）``, or the missing one named."""
    from jixiao_desktop.domain.profiles import missing_profile, profile_for_form

    missing = missing_profile(form)
    if missing is not None:
        return f"“{missing.id}”（本机没有此方案，暂按{profile_for_form(form).label}检查）"
    return profile_for_form(form).label
