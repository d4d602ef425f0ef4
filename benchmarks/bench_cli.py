#!/usr/bin/env python3
"""Whole-process time of ``jixiao-desktop check`` on the 金融街 file (what a script or the
bureau's tool pays per form), and of ``list`` on a small database.

usage: .venv/bin/python benchmarks/bench_cli.py [RUNS]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORM = ROOT / "tests" / "fixtures" / "jinrongjie-2021.json"


def timed(args: list[str], runs: int) -> list[float]:
    subprocess.run(args, capture_output=True, check=False)  # warm the page cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return times


def report(label: str, times: list[float]) -> None:
    print(f"{label:<44} median {statistics.median(times) * 1000:7.1f} ms   "
          f"min {min(times) * 1000:7.1f} ms   (n={len(times)})")


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    py = sys.executable
    report("python -c pass", timed([py, "-c", "pass"], runs))
    report("jixiao-desktop check 金融街 --json", timed([py, "-m", "jixiao_desktop", "check", str(FORM), "--json"], runs))
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        subprocess.run([py, "-m", "jixiao_desktop", "import", str(FORM), "--db", db], capture_output=True, check=True)
        report("jixiao-desktop list (db at head)", timed([py, "-m", "jixiao_desktop", "list", "--db", db], runs))


if __name__ == "__main__":
    main()
