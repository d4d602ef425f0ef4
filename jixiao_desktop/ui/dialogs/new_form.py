"""新建表单: year, department (remembered), the rule profile (省份/地区) and the layout."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QDialog, QWidget

from jixiao_desktop.domain.model import TEMPLATE_BJ_2021, TEMPLATE_TABULAR, YEAR_MAX, YEAR_MIN, Layout
from jixiao_desktop.domain.profile_switch import layouts_for, profile_summary
from jixiao_desktop.domain.profiles import Profile, default_profile_id, get_profile, known_profiles
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
    profile_id: str = ""  # "" = the layout's default profile


class NewFormDialog(QDialog):
    """Asks for what ``domain.model.new_form`` needs."""

    def __init__(self, departments: list[str], year: int | None = None,
                 parent: QWidget | None = None, profile_id: str = "") -> None:
        super().__init__(parent)
        self.ui = Ui_NewFormDialog()
        self.ui.setupUi(self)
        self.ui.yearSpin.setRange(YEAR_MIN, YEAR_MAX)
        self.ui.yearSpin.setValue(year or date.today().year + 1)
        for profile in known_profiles():
            self.ui.profileCombo.addItem(profile_choice_label(profile), profile.id)
        at = self.ui.profileCombo.findData(profile_id or default_profile_id(TEMPLATE_BJ_2021))
        self.ui.profileCombo.setCurrentIndex(max(at, 0))
        self.ui.profileCombo.currentIndexChanged.connect(self._profile_changed)
        self.ui.layoutCombo.currentIndexChanged.connect(self._update_hint)
        self._profile_changed()
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

    def profile(self) -> Profile:
        return get_profile(str(self.ui.profileCombo.currentData()))

    def _profile_changed(self, *_: object) -> None:
        """The layouts offered follow the profile's printed table (its template)."""
        profile = self.profile()
        current = self.ui.layoutCombo.currentData()
        blocked = self.ui.layoutCombo.blockSignals(True)
        self.ui.layoutCombo.clear()
        for layout in layouts_for(profile):
            self.ui.layoutCombo.addItem(layout.label, layout)
        self.ui.layoutCombo.setCurrentIndex(max(self.ui.layoutCombo.findData(current), 0))
        self.ui.layoutCombo.blockSignals(blocked)
        self.ui.profileHint.setText(profile_summary(profile))
        self._update_hint()

    def layout(self) -> Layout:  # type: ignore[override]
        return Layout(self.ui.layoutCombo.currentData())

    def set_layout(self, layout: Layout) -> None:
        if self.ui.layoutCombo.findData(layout) < 0:  # a layout of another printed table: its default profile
            self.set_profile(default_profile_id(TEMPLATE_TABULAR if layout is Layout.TABULAR else TEMPLATE_BJ_2021))
        self.ui.layoutCombo.setCurrentIndex(self.ui.layoutCombo.findData(layout))

    def set_profile(self, profile_id: str) -> None:
        self.ui.profileCombo.setCurrentIndex(self.ui.profileCombo.findData(profile_id))

    def request(self) -> NewFormRequest:
        return NewFormRequest(self.layout(), self.ui.yearSpin.value(),
                              self.ui.departmentEdit.text().strip(), self.profile().id)

    def accept(self) -> None:
        if not self.ui.departmentEdit.text().strip():
            self.ui.errorLabel.setText("请填写部门（单位）名称。")
            self.ui.errorLabel.show()
            self.ui.departmentEdit.setFocus()
            return
        super().accept()


def profile_choice_label(profile: Profile) -> str:
    """How a profile is offered: 四川省（sc） · 财政局下发 for one imported from a file."""
    own = "" if profile.origin == "内置" else " · 财政局下发"
    return f"{profile.label}{own}"
