"""What the repository hands out: small frozen dataclasses and the kinds of events and snapshots.

No SQLAlchemy here: the window and the CLI import these without touching the database layer.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from jixiao_desktop.domain.findings import Finding, count_findings
from jixiao_desktop.domain.model import Form, FormStatus


class EventKind(enum.StrEnum):
    """What happened to a form (one line of its history)."""

    CREATED = "created"
    SNAPSHOT = "snapshot"
    FINALISED = "finalised"
    UNFINALISED = "unfinalised"
    RESTORED = "restored"
    DELETED = "deleted"
    UNDELETED = "undeleted"
    COPIED_FROM = "copied_from"
    FUNDS_REVIEWED = "funds_reviewed"

    @property
    def label(self) -> str:
        return {
            "created": "新建",
            "snapshot": "保存版本",
            "finalised": "定稿",
            "unfinalised": "取消定稿",
            "restored": "恢复历史版本",
            "deleted": "移入回收站",
            "undeleted": "从回收站恢复",
            "copied_from": "继承上年",
            "funds_reviewed": "已核对资金",
        }[self.value]


class SnapshotKind(enum.StrEnum):
    """Why a snapshot was taken."""

    MANUAL = "manual"
    BEFORE_RESTORE = "before-restore"
    FINALISED = "finalised"

    @property
    def label(self) -> str:
        return {"manual": "手动保存", "before-restore": "恢复前自动保存", "finalised": "定稿版本"}[self.value]


@dataclass(frozen=True)
class FormSummary:
    """One line of the form list."""

    id: int
    year: int | None
    department: str
    template: str
    status: FormStatus
    updated_at: datetime
    deleted: bool
    funds_need_review: bool
    created_at: datetime | None = None
    deleted_at: datetime | None = None
    fingerprint: str | None = None
    copied_from: int | None = None
    uuid: str = ""
    revision: int = 0
    # The checks' counts at the stored revision (None: not checked at this revision yet).
    errors: int | None = None
    warnings: int | None = None


@dataclass(frozen=True)
class StoredForm:
    """A form as stored, with its state. ``form`` is the caller's own copy to edit."""

    id: int
    form: Form
    status: FormStatus
    fingerprint: str | None
    updated_at: datetime
    funds_need_review: bool
    copied_from: int | None
    created_at: datetime | None = None
    deleted: bool = False

    @property
    def revision(self) -> int:
        return self.form.revision

    @property
    def locked(self) -> bool:
        return self.status is FormStatus.FINAL


@dataclass(frozen=True)
class SnapshotInfo:
    id: int
    created_at: datetime
    note: str
    kind: str = SnapshotKind.MANUAL.value


@dataclass(frozen=True)
class HistoryEvent:
    at: datetime
    kind: str
    note: str

    @property
    def label(self) -> str:
        """The Chinese name of the event (the raw kind if this version does not know it)."""
        try:
            return EventKind(self.kind).label
        except ValueError:
            return self.kind


@dataclass(frozen=True)
class CheckCounts:
    errors: int
    warnings: int
    infos: int

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> CheckCounts:
        # Acknowledged warnings still count: the bureau sees what the unit has been told.
        counts = count_findings(findings)
        return cls(errors=counts.errors, warnings=counts.warnings, infos=counts.infos)
