"""The review loop (issue 19): a review status per form, 审核意见 keyed to one finding and
answered by the unit, and the 应报名单's 单位编码, 联系人 and 预算批复数.

- ``forms.review_status``: "" 待审, "passed" 通过, "returned" 退回修改 (set by the bureau, shown
  to the unit through the review file).
- ``review_comments.anchor``: which finding of that field and rule the comment is on (its
  message), part of the key. (The unit's answers are part of the form it sends back: the
  exchange key ``review_answers``, kept with the form's other keys.)
- ``expected_units.code``, ``.contact``, ``.budget`` (预算批复数 as typed, 万元).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("forms") as batch:
        batch.add_column(sa.Column("review_status", sa.Text(), server_default="", nullable=False))
    with op.batch_alter_table("review_comments") as batch:
        batch.add_column(sa.Column("anchor", sa.Text(), server_default="", nullable=False))
        batch.drop_constraint("uq_review_comments_form_id_field_rule", type_="unique")
        batch.create_unique_constraint("uq_review_comments_form_id_field_rule_anchor",
                                       ["form_id", "field", "rule", "anchor"])
    with op.batch_alter_table("expected_units") as batch:
        batch.add_column(sa.Column("code", sa.Text(), server_default="", nullable=False))
        batch.add_column(sa.Column("contact", sa.Text(), server_default="", nullable=False))
        batch.add_column(sa.Column("budget", sa.Text(), server_default="", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("expected_units") as batch:
        batch.drop_column("budget")
        batch.drop_column("contact")
        batch.drop_column("code")
    op.execute("DELETE FROM review_comments WHERE anchor <> ''")
    with op.batch_alter_table("review_comments") as batch:
        batch.drop_constraint("uq_review_comments_form_id_field_rule_anchor", type_="unique")
        batch.create_unique_constraint("uq_review_comments_form_id_field_rule", ["form_id", "field", "rule"])
        batch.drop_column("anchor")
    with op.batch_alter_table("forms") as batch:
        batch.drop_column("review_status")
