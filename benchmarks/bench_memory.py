"""Peak memory with the window open and the 金融街 form loaded (and checked).

    .venv/bin/python benchmarks/bench_memory.py [--runs 3] [--preview]

Runs the app in a fresh process per run (``ru_maxrss`` is the peak resident set size of that
process) with the 金融街 form as the last form; ``--preview`` also renders the print preview
pages. Goal: ≤ 200 MB. Prints figures only.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks.bench_startup import prepare  # noqa: E402

CHILD = r"""
import resource, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from jixiao_desktop.app import create_application
from jixiao_desktop.ui.settings import Settings
from jixiao_desktop.ui.main_window import MainWindow
import os
app = create_application()
window = MainWindow(Settings(), Path(os.environ["JIXIAO_DB"]))
window.show()
window.finish_startup()
for _ in range(20):
    app.processEvents()
assert window.session.is_open
window.checker.run_now()
for tab in range(window.editor.tab_widget().count()):
    window.editor.tab_widget().setCurrentIndex(tab)
    app.processEvents()
if PREVIEW:
    from jixiao_desktop.ui.printing import PdfPages, make_printer
    from PySide6.QtPrintSupport import QPrinter
    pages = PdfPages.from_form(window.session.form, None)
    printer = make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(os.environ["JIXIAO_DB"] + ".print.pdf")
    pages.paint(printer)
    pages.close()
window.close()
print("peak_rss_kb=%d" % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--preview", action="store_true", help="also render the pages for printing")
    parser.add_argument("--smoke", action="store_true", help="tiny sizes, one run: proves the benchmark runs (CI)")
    args = parser.parse_args()
    if args.smoke:
        args.runs = 1
    peaks = []
    with tempfile.TemporaryDirectory() as tmp:
        env = prepare(Path(tmp))
        for _ in range(args.runs):
            code = f"PREVIEW = {args.preview!r}\n" + CHILD
            out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                 cwd=ROOT, check=False)
            value = next((ln for ln in out.stdout.splitlines() if ln.startswith("peak_rss_kb=")), None)
            if value is None:
                raise SystemExit(f"no figure (exit {out.returncode}):\n{out.stdout}\n{out.stderr}")
            peaks.append(int(value.split("=")[1]) / 1024)
    what = "window + 金融街" + (" + printing at 300 dpi" if args.preview else "")
    print(f"peak RSS ({what}, {len(peaks)} runs, {os.environ.get('QT_QPA_PLATFORM', 'offscreen')}): "
          f"median {statistics.median(peaks):.0f} MB (max {max(peaks):.0f} MB); goal ≤ 200 MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
