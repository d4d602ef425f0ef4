#!/usr/bin/env python3
"""Whole-process time of ``jixiao-desktop check`` on the 金融街 file (what a script or the
bureau's tool pays per form), and of ``list`` on a small database.

The floors, measured in the same run: ``python -c pass`` and ``check`` (the goal for ``list``:
≤ 200 ms whole process, about ``check``'s time).

usage: .venv/bin/python benchmarks/bench_cli.py [RUNS] [--smoke]   (--smoke: one run each, for CI)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORM = ROOT / "tests" / "fixtures" / "jinrongjie-2021.json"


def run(args: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system, from the child's rusage) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def timed(args: list[str], runs: int) -> list[tuple[float, float]]:
    run(args)  # warm the page cache
    return [run(args) for _ in range(runs)]


def report(label: str, times: list[tuple[float, float]]) -> None:
    walls, cpus = [w for w, _ in times], [c for _, c in times]
    print(f"{label:<44} median {statistics.median(walls) * 1000:7.1f} ms   min {min(walls) * 1000:7.1f} ms   "
          f"CPU median {statistics.median(cpus) * 1000:7.1f} ms   (n={len(times)})")


def main() -> None:
    smoke = "--smoke" in sys.argv[1:]
    numbers = [a for a in sys.argv[1:] if a != "--smoke"]
    runs = 1 if smoke else int(numbers[0]) if numbers else 10
    py = sys.executable
    report("python -c pass", timed([py, "-c", "pass"], runs))
    report("jixiao-desktop check 金融街 --json", timed([py, "-m", "jixiao_desktop", "check", str(FORM), "--json"], runs))
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        subprocess.run([py, "-m", "jixiao_desktop", "import", str(FORM), "--db", db], capture_output=True, check=True)
        report("floor: sqlite3 reading the list, whole process",
               timed([py, "-c", f"import sqlite3; sqlite3.connect({db!r}).execute('SELECT * FROM forms').fetchall()"],
                     runs))
        report("jixiao-desktop list (db at head)", timed([py, "-m", "jixiao_desktop", "list", "--db", db], runs))
        report("jixiao-desktop list --json (db at head)",
               timed([py, "-m", "jixiao_desktop", "list", "--json", "--db", db], runs))


if __name__ == "__main__":
    main()
