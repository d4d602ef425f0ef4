"""The summary workbook as the bureau prints it: opened in LibreOffice Calc and saved as PDF,
the pages read back with poppler. A4 landscape, the header row on every page, the 合计 row,
formatted amounts, no column pushed off to a page of its own, and long unit names on rows tall
enough that their lines overlap nothing. ``.ci/run`` installs ``libreoffice-calc-nogui`` and
``poppler-utils``."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from jixiao_desktop.bureau.summary import write_summary
from jixiao_desktop.domain.model import FormStatus
from jixiao_desktop.importers.convert import find_soffice
from jixiao_desktop.storage.bureau import SummaryRow

SOFFICE = find_soffice()
CALC = SOFFICE is not None and (SOFFICE.resolve().parent / "libsclo.so").exists()
pytestmark = [
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice 未安装（Debian：libreoffice-calc-nogui；.ci/run 会安装）"),
    pytest.mark.skipif(SOFFICE is not None and not CALC and os.name == "posix",
                       reason="LibreOffice 未安装 Calc 组件（Debian：libreoffice-calc-nogui；.ci/run 会安装）"),
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils 未安装（.ci/run 会安装）"),
]

LONG = "北京市西城区教育委员会所属北京市第一百五十六中学（含附属小学及初中部）"


def rows(count: int) -> list[SummaryRow]:
    names = ["北京市西城区人民政府金融街街道办事处", "北京市西城区人民政府牛街街道办事处", LONG]
    at = datetime(2026, 3, 15, 9, 30, tzinfo=UTC)
    out = []
    for i in range(count):
        total = "约12,000" if i == 7 else f"{39985 + i}.49"
        out.append(SummaryRow(id=i + 1, uuid=f"u{i}", department=f"{names[i % 3]}第{i + 1:02d}分部", year=2026,
                              status=FormStatus.DRAFT if i % 2 else FormStatus.FINAL, total=total,
                              basic="9344.54", project="30640.95", errors=i % 2, warnings=2, revision=1 + i % 3,
                              updated_at=at))
    return out


def to_pdf(xlsx: Path, folder: Path) -> Path:
    assert SOFFICE is not None
    cmd = [str(SOFFICE), f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--norestore",
           "--convert-to", "pdf", "--outdir", str(folder), str(xlsx)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _out, err = proc.communicate(timeout=180)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail("LibreOffice did not convert the summary within 180 s")
    pdf = folder / (xlsx.stem + ".pdf")
    assert proc.returncode == 0 and pdf.exists(), err.decode(errors="replace")
    return pdf


def pages(pdf: Path) -> list[tuple[float, float, list[tuple[float, float, float, float, str]]]]:
    """Each page: (width, height, words as (xMin, yMin, xMax, yMax, text)), from ``pdftotext -bbox``."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    found = []
    for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S):
        words = [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page[3])]
        found.append((float(page[1]), float(page[2]), words))
    return found


def test_the_summary_prints_in_calc_as_an_a4_landscape_table(tmp_path: Path) -> None:
    xlsx = tmp_path / "汇总.xlsx"
    write_summary(rows(60), str(xlsx))
    printed = pages(to_pdf(xlsx, tmp_path))
    assert len(printed) >= 2  # 60 forms do not fit one page: the header must come back
    for number, (width, height, words) in enumerate(printed, start=1):
        assert (round(width), round(height)) == (842, 595), f"page {number} is not A4 landscape"
        text = "".join(w[4] for w in words)
        # The header row on every page, its last column on the same page as its first (fit to width).
        for header in ("单位名称", "资金总额", "项目支出", "错误数", "最后修改"):
            assert header in text, f"page {number} has no {header}"
        assert max(w[2] for w in words) < width - 20, f"page {number}: text reaches the right edge"
        assert f"第{number}页，共{len(printed)}页" in text
        # Nothing overlaps: a long name's second line is in its own row, not over the next.
        boxes = [w for w in words if w[3] - w[1] < 30]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                overlap_x = min(a[2], b[2]) - max(a[0], b[0])
                overlap_y = min(a[3], b[3]) - max(a[1], b[1])
                lines_touch = 0.3 * min(a[3] - a[1], b[3] - b[1])  # a line's box includes its ascent and descent
                assert overlap_x <= 0.5 or overlap_y <= lines_touch, f"page {number}: {a[4]!r} is drawn over {b[4]!r}"
    everything = "".join(w[4] for _w, _h, words in printed for w in words)
    assert "合计（60份，1个金额无法识别未计入）" in everything
    assert "合计" in "".join(w[4] for w in printed[-1][2])
    # Amounts with thousands separators and their own decimals; the unreadable one as typed.
    assert "39,985.49" in everything and "约12,000" in everything
    assert "2,360,906.91" in everything  # the 59 readable totals: Σ (39985 + i).49 for i ≠ 7
    # Every long name is there whole (split over lines, never cut).
    assert everything.count(LONG.replace("（", "(")[:10]) + everything.count(LONG[:10]) >= 20
