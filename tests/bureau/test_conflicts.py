"""Issue 19, item 2: a conflict the reviewer resolves — in the window (处理冲突, the list's context
menu and 删除所选申报表) and with ``jixiao-desktop resolve`` / ``delete`` — on SQLite and PostgreSQL.

The inbox holds the same unit's older .xlsx (an export without identity: collected under an id of
its own) and its newer .jixiao.json: the second is a conflict ("另一份申报表（表单编号不同）")."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from jixiao_desktop import cli, formfiles
from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.model import Form
from jixiao_desktop.storage.bureau import BureauStore
from jixiao_desktop.storage.repository import FormRepository
from jixiao_desktop.ui.bureau.window import BureauWindow
from jixiao_desktop.usecases.resolving import Resolution

UID = "44444444-4444-4444-8444-444444444444"


def inbox(tmp_path: Path, niujie: Form) -> tuple[Path, Path]:
    old = niujie.copy()
    old.id, old.revision = UID, 1
    xlsx = tmp_path / "收件箱" / "牛街-旧.xlsx"
    xlsx.parent.mkdir(parents=True)
    formfiles.write_form_file(old, xlsx)
    wb = openpyxl.load_workbook(xlsx)
    del wb["jixiao"]  # exported by an older version: no identity
    wb.save(xlsx)
    new = niujie.copy()
    new.id, new.revision = UID, 3
    new.goals += "（第三版补充的目标）"
    json_file = tmp_path / "收件箱" / "牛街-新.jixiao.json"
    json_file.write_text(exchange.dumps(new), encoding="utf-8")
    return xlsx, json_file


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    capsys.readouterr()
    code = cli.main(list(args))
    return code, capsys.readouterr().out


def forms(db: str) -> list[tuple[str, int, bool]]:
    with FormRepository.open(db) as repo:
        return [(repo.load(s.id).form.goals[-10:], repo.load(s.id).form.revision, s.deleted)
                for s in repo.list_forms(include_deleted=True)]


def test_resolve_take_merges_the_file_into_the_stored_form(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], db_target: str, niujie: Form) -> None:
    xlsx, newer = inbox(tmp_path, niujie)
    code, out = run(capsys, "collect", str(xlsx), str(newer), "--db", db_target, "--json")
    report = json.loads(out)
    assert code == 1 and report["added"] == 1 and len(report["conflicts"]) == 1
    assert "表单编号不同" in report["conflicts"][0]["reason"]
    code, out = run(capsys, "resolve", str(newer), "--take", "--db", db_target, "--json")
    assert code == 0 and json.loads(out)["action"] == "updated"
    with FormRepository.open(db_target) as repo:
        [summary] = repo.list_forms()
        stored = repo.load(summary.id)
        assert stored.form.goals.endswith("（第三版补充的目标）") and stored.form.id == UID
        assert stored.form.revision == 3
        assert any("采用" in s.note for s in repo.list_snapshots(summary.id))  # the old kept as a version
    # Collecting the newer file again now finds it by its id: nothing to resolve.
    code, out = run(capsys, "collect", str(newer), "--db", db_target, "--json")
    assert code == 0 and json.loads(out)["skipped"] == 1


def test_resolve_keep_and_delete(tmp_path: Path, capsys: pytest.CaptureFixture[str], db_target: str,
                                 niujie: Form) -> None:
    xlsx, newer = inbox(tmp_path, niujie)
    run(capsys, "collect", str(xlsx), "--db", db_target)
    code, out = run(capsys, "resolve", str(newer), "--keep", "--db", db_target, "--json")
    assert code == 0 and json.loads(out)["action"] == "kept"
    assert len(forms(db_target)) == 1
    code, out = run(capsys, "resolve", str(newer), "--delete", "--db", db_target, "--json")
    assert code == 0 and json.loads(out)["action"] == "added"
    assert sorted((deleted, revision) for _, revision, deleted in forms(db_target)) == [(False, 3), (True, 1)]


def test_delete_moves_a_form_to_the_recycle_bin(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                db_target: str, niujie: Form) -> None:
    with FormRepository.open(db_target) as repo:
        form_id = repo.create(niujie)
    code, out = run(capsys, "delete", str(form_id), "--db", db_target)
    assert code == 0 and "回收站" in out
    assert forms(db_target)[0][2] is True


def test_the_window_resolves_conflicts_and_deletes(qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                   db_target: str, niujie: Form) -> None:
    from jixiao_desktop.ui import msgbox

    asked: list[str] = []
    monkeypatch.setattr(msgbox, "confirm", lambda parent, title, text, detail="": asked.append(text) or True)
    xlsx, newer = inbox(tmp_path, niujie)
    window = BureauWindow(db_target, author="张三")
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.collect_finished, timeout=60000):
        assert window.start_collect([str(xlsx)])  # last week's mail
    with qtbot.waitSignal(window.collect_finished, timeout=60000):
        assert window.start_collect([str(newer)])  # this week's
    dialog = window.conflicts_dialog
    assert dialog.isVisible() and dialog.table.rowCount() == 1
    assert dialog.resolve_selected(Resolution.TAKE)
    assert dialog.table.rowCount() == 0
    dialog.accept()
    assert window.model.total == 1
    assert window.model.row_at(0).revision == 3
    # 删除所选申报表 (also in the list's context menu): confirmed, to the 回收站, gone from the list.
    window.table.selectRow(0)
    assert window._delete_selected()
    assert "移到回收站" in asked[-1]
    assert window.model.total == 0
    with FormRepository.open(db_target) as repo:
        assert [s.deleted for s in repo.list_forms(include_deleted=True)] == [True]
        assert BureauStore(repo).comments(repo.list_forms(include_deleted=True)[0].id) == []
    window.close()
