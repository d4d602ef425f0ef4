"""Safety costs (issue 7): quick_check at start, a backup, a restore, integrity_check — 100 forms.

    .venv/bin/python benchmarks/bench_safety.py [--forms 100] [--runs 15] [--smoke]

The database holds ``--forms`` forms (the two reference forms alternately, each with two saved
versions), like a bureau's year. Prints figures only (no asserts): the machine is shared.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jixiao_desktop.domain import exchange  # noqa: E402
from jixiao_desktop.storage import backups, db, integrity  # noqa: E402
from jixiao_desktop.storage.repository import FormRepository  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"


def _ms(samples: list[float]) -> str:
    return f"median {statistics.median(samples) * 1000:7.1f} ms   min {min(samples) * 1000:7.1f} ms   (n={len(samples)})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--forms", type=int, default=100)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, one run: proves the benchmark runs (CI)")
    args = parser.parse_args()
    if args.smoke:
        args.forms, args.runs = 3, 1
    sources = [exchange.load(FIXTURES / "jinrongjie-2021.json"), exchange.load(FIXTURES / "niujie-2021.json")]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "jixiao.db"
        with FormRepository.open(path) as repo:
            for i in range(args.forms):
                form = sources[i % 2].copy()
                form.department = f"{form.department}{i}"
                form_id = repo.create(form)
                repo.snapshot(form_id, "一")
                repo.snapshot(form_id, "二")
        size = path.stat().st_size
        print(f"database: {args.forms} forms, {size / 1024 / 1024:.2f} MB")

        quick, full, opened = [], [], []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            engine = db.create_engine_for(path)
            try:
                t1 = time.perf_counter()
                db.quick_check(engine)
                t2 = time.perf_counter()
                db.quick_check(engine, full=True)
                t3 = time.perf_counter()
            finally:
                engine.dispose()
            quick.append(t2 - t1)
            full.append(t3 - t2)
            opened.append(t1 - t0)
        print(f"probe + engine (before quick_check): {_ms(opened)}")
        print(f"PRAGMA quick_check at start:         {_ms(quick)}")
        print(f"PRAGMA integrity_check (menu):       {_ms(full)}")
        t0 = time.perf_counter()
        with FormRepository.open(path) as repo:
            repo.list_forms()
        print(f"FormRepository.open + list (with quick_check): {(time.perf_counter() - t0) * 1000:.1f} ms")

        taken, listed, restored = [], [], []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            backup = backups.take_backup(path, "manual")
            taken.append(time.perf_counter() - t0)
            assert backup is not None
        for _ in range(max(3, args.runs // 3)):
            t0 = time.perf_counter()
            found = backups.list_backups(path)
            listed.append(time.perf_counter() - t0)
        for _ in range(max(3, args.runs // 3)):
            newest = backups.list_backups(path, describe=False)[0].path
            t0 = time.perf_counter()
            backups.restore_backup(path, newest)
            restored.append(time.perf_counter() - t0)
        print(f"take_backup (online backup API):     {_ms(taken)}")
        print(f"list_backups ({len(found)} backups, forms each): {_ms(listed)}")
        print(f"restore_backup (check + backup + set aside + copy): {_ms(restored)}")
        t0 = time.perf_counter()
        scan = integrity.scan(path)
        print(f"salvage scan of all forms: {(time.perf_counter() - t0) * 1000:.1f} ms "
              f"({len(scan.readable)} readable)")


if __name__ == "__main__":
    main()
