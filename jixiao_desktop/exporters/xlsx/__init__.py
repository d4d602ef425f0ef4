"""Excel export and re-import of a form: ``writer`` writes the printed sheet, ``reader`` reads
it back (``layout`` holds what both agree on: columns and hidden markers).

The reader (safezip, defusedxml) is imported when first asked for: an export does not need it.
"""

from typing import TYPE_CHECKING, Any

from jixiao_desktop.exporters import openpyxl_lean  # noqa: F401  # first: openpyxl without numpy/Pillow
from jixiao_desktop.exporters.xlsx.writer import XlsxResult, export_xlsx

if TYPE_CHECKING:
    from jixiao_desktop.exporters.xlsx.reader import XlsxImportError, import_xlsx, read_xlsx

__all__ = ["XlsxImportError", "XlsxResult", "export_xlsx", "import_xlsx", "read_xlsx"]
_READER = frozenset({"XlsxImportError", "import_xlsx", "read_xlsx"})


def __getattr__(name: str) -> Any:
    if name in _READER:
        from jixiao_desktop.exporters.xlsx import reader

        return getattr(reader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
