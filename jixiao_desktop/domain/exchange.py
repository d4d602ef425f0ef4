"""The ``jixiao-form`` exchange format, version 1 (``spec/exchange-format.md``).

Reading is lenient (what clerks type), writing is canonical, unknown keys survive a round
trip, and a newer ``format_version`` is refused with a clear message.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from jixiao_desktop.domain import evaluation
from jixiao_desktop.domain.model import (
    TEMPLATE_BJ_2021,
    Acknowledgement,
    Form,
    Funds,
    FundSource,
    Indicator,
    IndicatorItem,
)
from jixiao_desktop.domain.money import canonical_amount_text
from jixiao_desktop.domain.years import year_digits
from jixiao_desktop.errors import KnownError

FORMAT_NAME = "jixiao-form"
FORMAT_VERSION = 1
FILE_SUFFIX = ".jixiao.json"
MAX_FILE_BYTES = 10 * 1024 * 1024  # a real form is a few dozen KB; a larger file is not a form
MAX_DEPTH = 64  # nesting of objects and lists: a form has 5 levels; unknown keys get room
MAX_NUMBER_CHARS = 100  # a JSON number literal; a form's longest is an amount like 39985.49
MAX_NUMBERS = 100_000  # JSON numbers in one file; a form has a few dozen
MAX_EXPONENT = 30  # |adjusted exponent| of a JSON number: 1e400 is not a figure of any form

_FORM_KEYS = {"template", "year", "department", "funds", "goals", "indicators", "other_notes",
              "acknowledgements"}
# Identity: known, read and written, but not part of what the fingerprint signs.
_IDENTITY_KEYS = {"id", "revision", "copied_from", "status", "final_fingerprint"}
STATUS_DRAFT, STATUS_FINAL = "draft", "final"
_FUNDS_KEYS = {"unit", "total", "basic", "project", "sources"}
_INDICATOR_KEYS = {"name", "content", "level1", "level2", "items", "previous_content"}
_ITEM_KEYS = {*IndicatorItem.TEXT_FIELDS, "previous_value"}
MAX_ID_CHARS = 100
MAX_REVISION = 2**62
_SOURCE_KEYS = {"name", "amount"}


class ExchangeError(KnownError, ValueError):
    """A file that is not a readable form; the message is one Chinese line."""


def _kind(value: Any) -> str:
    """What a JSON value is, in the words of the messages (``却是列表``)."""
    if isinstance(value, dict):
        return "对象（{…}）"
    if isinstance(value, list):
        return "列表（[…]）"
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= 30 else shown[:30] + "…"


def _text(value: Any, where: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        raise ExchangeError(f"{where} 应为文字，却是{_kind(value)}")
    if isinstance(value, Decimal):
        # A number typed by a hand-edited file (read by ``loads`` as the exact Decimal of its
        # digits, never a float): keep the digits written, in plain notation.
        return format(value, "f")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):  # a document parsed by someone else's json.loads
        return repr(value)
    if isinstance(value, str):
        return value
    raise ExchangeError(f"{where} 应为文字，却是{_kind(value)}")


def _amount(value: Any, where: str) -> str:
    return _text(value, where)


def _year(value: Any) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ExchangeError("year（年度）应为四位年份")
    if isinstance(value, int):
        if abs(value) >= 10**18:  # no database column holds it; no year is that long
            raise ExchangeError(f"year（年度）应为四位年份，却是 {len(str(abs(value)))} 位数字")
        return value
    if isinstance(value, str):
        digits = year_digits(value)  # the workbook's reading too (domain.years)
        if digits is not None:
            return int(digits) if digits else None
    raise ExchangeError(f"year（年度）应为四位年份，却是{_kind(value)}")


def _dict(value: Any, where: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ExchangeError(f"{where} 应为对象（{{…}}），却是{_kind(value)}")
    return value


def _list(value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ExchangeError(f"{where} 应为列表（[…]），却是{_kind(value)}")
    return value


def _identity(value: Any, where: str) -> str:
    text = _text(value, where).strip()
    if len(text) > MAX_ID_CHARS:
        raise ExchangeError(f"{where} 过长（{len(text)} 个字符），不是有效的表单标识")
    return text


def _revision(value: Any) -> int:
    if value is None or value == "":
        return 0
    if isinstance(value, bool) or not isinstance(value, int):
        raise ExchangeError(f"revision（版本号）应为整数，却是{_kind(value)}")
    if not 0 <= value <= MAX_REVISION:
        raise ExchangeError(f"revision（版本号）{value} 超出范围")
    return value


def _plain(value: Any) -> Any:
    """An unknown key's value with ``loads``' Decimals made plain JSON values again.

    The program does not interpret such values; it keeps them for the next writer. An
    integer stays an integer, a decimal becomes the float of the same value when that float
    is exactly the number written (``1.5``), otherwise the digits are kept as text so that
    none is lost (``0.1000000000000000000001``). Depth is bounded by ``MAX_DEPTH``.
    """
    if isinstance(value, Decimal):
        if value == value.to_integral_value() and value.as_tuple().exponent == 0:
            return int(value)
        as_float = float(value)  # not money: an unknown key's number, kept only when exact
        return as_float if Decimal(repr(as_float)) == value else format(value, "f")
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _extra(data: dict[str, Any], known: set[str]) -> dict[str, Any]:
    return {k: _plain(v) for k, v in data.items() if k not in known}


def form_from_dict(doc: Any) -> Form:
    """Build a form from a parsed exchange document.

    Raises:
        ExchangeError: not a ``jixiao-form`` document, a newer version, or a malformed part.
    """
    if not isinstance(doc, dict):
        raise ExchangeError("不是绩效目标申报表文件：最外层应为对象")
    if doc.get("format") != FORMAT_NAME:
        raise ExchangeError(f"不是绩效目标申报表文件：缺少 \"format\": \"{FORMAT_NAME}\"")
    version = doc.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ExchangeError("文件缺少有效的 format_version")
    if version > FORMAT_VERSION:
        raise ExchangeError(
            f"文件格式版本为 {version}，本程序只支持到版本 {FORMAT_VERSION}，请升级绩效目标申报助手后再打开"
        )
    data = doc.get("form")
    if not isinstance(data, dict):
        raise ExchangeError("文件中没有 \"form\"（申报表内容）")

    funds_data = _dict(data.get("funds"), "funds（资金）")
    sources: list[FundSource] | None = None
    if "sources" in funds_data and funds_data["sources"] is not None:
        sources = []
        for i, src in enumerate(_list(funds_data["sources"], "funds.sources")):
            src = _dict(src, f"funds.sources[{i}]")
            sources.append(FundSource(
                name=_text(src.get("name"), f"funds.sources[{i}].name"),
                amount=_amount(src.get("amount"), f"funds.sources[{i}].amount"),
                extra=_extra(src, _SOURCE_KEYS),
            ))
    funds = Funds(
        total=_amount(funds_data.get("total"), "funds.total（资金总额）"),
        basic=_amount(funds_data.get("basic"), "funds.basic（基本支出）"),
        project=_amount(funds_data.get("project"), "funds.project（项目支出）"),
        unit=_text(funds_data.get("unit"), "funds.unit") or "万元",
        sources=sources,
        extra=_extra(funds_data, _FUNDS_KEYS),
    )

    indicators = []
    for i, row in enumerate(_list(data.get("indicators"), "indicators（绩效指标）")):
        row = _dict(row, f"indicators[{i}]")
        items = []
        for j, item in enumerate(_list(row.get("items"), f"indicators[{i}].items")):
            item = _dict(item, f"indicators[{i}].items[{j}]")
            items.append(IndicatorItem(
                **{k: (_amount if k in ("value", "weight") else _text)(
                    item.get(k), f"indicators[{i}].items[{j}].{k}") for k in IndicatorItem.TEXT_FIELDS},
                extra=_extra(item, _ITEM_KEYS),
                previous_value=_amount(item.get("previous_value"), f"indicators[{i}].items[{j}].previous_value"),
            ))
        indicators.append(Indicator(
            name=_text(row.get("name"), f"indicators[{i}].name"),
            content=_text(row.get("content"), f"indicators[{i}].content"),
            level1=_text(row.get("level1"), f"indicators[{i}].level1"),
            level2=_text(row.get("level2"), f"indicators[{i}].level2"),
            items=items,
            extra=_extra(row, _INDICATOR_KEYS),
            previous_content=_text(row.get("previous_content"), f"indicators[{i}].previous_content"),
        ))

    acks = []
    for i, ack in enumerate(_list(data.get("acknowledgements"), "acknowledgements")):
        ack = _dict(ack, f"acknowledgements[{i}]")
        acks.append(Acknowledgement(
            **{k: _text(ack.get(k), f"acknowledgements[{i}].{k}")
               for k in ("rule", "field", "fingerprint", "note", "at")},
        ))

    _check_profile_key(data.get("profile", None), "profile" in data)
    return Form(
        template=_text(data.get("template"), "template") or TEMPLATE_BJ_2021,
        year=_year(data.get("year")),
        department=_text(data.get("department"), "department（部门名称）"),
        funds=funds,
        goals=_text(data.get("goals"), "goals（绩效目标）"),
        indicators=indicators,
        other_notes=_text(data.get("other_notes"), "other_notes（其他说明的问题）"),
        acknowledgements=acks,
        id=_identity(data.get("id"), "id（表单标识）"),
        revision=_revision(data.get("revision")),
        copied_from=_identity(data.get("copied_from"), "copied_from（继承自）"),
        final_fingerprint=_final_claim(data),
        extra=_extra(data, _FORM_KEYS | _IDENTITY_KEYS),
        document_extra=_extra(doc, {"format", "format_version", "form"}),
    )


def _final_claim(data: dict[str, Any]) -> str:
    """The 定稿指纹 the file claims ("" = a draft); checked against the content by the caller."""
    status = _text(data.get("status"), "status（状态）") or STATUS_DRAFT
    if status not in (STATUS_DRAFT, STATUS_FINAL):
        raise ExchangeError(f"status（状态）应为 \"draft\"（草稿）或 \"final\"（定稿），却是“{status[:20]}”")
    claim = _identity(data.get("final_fingerprint"), "final_fingerprint（定稿指纹）")
    return (claim or "?") if status == STATUS_FINAL else ""


_PROFILE_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,39}$")


def _check_profile_key(value: Any, present: bool) -> None:
    """``profile``: ``{"id": "sc", "sha256": "…"}`` (``profiles.md``); kept in ``Form.extra``."""
    if not present:
        return
    where = "profile（规则方案）"
    if not isinstance(value, dict):
        raise ExchangeError(f"{where}应为对象 {{\"id\": …, \"sha256\": …}}，却是{_kind(value)}")
    pid = value.get("id")
    if not isinstance(pid, str) or not _PROFILE_ID_RE.match(pid):
        raise ExchangeError(f"{where}.id 应为规则方案编号（如 \"sc\"），却是{_kind(pid)}")
    sha = value.get("sha256", "")
    if not isinstance(sha, str) or not re.fullmatch(r"[0-9a-f]{0,64}", sha):
        raise ExchangeError(f"{where}.sha256 应为 64 位十六进制摘要，却是{_kind(sha)}")


def _item_dict(item: IndicatorItem) -> dict[str, Any]:
    data: dict[str, Any] = {k: getattr(item, k) for k in item.TEXT_FIELDS if k in item.BASE_FIELDS or getattr(item, k)}
    if item.previous_value:
        data["previous_value"] = item.previous_value
    data.update(item.extra)
    return data


def form_to_dict(form: Form, *, include_acknowledgements: bool = True) -> dict[str, Any]:
    """The canonical exchange document of a form (amounts canonical, unknown keys kept)."""
    funds: dict[str, Any] = {
        "unit": form.funds.unit or "万元",
        "total": canonical_amount_text(form.funds.total),
        "basic": canonical_amount_text(form.funds.basic),
        "project": canonical_amount_text(form.funds.project),
    }
    if form.funds.sources is not None:
        funds["sources"] = [
            {"name": s.name, "amount": canonical_amount_text(s.amount), **s.extra}
            for s in form.funds.sources
        ]
    funds.update(form.funds.extra)

    indicators = []
    for ind in form.indicators:
        row: dict[str, Any] = {"name": ind.name, "content": ind.content}
        if ind.level1:
            row["level1"] = ind.level1
        if ind.level2:
            row["level2"] = ind.level2
        if ind.items:
            row["items"] = [_item_dict(item) for item in ind.items]
        if ind.previous_content:
            row["previous_content"] = ind.previous_content
        row.update(ind.extra)
        indicators.append(row)

    body: dict[str, Any] = {}
    if form.id:
        body["id"] = form.id
    if form.revision:
        body["revision"] = form.revision
    if form.copied_from:
        body["copied_from"] = form.copied_from
    if form.final_fingerprint:
        body["status"] = STATUS_FINAL
        body["final_fingerprint"] = form.final_fingerprint
    elif form.id:
        body["status"] = STATUS_DRAFT
    body |= {
        "template": form.template,
        "year": form.year,
        "department": form.department,
        "funds": funds,
        "goals": form.goals,
        "indicators": indicators,
        "other_notes": form.other_notes,
    }
    if include_acknowledgements and form.acknowledgements:
        body["acknowledgements"] = [
            {"rule": a.rule, "field": a.field, "fingerprint": a.fingerprint, "note": a.note, "at": a.at}
            for a in form.acknowledgements
        ]
    body.update(form.extra)
    doc: dict[str, Any] = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION, "form": body}
    doc.update(form.document_extra)
    return doc


def _too_large(size: int) -> ExchangeError:
    return ExchangeError(f"文件过大（{size / 1024 / 1024:.1f} MB，上限 {MAX_FILE_BYTES // 1024 // 1024} MB），"
                         "申报表文件一般只有几十 KB，这不是申报表文件")


def _number_literal(literal: str) -> None:
    if len(literal) > MAX_NUMBER_CHARS:
        raise ExchangeError(f"文件中有位数过多的数字（{literal[:20]}…，{len(literal)} 位），不是绩效目标申报表文件")


def _json_float(literal: str) -> Decimal:
    """A JSON number with a fraction or exponent: the exact Decimal of its digits."""
    _number_literal(literal)
    _count_number()
    try:
        value = Decimal(literal)
    except InvalidOperation as exc:  # pragma: no cover - the JSON scanner passes only numbers
        raise ExchangeError(f"文件中的数字“{literal}”无法读取") from exc
    if value and abs(value.adjusted()) > MAX_EXPONENT:
        raise ExchangeError(f"文件中的数字“{literal}”超出范围（10 的 {value.adjusted()} 次方），"
                            "不是申报表中会有的数字，文件可能已损坏")
    return value


def _json_int(literal: str) -> int:
    _number_literal(literal)
    _count_number()
    return int(literal)


class _Numbers(threading.local):
    count = 0


_numbers = _Numbers()


def _count_number() -> None:
    # A form holds a few dozen numbers; millions of them (a 10 MB list of 1.5) would cost
    # hundreds of MB as Decimals: refuse long before that.
    _numbers.count += 1
    if _numbers.count > MAX_NUMBERS:
        raise ExchangeError(f"文件中的数字超过 {MAX_NUMBERS} 个，不是绩效目标申报表文件")


def _json_constant(name: str) -> Any:
    raise ExchangeError(f"文件中有“{name}”，这不是有效的 JSON 数字（JSON 不允许 NaN、Infinity），文件可能已损坏")


def _check_depth(doc: Any) -> None:
    """Refuse nesting deeper than ``MAX_DEPTH`` (walked without recursion)."""
    stack: list[tuple[Any, int]] = [(doc, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ExchangeError(f"文件内容嵌套过深（超过 {MAX_DEPTH} 层），不是绩效目标申报表文件")
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values() if isinstance(v, dict | list))
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value if isinstance(v, dict | list))


def check_form_size(form: Form) -> None:
    """Refuse a form whose exchange file would exceed ``MAX_FILE_BYTES`` (any importer calls
    this: what could not be saved or exported is not taken in).

    Raises:
        ExchangeError: the form is too large (Chinese message).
    """
    try:
        size = len(dumps(form).encode("utf-8", "surrogatepass"))
    except RecursionError as exc:  # pragma: no cover - extras come from loads, depth-checked
        raise ExchangeError(f"申报表的附加数据嵌套过深（超过 {MAX_DEPTH} 层），未导入") from exc
    if size > MAX_FILE_BYTES:
        raise ExchangeError(
            f"申报表内容过大（{size / 1024 / 1024:.1f} MB，上限 {MAX_FILE_BYTES // 1024 // 1024} MB），"
            "一份申报表一般只有几十 KB，请检查是否误粘贴了大量内容，未导入")


def loads(text: str | bytes) -> Form:
    """Read a form from exchange-file text.

    Numbers are read exactly (``Decimal``, never a float); NaN/Infinity, numbers of more than
    ``MAX_NUMBER_CHARS`` characters or beyond 10^±``MAX_EXPONENT``, nesting deeper than
    ``MAX_DEPTH`` and text longer than ``MAX_FILE_BYTES`` are refused.
    """
    if len(text) > MAX_FILE_BYTES:
        raise _too_large(len(text))
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ExchangeError("文件不是 UTF-8 编码的文本，不是绩效目标申报表文件") from exc
    _numbers.count = 0
    try:
        doc = json.loads(text, parse_float=_json_float, parse_int=_json_int, parse_constant=_json_constant)
    except ExchangeError:
        raise
    except json.JSONDecodeError as exc:
        raise ExchangeError(f"文件内容不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列附近有误）") from exc
    except RecursionError as exc:
        raise ExchangeError(f"文件内容嵌套过深（超过 {MAX_DEPTH} 层），不是绩效目标申报表文件") from exc
    except ValueError as exc:  # pragma: no cover - parse_int/parse_float bound every number
        raise ExchangeError("文件中有位数过多的数字，不是绩效目标申报表文件") from exc
    _check_depth(doc)
    try:
        # A "\ud800" escape gives a lone surrogate: no file, workbook or database can hold it.
        json.dumps(doc, ensure_ascii=False, default=str).encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start:exc.end].encode("unicode_escape").decode("ascii")
        raise ExchangeError(f"文件中有无效的字符（{bad}，不成对的代理项），文件可能已损坏") from exc
    return form_from_dict(doc)


def dumps(form: Form) -> str:
    """Canonical exchange-file text of a form (UTF-8, readable Chinese, trailing newline).

    A 自评 form carries its computed scores (``self-evaluation.md``: every writer writes them, so
    a bureau reads them without recomputing); the form itself is not changed.
    """
    form = evaluation.with_computed_scores(form)
    return json.dumps(form_to_dict(form), ensure_ascii=False, indent=2) + "\n"


def load(path: str | Path) -> Form:
    """Read a form from an exchange file.

    Raises:
        ExchangeError: unreadable, larger than ``MAX_FILE_BYTES`` or not a form (the message
            does not name the file; callers add it).
        OSError: the file cannot be opened.
    """
    size = Path(path).stat().st_size
    if size > MAX_FILE_BYTES:
        raise _too_large(size)
    with Path(path).open("rb") as fh:  # read no more than the cap, whatever the size said
        data = fh.read(MAX_FILE_BYTES + 1)
    return loads(data)


def fingerprint(form: Form) -> str:
    """A short hash of the form's canonical content, printed on a 定稿 form.

    Acknowledgements, identity, last year's values and unknown keys are left out: they are
    not what the bureau signs.
    """
    body = form_to_dict(form, include_acknowledgements=False)["form"]
    for key in list(body):
        if key not in _FORM_KEYS:
            del body[key]
    for row in body["indicators"]:  # last year's values are shown, never printed or signed
        row.pop("previous_content", None)
        for key in evaluation.ROW_KEYS:  # the later stages' fields are not the 申报 signed
            row.pop(key, None)
        for item in row.get("items", ()):
            item.pop("previous_value", None)
            for key in evaluation.ITEM_KEYS:
                item.pop(key, None)
    canonical = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    return f"{digest[:4]}-{digest[4:8]}-{digest[8:12]}".upper()
