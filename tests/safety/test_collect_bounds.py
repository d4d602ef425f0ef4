"""Every way into collect is bounded (issue 18, item 10): an archive is opened once, not once per
member; two members with the same name are both read; a huge .doc never reaches LibreOffice."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from jixiao_desktop.bureau import collect as collect_module
from jixiao_desktop.bureau import sources
from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.model import Form
from jixiao_desktop.formfiles import FormFileError, read_form_file
from jixiao_desktop.importers import convert
from jixiao_desktop.storage.bureau import BureauStore
from jixiao_desktop.storage.repository import FormRepository


def test_an_archive_is_opened_once_however_many_members(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = tmp_path / "收件.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for i in range(300):
            zf.writestr(f"单位{i:03d}.jixiao.json", "{不是申报表")  # refused at once: the test counts openings
    opened: list[Path] = []
    real = sources._open_zip
    monkeypatch.setattr(sources, "_open_zip", lambda path: opened.append(path) or real(path))
    with FormRepository.open(tmp_path / "b.db") as repo:
        report = collect_module.collect_paths(BureauStore(repo), [str(archive)])
    assert len(report.refused) == 300  # every member was read (and refused)
    assert len(opened) <= 2  # the listing, then one opening for all 300 members (was 301)


def test_two_members_with_the_same_name_are_both_read(tmp_path: Path, jinrongjie: Form, niujie: Form) -> None:
    archive = tmp_path / "两份.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("表.jixiao.json", exchange.dumps(jinrongjie))
        with pytest.warns(UserWarning, match="Duplicate name"):
            zf.writestr("表.jixiao.json", exchange.dumps(niujie))
    with FormRepository.open(tmp_path / "b.db") as repo:
        report = collect_module.collect_paths(BureauStore(repo), [str(archive)])
        names = {f.department for f in repo.list_forms()}
    assert report.read == 2, report.to_json()
    assert names == {jinrongjie.department, niujie.department}


def test_a_huge_doc_is_refused_before_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "大.doc"
    with open(big, "wb") as fh:
        fh.write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")  # an OLE header, as a real .doc starts
        fh.truncate(convert.MAX_CONVERT_BYTES + 1)

    def no_libreoffice(*_a: object, **_k: object) -> None:
        raise AssertionError("LibreOffice must not be started for this file")

    monkeypatch.setattr(convert.subprocess, "Popen", no_libreoffice)
    monkeypatch.setattr(convert.subprocess, "run", no_libreoffice)
    with pytest.raises(FormFileError, match="文件过大"):
        read_form_file(big)
