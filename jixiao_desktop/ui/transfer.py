"""Old name of ``jixiao_desktop.formfiles`` (the reading and writing of form files is Qt-free
and shared with the CLI); kept so that the window's modules can move over one at a time."""

from __future__ import annotations

from jixiao_desktop.formfiles import (
    EXPORT_FILTERS,
    ExportKind,
    ExportResult,
    import_filters,
    kind_for,
    suggested_name,
    with_suffix,
)
from jixiao_desktop.formfiles import FormFileError as TransferError
from jixiao_desktop.formfiles import read_form_file as import_form
from jixiao_desktop.formfiles import write_form_file as export_form

IMPORT_FILTERS = import_filters()

__all__ = ["EXPORT_FILTERS", "IMPORT_FILTERS", "ExportKind", "ExportResult", "TransferError", "export_form",
           "import_form", "kind_for", "suggested_name", "with_suffix"]
