"""Write ``data/jixiao-rev0001.db``: a database at schema revision 0001 with forms in it.

This is what version 0.1 of the app left on a clerk's disk. ``test_storage_migrations.py``
opens a copy with the current code, which must upgrade it and read every form intact.
Rows are written with plain SQL against the 0001 tables (never through the current models),
so the file stays a faithful 0001 database however the schema moves on. Run it again only
if the sample has to change:

    .venv/bin/python tests/storage/make_old_db.py
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from jixiao_desktop.domain import exchange  # noqa: E402
from jixiao_desktop.domain.model import (  # noqa: E402
    TEMPLATE_TABULAR,
    Acknowledgement,
    Form,
    Funds,
    FundSource,
    Indicator,
    IndicatorItem,
)
from jixiao_desktop.domain.money import AmountError, parse_amount  # noqa: E402

HERE = Path(__file__).resolve().parent
FIXTURES = ROOT / "tests" / "fixtures"
TARGET = HERE / "data" / "jixiao-rev0001.db"

# A tabular form with everything 0001 could hold: sources, items, unknown keys at every level.
TABULAR = Form(
    template=TEMPLATE_TABULAR,
    year=2022,
    department="北京市西城区某某街道办事处",
    funds=Funds(
        total="1,200.5", basic="200", project="1000.50",
        sources=[FundSource("财政拨款", "1000"), FundSource("其他资金", "200.5", extra={"备注": "自筹"})],
        extra={"source_file": "旧版导入.xlsx"},
    ),
    goals="完成辖区绿化养护，提升居民满意度。",
    indicators=[
        Indicator(level1="产出指标", level2="数量指标", items=[
            IndicatorItem("绿地养护面积", "定量", "≥", "113816", "平方米", "10", "正向", ""),
            IndicatorItem("公厕保洁座数", "定量", "=", "24", "座", "5", "正向", "含临时公厕",
                          extra={"color": "red"}),
        ], extra={"collapsed": True}),
        Indicator(level1="满意度指标", level2="服务对象满意度指标", items=[
            IndicatorItem("居民满意度", "定量", "≥", "90", "%", "10", "正向", ""),
        ]),
    ],
    other_notes="",
    acknowledgements=[Acknowledgement("text.stale_year", "goals", "ab12cd34", "已与科室确认",
                                      "2022-01-10T09:00:00+08:00")],
    extra={"reviewer": "王科长", "tags": ["绿化", 2022]},
    document_extra={"exported_by": "绩效目标申报助手 0.1.0"},
)


def _amount(text: str) -> str:
    try:
        return parse_amount(text).canonical
    except AmountError:
        return text


def _ts(text: str) -> str:
    """SQLAlchemy's SQLite DATETIME text (naive UTC)."""
    return text + ".000000"


def _insert_form(cur: sqlite3.Cursor, form: Form, *, status: str = "draft", fingerprint: str | None = None,
                 created: str, updated: str, deleted: str | None = None) -> int:
    cur.execute(
        "INSERT INTO forms (template, year, department, goals, other_notes, funds_unit, funds_total,"
        " funds_basic, funds_project, funds_has_sources, funds_extra_json, status, fingerprint,"
        " funds_need_review, copied_from_id, created_at, updated_at, deleted_at, extra_json,"
        " document_extra_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (form.template, form.year, form.department, form.goals, form.other_notes, form.funds.unit,
         _amount(form.funds.total), _amount(form.funds.basic), _amount(form.funds.project),
         form.funds.sources is not None, _json(form.funds.extra), status, fingerprint, False, None,
         _ts(created), _ts(updated), _ts(deleted) if deleted else None, _json(form.extra),
         _json(form.document_extra)),
    )
    form_id = cur.lastrowid
    assert form_id is not None
    for i, src in enumerate(form.funds.sources or ()):
        cur.execute("INSERT INTO fund_sources (form_id, position, name, amount, extra_json)"
                    " VALUES (?,?,?,?,?)", (form_id, i, src.name, _amount(src.amount), _json(src.extra)))
    for i, ind in enumerate(form.indicators):
        cur.execute("INSERT INTO indicator_rows (form_id, position, name, content, level1, level2,"
                    " extra_json) VALUES (?,?,?,?,?,?,?)",
                    (form_id, i, ind.name, ind.content, ind.level1, ind.level2, _json(ind.extra)))
        row_id = cur.lastrowid
        for j, it in enumerate(ind.items):
            cur.execute("INSERT INTO indicator_items (row_id, position, level3, nature, operator, value,"
                        " unit, weight, direction, note, extra_json) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                        (row_id, j, it.level3, it.nature, it.operator, it.value, it.unit, it.weight,
                         it.direction, it.note, _json(it.extra)))
    for i, ack in enumerate(form.acknowledgements):
        cur.execute("INSERT INTO acknowledgements (form_id, position, rule, field, fingerprint, note, at)"
                    " VALUES (?,?,?,?,?,?,?)",
                    (form_id, i, ack.rule, ack.field, ack.fingerprint, ack.note, ack.at))
    return form_id


def _json(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False)


def make(target: Path = TARGET) -> Path:
    from jixiao_desktop.storage import db

    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    engine = db.create_engine_for(target)
    db.upgrade_to(engine, "0001")
    engine.dispose()

    jinrongjie = exchange.load(FIXTURES / "jinrongjie-2021.json")
    niujie = exchange.load(FIXTURES / "niujie-2021.json")
    con = sqlite3.connect(target)
    try:
        with con:
            cur = con.cursor()
            jid = _insert_form(cur, jinrongjie, created="2021-01-04 01:00:00", updated="2021-01-08 07:30:00")
            cur.execute("INSERT INTO snapshots (form_id, created_at, note, document) VALUES (?,?,?,?)",
                        (jid, _ts("2021-01-06 02:00:00"), "报送前", exchange.dumps(jinrongjie)))
            _insert_form(cur, niujie, status="final", fingerprint=exchange.fingerprint(niujie),
                         created="2021-01-05 01:00:00", updated="2021-01-09 03:00:00")
            _insert_form(cur, TABULAR, created="2022-01-10 01:00:00", updated="2022-01-10 02:00:00",
                         deleted="2022-01-11 05:00:00")
        con.execute("PRAGMA journal_mode=DELETE")  # one self-contained file to commit
        con.execute("VACUUM")
    finally:
        con.close()
    return target


if __name__ == "__main__":
    print(make(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET))
