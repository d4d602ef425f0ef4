"""Identity and last year's values: the exchange format's ``id`` (a UUID kept across
machines), ``revision`` (+1 per saved change; a save based on an older revision is refused)
and ``copied_from`` on forms; ``previous_content`` on indicator rows and ``previous_value`` on
三级 items (继承上年 remembers last year's text beside this year's).

Existing forms get a fresh UUID each and revision 1; ``copied_from`` is filled from the
local ``copied_from_id`` link where the form it names is still there.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMNs (literal server defaults need no table rebuild on SQLite).
    with op.batch_alter_table("forms") as batch:
        batch.add_column(sa.Column("uuid", sa.Text(), nullable=True))
        batch.add_column(sa.Column("revision", sa.Integer(), server_default="1", nullable=False))
        batch.add_column(sa.Column("copied_from_uuid", sa.Text(), server_default="", nullable=False))
    with op.batch_alter_table("indicator_rows") as batch:
        batch.add_column(sa.Column("previous_content", sa.Text(), server_default="", nullable=False))
    with op.batch_alter_table("indicator_items") as batch:
        batch.add_column(sa.Column("previous_value", sa.Text(), server_default="", nullable=False))

    bind = op.get_bind()
    forms = sa.table("forms", sa.column("id", sa.Integer()), sa.column("uuid", sa.Text()),
                     sa.column("copied_from_id", sa.Integer()), sa.column("copied_from_uuid", sa.Text()))
    ids = [row.id for row in bind.execute(sa.select(forms.c.id).order_by(forms.c.id))]
    given = {form_id: str(uuid.uuid4()) for form_id in ids}
    for form_id, value in given.items():
        bind.execute(forms.update().where(forms.c.id == form_id).values(uuid=value))
    links = bind.execute(sa.select(forms.c.id, forms.c.copied_from_id)
                         .where(forms.c.copied_from_id.is_not(None))).all()
    for form_id, source_id in links:
        if source_id in given:
            bind.execute(forms.update().where(forms.c.id == form_id)
                         .values(copied_from_uuid=given[source_id]))

    # No table rebuild (ALTER … NOT NULL would copy ``forms``, and dropping the old table
    # would cascade to every row that refers to it): the column stays nullable in SQL, the
    # repository always fills it, and the unique index keeps ids unique.
    op.create_index("ix_forms_uuid", "forms", ["uuid"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("indicator_items") as batch:
        batch.drop_column("previous_value")
    with op.batch_alter_table("indicator_rows") as batch:
        batch.drop_column("previous_content")
    op.drop_index("ix_forms_uuid", table_name="forms")
    with op.batch_alter_table("forms") as batch:
        batch.drop_column("copied_from_uuid")
        batch.drop_column("revision")
        batch.drop_column("uuid")
