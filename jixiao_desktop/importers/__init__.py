"""Readers for forms kept outside the app: last year's Word file, or its table pasted as text.

``read_word_form(path)`` (.docx read directly, .doc/.wps through LibreOffice) and
``read_pasted_table(text)`` give a ``WordImport`` (the ``Form`` and the warnings a preview
shows); ``formfiles`` registers them so every caller that accepts a form file gets them.
No Qt here.
"""

from __future__ import annotations

from jixiao_desktop.importers.word import (
    WORD_SUFFIXES,
    WordImport,
    WordImportError,
    read_pasted_table,
    read_word_form,
)

__all__ = ["WORD_SUFFIXES", "WordImport", "WordImportError", "read_pasted_table", "read_word_form"]
