"""继承上年: start next year's form from this year's."""

from __future__ import annotations

import uuid

from jixiao_desktop.domain import evaluation as ev
from jixiao_desktop.domain.model import Form


def new_form_id() -> str:
    """The identity a form gets when it is created (exchange format ``id``)."""
    return str(uuid.uuid4())


def carry_over(form: Form) -> Form:
    """Next year's draft: year + 1, every text kept, amounts kept (the caller flags them for
    review), acknowledgements dropped (they were given for last year's text).

    The new form is a form of its own (a new ``id``, ``copied_from`` = last year's id) and
    remembers last year's values: each 三级 item's ``previous_value`` (its 实际完成值 when last
    year's form is at the 自评 stage) and each row's ``previous_content``, shown beside this year's and used by ``items.previous_regressed``.

    The stale year references this leaves in the text are what ``text.stale_year`` then
    reports, so the clerk sees every 2021年 still standing in a 2022 form.
    """
    copy = form.copy()
    copy.year = form.year + 1 if form.year else None
    copy.acknowledgements = []
    copy.id = new_form_id()
    copy.revision = 0
    copy.copied_from = form.id
    evaluated = ev.stage_of(form) is ev.Stage.EVALUATION
    for key in ("stage", "execution", "evaluation"):  # next year's draft starts at 申报
        copy.extra.pop(key, None)
    for indicator in copy.indicators:
        indicator.previous_content = indicator.content
        for key in ev.ROW_KEYS:
            indicator.extra.pop(key, None)
        for item in indicator.items:
            # After the 自评 the real outcome is last year's value, not last year's promise.
            actual = ev.item_text(item, "actual_value").strip() if evaluated else ""
            item.previous_value = actual or item.value
            for key in ev.ITEM_KEYS:
                item.extra.pop(key, None)
    return copy
