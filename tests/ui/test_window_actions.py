"""The window's actions as a clerk meets them: known errors vs bugs, the form each action is
about, a second form for the same unit and year, 定稿 with open warnings."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect

from jixiao_desktop.domain.model import Form, FormStatus, Layout
from jixiao_desktop.errors import ERROR_LOG, KnownError, error_log_path
from jixiao_desktop.storage.errors import FormNotFoundError
from jixiao_desktop.ui import errors, msgbox
from jixiao_desktop.ui.window_geometry import fitted
from tests.ui.conftest import Messages
from tests.ui.test_window import MakeWindow, open_stored, stored


def test_a_bug_in_the_repository_is_not_dressed_up_as_a_known_error(
        qtbot: Any, make_window: MakeWindow, messages: Messages, jinrongjie: Form,
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    assert window.repo is not None
    form_id = window.repo.create(jinrongjie)

    def broken(_: int) -> None:
        raise KeyError("stored1")

    monkeypatch.setattr(window.repo, "load", broken)
    with qtbot.captureExceptions() as caught:
        window.form_list.open_requested.emit(form_id)  # the clerk double-clicks the row
    assert [type(exc) for _, exc, _ in caught] == [KeyError]  # reaches the error hook, not a message box
    assert not [m for m in messages.shown if m[1] == "无法打开表单"]


def test_a_known_storage_error_is_shown_plainly(make_window: MakeWindow, messages: Messages, jinrongjie: Form,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    window = make_window()
    assert window.repo is not None
    form_id = window.repo.create(jinrongjie)

    def gone(_: int) -> None:
        raise FormNotFoundError("找不到编号为 1 的申报表（可能已被彻底删除）")

    monkeypatch.setattr(window.repo, "load", gone)
    assert not window.open_form(form_id)
    assert messages.of(msgbox.Kind.ERROR)[-1][1:3] == ("无法打开表单", "找不到编号为 1 的申报表（可能已被彻底删除）")


def test_a_bug_shown_by_hand_is_logged_with_its_traceback(messages: Messages) -> None:
    try:
        {}["stored1"]
    except KeyError as exc:
        errors.show_known(None, "无法打开表单", exc)
    kind, title, _, detail = messages.shown[-1]
    assert (kind, title) == (msgbox.Kind.ERROR, "程序出错")
    log = error_log_path()
    assert log.name == ERROR_LOG and str(log) in detail
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "KeyError: 'stored1'" in text


def test_known_errors_share_one_base() -> None:
    from jixiao_desktop.domain.exchange import ExchangeError
    from jixiao_desktop.exporters.xlsx import XlsxImportError
    from jixiao_desktop.storage.errors import SaveFailedError, StorageError
    from jixiao_desktop.ui.printing import PrintError
    from jixiao_desktop.ui.transfer import TransferError

    for error in (ExchangeError, XlsxImportError, StorageError, SaveFailedError, PrintError, TransferError):
        assert issubclass(error, KnownError), error
    assert issubclass(SaveFailedError, StorageError)


# --- the form an action is about -----------------------------------------------------------


def test_finalise_on_the_list_acts_on_the_selected_row_and_names_it(
        make_window: MakeWindow, messages: Messages, jinrongjie: Form, db_path: Path) -> None:
    window, open_id = open_stored(make_window, jinrongjie)
    assert window.repo is not None
    other = copy.deepcopy(jinrongjie)
    other.department = "北京市西城区人民政府德胜街道办事处"
    other_id = window.repo.create(other)
    window.show_form_list()
    window.form_list.select(other_id)  # the clerk sees the list with 德胜 selected

    assert window.finalise()
    assert stored(db_path, other_id).status is FormStatus.FINAL
    assert stored(db_path, open_id).status is FormStatus.DRAFT  # not the form hidden behind the list
    question = next(m for m in messages.shown if m[1] == "定稿")
    assert "德胜街道办事处" in question[2]
    assert "德胜街道办事处" in window.windowTitle()  # and the clerk now sees it


def test_export_on_the_list_exports_the_selected_row(make_window: MakeWindow, messages: Messages,
                                                     jinrongjie: Form, niujie: Form, tmp_path: Path) -> None:
    from jixiao_desktop.domain import exchange

    window, _ = open_stored(make_window, jinrongjie)
    assert window.repo is not None
    niujie_id = window.repo.create(niujie)
    window.show_form_list()
    window.form_list.select(niujie_id)
    target = tmp_path / "out.jixiao.json"
    assert window.export_file(target) is not None
    assert exchange.load(target).department == niujie.department


def test_actions_on_the_list_with_nothing_selected_say_so(make_window: MakeWindow, messages: Messages) -> None:
    window = make_window()
    assert not window.finalise()
    assert messages.shown[-1][:3] == (msgbox.Kind.INFO, "定稿", "请先打开一张表单。")


# --- a second form for the same unit and year ---------------------------------------------------


def test_a_second_copy_from_last_year_asks_and_can_open_the_existing_one(
        make_window: MakeWindow, messages: Messages, jinrongjie: Form) -> None:
    window = make_window()
    assert window.repo is not None
    old_id = window.repo.create(jinrongjie)
    first = window.form_actions.copy_from_last_year(old_id)
    assert first is not None
    count = len(window.repo.list_forms())

    messages.choice = 0  # 打开已有的表单
    assert window.form_actions.copy_from_last_year(old_id) is None
    question = messages.shown[-1]
    assert question[1] == "从上年复制" and "2022年度 北京市西城区人民政府金融街街道办事处" in question[2]
    assert len(window.repo.list_forms()) == count
    assert window.session is not None and window.session.form_id == first

    messages.choice = None  # 取消
    assert window.form_actions.copy_from_last_year(old_id) is None
    assert len(window.repo.list_forms()) == count

    messages.choice = 1  # 仍然新建一张
    assert window.form_actions.copy_from_last_year(old_id) is not None
    assert len(window.repo.list_forms()) == count + 1


def test_new_for_an_existing_unit_and_year_asks(make_window: MakeWindow, messages: Messages,
                                                 jinrongjie: Form) -> None:
    from jixiao_desktop.ui.dialogs.new_form import NewFormRequest

    window = make_window()
    assert window.repo is not None
    window.repo.create(jinrongjie)
    messages.choice = None
    request = NewFormRequest(Layout.STANDARD, 2021, "北京市西城区人民政府金融街街道办事处")
    assert window.form_actions.create_form(request) is None
    assert messages.shown[-1][1] == "新建表单"
    assert len(window.repo.list_forms()) == 1
    assert window.form_actions.create_form(NewFormRequest(Layout.STANDARD, 2022, jinrongjie.department)) is not None


# --- 定稿 with open warnings ---------------------------------------------------------------------


def test_finalise_with_open_warnings_lists_them(make_window: MakeWindow, messages: Messages, niujie: Form) -> None:
    window, _ = open_stored(make_window, niujie)
    findings = window.checker.run_now()
    warnings = [f for f in findings if f.severity.name == "WARNING" and not f.acknowledged]
    assert warnings, "the 牛街 form has open warnings"
    messages.answer = False
    assert not window.finalise()
    question = next(m for m in messages.shown if m[1] == "定稿")
    assert f"{len(warnings)} 个警告" in question[2]
    assert warnings[0].message in question[2]


# --- the first start on a small screen -----------------------------------------------------------


@pytest.mark.parametrize("available", [QRect(0, 0, 1366, 728), QRect(0, 0, 1024, 728), QRect(0, 0, 1920, 1040)])
def test_the_first_window_fits_the_available_screen(available: QRect) -> None:
    rect = fitted(available)
    assert available.contains(rect)
    assert rect.top() - available.top() >= 24  # room for the title bar above the client area
    assert rect.width() <= 1280 and rect.height() <= 800
    assert rect.width() >= min(1280, available.width() - 40)


def test_the_window_fits_the_screen_it_opens_on_and_remembers_per_screen(
        make_window: MakeWindow) -> None:
    from jixiao_desktop.ui.window_geometry import screen_key

    window = make_window()
    available = window.screen().availableGeometry()
    assert window.width() <= available.width() and window.height() <= available.height()
    window.resize(700, 450)
    window.close()
    key = screen_key(window.screen())
    assert window.settings.window_geometry(key) is not None
    again = make_window()
    assert (again.width(), again.height()) == (700, 450)


def test_exporting_excel_with_control_characters_warns_like_the_cli(
        make_window: MakeWindow, messages: Messages, jinrongjie: Form, tmp_path: Path) -> None:
    jinrongjie.goals = "第一段\x07第二段"  # a bell pasted from another program
    window, _ = open_stored(make_window, jinrongjie)
    target = tmp_path / "out.xlsx"
    assert window.export_file(target) == target
    warning = next(m for m in messages.of(msgbox.Kind.WARNING) if "控制字符" in m[1])
    assert "\\x07" in warning[2]


# --- opening: title, tab, checks list -------------------------------------------------------------


def test_opening_names_the_form_in_the_title_and_returns_to_the_clerks_tab(
        make_window: MakeWindow, jinrongjie: Form, niujie: Form) -> None:
    window, first = open_stored(make_window, jinrongjie)
    assert window.repo is not None and window.editor is not None
    second = window.repo.create(niujie)
    assert "金融街" in window.windowTitle()
    tabs = window.editor.tab_widget()
    tabs.setCurrentIndex(2)  # the clerk works on the indicators
    assert window.open_form(second)
    assert "牛街" in window.windowTitle()
    assert tabs.currentIndex() == 0  # 牛街 was never opened: its first tab
    assert window.open_form(first)
    assert tabs.currentIndex() == 2
    window.close()
    again = make_window()  # the next start reopens the last form where the clerk was
    assert again.editor is not None and again.editor.tab_widget().currentIndex() == 2
    assert "金融街" in again.windowTitle()


def test_opening_another_form_shows_its_checks_from_the_top(make_window: MakeWindow, niujie: Form,
                                                            jinrongjie: Form) -> None:
    window, _ = open_stored(make_window, niujie)
    assert window.repo is not None
    other = window.repo.create(jinrongjie)
    view = window.checks_panel.ui.findingsView
    view.resize(200, 60)
    window.checker.run_now()
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    assert window.open_form(other)
    window.checker.run_now()
    assert view.verticalScrollBar().value() == 0


def test_no_outcome_indicator_opens_the_outcome_tab(make_window: MakeWindow, niujie: Form) -> None:
    from jixiao_desktop.domain.model import Category

    window, _ = open_stored(make_window, niujie)
    assert window.editor is not None
    finding = next(f for f in window.checker.run_now() if f.rule == "indicators.outcome_missing")
    window.checks_panel.finding_activated.emit(finding)  # the clerk clicks it in the panel
    assert window.editor.tab_widget().currentWidget() is window.editor.category_tab(Category.OUTCOME)
