"""The use cases without a window: what the window, the CLI and the bureau all rely on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.model import Form
from jixiao_desktop.storage import backups
from jixiao_desktop.storage.bureau import BureauStore
from jixiao_desktop.storage.repository import FormRepository
from jixiao_desktop.usecases.collecting import collect
from jixiao_desktop.usecases.importing import import_form
from jixiao_desktop.usecases.writes import BackupFailedError


def _repo(tmp_path: Path) -> FormRepository:
    return FormRepository.open(tmp_path / "data" / "jixiao.db")


def _sent(tmp_path: Path, form: Form) -> Path:
    folder = tmp_path / "收到的申报表"
    folder.mkdir()
    (folder / "sent.jixiao.json").write_text(exchange.dumps(form), encoding="utf-8")
    return folder


def test_import_stores_the_form_after_a_backup(tmp_path: Path, niujie: Form, jinrongjie: Form) -> None:
    with _repo(tmp_path) as repo:
        first = import_form(repo, niujie, note="从 n.docx 导入")
        # An empty database has nothing to keep; the second import backs up the first form.
        second = import_form(repo, jinrongjie, note="从 j.docx 导入")
        stored = {s.id: s.department for s in repo.list_forms()}
        made = [b for b in backups.list_backups(repo.db_path) if b.reason == "import"]
    assert stored == {first.form_id: niujie.department, second.form_id: jinrongjie.department}
    assert first.opened == first.form_id and first.next_year_id is None and first.carry_error is None
    assert len(made) == 1 and made[0].forms == 1


def test_import_with_carry_over_opens_next_years_draft(tmp_path: Path, niujie: Form) -> None:
    with _repo(tmp_path) as repo:
        result = import_form(repo, niujie, note="导入", carry_over=True)
        assert result.next_year_id is not None and result.opened == result.next_year_id
        draft = repo.load(result.next_year_id).form
    assert niujie.year is not None and draft.year == niujie.year + 1
    assert draft.department == niujie.department


def test_a_failed_backup_stores_nothing(tmp_path: Path, niujie: Form, jinrongjie: Form) -> None:
    with _repo(tmp_path) as repo:
        import_form(repo, niujie, note="导入")
        backups.backup_dir(repo.db_path).write_text("a file where the backup folder goes", encoding="utf-8")
        with pytest.raises(BackupFailedError) as raised:
            import_form(repo, jinrongjie, note="导入")
        assert [s.department for s in repo.list_forms()] == [niujie.department]
    assert str(raised.value)  # a Chinese sentence for the clerk


def test_collect_backs_up_first_and_stores(tmp_path: Path, niujie: Form, jinrongjie: Form) -> None:
    folder = _sent(tmp_path, jinrongjie)
    with _repo(tmp_path) as repo:
        import_form(repo, niujie, note="导入")
        report = collect(BureauStore(repo), [str(folder)])
        departments = sorted(s.department for s in repo.list_forms())
        made = [b for b in backups.list_backups(repo.db_path) if b.reason == "collect"]
    assert report.added == 1 and departments == sorted([niujie.department, jinrongjie.department])
    assert len(made) == 1 and made[0].forms == 1


def test_a_failed_backup_collects_nothing(tmp_path: Path, niujie: Form, jinrongjie: Form) -> None:
    folder = _sent(tmp_path, jinrongjie)
    with _repo(tmp_path) as repo:
        import_form(repo, niujie, note="导入")
        backups.backup_dir(repo.db_path).write_text("not a folder", encoding="utf-8")
        with pytest.raises(BackupFailedError):
            collect(BureauStore(repo), [str(folder)])
        assert [s.department for s in repo.list_forms()] == [niujie.department]


def test_the_use_cases_import_no_qt() -> None:
    code = ("import sys, jixiao_desktop.usecases.importing, jixiao_desktop.usecases.collecting; "
            "print([m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
