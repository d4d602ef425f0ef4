"""Import and export services (no widgets)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.model import Form
from jixiao_desktop.ui import transfer
from jixiao_desktop.ui.transfer import ExportKind


@pytest.mark.parametrize(("name", "chosen", "kind"), [
    ("a.jixiao.json", "", ExportKind.EXCHANGE),
    ("a.json", "", ExportKind.EXCHANGE),
    ("a.XLSX", "", ExportKind.XLSX),
    ("a.pdf", "", ExportKind.EXCHANGE.PDF),
    ("a", ExportKind.PDF.filter, ExportKind.PDF),
    ("a", ExportKind.XLSX.filter, ExportKind.XLSX),
])
def test_kind_for(name: str, chosen: str, kind: ExportKind) -> None:
    assert transfer.kind_for(Path(name), chosen) is kind


def test_with_suffix_appends_only_when_missing() -> None:
    assert transfer.with_suffix(Path("x"), ExportKind.EXCHANGE).name == "x.jixiao.json"
    assert transfer.with_suffix(Path("x.json"), ExportKind.EXCHANGE).name == "x.json"
    assert transfer.with_suffix(Path("x.pdf"), ExportKind.PDF).name == "x.pdf"


def test_suggested_name(jinrongjie: Form) -> None:
    assert transfer.suggested_name(jinrongjie).startswith("2021年度 北京市西城区")


def test_exchange_round_trip(tmp_path: Path, niujie: Form) -> None:
    path = tmp_path / "out.jixiao.json"
    transfer.export_form(niujie, path, ExportKind.EXCHANGE)
    # Writing is canonical (22,001.49 → 22001.49): compare what is written.
    assert path.read_text(encoding="utf-8") == exchange.dumps(niujie)
    assert exchange.dumps(transfer.import_form(path)) == exchange.dumps(niujie)


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe\x00garbage", b'{"format": "other"}', b""])
def test_broken_files_raise_a_chinese_transfer_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.jixiao.json"
    path.write_bytes(content)
    with pytest.raises(transfer.TransferError) as info:
        transfer.import_form(path)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(info.value))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(transfer.TransferError, match="不存在"):
        transfer.import_form(tmp_path / "nope.json")


def test_failed_export_leaves_no_file(tmp_path: Path, jinrongjie: Form) -> None:
    target = tmp_path / "missing-dir" / "x.jixiao.json"
    with pytest.raises(transfer.TransferError, match="不存在"):
        transfer.export_form(jinrongjie, target, ExportKind.EXCHANGE)
    assert not target.exists()


def test_a_full_disk_during_export_keeps_the_previous_file(tmp_path: Path, jinrongjie: Form,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from jixiao_desktop.exporters import xlsx

    target = tmp_path / "金融街.xlsx"
    target.write_bytes(b"last year's workbook")

    def half_written(form: Form, path: Path, **_: object) -> None:
        path.write_bytes(b"PK half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(xlsx, "export_xlsx", half_written)
    with pytest.raises(transfer.TransferError, match="磁盘空间已满"):
        transfer.export_form(jinrongjie, target, ExportKind.XLSX)
    assert target.read_bytes() == b"last year's workbook"
    assert [p.name for p in tmp_path.iterdir()] == ["金融街.xlsx"]
