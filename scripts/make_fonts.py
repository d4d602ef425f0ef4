"""Rebuild the bundled fonts in resources/fonts from the Debian font packages (run once by hand).

    apt-get install fonts-arphic-uming fonts-wqy-microhei && .venv/bin/pip install fonttools
    .venv/bin/python scripts/make_fonts.py

- ``uming-cn.ttf``: AR PL UMing CN (the Song/Ming body face; Arphic Public License), face 0 of
  uming.ttc with every character of its cmap kept, hinting and embedded bitmaps dropped (the
  PDF needs outlines only): 21 MB TTC → about 17 MB.
- ``wqy-microhei.ttf``: WenQuanYi Micro Hei (labels, the window; Apache-2.0 or GPL-3 with the
  font exception), face 0 of wqy-microhei.ttc with the characters whose glyph is EMPTY removed
  from its cmap (℃ Ⅴ Ⅹ ǎ ǐ ǒ ǔ ǘ ǚ ǜ …: they printed blank), so that Qt and the PDF fall back to
  UMing for them instead of printing nothing.
Both are modified versions under their original licences (see the COPYRIGHT files beside them).
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

OUT = Path(__file__).resolve().parent.parent / "resources" / "fonts"
UMING = Path("/usr/share/fonts/truetype/arphic/uming.ttc")
WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
BLANK_OK = ("Zs", "Cc", "Cf", "Zl", "Zp", "Mn")


def empty_glyph_chars(font: TTFont) -> list[int]:
    glyf = font["glyf"]
    return [u for u, g in font.getBestCmap().items()
            if glyf[g].numberOfContours == 0 and unicodedata.category(chr(u)) not in BLANK_OK
            and not 0x3164 <= u <= 0x3164]  # the Hangul filler is blank by design


def make_uming() -> None:
    font = TTFont(str(UMING), fontNumber=0)
    opts = subset.Options()
    opts.hinting = False
    opts.name_IDs = ["*"]
    opts.notdef_outline = True
    opts.layout_features = ["*"]
    opts.drop_tables += ["EBDT", "EBLC", "EBSC", "BDF", "FFTM"]
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=[u for u in font.getBestCmap() if u not in empty_glyph_chars(font)])
    sub.subset(font)
    font.save(str(OUT / "uming-cn.ttf"))


def make_wqy(source: Path) -> None:
    font = TTFont(str(source), fontNumber=0)
    drop = set(empty_glyph_chars(font))
    for table in font["cmap"].tables:
        for u in [u for u in table.cmap if u in drop]:
            del table.cmap[u]
    font.save(str(OUT / "wqy-microhei.ttf"))
    print("wqy: removed", "".join(map(chr, sorted(drop))))


if __name__ == "__main__":
    make_wqy(WQY if WQY.exists() else OUT / "wqy-microhei.ttc")
    if "--wqy-only" not in sys.argv:
        make_uming()
