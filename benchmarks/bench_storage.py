"""Storage speed: load + save of the 金融街 form through FormRepository, and opening a database.

    .venv/bin/python benchmarks/bench_storage.py [--runs 200] [--smoke]

Goals: load + save ≤ 15 ms (median); opening a database already at the newest schema must
not run Alembic. Prints figures only (no asserts): the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jixiao_desktop.domain import exchange  # noqa: E402
from jixiao_desktop.storage.repository import FormRepository  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "jinrongjie-2021.json"


def _ms(samples: list[float]) -> str:
    ordered = sorted(samples)
    p90 = ordered[int(len(ordered) * 0.9) - 1]
    return (f"median {statistics.median(samples) * 1000:6.2f} ms   p90 {p90 * 1000:6.2f} ms   "
            f"min {ordered[0] * 1000:6.2f} ms   (n={len(samples)})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--smoke", action="store_true", help="3 runs: proves the benchmark runs (CI)")
    args = parser.parse_args()
    runs = 3 if args.smoke else max(50, args.runs)
    form = exchange.load(FIXTURE)

    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "data" / "jixiao.db"

        t0 = time.perf_counter()
        repo = FormRepository.open(db_path)
        first_open = time.perf_counter() - t0
        form_id = repo.create(form)
        for _ in range(5):  # warm-up
            repo.save(form_id, repo.load(form_id).form)

        loads, saves, both = [], [], []
        for i in range(runs):
            t0 = time.perf_counter()
            stored = repo.load(form_id)
            t1 = time.perf_counter()
            stored.form.other_notes = f"第{i}次"
            repo.save(form_id, stored.form)
            t2 = time.perf_counter()
            loads.append(t1 - t0)
            saves.append(t2 - t1)
            both.append(t2 - t0)
        assert repo.load(form_id).form.other_notes == f"第{runs - 1}次"
        repo.close()

        opens = []
        for _ in range(runs):
            t0 = time.perf_counter()
            FormRepository.open(db_path).close()
            opens.append(time.perf_counter() - t0)

        code = ("import time, sys; t0 = time.perf_counter();"
                "from jixiao_desktop.storage.repository import FormRepository; t1 = time.perf_counter();"
                f"r = FormRepository.open({str(db_path)!r}); t2 = time.perf_counter();"
                "r.list_forms(); r.close();"
                "print(t1 - t0, t2 - t1, 'alembic' in sys.modules)")
        fresh_import, fresh_open = [], []
        alembic_loaded = set()
        for _ in range(2 if args.smoke else 7):
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                                 cwd=ROOT).stdout.split()
            fresh_import.append(float(out[0]))
            fresh_open.append(float(out[1]))
            alembic_loaded.add(out[2])

    print(f"金融街 form: {len(form.indicators)} indicator rows, {len(exchange.dumps(form))} characters")
    print(f"load                      {_ms(loads)}")
    print(f"save                      {_ms(saves)}")
    print(f"load + save               {_ms(both)}   goal ≤ 15 ms")
    print(f"open new db + migrate     {first_open * 1000:6.2f} ms (first call in process, imports Alembic)")
    print(f"open existing db at head  {_ms(opens)}   (in process, warm)")
    print(f"fresh process: import storage.repository {_ms(fresh_import)}")
    print(f"fresh process: open at head              {_ms(fresh_open)}   "
          f"alembic imported: {sorted(alembic_loaded)}")


if __name__ == "__main__":
    main()
