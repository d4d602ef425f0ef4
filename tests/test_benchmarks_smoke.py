"""Every benchmark runs to completion at a tiny size (``--smoke``), so that none rots unnoticed.

A smoke run proves the benchmark still works against today's code (it builds its data, drives
the window, exports, collects and prints its figures); it asserts no time — the machine is
shared, and speed goals are read from the benchmarks' own output beside their floors.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"

# (script, arguments before --smoke, a text its output must contain: the figure it exists for)
RUNS = [
    ("bench_bureau.py", ["collect"], "first collect:"),
    ("bench_bureau.py", ["collect", "--postgresql"], "first collect:"),
    ("bench_bureau.py", ["list"], "clerk's list_forms()"),
    ("bench_bureau.py", ["window"], "bureau window: shown with"),
    ("bench_bureau.py", ["mainwindow"], "start → first paint"),
    ("bench_checks.py", [], "huge field"),
    ("bench_cli.py", [], "jixiao-desktop list"),
    ("bench_export.py", [], "whole process xlsx export"),
    ("bench_hostile.py", [], "xxe.xlsx"),
    ("bench_keystroke.py", [], "worst p95 keystroke → findings shown"),
    ("bench_library.py", [], "n-gram index (the app)"),
    ("bench_memory.py", [], "peak RSS"),
    ("bench_safety.py", [], "database:"),
    ("bench_startup.py", [], "first paint with the last form"),
    ("bench_storage.py", [], "load + save"),
    ("bench_word_import.py", [], ".docx:"),
]


def test_every_benchmark_has_a_smoke_run() -> None:
    assert {p.name for p in BENCHMARKS.glob("bench_*.py")} == {script for script, _, _ in RUNS}


@pytest.mark.slow
@pytest.mark.parametrize(("script", "args", "expected"), RUNS,
                         ids=[" ".join([script, *args]) for script, args, _ in RUNS])
def test_benchmark_smoke_run(script: str, args: list[str], expected: str, tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", JIXIAO_CONFIG_DIR=str(tmp_path / "config"),
               JIXIAO_DB=str(tmp_path / "jixiao.db"))
    out = subprocess.run([sys.executable, str(BENCHMARKS / script), *args, "--smoke"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=600, check=False)
    if "--postgresql" in args and out.returncode != 0 and any(
            why in out.stderr for why in ("PostgreSQL 未安装", "未安装 psycopg", "没有 postgres 用户")):
        pytest.skip(out.stderr.strip().splitlines()[-1])  # as the PostgreSQL tests skip (tests/pg_server.py)
    assert out.returncode == 0, f"{script} {args} failed:\n{out.stdout}\n{out.stderr}"
    assert expected in out.stdout, out.stdout
