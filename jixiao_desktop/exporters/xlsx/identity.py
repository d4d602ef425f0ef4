"""The form's identity in its workbook (exchange-format.md, "Identity").

A hidden sheet ``jixiao`` holds, as plain text cells (never a formula, never shown): the form's
``id``, ``revision``, 定稿 state and 定稿指纹, the fingerprint of the content as exported, and the
whole exchange document of the form (ASCII JSON cut into cells), which carries what the printed
sheet does not show: 已知悉 marks, 上年值, unknown keys. Excel, WPS and LibreOffice keep a hidden
sheet when the clerk saves the workbook again.

The visible sheet stays what counts: the reader takes the content from it and from the hidden
sheet only what it cannot show. When the content no longer matches the fingerprint written at
export (the clerk changed the workbook), the form is read as the next revision and as a draft,
and the reader says so.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.model import Form, Indicator, IndicatorItem

SHEET = "jixiao"
FORMAT = "jixiao-identity"
VERSION = 1
CHUNK = 30_000  # characters per cell (Excel holds 32,767)
MAX_CHUNKS = 400  # 12 MB of JSON: more than the exchange file's 10 MB cap
MAX_REVISION = 2**31 - 1  # what a revision column holds on every backend

_KEYS = ("format", "version", "id", "revision", "status", "final_fingerprint", "copied_from", "content")


@dataclass(frozen=True)
class Identity:
    form_id: str
    revision: int
    final_fingerprint: str  # "" = a draft
    copied_from: str
    content: str  # exchange.fingerprint of the content as exported
    exported: Form | None  # the whole form as exported (None: the part is missing or unreadable)


def _put(ws: Worksheet, row: int, key: str, value: str) -> None:
    for col, text in ((1, key), (2, value)):
        cell = ws.cell(row=row, column=col, value=text)
        cell.data_type = "s"  # plain text: an id or a fingerprint is never read as a formula


def write_identity(wb: Workbook, form: Form, fingerprint: str | None) -> None:
    """Add the hidden identity sheet (``fingerprint`` set = a 定稿 form)."""
    ws = wb.create_sheet(SHEET)
    ws.sheet_state = "hidden"
    values = {
        "format": FORMAT, "version": str(VERSION), "id": form.id, "revision": str(form.revision or 0),
        "status": exchange.STATUS_FINAL if fingerprint else exchange.STATUS_DRAFT,
        "final_fingerprint": fingerprint or "", "copied_from": form.copied_from,
        "content": exchange.fingerprint(form),
    }
    row = 0
    for key in _KEYS:
        row += 1
        _put(ws, row, key, values[key])
    claim = form.copy()
    claim.final_fingerprint = fingerprint or ""
    # ASCII JSON: no character Excel cannot store, nothing its XML escaping (_x000D_) could change.
    text = json.dumps(exchange.form_to_dict(claim), ensure_ascii=True, separators=(",", ":"))
    for start in range(0, len(text), CHUNK):
        row += 1
        _put(ws, row, "form", text[start:start + CHUNK])


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ("" if value is None else str(value))


def read_identity(wb: Any) -> Identity | None:
    """The identity sheet of a workbook, or None (an older export, or the sheet was removed)."""
    if SHEET not in wb.sheetnames:
        return None
    ws = wb[SHEET]
    values: dict[str, str] = {}
    chunks: list[str] = []
    for row in ws.iter_rows(min_row=1, max_row=len(_KEYS) + MAX_CHUNKS, max_col=2, values_only=True):
        key, value = _text(row[0]), _text(row[1])
        if key == "form":
            chunks.append(value)
        elif key in _KEYS and key not in values:
            values[key] = value
    if values.get("format") != FORMAT:
        return None
    try:
        revision = max(0, int(values.get("revision", "0") or 0))
    except ValueError:
        revision = 0
    if revision > MAX_REVISION:  # a hand-edited cell: more than any database column holds
        revision = 0
    exported: Form | None = None
    if chunks:
        try:
            exported = exchange.form_from_dict(json.loads("".join(chunks)))
        except (ValueError, RecursionError):  # damaged by hand: the identity cells still count
            exported = None
    final = values.get("final_fingerprint", "") if values.get("status") == exchange.STATUS_FINAL else ""
    return Identity(form_id=values.get("id", "")[:exchange.MAX_ID_CHARS], revision=revision,
                    final_fingerprint=final[:exchange.MAX_ID_CHARS],
                    copied_from=values.get("copied_from", "")[:exchange.MAX_ID_CHARS],
                    content=values.get("content", ""), exported=exported)


def _row_key(ind: Indicator) -> tuple[str, str, str]:
    return (ind.name, ind.level1, ind.level2)


def _match_rows(visible: list[Indicator], exported: list[Indicator]) -> list[Indicator | None]:
    """For each visible row, the exported row it was (same place and name, else the same name)."""
    unused = list(range(len(exported)))
    found: list[Indicator | None] = []
    for i, ind in enumerate(visible):
        k: int | None = i if i in unused and _row_key(exported[i]) == _row_key(ind) else None
        if k is None:
            k = next((j for j in unused if _row_key(exported[j]) == _row_key(ind)), None)
        if k is not None:
            unused.remove(k)
        found.append(exported[k] if k is not None else None)
    return found


def _match_items(visible: list[IndicatorItem], exported: list[IndicatorItem]) -> list[IndicatorItem | None]:
    unused = list(range(len(exported)))
    found: list[IndicatorItem | None] = []
    for i, item in enumerate(visible):
        k = i if i in unused and exported[i].level3 == item.level3 else None
        if k is None:
            k = next((j for j in unused if exported[j].level3 == item.level3), None)
        if k is not None:
            unused.remove(k)
        found.append(exported[k] if k is not None else None)
    return found


def apply_identity(form: Form, ident: Identity) -> list[str]:
    """Give the form read from the visible sheet its identity and what the sheet cannot show;
    return what the reader should be told (Chinese sentences)."""
    form.id, form.copied_from = ident.form_id, ident.copied_from
    src = ident.exported
    if src is not None:
        form.acknowledgements = list(src.acknowledgements)
        form.extra = {**src.extra, **form.extra}
        form.document_extra = {**src.document_extra, **form.document_extra}
        form.funds.extra = {**src.funds.extra, **form.funds.extra}
        for ind, old in zip(form.indicators, _match_rows(form.indicators, src.indicators), strict=True):
            if old is None:
                continue
            ind.previous_content = ind.previous_content or old.previous_content
            ind.extra = {**old.extra, **ind.extra}
            for item, was in zip(ind.items, _match_items(ind.items, old.items), strict=True):
                if was is not None:
                    item.previous_value = item.previous_value or was.previous_value
                    item.extra = {**was.extra, **item.extra}
    if not ident.content or exchange.fingerprint(form) == ident.content:
        form.revision = ident.revision
        form.final_fingerprint = ident.final_fingerprint
        return []
    # Changed in Excel/WPS after the export: a newer revision than the one exported, and no
    # longer the content a 定稿指纹 was given to.
    form.revision = ident.revision + 1 if ident.revision else 0
    form.final_fingerprint = ""
    notes = [f"此 Excel 文件在导出（第 {ident.revision} 版）之后被改动过，按第 {form.revision} 版读入"
             if ident.revision else "此 Excel 文件在导出之后被改动过"]
    if ident.final_fingerprint:
        notes.append(f"导出时已定稿（定稿指纹 {ident.final_fingerprint}），改动后按草稿读入")
    return notes
