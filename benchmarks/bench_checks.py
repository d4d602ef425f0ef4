"""How long one run of the checks takes on the reference forms (goal: ≤ 10 ms median).

The window runs every check on every edit, so this is the latency a clerk feels while typing.
Two figures per form:

* cold: every per-text cache is cleared before each run (the first check after opening a form);
* warm: the caches are kept (typing in one field: the other fields' results are cached).

A third figure: the 金融街 form with a huge 绩效目标 (3,000,000 random CJK characters, the
largest a 10 MB exchange file holds; issue 7) and with 1,000,000 characters in each other kind of
text field: seconds of one cold run and the process's peak RSS (goal: ≤ 5 s for the whole ``check``).

Usage: ``.venv/bin/python benchmarks/bench_checks.py [runs] [--smoke]`` (default 300 runs; ``--smoke``:
3 runs and 2,000-character "huge" fields, to prove in CI that it runs — its figures mean nothing).
"""

from __future__ import annotations

import dataclasses
import random
import resource
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


def _huge_forms(base, tabular, scale: int = 1):  # type: ignore[no-untyped-def]
    rng = random.Random(7)

    def prose(n: int) -> str:
        return "".join(chr(rng.randrange(0x4E00, 0x9FA6)) for _ in range(n))

    big = prose(1_000_000 // scale)
    row = next(i for i, ind in enumerate(tabular.indicators) if ind.items)

    def with_item(**change: str):  # type: ignore[no-untyped-def]
        indicators = list(tabular.indicators)
        items = list(indicators[row].items)
        items[0] = dataclasses.replace(items[0], **change)
        indicators[row] = dataclasses.replace(indicators[row], items=items)
        return dataclasses.replace(tabular, indicators=indicators)

    indicators = list(base.indicators)
    indicators[0] = dataclasses.replace(indicators[0], content=big)
    yield "绩效目标 3,000,000 字", dataclasses.replace(base, goals=prose(3_000_000 // scale))
    yield "指标内容 1,000,000 字", dataclasses.replace(base, indicators=indicators)
    yield "其他说明 1,000,000 字", dataclasses.replace(base, other_notes=big)
    yield "三级指标备注 1,000,000 字", with_item(note=big)
    yield "三级指标值 1,000,000 字", with_item(value=big)


def _huge(base, tabular, scale: int = 1) -> None:  # type: ignore[no-untyped-def]
    print("huge field, one cold run each" + (f" (sizes / {scale})" if scale > 1 else ""))
    for name, form in _huge_forms(base, tabular, scale):
        clear_caches()
        start = time.perf_counter()
        run_checks(form)
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"  {name:<24} {seconds:6.2f} s   process peak RSS so far {peak:5.0f} MB")
    clear_caches()


def main() -> int:
    smoke = "--smoke" in sys.argv[1:]
    numbers = [a for a in sys.argv[1:] if a != "--smoke"]
    runs = 3 if smoke else int(numbers[0]) if numbers else 300
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
    _huge(exchange.load(FORMS["金融街 jinrongjie-2021"]),
          exchange.load(ROOT / "tests" / "fixtures" / "school-tabular-2023.json"), 500 if smoke else 1)
    print("goal met" if ok else "GOAL MISSED")
    return 0 if ok or smoke else 1


if __name__ == "__main__":
    sys.exit(main())
