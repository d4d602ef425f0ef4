"""History: an events table (created, snapshot, finalised, unfinalised with its reason,
restored, deleted, …) and the kind of each snapshot (manual, before-restore, finalised).

Existing databases get their history filled in from what revision 0001 kept: a "created"
event per form, a "snapshot" event per snapshot, "finalised" for final forms and "deleted"
for forms in the recycle bin.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["form_id"], ["forms.id"],
                                name=op.f("fk_events_form_id_forms"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    op.create_index(op.f("ix_events_form_id"), "events", ["form_id"], unique=False)

    # A plain ADD COLUMN (a literal server default needs no table rebuild).
    with op.batch_alter_table("snapshots") as batch:
        batch.add_column(sa.Column("kind", sa.Text(), server_default="manual", nullable=False))

    op.execute("INSERT INTO events (form_id, at, kind, note) "
               "SELECT id, created_at, 'created', '' FROM forms ORDER BY id")
    op.execute("INSERT INTO events (form_id, at, kind, note) "
               "SELECT form_id, created_at, 'snapshot', note FROM snapshots ORDER BY id")
    op.execute("INSERT INTO events (form_id, at, kind, note) "
               "SELECT id, updated_at, 'finalised', COALESCE(fingerprint, '') FROM forms "
               "WHERE status = 'final' ORDER BY id")
    op.execute("INSERT INTO events (form_id, at, kind, note) "
               "SELECT id, deleted_at, 'deleted', '' FROM forms "
               "WHERE deleted_at IS NOT NULL ORDER BY id")


def downgrade() -> None:
    with op.batch_alter_table("snapshots") as batch:
        batch.drop_column("kind")
    op.drop_index(op.f("ix_events_form_id"), table_name="events")
    op.drop_table("events")
