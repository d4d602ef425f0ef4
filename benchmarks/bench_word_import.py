"""How long last year's Word form takes to read (goals: a 10-page .docx ≤ 300 ms; a .doc via
LibreOffice ≤ 5 s).

The .docx is the 金融街 form with its goals and indicator texts written out twice (about 48,000
characters; LibreOffice lays it out on the page count printed below), with content controls and
Word list numbering, built by the tests' builder. The .doc is the same form saved as Word 97 by
LibreOffice; reading it converts it back (a fresh LibreOffice profile each time, as in the app).

Usage: ``.venv/bin/python benchmarks/bench_word_import.py [runs] [--smoke]`` (default 20 .docx runs, 3 .doc;
``--smoke``: one of each, to prove in CI that it runs — its figures mean nothing).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from jixiao_desktop.domain import exchange  # noqa: E402
from jixiao_desktop.importers import convert, read_word_form  # noqa: E402
from tests.importers.docx_builder import Shape, form_docx  # noqa: E402

GOAL_DOCX_MS = 300.0
GOAL_DOC_S = 5.0


def pages(pdf: Path) -> str:
    try:
        out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "?"
    return next((line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")), "?")


def main() -> None:
    smoke = "--smoke" in sys.argv[1:]
    numbers = [a for a in sys.argv[1:] if a != "--smoke"]
    runs = 1 if smoke else int(numbers[0]) if numbers else 20
    form = exchange.load(ROOT / "tests" / "fixtures" / "jinrongjie-2021.json")
    form.goals = form.goals + "\n" + form.goals
    for ind in form.indicators:
        ind.content = ind.content + "\n" + ind.content
    chars = len(form.goals) + sum(len(i.content) for i in form.indicators)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        docx = form_docx(form, folder / "form.docx", Shape(content_controls=True, numbering="arabic"))
        soffice = convert.find_soffice()
        page_count = "?"
        if soffice is not None:
            subprocess.run([str(soffice), f"-env:UserInstallation={(folder / 'p').as_uri()}", "--headless",
                            "--convert-to", "pdf", "--outdir", str(folder), str(docx)],
                           capture_output=True, check=False, timeout=180)
            page_count = pages(folder / "form.pdf")
        read_word_form(docx)  # imports warmed
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            result = read_word_form(docx)
            times.append((time.perf_counter() - start) * 1000)
        assert result.form.indicators[0].content == form.indicators[0].content
        median = statistics.median(times)
        print(f".docx: {chars} characters, {page_count} pages, {docx.stat().st_size} bytes: "
              f"median {median:.1f} ms, max {max(times):.1f} ms over {runs} runs "
              f"(goal ≤ {GOAL_DOCX_MS:.0f} ms) {'OK' if median <= GOAL_DOCX_MS else 'SLOW'}")
        if soffice is None:
            print(".doc: LibreOffice is not installed; not measured")
            return
        plain = form_docx(form, folder / "plain.docx")
        subprocess.run([str(soffice), f"-env:UserInstallation={(folder / 'p').as_uri()}", "--headless",
                        "--convert-to", "doc:MS Word 97", "--outdir", str(folder), str(plain)],
                       capture_output=True, check=True, timeout=180)
        doc = folder / "plain.doc"
        doc_times = []
        cpu_times = []
        for _ in range(1 if smoke else 3):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            result = read_word_form(doc)
            doc_times.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu_times.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        assert result.form.goals == form.goals
        median_s = statistics.median(doc_times)
        print(f".doc via LibreOffice ({doc.stat().st_size} bytes): median {median_s:.2f} s, "
              f"runs {', '.join(f'{t:.2f}' for t in doc_times)} s (goal ≤ {GOAL_DOC_S:.0f} s) "
              f"{'OK' if median_s <= GOAL_DOC_S else 'SLOW'}; LibreOffice's own CPU time "
              f"{statistics.median(cpu_times):.2f} s, load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
