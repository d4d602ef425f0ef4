"""The bundled faces, registered with reportlab once per process, and the glyph audit.

Body text prints in AR PL UMing CN (a Song/Ming face, as the official Word form's 宋体), labels
in WenQuanYi Micro Hei (黑体). Each character takes the first face of its chain that has a
glyph WITH AN OUTLINE for it: a face that maps a character to an empty glyph (WenQuanYi's ℃ Ⅴ
ǎ …) does not count, so ℃ never prints as a gap. A character no face can draw prints as 〓
(the typesetter's mark for a missing character) and is reported before export.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from jixiao_desktop import resources

SONG = "JixiaoSong"
HEI = "JixiaoHei"
FONT = SONG  # the face a page starts in (no stray Helvetica)
MISSING_MARK = "〓"  # GETA MARK: printed where no bundled face has the character

BODY_CHAIN = (SONG, HEI)
LABEL_CHAIN = (HEI, SONG)

_lock = threading.Lock()
_faces: dict[str, _Face] = {}


@dataclass
class _Face:
    font: TTFont
    inked: frozenset[int]  # code points whose glyph has an outline (or is a real space)


def _blank_by_design(code: int) -> bool:
    return unicodedata.category(chr(code)) in ("Zs", "Cc", "Cf", "Zl", "Zp")


def _load(name: str) -> _Face:
    path = resources.song_font_path() if name == SONG else resources.font_path()
    font = TTFont(name, str(path))
    pdfmetrics.registerFont(font)
    pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
    face = font.face
    pos = face.glyphPos  # glyph offsets in 'glyf': an empty glyph has length 0
    inked = frozenset(code for code, g in face.charToGlyph.items()
                      if (g + 1 < len(pos) and pos[g + 1] > pos[g]) or _blank_by_design(code))
    return _Face(font, inked)


def register_fonts() -> None:
    """Register the bundled faces with reportlab once per process (parsing them takes ~0.3 s)."""
    with _lock:
        for name in (SONG, HEI):
            if name not in _faces:
                _faces[name] = _load(name)


def register_font() -> TTFont:
    """Register the faces; returns the body face."""
    register_fonts()
    return _faces[SONG].font


class FontChain:
    """Which face prints each character, and its width: looked up once per character."""

    def __init__(self, chain: tuple[str, ...]) -> None:
        register_fonts()
        self.chain = chain
        self._faces = [(name, _faces[name].inked) for name in chain]
        self._cache: dict[str, tuple[str, str, float]] = {}  # ch -> (face, printed char, width at 1 pt)

    def pick(self, ch: str) -> tuple[str, str, float]:
        hit = self._cache.get(ch)
        if hit is None:
            code = ord(ch)
            for name, inked in self._faces:
                if code in inked:
                    hit = (name, ch, pdfmetrics.stringWidth(ch, name, 1.0))
                    break
            else:
                mark_face = self._faces[0][0]
                hit = (mark_face, MISSING_MARK, pdfmetrics.stringWidth(MISSING_MARK, mark_face, 1.0))
            self._cache[ch] = hit
        return hit

    def width(self, ch: str) -> float:
        """Width at 1 pt."""
        return self.pick(ch)[2]

    def runs(self, text: str) -> Iterator[tuple[str, str]]:
        """(face, text) runs of ``text`` as printed."""
        current = ""
        buf: list[str] = []
        for ch in text:
            face, shown, _ = self.pick(ch)
            if face != current and buf:
                yield current, "".join(buf)
                buf = []
            current = face
            buf.append(shown)
        if buf:
            yield current, "".join(buf)


def printable(ch: str) -> bool:
    """Does some bundled face draw ``ch`` with ink (or is it a space or a line break)?"""
    if ch in "\n\r\t" or _blank_by_design(ord(ch)):
        return True
    register_fonts()
    return any(ord(ch) in face.inked for face in _faces.values())


def unprintable_chars(text: str) -> str:
    """The characters of ``text`` that would print as 〓, each once, in order."""
    bad = {ch for ch in set(text) if not printable(ch)}  # each distinct character looked up once
    return "".join(dict.fromkeys(ch for ch in text if ch in bad)) if bad else ""
