"""PDF export of a form: ``flowing`` holds the generic page-breaking tables, ``form`` the
printed layout of the form, ``fonts`` the bundled fonts and the glyph audit."""

from jixiao_desktop.exporters.pdf.fonts import FONT, missing_chars, register_font
from jixiao_desktop.exporters.pdf.form import PdfResult, build_story, export_pdf

__all__ = ["FONT", "PdfResult", "build_story", "export_pdf", "missing_chars", "register_font"]
