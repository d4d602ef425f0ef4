"""PDF export of a form: ``flowing`` holds the generic page-breaking tables, ``text`` the cell
text layout, ``form`` the printed layout of the form, ``fonts`` the bundled faces and the glyph
audit (line breaking itself is ``exporters.linebreak``, shared with the Excel row heights)."""

from jixiao_desktop.exporters.pdf.fonts import FONT, register_font, unprintable_chars
from jixiao_desktop.exporters.pdf.form import (
    ExportCancelled,
    PdfResult,
    build_story,
    describe_unprintable,
    export_pdf,
    missing_chars,
    unprintable_fields,
)

__all__ = ["FONT", "ExportCancelled", "PdfResult", "build_story", "describe_unprintable", "export_pdf", "missing_chars",
           "register_font", "unprintable_chars", "unprintable_fields"]
