"""Where forms are kept: SQLite through SQLAlchemy, schema upgrades through Alembic.

- ``repository``: ``FormRepository`` and the small dataclasses it returns (the only API
  the window and the command line need).
- ``errors``: ``StorageError`` and subclasses; imports neither SQLAlchemy nor Alembic, so it
  is cheap to import before the first paint.
- ``db``: engine with the SQLite PRAGMAs, ``upgrade_to_head``.
- ``models``: the tables; ``migrations/``: the Alembic scripts (shipped as data files).

Importing this package imports nothing heavy; import ``repository`` after the window shows.
"""
