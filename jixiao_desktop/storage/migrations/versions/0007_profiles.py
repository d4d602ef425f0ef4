"""Rule profiles (issue 16, ``profiles.md``): the profile a form is checked with, the profile
files a clerk imported, and the item columns some profiles print.

- ``forms.profile_id`` / ``forms.profile_sha256``: the exchange file's ``profile`` (``""`` = the
  template's default profile, as a file without the key), also kept in ``extra_json`` where the
  form carries it; these columns let the lists show it without loading each form.
- ``indicator_items.explanation`` / ``scoring`` / ``basis``: 指标解释 / 评(扣)分标准 /
  指标值确定依据 (Hunan requires the first two). An item that already had them among its
  unknown keys (``extra_json``: a file read before these columns) gets them moved here.
- ``profiles``: a profile file imported in the window or carried in a review file, kept as its
  text (``sha256`` of that text is its key), so a form whose profile is not built in keeps
  working on any machine the database goes to.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ITEM_COLUMNS = ("explanation", "scoring", "basis")


def upgrade() -> None:
    with op.batch_alter_table("forms") as batch:
        batch.add_column(sa.Column("profile_id", sa.Text(), server_default="", nullable=False))
        batch.add_column(sa.Column("profile_sha256", sa.Text(), server_default="", nullable=False))
    with op.batch_alter_table("indicator_items") as batch:
        for name in _ITEM_COLUMNS:
            batch.add_column(sa.Column(name, sa.Text(), server_default="", nullable=False))
    _move_item_keys()
    _profile_columns_from_extra()
    op.create_table(
        "profiles",
        sa.Column("sha256", sa.Text(), nullable=False),
        sa.Column("profile_id", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_profiles")),
    )
    op.create_index("ix_profiles_profile_id", "profiles", ["profile_id"], unique=False)


def _json(text: str | None) -> dict[str, object] | None:
    try:
        value = json.loads(text) if text else None
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _move_item_keys() -> None:
    items = sa.table("indicator_items", sa.column("id", sa.Integer), sa.column("extra_json", sa.Text),
                     *(sa.column(name, sa.Text) for name in _ITEM_COLUMNS))
    conn = op.get_bind()
    rows = conn.execute(sa.select(items.c.id, items.c.extra_json).where(sa.or_(
        *(items.c.extra_json.like(f'%"{name}"%') for name in _ITEM_COLUMNS)))).all()
    for row_id, text in rows:
        extra = _json(text)
        if extra is None:
            continue
        moved = {name: extra.pop(name) for name in _ITEM_COLUMNS if isinstance(extra.get(name), str)}
        if moved:
            conn.execute(items.update().where(items.c.id == row_id).values(
                extra_json=json.dumps(extra, ensure_ascii=False), **moved))


def _profile_columns_from_extra() -> None:
    forms = sa.table("forms", sa.column("id", sa.Integer), sa.column("extra_json", sa.Text),
                     sa.column("profile_id", sa.Text), sa.column("profile_sha256", sa.Text))
    conn = op.get_bind()
    rows = conn.execute(sa.select(forms.c.id, forms.c.extra_json).where(
        forms.c.extra_json.like('%"profile"%'))).all()
    for form_id, text in rows:
        ref = (_json(text) or {}).get("profile")
        if isinstance(ref, dict) and isinstance(ref.get("id"), str):
            sha = ref.get("sha256")
            conn.execute(forms.update().where(forms.c.id == form_id).values(
                profile_id=ref["id"], profile_sha256=sha if isinstance(sha, str) else ""))


def downgrade() -> None:
    op.drop_index("ix_profiles_profile_id", table_name="profiles")
    op.drop_table("profiles")
    with op.batch_alter_table("indicator_items") as batch:
        for name in _ITEM_COLUMNS:
            batch.drop_column(name)
    with op.batch_alter_table("forms") as batch:
        batch.drop_column("profile_sha256")
        batch.drop_column("profile_id")
