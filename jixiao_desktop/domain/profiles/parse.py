"""Reading a profile file (``jixiao-profile``, JSON; the schema is in ``docs/profiles.md``).

Validated here, by our own code, with one Chinese sentence per problem that names the file and
the field (``规则方案文件“sc.json”：字段 weights.total 应为数字，却是“九十”``). Unknown keys
are refused (a typo must not silently fall back to Beijing's rule).
"""

from __future__ import annotations

import hashlib
import json
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import MappingProxyType
from typing import Any

from jixiao_desktop.domain.profiles.model import (
    AMOUNT_UNITS,
    COLUMN_KEYS,
    DEFAULT_BANDS,
    KIND_OTHER,
    KINDS,
    LEVELS,
    Band,
    Cap,
    Column,
    Framework,
    FrameworkCategory,
    Operators,
    Profile,
    ReservedWeight,
    ScheduleStep,
    Scoring,
    Source,
    Weights,
    fmt_decimal,
)
from jixiao_desktop.errors import KnownError

FORMAT_NAME = "jixiao-profile"
FORMAT_VERSION = 1
FILE_SUFFIX = ".profile.json"
MAX_PROFILE_BYTES = 1024 * 1024
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,39}$")
_TEMPLATES = ("bj-2021-dept-overall", "tabular")
_TOP_KEYS = {"format", "format_version", "id", "name", "region", "description", "sources", "template",
             "columns", "amount_unit", "amount_decimals", "framework", "weights", "operators",
             "satisfaction_min", "rules", "scoring"}


class ProfileError(KnownError, ValueError):
    """A profile file or id that cannot be used; ``str(exc)`` is one Chinese sentence naming
    the file (or the id) and the field."""


class _Reader:
    """Typed access to the parsed JSON, raising ``ProfileError`` that names file and field."""

    def __init__(self, source_name: str) -> None:
        self.source = source_name

    def fail(self, field: str, what: str) -> ProfileError:
        where = f"字段 {field} " if field else ""
        return ProfileError(f"规则方案文件“{self.source}”：{where}{what}")

    @staticmethod
    def shown(value: Any) -> str:
        text = json.dumps(value, ensure_ascii=False, default=str)
        return text if len(text) <= 30 else text[:29] + "…"

    def obj(self, value: Any, field: str, known: set[str] | None = None) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(field, f"应为对象（{{…}}），却是 {self.shown(value)}")
        if known is not None:
            unknown = sorted(set(value) - known)
            if unknown:
                name = f"{field}.{unknown[0]}" if field else unknown[0]
                raise self.fail(name, "不是规则方案的字段（拼写有误？可用的字段见 docs/profiles.md）")
        return value

    def lst(self, value: Any, field: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(field, f"应为列表（[…]），却是 {self.shown(value)}")
        return value

    def text(self, value: Any, field: str, *, required: bool = False, limit: int = 500) -> str:
        if value is None and not required:
            return ""
        if not isinstance(value, str):
            raise self.fail(field, f"应为文字，却是 {self.shown(value)}")
        if required and not value.strip():
            raise self.fail(field, "不能为空")
        if len(value) > limit:
            raise self.fail(field, f"过长（{len(value)} 字，最多 {limit} 字）")
        return value.strip()

    def boolean(self, value: Any, field: str) -> bool:
        if not isinstance(value, bool):
            raise self.fail(field, f"应为 true 或 false，却是 {self.shown(value)}")
        return value

    def decimal(self, value: Any, field: str, *, low: Decimal = Decimal(0),
                high: Decimal = Decimal(1000)) -> Decimal:
        if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
            raise self.fail(field, f"应为数字（如 90 或 \"90\"），却是 {self.shown(value)}")
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            raise self.fail(field, f"应为数字，却是 {self.shown(value)}") from None
        if not number.is_finite() or not low <= number <= high:
            raise self.fail(field, f"应在 {fmt_decimal(low)}–{fmt_decimal(high)} 之间，却是 {self.shown(value)}")
        return number

    def integer(self, value: Any, field: str, low: int, high: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail(field, f"应为 {low}–{high} 的整数，却是 {self.shown(value)}")
        return value

    def choice(self, value: Any, field: str, choices: tuple[str, ...]) -> str:
        if value not in choices:
            allowed = "、".join(f"“{c}”" for c in choices)
            raise self.fail(field, f"应为 {allowed} 之一，却是 {self.shown(value)}")
        return str(value)

    def names(self, value: Any, field: str) -> tuple[str, ...]:
        if value is None:
            return ()
        return tuple(self.text(v, f"{field}[{i}]", required=True, limit=50)
                     for i, v in enumerate(self.lst(value, field)))


def _sources(r: _Reader, value: Any) -> tuple[Source, ...]:
    result = []
    for i, item in enumerate(r.lst(value, "sources")):
        where = f"sources[{i}]"
        item = r.obj(item, where, {"title", "url", "note"})
        url = r.text(item.get("url"), f"{where}.url")
        if url and not url.startswith(("http://", "https://")):
            raise r.fail(f"{where}.url", f"应为以 http:// 或 https:// 开头的网址，却是 {r.shown(url)}")
        result.append(Source(title=r.text(item.get("title"), f"{where}.title", required=True),
                             url=url, note=r.text(item.get("note"), f"{where}.note", limit=2000)))
    return tuple(result)


def _columns(r: _Reader, value: Any) -> tuple[Column, ...]:
    result: list[Column] = []
    seen: set[str] = set()
    for i, item in enumerate(r.lst(value, "columns")):
        where = f"columns[{i}]"
        item = r.obj(item, where, {"key", "label", "required"})
        key = r.choice(item.get("key"), f"{where}.key", tuple(COLUMN_KEYS))
        if key in seen:
            raise r.fail(f"{where}.key", f"“{key}”重复出现")
        seen.add(key)
        label = r.text(item.get("label"), f"{where}.label", limit=30) or COLUMN_KEYS[key]
        required = r.boolean(item.get("required", False), f"{where}.required")
        result.append(Column(key, label, required))
    return tuple(result)


def _framework(r: _Reader, value: Any) -> Framework:
    data = r.obj(value, "framework", {"categories"})
    cats: list[FrameworkCategory] = []
    for i, item in enumerate(r.lst(data.get("categories", []), "framework.categories")):
        where = f"framework.categories[{i}]"
        item = r.obj(item, where, {"name", "kind", "aliases", "required", "level2"})
        cats.append(FrameworkCategory(
            name=r.text(item.get("name"), f"{where}.name", required=True, limit=30),
            kind=r.choice(item.get("kind", KIND_OTHER), f"{where}.kind", KINDS),
            aliases=r.names(item.get("aliases"), f"{where}.aliases"),
            required=r.boolean(item.get("required", False), f"{where}.required"),
            level2=r.names(item.get("level2"), f"{where}.level2"),
        ))
    names = [c.name for c in cats]
    for i, name in enumerate(names):
        if name in names[:i]:
            raise r.fail(f"framework.categories[{i}].name", f"“{name}”重复出现")
    return Framework(tuple(cats))


def _weights(r: _Reader, value: Any) -> Weights:
    data = r.obj(value, "weights", {"used", "total", "reserved", "per_level1"})
    reserved = []
    for i, item in enumerate(r.lst(data.get("reserved", []), "weights.reserved")):
        where = f"weights.reserved[{i}]"
        item = r.obj(item, where, {"name", "weight"})
        reserved.append(ReservedWeight(r.text(item.get("name"), f"{where}.name", required=True, limit=30),
                                       r.decimal(item.get("weight"), f"{where}.weight", high=Decimal(100))))
    total = r.decimal(data.get("total", 100), "weights.total", low=Decimal("0.01"), high=Decimal(100))
    kept = sum((w.weight for w in reserved), Decimal(0))
    if total + kept > 100:
        raise r.fail("weights.reserved", f"与 weights.total 合计 {fmt_decimal(total + kept)}，超过了 100")
    frames = tuple((name, r.decimal(points, f"weights.per_level1.{name}", high=Decimal(100)))
                   for name, points in r.obj(data.get("per_level1", {}), "weights.per_level1").items())
    if frames and sum((p for _n, p in frames), Decimal(0)) != total:
        raise r.fail("weights.per_level1",
                     f"各一级指标的分值合计 {fmt_decimal(sum((p for _n, p in frames), Decimal(0)))}，"
                     f"应等于 weights.total（{fmt_decimal(total)}）")
    return Weights(used=r.boolean(data.get("used", True), "weights.used"), total=total, reserved=tuple(reserved),
                   per_level1=frames)


def _operators(r: _Reader, value: Any) -> Operators:
    data = r.obj(value, "operators", {"required", "ranges_allowed"})
    return Operators(required=r.boolean(data.get("required", True), "operators.required"),
                     ranges_allowed=r.boolean(data.get("ranges_allowed", True), "operators.ranges_allowed"))


def _rules(r: _Reader, value: Any) -> MappingProxyType[str, str]:
    from jixiao_desktop.domain.rule_table import RULE_IDS

    data = r.obj(value, "rules")
    result: dict[str, str] = {}
    for rule, level in data.items():
        if rule not in RULE_IDS:
            raise r.fail(f"rules.{rule}", "不是已知的检查规则编号（见 spec/checks.md）")
        result[rule] = r.choice(level, f"rules.{rule}", LEVELS)
    return MappingProxyType(result)


def _scoring(r: _Reader, value: Any) -> Scoring:
    data = r.obj(value, "scoring", {"budget_points", "indicator_points", "caps", "bands",
                                    "deviation_threshold", "monitor_schedule"})
    budget = r.decimal(data.get("budget_points", 10), "scoring.budget_points", high=Decimal(100))
    indicators = r.decimal(data.get("indicator_points", 90), "scoring.indicator_points", high=Decimal(100))
    if budget + indicators != 100:
        raise r.fail("scoring.indicator_points",
                     f"与 scoring.budget_points 合计应为 100，却是 {fmt_decimal(budget + indicators)}")
    caps = []
    for i, item in enumerate(r.lst(data.get("caps", []), "scoring.caps")):
        where = f"scoring.caps[{i}]"
        item = r.obj(item, where, {"rate_below", "score_max"})
        caps.append(Cap(r.decimal(item.get("rate_below"), f"{where}.rate_below", high=Decimal(100)),
                        r.decimal(item.get("score_max"), f"{where}.score_max", high=Decimal(100))))
    bands: tuple[Band, ...] = DEFAULT_BANDS
    if "bands" in data:
        parsed = []
        for i, item in enumerate(r.lst(data["bands"], "scoring.bands")):
            where = f"scoring.bands[{i}]"
            item = r.obj(item, where, {"grade", "low", "high"})
            low = r.decimal(item.get("low"), f"{where}.low", high=Decimal(100))
            high = r.decimal(item.get("high"), f"{where}.high", high=Decimal(100))
            if low > high:
                raise r.fail(f"{where}.low", f"（{fmt_decimal(low)}）大于 high（{fmt_decimal(high)}）")
            parsed.append(Band(r.text(item.get("grade"), f"{where}.grade", required=True, limit=20), low, high))
        bands = tuple(parsed)
    schedule = []
    for i, item in enumerate(r.lst(data.get("monitor_schedule", []), "scoring.monitor_schedule")):
        where = f"scoring.monitor_schedule[{i}]"
        item = r.obj(item, where, {"month", "min_rate"})
        schedule.append(ScheduleStep(r.integer(item.get("month"), f"{where}.month", 1, 12),
                                     r.decimal(item.get("min_rate"), f"{where}.min_rate", high=Decimal(100))))
    return Scoring(
        budget_points=budget, indicator_points=indicators, caps=tuple(caps), bands=bands,
        deviation_threshold=r.decimal(data.get("deviation_threshold", 30), "scoring.deviation_threshold",
                                      high=Decimal(100)),
        monitor_schedule=tuple(sorted(schedule, key=lambda s: s.month)),
    )


def _json_constant(name: str) -> Any:
    raise ValueError(name)


def parse_profile(text: str | bytes, source_name: str) -> Profile:
    """Read a profile from the text of its file.

    ``source_name`` names the file in messages (a path, or ``内置：bj-2021.profile.json``).
    Raises ``ProfileError`` (one Chinese sentence naming the file and the field).
    """
    r = _Reader(source_name)
    raw = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    if len(raw) > MAX_PROFILE_BYTES:
        raise r.fail("", f"文件过大（{len(raw)} 字节），不是规则方案文件")
    try:
        decoded = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise r.fail("", "不是 UTF-8 编码的文本") from None
    try:
        doc = json.loads(decoded, parse_float=Decimal, parse_constant=_json_constant)
    except (ValueError, RecursionError) as exc:
        where = f"（第 {exc.lineno} 行第 {exc.colno} 列）" if isinstance(exc, json.JSONDecodeError) else ""
        raise r.fail("", f"不是有效的 JSON{where}") from None
    data = r.obj(doc, "", _TOP_KEYS)
    if data.get("format") != FORMAT_NAME:
        raise r.fail("format", f"应为 \"{FORMAT_NAME}\"（这不是规则方案文件？）")
    version = data.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise r.fail("format_version", "缺失或不是正整数")
    if version > FORMAT_VERSION:
        raise r.fail("format_version", f"为 {version}，本程序只支持到版本 {FORMAT_VERSION}，请升级后再导入")
    pid = data.get("id")
    if not isinstance(pid, str) or not _ID_RE.match(pid):
        raise r.fail("id", f"应为小写字母、数字、“-”“.”“_”组成的编号（如 \"sc\"），却是 {r.shown(pid)}")
    profile_kwargs: dict[str, Any] = {
        "id": pid,
        "name": r.text(data.get("name"), "name", required=True, limit=40),
        "region": r.text(data.get("region"), "region", limit=40),
        "description": r.text(data.get("description"), "description", limit=4000),
        "sources": _sources(r, data.get("sources", [])),
        "template": r.choice(data.get("template", _TEMPLATES[0]), "template", _TEMPLATES),
        "columns": _columns(r, data.get("columns", [])),
        "amount_unit": r.choice(data.get("amount_unit", "万元"), "amount_unit", AMOUNT_UNITS),
        "amount_decimals": r.integer(data.get("amount_decimals", 2), "amount_decimals", 0, 6),
        "framework": _framework(r, data.get("framework", {"categories": []})),
        "weights": _weights(r, data.get("weights", {})),
        "operators": _operators(r, data.get("operators", {})),
        "satisfaction_min": r.decimal(data.get("satisfaction_min", 90), "satisfaction_min",
                                      low=Decimal("0.01"), high=Decimal(100)),
        "rules": _rules(r, data.get("rules", {})),
        "scoring": _scoring(r, data.get("scoring", {})),
    }
    if not profile_kwargs["framework"].categories:
        profile_kwargs["framework"] = default_framework()
    names = {c.name for c in profile_kwargs["framework"].categories}
    for name, _points in profile_kwargs["weights"].per_level1:
        if name not in names:
            raise r.fail(f"weights.per_level1.{name}",
                         f"不是 framework 中的一级指标（可用：{'、'.join(sorted(names))}）")
    return Profile(**profile_kwargs, sha256=hashlib.sha256(raw).hexdigest(), text=decoded,
                   origin=source_name)


def default_framework() -> Framework:
    """产出 / 效果（效益）/ 满意度 with the national 二级 lists, none required: the Beijing rules."""
    return Framework((
        FrameworkCategory("产出指标", "output", ("产出",), False, ("数量指标", "质量指标", "时效指标", "成本指标")),
        FrameworkCategory("效益指标", "outcome", ("效益", "效果"), False,
                          ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标")),
        FrameworkCategory("满意度指标", "satisfaction", ("满意度",), False, ("服务对象满意度指标",)),
    ))


def load_profile_file(path: str | Path) -> Profile:
    """Read a profile file. Raises ``ProfileError`` naming the file (a missing file too)."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_PROFILE_BYTES:
            raise ProfileError(f"规则方案文件“{p}”：文件内容过大（{size} 字节），不是规则方案文件")
        with p.open("rb") as fh:
            data = fh.read(MAX_PROFILE_BYTES + 1)
    except FileNotFoundError:
        raise ProfileError(f"规则方案文件“{p}”不存在") from None
    except IsADirectoryError:
        raise ProfileError(f"规则方案文件“{p}”是文件夹，不是文件") from None
    except OSError as exc:
        raise ProfileError(f"规则方案文件“{p}”无法读取：{exc.strerror or exc}") from None
    return parse_profile(data, str(p))
