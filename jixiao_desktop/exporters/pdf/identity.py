"""The form's identity in its PDF's metadata (exchange-format.md, "Identity"): the Keywords
entry of the document information says which form, which revision, whether 定稿 and its
定稿指纹, so a PDF a unit sends (or a reviewer keeps) can be matched to the stored form and a
paper copy checked against it. A PDF is never read back as a form: only this line is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.model import Form

PREFIX = "jixiao-form"
_PAIR = re.compile(r"(\w+)=(\S*)")


@dataclass(frozen=True)
class PdfIdentity:
    form_id: str
    revision: int
    final_fingerprint: str  # "" = a draft
    content: str  # exchange.fingerprint of the content printed


def keywords(form: Form, fingerprint: str | None) -> str:
    status = exchange.STATUS_FINAL if fingerprint else exchange.STATUS_DRAFT
    parts = [PREFIX, f"id={form.id}", f"revision={form.revision or 0}", f"status={status}"]
    if fingerprint:
        parts.append(f"final_fingerprint={fingerprint}")
    parts.append(f"content={exchange.fingerprint(form)}")
    return " ".join(parts)


def parse_keywords(text: str) -> PdfIdentity | None:
    if not text.startswith(PREFIX + " "):
        return None
    values = dict(_PAIR.findall(text))
    try:
        revision = max(0, int(values.get("revision", "0")))
    except ValueError:
        revision = 0
    final = values.get("final_fingerprint", "") if values.get("status") == exchange.STATUS_FINAL else ""
    return PdfIdentity(form_id=values.get("id", ""), revision=revision, final_fingerprint=final,
                       content=values.get("content", ""))


def read_pdf_identity(path: str | Path) -> PdfIdentity | None:
    """The identity in a PDF this app wrote, or None (another PDF, or unreadable)."""
    import pypdfium2

    try:
        pdf = pypdfium2.PdfDocument(str(path))
    except (pypdfium2.PdfiumError, OSError):
        return None
    try:
        return parse_keywords(pdf.get_metadata_dict().get("Keywords", ""))
    finally:
        pdf.close()
