"""Bounded reading of Office Open XML packages: the one gate every importer goes through.

- ``archive``: ``check_archive``, ``read_archive``, ``open_member``, ``safe_copy``, ``stored_zip``,
  ``parse_xml``, ``Limits``, ``ArchiveError`` (the zip and XML bombs; see its docstring).
- ``merges``: ``check_merges`` (merged-cell bombs in a sheet's XML).
- here: ``safe_workbook`` (``safe_copy`` for an .xlsx plus the merged-cell check) and the names
  callers use as ``safezip.X``.
"""

from __future__ import annotations

import os
from typing import IO

from jixiao_desktop.safezip.archive import (
    DOCUMENT_LIMITS,
    KIND_DOCUMENT,
    KIND_WORKBOOK,
    WORKBOOK_LIMITS,
    ArchiveError,
    Limits,
    check_archive,
    corrupt_error,
    malicious_hint,
    open_member,
    parse_xml,
    read_archive,
    safe_copy,
    shown_name,
    stored_zip,
)
from jixiao_desktop.safezip.merges import MAX_MERGED_CELLS, check_merges

__all__ = [
    "DOCUMENT_LIMITS", "KIND_DOCUMENT", "KIND_WORKBOOK", "MAX_MERGED_CELLS", "WORKBOOK_LIMITS", "ArchiveError",
    "Limits", "check_archive", "check_merges", "corrupt_error", "malicious_hint", "open_member", "parse_xml",
    "read_archive", "safe_copy", "safe_workbook", "shown_name", "stored_zip",
]


def safe_workbook(source: str | os.PathLike[str] | bytes, *, limits: Limits | None = None) -> IO[bytes]:
    """``safe_copy`` for an .xlsx, plus what openpyxl expands cell by cell when it loads a
    sheet: merged ranges (``A1:XFD1048576`` would become 17 billion cell objects).

    Raises:
        ArchiveError: refused (one Chinese line, without the file name).
        OSError: the file cannot be read.
    """
    members = read_archive(source, kind=KIND_WORKBOOK, limits=limits)
    for name, data in members.items():
        if name.lower().startswith("xl/worksheets/") and name.lower().endswith(".xml"):
            check_merges(name, data)
    return stored_zip(members)
