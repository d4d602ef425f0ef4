"""Import openpyxl without the optional modules it would load for nothing.

openpyxl imports numpy when it is installed (to accept numpy numbers in cells) and Pillow (to
embed images). We write neither, and the two cost more than the rest of an xlsx export: in a
fresh process the export went from about 430 to 290 ms of CPU (``benchmarks/bench_export.py``,
issue 20). Importing this module first imports openpyxl with those two hidden — only when they
are not loaded already, and only while openpyxl loads: anything imported later gets them as
usual (reportlab still uses Pillow).
"""

from __future__ import annotations

import sys

_HIDDEN = ("numpy", "PIL")

if "openpyxl" not in sys.modules:
    hidden = [name for name in _HIDDEN if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # "import numpy" → ImportError
    try:
        import openpyxl  # noqa: F401
    finally:
        for name in hidden:
            del sys.modules[name]
