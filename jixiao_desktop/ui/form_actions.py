"""The form actions of the list: 新建, 从上年复制, 导入, 删除, 撤销删除 and the 回收站.

``FormActions`` holds no state: the window hands in how to reach the repository and the
open session (both exist only after start-up), the settings, and what to do afterwards
(open a form, refresh the list, show the list, forget the editor, show a status line).
Only expected failures (``ui.errors.KNOWN``) are caught here; a bug reaches the error hook.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QWidget

from jixiao_desktop.domain.titles import form_name
from jixiao_desktop.ui import msgbox
from jixiao_desktop.ui.errors import KNOWN, describe, show_known
from jixiao_desktop.ui.settings import Settings

if TYPE_CHECKING:
    from jixiao_desktop.storage.repository import FormRepository, FormSummary
    from jixiao_desktop.ui.dialogs.new_form import NewFormRequest
    from jixiao_desktop.ui.form_list import FormListPage
    from jixiao_desktop.ui.session import FormSession


def summary_name(summary: FormSummary | None) -> str:
    return form_name(summary.year, summary.department) if summary is not None else "该表单"


class FileImporter(Protocol):
    """The window's 导入 (``ui.dialogs.import_flow.ImportFlow``): a file in, the id opened."""

    def import_path(self, path: Path) -> int | None: ...


@dataclass(frozen=True)
class FormActionHooks:
    """What the window does after a form action (all take effect on the window's widgets)."""

    open_form: Callable[[int], bool]
    refresh_list: Callable[[int | None], None]
    show_list: Callable[[], None]
    clear_editor: Callable[[], None]
    status: Callable[[str], None]
    list_failed: Callable[[BaseException], None] | None = None  # a damaged file is said in a dialog (issue 7)


class FormActions:
    """New, copy, import, delete and the recycle bin for the window ``parent``."""

    def __init__(self, parent: QWidget, repo: Callable[[], FormRepository | None],
                 session: Callable[[], FormSession | None], settings: Settings, form_list: FormListPage,
                 hooks: FormActionHooks) -> None:
        self._parent = parent
        self._repo = repo
        self._session = session
        self._settings = settings
        self._form_list = form_list
        self._hooks = hooks
        self.import_flow: FileImporter | None = None  # set by the window (ui.dialogs.import_flow)

    # --- reading the list ----------------------------------------------------------------

    def summaries(self) -> list[FormSummary]:
        repo = self._repo()
        if repo is None:
            return []
        try:
            return repo.list_forms()
        except KNOWN as exc:
            if self._hooks.list_failed is not None:
                self._hooks.list_failed(exc)
            else:
                self._hooks.status(f"无法读取表单列表：{describe(exc)}")
            return []

    def existing(self, year: int | None, department: str, *, exclude: int | None = None) -> FormSummary | None:
        """A stored form (not in the recycle bin) of the same unit and year."""
        from jixiao_desktop.domain.units import same_unit

        return next((s for s in self.summaries()
                     if s.id != exclude and s.year == year and same_unit(s.department, department)), None)

    def ask_existing(self, title: str, year: int | None, department: str, *, verb: str = "新建") -> bool:
        """True to go on making another form; False when the clerk opened the existing one or cancelled.

        Asked before 新建, 从上年复制 and 导入 (an import once made a silent duplicate).
        """
        existing = self.existing(year, department)
        if existing is None:
            return True
        name = form_name(existing.year, existing.department)
        answer = msgbox.choose(self._parent, title, f"已经有一张“{name}”的表单。",
                               ["打开已有的表单", f"仍然{verb}一张"],
                               f"同一单位同一年度通常只需要一张表单；{verb}会得到两张同一单位同一年度的表单。")
        if answer == 0:
            self._hooks.open_form(existing.id)
        return answer == 1

    # --- new / copy / import --------------------------------------------------------------

    def new_form(self) -> int | None:
        from jixiao_desktop.ui.dialogs.new_form import NewFormDialog

        if self._repo() is None:
            return None
        session = self._session()
        form = session.form if session is not None else None
        year = form.year + 1 if form is not None and form.year else None
        dialog = NewFormDialog(self._settings.departments(), year, self._parent,
                               profile_id=self._settings.default_profile_id())
        if dialog.exec() != NewFormDialog.DialogCode.Accepted:
            return None
        return self.create_form(dialog.request())

    def create_form(self, request: NewFormRequest) -> int | None:
        """Store a blank form for a ``NewFormRequest`` and open it (asks first if one exists)."""
        from jixiao_desktop.domain.model import TEMPLATE_BJ_2021, TEMPLATE_TABULAR, Layout
        from jixiao_desktop.domain.profile_switch import new_form_for
        from jixiao_desktop.domain.profiles import default_profile_id, get_profile

        repo = self._repo()
        assert repo is not None
        layout, year, department = request.layout, request.year, request.department
        if not self.ask_existing("新建表单", year, department):
            return None
        try:  # ProfileError is a KnownError: an unknown id is said, nothing stored
            template = TEMPLATE_TABULAR if layout is Layout.TABULAR else TEMPLATE_BJ_2021
            profile = get_profile(request.profile_id or default_profile_id(template))
            form = new_form_for(profile, layout, year, department)
            form_id = repo.create(form, note=f"新建（{layout.label}，{profile.label}）")
        except KNOWN as exc:
            show_known(self._parent, "无法新建表单", exc)
            return None
        self._settings.remember_department(department)
        self._hooks.refresh_list(form_id)
        self._hooks.open_form(form_id)
        return form_id

    def copy_from_last_year(self, form_id: int | None) -> int | None:
        """继承上年: a next-year draft of ``form_id``, opened at once."""
        repo = self._repo()
        if repo is None:
            return None
        if form_id is None:
            msgbox.info(self._parent, "从上年复制", "请先在表单列表中选中上一年度的表单。")
            return None
        session = self._session()
        if session is not None and not session.save():
            return None
        source = next((s for s in self.summaries() if s.id == form_id), None)
        if source is not None:
            next_year = source.year + 1 if source.year else None
            if not self.ask_existing("从上年复制", next_year, source.department):
                return None
        try:
            new_id = repo.copy_to_next_year(form_id)
        except KNOWN as exc:
            show_known(self._parent, "无法复制", exc)
            return None
        self._hooks.refresh_list(new_id)
        self._hooks.open_form(new_id)
        self._hooks.status(f"已按“{summary_name(source)}”新建下一年度草稿：请核对资金数额，"
                           "并修改仍写着上年年份的文字。")
        return new_id

    def import_file(self, path: Path | None = None) -> int | None:
        """导入: any form file the app reads, through the 导入预览 (``ui.dialogs.import_flow``)."""
        from jixiao_desktop.formfiles import import_filters

        if self._repo() is None or self.import_flow is None:
            return None
        if path is None:
            path = msgbox.ask_open_path(self._parent, "导入表单", self._settings.last_directory(), import_filters())
            if path is None:
                return None
        return self.import_flow.import_path(path)

    # --- delete / recycle bin -------------------------------------------------------------

    def delete_form(self, form_id: int | None) -> bool:
        repo = self._repo()
        if repo is None or form_id is None:
            return False
        name = summary_name(next((s for s in self.summaries() if s.id == form_id), None))
        if not msgbox.confirm(self._parent, "删除表单", f"将“{name}”移到回收站？", "可以在“回收站”中恢复。"):
            return False
        session = self._session()
        if session is not None and session.form_id == form_id:
            if not session.close():
                msgbox.error(self._parent, "无法删除", f"“{name}”没有保存成功：{session.last_error}")
                return False
            self._hooks.clear_editor()
        try:
            repo.delete(form_id)
        except KNOWN as exc:
            show_known(self._parent, "无法删除", exc)
            return False
        if self._settings.last_form_id() == form_id:
            self._settings.set_last_form_id(None)
        self._hooks.show_list()
        self._form_list.show_deleted_notice(form_id, name)
        return True

    def undo_delete(self, form_id: int) -> None:
        repo = self._repo()
        if repo is None:
            return
        try:
            repo.restore_deleted(form_id)
        except KNOWN as exc:
            show_known(self._parent, "无法恢复", exc)
            return
        self._hooks.refresh_list(form_id)

    def show_recycle_bin(self) -> None:
        from jixiao_desktop.ui.dialogs.recycle_bin import RecycleBinDialog

        repo = self._repo()
        if repo is None:
            return
        dialog = RecycleBinDialog(repo, self._parent)
        dialog.restored.connect(self._hooks.refresh_list)
        dialog.exec()
        self._form_list.hide_deleted_notice()
        self._hooks.refresh_list(None)
