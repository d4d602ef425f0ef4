"""The tables, as typed SQLAlchemy models (the schema at the newest migration).

Nothing outside ``storage/`` sees these classes: the repository turns them into domain
``Form`` objects and small frozen dataclasses inside one session. Every change here needs a
migration in ``migrations/versions/``; ``tests/storage/test_migrations.py`` fails on drift.

Amounts are TEXT (canonical decimal text when readable, else exactly as typed): SQLite has
no decimal type and money is never a float. Timestamps are stored as UTC and come back as
timezone-aware datetimes. Unknown keys of an exchange file live in ``*_extra_json`` columns.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Named constraints: Alembic's batch mode on SQLite needs names to find them again.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime, stored as naive UTC text (SQLite has no time zones)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class FormRecord(Base):
    __tablename__ = "forms"
    __table_args__ = (
        CheckConstraint("status IN ('draft', 'final')", name="status"),
        Index("ix_forms_uuid", "uuid", unique=True),
        # Revision 0004: the bureau's list sorts and filters by these.
        Index("ix_forms_department_year", "department", "year"),
        Index("ix_forms_year", "year"),
        Index("ix_forms_updated_at", "updated_at"),
        # Revision 0005: sortable amounts; the form list's columns (storage/listing.py) in one
        # covering index, led by its filter and order (it replaced ix_forms_deleted_at).
        Index("ix_forms_funds_total_key", "funds_total_key"),
        Index("ix_forms_funds_basic_key", "funds_basic_key"),
        Index("ix_forms_funds_project_key", "funds_project_key"),
        Index("ix_forms_list", "deleted_at", "id", "year", "department", "template", "status", "updated_at",
              "funds_need_review", "created_at", "fingerprint", "copied_from_id", "uuid", "revision"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Revision 0003: the exchange format's identity (``id``, ``revision``, ``copied_from``).
    uuid: Mapped[str] = mapped_column(Text, nullable=True)  # always set; nullable in SQL (0003)
    revision: Mapped[int] = mapped_column(Integer, server_default="1")
    copied_from_uuid: Mapped[str] = mapped_column(Text, server_default="")
    template: Mapped[str] = mapped_column(Text)
    year: Mapped[int | None] = mapped_column(Integer)
    department: Mapped[str] = mapped_column(Text)
    goals: Mapped[str] = mapped_column(Text)
    other_notes: Mapped[str] = mapped_column(Text)
    funds_unit: Mapped[str] = mapped_column(Text)
    funds_total: Mapped[str] = mapped_column(Text)
    funds_basic: Mapped[str] = mapped_column(Text)
    funds_project: Mapped[str] = mapped_column(Text)
    # Revision 0005: the amounts in millionths of 万元 when readable (mapping.amount_key), for sorting.
    funds_total_key: Mapped[int | None] = mapped_column(BigInteger)
    funds_basic_key: Mapped[int | None] = mapped_column(BigInteger)
    funds_project_key: Mapped[int | None] = mapped_column(BigInteger)
    # Funds.sources is None (the block is absent) or a list (possibly empty): keep the difference.
    funds_has_sources: Mapped[bool] = mapped_column(Boolean)
    funds_extra_json: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str | None] = mapped_column(Text)
    # Revision 0008: the bureau's verdict: "" 待审, "passed" 通过, "returned" 退回修改.
    review_status: Mapped[str] = mapped_column(Text, server_default="")
    funds_need_review: Mapped[bool] = mapped_column(Boolean)
    copied_from_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("forms.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    extra_json: Mapped[str] = mapped_column(Text)
    document_extra_json: Mapped[str] = mapped_column(Text)
    # Revision 0007: the rule profile the form is checked with ("" = the template's default).
    profile_id: Mapped[str] = mapped_column(Text, server_default="")
    profile_sha256: Mapped[str] = mapped_column(Text, server_default="")

    fund_sources: Mapped[list[FundSourceRecord]] = relationship(
        order_by="FundSourceRecord.position", passive_deletes=True)
    indicator_rows: Mapped[list[IndicatorRowRecord]] = relationship(
        order_by="IndicatorRowRecord.position", passive_deletes=True)
    acknowledgements: Mapped[list[AcknowledgementRecord]] = relationship(
        order_by="AcknowledgementRecord.position", passive_deletes=True)


class FundSourceRecord(Base):
    __tablename__ = "fund_sources"
    __table_args__ = (UniqueConstraint("form_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    form_id: Mapped[int] = mapped_column(Integer, ForeignKey("forms.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    amount: Mapped[str] = mapped_column(Text)
    extra_json: Mapped[str] = mapped_column(Text)


class IndicatorRowRecord(Base):
    __tablename__ = "indicator_rows"
    __table_args__ = (UniqueConstraint("form_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    form_id: Mapped[int] = mapped_column(Integer, ForeignKey("forms.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    content: Mapped[str] = mapped_column(Text)
    level1: Mapped[str] = mapped_column(Text)
    level2: Mapped[str] = mapped_column(Text)
    extra_json: Mapped[str] = mapped_column(Text)
    previous_content: Mapped[str] = mapped_column(Text, server_default="")  # revision 0003

    items: Mapped[list[IndicatorItemRecord]] = relationship(
        order_by="IndicatorItemRecord.position", passive_deletes=True)


class IndicatorItemRecord(Base):
    __tablename__ = "indicator_items"
    __table_args__ = (UniqueConstraint("row_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    row_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("indicator_rows.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    level3: Mapped[str] = mapped_column(Text)
    nature: Mapped[str] = mapped_column(Text)
    operator: Mapped[str] = mapped_column(Text)
    value: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(Text)
    weight: Mapped[str] = mapped_column(Text)
    direction: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text)
    extra_json: Mapped[str] = mapped_column(Text)
    previous_value: Mapped[str] = mapped_column(Text, server_default="")  # revision 0003
    # Revision 0007: 指标解释 / 评(扣)分标准 / 指标值确定依据 (columns of some profiles).
    explanation: Mapped[str] = mapped_column(Text, server_default="")
    scoring: Mapped[str] = mapped_column(Text, server_default="")
    basis: Mapped[str] = mapped_column(Text, server_default="")


class AcknowledgementRecord(Base):
    __tablename__ = "acknowledgements"
    __table_args__ = (UniqueConstraint("form_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    form_id: Mapped[int] = mapped_column(Integer, ForeignKey("forms.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    rule: Mapped[str] = mapped_column(Text)
    field: Mapped[str] = mapped_column(Text)
    fingerprint: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text)
    at: Mapped[str] = mapped_column(Text)  # as the domain keeps it (ISO text)


class SnapshotRecord(Base):
    __tablename__ = "snapshots"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    form_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("forms.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    note: Mapped[str] = mapped_column(Text)
    # Revision 0002: manual / before-restore / finalised.
    kind: Mapped[str] = mapped_column(Text, server_default="manual")
    # The canonical exchange document (exchange.dumps): readable by any later version.
    document: Mapped[str] = mapped_column(Text)


class EventRecord(Base):
    """One line of a form's history (revision 0002)."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    form_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("forms.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    kind: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text)


# --- the bureau's tables (revision 0004) -----------------------------------------------------


class FormCheckRecord(Base):
    """The check counts of a form at one revision: the summary and the bureau's list read
    these instead of loading and checking every form. Stale when ``revision`` is not the
    form's (``storage/bureau.py`` refreshes them)."""

    __tablename__ = "form_checks"
    __table_args__ = (Index("ix_form_checks_errors", "errors"),)

    form_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("forms.id", ondelete="CASCADE"), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer)
    errors: Mapped[int] = mapped_column(Integer)
    warnings: Mapped[int] = mapped_column(Integer)
    infos: Mapped[int] = mapped_column(Integer)
    # exchange.fingerprint of the content at that revision: collect skips a file it already
    # has without loading the stored form.
    fingerprint: Mapped[str] = mapped_column(Text)


class ReviewCommentRecord(Base):
    """A reviewer's 审核意见 on one field of a form (``rule`` set: on that finding)."""

    __tablename__ = "review_comments"
    __table_args__ = (UniqueConstraint("form_id", "field", "rule", "anchor"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    form_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("forms.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(Text)  # a field path of checks.md, "" = the whole form
    rule: Mapped[str] = mapped_column(Text)  # "" = on the field, not on one finding
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(Text)
    form_revision: Mapped[int] = mapped_column(Integer)  # the form's revision it was written on
    version: Mapped[int] = mapped_column(Integer)  # +1 per change: two reviewers never overwrite
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Revision 0008: which finding of the field and rule (its message; "" = the field, or any).
    anchor: Mapped[str] = mapped_column(Text, server_default="")


class ExpectedUnitRecord(Base):
    """A unit the bureau expects a form from (imported from a workbook)."""

    __tablename__ = "expected_units"
    __table_args__ = (UniqueConstraint("department"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    department: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text)
    # Revision 0008: from the 应报名单's other columns.
    code: Mapped[str] = mapped_column(Text, server_default="")  # 单位编码
    contact: Mapped[str] = mapped_column(Text, server_default="")  # 联系人 (and 电话, as written)
    budget: Mapped[str] = mapped_column(Text, server_default="")  # 预算批复数, 万元, as typed


# --- the indicator library (revision 0006) -------------------------------------------------------


class LibraryEntryRecord(Base):
    """An entry of the indicator library (``spec/indicator-library.md``): shipped 共性指标
    (``source`` = common), a bureau's (bureau:<name>), or one a clerk took in from a form
    (own:<form uuid>). The unit's past values are not stored here: they are the items of its
    stored forms (``storage/indicator_library.py`` reads them). ``deleted_at`` set: the clerk
    deleted it (kept so that a later shipped set does not bring a 共性指标 back)."""

    __tablename__ = "library_entries"
    __table_args__ = (Index("ix_library_entries_name_key", "name_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name_key: Mapped[str] = mapped_column(Text)  # indicator_library.normalise_name(level3)
    level1: Mapped[str] = mapped_column(Text)
    level2: Mapped[str] = mapped_column(Text)
    level3: Mapped[str] = mapped_column(Text)
    nature: Mapped[str] = mapped_column(Text)
    operator: Mapped[str] = mapped_column(Text)
    unit: Mapped[str] = mapped_column(Text)
    direction: Mapped[str] = mapped_column(Text)
    explanation: Mapped[str] = mapped_column(Text)
    scoring: Mapped[str] = mapped_column(Text)
    sector: Mapped[str] = mapped_column(Text)
    keywords: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)
    source_document: Mapped[str] = mapped_column(Text)
    uses: Mapped[int] = mapped_column(Integer, server_default="0")
    extra_json: Mapped[str] = mapped_column(Text)  # unknown workbook columns: {header: text}
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class LibraryStateRecord(Base):
    """Small facts about the library: ``common_version`` = the shipped set last added."""

    __tablename__ = "library_state"

    key: Mapped[str] = mapped_column(Text, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ProfileRecord(Base):
    """A rule profile file imported by the clerk or carried in a review file (revision 0007):
    its text as read, keyed by the SHA-256 of that text (``profiles.md``)."""

    __tablename__ = "profiles"
    __table_args__ = (Index("ix_profiles_profile_id", "profile_id"),)

    sha256: Mapped[str] = mapped_column(Text, primary_key=True)
    profile_id: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)  # the file name it came from
    text: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)
