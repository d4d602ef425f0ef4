#!/usr/bin/env python3
"""Export speed of the 金融街 form (the longest reference form): PDF and xlsx.

Prints medians: in-process (font already registered), whole process (`python -c` importing
the exporter and writing the file), and, when `soffice` is installed, LibreOffice converting
our xlsx to PDF (the peer figure: our PDF should be at least 2x faster) with the pages it
prints beside the PDF's. Then one cell of 100,000 and 400,000 characters (goal: 100,000 in
<= 2 s, and linear: 400,000 in about four times that).
Goals: xlsx whole process ≤ 0.2 s; our PDF whole process ≥ 5× faster than LibreOffice printing
our xlsx (the floor, measured in the same run).
usage: .venv/bin/python benchmarks/bench_export.py [runs] [--smoke]
(--smoke: one run each and cells of 1,000 characters, to prove in CI that it runs)
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jixiao_desktop.domain import exchange  # noqa: E402
from jixiao_desktop.exporters.pdf import export_pdf, register_font  # noqa: E402
from jixiao_desktop.exporters.xlsx import export_xlsx, import_xlsx  # noqa: E402

FORM = ROOT / "tests" / "fixtures" / "jinrongjie-2021.json"
SMOKE = "--smoke" in sys.argv[1:]
_NUMBERS = [a for a in sys.argv[1:] if a != "--smoke"]
RUNS = 1 if SMOKE else int(_NUMBERS[0]) if _NUMBERS else 7


def median_of(fn, runs: int = RUNS) -> float:
    fn()  # warm-up
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def whole_process(code: str) -> float:
    return median_of(lambda: subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True))


def main() -> None:
    form = exchange.load(FORM)
    out = Path(tempfile.mkdtemp())
    register_font()
    pdf_in = median_of(lambda: export_pdf(form, out / "a.pdf"))
    xlsx_in = median_of(lambda: export_xlsx(form, out / "a.xlsx"))
    imp_in = median_of(lambda: import_xlsx(out / "a.xlsx"))
    pages = export_pdf(form, out / "a.pdf").pages
    print(f"in-process  PDF  export: {pdf_in * 1000:7.1f} ms  ({pages} pages)")
    print(f"in-process  xlsx export: {xlsx_in * 1000:7.1f} ms")
    print(f"in-process  xlsx import: {imp_in * 1000:7.1f} ms")

    load = f"from jixiao_desktop.domain import exchange; f = exchange.load({str(FORM)!r}); "
    pdf_proc = whole_process(load + "from jixiao_desktop.exporters.pdf import export_pdf; "
                             f"export_pdf(f, {str(out / 'p.pdf')!r})")
    xlsx_proc = whole_process(load + "from jixiao_desktop.exporters.xlsx import export_xlsx; "
                              f"export_xlsx(f, {str(out / 'p.xlsx')!r})")
    print(f"whole process PDF  export: {pdf_proc:6.3f} s")
    print(f"whole process xlsx export: {xlsx_proc:6.3f} s   (goal <= 0.2 s)")

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:
        profile = out / "lo-profile"
        lo_out = out / "lo"

        def convert() -> None:
            subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                            "pdf", "--outdir", str(lo_out), str(out / "a.xlsx")],
                           check=True, capture_output=True)

        lo = median_of(convert, 1 if SMOKE else max(3, RUNS // 2))
        print(f"LibreOffice xlsx -> pdf:   {lo:6.3f} s   (our PDF is {lo / pdf_proc:.1f}x faster, whole process; "
              "goal >= 5x)")
        info = subprocess.run(["pdfinfo", str(lo_out / "a.pdf")], capture_output=True, text=True).stdout
        lo_pages = next((line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")), "?")
        print(f"pages: our PDF {pages}, LibreOffice printing our xlsx {lo_pages}")
    else:
        print("LibreOffice (soffice) not installed: no peer figure")
    long_cells(out)


def long_cells(out: Path) -> None:
    from jixiao_desktop.domain.model import Form, Indicator

    phrase = "城市管理和环境建设，落实“两委”换届任务；服务居民群众。"
    for n in (1_000, 4_000) if SMOKE else (100_000, 400_000):
        content = (phrase * (n // len(phrase) + 1))[:n]
        form = Form(year=2022, department="某街道", indicators=[Indicator(name="产出指标一", content=content)])
        t = time.perf_counter()
        result = export_pdf(form, out / "long.pdf")
        took = time.perf_counter() - t
        print(f"one cell of {n:,} characters: {took:5.2f} s in-process, {result.pages} pages"
              + ("   (goal <= 2 s)" if n == 100_000 else ""))


if __name__ == "__main__":
    main()
