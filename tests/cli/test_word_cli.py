"""The CLI takes last year's Word form wherever it takes a form file (cli.md: check, export,
import), .docx, .doc/.wps through LibreOffice, and the table copied out of Word as .txt."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jixiao_desktop.cli import main
from jixiao_desktop.domain import exchange
from tests.conftest import FIXTURES, JINRONGJIE, NIUJIE
from tests.importers.docx_builder import Shape, form_docx


@pytest.mark.parametrize(("fixture", "shape"), [
    (NIUJIE, Shape(title_in_table=True, year_text="（   {year} 年度）", continue_goals_after=7,
                   name_break_after_colon=True)),
    (JINRONGJIE, Shape(content_controls=True, numbering="chinese")),
])
def test_export_last_years_docx_gives_the_fixture(fixture: Path, shape: Shape, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    want = exchange.load(fixture)
    docx = form_docx(want, tmp_path / "last-year.docx", shape)
    out = tmp_path / "out.jixiao.json"
    code = main(["export", str(docx), str(out)])
    assert code in (0, 1)  # 1: the form has errors (exported anyway, as cli.md says)
    got = exchange.load(out)
    # the exchange file as the app writes it (amounts in their canonical spelling)
    assert got.without_identity() == exchange.loads(exchange.dumps(want)).without_identity()


def test_check_and_import_a_pasted_table_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    txt = tmp_path / "上年表格.txt"
    # What Notepad on a Chinese Windows saves by default ("ANSI" = GB18030), CRLF line ends.
    text = (FIXTURES / "reference" / "000_08e78436efa9e882.txt").read_text(encoding="utf-8")
    txt.write_bytes(text.replace("\n", "\r\n").encode("gb18030"))
    main(["check", str(txt), "--json"])
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert findings and all("rule" in f for f in findings)
    db = tmp_path / "j.db"
    assert main(["import", str(txt), "--db", str(db)]) == 0
    from jixiao_desktop.storage.repository import FormRepository

    repo = FormRepository.open(db)
    try:
        (summary,) = repo.list_forms()
        stored = repo.load(summary.id).form
    finally:
        repo.close()
    assert stored.without_identity() == exchange.load(JINRONGJIE).without_identity()


def test_a_docx_that_is_no_form_exits_2_with_one_chinese_line(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    from tests.importers.docx_builder import para, write_docx

    docx = write_docx(tmp_path / "通知.docx", [para("关于召开会议的通知")])
    out = tmp_path / "out.jixiao.json"
    assert main(["export", str(docx), str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert "通知.docx" in err and "绩效指标" in err and "\n" not in err and "Traceback" not in err
    assert not out.exists()
