"""继承上年: start next year's form from this year's."""

from __future__ import annotations

from jixiao_desktop.domain.model import Form


def carry_over(form: Form) -> Form:
    """Next year's draft: year + 1, every text kept, amounts kept (the caller flags them for
    review), acknowledgements dropped (they were given for last year's text).

    The stale year references this leaves in the text are what ``text.stale_year`` then
    reports, so the clerk sees every 2021年 still standing in a 2022 form.
    """
    copy = form.copy()
    copy.year = form.year + 1 if form.year else None
    copy.acknowledgements = []
    return copy
