"""Initial schema: forms with their fund sources, indicator rows and items, acknowledgements,
and snapshots.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "forms",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("template", sa.Text(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("department", sa.Text(), nullable=False),
        sa.Column("goals", sa.Text(), nullable=False),
        sa.Column("other_notes", sa.Text(), nullable=False),
        sa.Column("funds_unit", sa.Text(), nullable=False),
        sa.Column("funds_total", sa.Text(), nullable=False),
        sa.Column("funds_basic", sa.Text(), nullable=False),
        sa.Column("funds_project", sa.Text(), nullable=False),
        sa.Column("funds_has_sources", sa.Boolean(), nullable=False),
        sa.Column("funds_extra_json", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.Text(), nullable=True),
        sa.Column("funds_need_review", sa.Boolean(), nullable=False),
        sa.Column("copied_from_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("extra_json", sa.Text(), nullable=False),
        sa.Column("document_extra_json", sa.Text(), nullable=False),
        sa.CheckConstraint("status IN ('draft', 'final')", name=op.f("ck_forms_status")),
        sa.ForeignKeyConstraint(["copied_from_id"], ["forms.id"],
                                name=op.f("fk_forms_copied_from_id_forms"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_forms")),
    )
    op.create_index("ix_forms_deleted_at", "forms", ["deleted_at"], unique=False)

    op.create_table(
        "fund_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("amount", sa.Text(), nullable=False),
        sa.Column("extra_json", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["form_id"], ["forms.id"],
                                name=op.f("fk_fund_sources_form_id_forms"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fund_sources")),
        sa.UniqueConstraint("form_id", "position", name=op.f("uq_fund_sources_form_id_position")),
    )

    op.create_table(
        "indicator_rows",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("level1", sa.Text(), nullable=False),
        sa.Column("level2", sa.Text(), nullable=False),
        sa.Column("extra_json", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["form_id"], ["forms.id"],
                                name=op.f("fk_indicator_rows_form_id_forms"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator_rows")),
        sa.UniqueConstraint("form_id", "position", name=op.f("uq_indicator_rows_form_id_position")),
    )

    op.create_table(
        "indicator_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("level3", sa.Text(), nullable=False),
        sa.Column("nature", sa.Text(), nullable=False),
        sa.Column("operator", sa.Text(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("unit", sa.Text(), nullable=False),
        sa.Column("weight", sa.Text(), nullable=False),
        sa.Column("direction", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("extra_json", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["row_id"], ["indicator_rows.id"],
                                name=op.f("fk_indicator_items_row_id_indicator_rows"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_indicator_items")),
        sa.UniqueConstraint("row_id", "position", name=op.f("uq_indicator_items_row_id_position")),
    )

    op.create_table(
        "acknowledgements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.Column("field", sa.Text(), nullable=False),
        sa.Column("fingerprint", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("at", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["form_id"], ["forms.id"],
                                name=op.f("fk_acknowledgements_form_id_forms"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_acknowledgements")),
        sa.UniqueConstraint("form_id", "position",
                            name=op.f("uq_acknowledgements_form_id_position")),
    )

    op.create_table(
        "snapshots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["form_id"], ["forms.id"],
                                name=op.f("fk_snapshots_form_id_forms"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_snapshots")),
    )
    op.create_index(op.f("ix_snapshots_form_id"), "snapshots", ["form_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_snapshots_form_id"), table_name="snapshots")
    op.drop_table("snapshots")
    op.drop_table("acknowledgements")
    op.drop_table("indicator_items")
    op.drop_table("indicator_rows")
    op.drop_table("fund_sources")
    op.drop_index("ix_forms_deleted_at", table_name="forms")
    op.drop_table("forms")
