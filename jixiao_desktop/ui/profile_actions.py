"""Rule profiles (规则方案) in the window: 文件 → 导入规则方案…, 表单 → 规则方案…, and the
question asked once at the first start, 您所在的省份/地区 (the profile 新建 offers first).

``install(window)`` wires them (as ``bureau.hooks`` does). The work is Qt-free: a profile file
is read by ``domain.profiles.load_profile_file``, kept by ``storage.profiles.ProfileStore``,
and a switch is planned by ``domain.profile_switch.plan_switch`` and pushed on the editor's
undo stack as one step (``editor.commands.push_profile_switch``); the checks run at once.
A bad file or an unknown id: a Chinese message naming the file and the field, nothing stored,
the form keeps its profile.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jixiao_desktop.ui import msgbox
from jixiao_desktop.ui.errors import KNOWN, show_known

if TYPE_CHECKING:
    from jixiao_desktop.domain.profiles import Profile
    from jixiao_desktop.ui.window_port import WindowPort

PROFILE_FILTER = "规则方案文件 (*.profile.json *.json);;所有文件 (*)"
ASK_TEXT = "您所在的省份/地区："
ASK_HINT = "决定新建表单的表格列、金额单位、权重合计和检查规则；以后可在“表单 → 规则方案…”中为每张表单更改。"


def compatible_profiles(template: str) -> list[Profile]:
    """The profiles a form of this template can switch to (the same printed table)."""
    from jixiao_desktop.domain.profiles import known_profiles

    return [p for p in known_profiles() if p.template == template]


class RegionBar(QFrame):
    """The first-start question, inside the window (never a dialog in the clerk's way)."""

    def __init__(self, profiles: list[Profile], current: str, parent: QWidget | None = None) -> None:
        from jixiao_desktop.ui.dialogs.new_form import profile_choice_label

        super().__init__(parent)
        self.setObjectName("regionBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#regionBar { background: #eef5ff; border: 1px solid #9cbbe6; }")
        label = QLabel(ASK_TEXT, self)
        self.combo = QComboBox(self)
        for profile in profiles:
            self.combo.addItem(profile_choice_label(profile), profile.id)
        self.combo.setCurrentIndex(max(self.combo.findData(current), 0))
        self.combo.setToolTip(ASK_HINT)
        # Long names never widen the window beyond a small screen (800 px wide at the least).
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(12)
        self.ok_button = QPushButton("确定", self)
        self.later_button = QPushButton("以后再说", self)
        hint = QLabel(ASK_HINT, self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.combo, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(self.ok_button)
        bottom.addWidget(self.later_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(bottom)


class ProfileActions(QObject):
    """Import a profile file, switch the open form's profile, ask the clerk's region once."""

    def __init__(self, window: WindowPort) -> None:
        super().__init__(window.window())
        self._window = window
        self.region_bar: RegionBar | None = None
        self._wired: object | None = None

    # --- 您所在的省份/地区 -------------------------------------------------------------------

    def ask_region_if_needed(self) -> None:
        settings = self._window.settings
        if settings.region_asked() or self.region_bar is not None:
            return
        from jixiao_desktop.domain.profiles import known_profiles

        bar = RegionBar(list(known_profiles()), settings.default_profile_id(), self._window.ui.startPage)
        self._window.ui.startLayout.insertWidget(0, bar)
        bar.show()
        bar.ok_button.clicked.connect(lambda: self.set_region(str(bar.combo.currentData())))
        bar.later_button.clicked.connect(self._close_region_bar)
        self.region_bar = bar

    def set_region(self, profile_id: str) -> None:
        """The clerk's answer: the profile 新建 offers first from now on."""
        from jixiao_desktop.domain.profiles import get_profile

        try:
            profile = get_profile(profile_id)
        except KNOWN as exc:
            show_known(self._window.window(), "选择省份/地区", exc)
            return
        self._window.settings.set_default_profile_id(profile.id)
        self._close_region_bar()
        self._window.show_status(f"新建表单将按“{profile.label}”的规则（可在新建时更改）。")

    def _close_region_bar(self) -> None:
        self._window.settings.set_region_asked()
        if self.region_bar is not None:
            self.region_bar.hide()
            self.region_bar.deleteLater()
            self.region_bar = None

    def wire_editor(self) -> None:
        """The 基本信息 tab's 规则方案 … 更改… button (the editor is built with the first form)."""
        editor = self._window.editor
        if editor is not None and editor is not self._wired:
            editor.basic_tab.ui.profileButton.clicked.connect(self.choose_profile)
            self._wired = editor

    # --- 导入规则方案… -------------------------------------------------------------------------

    def import_profile_file(self, path: Path | None = None) -> Profile | None:
        """Read, check and keep a profile file; a bad one is refused in Chinese, nothing stored."""
        from jixiao_desktop.domain.profiles import load_profile_file, register_profile
        from jixiao_desktop.storage.profiles import ProfileStore

        window = self._window
        repo = window.repo
        if repo is None:
            return None
        if path is None:
            path = msgbox.ask_open_path(window.window(), "导入规则方案", window.settings.last_directory(), PROFILE_FILTER)
            if path is None:
                return None
        try:
            profile = load_profile_file(path)
            added = ProfileStore(repo).add(profile, source=Path(path).name)
            register_profile(profile)
        except KNOWN as exc:
            show_known(window.window(), "无法导入规则方案", exc, "没有导入任何内容，表单仍按原来的规则方案检查。")
            return None
        window.settings.set_last_directory(str(Path(path).parent))
        refresh_if_named(window, profile.id)  # a form that named it while it was unknown
        window.show_status(f"已导入规则方案“{profile.label}”" if added else f"规则方案“{profile.label}”已导入过")
        session = window.session
        form = session.form if session is not None and session.is_open else None
        if (form is not None and not session.is_final and profile.template == form.template  # type: ignore[union-attr]
                and (form.profile is None or form.profile.id != profile.id)):
            answer = msgbox.choose(window.window(), "导入规则方案", f"当前表单是否改按“{profile.label}”填报和检查？",
                                   ["改用此方案", "不改"])
            if answer == 0:
                self.switch_form_profile(profile.id)
        return profile

    # --- 表单 → 规则方案… --------------------------------------------------------------------------

    def choose_profile(self) -> None:
        """Ask which profile the open form follows (profiles of its printed table only)."""
        from jixiao_desktop.domain.profiles import profile_for_form
        from jixiao_desktop.ui.dialogs.new_form import profile_choice_label

        editor = self._window.editor
        if editor is None or self._window.session is None or not self._window.session.is_open:
            return
        form = editor.form()
        choices = compatible_profiles(form.template)
        labels = [profile_choice_label(p) for p in choices]
        current = profile_for_form(form)
        at = next((k for k, p in enumerate(choices) if p.id == current.id), 0)
        label, ok = QInputDialog.getItem(
            self._window.window(), "规则方案", "本表按哪个省份/地区的规则填报和检查：\n"
            "（只列出与本表格式相同的方案；其他格式的方案请在新建表单时选择）", labels, at, False)
        if ok and label in labels:
            self.switch_form_profile(choices[labels.index(label)].id)

    def switch_form_profile(self, profile_id: str) -> bool:
        """Switch the open form to ``profile_id`` as one undo step; the checks run at once."""
        from jixiao_desktop.domain.profile_switch import plan_switch
        from jixiao_desktop.domain.profiles import get_profile
        from jixiao_desktop.ui.editor.commands import push_profile_switch

        window = self._window
        editor = window.editor
        if editor is None or editor.is_read_only():
            return False
        form = editor.form()
        try:
            profile = get_profile(profile_id)
        except KNOWN as exc:
            show_known(window.window(), "无法更改规则方案", exc, "表单仍按原来的规则方案检查。")
            return False
        if profile.template != form.template:
            msgbox.warning(window.window(), "无法更改规则方案",
                           f"“{profile.label}”的表格格式与本表不同，请新建表单并选择此方案。")
            return False
        old_unit = form.funds.unit or "万元"
        plan = plan_switch(form, profile)
        push_profile_switch(editor, form, plan, profile.label)
        window.checker.run_now()
        window.show_status(f"本表改按“{profile.label}”的规则检查。{plan.summary(old_unit)}")
        return True


def import_review_profile(window: WindowPort, path: Path) -> str:
    """Keep the bureau's rule profile a review file carries; the words for the status line."""
    from jixiao_desktop.domain.profiles import register_profile
    from jixiao_desktop.domain.profiles.carry import profile_in_review
    from jixiao_desktop.storage.profiles import ProfileStore

    try:
        profile = profile_in_review(path.read_bytes(), path.name)
        if profile is None or window.repo is None:
            return ""
        ProfileStore(window.repo).add(profile, source=path.name)
        register_profile(profile)
    except KNOWN as exc:
        return f"；随附的规则方案未能导入：{exc}"
    refresh_if_named(window, profile.id)
    return f"，并导入财政局的规则方案“{profile.label}”"


def refresh_if_named(window: WindowPort, profile_id: str) -> None:
    """The open form names ``profile_id``, which was just made known: show its columns, check again."""
    editor = window.editor
    if editor is None or window.session is None or not window.session.is_open:
        return
    ref = editor.form().profile
    if ref is not None and ref.id == profile_id:
        editor.set_form(editor.form(), editor.is_read_only())
        window.checker.run_now()


def install(window: WindowPort) -> ProfileActions:
    actions = ProfileActions(window)
    window.ui.actionImportProfile.triggered.connect(lambda: actions.import_profile_file())
    window.ui.actionChooseProfile.triggered.connect(actions.choose_profile)
    window.ready.connect(actions.ask_region_if_needed)
    window.form_opened.connect(lambda _form_id: actions.wire_editor())
    return actions
