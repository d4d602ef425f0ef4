"""Review files as an attacker or a careless tool writes them (issue 18, item 9)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from jixiao_desktop.domain import exchange, review
from jixiao_desktop.domain.model import Form
from jixiao_desktop.storage.bureau import BureauStore
from jixiao_desktop.storage.repository import FormRepository
from jixiao_desktop.ui import msgbox
from jixiao_desktop.ui.bureau import hooks


def review_text(form: Form, revision: object, comments: list[dict[str, str]]) -> str:
    return json.dumps({"format": review.FORMAT_NAME, "format_version": review.FORMAT_VERSION,
                       "form": {"id": form.id, "revision": revision, "department": form.department,
                                "year": form.year, "fingerprint": exchange.fingerprint(form)},
                       "reviewer": "区财政局", "created": "2026-03-01T09:00:00+08:00",
                       "comments": comments}, ensure_ascii=False)


@pytest.mark.parametrize("revision", [10**30, 2**63, 2**31])
def test_a_huge_revision_is_refused_in_chinese(jinrongjie: Form, revision: int) -> None:
    jinrongjie.id = "0b6f0c52-4f0a-4a4e-9d55-6a1f0d7e1c11"
    with pytest.raises(review.ReviewFileError, match=r"form\.revision"):
        review.loads(review_text(jinrongjie, revision, []))


def test_a_huge_revision_in_the_window_is_one_chinese_box(
        qtbot: Any, make_window: Any, messages: Any, jinrongjie: Form, tmp_path: Path) -> None:
    window = make_window()
    form_id = window.repo.create(jinrongjie)
    stored = window.repo.load(form_id).form
    path = tmp_path / "x.jixiao-review.json"
    path.write_text(review_text(stored, 10**30, [{"field": "goals", "rule": "review.comment", "text": "请修改",
                                                 "author": "甲", "at": ""}]), encoding="utf-8")
    assert not hooks.import_review(window, path)
    [(kind, _title, text, _detail)] = messages.shown
    assert kind is msgbox.Kind.ERROR and "revision" in text


def test_several_comments_on_one_field_and_rule_are_all_kept(tmp_path: Path, jinrongjie: Form) -> None:
    with FormRepository.open(tmp_path / "j.db") as repo:
        form_id = repo.create(jinrongjie)
        store = BureauStore(repo)
        count = store.import_review(form_id, [("goals", "review.comment", "第一条意见", "甲"),
                                              ("goals", "review.comment", "第二条意见", "乙"),
                                              ("goals", "review.comment", "第一条意见", "甲"),
                                              ("funds.total", "review.comment", "资金意见", "甲")], 1)
        comments = {c.field: c for c in store.comments(form_id)}
    assert count == 2
    assert comments["goals"].text == "第一条意见\n\n第二条意见"  # nothing silently dropped, no repeat
    assert comments["goals"].author == "甲、乙"
