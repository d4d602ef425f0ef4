"""The bureau and the later stages (issue 23 §6): ``collect`` takes a form at any stage (a 自评
of a 定稿 申报 is the same form's next revision), ``summary`` shows 阶段, 执行率 and 自评得分 and
lists, per unit, the indicators that missed their targets."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from jixiao_desktop import cli
from jixiao_desktop.domain import evaluation as ev
from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.model import TEMPLATE_TABULAR, Form, FormStatus, Indicator, IndicatorItem
from jixiao_desktop.storage.repository import FormRepository

UID = "33333333-3333-4333-8333-333333333333"
UNIT = "某某区某某街道办事处"


def target_form(revision: int) -> Form:
    """A 定稿 申报表 of a tabular form: two 定量 indicators weighted 60/40."""
    form = Form(template=TEMPLATE_TABULAR, year=2024, department=UNIT, goals="保障辖区公共服务。")
    form.funds.total = "100"
    form.indicators = [
        Indicator(level1="产出指标", level2="数量指标", items=[
            IndicatorItem(level3="培训人次", nature="定量", operator="≥", value="500", unit="人次", weight="60"),
        ]),
        Indicator(level1="效益指标", level2="社会效益指标", items=[
            IndicatorItem(level3="群众满意度", nature="定量", operator="≥", value="95", unit="%", weight="40"),
        ]),
    ]
    form.id, form.revision = UID, revision
    form.final_fingerprint = exchange.fingerprint(form)
    return form


def evaluated(revision: int, *, trained: str = "400", reason: str = "疫情期间部分培训取消") -> Form:
    """The same form after the year: 自评 typed on the 定稿 申报 (its 定稿指纹 still holds)."""
    form = target_form(revision)
    ev.set_stage(form, ev.Stage.EVALUATION)
    ev.set_execution_text(form, "budget", "100")
    ev.set_execution_text(form, "executed", "85")
    ev.set_execution_text(form, "as_of", "全年")
    first, second = form.indicators[0].items[0], form.indicators[1].items[0]
    ev.set_item_text(first, "actual_value", trained)
    ev.set_item_text(first, "deviation_reason", reason)
    ev.set_item_text(second, "actual_value", "96")
    return form


def _write(path: Path, form: Form) -> Path:
    path.write_text(exchange.dumps(form), encoding="utf-8")
    return path


def _collect(capsys: pytest.CaptureFixture[str], db: str, path: Path) -> dict:
    code = cli.main(["collect", str(path), "--db", db, "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == (1 if report["conflicts"] else 0)
    return report


def test_a_later_stage_of_a_final_form_is_its_next_revision(tmp_path: Path, db_target: str,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert _collect(capsys, db_target, _write(tmp_path / "申报.json", target_form(2)))["added"] == 1
    report = _collect(capsys, db_target, _write(tmp_path / "自评.json", evaluated(5)))
    assert report["updated"] == 1 and report["conflicts"] == []
    with FormRepository.open(db_target) as repo:
        (summary,) = repo.list_forms()
        stored = repo.load(summary.id).form
        assert ev.stage_of(stored) is ev.Stage.EVALUATION
        assert ev.item_text(stored.indicators[0].items[0], "actual_value") == "400"
        assert summary.status is FormStatus.FINAL  # the signed 申报 is unchanged: still 定稿
        assert stored.revision == 5
        kept = [repo.load_snapshot(v.id) for v in repo.list_snapshots(summary.id)]
        assert any(ev.stage_of(f) is ev.Stage.TARGET for f in kept)  # the 申报 kept as a version
    # The same file again: nothing new. Another 自评 at the same revision: a conflict, not skipped.
    assert _collect(capsys, db_target, tmp_path / "自评.json")["skipped"] == 1
    other = _collect(capsys, db_target, _write(tmp_path / "另一份.json", evaluated(5, trained="450")))
    assert other["skipped"] == 0 and len(other["conflicts"]) == 1


def test_a_changed_final_target_is_still_refused(tmp_path: Path, db_target: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    _collect(capsys, db_target, _write(tmp_path / "申报.json", target_form(2)))
    changed = evaluated(5)
    changed.indicators[0].items[0].value = "300"  # the signed 申报 itself changed
    changed.final_fingerprint = ""
    report = _collect(capsys, db_target, _write(tmp_path / "改.json", changed))
    assert report["updated"] == 0 and "已定稿" in report["conflicts"][0]["reason"]


@pytest.fixture
def collected(tmp_path: Path, db_target: str, niujie: Form, capsys: pytest.CaptureFixture[str]) -> str:
    _collect(capsys, db_target, _write(tmp_path / "自评.json", evaluated(3, reason="=HYPERLINK(\"x\")")))
    target = niujie.copy()
    target.id, target.revision = "44444444-4444-4444-8444-444444444444", 1
    _collect(capsys, db_target, _write(tmp_path / "牛街.json", target))
    return db_target


def expected_total() -> Decimal:
    """执行率 85 % → 8.5; 培训人次 400 of ≥500 → 54 × 0.8 = 43.2; 满意度 met → 36; total 87.7."""
    return Decimal("8.5") + Decimal("43.2") + Decimal("36")


def test_summary_json_has_stage_rate_score_and_the_missed_indicators(
        collected: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["summary", "--db", collected, "-"]) == 0
    doc = json.loads(capsys.readouterr().out)
    by_unit = {f["department"]: f for f in doc["forms"]}
    assert (by_unit[UNIT]["stage"], by_unit[UNIT]["execution_rate"], by_unit[UNIT]["score"]) == (
        "evaluation", "85.00%", "87.70")
    niujie = next(f for name, f in by_unit.items() if name != UNIT)
    assert (niujie["stage"], niujie["execution_rate"], niujie["score"]) == ("target", "", "")
    (unit,) = doc["evaluation"]
    assert unit["department"] == UNIT and Decimal(unit["score"]) == expected_total()
    (missed,) = unit["missed"]  # 满意度 was met: not listed
    assert (missed["name"], missed["target"], missed["actual"], missed["points"], missed["score"]) == (
        "培训人次", "≥500人次", "400", "54.00", "43.20")
    assert missed["deviation_reason"] == "=HYPERLINK(\"x\")"


def test_summary_xlsx_has_the_columns_and_a_sheet_of_missed_targets(
        collected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "汇总.xlsx"
    assert cli.main(["summary", "--db", collected, str(out)]) == 0
    wb = load_workbook(out)
    assert wb.sheetnames == ["汇总", "自评"]
    ws = wb["汇总"]
    head = [c.value for c in ws[3]]
    assert head[-3:] == ["阶段", "执行率", "自评得分"]
    row = next(r for r in ws.iter_rows(min_row=4) if r[0].value == UNIT)
    assert row[10].value == "自评"
    assert Decimal(str(row[11].value)) == Decimal("0.85") and row[11].number_format == "0.00%"
    assert Decimal(str(row[12].value)) == expected_total()
    sheet = wb["自评"]
    assert [c.value for c in sheet[2]] == ["单位名称", "年度", "自评得分", "一级指标", "二级指标", "三级指标",
                                           "指标值", "实际完成值", "分值", "得分", "偏差原因分析"]
    lines = [[c.value for c in r] for r in sheet.iter_rows(min_row=3)]
    assert len(lines) == 1
    line = lines[0]
    assert line[0] == UNIT and line[3:8] == ["产出指标", "数量指标", "培训人次", "≥500人次", "400"]
    assert Decimal(str(line[9])) == Decimal("43.2")
    reason = sheet.cell(row=3, column=11)
    assert reason.value == "=HYPERLINK(\"x\")" and reason.data_type == "s"  # text, never a formula


def test_summary_csv_has_the_columns(collected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "汇总.csv"
    assert cli.main(["summary", "--db", collected, str(out)]) == 0
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert rows[0][-3:] == ["阶段", "执行率", "自评得分"]
    unit = next(r for r in rows if r[0] == UNIT)
    assert unit[-3:] == ["自评", "85.00%", "87.70"]


def test_a_unit_that_met_every_target_says_so(tmp_path: Path, db_target: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    _collect(capsys, db_target, _write(tmp_path / "自评.json", evaluated(3, trained="520", reason="")))
    out = tmp_path / "汇总.xlsx"
    assert cli.main(["summary", "--db", db_target, str(out)]) == 0
    sheet = load_workbook(out)["自评"]
    line = [c.value for c in sheet[3]]
    assert line[0] == UNIT and line[3] == "全部指标均达到目标"
    assert Decimal(str(line[2])) == Decimal("98.5")  # 8.5 + 54 + 36
    assert sheet.max_row == 3


def test_the_windows_summary_of_one_year_has_the_stage_columns_before_the_review_ones(
        collected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "2024.xlsx"
    assert cli.main(["summary", "--db", collected, "--year", "2024", str(out)]) == 0
    wb = load_workbook(out)
    ws = wb["汇总"]
    head = [c.value for c in ws[3]]
    assert head[10:14] == ["阶段", "执行率", "自评得分", "审核"]
    row = next(r for r in ws.iter_rows(min_row=4) if r[0].value == UNIT)
    assert row[10].value == "自评" and Decimal(str(row[12].value)) == expected_total()
    assert row[13].value == "待审"
    assert [c.value for c in wb["自评"][3]][5] == "培训人次"


def test_the_list_filters_by_stage(collected: str) -> None:
    from jixiao_desktop.bureau.summary_view import filters_text
    from jixiao_desktop.storage.bureau import BureauStore, ListQuery

    with FormRepository.open(collected) as repo:
        store = BureauStore(repo)
        names = {st: [r.department for r in store.rows(ListQuery(stage=st))] for st in ev.Stage}
    assert names[ev.Stage.EVALUATION] == [UNIT]
    assert names[ev.Stage.MONITOR] == []
    assert len(names[ev.Stage.TARGET]) == 1 and UNIT not in names[ev.Stage.TARGET]
    assert filters_text(ListQuery(stage=ev.Stage.EVALUATION)) == "自评阶段"
