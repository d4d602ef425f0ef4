"""How long one run of the checks takes on the reference forms (goal: ≤ 10 ms median).

The window runs every check on every edit, so this is the latency a clerk feels while typing.
Two figures per form:

* cold: every per-text cache is cleared before each run (the first check after opening a form);
* warm: the caches are kept (typing in one field: the other fields' results are cached).

Usage: ``.venv/bin/python benchmarks/bench_checks.py [runs]`` (default 300 runs).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jixiao_desktop.domain import exchange  # noqa: E402
from jixiao_desktop.domain.checks import clear_caches, run_checks  # noqa: E402

FORMS = {
    "金融街 jinrongjie-2021": ROOT / "tests" / "fixtures" / "jinrongjie-2021.json",
    "牛街 niujie-2021": ROOT / "tests" / "fixtures" / "niujie-2021.json",
}
GOAL_MS = 10.0


def _measure(form, runs: int, cold: bool) -> list[float]:  # type: ignore[no-untyped-def]
    times: list[float] = []
    run_checks(form)  # warm up imports and compiled patterns
    for _ in range(runs):
        if cold:
            clear_caches()
        start = time.perf_counter()
        run_checks(form)
        times.append((time.perf_counter() - start) * 1000)
    return times


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    ok = True
    print(f"run_checks, {runs} runs each (goal: median ≤ {GOAL_MS:.0f} ms)")
    for name, path in FORMS.items():
        form = exchange.load(path)
        chars = len(form.goals) + sum(len(i.content) for i in form.indicators)
        for label, cold in (("cold", True), ("warm", False)):
            times = _measure(form, runs, cold)
            median = statistics.median(times)
            ok = ok and median <= GOAL_MS
            print(f"  {name:<24} {chars:>6} chars  {label}: median {median:6.2f} ms   "
                  f"p95 {_p95(times):6.2f} ms   max {max(times):6.2f} ms")
    print("goal met" if ok else "GOAL MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
