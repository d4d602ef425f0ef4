"""新建表单: year, department (remembered) and layout."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QDialog, QWidget

from jixiao_desktop.domain.model import YEAR_MAX, YEAR_MIN, Layout
from jixiao_desktop.ui.forms.ui_new_form_dialog import Ui_NewFormDialog

LAYOUT_HINTS = {
    Layout.STANDARD: "九行固定的指标名称（产出数量、质量、进度、成本，效果四项，满意度），如金融街表。",
    Layout.NUMBERED: "自行分项：产出指标一、产出指标二……，如牛街表。",
    Layout.TABULAR: "一级/二级/三级指标，每项有指标性质、运算符、指标值、计量单位和权重。",
}


@dataclass(frozen=True)
class NewFormRequest:
    layout: Layout
    year: int
    department: str


class NewFormDialog(QDialog):
    """Asks for what ``domain.model.new_form`` needs."""

    def __init__(self, departments: list[str], year: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_NewFormDialog()
        self.ui.setupUi(self)
        self.ui.yearSpin.setRange(YEAR_MIN, YEAR_MAX)
        self.ui.yearSpin.setValue(year or date.today().year + 1)
        for layout in Layout:
            self.ui.layoutCombo.addItem(layout.label, layout)
        self.ui.layoutCombo.currentIndexChanged.connect(self._update_hint)
        completer = QCompleter(departments, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.ui.departmentEdit.setCompleter(completer)
        if departments:
            self.ui.departmentEdit.setText(departments[0])
            self.ui.departmentEdit.selectAll()
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.errorLabel.hide()
        self._update_hint()

    def _update_hint(self, *_: object) -> None:
        self.ui.layoutHint.setText(LAYOUT_HINTS[self.layout()])

    def layout(self) -> Layout:  # type: ignore[override]
        return Layout(self.ui.layoutCombo.currentData())

    def set_layout(self, layout: Layout) -> None:
        self.ui.layoutCombo.setCurrentIndex(self.ui.layoutCombo.findData(layout))

    def request(self) -> NewFormRequest:
        return NewFormRequest(self.layout(), self.ui.yearSpin.value(),
                              self.ui.departmentEdit.text().strip())

    def accept(self) -> None:
        if not self.ui.departmentEdit.text().strip():
            self.ui.errorLabel.setText("请填写部门（单位）名称。")
            self.ui.errorLabel.show()
            self.ui.departmentEdit.setFocus()
            return
        super().accept()
