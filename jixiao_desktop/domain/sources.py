"""Which rows of the optional 资金来源 block count — one rule for the checks and the editor.

The block is "filled" once any row has an amount; then the rows with an amount are added up
and compared with 资金总额. A row whose amount is still empty is not an error in either place
(the clerk may be typing the block row by row): the checks raise no finding for it, and the
editor's 合计 line does not paint it red.
"""

from __future__ import annotations

from jixiao_desktop.domain.model import Funds


def counted_sources(funds: Funds) -> list[int] | None:
    """Indices of the source rows with an amount typed; None when the block is absent or empty."""
    if not funds.sources:
        return None
    rows = [i for i, source in enumerate(funds.sources) if (source.amount or "").strip()]
    return rows or None
