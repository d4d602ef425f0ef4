"""Start-up: process start → first paint of the window showing the last form.

    .venv/bin/python benchmarks/bench_startup.py [--runs 7] [--entry app|main] [--smoke]

A database with the 金融街 form is prepared, the settings point at it as the last form, then
the app is started ``--runs`` times with ``JIXIAO_MEASURE_FIRST_PAINT=1`` (it prints the time
from ``JIXIAO_T0``, set just before the process is started, to the first paint that shows the
form, and exits). The floor, measured in the same run, alternately: a bare PySide6 window with one
label (``QApplication`` + ``QLabel``, shown, time of its first paint). Goal: median ≤ 1.5× the
floor. ``--smoke``: one run of each (CI: proves the benchmark runs; its figures mean nothing).
Prints figures only (the machine is shared and noisy).
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FIXTURE = ROOT / "tests" / "fixtures" / "jinrongjie-2021.json"
ENTRY = {
    "app": "import sys; from jixiao_desktop.app import run_gui; sys.exit(run_gui())",
    "main": "import sys; from jixiao_desktop.__main__ import main; sys.argv=['jixiao-desktop']; sys.exit(main())",
}
# The floor: what any PySide6 window costs to show (the interpreter, Qt's libraries, a platform
# plugin, a font, one paint), timed as the app times its own first paint.
BARE = r'''
import os, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel("绩效目标申报助手")
class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(f"first_paint_ms={(time.time() - float(os.environ['JIXIAO_T0'])) * 1000:.1f} "
                  f"cpu_ms={time.process_time() * 1000:.1f}", flush=True)
            watched.removeEventFilter(self)
            QTimer.singleShot(0, app.quit)
        return False
watch = Watch()
label.installEventFilter(watch)
label.resize(400, 300)
label.show()
app.exec()
'''


def prepare(folder: Path) -> dict[str, str]:
    env = dict(os.environ, JIXIAO_DB=str(folder / "jixiao.db"), JIXIAO_CONFIG_DIR=str(folder / "config"),
               QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    script = (
        "from jixiao_desktop.domain import exchange\n"
        "from jixiao_desktop.storage.repository import FormRepository\n"
        "from jixiao_desktop.ui.settings import Settings\n"
        "from pathlib import Path\n"
        f"repo = FormRepository.open(Path({str(folder / 'jixiao.db')!r}))\n"
        f"form_id = repo.create(exchange.load(Path({str(FIXTURE)!r})))\n"
        "repo.close()\n"
        "s = Settings(); s.set_last_form_id(form_id); s.sync()\n"
    )
    subprocess.run([sys.executable, "-c", script], env=env, check=True, cwd=ROOT)
    return env


def run_once(env: dict[str, str], entry: str, no_copy: bool = False) -> tuple[float, float, float]:
    if no_copy:  # the slow way: first paint only after SQLAlchemy/Alembic and the database
        (Path(env["JIXIAO_CONFIG_DIR"]) / "last-form.json").unlink(missing_ok=True)
    env = dict(env, JIXIAO_MEASURE_FIRST_PAINT="1")
    start = time.time()
    env["JIXIAO_T0"] = repr(start)
    code = BARE if entry == "bare" else ENTRY[entry]
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT, check=False)
    wall = (time.time() - start) * 1000
    for line in out.stdout.splitlines():
        if line.startswith("first_paint_ms="):
            values = dict(part.split("=", 1) for part in line.split())
            return float(values["first_paint_ms"]), wall, float(values.get("cpu_ms", "nan"))
    raise SystemExit(f"no measurement (exit {out.returncode}):\n{out.stdout}\n{out.stderr}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--entry", choices=sorted(ENTRY), default="app")
    parser.add_argument("--no-copy", action="store_true",
                        help="delete the start-up copy of the last form before each run (first start, crash)")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, one run: proves the benchmark runs (CI)")
    args = parser.parse_args()
    # An installed app starts from bytecode (PyInstaller embeds it; pip compiles site-packages).
    # A checkout run with PYTHONDONTWRITEBYTECODE (as on the project's machines) would compile the
    # package's modules at every start (about 0.4 s of CPU): compile them once, as an installation would.
    compileall.compile_dir(ROOT / "jixiao_desktop", quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        env = prepare(Path(tmp))
        run_once(env, args.entry)  # warm-up: page cache
        run_once(env, "bare")
        paints, walls, cpus, bare, bare_cpus = [], [], [], [], []
        for _ in range(1 if args.smoke else max(5, args.runs)):
            paint, _, cpu = run_once(env, "bare")
            bare.append(paint)
            bare_cpus.append(cpu)
            paint, wall, cpu = run_once(env, args.entry, args.no_copy)
            paints.append(paint)
            walls.append(wall)
            cpus.append(cpu)
    how = ", without the start-up copy" if args.no_copy else ""
    print(f"start-up ({args.entry}{how}, {len(paints)} runs, {os.environ.get('QT_QPA_PLATFORM', 'offscreen')}):")
    floor = statistics.median(bare)
    print(f"  floor: a bare PySide6 window with one label, process start → first paint: median {floor:.0f} ms "
          f"(min {min(bare):.0f}, max {max(bare):.0f})")
    print(f"  process start → first paint with the last form: median {statistics.median(paints):.0f} ms "
          f"(min {min(paints):.0f}, max {max(paints):.0f}) = {statistics.median(paints) / floor:.2f}× the floor; "
          f"goal ≤ 1.5×")
    print(f"  whole process incl. teardown: median {statistics.median(walls):.0f} ms")
    floor_cpu, cpu = statistics.median(bare_cpus), statistics.median(cpus)
    print(f"  CPU time of the process up to the first paint (what load on a shared machine inflates least): "
          f"bare window {floor_cpu:.0f} ms, the app {cpu:.0f} ms = {cpu / floor_cpu:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
