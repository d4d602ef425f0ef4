"""What a rule profile (规则方案) holds: the local rules of a form, as data (``spec/profiles.md``).

Every field has a default that is the Beijing 2021 rule of ``spec/checks.md``; a profile file
only says where its province differs. A profile never adds Python: the checks read it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from types import MappingProxyType

# Re-exported: a form stores it (domain.model), the profiles package hands it out.
from jixiao_desktop.domain.model import ProfileRef as ProfileRef

# Category kinds: what a 一级 category counts as for the classic rules of checks.md
# (output_not_quantified reads "output", outcome_missing "outcome", satisfaction_missing and
# satisfaction_low "satisfaction", cost_missing "cost"; "other" counts for none of them).
KIND_OUTPUT = "output"
KIND_OUTCOME = "outcome"
KIND_SATISFACTION = "satisfaction"
KIND_COST = "cost"
KIND_OTHER = "other"
KINDS = (KIND_OUTPUT, KIND_OUTCOME, KIND_SATISFACTION, KIND_COST, KIND_OTHER)

# Rule levels a profile may give a rule id.
LEVEL_OFF = "off"
LEVELS = ("off", "error", "warning", "info")

AMOUNT_UNITS = ("万元", "元")

# The columns a tabular form may print: key (exchange-format name of the item field, or of the
# row for level1/level2) → the label printed when a profile gives none.
COLUMN_KEYS: dict[str, str] = {
    "level1": "一级指标",
    "level2": "二级指标",
    "level3": "三级指标",
    "nature": "指标性质",
    "operator": "运算符",
    "value": "指标值",
    "unit": "计量单位",
    "weight": "权重",
    "direction": "指标方向",
    "explanation": "指标解释",
    "scoring": "评(扣)分标准",
    "basis": "指标值确定依据",
    "note": "备注",
}
# Columns that are not attributes of ``IndicatorItem`` but ride in its ``extra`` dict under the
# exchange key of the same name (``indicators[].items[].explanation`` …).
EXTRA_ITEM_COLUMNS = ("explanation", "scoring", "basis")
ROW_COLUMNS = ("level1", "level2")


@dataclass(frozen=True)
class Source:
    """A published document or form the profile follows: title, address, and what it shows."""

    title: str
    url: str = ""
    note: str = ""


@dataclass(frozen=True)
class Column:
    """One printed column of the tabular layout: ``key`` (see ``COLUMN_KEYS``), its printed
    ``label`` and whether it must be filled for every 三级 item (``items.column_missing``)."""

    key: str
    label: str
    required: bool = False


@dataclass(frozen=True)
class FrameworkCategory:
    """A 一级 category of the framework.

    Attributes:
        name: the printed 一级 name (``产出指标``).
        kind: what it counts as for the classic rules (``KINDS``).
        aliases: other names a row's 一级 (or its name, when it has no 一级) may start with
            (``产出``, ``效果``); ``name`` itself always matches.
        required: ``indicators.framework_missing`` when no row belongs to it.
        level2: its 二级 names, in printed order (the window offers them; a form may hold others).
    """

    name: str
    kind: str = KIND_OTHER
    aliases: tuple[str, ...] = ()
    required: bool = False
    level2: tuple[str, ...] = ()

    @cached_property
    def keys(self) -> tuple[str, ...]:
        """Every spelling that names this category, longest first."""
        names = {self.name, *self.aliases}
        if self.name.endswith("指标"):
            names.add(self.name[:-2])
        return tuple(sorted((n for n in names if n), key=len, reverse=True))


@dataclass(frozen=True)
class Framework:
    """The 一级 categories (and their 二级) a form's table must or may hold."""

    categories: tuple[FrameworkCategory, ...] = ()

    def match(self, level1: str, level2: str = "", name: str = "") -> FrameworkCategory | None:
        """The category a row belongs to: by its 一级 when it has one, else by its name.

        A row that speaks of 满意度 (in its 一级, its 二级, or its name when it has no 一级)
        belongs to the satisfaction category even under 效果指标 (the 金融街 form); otherwise
        the 一级 (or the name) must start with one of a category's names or aliases.
        """
        level1, level2, name = level1.strip(), level2.strip(), name.strip()
        for cat in self.categories:
            if cat.kind == KIND_SATISFACTION:
                keys = (*cat.keys, "满意度")
                if any(k in level1 or k in level2 or (not level1 and k in name) for k in keys):
                    return cat
        key = level1 or name
        if not key:
            return None
        best: FrameworkCategory | None = None
        best_len = 0
        for cat in self.categories:
            for k in cat.keys:
                if key.startswith(k) and len(k) > best_len:
                    best, best_len = cat, len(k)
        return best

    def kind_of(self, level1: str, level2: str = "", name: str = "") -> str:
        cat = self.match(level1, level2, name)
        return cat.kind if cat is not None else KIND_OTHER

    def of_kind(self, kind: str) -> tuple[FrameworkCategory, ...]:
        return tuple(c for c in self.categories if c.kind == kind)

    def has_kind(self, kind: str) -> bool:
        return any(c.kind == kind for c in self.categories)


@dataclass(frozen=True)
class ReservedWeight:
    """Points kept outside the indicator table (Sichuan: 预算执行率 10)."""

    name: str
    weight: Decimal


@dataclass(frozen=True)
class Weights:
    """Whether 权重 are used and what the 三级 weights must add up to.

    ``used`` False: the form's weights are not checked at all. ``per_level1``: what the weights of
    each named 一级 category must add up to (they add up to ``total``).
    """

    used: bool = True
    total: Decimal = Decimal(100)
    reserved: tuple[ReservedWeight, ...] = ()
    # Per-一级 frames (产出指标 50, 效益指标 30, 满意度指标 10): (category name, points).
    per_level1: tuple[tuple[str, Decimal], ...] = ()


@dataclass(frozen=True)
class Operators:
    """``required``: a 定量 item needs an operator (``items.incomplete``); ``ranges_allowed``
    False: a range value is ``items.range_not_allowed`` (error) instead of ``items.range_value``."""

    required: bool = True
    ranges_allowed: bool = True


@dataclass(frozen=True)
class Cap:
    """自评 cap: a 预算执行率 below ``rate_below`` % caps the total at ``score_max``."""

    rate_below: Decimal
    score_max: Decimal


@dataclass(frozen=True)
class Band:
    """A 定性 completion grade and its share of the item's points, in % (``达成`` 80–100)."""

    grade: str
    low: Decimal
    high: Decimal


@dataclass(frozen=True)
class ScheduleStep:
    """监控: by the end of ``month`` the 执行率 should be at least ``min_rate`` %."""

    month: int
    min_rate: Decimal


DEFAULT_BANDS = (
    Band("达成", Decimal(80), Decimal(100)),
    Band("部分达成", Decimal(60), Decimal(80)),
    Band("未达成", Decimal(0), Decimal(60)),
)


@dataclass(frozen=True)
class Scoring:
    """The year-end 自评 scoring (``spec/self-evaluation.md``); every number may be changed.

    Attributes:
        budget_points: points for 预算执行率 (10).
        indicator_points: points shared by the indicators by weight (90).
        caps: total caps by 执行率, any order; the lowest matching cap applies.
        bands: 定性 grades with their share of points; the default pick is the band's top.
        deviation_threshold: a deviation of this many % or more needs a 偏差原因 (30).
        monitor_schedule: 监控 execution floors by month (empty: none).
    """

    budget_points: Decimal = Decimal(10)
    indicator_points: Decimal = Decimal(90)
    caps: tuple[Cap, ...] = ()
    bands: tuple[Band, ...] = DEFAULT_BANDS
    deviation_threshold: Decimal = Decimal(30)
    monitor_schedule: tuple[ScheduleStep, ...] = ()

    def cap_for(self, rate_percent: Decimal) -> Decimal | None:
        """The highest total allowed at this 执行率 (in %), or ``None`` when uncapped."""
        applicable = [c.score_max for c in self.caps if rate_percent < c.rate_below]
        return min(applicable) if applicable else None

    def band(self, grade: str) -> Band | None:
        return next((b for b in self.bands if b.grade == grade), None)


_EMPTY_RULES: Mapping[str, str] = MappingProxyType({})


def fmt_decimal(value: Decimal) -> str:
    """A number as a clerk writes it: no exponent, no trailing zeros (90, 12.5)."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


@dataclass(frozen=True, eq=False)
class Profile:
    """A rule profile. Build it with ``parse_profile``; equal when id and content hash are.

    Attributes:
        id: short stable name (``sc``, ``bj-2021``), what a form stores.
        name: what the clerk sees (``四川省``); findings say "按{name}规则".
        region: the province or city it is for.
        sources: the published documents and forms it follows.
        template: the printed layout (``bj-2021-dept-overall`` or ``tabular``).
        columns: the tabular columns in printed order (empty: the template's own).
        amount_unit: ``万元`` or ``元``: the unit the funds are typed and printed in.
        amount_decimals: decimals a clerk may type without ``funds.precision``.
        framework: the 一级 categories.
        weights, operators, satisfaction_min, scoring: see their classes.
        rules: rule id → ``off`` / ``error`` / ``warning`` / ``info`` (read-only mapping).
        sha256: hex SHA-256 of the file's bytes (UTF-8 text), stored with a form.
        text: the file's text, so that a form or a review file can carry its profile.
        origin: where it was read from (``内置`` or a file path), for messages.
    """

    id: str
    name: str
    region: str = ""
    sources: tuple[Source, ...] = ()
    template: str = "bj-2021-dept-overall"
    columns: tuple[Column, ...] = ()
    amount_unit: str = "万元"
    amount_decimals: int = 2
    framework: Framework = field(default_factory=Framework)
    weights: Weights = field(default_factory=Weights)
    operators: Operators = field(default_factory=Operators)
    satisfaction_min: Decimal = Decimal(90)
    rules: Mapping[str, str] = field(default_factory=lambda: _EMPTY_RULES)
    scoring: Scoring = field(default_factory=Scoring)
    sha256: str = ""
    text: str = field(default="", repr=False)
    origin: str = ""
    description: str = ""

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Profile):
            return NotImplemented
        return (self.id, self.sha256) == (other.id, other.sha256)

    def __hash__(self) -> int:
        return hash((self.id, self.sha256))

    @property
    def ref(self) -> ProfileRef:
        return ProfileRef(self.id, self.sha256)

    @property
    def label(self) -> str:
        """``四川省（sc）``: how lists and messages name it."""
        return f"{self.name}（{self.id}）"

    def rule_level(self, rule: str) -> str | None:
        """The level this profile gives ``rule`` (``off``/``error``/``warning``/``info``), or
        ``None`` when it keeps the rule's own severity."""
        return self.rules.get(rule)

    def column(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.key == key), None)

    def column_label(self, key: str) -> str:
        """The printed label of a column under this profile (``指标名称`` for level3 in Chongqing)."""
        col = self.column(key)
        return col.label if col is not None else COLUMN_KEYS.get(key, key)

    @property
    def required_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.required)

    @property
    def weight_total_text(self) -> str:
        """``90（另有预算执行率 10）`` or ``100``."""
        text = fmt_decimal(self.weights.total)
        if self.weights.reserved:
            kept = "、".join(f"{r.name} {fmt_decimal(r.weight)}" for r in self.weights.reserved)
            text += f"（另有{kept}）"
        return text
