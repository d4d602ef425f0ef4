"""设置: thresholds that bureaus set differently."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QDialog, QWidget

from jixiao_desktop.domain.findings import ThresholdError, parse_satisfaction_min
from jixiao_desktop.ui.forms.ui_settings_dialog import Ui_SettingsDialog
from jixiao_desktop.ui.settings import SATISFACTION_CHOICES


def parse_threshold(text: str) -> Decimal | None:
    """``95``, ``95%``, ``95分`` → 95; None when not a threshold (``domain.findings`` decides)."""
    try:
        return parse_satisfaction_min(text)
    except ThresholdError:
        return None


class SettingsDialog(QDialog):
    def __init__(self, satisfaction_min: Decimal, show_acknowledged: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        for choice in SATISFACTION_CHOICES:
            self.ui.satisfactionCombo.addItem(str(choice))
        self.ui.satisfactionCombo.setCurrentText(str(satisfaction_min))
        self.ui.showAcknowledgedCheck.setChecked(show_acknowledged)
        self.ui.buttonBox.accepted.connect(self.accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.errorLabel.hide()

    def satisfaction_min(self) -> Decimal | None:
        return parse_threshold(self.ui.satisfactionCombo.currentText())

    def show_acknowledged(self) -> bool:
        return self.ui.showAcknowledgedCheck.isChecked()

    def accept(self) -> None:
        if self.satisfaction_min() is None:
            self.ui.errorLabel.setText("满意度最低值应为 0 到 100 之间的数字，例如 90 或 95。")
            self.ui.errorLabel.show()
            return
        super().accept()


def ask_settings(satisfaction_min: Decimal, show_acknowledged: bool,
                 parent: QWidget | None = None) -> tuple[Decimal, bool] | None:
    """The thresholds the clerk chose (threshold, show acknowledged), None when cancelled."""
    dialog = SettingsDialog(satisfaction_min, show_acknowledged, parent)
    if dialog.exec() != SettingsDialog.DialogCode.Accepted:
        return None
    value = dialog.satisfaction_min()
    assert value is not None
    return value, dialog.show_acknowledged()
