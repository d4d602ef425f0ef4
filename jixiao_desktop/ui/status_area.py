"""The state of the open form around the editor: the 资金核对 and 已定稿 banners, and the
permanent part of the status bar (草稿/定稿指纹, the finding counts, 已保存 hh:mm:ss)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from jixiao_desktop.ui.editor.live_label import LiveLabel

if TYPE_CHECKING:
    from jixiao_desktop.ui.forms.ui_main_window import Ui_MainWindow


def local_time(at: datetime) -> datetime:
    return at.astimezone() if at.tzinfo is not None else at


class StatusArea:
    """The banners of ``ui`` and three labels added to its status bar; the window says what happened."""

    def __init__(self, ui: Ui_MainWindow) -> None:
        self._ui = ui
        ui.fundsBanner.hide()
        ui.finalBanner.hide()
        bar = ui.statusbar
        self.counts = LiveLabel(bar)  # rewritten after every check: no relayout of the window each time
        self.fingerprint = QLabel("", bar)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saved = QLabel("", bar)
        for label in (self.fingerprint, self.counts, self.saved):
            label.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(label)

    def show_saved(self, at: datetime) -> None:
        self.saved.setStyleSheet("")
        self.saved.setText(f"已保存 {local_time(at):%H:%M:%S}")
        self.saved.setToolTip("")

    def show_save_failed(self, message: str) -> None:
        self.saved.setStyleSheet("color: #b00020; font-weight: bold;")
        self.saved.setText("未能保存")
        self.saved.setToolTip(f"{message}\n内容仍在窗口中，会自动重试。")

    def show_form(self, *, is_open: bool, final: bool, fingerprint: str | None, funds_review: bool,
                  last_saved: datetime | None, save_failed: bool) -> None:
        """After the open form (or its state) changed."""
        fingerprint = fingerprint if is_open and final else None
        self._ui.fundsBanner.setVisible(is_open and funds_review and not final)
        self._ui.finalBanner.setVisible(is_open and final)
        if fingerprint:
            self._ui.finalBannerLabel.setText(f"本表已定稿（只读）。定稿指纹：{fingerprint}")
        self.fingerprint.setText(f"已定稿 · 定稿指纹 {fingerprint}" if fingerprint else ("草稿" if is_open else ""))
        if not is_open:
            self.saved.setText("")
            self.counts.setText("")
        elif last_saved is not None and not save_failed:
            self.show_saved(last_saved)
