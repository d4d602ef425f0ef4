"""The bundled faces, registered with reportlab once per process, and the glyph audit.

Body text and labels print in AR PL UMing CN (a Song/Ming face, as the official Word form's
宋体); WenQuanYi Micro Hei is the fallback, parsed only when a form holds a character the Song
face lacks (parsing a face costs ~0.2 s per process). Each character takes the first face of its chain that has a
glyph WITH AN OUTLINE for it: a face that maps a character to an empty glyph (WenQuanYi's ℃ Ⅴ
ǎ …) does not count, so ℃ never prints as a gap. A character no face can draw prints as 〓
(the typesetter's mark for a missing character) and is reported before export.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from jixiao_desktop import resources

SONG = "JixiaoSong"
HEI = "JixiaoHei"
FONT = SONG  # the face a page starts in (no stray Helvetica)
MISSING_MARK = "〓"  # GETA MARK: printed where no bundled face has the character

BODY_CHAIN = (SONG, HEI)
LABEL_CHAIN = (SONG, HEI)

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
    has_outline = [b > a for a, b in pairwise(pos)]
    n = len(has_outline)
    inked = frozenset(code for code, g in face.charToGlyph.items()
                      if (g < n and has_outline[g]) or _blank_by_design(code))
    return _Face(font, inked)


def _face(name: str) -> _Face:
    """The face ``name``, registered with reportlab on first use (once per process)."""
    face = _faces.get(name)
    if face is None:
        with _lock:
            face = _faces.get(name)
            if face is None:
                face = _faces[name] = _load(name)
    return face


def register_fonts() -> None:
    """Register every bundled face now (a benchmark's warm-up; exports load them as needed)."""
    for name in (SONG, HEI):
        _face(name)


def register_font() -> TTFont:
    """Register the body face (the one every page needs); returns it."""
    return _face(SONG).font


class FontChain:
    """Which face prints each character, and its width: looked up once per character."""

    def __init__(self, chain: tuple[str, ...]) -> None:
        self.chain = chain
        _face(chain[0])
        self._cache: dict[str, tuple[str, str, float]] = {}  # ch -> (face, printed char, width at 1 pt)

    def pick(self, ch: str) -> tuple[str, str, float]:
        hit = self._cache.get(ch)
        if hit is None:
            code = ord(ch)
            for name in self.chain:  # a later face is parsed only when an earlier one lacks ch
                if code in _face(name).inked:
                    hit = (name, ch, pdfmetrics.stringWidth(ch, name, 1.0))
                    break
            else:
                mark_face = self.chain[0]
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
    return any(ord(ch) in _face(name).inked for name in BODY_CHAIN)


def unprintable_chars(text: str) -> str:
    """The characters of ``text`` that would print as 〓, each once, in order."""
    bad = {ch for ch in set(text) if not printable(ch)}  # each distinct character looked up once
    return "".join(dict.fromkeys(ch for ch in text if ch in bad)) if bad else ""
