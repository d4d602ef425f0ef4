"""The review file (``.jixiao-review.json``): the bureau's 审核意见 on one form, sent back to the
unit, whose window then shows each comment beside its field. Format: ``docs/review-file.md``.

Pure Python: reading is strict about the shape (a Chinese message for anything else),
writing is canonical.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jixiao_desktop.domain.fields import parse_path
from jixiao_desktop.domain.findings import Finding, Severity

FORMAT_NAME = "jixiao-review"
FORMAT_VERSION = 1
FILE_SUFFIX = ".jixiao-review.json"
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_COMMENTS = 5000
MAX_REVISION = 2**31 - 1  # what a revision column holds on every backend (SQLite, PostgreSQL integer)
REVIEW_RULE = "review.comment"  # the rule id of a comment shown among the findings


class ReviewFileError(ValueError):
    """Not a readable review file; the message is one Chinese sentence (without the file name)."""


@dataclass(frozen=True)
class Comment:
    field: str  # a field path of checks.md; "" = the whole form
    text: str
    rule: str = ""  # the finding the comment is about; "" = about the field
    author: str = ""
    at: str = ""  # ISO time


@dataclass(frozen=True)
class ReviewFile:
    form_id: str  # the form's exchange ``id``
    revision: int  # the form's revision the bureau reviewed
    department: str
    year: int | None
    comments: list[Comment] = field(default_factory=list)
    reviewer: str = ""  # the bureau (区财政局…)
    created: str = ""
    fingerprint: str = ""  # exchange.fingerprint of the reviewed revision: the unit finds its form by content


def to_dict(review: ReviewFile) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "form": {"id": review.form_id, "revision": review.revision, "department": review.department,
                 "year": review.year, "fingerprint": review.fingerprint},
        "reviewer": review.reviewer,
        "created": review.created,
        "comments": [{"field": c.field, "rule": c.rule, "text": c.text, "author": c.author, "at": c.at}
                     for c in review.comments],
    }


def dumps(review: ReviewFile) -> str:
    return json.dumps(to_dict(review), ensure_ascii=False, indent=2) + "\n"


def _str(value: Any, where: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ReviewFileError(f"审核意见文件中 {where} 应为文字")
    return value


def loads(text: str | bytes) -> ReviewFile:
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ReviewFileError("文件不是 UTF-8 编码的文本，不是审核意见文件") from exc
    try:
        doc = json.loads(text)
    except (json.JSONDecodeError, RecursionError, ValueError) as exc:
        raise ReviewFileError("文件内容不是有效的 JSON，不是审核意见文件") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
        if isinstance(doc, dict) and doc.get("format") == "jixiao-form":
            raise ReviewFileError("这是申报表文件，不是审核意见文件；请用“导入”打开申报表")
        raise ReviewFileError("不是审核意见文件（缺少 \"format\": \"jixiao-review\"）")
    version = doc.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ReviewFileError("审核意见文件缺少版本号（format_version）")
    if version > FORMAT_VERSION:
        raise ReviewFileError(f"审核意见文件的格式版本（{version}）比本程序新，请升级绩效目标申报助手")
    form = doc.get("form")
    if not isinstance(form, dict):
        raise ReviewFileError("审核意见文件缺少所审核的申报表（form）")
    form_id = _str(form.get("id"), "form.id")
    if not form_id:
        raise ReviewFileError("审核意见文件没有写明是哪一份申报表（form.id）")
    revision = form.get("revision")
    year = form.get("year")
    if not isinstance(revision, int) or isinstance(revision, bool) or revision < 0:
        raise ReviewFileError("审核意见文件中 form.revision 应为整数")
    if revision > MAX_REVISION:  # 10**30 would overflow every database column (OverflowError)
        raise ReviewFileError(f"审核意见文件中 form.revision（{str(revision)[:20]}…）大得不合理，文件可能已损坏")
    if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
        raise ReviewFileError("审核意见文件中 form.year 应为年份")
    raw = doc.get("comments")
    if not isinstance(raw, list):
        raise ReviewFileError("审核意见文件缺少意见列表（comments）")
    if len(raw) > MAX_COMMENTS:
        raise ReviewFileError(f"审核意见过多（{len(raw)} 条），文件可能已损坏")
    comments = []
    for i, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            raise ReviewFileError(f"第 {i} 条审核意见格式不对")
        path = _str(item.get("field"), f"第 {i} 条意见的 field")
        if parse_path(path).section == "form":
            path = ""  # a field this version does not know: the comment is about the whole form
        body = _str(item.get("text"), f"第 {i} 条意见的 text").strip()
        if body:
            comments.append(Comment(field=path, text=body, rule=_str(item.get("rule"), "rule"),
                                    author=_str(item.get("author"), "author"), at=_str(item.get("at"), "at")))
    return ReviewFile(form_id=form_id, revision=revision, department=_str(form.get("department"), "department"),
                      year=year, comments=comments, reviewer=_str(doc.get("reviewer"), "reviewer"),
                      created=_str(doc.get("created"), "created"),
                      fingerprint=_str(form.get("fingerprint"), "form.fingerprint")[:100])


def load(path: str | Path) -> ReviewFile:
    """Raises ``ReviewFileError`` (not a review file) or ``OSError`` (cannot be read)."""
    size = Path(path).stat().st_size
    if size > MAX_FILE_BYTES:
        raise ReviewFileError(f"文件过大（{size / 1024 / 1024:.1f} MB），不是审核意见文件")
    return loads(Path(path).read_bytes())


def as_findings(comments: list[Comment]) -> list[Finding]:
    """The comments as findings, so the unit's window shows each one beside its field and in
    the list of problems (severity 提示: they never block 定稿 or export)."""
    return [Finding(rule=REVIEW_RULE, severity=Severity.INFO, field=c.field,
                    message=f"财政局审核意见：{c.text}" + (f"（{c.author}）" if c.author else ""))
            for c in comments]
