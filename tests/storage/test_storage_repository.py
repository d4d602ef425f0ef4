"""FormRepository use cases as the window and the command line use them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC
from pathlib import Path

import pytest

from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.model import Acknowledgement, Form, FormStatus, Indicator, IndicatorItem
from jixiao_desktop.storage.repository import (
    EventKind,
    FormDeletedError,
    FormHasErrorsError,
    FormLockedError,
    FormNotFoundError,
    FormRepository,
    SnapshotKind,
    StorageError,
)


def _kinds(repo: FormRepository, form_id: int) -> list[str]:
    return [event.kind for event in repo.history(form_id)]


def test_open_creates_the_folder_and_a_new_database(db_path: Path) -> None:
    assert not db_path.parent.exists()
    with FormRepository.open(db_path) as repo:
        assert repo.list_forms() == []
    assert db_path.is_file()


def test_create_then_load_gives_the_form_back(repo: FormRepository, jinrongjie: Form) -> None:
    form_id = repo.create(jinrongjie, note="从文件导入")
    stored = repo.load(form_id)
    assert stored.id == form_id
    assert stored.form.without_identity() == jinrongjie.without_identity()
    assert stored.status is FormStatus.DRAFT
    assert stored.fingerprint is None
    assert stored.copied_from is None
    assert not stored.funds_need_review
    assert stored.updated_at.tzinfo is UTC
    assert [(e.kind, e.note) for e in repo.history(form_id)] == [("created", "从文件导入")]
    assert repo.history(form_id)[0].label == "新建"


def test_loaded_form_is_the_callers_own_copy(repo: FormRepository, jinrongjie: Form) -> None:
    form_id = repo.create(jinrongjie)
    first = repo.load(form_id).form
    first.department = "改过的名称"
    assert repo.load(form_id).form.department == jinrongjie.department


def test_list_forms_summarises_each_form(repo: FormRepository, jinrongjie: Form, niujie: Form) -> None:
    a = repo.create(jinrongjie)
    b = repo.create(niujie)
    summaries = repo.list_forms()
    assert [s.id for s in summaries] == [a, b]
    assert summaries[1].department == "北京市西城区人民政府牛街街道办事处"
    assert summaries[1].year == 2021
    assert summaries[1].template == "bj-2021-dept-overall"
    assert summaries[1].status is FormStatus.DRAFT
    assert not summaries[1].deleted
    assert summaries[1].updated_at.tzinfo is UTC


def test_save_replaces_the_content(repo: FormRepository, jinrongjie: Form,
                                   count_rows: Callable[..., int]) -> None:
    form_id = repo.create(jinrongjie)
    before = repo.load(form_id).updated_at
    edited = jinrongjie.copy()
    edited.goals = "新的绩效目标"
    edited.indicators = [Indicator(name="产出指标一：", content="完成", items=[IndicatorItem(level3="面积")])]
    saved_at = repo.save(form_id, edited)
    stored = repo.load(form_id)
    assert stored.form.without_identity() == edited.without_identity()
    assert stored.updated_at == saved_at
    assert saved_at >= before
    # The old rows are gone from the file, not just hidden.
    assert count_rows("indicator_rows", "form_id = ?", form_id) == 1
    assert count_rows("indicator_items") == 1


def test_save_does_not_touch_other_forms(repo: FormRepository, jinrongjie: Form, niujie: Form) -> None:
    a = repo.create(jinrongjie)
    b = repo.create(niujie)
    repo.save(a, Form(department="别的"))
    assert repo.load(b).form.indicators == niujie.indicators


def test_saved_forms_survive_closing_the_database(db_path: Path, jinrongjie: Form) -> None:
    with FormRepository.open(db_path) as repo:
        form_id = repo.create(jinrongjie)
    with FormRepository.open(db_path) as repo:
        assert repo.load(form_id).form.without_identity() == jinrongjie.without_identity()


def test_unknown_ids_give_a_chinese_not_found_error(repo: FormRepository) -> None:
    for call in (lambda: repo.load(42), lambda: repo.save(42, Form()), lambda: repo.history(42),
                 lambda: repo.finalise(42), lambda: repo.delete(42), lambda: repo.copy_to_next_year(42),
                 lambda: repo.list_snapshots(42), lambda: repo.load_snapshot(42)):
        with pytest.raises(FormNotFoundError, match="找不到编号为 42"):
            call()


# --- 定稿 ------------------------------------------------------------------------------------------


def test_finalise_locks_the_form_with_its_fingerprint(repo: FormRepository, niujie: Form) -> None:
    form_id = repo.create(niujie)
    fingerprint = repo.finalise(form_id)
    assert fingerprint == exchange.fingerprint(niujie)
    stored = repo.load(form_id)
    assert stored.status is FormStatus.FINAL
    assert stored.locked
    assert stored.fingerprint == fingerprint
    assert repo.list_forms()[0].status is FormStatus.FINAL
    # The final content is kept as a version.
    snapshots = repo.list_snapshots(form_id)
    assert [s.kind for s in snapshots] == [SnapshotKind.FINALISED]
    assert exchange.fingerprint(repo.load_snapshot(snapshots[0].id)) == fingerprint
    assert _kinds(repo, form_id) == ["created", "finalised"]
    assert repo.history(form_id)[-1].note == fingerprint


def test_a_form_with_errors_cannot_be_finalised_by_any_caller(repo: FormRepository, niujie: Form) -> None:
    niujie.funds.basic = "5214.99"  # 资金总额 no longer adds up: an error
    form_id = repo.create(niujie)
    with pytest.raises(FormHasErrorsError, match=r"不能定稿.*资金总额"):
        repo.finalise(form_id)
    stored = repo.load(form_id)
    assert stored.status is FormStatus.DRAFT and stored.fingerprint is None
    assert repo.list_snapshots(form_id) == [] and _kinds(repo, form_id) == ["created"]


def test_finalising_twice_keeps_the_fingerprint(repo: FormRepository, niujie: Form) -> None:
    form_id = repo.create(niujie)
    first = repo.finalise(form_id)
    assert repo.finalise(form_id) == first
    assert _kinds(repo, form_id) == ["created", "finalised"]


def test_a_final_form_cannot_be_saved(repo: FormRepository, niujie: Form, niujie_stored: Form) -> None:
    form_id = repo.create(niujie)
    repo.finalise(form_id)
    changed = niujie.copy()
    changed.goals = "偷偷改"
    with pytest.raises(FormLockedError, match="已定稿"):
        repo.save(form_id, changed)
    assert repo.load(form_id).form.without_identity() == niujie_stored.without_identity()


def test_a_final_form_takes_its_later_stages_and_keeps_its_fingerprint(repo: FormRepository,
                                                                       niujie: Form) -> None:
    """The 申报 is 定稿 before mid-year: 监控 and 自评 are typed into the same form afterwards, and
    saved, while the 申报 itself stays locked (its 定稿指纹 decides)."""
    from jixiao_desktop.domain import evaluation as ev

    form_id = repo.create(niujie)
    fingerprint = repo.finalise(form_id)
    form = repo.load(form_id).form
    ev.set_stage(form, ev.Stage.EVALUATION)
    ev.set_row_text(form.indicators[0], "actual", "全年开展活动 12 场")
    ev.set_row_text(form.indicators[0], "score", "9")
    ev.set_execution_text(form, "executed", "20000")
    repo.save(form_id, form)
    stored = repo.load(form_id)
    assert stored.status is FormStatus.FINAL and stored.fingerprint == fingerprint
    assert ev.stage_of(stored.form) is ev.Stage.EVALUATION
    assert ev.row_text(stored.form.indicators[0], "actual") == "全年开展活动 12 场"
    stored.form.indicators[0].content += "（补一句）"  # the 申报 is still locked
    with pytest.raises(FormLockedError, match="已定稿"):
        repo.save(form_id, stored.form)


def test_unfinalise_needs_a_reason(repo: FormRepository, niujie: Form) -> None:
    form_id = repo.create(niujie)
    repo.finalise(form_id)
    for reason in ("", "   "):
        with pytest.raises(StorageError, match="原因"):
            repo.unfinalise(form_id, reason)
    assert repo.load(form_id).status is FormStatus.FINAL


def test_unfinalise_reopens_the_form_and_records_why(repo: FormRepository, niujie: Form) -> None:
    form_id = repo.create(niujie)
    repo.finalise(form_id)
    repo.unfinalise(form_id, "财政局退回，需调整满意度指标")
    stored = repo.load(form_id)
    assert stored.status is FormStatus.DRAFT
    assert stored.fingerprint is None
    last = repo.history(form_id)[-1]
    assert (last.kind, last.note, last.label) == ("unfinalised", "财政局退回，需调整满意度指标", "取消定稿")
    changed = niujie.copy()
    changed.other_notes = "已调整"
    repo.save(form_id, changed)
    assert repo.load(form_id).form.other_notes == "已调整"


def test_unfinalise_of_a_draft_is_refused(repo: FormRepository, niujie: Form) -> None:
    form_id = repo.create(niujie)
    with pytest.raises(StorageError, match="尚未定稿"):
        repo.unfinalise(form_id, "原因")


# --- versions -----------------------------------------------------------------------------------


def test_snapshot_and_load_snapshot(repo: FormRepository, jinrongjie: Form) -> None:
    form_id = repo.create(jinrongjie)
    snap_id = repo.snapshot(form_id, "报送前")
    changed = jinrongjie.copy()
    changed.goals = "改了"
    repo.save(form_id, changed)
    assert repo.load_snapshot(snap_id).without_identity() == jinrongjie.without_identity()
    [info] = repo.list_snapshots(form_id)
    assert (info.id, info.note, info.kind) == (snap_id, "报送前", "manual")
    assert info.created_at.tzinfo is UTC
    assert repo.history(form_id)[-1].kind == EventKind.SNAPSHOT


def test_restore_snapshot_keeps_the_current_content_as_a_version(repo: FormRepository,
                                                                 jinrongjie: Form) -> None:
    form_id = repo.create(jinrongjie)
    snap_id = repo.snapshot(form_id, "原稿")
    changed = jinrongjie.copy()
    changed.goals = "第二稿"
    repo.save(form_id, changed)

    repo.restore_snapshot(form_id, snap_id)

    assert repo.load(form_id).form.without_identity() == jinrongjie.without_identity()
    newest = repo.list_snapshots(form_id)[0]
    assert newest.kind == SnapshotKind.BEFORE_RESTORE
    assert repo.load_snapshot(newest.id).goals == "第二稿"
    assert repo.history(form_id)[-1].kind == "restored"
    assert "原稿" in repo.history(form_id)[-1].note


def test_restore_snapshot_of_another_form_is_refused(repo: FormRepository, jinrongjie: Form,
                                                     niujie: Form) -> None:
    a = repo.create(jinrongjie)
    b = repo.create(niujie)
    snap = repo.snapshot(b)
    with pytest.raises(FormNotFoundError, match="不属于"):
        repo.restore_snapshot(a, snap)
    assert repo.load(a).form.without_identity() == jinrongjie.without_identity()


def test_restore_snapshot_into_a_final_form_is_refused(repo: FormRepository, jinrongjie: Form) -> None:
    form_id = repo.create(jinrongjie)
    snap = repo.snapshot(form_id)
    repo.finalise(form_id)
    with pytest.raises(FormLockedError):
        repo.restore_snapshot(form_id, snap)


# --- recycle bin --------------------------------------------------------------------------------


def test_delete_moves_to_the_recycle_bin_and_restore_brings_back(repo: FormRepository,
                                                                 jinrongjie: Form) -> None:
    form_id = repo.create(jinrongjie)
    repo.delete(form_id)
    assert repo.list_forms() == []
    [binned] = repo.list_forms(include_deleted=True)
    assert binned.deleted
    assert binned.deleted_at is not None
    assert repo.load(form_id).deleted  # still readable, to look at it
    with pytest.raises(FormDeletedError, match="回收站"):
        repo.save(form_id, jinrongjie)

    repo.restore_deleted(form_id)
    assert [s.id for s in repo.list_forms()] == [form_id]
    assert repo.load(form_id).form.without_identity() == jinrongjie.without_identity()
    assert _kinds(repo, form_id) == ["created", "deleted", "undeleted"]


def test_purge_needs_the_recycle_bin_first(repo: FormRepository, jinrongjie: Form) -> None:
    form_id = repo.create(jinrongjie)
    with pytest.raises(StorageError, match="不在回收站"):
        repo.purge(form_id)
    assert repo.load(form_id).form.without_identity() == jinrongjie.without_identity()


def test_purge_removes_every_row_of_the_form(repo: FormRepository, count_rows: Callable[..., int]) -> None:
    form = Form(department="甲", indicators=[Indicator(name="产出指标一：", items=[IndicatorItem("a")])],
                acknowledgements=[Acknowledgement("r", "goals", "x")])
    form_id = repo.create(form)
    keep = repo.create(Form(department="乙"))
    repo.snapshot(form_id)
    repo.delete(form_id)
    repo.purge(form_id)
    with pytest.raises(FormNotFoundError):
        repo.load(form_id)
    for table in ("indicator_rows", "indicator_items", "acknowledgements", "snapshots"):
        assert count_rows(table) == 0, table
    assert count_rows("events", "form_id = ?", form_id) == 0
    assert repo.load(keep).form.department == "乙"


def test_empty_recycle_bin(repo: FormRepository) -> None:
    a = repo.create(Form(department="甲"))
    b = repo.create(Form(department="乙"))
    repo.delete(a)
    assert repo.empty_recycle_bin() == 1
    assert [s.id for s in repo.list_forms(include_deleted=True)] == [b]


# --- 继承上年 -----------------------------------------------------------------------------------


def test_copy_to_next_year(repo: FormRepository, niujie: Form) -> None:
    niujie.acknowledgements.append(Acknowledgement("text.stale_year", "goals", "abcd", "已知悉"))
    source = repo.create(niujie)
    repo.finalise(source)
    new_id = repo.copy_to_next_year(source)

    stored = repo.load(new_id)
    assert stored.form.year == 2022
    assert stored.form.goals == niujie.goals
    assert stored.form.acknowledgements == []
    assert stored.status is FormStatus.DRAFT
    assert stored.funds_need_review
    assert stored.copied_from == source
    [event] = repo.history(new_id)
    assert event.kind == "copied_from"
    assert "2021年度" in event.note
    # The source stays as it was.
    assert repo.load(source).status is FormStatus.FINAL
    assert repo.load(source).form.year == 2021

    repo.mark_funds_reviewed(new_id)
    assert not repo.load(new_id).funds_need_review
    assert repo.history(new_id)[-1].kind == "funds_reviewed"


def test_a_copy_outlives_its_purged_source(repo: FormRepository, niujie: Form) -> None:
    source = repo.create(niujie)
    copy_id = repo.copy_to_next_year(source)
    repo.delete(source)
    repo.purge(source)
    stored = repo.load(copy_id)
    assert stored.copied_from is None
    assert stored.form.year == 2022


def test_history_is_in_time_order(repo: FormRepository, jinrongjie: Form) -> None:
    form_id = repo.create(jinrongjie)
    repo.snapshot(form_id, "一")
    repo.finalise(form_id)
    repo.unfinalise(form_id, "退回")
    repo.delete(form_id)
    events = repo.history(form_id)
    assert [e.kind for e in events] == ["created", "snapshot", "finalised", "unfinalised", "deleted"]
    assert all(e.at.tzinfo is UTC for e in events)
    assert [e.at for e in events] == sorted(e.at for e in events)


def test_closed_repository_refuses_work(db_path: Path) -> None:
    repo = FormRepository.open(db_path)
    repo.close()
    with pytest.raises(StorageError, match="已关闭"):
        repo.list_forms()
