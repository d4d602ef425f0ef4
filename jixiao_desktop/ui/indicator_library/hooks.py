"""What the indicator library adds to the clerk's main window, in one place (the window only
calls ``install``): 指标库… in the 表单 menu (the library page), the editor's suggestions, 推荐
and 纳入指标库 (``assist.py``), and the ``library.contradiction`` hint among the findings with
its one-click fix."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from jixiao_desktop.ui.errors import KNOWN, show_known

# Nothing of the checks engine or storage at import: the window paints before they load.
if TYPE_CHECKING:
    from jixiao_desktop.domain.findings import Finding
    from jixiao_desktop.domain.fixes import Fix
    from jixiao_desktop.domain.model import Form
    from jixiao_desktop.ui.indicator_library.assist import EditorAssist
    from jixiao_desktop.ui.window_port import WindowPort
    from jixiao_desktop.usecases.indicator_library import IndicatorLibrary


def unit_sector(department: str) -> str:
    """The 行业 the unit's name tells (what ranks entries of that sector first)."""
    for word, sector in (("街道", "街道"), ("乡", "乡镇"), ("镇", "乡镇"), ("学", "教育"), ("医院", "卫生"),
                         ("卫生", "卫生"), ("城市管理", "城市管理"), ("民政", "民政"), ("水利", "水利"), ("林业", "林业")):
        if word in department:
            return sector
    return ""


class LibraryHooks:
    """The window's library: one use case per open database, one assist per editor."""

    def __init__(self, window: WindowPort) -> None:
        self.window = window
        self._library: IndicatorLibrary | None = None
        self._repo: object | None = None
        self.assist: EditorAssist | None = None

    def library(self) -> IndicatorLibrary | None:
        repo = self.window.repo
        if repo is None:
            return None
        if self._library is None or self._repo is not repo:
            from jixiao_desktop.usecases.indicator_library import (
                IndicatorLibrary,  # storage loads after paint
            )

            self._library, self._repo = IndicatorLibrary(repo), repo
        return self._library

    def _form_id(self) -> int | None:
        session = self.window.session
        return session.form_id if session is not None else None

    def form_opened(self, _form_id: int) -> None:
        editor = self.window.editor
        if editor is None:
            return
        if self.assist is None or self.assist.editor is not editor:
            from jixiao_desktop.ui.indicator_library.assist import EditorAssist

            self.assist = EditorAssist(editor, self.library, self._form_id,
                                       lambda: unit_sector(editor.form().department))
        else:
            self.assist.install()  # a tab of another layout may have been built

    def _index(self, form: Form):  # type: ignore[no-untyped-def]
        lib = self.library()
        if lib is None:
            return None
        lib.for_form(form.department, self._form_id())
        return lib.index()

    def findings(self, form: Form) -> list[Finding]:
        from jixiao_desktop.domain.checks import is_acknowledged
        from jixiao_desktop.domain.indicator_library.check import library_findings

        if not any(ind.items for ind in form.indicators):
            return []
        try:
            index = self._index(form)
        except KNOWN:
            return []  # the hint is a help: a database hiccup never hides the other findings
        if index is None:
            return []
        return [f.with_acknowledged() if is_acknowledged(form, f) else f for f in library_findings(form, index)]

    def fix(self, form: Form, finding: Finding) -> Fix | None:
        from jixiao_desktop.domain.indicator_library.check import RULE, library_fix

        if finding.rule != RULE:
            return None
        index = self._index(form)
        return library_fix(form, finding, index) if index is not None else None

    def open_page(self) -> None:
        from jixiao_desktop.ui.indicator_library.page import IndicatorLibraryDialog

        lib = self.library()
        if lib is None:
            return
        session = self.window.session
        form = session.form if session is not None and session.is_open else None
        try:
            lib.for_form(form.department if form is not None else "", self._form_id())
            dialog = IndicatorLibraryDialog(self.window.window(), lib)
        except KNOWN as exc:
            show_known(self.window.window(), "无法打开指标库", exc)
            return
        dialog.exec()
        self.window.checker.run_now()  # edits in the library change the hints


def install(window: WindowPort) -> LibraryHooks:
    hooks = LibraryHooks(window)
    action = QAction("指标库(&K)…", window.window())
    action.setStatusTip("浏览、查找、修改、导入导出指标库：共性指标、财政局下发的指标和本单位往年用过的指标")
    action.triggered.connect(hooks.open_page)
    window.ui.menuForm.addSeparator()
    window.ui.menuForm.addAction(action)
    window.form_opened.connect(hooks.form_opened)
    window.findings.finding_sources.append(hooks.findings)
    window.findings.fixers.append(hooks.fix)
    window.indicator_library = hooks  # type: ignore[attr-defined]
    return hooks
