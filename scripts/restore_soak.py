"""Long run of the restore kill harness (issue 18, item 4): ``restore`` SIGKILLed at random moments.

Each round copies a database whose newest form lives only in its WAL (the writer was killed),
runs a real ``backups.restore_backup`` in a child process, kills it after a random delay within
the restore's own duration, then opens the file as the next start would (``FormRepository.open``,
which finishes an interrupted restore) and checks:

- the database opens and passes ``integrity_check``;
- it holds either the forms from before the restore, or the backup's forms — never nothing;
- when the backup is in place, the old file with its WAL is set aside with every old form;
- no copy or journal is left behind.

    .venv/bin/python scripts/restore_soak.py 200 7     # rounds, seed

The short run (a kill at each step) is ``tests/safety/test_restore_journal.py``.
"""

from __future__ import annotations

import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jixiao_desktop.domain import exchange  # noqa: E402
from jixiao_desktop.storage import backups, restore_journal  # noqa: E402
from jixiao_desktop.storage.repository import FormRepository  # noqa: E402

CHILD = """
import sys, time
from pathlib import Path
from jixiao_desktop.storage import backups
print("go", flush=True)
t = time.perf_counter()
backups.restore_backup(Path(sys.argv[1]), Path(sys.argv[2]))
print("done", time.perf_counter() - t, flush=True)
"""

WRITE_AND_DIE = """
import os, signal, sys
from jixiao_desktop.storage.repository import FormRepository
from jixiao_desktop.domain import exchange
repo = FormRepository.open(sys.argv[1])
form = exchange.loads(open(sys.argv[2], encoding="utf-8").read())
form.department = "备份之后新建的单位"
repo.create(form)
os.kill(os.getpid(), signal.SIGKILL)
"""


def departments(db: Path) -> set[str]:
    with FormRepository.open(db) as repo:
        return {f.department for f in repo.list_forms()}


def aside_departments(aside: Path, scratch: Path) -> set[str]:
    copy = scratch / "look.db"
    for suffix in ("", "-wal"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(aside, copy)
    if Path(f"{aside}-wal").exists():
        shutil.copyfile(f"{aside}-wal", f"{copy}-wal")
    con = sqlite3.connect(copy)
    try:
        return {r[0] for r in con.execute("SELECT department FROM forms WHERE deleted_at IS NULL")}
    finally:
        con.close()


def prepare(folder: Path) -> tuple[Path, Path, set[str], set[str]]:
    form = exchange.load(ROOT / "tests" / "fixtures" / "jinrongjie-2021.json")
    db = folder / "jixiao.db"
    with FormRepository.open(db) as repo:
        repo.create(form)
    backup = backups.take_backup(db, "manual")
    assert backup is not None
    source = folder / "form.jixiao.json"
    source.write_text(exchange.dumps(form), encoding="utf-8")
    subprocess.run([sys.executable, "-c", WRITE_AND_DIE, str(db), str(source)], cwd=ROOT, check=False)
    source.unlink()
    return db, backup, {form.department, "备份之后新建的单位"}, {form.department}


def one_round(template: Path, work: Path, delay: float, before: set[str], after: set[str]) -> str:
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(template, work)
    db = work / "jixiao.db"
    backup = next((work / "backups").glob("*-manual.db"))
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(db), str(backup)], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "go"
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.wait()
    shown = departments(db)
    problems = []
    if restore_journal.tmp_path(db).exists() or restore_journal.journal_path(db).exists():
        problems.append("a copy or journal was left")
    con = sqlite3.connect(db)
    try:
        if con.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            problems.append("integrity_check failed")
    finally:
        con.close()
    asides = [p for p in work.glob("jixiao.db.replaced-*") if not p.name.endswith(("-wal", "-shm"))]
    if shown == before:
        outcome = "before"
    elif shown == after:
        outcome = "restored"
        if len(asides) != 1 or aside_departments(asides[0], work) != before:
            problems.append(f"old forms not set aside whole: {asides}")
    else:
        problems.append(f"forms shown: {sorted(shown)}")
        outcome = "LOST"
    if problems:
        raise SystemExit(f"FAILURE after {delay:.3f} s: {problems}")
    return outcome


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="jixiao-restore-soak-") as tmp:
        template = Path(tmp) / "template"
        template.mkdir()
        _db, _backup, before, after = prepare(template)
        # How long an uninterrupted restore takes here (after the child's "go").
        work = Path(tmp) / "work"
        shutil.copytree(template, work)
        probe = subprocess.run([sys.executable, "-c", CHILD, str(work / "jixiao.db"),
                                str(next((work / "backups").glob("*-manual.db")))],
                               cwd=ROOT, capture_output=True, text=True, check=True)
        span = 1.2 * float(probe.stdout.split("done")[1])  # kills land anywhere in the restore, or just after
        counts: dict[str, int] = {}
        t0 = time.perf_counter()
        for _ in range(rounds):
            outcome = one_round(template, work, rng.uniform(0.0, span), before, after)
            counts[outcome] = counts.get(outcome, 0) + 1
        seconds = time.perf_counter() - t0
    print(f"kills={rounds} seed={seed} restore_span_s={span:.3f} before={counts.get('before', 0)} "
          f"restored={counts.get('restored', 0)} lost=0 failures=0 seconds={seconds:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
