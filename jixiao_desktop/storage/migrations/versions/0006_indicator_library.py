"""The indicator library (指标库, issue 22): ``library_entries`` and ``library_state``.

No existing row changes: the unit's past values are read from the stored forms' items, and
the shipped 共性指标 are added by ``storage/indicator_library.py`` the first time the library
is read (so a newer shipped set reaches an old database without a migration).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXTS = ("name_key", "level1", "level2", "level3", "nature", "operator", "unit", "direction", "explanation",
          "scoring", "sector", "keywords", "source", "source_document")


def upgrade() -> None:
    op.create_table(
        "library_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        *(sa.Column(name, sa.Text(), nullable=False) for name in _TEXTS),
        sa.Column("uses", sa.Integer(), server_default="0", nullable=False),
        sa.Column("extra_json", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_library_entries")),
    )
    op.create_index("ix_library_entries_name_key", "library_entries", ["name_key"], unique=False)
    op.create_table(
        "library_state",
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_library_state")),
    )


def downgrade() -> None:
    op.drop_table("library_state")
    op.drop_index("ix_library_entries_name_key", table_name="library_entries")
    op.drop_table("library_entries")
