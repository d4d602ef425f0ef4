"""Where the bundled resources (font, translations, icons) live, from source or frozen."""

from __future__ import annotations

import sys
from pathlib import Path

FONT_FILE = "wqy-microhei.ttf"
FONT_FAMILY = "WenQuanYi Micro Hei"
SONG_FILE = "uming-cn.ttf"
SONG_FAMILY = "AR PL UMing CN"


def resources_dir() -> Path:
    """The ``resources/`` folder: beside the package in a checkout, in the bundle when frozen."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def font_path() -> Path:
    """The bundled sans CJK font (WenQuanYi Micro Hei, Apache-2.0 / GPL-3 with font exception)."""
    return resource_path("fonts", FONT_FILE)


def song_font_path() -> Path:
    """The bundled Song (Ming) body face of the printed form (AR PL UMing CN, Arphic Public License)."""
    return resource_path("fonts", SONG_FILE)
