"""``collect``: folders, archives, every form format, identity and revisions — on SQLite and on a
real PostgreSQL server (``db_target``)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from jixiao_desktop import cli
from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.model import Form
from jixiao_desktop.storage.repository import FormRepository

FORM_A = "11111111-1111-4111-8111-111111111111"
FORM_B = "22222222-2222-4222-8222-222222222222"


def _write(path: Path, form: Form, *, uid: str = "", revision: int = 0) -> Path:
    form = form.copy()
    form.id, form.revision = uid, revision
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(exchange.dumps(form), encoding="utf-8")
    return path


def _collect(capsys: pytest.CaptureFixture[str], db: str, *paths: Path | str) -> tuple[int, dict]:
    code = cli.main(["collect", *map(str, paths), "--db", db, "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out)


def _forms(db: str) -> list[tuple[str, int, str]]:
    with FormRepository.open(db) as repo:
        return sorted((s.department, s.year or 0, repo.load(s.id).form.goals[:10]) for s in repo.list_forms())


@pytest.fixture
def inbox(tmp_path: Path, jinrongjie: Form, niujie: Form) -> Path:
    """What arrived by USB stick and e-mail: two forms in sub-folders, and files that are not forms."""
    box = tmp_path / "收件箱"
    _write(box / "金融街" / "金融街2021.jixiao.json", jinrongjie, uid=FORM_A, revision=3)
    _write(box / "牛街" / "申报表.json", niujie, uid=FORM_B, revision=1)
    (box / "牛街" / "申报表.pdf").write_bytes(b"%PDF-1.4 not a form")
    (box / "金融街" / "~$金融街2021.xlsx").write_bytes(b"lock")
    (box / "Thumbs.db").write_bytes(b"")
    return box


def test_collect_a_folder_recursively(capsys: pytest.CaptureFixture[str], db_target: str, inbox: Path,
                                      jinrongjie: Form, niujie: Form) -> None:
    code, report = _collect(capsys, db_target, inbox)
    assert code == 0
    assert report == {"added": 2, "updated": 0, "skipped": 0, "conflicts": [], "refused": [],
                      "profiles": {"bj-2021": 2}}  # each form's rule profile (issue 16)
    assert [d for d, _, _ in _forms(db_target)] == sorted([jinrongjie.department, niujie.department])


def test_collect_names_the_profiles_of_the_forms_it_read(capsys: pytest.CaptureFixture[str], db_target: str,
                                                         tmp_path: Path, jinrongjie: Form) -> None:
    from jixiao_desktop.domain.profiles import ProfileRef, get_profile

    box = tmp_path / "收件箱"
    sichuan = jinrongjie.copy()
    sichuan.profile = get_profile("sc").ref
    _write(box / "成都.jixiao.json", sichuan, uid=FORM_A, revision=1)
    elsewhere = jinrongjie.copy()
    elsewhere.department = "喀什某单位"
    elsewhere.profile = ProfileRef("xj-kashi", "00")
    _write(box / "喀什.jixiao.json", elsewhere, uid=FORM_B, revision=1)
    code = cli.main(["collect", str(box), "--db", db_target])
    err = capsys.readouterr()
    assert code == 0
    text = err.out + err.err
    assert "四川省（sc） 1 份" in text and "xj-kashi（本机没有此方案） 1 份" in text


def test_collecting_the_same_files_again_adds_nothing(capsys: pytest.CaptureFixture[str], db_target: str,
                                                       inbox: Path) -> None:
    _collect(capsys, db_target, inbox)
    before = _forms(db_target)
    code, report = _collect(capsys, db_target, inbox, inbox / "牛街" / "申报表.json")
    assert code == 0
    assert (report["added"], report["updated"], report["skipped"]) == (0, 0, 2)
    assert _forms(db_target) == before


def test_a_higher_revision_replaces_and_keeps_the_old_as_a_version(
        capsys: pytest.CaptureFixture[str], db_target: str, tmp_path: Path, jinrongjie: Form) -> None:
    _collect(capsys, db_target, _write(tmp_path / "v3.jixiao.json", jinrongjie, uid=FORM_A, revision=3))
    newer = jinrongjie.copy()
    newer.goals = "修改后的绩效目标"
    code, report = _collect(capsys, db_target, _write(tmp_path / "v5.jixiao.json", newer, uid=FORM_A, revision=5))
    assert code == 0 and report["updated"] == 1 and report["added"] == 0
    with FormRepository.open(db_target) as repo:
        [summary] = repo.list_forms()
        stored = repo.load(summary.id)
        assert stored.form.goals == "修改后的绩效目标"
        assert stored.form.revision == 5 and stored.form.id == FORM_A
        [old] = repo.list_snapshots(summary.id)
        assert repo.load_snapshot(old.id).goals == jinrongjie.goals
    # An older file arriving later (sent twice, the first e-mail last) is skipped.
    code, report = _collect(capsys, db_target, tmp_path / "v3.jixiao.json")
    assert code == 0 and report["skipped"] == 1
    with FormRepository.open(db_target) as repo:
        assert repo.load(summary.id).form.goals == "修改后的绩效目标"


def test_same_revision_other_content_is_a_conflict_and_nothing_is_overwritten(
        capsys: pytest.CaptureFixture[str], db_target: str, tmp_path: Path, jinrongjie: Form) -> None:
    _collect(capsys, db_target, _write(tmp_path / "a.jixiao.json", jinrongjie, uid=FORM_A, revision=4))
    other = jinrongjie.copy()
    other.goals = "另一台电脑上改的"
    path = _write(tmp_path / "b.jixiao.json", other, uid=FORM_A, revision=4)
    code, report = _collect(capsys, db_target, path)
    assert code == 1
    [conflict] = report["conflicts"]
    assert conflict["file"] == str(path)
    assert "版本号相同但内容不同" in conflict["reason"]
    with FormRepository.open(db_target) as repo:
        [summary] = repo.list_forms()
        assert repo.load(summary.id).form.goals == jinrongjie.goals


def test_files_without_identity_are_matched_by_unit_and_year(
        capsys: pytest.CaptureFixture[str], db_target: str, tmp_path: Path, niujie: Form) -> None:
    _collect(capsys, db_target, _write(tmp_path / "旧版1.json", niujie))
    _, report = _collect(capsys, db_target, _write(tmp_path / "旧版2.json", niujie))
    assert report["skipped"] == 1 and report["added"] == 0
    changed = niujie.copy()
    changed.other_notes = "补充说明"
    _, report = _collect(capsys, db_target, _write(tmp_path / "旧版3.json", changed))
    assert len(report["conflicts"]) == 1  # same (unknown) revision, other content: never overwritten
    next_year = niujie.copy()
    next_year.year = 2022
    _, report = _collect(capsys, db_target, _write(tmp_path / "2022.json", next_year))
    assert report["added"] == 1
    assert len(_forms(db_target)) == 2


def test_bad_files_are_refused_by_name_and_the_rest_is_collected(
        capsys: pytest.CaptureFixture[str], db_target: str, inbox: Path) -> None:
    (inbox / "坏文件.jixiao.json").write_text('{"format": "jixiao-form", "form": ', encoding="utf-8")
    (inbox / "新版本.jixiao.json").write_text(
        json.dumps({"format": "jixiao-form", "format_version": 99, "form": {}}), encoding="utf-8")
    (inbox / "损坏.xlsx").write_bytes(b"PK\x03\x04 broken")
    code, report = _collect(capsys, db_target, inbox)
    assert code == 1
    assert report["added"] == 2
    refused = {Path(r["file"]).name: r["reason"] for r in report["refused"]}
    assert set(refused) == {"坏文件.jixiao.json", "新版本.jixiao.json", "损坏.xlsx"}
    assert "JSON" in refused["坏文件.jixiao.json"]
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in reason) for reason in refused.values())
    assert len(_forms(db_target)) == 2  # nothing of the bad files is stored


def test_nothing_readable_exits_2(capsys: pytest.CaptureFixture[str], db_target: str, tmp_path: Path) -> None:
    bad = tmp_path / "x.jixiao.json"
    bad.write_text("不是 JSON", encoding="utf-8")
    code, report = _collect(capsys, db_target, bad, tmp_path / "不存在的文件夹")
    assert code == 2
    assert {Path(r["file"]).name for r in report["refused"]} == {"x.jixiao.json", "不存在的文件夹"}
    code, report = _collect(capsys, db_target, tmp_path / "空")  # missing
    assert code == 2


def test_a_file_named_on_the_command_line_must_be_a_form(
        capsys: pytest.CaptureFixture[str], db_target: str, inbox: Path) -> None:
    code, report = _collect(capsys, db_target, inbox / "牛街" / "申报表.pdf", inbox / "牛街" / "申报表.json")
    assert code == 1
    [refused] = report["refused"]
    assert refused["file"].endswith("申报表.pdf") and "不是申报表文件" in refused["reason"]


def _zip(path: Path, members: dict[str, bytes], *, utf8_names: bool = True) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            if not utf8_names:  # what Windows' own zip tool writes: GBK names, no UTF-8 flag
                info.filename = name.encode("gbk").decode("cp437")
                info.flag_bits &= ~0x800
            zf.writestr(info, data)
    return path


def test_zip_archives_are_read_also_nested_and_with_windows_names(
        capsys: pytest.CaptureFixture[str], db_target: str, tmp_path: Path, jinrongjie: Form,
        niujie: Form) -> None:
    a = exchange.dumps(_with_id(jinrongjie, FORM_A)).encode()
    b = exchange.dumps(_with_id(niujie, FORM_B)).encode()
    inner = _zip(tmp_path / "inner.zip", {"牛街/牛街.jixiao.json": b})
    outer = _zip(tmp_path / "各单位.zip", {"金融街.jixiao.json": a, "说明.pdf": b"%PDF",
                                          "补报.zip": inner.read_bytes()}, utf8_names=False)
    code, report = _collect(capsys, db_target, outer)
    assert code == 0, report
    assert report["added"] == 2
    # The second collect of the same archive names each member, and skips them.
    code = cli.main(["collect", str(outer), "--db", db_target])
    captured = capsys.readouterr()
    assert code == 0 and "跳过 2 份" in captured.out


def _with_id(form: Form, uid: str) -> Form:
    copy = form.copy()
    copy.id, copy.revision = uid, 1
    return copy


def test_hostile_archives_are_refused_with_a_reason(
        capsys: pytest.CaptureFixture[str], db_target: str, tmp_path: Path, jinrongjie: Form) -> None:
    bomb = _zip(tmp_path / "炸弹.zip", {"big.jixiao.json": b"0" * (5 * 1024 * 1024)})
    broken = tmp_path / "损坏.zip"
    broken.write_bytes(b"PK\x05\x06" + b"\0" * 10)
    good = _write(tmp_path / "好.jixiao.json", jinrongjie, uid=FORM_A, revision=1)
    code, report = _collect(capsys, db_target, bomb, broken, good)
    assert code == 1 and report["added"] == 1
    reasons = {Path(r["file"]).name: r["reason"] for r in report["refused"]}
    assert "压缩比异常" in reasons["炸弹.zip"]
    assert "zip" in reasons["损坏.zip"]


def test_our_own_excel_export_is_collected(capsys: pytest.CaptureFixture[str], db_target: str, tmp_path: Path,
                                           niujie: Form) -> None:
    out = tmp_path / "牛街.xlsx"
    assert cli.main(["export", str(_write(tmp_path / "n.json", niujie, uid=FORM_B, revision=2)), str(out)]) in (0, 1)
    capsys.readouterr()
    code, report = _collect(capsys, db_target, out)
    assert report["added"] == 1, report
    assert code == 0


def test_a_unit_name_too_long_for_a_server_index_is_refused_by_name(
        capsys: pytest.CaptureFixture[str], db_target: str, tmp_path: Path, jinrongjie: Form, niujie: Form) -> None:
    import random

    rng = random.Random(3)
    pasted = jinrongjie.copy()
    pasted.department = "".join(chr(rng.randrange(0x4E00, 0x9FA6)) for _ in range(3000))  # not a name
    box = tmp_path / "收件箱"
    _write(box / "误填.json", pasted, uid=FORM_A, revision=1)
    _write(box / "牛街.json", niujie, uid=FORM_B, revision=1)

    code, report = _collect(capsys, db_target, box)

    names = [d for d, _, _ in _forms(db_target)]
    if "://" in db_target:  # PostgreSQL indexes the name (≤ ~2,700 bytes an entry): said in Chinese
        assert names == [niujie.department]  # the other file is stored, nothing of this one
        [refused] = report["refused"]
        assert refused["file"].endswith("误填.json")
        assert "部门（单位）名称太长" in refused["reason"] and "ProgramLimitExceeded" not in refused["reason"]
        assert code != 0
    else:  # SQLite keeps any length
        assert sorted(names) == sorted([pasted.department, niujie.department]) and code == 0
