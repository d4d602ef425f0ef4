"""Chinese everywhere, and the small dialogs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from jixiao_desktop import __version__
from jixiao_desktop.app import create_application
from jixiao_desktop.domain.model import Form, Layout
from jixiao_desktop.resources import FONT_FAMILY


def test_bundled_font_locale_and_qt_translations(qtbot: Any) -> None:
    create_application()
    assert QApplication.font().family() == FONT_FAMILY
    assert QLocale().language() == QLocale.Language.Chinese
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    texts = {box.button(QDialogButtonBox.StandardButton.Ok).text(),
             box.button(QDialogButtonBox.StandardButton.Cancel).text()}
    assert {t.replace("&", "").split("(")[0] for t in texts} == {"确定", "取消"}


def test_about_shows_the_version(qtbot: Any, tmp_path: Path) -> None:
    from jixiao_desktop.ui.dialogs.about import AboutDialog

    dialog = AboutDialog(tmp_path / "jixiao.db", None)
    qtbot.addWidget(dialog)
    assert __version__ in dialog.ui.versionLabel.text()
    assert "jixiao.db" in dialog.ui.detailsLabel.text()


def test_settings_dialog_accepts_only_a_percentage(qtbot: Any) -> None:
    from decimal import Decimal

    from jixiao_desktop.ui.dialogs.settings_dialog import SettingsDialog, parse_threshold

    assert parse_threshold("95%") == Decimal(95)
    assert parse_threshold(" 90分 ") == Decimal(90)
    assert parse_threshold("101") is None and parse_threshold("abc") is None
    dialog = SettingsDialog(Decimal(90), True, None)
    qtbot.addWidget(dialog)
    dialog.ui.satisfactionCombo.setCurrentText("abc")
    dialog.accept()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert dialog.ui.errorLabel.isVisibleTo(dialog)
    dialog.ui.satisfactionCombo.setCurrentText("95")
    dialog.accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert dialog.satisfaction_min() == Decimal(95)


def test_new_form_dialog_offers_the_three_layouts(qtbot: Any) -> None:
    from jixiao_desktop.ui.dialogs.new_form import NewFormDialog

    dialog = NewFormDialog([], 2022, None)
    qtbot.addWidget(dialog)
    combo = dialog.ui.layoutCombo
    # The Beijing 2021 profile prints the two-column table: its two layouts.
    assert dialog.ui.profileCombo.currentData() == "bj-2021"
    assert [combo.itemText(i) for i in range(combo.count())] == [Layout.STANDARD.label, Layout.NUMBERED.label]
    assert dialog.ui.departmentEdit.completer() is not None
    dialog.set_layout(Layout.TABULAR)  # the tabular layout comes with a tabular profile
    assert dialog.ui.profileCombo.currentData() == "tabular-generic"
    assert [combo.itemText(i) for i in range(combo.count())] == [Layout.TABULAR.label]
    assert "三级" in dialog.ui.layoutHint.text()


def test_a_version_is_shown_read_only(qtbot: Any, niujie: Form) -> None:
    from jixiao_desktop.ui.dialogs.history import SnapshotDialog

    dialog = SnapshotDialog("历史版本：2021-11-23", niujie, None)
    qtbot.addWidget(dialog)
    assert dialog.editor.is_read_only()
    assert dialog.editor.form().department == niujie.department


def test_a_required_reason_keeps_ok_disabled_until_typed(qtbot: Any) -> None:
    """取消定稿 asks for a reason: a blank answer cannot close the dialog (it used to, and the clerk
    had to start again)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QInputDialog

    from jixiao_desktop.ui import msgbox

    seen: list[bool] = []

    def answer() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog) and w.isVisible())
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        seen.append(ok.isEnabled())
        dialog.setTextValue("   ")
        seen.append(ok.isEnabled())
        dialog.setTextValue("资金来源填错")
        seen.append(ok.isEnabled())
        ok.click()

    QTimer.singleShot(0, answer)
    assert msgbox.ask_text(None, "取消定稿", "请填写原因：", required=True) == "资金来源填错"
    assert seen == [False, False, True]
