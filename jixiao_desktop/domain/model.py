"""The form as data: 部门整体支出绩效目标申报表.

Pure Python: no Qt, no SQL. Every field a clerk types is kept as typed (amounts too, as text),
so that checks can say what was typed and nothing is lost; ``money`` reads amounts exactly.
Unknown keys of an exchange file ride along in the ``extra`` dicts and are written back.
"""

from __future__ import annotations

import copy
import enum
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from jixiao_desktop.domain.money import try_parse_amount

TEMPLATE_BJ_2021 = "bj-2021-dept-overall"
TEMPLATE_TABULAR = "tabular"
TEMPLATES: dict[str, str] = {
    TEMPLATE_BJ_2021: "北京2021部门整体格式（指标名称 | 指标内容和指标值）",
    TEMPLATE_TABULAR: "表格式（一级/二级/三级指标）",
}

FORM_TITLE = "部门整体支出绩效目标申报表"
FUNDS_UNIT = "万元"

NATURE_QUANTITATIVE = "定量"
NATURE_QUALITATIVE = "定性"
NATURES = (NATURE_QUANTITATIVE, NATURE_QUALITATIVE)
OPERATORS = ("≥", "≤", "=", ">", "<")
DIRECTION_POSITIVE = "正向"
DIRECTION_REVERSE = "反向"
DIRECTIONS = (DIRECTION_POSITIVE, DIRECTION_REVERSE)

YEAR_MIN = 2000
YEAR_MAX = 2100


class FormStatus(enum.StrEnum):
    """Where a stored form stands."""

    DRAFT = "draft"
    FINAL = "final"

    @property
    def label(self) -> str:
        return {"draft": "草稿", "final": "已定稿"}[self.value]


@dataclass
class FundSource:
    """One line of the optional 资金来源 block (财政拨款 / 其他资金 …)."""

    name: str = ""
    amount: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Funds:
    """部门（单位）总体资金情况, in 万元, each amount as typed."""

    total: str = ""
    basic: str = ""
    project: str = ""
    unit: str = FUNDS_UNIT
    sources: list[FundSource] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def total_value(self) -> Decimal | None:
        return try_parse_amount(self.total)

    @property
    def basic_value(self) -> Decimal | None:
        return try_parse_amount(self.basic)

    @property
    def project_value(self) -> Decimal | None:
        return try_parse_amount(self.project)


@dataclass
class IndicatorItem:
    """A structured 三级 indicator (the tabular layout)."""

    level3: str = ""
    nature: str = ""
    operator: str = ""
    value: str = ""
    unit: str = ""
    weight: str = ""
    direction: str = ""
    note: str = ""
    # 指标解释 / 评(扣)分标准 / 指标值确定依据: columns some profiles print (profiles.md; Hunan
    # requires the first two). Written to files only when filled, so older files and their
    # fingerprints are unchanged.
    explanation: str = ""
    scoring: str = ""
    basis: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    # Last year's 指标值 of the same 三级 item (继承上年, importing last year's form): shown
    # beside this year's value, never printed, not one of the fields the clerk types.
    previous_value: str = ""

    BASE_FIELDS = ("level3", "nature", "operator", "value", "unit", "weight", "direction", "note")
    PROFILE_FIELDS = ("explanation", "scoring", "basis")
    TEXT_FIELDS = BASE_FIELDS + PROFILE_FIELDS

    def is_blank(self) -> bool:
        """Nothing typed in any column, 指标解释 / 评(扣)分标准 / 依据 included (``profiles.md``)."""
        if any(getattr(self, name).strip() for name in self.TEXT_FIELDS):
            return False
        return not any(isinstance(self.extra.get(key), str) and self.extra[key].strip()
                       for key in ("explanation", "scoring", "basis"))


@dataclass
class Indicator:
    """One 绩效指标 row: 指标名称 | 指标内容和指标值, optionally with 一级/二级 and 三级 items."""

    name: str = ""
    content: str = ""
    level1: str = ""
    level2: str = ""
    items: list[IndicatorItem] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    # Last year's 指标内容和指标值 of this row (继承上年), shown on demand beside this year's.
    previous_content: str = ""


@dataclass
class Acknowledgement:
    """A warning the clerk marked 已知悉 on this form.

    It holds while the text the warning was about is unchanged: ``fingerprint`` is
    ``fields.field_fingerprint`` of that field when it was acknowledged.
    """

    rule: str
    field: str
    fingerprint: str
    note: str = ""
    at: str = ""


@dataclass(frozen=True)
class ProfileRef:
    """The rule profile a form is checked with, as the form stores it (exchange key ``profile``):
    its id and the SHA-256 of its file (``domain.profiles``)."""

    id: str
    sha256: str = ""

    def to_json(self) -> dict[str, str]:
        return {"id": self.id, "sha256": self.sha256}


@dataclass
class Form:
    """One 部门整体支出绩效目标申报表."""

    template: str = TEMPLATE_BJ_2021
    year: int | None = None
    department: str = ""
    funds: Funds = field(default_factory=Funds)
    goals: str = ""
    indicators: list[Indicator] = field(default_factory=list)
    other_notes: str = ""
    acknowledgements: list[Acknowledgement] = field(default_factory=list)
    # Identity (exchange format): a UUID kept across machines, +1 per saved change, and the
    # id of last year's form this one was copied from. "" / 0 = not given yet.
    id: str = ""
    revision: int = 0
    copied_from: str = ""
    # The sender's claim (exchange ``status``/``final_fingerprint``): the 定稿指纹 of a 定稿 form,
    # "" = a draft. Readers keep it only when it matches the content (``formfiles``).
    final_fingerprint: str = ""
    # Unknown keys of the exchange file: inside "form", and beside it at the top level.
    extra: dict[str, Any] = field(default_factory=dict)
    document_extra: dict[str, Any] = field(default_factory=dict)

    def copy(self) -> Form:
        return copy.deepcopy(self)

    @property
    def profile(self) -> ProfileRef | None:
        """The rule profile the form is checked with (exchange key ``profile``,
        ``{"id": …, "sha256": …}``); ``None``: its template's default (``profiles.md``).

        Kept in ``extra`` under its exchange key, so storage and exchange carry it as they are.
        """
        data = self.extra.get("profile")
        if not isinstance(data, dict) or not isinstance(data.get("id"), str) or not data["id"].strip():
            return None
        sha = data.get("sha256")
        return ProfileRef(data["id"].strip(), sha if isinstance(sha, str) else "")

    @profile.setter
    def profile(self, ref: ProfileRef | None) -> None:
        if ref is None:
            self.extra.pop("profile", None)
        else:
            self.extra["profile"] = {"id": ref.id, "sha256": ref.sha256}

    def without_identity(self) -> Form:
        """A copy with no ``id``/``revision``/``copied_from``/定稿 claim: what the clerk typed, to compare
        two forms by content (a stored form and the file it came from)."""
        plain = self.copy()
        plain.id, plain.revision, plain.copied_from, plain.final_fingerprint = "", 0, "", ""
        return plain

    @property
    def year_label(self) -> str:
        return f"（{self.year}年度）" if self.year else "（    年度）"


# --- indicator categories -------------------------------------------------------------


class Category(enum.StrEnum):
    """The 一级 a row belongs to, as the checks and the window's tabs see it."""

    OUTPUT = "output"
    OUTCOME = "outcome"
    SATISFACTION = "satisfaction"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "output": "产出指标",
            "outcome": "效果（效益）指标",
            "satisfaction": "满意度指标",
            "other": "其他指标",
        }[self.value]


# Old Beijing two-tier wording ≡ the national three-tier wording (domain.md §3).
ALIASES: dict[str, str] = {"效果": "效益", "进度": "时效", "环境": "生态"}


def canonical_term(text: str) -> str:
    """Replace the Beijing 2021 terms by their national equivalents (效果→效益, 进度→时效, 环境→生态)."""
    for old, new in ALIASES.items():
        text = text.replace(old, new)
    return text


def classify_indicator(indicator: Indicator) -> Category:
    """Output, outcome or satisfaction, by 一级 when present, else by the row name.

    A row that speaks of 满意度 is a satisfaction row even under 效果指标 (金融街 form).
    """
    name = indicator.name.strip()
    level1 = indicator.level1.strip()
    if "满意度" in level1 or "满意度" in indicator.level2 or (not level1 and "满意度" in name):
        return Category.SATISFACTION
    key = level1 or name
    if key.startswith("产出"):
        return Category.OUTPUT
    if key.startswith(("效果", "效益")):
        return Category.OUTCOME
    return Category.OTHER


# --- layouts of the 2021 Beijing template -------------------------------------------------

STANDARD_ROW_NAMES: tuple[str, ...] = (
    "产出指标-产出数量指标",
    "产出指标-产出质量指标",
    "产出指标-产出进度指标",
    "产出指标-产出成本指标",
    "效果指标-经济效益指标",
    "效果指标-社会效益指标",
    "效果指标-环境效益指标",
    "效果指标-可持续影响指标",
    "效果指标-服务对象满意度指标",
)

# Structured 一级 → 二级 vocabulary of the tabular template (national three-tier scheme).
TABULAR_LEVELS: dict[str, tuple[str, ...]] = {
    "产出指标": ("数量指标", "质量指标", "时效指标", "成本指标"),
    "效益指标": ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"),
    "满意度指标": ("服务对象满意度指标",),
}

CHINESE_NUMERALS = "一二三四五六七八九十"


class Layout(enum.StrEnum):
    """How the indicator rows of a form are organised."""

    STANDARD = "standard"  # the nine fixed rows (金融街)
    NUMBERED = "numbered"  # 产出指标一：…, 产出指标二：… (牛街)
    TABULAR = "tabular"  # structured 三级 rows

    @property
    def label(self) -> str:
        return {
            "standard": "标准格式（九项指标）",
            "numbered": "自定义分项（产出指标一、二…）",
            "tabular": "表格式（三级指标）",
        }[self.value]


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (enough for indicator rows)."""
    if n <= 0:
        raise ValueError(n)
    if n <= 10:
        return CHINESE_NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else CHINESE_NUMERALS[tens - 1]
    return head + "十" + (CHINESE_NUMERALS[ones - 1] if ones else "")


def parse_chinese_numeral(text: str) -> int | None:
    """一 → 1 … 九十九 → 99; ``None`` when the text is not such a numeral."""
    if not text or any(ch not in CHINESE_NUMERALS for ch in text):
        return None
    if "十" not in text:
        return CHINESE_NUMERALS.index(text) + 1 if len(text) == 1 else None
    head, _, tail = text.partition("十")
    if len(head) > 1 or len(tail) > 1 or "十" in tail:
        return None
    tens = CHINESE_NUMERALS.index(head) + 1 if head else 1
    ones = CHINESE_NUMERALS.index(tail) + 1 if tail else 0
    return tens * 10 + ones


def detect_layout(form: Form) -> Layout:
    """The layout a form's rows follow (the template decides the print, not the content)."""
    if form.template == TEMPLATE_TABULAR:
        return Layout.TABULAR
    names = [ind.name.strip() for ind in form.indicators]
    if any(name in STANDARD_ROW_NAMES for name in names):
        return Layout.STANDARD
    return Layout.NUMBERED


def new_form(layout: Layout, year: int | None = None, department: str = "") -> Form:
    """A blank form of the given layout; the standard layout comes with its nine row names."""
    if layout is Layout.TABULAR:
        indicators = [
            Indicator(level1=level1, level2=level2, items=[IndicatorItem()])
            for level1, levels2 in TABULAR_LEVELS.items()
            for level2 in levels2[:1]
        ]
        return Form(template=TEMPLATE_TABULAR, year=year, department=department,
                    indicators=indicators)
    if layout is Layout.STANDARD:
        indicators = [Indicator(name=name) for name in STANDARD_ROW_NAMES]
    else:
        indicators = [Indicator(name="产出指标一：")]
    return Form(template=TEMPLATE_BJ_2021, year=year, department=department,
                indicators=indicators)


def indicator_title(indicator: Indicator) -> str:
    """The printed 指标名称 of a row (its name, or 一级-二级 when only those are set)."""
    if indicator.name.strip():
        return indicator.name
    return "-".join(part for part in (indicator.level1, indicator.level2) if part.strip())
