"""The one reader/writer of form files that the CLI, the window and collect share."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao_desktop import formfiles
from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.model import Form
from jixiao_desktop.formfiles import ExportKind, FormFileError, ReaderInfo, ReadResult


def test_reads_an_exchange_file_and_writes_every_kind_by_its_name(tmp_path: Path, niujie: Form) -> None:
    src = tmp_path / "牛街.jixiao.json"
    formfiles.write_form_file(niujie, src)
    assert formfiles.read_form_file(src) == exchange.loads(exchange.dumps(niujie))
    for name, kind in (("a.xlsx", ExportKind.XLSX), ("a.pdf", ExportKind.PDF), ("a.json", ExportKind.EXCHANGE)):
        result = formfiles.write_form_file(niujie, tmp_path / name)
        assert result.kind is kind and (tmp_path / name).stat().st_size > 0
    assert formfiles.read_form_file(tmp_path / "a.xlsx").department == niujie.department


@pytest.mark.parametrize(("make", "message"), [
    (lambda d: d / "nope.jixiao.json", "文件不存在"),
    (lambda d: d, "文件夹"),
    (lambda d: (d / "x.odt").write_bytes(b"x") and d / "x.odt", "不认识的文件类型“.odt”"),
    (lambda d: (d / "x.json").write_text("{", encoding="utf-8") and d / "x.json", "JSON"),
])
def test_what_cannot_be_read_is_said_in_chinese_with_the_file(tmp_path: Path, make, message: str) -> None:
    path = make(tmp_path)
    with pytest.raises(FormFileError, match=message) as info:
        formfiles.read_form_file(path)
    assert str(path) in info.value.with_path()


def test_an_export_name_of_no_known_kind_is_refused(tmp_path: Path, niujie: Form) -> None:
    with pytest.raises(FormFileError, match="不支持的导出类型"):
        formfiles.write_form_file(niujie, tmp_path / "x.docx")
    assert not (tmp_path / "x.docx").exists()


def test_a_registered_format_is_read_everywhere_and_listed_in_the_dialog(
        tmp_path: Path, niujie: Form, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formfiles, "READERS", list(formfiles.READERS))
    formfiles.register_reader(ReaderInfo((".demo",), "演示格式",
                                         lambda p: ReadResult(niujie, warnings=("有一处没读懂",))))
    (tmp_path / "a.demo").write_text("x", encoding="utf-8")
    result = formfiles.read_form_file_detailed(tmp_path / "a.demo")
    assert result.form is niujie and result.warnings == ("有一处没读懂",)
    assert "演示格式 (*.demo)" in formfiles.import_filters()
    assert formfiles.is_form_file(Path("B.DEMO"))


def test_a_reader_that_breaks_unexpectedly_gives_a_sentence_not_a_traceback(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(path: Path) -> Form:
        raise ValueError("no table")

    monkeypatch.setattr(formfiles, "READERS", list(formfiles.READERS))
    formfiles.register_reader(ReaderInfo((".demo",), "演示格式", broken))
    (tmp_path / "a.demo").write_text("x", encoding="utf-8")
    with pytest.raises(FormFileError, match="演示格式无法识别为申报表"):
        formfiles.read_form_file(tmp_path / "a.demo")


@pytest.mark.parametrize("bug", [KeyError("word/document.xml"), TypeError("'NoneType' object is not iterable"),
                                 AttributeError("'NoneType' object has no attribute 'text'")])
def test_a_bug_in_our_reader_is_logged_and_raised_not_blamed_on_the_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bug: Exception) -> None:
    """Issue 21: a KeyError/TypeError/AttributeError is our reader's bug, not 文件可能已损坏."""
    from jixiao_desktop.errors import error_log_path

    def broken(path: Path) -> Form:
        raise bug

    monkeypatch.setattr(formfiles, "READERS", list(formfiles.READERS))
    formfiles.register_reader(ReaderInfo((".demo",), "演示格式", broken))
    (tmp_path / "a.demo").write_text("x", encoding="utf-8")
    with pytest.raises(type(bug)):
        formfiles.read_form_file(tmp_path / "a.demo")
    assert type(bug).__name__ in error_log_path().read_text(encoding="utf-8")
