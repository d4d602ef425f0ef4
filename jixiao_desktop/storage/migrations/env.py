"""Alembic environment for the jixiao-desktop database.

At run time ``storage.db.upgrade_to_head`` builds the Config in code and hands over an open
connection (already inside a transaction) through ``config.attributes["connection"]``.
To draft a new revision, bring a scratch database to head and, in a Python shell::

    from alembic import command
    from jixiao_desktop.storage import db
    cfg = db._alembic_config(); engine = db.create_engine_for("/tmp/dev.db")
    db.upgrade_to_head(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.revision(cfg, "what changes", autogenerate=True, rev_id="0003")

then review the file, bump ``db.SCHEMA_HEAD`` and add a sample old database to the tests.
Keep ALTERs inside
``op.batch_alter_table``; SQLite cannot alter most columns in place.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine, pool

from jixiao_desktop.storage.models import Base

config = context.config
target_metadata = Base.metadata


def _url() -> str:
    db = context.get_x_argument(as_dictionary=True).get("db")
    if db:
        return f"sqlite:///{db}"
    return config.get_main_option("sqlalchemy.url") or "sqlite://"


def run_migrations_offline() -> None:
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True,
                      render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata,
                          render_as_batch=True, transactional_ddl=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(_url(), poolclass=pool.NullPool)
    with engine.connect() as conn:
        context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
