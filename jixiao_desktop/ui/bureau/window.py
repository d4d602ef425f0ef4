"""The bureau's window: every collected form in one sortable, filterable list.

A top-level window of its own (``jixiao-desktop --bureau``, or 财政局汇总审核 in the main
window's menu), on the same database commands as ``collect`` and ``summary``: SQLite file or a
PostgreSQL server several reviewers share. The list fetches pages as it scrolls (the database
filters and sorts); collecting runs on a worker thread with a progress bar; a double click
opens the form read-only with its findings to write 审核意见.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QPoint, QSize, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jixiao_desktop.bureau.collect import CollectReport, collect_paths
from jixiao_desktop.bureau.expected import SUFFIXES as UNIT_SUFFIXES
from jixiao_desktop.bureau.expected import ExpectedUnitsError, read_expected_unit_rows
from jixiao_desktop.domain.evaluation import Stage
from jixiao_desktop.domain.model import FormStatus
from jixiao_desktop.domain.review import ReviewStatus
from jixiao_desktop.domain.titles import quoted_name
from jixiao_desktop.paths import shown_database
from jixiao_desktop.storage.bureau import BureauStore, ListQuery
from jixiao_desktop.storage.errors import StorageError
from jixiao_desktop.storage.repository import FormRepository
from jixiao_desktop.ui import msgbox, plain_text
from jixiao_desktop.ui.bureau.files import BureauFiles
from jixiao_desktop.ui.bureau.list_model import COLUMNS, FORM_ID_ROLE, BureauListModel
from jixiao_desktop.ui.window_geometry import fitted_to_screen


class FilterBar(QWidget):
    """年度 / 状态 / 错误 / 单位名称 filters.

    Signals:
        changed: a filter changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year = QComboBox(self)
        self.status = QComboBox(self)
        self.status.addItem("全部状态", None)
        for status in FormStatus:
            self.status.addItem(status.label, status)
        self.review = QComboBox(self)
        self.review.addItem("全部审核状态", None)
        for verdict in ReviewStatus:
            self.review.addItem(verdict.label, verdict)
        self.stage = QComboBox(self)
        self.stage.addItem("全部阶段", None)
        for stage in Stage:
            self.stage.addItem(stage.label, stage.value)
        self.errors = QComboBox(self)
        self.errors.addItem("有无错误均显示", None)
        self.errors.addItem("只看有错误的", True)
        self.errors.addItem("只看没有错误的", False)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("按单位名称查找")
        self.search.setClearButtonEnabled(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (QLabel("年度：", self), self.year, self.status, self.review, self.stage, self.errors):
            layout.addWidget(w)
        layout.addWidget(self.search, 1)
        self.set_years([])
        for combo in (self.year, self.status, self.review, self.stage, self.errors):
            combo.currentIndexChanged.connect(self.changed)
        self.search.textChanged.connect(self.changed)

    def set_years(self, years: list[int]) -> None:
        current = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem("全部年度", None)
        for y in years:
            self.year.addItem(f"{y}年度", y)
        index = self.year.findData(current)
        self.year.setCurrentIndex(max(index, 0))
        self.year.blockSignals(False)

    def query(self, base: ListQuery) -> ListQuery:
        return ListQuery(year=self.year.currentData(), status=self.status.currentData(),
                         has_errors=self.errors.currentData(), text=self.search.text(),
                         review_status=None if self.review.currentData() is None
                         else ReviewStatus.of(self.review.currentData()),
                         stage=None if self.stage.currentData() is None else Stage(self.stage.currentData()),
                         sort=base.sort, descending=base.descending)


class CollectWorker(QObject):
    """Runs ``collect_paths`` off the UI thread.

    Signals:
        progress(done, total, name), finished(CollectReport), failed(message).
    """

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, store: BureauStore, paths: list[str]) -> None:
        super().__init__()
        self._store, self._paths = store, paths
        self.cancel_requested = False

    @Slot()
    def run(self) -> None:
        try:
            report = collect_paths(self._store, self._paths, progress=self.progress.emit,
                                   cancelled=lambda: self.cancel_requested)
        except StorageError as exc:
            self.failed.emit(str(exc))
            return
        self.finished.emit(report)


class BureauWindow(QMainWindow):
    """The collected forms of one database.

    Signals:
        collect_finished(CollectReport): a collect ended (tests wait for it).
    """

    collect_finished = Signal(object)

    def __init__(self, db: str | Path, parent: QWidget | None = None, *, author: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(f"财政局汇总审核 — {shown_database(db)}")
        self.resize(fitted_to_screen(self, QSize(1200, 760)).size())
        self.files = BureauFiles()
        self.author = author or self.files.settings.reviewer_name()
        self.repo = FormRepository.open(db)  # StorageError: the caller says so
        self.store = BureauStore(self.repo)
        QTimer(self, interval=1000, timeout=self.repo.keep_hold).start()  # type: ignore[call-arg]  # keep the locks (storage.hold)
        self._thread: QThread | None = None
        self._worker: CollectWorker | None = None
        self.last_report: CollectReport | None = None

        self.filters = FilterBar(self)
        self.model = BureauListModel(self.store, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Names wrap onto a second line (most start alike: 北京市西城区人民政府…), a longer one is
        # cut at its end; the whole name is in the tooltip. Rows keep one height (the list is lazy).
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().lineSpacing() * 2 + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # The short columns as wide as the longest text they can show, so that 单位名称 keeps
        # the rest even at 1024×768.
        metrics = self.table.fontMetrics()
        for col, sample in enumerate(("", "2026", "已定稿", "99,999,999.99", "99,999,999.99", "99,999,999.99",
                                      "错误", "警告", "版本", "12-31 23:59", "退回修改")):
            if sample:
                self.table.setColumnWidth(col, max(metrics.horizontalAdvance(sample),
                                                   metrics.horizontalAdvance(COLUMNS[col])) + 18)
        self.table.doubleClicked.connect(lambda index: self.open_review(int(index.data(FORM_ID_ROLE))))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

        self.missing_label = QLabel(self)
        self.missing_label.setWordWrap(True)
        self.missing = QListWidget(self)
        side = QWidget(self)
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(self.missing_label)
        sl.addWidget(self.missing, 1)
        import_units = QPushButton("导入应报单位名单…", self)
        import_units.clicked.connect(self._ask_expected_units)
        sl.addWidget(import_units)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.table)
        split.addWidget(side)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        side.setMinimumWidth(150)
        split.setSizes([self.width() - 160, 160])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.filters)
        layout.addWidget(split, 1)
        self.setCentralWidget(central)

        self.count_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(320)
        self.progress.hide()
        self.cancel_button = QPushButton("取消收集", self)
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel_collect)
        self.statusBar().addWidget(self.count_label, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)

        menu = self.menuBar().addMenu("文件(&F)")
        self.collect_folder_action = self._action(menu, "收集文件夹…", self._ask_collect_folder, "Ctrl+O")
        self._action(menu, "收集文件或压缩包…", self._ask_collect_files)
        self._action(menu, "导出汇总表…", self._ask_summary, "Ctrl+E")
        self._action(menu, "导入应报单位名单…", self._ask_expected_units)
        menu.addSeparator()
        self._action(menu, "处理冲突…", self.show_conflicts)
        self._action(menu, "删除所选申报表…", self._delete_selected, "Del")
        menu.addSeparator()
        self._action(menu, "刷新", self.refresh, "F5")
        self._action(menu, "关闭", self.close)

        self.filters.changed.connect(self._apply_filters)
        plain_text.plain(self)  # units' names and texts are never drawn as HTML (ui.plain_text)
        self.refresh()

    def _action(self, menu: object, text: str, slot: object, shortcut: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)  # type: ignore[attr-defined]
        return action

    # --- list -----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read years, counts, rows and the missing units. Forms stored other than by collect
        (imported, edited in the clerk's window) get their check counts first."""
        try:
            self.store.refresh_counts()
            self.filters.set_years(self.store.years())
        except StorageError as exc:
            msgbox.error(self, "读取失败", str(exc))
            return
        self._apply_filters()

    def _apply_filters(self) -> None:
        try:
            self.model.set_query(self.filters.query(self.model.query))
            self._show_missing()
        except StorageError as exc:
            msgbox.error(self, "读取失败", str(exc))
            return
        self.count_label.setText(f"共 {self.model.total} 份申报表")

    def _show_missing(self) -> None:
        expected = self.store.expected_units()
        self.missing.clear()
        if not expected:
            self.missing_label.setText("未报单位：尚未导入应报单位名单")
            return
        year = self.filters.year.currentData()
        missing = self.store.missing_unit_rows(year)  # 牛街街道办事处 counts for 牛街
        when = f"{year}年度" if year else "任何年度"
        self.missing_label.setText(f"未报单位（{when}）：{len(missing)} / {len(expected)}")
        for u in missing:
            self.missing.addItem(u.department)
            self.missing.item(self.missing.count() - 1).setToolTip(f"单位编码：{u.code or '—'}\n联系人：{u.contact or '—'}")

    # --- collect --------------------------------------------------------------------------------

    def _ask_collect_folder(self) -> None:
        folder = self.files.ask_folder(self, "选择要收集的文件夹")
        if folder is not None:
            self.start_collect([str(folder)])

    def _ask_collect_files(self) -> None:
        from jixiao_desktop.formfiles import readable_suffixes

        every = " ".join(f"*{s}" for s in (*readable_suffixes(), ".zip"))
        names = self.files.ask_open_many(self, "选择要收集的申报表文件或压缩包", f"申报表文件和压缩包 ({every})")
        if names:
            self.start_collect([str(n) for n in names])

    def start_collect(self, paths: list[str]) -> bool:
        """Collect on a worker thread; the progress bar follows; False if one is running."""
        if self._thread is not None:
            msgbox.info(self, "正在收集", "上一次收集还没有完成，请稍候。")
            return False
        from jixiao_desktop.usecases.collecting import prepare_collect

        try:  # the writable check and the backup cli.md asks for (a server: pg_dump)
            prepare_collect(self.repo)
        except StorageError as exc:
            msgbox.error(self, "收集前备份失败", f"{exc}；没有收集任何文件")
            return False
        worker = CollectWorker(self.store, paths)
        thread = QThread(self)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self._on_progress)
        worker.finished.connect(self._on_collected)
        worker.failed.connect(self._on_collect_failed)
        self._thread, self._worker = thread, worker
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.collect_folder_action.setEnabled(False)
        self.count_label.setText("正在查找申报表文件…")
        thread.start()
        return True

    def cancel_collect(self) -> None:
        if self._worker is not None:
            self._worker.cancel_requested = True
            self.count_label.setText("正在取消（当前文件处理完后停止）…")

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, name: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{done}/{total}")
        if name:
            self.count_label.setText(f"正在收集：{name}")

    def _end_collect(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
        if self._worker is not None:
            self._worker.deleteLater()
        self._thread = self._worker = None
        self.progress.hide()
        self.cancel_button.hide()
        self.collect_folder_action.setEnabled(True)

    @Slot(object)
    def _on_collected(self, report: CollectReport) -> None:
        self._end_collect()
        self.last_report = report
        self.refresh()
        lines = report.lines()
        if report.conflicts:  # the reviewer decides each one (not modal: the list stays usable)
            self.show_conflicts()
            self.statusBar().showMessage(lines[0], 15000)
        elif report.refused:
            msgbox.warning(self, "收集完成", lines[0], "\n".join(lines[1:40]) +
                           ("\n……" if len(lines) > 40 else ""))
        else:
            self.statusBar().showMessage(lines[0], 15000)
        self.collect_finished.emit(report)

    # --- conflicts and deleting -------------------------------------------------------------------

    def show_conflicts(self) -> None:
        """The last collect's conflicts, to resolve one by one (``ui/bureau/conflicts.py``)."""
        from jixiao_desktop.ui.bureau.conflicts import ConflictsDialog

        conflicts = self.last_report.conflicts if self.last_report is not None else []
        if not any(c.form is not None for c in conflicts):
            msgbox.info(self, "处理冲突", "最近一次收集没有冲突。")
            return
        self.conflicts_dialog = ConflictsDialog(self.store, conflicts, self)
        self.conflicts_dialog.finished.connect(lambda _: self._after_conflicts())
        self.conflicts_dialog.show()

    def _after_conflicts(self) -> None:
        if self.last_report is not None:  # what was resolved is not offered again
            done = {id(c) for c, _ in self.conflicts_dialog.resolved}
            self.last_report.conflicts = [c for c in self.last_report.conflicts if id(c) not in done]
        self.refresh()

    def _selected_id(self) -> int | None:
        index = self.table.currentIndex()
        value = index.data(FORM_ID_ROLE) if index.isValid() else None
        return int(value) if value is not None else None

    def _context_menu(self, pos: QPoint) -> None:
        from PySide6.QtWidgets import QMenu

        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction("审核…", lambda: self.open_review(int(index.data(FORM_ID_ROLE))))
        menu.addAction("删除（移到回收站）…", self._delete_selected)
        menu.popup(self.table.viewport().mapToGlobal(pos))
        self.context_menu = menu

    def _delete_selected(self) -> bool:
        form_id = self._selected_id()
        row = self.model.row_at(self.table.currentIndex().row()) if form_id is not None else None
        if form_id is None or row is None:
            msgbox.info(self, "删除申报表", "请先在列表中选中一份申报表。")
            return False
        name = f"{quoted_name(row.department, row.year)}（第 {row.revision} 版）"
        if not msgbox.confirm(self, "删除申报表", f"把{name}移到回收站？", "移到回收站的申报表可以恢复，其审核意见一并保留。"):
            return False
        from jixiao_desktop.usecases.writes import prepare_write

        try:
            prepare_write(self.repo, "delete")
            self.repo.delete(form_id)
        except StorageError as exc:
            msgbox.error(self, "删除申报表失败", str(exc))
            return False
        self.refresh()
        self.statusBar().showMessage(f"已把{name}移到回收站", 15000)
        return True

    @Slot(str)
    def _on_collect_failed(self, message: str) -> None:
        self._end_collect()
        self.refresh()
        msgbox.error(self, "收集失败", message)
        self.collect_finished.emit(None)

    # --- summary and expected units ---------------------------------------------------------------

    def _ask_summary(self) -> None:
        chosen = self.files.ask_save(self, "导出汇总表", "绩效目标申报汇总表.xlsx",
                                     "Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)")
        if chosen is not None:
            path, chosen_filter = chosen
            if path.suffix.lower() not in (".xlsx", ".csv"):
                path = path.with_name(path.name + (".csv" if "csv" in chosen_filter.lower() else ".xlsx"))
            self.export_summary(path)

    def export_summary(self, path: Path) -> bool:
        """The summary of what the list shows (its filters in the title), with the 未报 units."""
        from jixiao_desktop.atomic import describe_os_error
        from jixiao_desktop.bureau.summary import SummaryError, write_summary
        from jixiao_desktop.bureau.summary_view import build_view

        try:
            view = build_view(self.store, self.model.ids(), self.model.query)
            write_summary(view.rows, str(path), view)
        except (SummaryError, StorageError) as exc:
            msgbox.error(self, "导出汇总表失败", f"{path}：{exc}")
            return False
        except OSError as exc:
            msgbox.error(self, "导出汇总表失败", f"{path}：无法写入：{describe_os_error(exc)}")
            return False
        self.refresh()  # the counts were brought up to date
        self.statusBar().showMessage(f"已导出汇总表：{path}（{len(view.rows)} 份，{view.title}）", 15000)
        return True

    def _ask_expected_units(self) -> None:
        every = " ".join(f"*{s}" for s in UNIT_SUFFIXES)
        path = self.files.ask_open(self, "导入应报单位名单", f"单位名单 ({every})")
        if path is not None:
            self.import_expected_units(path)

    def import_expected_units(self, path: Path) -> bool:
        try:
            names = read_expected_unit_rows(path)
            self.store.set_expected_units(names)
        except (ExpectedUnitsError, StorageError) as exc:
            msgbox.error(self, "导入应报单位名单失败", f"{path}：{exc}")
            return False
        self._show_missing()
        self.statusBar().showMessage(f"已导入应报单位名单：{len(names)} 个单位", 15000)
        return True

    # --- review ---------------------------------------------------------------------------------

    def open_review(self, form_id: int) -> None:
        from jixiao_desktop.ui.bureau.review_dialog import ReviewDialog

        try:
            dialog = ReviewDialog(self.store, form_id, author=self.author, parent=self, files=self.files)
        except StorageError as exc:
            msgbox.error(self, "无法打开申报表", str(exc))
            return
        dialog.exec()
        self.model.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._worker is not None:
            self._worker.cancel_requested = True
        self._end_collect()
        self.repo.close()
        super().closeEvent(event)
