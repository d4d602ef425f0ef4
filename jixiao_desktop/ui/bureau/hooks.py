"""What the bureau adds to the clerk's main window, in one place (the window only calls
``install``): 财政局汇总审核… (the bureau window on the same database) in the 文件 menu, and
导入审核意见… in the 表单 menu — the unit imports the bureau's review file, and the window then
shows each comment beside its field and in the list of problems (as 提示: they never block)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from jixiao_desktop.atomic import describe_os_error
from jixiao_desktop.domain import review
from jixiao_desktop.ui import msgbox

# The storage modules are imported on first use: the main window paints before SQLAlchemy loads.

if TYPE_CHECKING:
    from jixiao_desktop.ui.window_port import WindowPort


def install(window: WindowPort) -> None:
    bureau = QAction("财政局汇总审核…", window.window())
    bureau.setStatusTip("财政局：收集各单位的申报表、汇总、审核并写审核意见")
    bureau.triggered.connect(lambda: open_bureau_window(window))
    window.ui.menuFile.insertAction(window.ui.actionQuit, bureau)
    importing = QAction("导入审核意见…", window.window())
    importing.setStatusTip("导入财政局发回的审核意见文件（.jixiao-review.json），意见显示在对应栏目旁")
    importing.triggered.connect(lambda: ask_import_review(window))
    answering = QAction("答复审核意见…", window.window())
    answering.setStatusTip("对财政局的每条审核意见答复“已修改”或“情况说明”，随下次报送交回")
    answering.triggered.connect(lambda: ask_answers(window))
    window.ui.menuForm.addSeparator()
    window.ui.menuForm.addAction(importing)
    window.ui.menuForm.addAction(answering)
    window.form_opened.connect(lambda form_id: show_comments(window, form_id))


def ask_answers(window: WindowPort) -> bool:
    from jixiao_desktop.ui.bureau.answers import ask_answers as ask

    return ask(window)


def open_bureau_window(window: WindowPort) -> None:
    from jixiao_desktop.storage.errors import StorageError
    from jixiao_desktop.ui.bureau.window import BureauWindow

    try:
        bureau = BureauWindow(window.db_path, window.window())
    except StorageError as exc:
        msgbox.error(window.window(), "无法打开财政局汇总审核", str(exc))
        return
    bureau.show()


def show_comments(window: WindowPort, form_id: int) -> None:
    """Put the stored 审核意见 of the open form among its findings."""
    from jixiao_desktop.storage.bureau import BureauStore
    from jixiao_desktop.storage.errors import StorageError

    if window.repo is None:
        return
    store = BureauStore(window.repo)
    try:
        comments = store.comments(form_id)
        verdict = store.review_status(form_id)
    except StorageError:
        comments, verdict = [], review.ReviewStatus.PENDING  # an addition: never stop the form from opening
    window.findings.review_findings = review.as_findings(
        [review.Comment(field=c.field, text=c.text, rule=c.rule, author=c.author, anchor=c.anchor)
         for c in comments], verdict)
    window.findings.show(list(window.checker.findings))


def ask_import_review(window: WindowPort) -> None:
    path = msgbox.ask_open_path(window.window(), "导入审核意见", window.settings.last_directory(), f"审核意见文件 (*{review.FILE_SUFFIX});;JSON 文件 (*.json)")
    if path is not None:
        import_review(window, path)


def import_review(window: WindowPort, path: Path) -> bool:
    """Store the review file's comments on its form and show them; False (with a message) if not."""
    from jixiao_desktop.bureau.review_match import find_review_target
    from jixiao_desktop.storage.bureau import BureauStore
    from jixiao_desktop.storage.errors import StorageError

    if window.repo is None:
        return False
    try:
        doc = review.load(path)
    except review.ReviewFileError as exc:
        msgbox.error(window.window(), "导入审核意见失败", f"{path.name}：{exc}")
        return False
    except OSError as exc:
        msgbox.error(window.window(), "导入审核意见失败", f"{path.name}：{describe_os_error(exc)}")
        return False
    store = BureauStore(window.repo)
    try:
        target = find_review_target(window.repo, doc)
    except StorageError as exc:
        msgbox.error(window.window(), "导入审核意见失败", f"{path.name}：{exc}")
        return False
    form_id = target.form_id
    if form_id is None:
        if not target.candidates:
            msgbox.error(window.window(), "导入审核意见失败", f"{path.name}：{target.message(doc)}")
            return False
        shown = target.candidates[:6]
        chosen = msgbox.choose(window.window(), "导入审核意见", target.message(doc),
                               [f"导入到第 {i + 1} 份" for i in range(len(shown))],
                               "\n".join(f"第 {i + 1} 份：{c.describe()}" for i, c in enumerate(shown)))
        if chosen is None:
            return False
        form_id = shown[chosen].form_id
    try:
        stored = window.repo.load(form_id)
        count = store.import_review(form_id, doc.comments, doc.revision, doc.status)
    except StorageError as exc:
        msgbox.error(window.window(), "导入审核意见失败", f"{path.name}：{exc}")
        return False
    note = ""
    if doc.revision and doc.revision != stored.form.revision:
        note = f"（审核意见针对第 {doc.revision} 版，本机现在是第 {stored.form.revision} 版）"
    note += import_review_library(window, path, doc.reviewer)
    from jixiao_desktop.ui.profile_actions import import_review_profile

    note += import_review_profile(window, path)
    if window.open_form(form_id):
        show_comments(window, form_id)
    verdict = f"审核结论：{doc.status.label}；" if doc.status else ""
    window.show_status(f"{verdict}已导入 {count} 条财政局审核意见{note}，意见显示在对应栏目旁", 3)
    return True


def import_review_library(window: WindowPort, path: Path, reviewer: str) -> str:
    """Store the bureau's 指标库 a review file carries; the words to add to the status line."""
    from jixiao_desktop.domain.indicator_library import bureau_source
    from jixiao_desktop.domain.indicator_library.carry import library_in_review
    from jixiao_desktop.storage.errors import StorageError
    from jixiao_desktop.usecases.indicator_library import IndicatorLibrary

    try:
        entries = library_in_review(path.read_bytes(), bureau_source(reviewer.split(" ")[0] or "财政局"))
        if not entries or window.repo is None:
            return ""
        counts = IndicatorLibrary(window.repo).import_entries(entries)
    except (OSError, StorageError) as exc:
        return f"；随附的指标库未能导入：{exc}"
    hooks = getattr(window, "indicator_library", None)
    if hooks is not None and hooks.library() is not None:
        hooks.library().invalidate()
    return f"，并导入财政局指标库 {counts.added + counts.updated} 条"
