"""The review file (``.jixiao-review.json``): the bureau's 审核意见 on one form, sent back to the
unit, whose window then shows each comment beside its field. Format: ``docs/review-file.md``.

Pure Python: reading is strict about the shape (a Chinese message for anything else),
writing is canonical.
"""

from __future__ import annotations

import enum
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


class ReviewStatus(enum.StrEnum):
    """The bureau's verdict on a form, which the unit sees."""

    PENDING = ""
    PASSED = "passed"
    RETURNED = "returned"

    @property
    def label(self) -> str:
        return {"": "待审", "passed": "通过", "returned": "退回修改"}[self.value]

    @classmethod
    def of(cls, value: object) -> ReviewStatus:
        try:
            return cls(value if isinstance(value, str) else "")
        except ValueError:
            return cls.PENDING


class AnswerKind(enum.StrEnum):
    FIXED = "fixed"
    EXPLAINED = "explained"

    @property
    def label(self) -> str:
        return "已修改" if self is AnswerKind.FIXED else "情况说明"


ANSWERS_KEY = "review_answers"  # the unit's answers, a key of the form (exchange extension)


@dataclass(frozen=True)
class Answer:
    """The unit's answer to one 审核意见, part of the form it sends back."""

    field: str
    rule: str
    anchor: str
    kind: AnswerKind
    text: str = ""
    resolved: bool = False
    at: str = ""

    def key(self) -> tuple[str, str, str]:
        return (self.field, self.rule, self.anchor)

    def describe(self) -> str:
        body = f"{self.kind.label}" + (f"：{self.text}" if self.text else "")
        return body + ("（已解决）" if self.resolved else "")


def answers(form: Any) -> list[Answer]:
    """The answers kept in ``form.extra`` (a damaged entry is skipped, never an error)."""
    raw = form.extra.get(ANSWERS_KEY)
    found: list[Answer] = []
    if not isinstance(raw, list):
        return found
    for item in raw:
        if not isinstance(item, dict):
            continue
        try:
            kind = AnswerKind(str(item.get("answer")))
        except ValueError:
            continue
        texts: dict[str, str] = {k: v if isinstance(v := item.get(k), str) else ""
                                 for k in ("field", "rule", "anchor", "text", "at")}
        found.append(Answer(texts["field"], texts["rule"], texts["anchor"], kind, texts["text"],
                            item.get("resolved") is True, texts["at"]))
    return found


def set_answer(form: Any, answer: Answer | None, key: tuple[str, str, str]) -> None:
    """Put (or, with None, remove) the answer to the comment ``key`` in the form."""
    kept = [a for a in answers(form) if a.key() != key]
    if answer is not None:
        kept.append(answer)
    if kept:
        form.extra[ANSWERS_KEY] = [{"field": a.field, "rule": a.rule, "anchor": a.anchor, "answer": a.kind.value,
                                    "text": a.text, "resolved": a.resolved, "at": a.at} for a in kept]
    else:
        form.extra.pop(ANSWERS_KEY, None)


class ReviewFileError(ValueError):
    """Not a readable review file; the message is one Chinese sentence (without the file name)."""


@dataclass(frozen=True)
class Comment:
    field: str  # a field path of checks.md; "" = the whole form
    text: str
    rule: str = ""  # the finding the comment is about; "" = about the field
    author: str = ""
    at: str = ""  # ISO time
    anchor: str = ""  # which finding of that field and rule (its message); "" = the field or any

    def key(self) -> tuple[str, str, str]:
        return (self.field, self.rule, self.anchor)


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
    status: ReviewStatus = ReviewStatus.PENDING  # the bureau's verdict


def to_dict(review: ReviewFile) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "form": {"id": review.form_id, "revision": review.revision, "department": review.department,
                 "year": review.year, "fingerprint": review.fingerprint},
        "reviewer": review.reviewer,
        "created": review.created,
        "status": review.status.value,
        "comments": [{"field": c.field, "rule": c.rule, "anchor": c.anchor, "text": c.text, "author": c.author,
                      "at": c.at} for c in review.comments],
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
                                    author=_str(item.get("author"), "author"), at=_str(item.get("at"), "at"),
                                    anchor=_str(item.get("anchor"), "anchor")))
    return ReviewFile(form_id=form_id, revision=revision, department=_str(form.get("department"), "department"),
                      year=year, comments=comments, reviewer=_str(doc.get("reviewer"), "reviewer"),
                      created=_str(doc.get("created"), "created"),
                      fingerprint=_str(form.get("fingerprint"), "form.fingerprint")[:100],
                      status=ReviewStatus.of(doc.get("status")))


def load(path: str | Path) -> ReviewFile:
    """Raises ``ReviewFileError`` (not a review file) or ``OSError`` (cannot be read)."""
    size = Path(path).stat().st_size
    if size > MAX_FILE_BYTES:
        raise ReviewFileError(f"文件过大（{size / 1024 / 1024:.1f} MB），不是审核意见文件")
    return loads(Path(path).read_bytes())


def as_findings(comments: list[Comment], status: ReviewStatus = ReviewStatus.PENDING) -> list[Finding]:
    """The comments as findings, so the unit's window shows each one beside its field and in
    the list of problems (severity 提示: they never block 定稿 or export); the bureau's verdict,
    when it has given one, first, on the whole form."""
    verdict = [Finding(rule=REVIEW_RULE, severity=Severity.INFO, field="",
                       message=f"财政局审核结论：{status.label}" + ("，请按审核意见修改后重新报送"
                                                           if status is ReviewStatus.RETURNED else ""))
               ] if status is not ReviewStatus.PENDING else []
    return verdict + [Finding(rule=REVIEW_RULE, severity=Severity.INFO, field=c.field,
                    message=f"财政局审核意见：{c.text}" + (f"（{c.author}）" if c.author else "")
                    + (f"［针对：{c.anchor}］" if c.anchor else ""))
            for c in comments]
