"""Every command on a PostgreSQL server as on a SQLite file (``db_target``), the schema the
migrations build there, and reviewers who never overwrite each other."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from jixiao_desktop import cli
from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.model import Form
from jixiao_desktop.storage import db
from jixiao_desktop.storage.bureau import BureauStore
from jixiao_desktop.storage.errors import StaleWriteError, StorageError
from jixiao_desktop.storage.models import Base
from jixiao_desktop.storage.repository import FormRepository


def test_migrations_build_exactly_the_models(db_target: str) -> None:
    engine = db.create_engine_for(db_target)
    try:
        assert db.upgrade_to_head(engine) is True
        assert db.upgrade_to_head(engine) is False  # at head: nothing to do
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert list(compare_metadata(context, Base.metadata)) == []
    finally:
        engine.dispose()


def test_every_command_on_the_database(db_target: str, tmp_path: Path, jinrongjie: Form,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "金融街.jixiao.json"
    source.write_text(exchange.dumps(jinrongjie), encoding="utf-8")
    assert cli.main(["import", str(source), "--db", db_target]) == 0
    capsys.readouterr()
    assert cli.main(["list", "--db", db_target, "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)["forms"]
    assert listed["department"] == jinrongjie.department
    out = tmp_path / "导出.jixiao.json"
    assert cli.main(["export-db", str(listed["id"]), str(out), "--db", db_target]) in (0, 1)
    assert exchange.load(out).goals == jinrongjie.goals
    capsys.readouterr()
    # collect of the exported file: the same form (same id, same revision) — skipped.
    assert cli.main(["collect", str(out), "--db", db_target, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["skipped"] == 1
    assert cli.main(["summary", "--db", db_target, "-"]) == 0
    assert json.loads(capsys.readouterr().out)["total"]["total"] == "39985.49"


def test_two_reviewers_never_overwrite_each_other(db_target: str, jinrongjie: Form) -> None:
    with FormRepository.open(db_target) as first, FormRepository.open(db_target) as second:
        form_id = first.create(jinrongjie)
        mine, theirs = first.load(form_id).form, second.load(form_id).form
        mine.goals = "甲改的"
        first.save(form_id, mine)
        theirs.goals = "乙改的"
        with pytest.raises(StaleWriteError):
            second.save(form_id, theirs)
        assert second.load(form_id).form.goals == "甲改的"
        # 审核意见 too: both start from the same (no) comment; the second save is refused.
        BureauStore(first).save_comment(form_id, "goals", "", "甲的意见", author="甲")
        with pytest.raises(StaleWriteError):
            BureauStore(second).save_comment(form_id, "goals", "", "乙的意见", author="乙")
        assert [c.text for c in BureauStore(second).comments(form_id)] == ["甲的意见"]


def test_reviewers_saving_at_the_same_moment(db_target: str, jinrongjie: Form) -> None:
    """Several threads save the same loaded revision at once: exactly one wins; every other
    save is refused as a whole (stale, or the server's serialization failure), none is lost."""
    with FormRepository.open(db_target) as repo:
        form_id = repo.create(jinrongjie)
        start = repo.load(form_id).form
    results: list[str] = []
    barrier = threading.Barrier(4)

    def reviewer(n: int) -> None:
        with FormRepository.open(db_target) as own:
            form = start.copy()
            form.goals = f"审核员{n}"
            barrier.wait()
            try:
                own.save(form_id, form)
                results.append(f"saved {n}")
            except StorageError:
                results.append("refused")

    threads = [threading.Thread(target=reviewer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    saved = [r for r in results if r.startswith("saved")]
    assert len(saved) == 1 and results.count("refused") == 3
    with FormRepository.open(db_target) as repo:
        stored = repo.load(form_id).form
        assert stored.goals == f"审核员{saved[0].split()[1]}"
        assert stored.revision == start.revision + 1
