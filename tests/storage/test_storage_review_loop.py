"""Revision 0008 (issue 19): 审核意见 keyed to one finding, a review status per form, the
应报名单's 单位编码 / 联系人 / 预算批复数 — on SQLite and PostgreSQL (``db_target``), and the
upgrade of a revision-0007 file (``data/jixiao-rev0007.db``, ``make_rev0007_db.py``)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jixiao_desktop.domain.model import Form
from jixiao_desktop.domain.review import ReviewStatus
from jixiao_desktop.storage.bureau import BureauStore, ExpectedUnit
from jixiao_desktop.storage.errors import StaleWriteError
from jixiao_desktop.storage.repository import FormRepository

SAMPLE_0007 = Path(__file__).resolve().parent / "data" / "jixiao-rev0007.db"


def test_a_revision_0007_database_keeps_its_comments_and_units(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    shutil.copyfile(SAMPLE_0007, db)
    with FormRepository.open(db) as repo:
        store = BureauStore(repo)
        form_id = min(s.id for s in repo.list_forms())
        [comment] = store.comments(form_id)
        assert (comment.text, comment.author, comment.anchor) == ("资金总额与预算批复不一致，请核实", "张三", "")
        assert store.review_status(form_id) is ReviewStatus.PENDING
        assert [u.department for u in store.expected_unit_rows()] == ["北京市西城区人民政府金融街街道办事处", "牛街街道"]
        assert all((u.code, u.contact, u.budget) == ("", "", "") for u in store.expected_unit_rows())
        # The old comment is still the one a reviewer edits (same key, version checked).
        store.save_comment(form_id, "funds.total", "", "改过的意见", author="李四", expected_version=1)
        assert [c.text for c in store.comments(form_id)] == ["改过的意见"]


def test_comments_on_two_findings_of_one_field_and_rule(db_target: str, niujie: Form) -> None:
    with FormRepository.open(db_target) as repo:
        store = BureauStore(repo)
        form_id = repo.create(niujie)
        store.save_comment(form_id, "indicators[3].content", "indicators.parts_mismatch", "第一处", anchor="甲")
        store.save_comment(form_id, "indicators[3].content", "indicators.parts_mismatch", "第二处", anchor="乙")
        assert sorted((c.anchor, c.text) for c in store.comments(form_id)) == [("乙", "第二处"), ("甲", "第一处")]
        with pytest.raises(StaleWriteError):
            store.save_comment(form_id, "indicators[3].content", "indicators.parts_mismatch", "覆盖", anchor="甲")
        assert store.comment_counts() == {form_id: 2}


def test_review_status_and_the_expected_units(db_target: str, niujie: Form, jinrongjie: Form) -> None:
    with FormRepository.open(db_target) as repo:
        store = BureauStore(repo)
        nj = repo.create(niujie)
        repo.create(jinrongjie)
        store.set_review_status(nj, ReviewStatus.RETURNED)
        assert store.review_status(nj) is ReviewStatus.RETURNED
        row = next(r for r in store.rows() if r.id == nj)
        assert row.review_status is ReviewStatus.RETURNED
        store.set_expected_units([ExpectedUnit("牛街街道办事处", "101", "王五 6601", "22001.49"),
                                  ExpectedUnit("金融街", "102"), ExpectedUnit("什刹海街道", "103", "赵六")])
        # 牛街街道办事处 is 北京市西城区人民政府牛街街道办事处, 金融街 too: only 什刹海 has not reported.
        assert store.missing_unit_rows(2021) == [ExpectedUnit("什刹海街道", "103", "赵六", "")]
        assert store.expected_for(niujie.department) == ExpectedUnit("牛街街道办事处", "101", "王五 6601", "22001.49")
