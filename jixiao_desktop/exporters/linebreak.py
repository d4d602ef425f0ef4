"""Chinese line breaking, once for every printed cell (GB/T 15834, W3C clreq).

``break_lines`` cuts a text into lines no wider than a cell for any way of measuring a
character (the PDF's font metrics, or 宋体 metrics for Excel row heights):

- no line starts with closing punctuation (，。、；：？！”’）》】 …) and none ends with an
  opening one (“‘（《【 …); when a closing mark would overflow, the full-width punctuation of
  the line is compressed (each gives up at most half its width) so that it stays inside the
  border, else the character before it is pulled down with it (never hanging past the border);
- a Latin word or number is kept whole unless it alone is wider than the line;
- full-width spaces are kept as typed (an indent of 　　 prints); ASCII spaces at a wrapped
  line start are dropped; a line break typed is a line, and nothing else makes a blank line;
- linear in the text length: each character is measured once and looked at a bounded number
  of times (a pull-down goes back at most to the line's last break opportunity).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

# Not at a line start (clreq "line-start prohibition"; full-width and ASCII forms).
NO_START = frozenset(
    "，。、；：？！”’）》】」』〕〉〗〙〛｝］）．｡､・·…‥—～％‰℃°′″"
    ",.;:?!)]}%"
    "ゝゞヽヾーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎ"
)
# Not at a line end.
NO_END = frozenset("“‘（《【「『〔〈〖〘〚｛［$￥＄([{")
# Full-width punctuation whose glyph fills only half its box: the other half may be squeezed.
# Closing marks sit left in the box (squeeze the right), opening marks sit right.
SQUEEZE_CLOSING = frozenset("，。、；：”’）》】」』〕〉〗")
SQUEEZE_OPENING = frozenset("“‘（《【「『〔〈〖")
_INSEPARABLE = frozenset("—…‥")  # —— and …… are never split across lines
FULLWIDTH_SPACE = "\u3000"
_SPACES = frozenset(" " + FULLWIDTH_SPACE)


@dataclass(frozen=True)
class Line:
    """One printed line: ``text[start:end]`` with the width it takes.

    ``squeeze`` is how much the line's squeezable punctuation gives up in total (0 usually),
    spread over the squeezable marks of the line in proportion to their widths.
    """

    start: int
    end: int
    width: float
    squeeze: float = 0.0


def _is_ascii_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "_-'/+&@#.,:%")


def _break_before(prev: str, ch: str) -> bool:
    """May a line end between ``prev`` and ``ch``?"""
    if ch in NO_START or prev in NO_END:
        return False
    if prev in _INSEPARABLE and ch == prev:
        return False
    if ch == " ":
        return False  # a space stays with the word before; the break comes after it
    if prev == " ":
        return True
    # Within a Latin word, a number (12.5%, 2021-2023) or a URL: no break.
    return not (_is_ascii_word(prev) and _is_ascii_word(ch))


def break_lines(text: str, width_of: Callable[[str], float], capacity: float) -> list[Line]:
    """The lines of ``text`` at ``capacity`` width; a ``\\n`` in the text ends a line.

    Every character of the text belongs to exactly one line except ASCII spaces dropped at a
    wrapped line start and the line breaks themselves. An empty text is one empty line.
    """
    lines: list[Line] = []
    n = len(text)
    i = 0
    while True:
        end = text.find("\n", i)
        if end < 0:
            end = n
        _break_paragraph(text, i, end, width_of, max(capacity, 1e-6), lines)
        if end >= n:
            break
        i = end + 1
    return lines


def _squeezable(ch: str, width: float) -> float:
    return width / 2 if ch in SQUEEZE_CLOSING or ch in SQUEEZE_OPENING else 0.0


def _break_paragraph(text: str, start: int, end: int, width_of: Callable[[str], float],
                     capacity: float, out: list[Line]) -> None:
    if start == end:
        out.append(Line(start, end, 0.0))
        return
    widths = [width_of(text[k]) for k in range(start, end)]
    line_start = start
    while line_start < end:
        # Lay out one line from line_start: take characters while they fit.
        used = 0.0
        squeeze_room = 0.0
        last_break = -1  # index where the line may end (break before this index)
        solid = ""  # the line's last character that is not a space (an opening mark hangs even before one)
        k = line_start
        while k < end:
            ch = text[k]
            w = widths[k - start]
            if k > line_start and solid not in NO_END and _break_before(text[k - 1], ch):
                last_break = k
            if used + w <= capacity + 1e-9 or k == line_start:  # a line holds at least one character
                used += w
                squeeze_room += _squeezable(ch, w)
                if ch not in _SPACES:
                    solid = ch
                k += 1
                continue
            break
        if k >= end:
            out.append(Line(line_start, end, used))
            return
        ch = text[k]
        w = widths[k - start]
        if (ch == " " or (ch == FULLWIDTH_SPACE and text[k - 1] != FULLWIDTH_SPACE)) and solid not in NO_END:
            # A space that overflows ends the line and vanishes (an indent run stays whole),
            # unless what follows the spaces may not start a line.
            after = _skip_spaces(text, k + 1 if ch == FULLWIDTH_SPACE else k, end)
            if after >= end or text[after] not in NO_START:
                out.append(Line(line_start, k, used))
                if after >= end:
                    return
                line_start = after
                continue
        if ch in NO_START or text[k - 1] in NO_END:
            # Keep a closing mark on this line by squeezing its punctuation, if that is enough.
            room = squeeze_room + _squeezable(ch, w)
            over = used + w - capacity
            if ch in NO_START and text[k - 1] not in NO_END and over <= room + 1e-9 \
                    and (k + 1 >= end or _break_before(ch, text[k + 1])):
                out.append(Line(line_start, k + 1, capacity, squeeze=over))
                line_start = _skip_spaces(text, k + 1, end)
                continue
        # Pull the characters after the line's last break opportunity down (a break allowed right
        # here is the last one). With none, one word wider than the line is cut where it must be,
        # yet not before a closing mark or after an opening one while an earlier cut avoids that.
        cut = last_break if last_break > line_start else _forced_cut(text, line_start, k, end)
        width = sum(widths[line_start - start:cut - start])
        out.append(Line(line_start, cut, width))
        line_start = _skip_spaces(text, cut, end)


def _forced_cut(text: str, line_start: int, k: int, end: int) -> int:
    """Where to cut a run with no break opportunity that overflows at ``k``: as late as
    possible such that the next line does not start with a closing mark and this one does not
    end with an opening mark (a one-character line may); failing that, as late as possible such
    that this line does not end with an opening mark; ``k`` itself if no cut avoids even that.
    Looks back at most twice over the line, so the whole stays linear in the text length."""
    for closing_may_start in (False, True):
        for cut in range(k, line_start, -1):
            nxt = _skip_spaces(text, cut, end)
            if not closing_may_start and nxt < end and text[nxt] in NO_START:
                continue
            solid = cut - 1
            while solid > line_start and text[solid] in _SPACES:
                solid -= 1
            if text[solid] not in NO_END or cut == line_start + 1:
                return cut
    return k


def _skip_spaces(text: str, k: int, end: int) -> int:
    while k < end and text[k] == " ":
        k += 1
    return k
