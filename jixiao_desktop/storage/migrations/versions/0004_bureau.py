"""The bureau: check counts per form (the summary and the list read them instead of loading
every form), reviewers' 审核意见, the list of units expected to report, and indexes for the
list's sort columns.

Existing databases get empty tables: the counts are computed the first time a summary or the
bureau's list needs them (``storage/bureau.py`` ``refresh_counts``).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "form_checks",
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("errors", sa.Integer(), nullable=False),
        sa.Column("warnings", sa.Integer(), nullable=False),
        sa.Column("infos", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["form_id"], ["forms.id"], name=op.f("fk_form_checks_form_id_forms"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("form_id", name=op.f("pk_form_checks")),
    )
    op.create_index("ix_form_checks_errors", "form_checks", ["errors"], unique=False)
    op.create_table(
        "review_comments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.Text(), nullable=False),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.Text(), nullable=False),
        sa.Column("form_revision", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["form_id"], ["forms.id"], name=op.f("fk_review_comments_form_id_forms"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_comments")),
        sa.UniqueConstraint("form_id", "field", "rule", name=op.f("uq_review_comments_form_id_field_rule")),
    )
    op.create_index(op.f("ix_review_comments_form_id"), "review_comments", ["form_id"], unique=False)
    op.create_table(
        "expected_units",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("department", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_expected_units")),
        sa.UniqueConstraint("department", name=op.f("uq_expected_units_department")),
    )
    op.create_index("ix_forms_department_year", "forms", ["department", "year"], unique=False)
    op.create_index("ix_forms_year", "forms", ["year"], unique=False)
    op.create_index("ix_forms_updated_at", "forms", ["updated_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_forms_updated_at", table_name="forms")
    op.drop_index("ix_forms_year", table_name="forms")
    op.drop_index("ix_forms_department_year", table_name="forms")
    op.drop_table("expected_units")
    op.drop_index(op.f("ix_review_comments_form_id"), table_name="review_comments")
    op.drop_table("review_comments")
    op.drop_index("ix_form_checks_errors", table_name="form_checks")
    op.drop_table("form_checks")
