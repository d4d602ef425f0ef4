"""Between domain ``Form`` objects and the ORM records: one place that knows both shapes.

Used inside the repository's sessions only; ORM objects never leave ``storage/``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import delete, inspect
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from jixiao_desktop.domain.model import (
    Acknowledgement,
    Form,
    Funds,
    FundSource,
    Indicator,
    IndicatorItem,
)
from jixiao_desktop.domain.money import AmountError, parse_amount
from jixiao_desktop.storage.errors import StorageError
from jixiao_desktop.storage.models import (
    AcknowledgementRecord,
    FormCheckRecord,
    FormRecord,
    FundSourceRecord,
    IndicatorItemRecord,
    IndicatorRowRecord,
)
from jixiao_desktop.storage.types import CheckCounts

_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1


def utc_now() -> datetime:
    return datetime.now(UTC)


def stored_amount(text: str) -> str:
    """How an amount is stored: canonical text when readable, else exactly as typed."""
    try:
        return parse_amount(text).canonical
    except (AmountError, ArithmeticError):
        # ArithmeticError: money.parse_amount lets decimal.InvalidOperation out for amounts
        # of 27+ digits; keep such text as typed rather than fail the save.
        return text


_PLAIN_AMOUNT = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def amount_key(stored: str) -> int | None:
    """A stored amount as an exact integer in millionths of 万元, for sorting; ``None`` when it
    is not a plain decimal (kept as typed) or too large for a 64-bit column."""
    if not stored or not _PLAIN_AMOUNT.fullmatch(stored):
        return None
    key = int((Decimal(stored) * 1_000_000).to_integral_value())
    return key if _INT64_MIN <= key <= _INT64_MAX else None


def dump_extra(extra: dict[str, Any]) -> str:
    try:
        return json.dumps(extra, ensure_ascii=False)
    except (TypeError, ValueError) as exc:
        raise StorageError(f"申报表中有无法保存的附加数据（{exc}）") from exc


def load_extra(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text) if text else {}
    except (ValueError, TypeError, RecursionError) as exc:  # a damaged row (issue 7): said, not a traceback
        from jixiao_desktop.storage.integrity import damaged_row

        raise damaged_row("一行附加数据", exc) from exc
    return value if isinstance(value, dict) else {}


FORM_LOAD = (
    selectinload(FormRecord.fund_sources),
    selectinload(FormRecord.indicator_rows).selectinload(IndicatorRowRecord.items),
    selectinload(FormRecord.acknowledgements),
)


def apply_form(rec: FormRecord, form: Form) -> None:
    """Copy the form's own fields (not its lists) onto a record."""
    if form.year is not None and not _INT64_MIN <= form.year <= _INT64_MAX:
        raise StorageError(f"年度“{form.year}”不是有效的年份，没有保存")
    rec.template = form.template
    rec.year = form.year
    rec.department = form.department
    rec.goals = form.goals
    rec.other_notes = form.other_notes
    rec.funds_unit = form.funds.unit
    rec.funds_total = stored_amount(form.funds.total)
    rec.funds_basic = stored_amount(form.funds.basic)
    rec.funds_project = stored_amount(form.funds.project)
    rec.funds_total_key = amount_key(rec.funds_total)
    rec.funds_basic_key = amount_key(rec.funds_basic)
    rec.funds_project_key = amount_key(rec.funds_project)
    rec.funds_has_sources = form.funds.sources is not None
    rec.funds_extra_json = dump_extra(form.funds.extra)
    rec.copied_from_uuid = form.copied_from
    ref = form.profile  # kept in ``extra`` too; these columns let the lists show it without loading
    rec.profile_id, rec.profile_sha256 = (ref.id, ref.sha256) if ref is not None else ("", "")
    rec.extra_json = dump_extra(form.extra)
    rec.document_extra_json = dump_extra(form.document_extra)


def add_children(s: Session, form_id: int, form: Form) -> None:
    """Insert the form's fund sources, indicator rows (with items) and acknowledgements."""
    s.add_all([
        FundSourceRecord(form_id=form_id, position=i, name=src.name, amount=stored_amount(src.amount),
                         extra_json=dump_extra(src.extra))
        for i, src in enumerate(form.funds.sources or ())
    ])
    s.add_all([
        IndicatorRowRecord(
            form_id=form_id, position=i, name=ind.name, content=ind.content, level1=ind.level1,
            level2=ind.level2, extra_json=dump_extra(ind.extra), previous_content=ind.previous_content,
            items=[
                IndicatorItemRecord(
                    position=j, level3=it.level3, nature=it.nature, operator=it.operator,
                    value=it.value, unit=it.unit, weight=it.weight, direction=it.direction,
                    note=it.note, extra_json=dump_extra(it.extra), previous_value=it.previous_value,
                    explanation=it.explanation, scoring=it.scoring, basis=it.basis)
                for j, it in enumerate(ind.items)
            ])
        for i, ind in enumerate(form.indicators)
    ])
    s.add_all([
        AcknowledgementRecord(form_id=form_id, position=i, rule=a.rule, field=a.field,
                              fingerprint=a.fingerprint, note=a.note, at=a.at)
        for i, a in enumerate(form.acknowledgements)
    ])


def delete_children(s: Session, form_id: int) -> None:
    # Items go with their rows (ON DELETE CASCADE).
    for model in (FundSourceRecord, IndicatorRowRecord, AcknowledgementRecord):
        s.execute(delete(model).where(model.form_id == form_id),
                  execution_options={"synchronize_session": False})


def forget_children(s: Session, rec: FormRecord) -> None:
    """Drop loaded child rows from the session before they are deleted with SQL.

    SQLite reuses row ids, so a stale object could otherwise clash with a new row.
    """
    state = inspect(rec)
    for attr in ("fund_sources", "indicator_rows", "acknowledgements"):
        if attr in state.unloaded:
            continue
        for child in getattr(rec, attr):
            if isinstance(child, IndicatorRowRecord) and "items" not in inspect(child).unloaded:
                for item in child.items:
                    s.expunge(item)
            s.expunge(child)
        set_committed_value(rec, attr, [])


def to_form(rec: FormRecord) -> Form:
    return Form(
        template=rec.template,
        year=rec.year,
        department=rec.department,
        funds=Funds(
            total=rec.funds_total,
            basic=rec.funds_basic,
            project=rec.funds_project,
            unit=rec.funds_unit,
            sources=[FundSource(name=src.name, amount=src.amount, extra=load_extra(src.extra_json))
                     for src in rec.fund_sources] if rec.funds_has_sources else None,
            extra=load_extra(rec.funds_extra_json),
        ),
        goals=rec.goals,
        indicators=[
            Indicator(
                name=row.name, content=row.content, level1=row.level1, level2=row.level2,
                items=[
                    IndicatorItem(level3=it.level3, nature=it.nature, operator=it.operator,
                                  value=it.value, unit=it.unit, weight=it.weight,
                                  direction=it.direction, note=it.note, extra=load_extra(it.extra_json),
                                  previous_value=it.previous_value, explanation=it.explanation,
                                  scoring=it.scoring, basis=it.basis)
                    for it in row.items
                ],
                extra=load_extra(row.extra_json),
                previous_content=row.previous_content,
            )
            for row in rec.indicator_rows
        ],
        other_notes=rec.other_notes,
        acknowledgements=[
            Acknowledgement(rule=a.rule, field=a.field, fingerprint=a.fingerprint, note=a.note, at=a.at)
            for a in rec.acknowledgements
        ],
        id=rec.uuid,
        revision=rec.revision,
        copied_from=rec.copied_from_uuid,
        extra=load_extra(rec.extra_json),
        document_extra=load_extra(rec.document_extra_json),
    )


@dataclass(frozen=True)
class KnownCounts:
    """A form's check counts and content fingerprint, already computed by the caller."""

    counts: CheckCounts
    fingerprint: str


def store_check_counts(s: Session, form_id: int, revision: int, form: Form,
                       known: KnownCounts | None = None, *, new: bool = False) -> None:
    """Keep the checks' counts of ``form`` at ``revision`` (the form list and the bureau's
    summary read them instead of loading and checking every form). ``known``: the counts and
    fingerprint the caller has (collect), so the checks do not run twice; ``new``: a form just
    created, which has no counts yet (no lookup)."""
    if known is None:
        from jixiao_desktop.domain import exchange
        from jixiao_desktop.domain.checks import run_checks

        known = KnownCounts(CheckCounts.of(run_checks(form)), exchange.fingerprint(form))
    rec = None if new else s.get(FormCheckRecord, form_id)
    if rec is None:
        rec = FormCheckRecord(form_id=form_id)
        s.add(rec)
    counts = known.counts
    rec.revision, rec.fingerprint = revision, known.fingerprint
    rec.errors, rec.warnings, rec.infos = counts.errors, counts.warnings, counts.infos
    s.flush()


def form_name(rec: FormRecord) -> str:
    year = f"{rec.year}年度" if rec.year else ""
    return f"{year}“{rec.department}”申报表" if rec.department else f"{year}申报表（编号 {rec.id}）"
