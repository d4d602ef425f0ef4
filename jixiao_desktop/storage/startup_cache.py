"""A copy of the last form for the first paint, so the window shows it before the database opens.

Opening the database means importing SQLAlchemy and Alembic (~0.4 s), more than the whole
start-up budget. So after every save (autosave, Ctrl+S, close) the window writes the form it shows
to ``last-form.json`` in the config folder, exactly as held in memory (amounts as typed), and
at the next start shows that copy read-only at once. When the database is open the stored
form replaces it (``MainWindow.finish_startup``); the database is always the truth, the copy
only a picture of it: the copy is shown read-only and only kept on when it equals the stored
form, so it can never be saved over newer content. Any problem with the file (unreadable, not
JSON, not shaped like a form) means: no copy, start the slow way.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jixiao_desktop import paths
from jixiao_desktop.atomic import atomic_write
from jixiao_desktop.domain.model import Acknowledgement, Form, Funds, FundSource, Indicator, IndicatorItem

CACHE_FILE = "last-form.json"
CACHE_VERSION = 1


@dataclass(frozen=True)
class CachedForm:
    form_id: int
    form: Form
    final: bool
    fingerprint: str | None


def cache_path() -> Path:
    return paths.config_dir() / CACHE_FILE


def _form_from_plain(data: dict[str, Any]) -> Form:
    funds = dict(data["funds"])
    sources = funds.get("sources")
    funds["sources"] = None if sources is None else [FundSource(**s) for s in sources]
    indicators = []
    for ind in data["indicators"]:
        ind = dict(ind)
        ind["items"] = [IndicatorItem(**item) for item in ind["items"]]
        indicators.append(Indicator(**ind))
    fields = dict(data)
    fields.update(funds=Funds(**funds), indicators=indicators,
                  acknowledgements=[Acknowledgement(**a) for a in data["acknowledgements"]])
    return Form(**fields)


def _is_well_formed(form: Form) -> bool:
    """Every text is a ``str``, every ``extra`` a dict: a copy edited by hand or damaged on disk
    can be valid JSON and still not a form the editor can show."""
    def texts(obj: object, names: tuple[str, ...]) -> bool:
        return all(isinstance(getattr(obj, name), str) for name in names)

    funds = form.funds
    parts: list[object] = [form, funds, *(funds.sources or []), *form.indicators,
                           *(item for ind in form.indicators for item in ind.items)]
    return (
        isinstance(form.year, int | None) and not isinstance(form.year, bool)
        and texts(form, ("template", "department", "goals", "other_notes"))
        and texts(funds, ("total", "basic", "project", "unit"))
        and isinstance(funds.sources, list | None)
        and all(texts(s, ("name", "amount")) for s in funds.sources or [])
        and isinstance(form.indicators, list)
        and all(texts(ind, ("name", "content", "level1", "level2")) and isinstance(ind.items, list)
                for ind in form.indicators)
        and all(texts(item, IndicatorItem.TEXT_FIELDS) for ind in form.indicators for item in ind.items)
        and all(texts(a, ("rule", "field", "fingerprint", "note", "at")) for a in form.acknowledgements)
        and all(isinstance(getattr(part, "extra", {}), dict) for part in parts)
        and isinstance(form.document_extra, dict)
    )


def write(form_id: int, form: Form, *, final: bool, fingerprint: str | None, path: Path | None = None) -> bool:
    """Keep a copy of the form shown; False (and no file change) when it cannot be written."""
    target = path or cache_path()
    payload = {"version": CACHE_VERSION, "form_id": form_id, "final": final, "fingerprint": fingerprint,
               "form": dataclasses.asdict(form)}
    try:
        text = json.dumps(payload, ensure_ascii=False)
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(target, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    except (OSError, TypeError, ValueError):
        return False
    return True


def read(form_id: int | None, path: Path | None = None) -> CachedForm | None:
    """The copy of form ``form_id``, or None (no copy, another form, unreadable file)."""
    if form_id is None:
        return None
    source = path or cache_path()
    try:
        payload = json.loads(source.read_text(encoding="utf-8"))
        if payload.get("version") != CACHE_VERSION or payload.get("form_id") != form_id:
            return None
        form = _form_from_plain(payload["form"])
        fingerprint = payload.get("fingerprint")
        if not _is_well_formed(form) or not isinstance(fingerprint, str | None):
            return None
        return CachedForm(form_id, form, bool(payload.get("final")), fingerprint)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None


def forget(path: Path | None = None) -> None:
    with contextlib.suppress(OSError):
        (path or cache_path()).unlink(missing_ok=True)
