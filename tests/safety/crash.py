"""Crash harness: a child drives the real save paths and is SIGKILLed at random moments.

The child (``python -m tests.safety.crash child DB FIXTURES SEED``) opens the database (an old
sample database the first time: the migration can be killed too), opens a form in a real
``FormSession`` inside a Qt event loop and types into it (one character per ``TYPE_MS``; the
session's own autosave timer saves it, with its constants scaled down so that many saves happen
in a short run). Between keystrokes it does, at random, the other real write paths: Ctrl+S
(``save_with_snapshot``), an import through the command line's own ``main`` (backup first),
定稿 of an imported form, 继承上年 (``copy_to_next_year``). Each action is reported on stdout
*after* it returned, so a reported action is one the app told the clerk was done.

The parent (``run``) kills the child after a random delay, then checks the file: SQLite's
``integrity_check``, every reported action present, and the typing lost no more than what the
autosave bound allows.
"""

from __future__ import annotations

import contextlib
import math
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OLD_DB = ROOT / "tests" / "storage" / "data" / "jixiao-rev0001.db"
FIXTURES = ROOT / "tests" / "fixtures"

TYPE_MS = 4  # one keystroke every 4 ms
AUTOSAVE_MS = 30  # the session's pause-to-save, scaled down from 1000 ms
AUTOSAVE_MAX_DELAY_S = 0.15  # continuous typing still saves this often (scaled down from 5 s)
MARK = "键"  # what the child types; the form's goals end with a run of these


# --- the child --------------------------------------------------------------------------------


def child(db: Path, seed: int) -> None:  # pragma: no cover - runs in the killed process
    from PySide6.QtCore import QCoreApplication, QTimer

    from jixiao_desktop import cli
    from jixiao_desktop.domain import exchange
    from jixiao_desktop.storage.repository import FormRepository
    from jixiao_desktop.ui import session as session_module

    session_module.AUTOSAVE_MS = AUTOSAVE_MS
    session_module.AUTOSAVE_MAX_DELAY_S = AUTOSAVE_MAX_DELAY_S
    rng = random.Random(seed)
    app = QCoreApplication([])

    def report(*words: object) -> None:
        os.write(1, (" ".join(str(w) for w in words) + "\n").encode())

    if not db.exists():  # the harness's own setup: atomic, so a kill here leaves no half copy
        tmp = db.with_name(db.name + ".copying")
        shutil.copyfile(OLD_DB, tmp)
        os.replace(tmp, db)
        report("fresh")
    repo = FormRepository.open(db)  # migrates an old database (a kill may land in it)
    report("open")
    forms = [s for s in repo.list_forms() if s.status.value == "draft"]
    if not forms:
        form_id = repo.create(exchange.load(FIXTURES / "jinrongjie-2021.json"))
        report("created", form_id)
    else:
        form_id = forms[0].id
    session = session_module.FormSession(repo)
    form = session.open(form_id)
    typed = [len(form.goals) - len(form.goals.rstrip(MARK))]
    session.saved.connect(lambda _at: report("saved", form_id, _stored_count(session)))

    def step() -> None:
        roll = rng.random()
        try:
            if roll < 0.004:
                session.dirty = True
                if session.save_with_snapshot("手动保存"):
                    snaps = repo.list_snapshots(form_id)
                    report("snapshot", form_id, snaps[0].id)
            elif roll < 0.007:
                buf = _Capture()
                with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(_Capture()):
                    code = cli.main(["import", str(FIXTURES / "niujie-2021.json"), "--db", str(db)])
                new_id = buf.text.rsplit("编号", 1)[-1].strip()
                if code == 0:
                    report("imported", new_id)
                    if rng.random() < 0.5:
                        fingerprint = repo.finalise(int(new_id)) if _final_ok(repo, int(new_id)) else ""
                        if fingerprint:
                            report("final", new_id, fingerprint)
            elif roll < 0.009:
                report("copied", repo.copy_to_next_year(form_id))
            else:
                assert session.form is not None
                session.form.goals += MARK
                typed[0] += 1
                report("typed", typed[0])
                session.touch()
        finally:
            timer.start(TYPE_MS)

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(step)
    timer.start(TYPE_MS)
    report("ready")
    app.exec()


def _stored_count(session: object) -> int:
    form = session.form  # type: ignore[attr-defined]
    return len(form.goals) - len(form.goals.rstrip(MARK))


def _final_ok(repo: object, form_id: int) -> bool:
    from jixiao_desktop.domain.checks import has_errors, run_checks

    return not has_errors(run_checks(repo.load(form_id).form))  # type: ignore[attr-defined]


class _Capture:
    def __init__(self) -> None:
        self.text = ""

    def write(self, s: str) -> int:
        self.text += s
        return len(s)

    def flush(self) -> None:
        pass


class _Child:
    """A child process (spawned, or forked after the imports) whose stdout the parent reads."""

    def __init__(self, db: Path, seed: int, *, fork: bool) -> None:
        self._proc: subprocess.Popen[bytes] | None = None
        self._pid = 0
        self._status: int | None = None
        if not fork:
            self._proc = subprocess.Popen(
                [sys.executable, "-m", "tests.safety.crash", "child", str(db), str(seed)], cwd=ROOT,
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
            assert self._proc.stdout is not None
            self.stdout = self._proc.stdout
            return
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            try:
                os.close(read_end)
                os.dup2(write_end, 1)
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, 2)
                child(db, seed)
            finally:
                os._exit(0)
        os.close(write_end)
        self._pid = pid
        self.stdout = os.fdopen(read_end, "rb")

    def poll(self) -> int | None:
        if self._proc is not None:
            return self._proc.poll()
        if self._status is None:
            pid, status = os.waitpid(self._pid, os.WNOHANG)
            if pid:
                self._status = status
        return self._status

    def kill(self) -> None:
        if self._proc is not None:
            self._proc.send_signal(signal.SIGKILL)
            self._proc.wait()
            return
        os.kill(self._pid, signal.SIGKILL)
        if self._status is None:
            self._status = os.waitpid(self._pid, 0)[1]

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.stdout.close()
        if self._proc is None and self._status is None:
            self.kill()


def _preload() -> None:
    """Import what the child needs once, so that forked children start at once."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import alembic.command  # noqa: F401
    import PySide6.QtCore  # noqa: F401

    import jixiao_desktop.cli
    import jixiao_desktop.domain.checks
    import jixiao_desktop.storage.repository
    import jixiao_desktop.ui.session  # noqa: F401


# --- the parent -------------------------------------------------------------------------------


@dataclass
class Reported:
    """What the killed children said was done (cumulative over the runs on one database)."""

    saved: dict[int, int] = field(default_factory=dict)  # form id -> typed count saved
    typed: dict[int, int] = field(default_factory=dict)  # form id -> typed count last run
    snapshots: set[int] = field(default_factory=set)
    imported: set[int] = field(default_factory=set)
    final: dict[int, str] = field(default_factory=dict)
    copied: set[int] = field(default_factory=set)


@dataclass
class RunResult:
    kills: int = 0
    migrations_killed: int = 0
    saves: int = 0
    snapshots: int = 0
    imports: int = 0
    finals: int = 0
    copies: int = 0
    max_lost: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0


def lost_bound() -> int:
    """Keystrokes a kill may cost: those typed since the last save the autosave policy forces."""
    return math.ceil((AUTOSAVE_MAX_DELAY_S * 1000 + AUTOSAVE_MS) / TYPE_MS) + 2


def _check(db: Path, reported: Reported, typed_before_kill: int, form_id: int | None) -> tuple[list[str], int]:
    from jixiao_desktop.storage.repository import FormRepository

    problems: list[str] = []
    if not db.exists():  # killed before the child got to copy the sample in
        return ([f"database missing after reports {reported}"] if reported.saved else []), 0
    con = sqlite3.connect(db)
    try:
        result = con.execute("PRAGMA integrity_check").fetchall()
    finally:
        con.close()
    if result != [("ok",)]:
        return [f"integrity_check: {result[:3]}"], 0
    lost = 0
    with FormRepository.open(db) as repo:
        for fid, count in reported.saved.items():
            goals = repo.load(fid).form.goals
            stored = len(goals) - len(goals.rstrip(MARK))
            if stored < count:
                problems.append(f"form {fid}: reported save of {count} keystrokes, stored {stored}")
            if fid == form_id:
                lost = max(0, typed_before_kill - stored)
        for sid in reported.snapshots:
            try:
                repo.load_snapshot(sid)
            except Exception as exc:
                problems.append(f"snapshot {sid} missing: {exc}")
        for fid in reported.imported | reported.copied:
            try:
                repo.load(fid)
            except Exception as exc:
                problems.append(f"form {fid} missing: {exc}")
        for fid, fingerprint in reported.final.items():
            stored_form = repo.load(fid)
            if stored_form.fingerprint != fingerprint:
                problems.append(f"form {fid}: 定稿 {fingerprint} reported, stored {stored_form.fingerprint}")
    if lost > lost_bound():
        problems.append(f"{lost} keystrokes lost (bound {lost_bound()})")
    return problems, lost


def run(folder: Path, kills: int, *, seed: int = 1, fresh_every: int = 8, max_delay: float = 1.2,
        log: bool = False, fork: bool = False) -> RunResult:
    """Start and SIGKILL ``kills`` children on databases in ``folder``; check after every kill.

    ``fork``: children are forked from this process after the heavy imports (fast: many kills
    a second); only in a process that has no Qt application yet (``python -m tests.safety.crash``).
    """
    if fork:
        _preload()
    rng = random.Random(seed)
    result = RunResult()
    started = time.perf_counter()
    db: Path | None = None
    reported = Reported()
    for n in range(kills):
        if db is None or (fresh_every and n % fresh_every == 0):
            db = folder / f"crash-{n:04d}" / "jixiao.db"
            db.parent.mkdir(parents=True)
            reported = Reported()
        lines: list[str] = []
        proc = _Child(db, seed * 1000 + n, fork=fork)
        ready = threading.Event()

        def read(p: _Child = proc, ready: threading.Event = ready, lines: list[str] = lines) -> None:
            for raw in p.stdout:
                line = raw.decode(errors="replace").strip()
                lines.append(line)
                if line == "ready":
                    ready.set()
            ready.set()

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        if rng.random() < 0.85:  # mostly while typing and saving
            ready.wait(timeout=60)
            delay = rng.uniform(0.0, max_delay)
        else:  # sometimes while opening: the migration of the old database, the first read
            delay = rng.uniform(0.0, 0.4) if fork else rng.uniform(0.2, 2.5)
        time.sleep(delay)
        if proc.poll() is not None:
            result.failures.append(f"run {n}: child exited early ({proc.poll()}): {lines[-3:]}")
            proc.close()
            continue
        proc.kill()
        reader.join(timeout=10)
        proc.close()
        result.kills += 1
        if "open" not in lines and "fresh" in lines:
            result.migrations_killed += 1
        form_id, typed = None, 0
        for line in lines:
            words = line.split()
            if not words:
                continue
            kind = words[0]
            if kind == "saved":
                form_id = int(words[1])
                reported.saved[form_id] = int(words[2])
                result.saves += 1
            elif kind == "typed":
                typed = int(words[1])
            elif kind == "snapshot":
                reported.snapshots.add(int(words[2]))
                result.snapshots += 1
            elif kind == "imported":
                reported.imported.add(int(words[1]))
                result.imports += 1
            elif kind == "final":
                reported.final[int(words[1])] = words[2]
                result.finals += 1
            elif kind == "copied":
                reported.copied.add(int(words[1]))
                result.copies += 1
        if form_id is None and reported.saved:
            form_id = next(iter(reported.saved))
        problems, lost = _check(db, reported, typed, form_id)
        result.max_lost = max(result.max_lost, lost)
        result.failures.extend(f"run {n}: {p}" for p in problems)
        if log:
            print(f"kill {n + 1}/{kills}: after {delay:.2f}s, {len(lines)} reports, lost {lost}, "
                  f"{problems if problems else 'OK'}", flush=True)
    result.seconds = time.perf_counter() - started
    return result


def main(argv: list[str]) -> int:  # pragma: no cover - the command line of the harness
    """``child DB SEED`` (one child), or ``soak FOLDER KILLS [SEED]`` (forked children, a summary)."""
    if argv[0] == "child":
        child(Path(argv[1]), int(argv[2]))
        return 0
    folder, kills = Path(argv[1]), int(argv[2])
    seed = int(argv[3]) if len(argv) > 3 and argv[3].isdigit() else 1
    max_delay = float(os.environ.get("CRASH_MAX_DELAY", "1.2"))
    result = run(folder, kills, seed=seed, fork=hasattr(os, "fork"), log="--log" in argv, max_delay=max_delay)
    print(f"kills={result.kills} migrations_killed={result.migrations_killed} saves={result.saves} "
          f"snapshots={result.snapshots} imports={result.imports} finals={result.finals} copies={result.copies} "
          f"max_lost_keystrokes={result.max_lost} bound={lost_bound()} seconds={result.seconds:.1f} "
          f"failures={len(result.failures)}")
    for failure in result.failures:
        print("FAILURE", failure)
    return 1 if result.failures else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
