"""Excel export and re-import of a form: ``writer`` writes the printed sheet, ``reader`` reads
it back (``layout`` holds what both agree on: columns and hidden markers)."""

from jixiao_desktop.exporters.xlsx.reader import XlsxImportError, import_xlsx, read_xlsx
from jixiao_desktop.exporters.xlsx.writer import XlsxResult, export_xlsx

__all__ = ["XlsxImportError", "XlsxResult", "export_xlsx", "import_xlsx", "read_xlsx"]
