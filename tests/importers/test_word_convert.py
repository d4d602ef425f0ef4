""".doc and .wps through LibreOffice: converted in a folder of their own, under a time-out;
without LibreOffice one Chinese sentence tells the clerk to save the file as .docx."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from jixiao_desktop.domain import exchange
from jixiao_desktop.importers import WordImportError, convert, read_word_form
from tests.conftest import NIUJIE
from tests.importers.docx_builder import Shape, form_docx

SOFFICE = convert.find_soffice()
needs_soffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs "
                                   "libreoffice-writer-nogui")


def to_doc(docx: Path, out_dir: Path) -> Path:
    """What a clerk's old Word file is: the same form saved as Word 97-2003 (.doc)."""
    assert SOFFICE is not None
    subprocess.run([str(SOFFICE), f"-env:UserInstallation={(out_dir / 'profile').as_uri()}", "--headless",
                    "--convert-to", "doc:MS Word 97", "--outdir", str(out_dir), str(docx)],
                   check=True, capture_output=True, timeout=120)
    doc = out_dir / (docx.stem + ".doc")
    assert doc.read_bytes()[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    return doc


@pytest.fixture(scope="module")
def niujie_doc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("doc")
    form = exchange.load(NIUJIE)
    docx = form_docx(form, folder / "牛街2021.docx", Shape(
        year_text="（   {year} 年度）", continue_goals_after=7, name_break_after_colon=True))
    return to_doc(docx, folder)


@pytest.mark.slow
@needs_soffice
def test_doc_reads_as_the_fixture(niujie_doc: Path) -> None:
    result = read_word_form(niujie_doc)
    assert result.form == exchange.load(NIUJIE)
    assert "LibreOffice" in result.source


@pytest.mark.slow
@needs_soffice
def test_wps_and_a_doc_named_docx_are_converted_too(niujie_doc: Path, tmp_path: Path) -> None:
    for name in ("last-year.wps", "misnamed.docx"):
        copy = tmp_path / name
        copy.write_bytes(niujie_doc.read_bytes())
        assert read_word_form(copy).form == exchange.load(NIUJIE)
    assert niujie_doc.read_bytes()[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the original untouched


def test_without_libreoffice_one_sentence_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert, "find_soffice", lambda: None)
    path = tmp_path / "old.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2048)
    with pytest.raises(WordImportError) as info:
        read_word_form(path)
    message = str(info.value)
    assert "LibreOffice" in message and ".docx" in message and "另存为" in message
    assert message.count("。") == 0 and "\n" not in message


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script stands in for soffice")
def test_time_out_kills_libreoffice(tmp_path: Path) -> None:
    pid_file = tmp_path / "pid"
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\necho $$ > {pid_file}\nexec sleep 60\n", encoding="utf-8")
    fake.chmod(0o755)
    source = tmp_path / "old.doc"
    source.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    with pytest.raises(convert.ConversionError, match="秒内没有转换完"), \
            convert.converted_to_docx(source, timeout=1.0, soffice=fake):
        pass
    pid = int(pid_file.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


@pytest.mark.skipif(sys.platform == "win32", reason="a POSIX shell script stands in for soffice")
def test_libreoffice_failing_is_said_in_chinese(tmp_path: Path) -> None:
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n", encoding="utf-8")
    fake.chmod(0o755)
    source = tmp_path / "old.wps"
    source.write_bytes(b"junk")
    with pytest.raises(convert.ConversionError, match="未能把这个文件转换"), \
            convert.converted_to_docx(source, soffice=fake):
        pass


def test_soffice_found_through_the_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "soffice.exe"
    fake.write_text("#!/bin/sh\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("JIXIAO_SOFFICE", str(fake))
    assert convert.find_soffice() == fake

