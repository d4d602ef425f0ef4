"""The bundled font, registered with reportlab once per process, and the glyph audit."""

from __future__ import annotations

import threading
import unicodedata

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from jixiao_desktop import resources
from jixiao_desktop.domain.model import Form
from jixiao_desktop.exporters._common import (
    typed_text,
)

FONT = "JixiaoCJK"

_font_lock = threading.Lock()
_font: TTFont | None = None



def register_font() -> TTFont:
    """Register the bundled CJK font with reportlab once per process (parsing it takes ~70 ms)."""
    global _font
    with _font_lock:
        if _font is None:
            font = TTFont(FONT, str(resources.font_path()), subfontIndex=0)
            pdfmetrics.registerFont(font)
            pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT)
            _font = font
        return _font


def missing_chars(form: Form) -> str:
    """Characters of the printed text that the bundled font has no glyph for."""
    cmap = register_font().face.charToGlyph
    out: dict[str, None] = {}
    for ch in typed_text(form):
        if ch in "\n\r\t" or unicodedata.category(ch) in ("Cc", "Cf"):
            continue
        if ord(ch) not in cmap:
            out[ch] = None
    return "".join(out)


