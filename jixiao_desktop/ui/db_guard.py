"""The window's side of a safe database (issue 7): damage said in a dialog, backups, read-only.

``DatabaseGuard`` is composed into ``WindowPort``; the window calls it where opening, listing or
saving fails, and it adds 恢复备份… and 检查数据文件 to the 文件 menu. The work itself is done by
``storage.integrity`` and ``storage.backups``; this module only asks and tells.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence

from jixiao_desktop.errors import KnownError
from jixiao_desktop.ui import msgbox

if TYPE_CHECKING:
    from jixiao_desktop.ui.session import FormSession
    from jixiao_desktop.ui.window_port import WindowPort

DAMAGED_LIST_TEXT = ("数据文件已损坏，表单暂时无法列出（它们并没有被删除）。\n\n{message}\n\n"
                     "要导出仍可读取的表单，请用菜单“文件 → 检查数据文件完整性”。")


class DatabaseGuard(QObject):
    """Dialogs and menu entries that keep the clerk's forms safe when the file is not."""

    def __init__(self, window: WindowPort) -> None:
        super().__init__(window.window())
        self.window = window
        self._told: set[str] = set()  # one dialog per kind of lasting problem
        ui = window.ui
        self.restore_action = QAction("恢复备份(&B)…", window.window())
        self.restore_action.setObjectName("actionRestoreBackup")
        self.restore_action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.restore_action.setStatusTip("用自动备份替换现在的数据（现在的数据文件会改名保留，不会删除）")
        self.restore_action.triggered.connect(self.choose_backup)
        self.check_action = QAction("检查数据文件完整性(&V)", window.window())
        self.check_action.setObjectName("actionCheckDatabase")
        self.check_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.check_action.triggered.connect(self.check_integrity)
        ui.menuFile.insertAction(ui.actionRecycleBin, self.restore_action)
        ui.menuFile.insertAction(ui.actionRecycleBin, self.check_action)
        ui.menuFile.insertSeparator(ui.actionRecycleBin)
        from jixiao_desktop.ui.damage_watch import DamageWatch

        # Damage by another program while the window is open: found now and then, said as at start.
        self.damage_watch = DamageWatch(lambda: self.db_path if self.is_file and window.is_ready else None, self)
        self.damage_watch.damaged.connect(self._damaged_while_open)

    @property
    def db_path(self) -> Path:
        return Path(self.window.db_path)

    @property
    def is_file(self) -> bool:
        from jixiao_desktop.paths import is_database_url

        return not is_database_url(self.window.db_path)

    # --- opening ---------------------------------------------------------------------------

    def open_failed(self, exc: BaseException) -> None:
        """Opening the database failed: say why, in a dialog; a damaged file gets the full offer."""
        from jixiao_desktop.storage.errors import DatabaseDamagedError
        from jixiao_desktop.ui.errors import describe

        message = describe(exc)
        self.window.form_list.ui.emptyLabel.setText(f"无法打开数据文件：\n{self.window.db_path}\n\n{message}")
        if isinstance(exc, DatabaseDamagedError) and self.is_file:
            self.window.form_list.ui.emptyLabel.setText(DAMAGED_LIST_TEXT.format(message=message))
            self.show_damaged(message)
            return
        msgbox.error(self.window.window(), "无法打开数据文件", message, str(self.window.db_path))

    def after_open(self) -> None:
        """The database is open: a read-only file or folder is said at once, not at the first save."""
        from jixiao_desktop.storage import db

        if not self.is_file:
            return
        problem = db.read_only_problem(self.db_path)
        if problem:
            self.window.saved_label.setStyleSheet("color: #b00020; font-weight: bold;")
            self.window.saved_label.setText("只读：修改无法保存")
            self.window.saved_label.setToolTip(problem)
            msgbox.warning(self.window.window(), "数据文件只读", problem,
                           "可以查看、导出和打印表单，但所做的修改不会保存。")

    def list_failed(self, exc: BaseException) -> None:
        """Listing the forms failed: never an empty list without a word."""
        from jixiao_desktop.storage.errors import DatabaseDamagedError
        from jixiao_desktop.ui.errors import describe

        message = describe(exc)
        if isinstance(exc, DatabaseDamagedError):
            self.window.form_list.ui.emptyLabel.setText(DAMAGED_LIST_TEXT.format(message=message))
            if "damaged" not in self._told:
                self._told.add("damaged")
                self.show_damaged(message)
            return
        self.window.form_list.ui.emptyLabel.setText(f"无法读取表单列表：{message}")
        self.window.statusBar().showMessage(f"无法读取表单列表：{message}", 0)

    # --- damaged file ------------------------------------------------------------------------

    def show_damaged(self, message: str) -> None:
        """The damaged-file dialog: what can still be read (export), the newest good backup."""
        from jixiao_desktop.storage import backups, integrity
        from jixiao_desktop.ui.dialogs.damaged_db import DamagedDatabaseDialog

        window = self.window
        self._close_database()
        scan = integrity.scan(self.db_path)
        backup = backups.newest_good_backup(self.db_path)
        dialog = DamagedDatabaseDialog(message, self.db_path, scan, backup, window.window())
        dialog.export_button.clicked.connect(lambda: self.export_salvaged(scan))
        self.last_damaged_dialog = dialog
        if dialog.exec() == DamagedDatabaseDialog.RESTORE and backup is not None:
            path = backup.path
            QTimer.singleShot(0, lambda: self.restore(path))  # after the caller has finished

    def export_salvaged(self, scan: object) -> int:
        """Write every readable form of a damaged file into a folder the clerk picks."""
        from jixiao_desktop.atomic import describe_os_error
        from jixiao_desktop.storage import integrity

        assert isinstance(scan, integrity.SalvageScan)
        folder = msgbox.ask_folder(self.window.window(), "选择保存导出表单的文件夹", self.window.settings.last_directory())
        if folder is None:
            return 0
        try:
            written = integrity.write_salvaged(scan.readable, folder)
        except OSError as exc:
            msgbox.error(self.window.window(), "导出失败", f"无法写入“{folder}”：{describe_os_error(exc)}",
                         "已导出的文件保留在该文件夹中；请换一个文件夹再试。")
            return 0
        msgbox.info(self.window.window(), "已导出", f"已把 {len(written)} 份表单导出到：{folder}",
                    "每份是一个 .jixiao.json 文件，可以用“导入”读回，或交给信息管理员。")
        return len(written)

    # --- backups -------------------------------------------------------------------------------

    def choose_backup(self) -> bool:
        """恢复备份…: list the backups by date (with their forms) and put the chosen one back."""
        from jixiao_desktop.storage import backups
        from jixiao_desktop.ui.dialogs.restore_backup import RestoreBackupDialog

        if not self.is_file:
            msgbox.info(self.window.window(), "恢复备份", "数据库服务器由管理员备份与恢复（pg_dump）。")
            return False
        found = backups.list_backups(self.db_path)
        dialog = RestoreBackupDialog(found, self.db_path, self.window.window())
        self.last_restore_dialog = dialog
        if dialog.exec() != RestoreBackupDialog.DialogCode.Accepted:
            return False
        chosen = dialog.chosen()
        if chosen is None:
            return False
        if not msgbox.confirm(self.window.window(), "恢复备份",
                              f"用 {chosen.created:%Y-%m-%d %H:%M:%S} 的备份替换现在的数据吗？",
                              "现在的数据文件会改名保留在原文件夹中（不会删除），恢复前还会再备份一次。"
                              "备份之后所做的修改将不在恢复后的数据中。"):
            return False
        return self.restore(chosen.path)

    def restore(self, backup: Path) -> bool:
        """Put ``backup`` in place (the current file set aside) and open the database again."""
        from jixiao_desktop.storage import backups
        from jixiao_desktop.storage.errors import StorageError

        window = self.window
        if window.session is not None and not window.session.save():
            msgbox.error(window.window(), "无法恢复备份", f"当前表单没有保存成功：{window.session.last_error}",
                         "为避免丢失内容，没有恢复。可以先用“导出”把表单另存为文件。")
            return False
        self._close_database()
        try:
            result = backups.restore_backup(self.db_path, backup)
        except StorageError as exc:
            msgbox.error(window.window(), "恢复失败", str(exc), "数据没有改动。")
            window.finish_startup()
            return False
        self._told.clear()
        window.finish_startup()
        aside = "、".join(p.name for p in result.set_aside) or "（原来没有数据文件）"
        msgbox.info(window.window(), "已恢复备份", f"已用 {backup.name} 恢复数据。",
                    f"原来的数据文件已改名保留在 {self.db_path.parent}：{aside}")
        return True

    def _close_database(self) -> None:
        """Let go of the database (the form saved first by the caller), so the file can be read or replaced."""
        window = self.window
        session = window.session
        if session is not None:
            if not session.close() and session.form is not None:
                self._keep_unsaved(session.form)
            session.setParent(None)
            session.deleteLater()
            window.session = None
        if window.repo is not None:
            window.repo.close()
            window.repo = None
        window.is_ready = False
        window.checker.set_form(None)
        window.form_list.set_rows([])
        window.ui.stack.setCurrentWidget(window.ui.startPage)
        window.update_actions()

    def keep_on_close(self, session: FormSession) -> bool:
        """Closing, and the form cannot be saved into the database (the file was replaced, the
        disk is full …): offer to keep it as a file and close. True when it is kept (close)."""
        form = session.form
        if form is None:
            return True
        answer = msgbox.choose(self.window.window(), "无法保存", f"表单没有保存成功：{session.last_error}",
                               ["另存为文件并关闭"],  # 取消: stay open
                               "“另存为文件并关闭”把当前表单（包括刚才的修改）存为一个 .jixiao.json 文件，"
                               "并告诉你它在哪里；以后可以用“导入”读回。")
        if answer != 0:
            return False
        if self._keep_unsaved(form) is not None:
            return True
        from jixiao_desktop.formfiles import write_form_file

        chosen = msgbox.ask_save_path(self.window.window(), "另存当前表单", "未保存的表单.jixiao.json", "表单文件 (*.jixiao.json)")
        if chosen is None:
            return False
        try:
            write_form_file(form, chosen[0])
        except (OSError, KnownError) as exc:
            msgbox.error(self.window.window(), "未能另存", str(exc), "窗口暂不关闭，内容还在。")
            return False
        return True

    def _keep_unsaved(self, form: object) -> Path | None:
        """The open form could not be saved into the file: keep it as an exchange file and say where."""
        from datetime import datetime

        from jixiao_desktop import paths
        from jixiao_desktop.atomic import atomic_write_bytes, describe_os_error
        from jixiao_desktop.domain import exchange

        folder = paths.config_dir() / "未保存的表单"
        target = folder / f"{datetime.now():%Y%m%d-%H%M%S}{exchange.FILE_SUFFIX}"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(target, exchange.dumps(form).encode("utf-8"))  # type: ignore[arg-type]
        except OSError as exc:
            msgbox.error(self.window.window(), "未能保留当前表单", f"当前表单无法保存：{describe_os_error(exc)}",
                         "请先用“导出”把表单另存为文件。")
            return None
        msgbox.info(self.window.window(), "已保留当前表单", f"当前表单没能存入数据文件，已另存为：{target}",
                    "可以在恢复数据后用“导入”读回。")
        return target

    def check_integrity(self) -> bool:
        """检查数据文件完整性: SQLite's integrity_check on the open file; True when whole."""
        import time

        from jixiao_desktop.storage import integrity

        if not self.is_file:
            return True
        started = time.perf_counter()
        problems = integrity.check_open_database(self.db_path)
        elapsed = time.perf_counter() - started
        if problems:
            message = str(integrity.damaged_from_problems(self.db_path, problems))
            self.show_damaged(message)
            return False
        msgbox.info(self.window.window(), "数据文件完好", f"数据文件完好（SQLite 完整性检查通过，用时 {elapsed:.1f} 秒）。",
                    str(self.db_path))
        return True

    # --- saving ----------------------------------------------------------------------------------

    def _damaged_while_open(self, message: str) -> None:
        if self.damage_watch.told or not self.window.is_ready:
            return
        self.damage_watch.told = True
        self._told.add("damaged")
        self.show_damaged(message)

    def on_saved(self, *_: object) -> None:
        """A save succeeded: a "保存失败" left on the status bar from an earlier try goes away."""
        self.damage_watch.after_save()
        bar = self.window.statusBar()
        if bar.currentMessage().startswith("保存失败"):
            bar.clearMessage()

    def on_save_failed(self, message: str) -> None:
        """Lasting save failures get one dialog saying what to do (the status bar is not enough)."""
        self.damage_watch.check_now()  # a failed write or read: is the file still whole?
        from jixiao_desktop.storage import db

        window = self.window
        if self.is_file and db.replaced_problem(self.db_path) and "replaced" not in self._told:
            self._told.add("replaced")
            msgbox.error(window.window(), "已停止保存", db.replaced_problem(self.db_path),
                         "窗口中的内容没有丢失。")
            return
        from jixiao_desktop.storage.errors import StaleWriteError

        exc = getattr(window.session, "last_exception", None)
        if isinstance(exc, StaleWriteError) and "stale" not in self._told:
            self._told.add("stale")
            msgbox.error(window.window(), "表单已在别处被修改", message,
                         "为避免覆盖别人的修改，本窗口的内容没有保存。请先用“导出”把窗口中的内容另存为文件，"
                         "然后从表单列表重新打开这份表单，再把需要的修改补上。")
