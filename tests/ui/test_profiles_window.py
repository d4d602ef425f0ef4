"""Rule profiles in the window (issue 16): chosen in 新建, a default asked once at the first
start (您所在的省份/地区), switched per form as one undo step with the checks run at once, the
grid showing the profile's columns with its labels, a bureau's profile file imported (文件 →
导入规则方案…) and kept in the database, a bad file refused in Chinese with nothing stored."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from jixiao_desktop.domain.model import Category, Layout
from jixiao_desktop.domain.profiles import ProfileRef, find_profile, unregister_profile
from jixiao_desktop.storage.repository import FormRepository
from jixiao_desktop.ui import msgbox
from jixiao_desktop.ui.main_window import MainWindow
from jixiao_desktop.ui.profile_actions import ProfileActions
from tests.ui.conftest import Messages

MakeWindow = Callable[[], MainWindow]
BUREAU_ID = "hn-cs-test"


def bureau_profile(**changes: Any) -> dict[str, Any]:
    """A bureau's own profile as it would hand it out: Hunan's columns, amounts in 元, and the
    weight rule turned off (the checks read that today)."""
    data: dict[str, Any] = {
        "format": "jixiao-profile", "format_version": 1, "id": BUREAU_ID, "name": "长沙市某区（测试）",
        "region": "湖南省长沙市", "template": "tabular",
        "columns": [
            {"key": "level1", "label": "一级指标"}, {"key": "level2", "label": "二级指标"},
            {"key": "level3", "label": "三级指标", "required": True},
            {"key": "explanation", "label": "指标解释", "required": True},
            {"key": "nature", "label": "指标性质"}, {"key": "operator", "label": "运算符"},
            {"key": "value", "label": "指标值", "required": True}, {"key": "unit", "label": "计量单位"},
            {"key": "weight", "label": "权重"}, {"key": "scoring", "label": "评(扣)分标准", "required": True},
        ],
        "amount_unit": "元",
        "rules": {"items.weights_not_100": "off"},
    }
    data.update(changes)
    return data


@pytest.fixture
def profile_file(tmp_path: Path) -> Path:
    path = tmp_path / "长沙市某区.profile.json"
    path.write_text(json.dumps(bureau_profile(), ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _forget_bureau_profiles() -> Any:
    yield
    unregister_profile(BUREAU_ID)


def actions_of(window: MainWindow) -> ProfileActions:
    found = window.findChild(ProfileActions)
    assert found is not None
    return found


def new_tabular_form(window: MainWindow, department: str = "长沙市某区某单位") -> None:
    from jixiao_desktop.ui.dialogs.new_form import NewFormRequest

    assert window.form_actions.create_form(NewFormRequest(Layout.TABULAR, 2024, department)) is not None


def grid_headers(window: MainWindow) -> list[str]:
    assert window.editor is not None
    tab = window.editor.category_tab(Category.OUTPUT)
    assert tab is not None
    model = tab.model
    return [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]


def stored_profiles(db_path: Path) -> list[tuple[str, str]]:
    con = sqlite3.connect(db_path)
    try:
        return con.execute("SELECT profile_id, source FROM profiles").fetchall()
    finally:
        con.close()


def rules(window: MainWindow) -> set[str]:
    return {f.rule for f in window.checker.findings}


def test_a_bureau_profile_is_imported_and_the_form_switched_in_one_undo_step(
        make_window: MakeWindow, messages: Messages, profile_file: Path, db_path: Path) -> None:
    window = make_window()
    new_tabular_form(window)
    assert window.editor is not None
    form = window.editor.form()
    window.editor.set_text("funds.total", "12.5")
    window.editor.set_text("indicators[0].items[0].weight", "50")
    window.checker.run_now()
    assert "items.weights_not_100" in rules(window)
    assert "指标解释" not in grid_headers(window)

    messages.choice = 0  # 改用此方案
    profile = actions_of(window).import_profile_file(profile_file)

    assert profile is not None and profile.id == BUREAU_ID
    assert stored_profiles(db_path) == [(BUREAU_ID, "长沙市某区.profile.json")]
    assert form.profile == profile.ref
    headers = grid_headers(window)
    assert headers[:3] == ["二级指标", "三级指标", "指标解释"] and "评(扣)分标准" in headers
    # The checks ran at once, under the new profile (it turns the weight rule off).
    assert "items.weights_not_100" not in rules(window)
    assert form.funds.unit == "元" and form.funds.total == "125000.00"  # 12.5 万元, exactly
    assert "长沙市某区（测试）" in window.editor.basic_tab.ui.profileLabel.text()
    assert "单位：元" in window.editor.basic_tab.ui.fundsGroup.title()

    window.editor.undo_stack().undo()  # one step takes all of it back
    window.checker.run_now()
    assert form.profile is not None and form.profile.id == "tabular-generic"
    assert form.funds.unit == "万元" and form.funds.total == "12.5"
    assert "指标解释" not in grid_headers(window)
    assert "items.weights_not_100" in rules(window)
    window.editor.undo_stack().redo()
    assert form.profile == profile.ref and "指标解释" in grid_headers(window)


def test_a_typed_explanation_is_saved_and_shown(make_window: MakeWindow, messages: Messages,
                                                profile_file: Path) -> None:
    window = make_window()
    new_tabular_form(window)
    messages.choice = 0
    actions_of(window).import_profile_file(profile_file)
    assert window.editor is not None and window.session is not None
    tab = window.editor.category_tab(Category.OUTPUT)
    assert tab is not None
    column = [c.attr for c in tab.model.COLUMNS].index("explanation")
    assert tab.model.setData(tab.model.index(0, column), "按年末在册人数统计")
    assert window.session.save()
    assert window.repo is not None
    stored = window.repo.load(window.session.form_id).form  # type: ignore[arg-type]
    assert stored.indicators[0].items[0].explanation == "按年末在册人数统计"
    assert stored.profile is not None and stored.profile.id == BUREAU_ID


@pytest.mark.parametrize("change, field", [
    ({"columns": [{"key": "level9", "label": "九级"}]}, "columns[0].key"),
    ({"amount_unit": "千元"}, "amount_unit"),
    ({"id": "Bad ID"}, "id"),
])
def test_a_bad_profile_file_is_refused_naming_the_file_and_field(
        make_window: MakeWindow, messages: Messages, tmp_path: Path, db_path: Path,
        change: dict[str, Any], field: str) -> None:
    window = make_window()
    new_tabular_form(window)
    assert window.editor is not None
    form = window.editor.form()
    bad = tmp_path / "坏方案.profile.json"
    bad.write_text(json.dumps(bureau_profile(**change), ensure_ascii=False), encoding="utf-8")

    assert actions_of(window).import_profile_file(bad) is None

    errors = messages.of(msgbox.Kind.ERROR) + messages.of(msgbox.Kind.WARNING)
    assert errors, messages.shown
    text = errors[-1][2] + errors[-1][3]
    assert "坏方案.profile.json" in text and field in text
    assert stored_profiles(db_path) == []  # nothing stored
    assert form.profile is not None and form.profile.id == "tabular-generic"  # its last good profile
    assert window.editor.undo_stack().count() == 0


def test_an_unknown_profile_id_is_refused_and_the_form_keeps_its_profile(
        make_window: MakeWindow, messages: Messages) -> None:
    window = make_window()
    new_tabular_form(window)
    assert window.editor is not None
    assert not actions_of(window).switch_form_profile("no-such-profile")
    assert any("no-such-profile" in m[2] + m[3] for m in messages.shown)
    assert window.editor.form().profile.id == "tabular-generic"  # type: ignore[union-attr]


def test_a_stored_profile_is_known_again_after_a_restart(
        make_window: MakeWindow, messages: Messages, profile_file: Path) -> None:
    window = make_window()
    new_tabular_form(window)
    messages.choice = 0
    actions_of(window).import_profile_file(profile_file)
    assert window.session is not None and window.session.save()
    window.close()
    unregister_profile(BUREAU_ID)  # a new process: only the database remembers it
    assert find_profile(BUREAU_ID) is None

    again = make_window()
    assert find_profile(BUREAU_ID) is not None  # the stored copy
    assert again.editor is not None and again.editor.form().profile is not None
    assert "指标解释" in grid_headers(again)
    assert "profile.unknown" not in rules(again)


def test_a_form_whose_profile_is_nowhere_says_which_one_is_missing(
        make_window: MakeWindow, messages: Messages, db_path: Path) -> None:
    window = make_window()
    new_tabular_form(window)
    assert window.session is not None and window.repo is not None
    form_id = window.session.form_id
    assert form_id is not None
    window.close()
    with FormRepository.open(db_path) as repo:  # a file from a bureau this machine never heard of
        form = repo.load(form_id).form
        form.profile = ProfileRef("xj-kashi", "00ff")
        repo.save(form_id, form)

    again = make_window()
    assert again.open_form(form_id)
    assert again.editor is not None
    assert "xj-kashi" in again.editor.basic_tab.ui.profileLabel.text()
    again.checker.run_now()
    assert "profile.unknown" in rules(again)
    assert grid_headers(again)[:2] == ["二级指标", "三级指标"]  # still works, under the default


def test_the_region_is_asked_once_at_the_first_start(make_window: MakeWindow, messages: Messages) -> None:
    window = make_window()  # its start-up asked: the bar is on the form list
    bar = actions_of(window).region_bar
    assert bar is not None and bar.isVisibleTo(window)
    labels = [bar.combo.itemText(i) for i in range(bar.combo.count())]
    assert any("tabular-generic" in label for label in labels)
    bar.combo.setCurrentIndex(bar.combo.findData("tabular-generic"))
    bar.ok_button.click()
    assert actions_of(window).region_bar is None
    assert window.settings.default_profile_id() == "tabular-generic"
    window.close()

    again = make_window()
    again.ready.emit()
    assert actions_of(again).region_bar is None  # asked once


def test_new_form_offers_the_default_profile_and_its_layouts(qtbot: Any, make_window: MakeWindow,
                                                              messages: Messages, profile_file: Path) -> None:
    from jixiao_desktop.ui.dialogs.new_form import NewFormDialog

    window = make_window()
    actions_of(window).import_profile_file(profile_file)
    window.settings.set_default_profile_id(BUREAU_ID)
    dialog = NewFormDialog([], 2024, window, profile_id=window.settings.default_profile_id())
    qtbot.addWidget(dialog)
    assert dialog.ui.profileCombo.currentData() == BUREAU_ID
    layouts = [dialog.ui.layoutCombo.itemData(i) for i in range(dialog.ui.layoutCombo.count())]
    assert layouts == [Layout.TABULAR]  # its printed table is the tabular one
    assert "金额单位：元" in dialog.ui.profileHint.text() and "指标解释" in dialog.ui.profileHint.text()
    dialog.ui.departmentEdit.setText("长沙市某区某单位")
    request = dialog.request()
    assert request.profile_id == BUREAU_ID
    assert window.form_actions.create_form(request) is not None
    assert window.editor is not None
    form = window.editor.form()
    assert form.profile is not None and form.profile.id == BUREAU_ID and form.funds.unit == "元"
    assert "评(扣)分标准" in grid_headers(window)
    dialog.set_profile("bj-2021")
    layouts = [dialog.ui.layoutCombo.itemData(i) for i in range(dialog.ui.layoutCombo.count())]
    assert layouts == [Layout.STANDARD, Layout.NUMBERED]


def test_a_review_file_carries_the_bureaus_profile_to_the_unit(
        make_window: MakeWindow, messages: Messages, profile_file: Path, tmp_path: Path, db_path: Path) -> None:
    """The bureau's 导出审核意见文件 carries its own profile (key profile); the unit's 导入审核意见
    keeps it, so the form opens under the bureau's columns and rules without a second file."""
    from jixiao_desktop.domain import review
    from jixiao_desktop.domain.profiles import load_profile_file
    from jixiao_desktop.domain.profiles.carry import profile_in_review, with_profile
    from jixiao_desktop.ui.bureau.hooks import import_review

    bureau_copy = load_profile_file(profile_file)
    window = make_window()
    new_tabular_form(window)
    assert window.editor is not None and window.session is not None
    form = window.editor.form()
    form.profile = bureau_copy.ref  # the form names a profile this machine does not have yet
    window.session.touch()
    assert window.session.save()
    stored = window.repo.load(window.session.form_id)  # type: ignore[union-attr, arg-type]
    unregister_profile(BUREAU_ID)
    text = review.dumps(review.ReviewFile(form_id=stored.form.id, revision=stored.form.revision,
                                          department=stored.form.department, year=stored.form.year,
                                          comments=[review.Comment("funds.total", "请核实资金总额")],
                                          reviewer="长沙市某区财政局"))
    path = tmp_path / "意见.jixiao-review.json"
    path.write_text(with_profile(text, bureau_copy), encoding="utf-8")
    assert profile_in_review(path.read_bytes(), path.name) == bureau_copy
    assert with_profile(text, find_profile("hn")) == text  # a built-in is never carried

    assert import_review(window, path)

    assert find_profile(BUREAU_ID) == bureau_copy
    assert stored_profiles(db_path) == [(BUREAU_ID, path.name)]
    assert "指标解释" in grid_headers(window)


def test_a_review_file_with_a_broken_profile_still_gives_its_comments(tmp_path: Path) -> None:
    from jixiao_desktop.domain.profiles import ProfileError
    from jixiao_desktop.domain.profiles.carry import profile_in_review

    path = tmp_path / "意见.jixiao-review.json"
    path.write_text(json.dumps({"format": "jixiao-review", "profile": {"text": json.dumps(
        bureau_profile(amount_unit="千元"), ensure_ascii=False)}}, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ProfileError) as caught:
        profile_in_review(path.read_bytes(), path.name)
    assert "意见.jixiao-review.json" in str(caught.value) and "amount_unit" in str(caught.value)
