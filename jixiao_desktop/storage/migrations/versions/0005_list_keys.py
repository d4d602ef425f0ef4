"""The lists, fast at 10,000 forms: amounts the bureau can sort through an index, and the form
list's columns in one covering index.

- ``forms.funds_total_key`` / ``funds_basic_key`` / ``funds_project_key``: the amount as an exact
  integer in millionths of 万元 (a hundredth of a 元) when the stored text is a plain decimal,
  else NULL. The bureau's list sorts by them through their indexes instead of casting the text
  of every row. Existing rows get their keys here (stored amounts are canonical text).
- ``ix_forms_list``: the columns of the form list, led by ``deleted_at`` and ``id`` (its filter
  and order), so reading the list touches the index alone, not every form's row with its long
  texts. It replaces ``ix_forms_deleted_at``, its first column.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_AMOUNTS = ("total", "basic", "project")
_LIST_COLUMNS = ["deleted_at", "id", "year", "department", "template", "status", "updated_at",
                 "funds_need_review", "created_at", "fingerprint", "copied_from_id", "uuid", "revision"]
_PLAIN = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def _key(text: str | None) -> int | None:
    """Frozen copy of ``storage.mapping.amount_key`` as it was at this revision."""
    if not text or not _PLAIN.fullmatch(text):
        return None
    try:
        key = int((Decimal(text) * 1_000_000).to_integral_value())
    except (InvalidOperation, ValueError):
        return None
    return key if -(2**63) <= key < 2**63 else None


def upgrade() -> None:
    with op.batch_alter_table("forms") as batch:
        for name in _AMOUNTS:
            batch.add_column(sa.Column(f"funds_{name}_key", sa.BigInteger(), nullable=True))
    forms = sa.table("forms", sa.column("id", sa.Integer), *(sa.column(f"funds_{n}", sa.Text) for n in _AMOUNTS),
                     *(sa.column(f"funds_{n}_key", sa.BigInteger) for n in _AMOUNTS))
    conn = op.get_bind()
    rows = conn.execute(sa.select(forms.c.id, *(forms.c[f"funds_{n}"] for n in _AMOUNTS))).all()
    for row in rows:
        keys = {f"funds_{n}_key": _key(row[k + 1]) for k, n in enumerate(_AMOUNTS)}
        if any(value is not None for value in keys.values()):
            conn.execute(forms.update().where(forms.c.id == row[0]).values(**keys))
    for name in _AMOUNTS:
        op.create_index(f"ix_forms_funds_{name}_key", "forms", [f"funds_{name}_key"], unique=False)
    op.drop_index("ix_forms_deleted_at", table_name="forms")
    op.create_index("ix_forms_list", "forms", _LIST_COLUMNS, unique=False)


def downgrade() -> None:
    op.drop_index("ix_forms_list", table_name="forms")
    op.create_index("ix_forms_deleted_at", "forms", ["deleted_at"], unique=False)
    for name in _AMOUNTS:
        op.drop_index(f"ix_forms_funds_{name}_key", table_name="forms")
    with op.batch_alter_table("forms") as batch:
        for name in _AMOUNTS:
            batch.drop_column(f"funds_{name}_key")
