"""The vocabulary of the form's labels and headers, and how a label is normalised before it is
looked up (spaces, full/half width, brackets, colons): what ``label_reader`` matches against.
"""

from __future__ import annotations

import re
import unicodedata

from jixiao_desktop.domain.model import IndicatorItem

# Half-width white space at the ends of a line is layout (Word's justification, a copied
# web page, the text dump's indentation), not typing; full-width spaces (　) are how a clerk
# indents Chinese text and stay.
HALF_WIDTH_SPACE = " \t\xa0\u2002\u2003\u2009\u200b\ufeff"


def clean_line(line: str) -> str:
    return line.strip(HALF_WIDTH_SPACE).replace("\r", "")


def clean_lines(lines: list[str], *, keep_blank: bool = True) -> list[str]:
    """Lines with half-width ends trimmed, leading and trailing blank lines dropped."""
    out = [clean_line(line) for line in lines]
    if not keep_blank:
        out = [line for line in out if line.strip()]
    while out and not out[0].strip():
        out.pop(0)
    while out and not out[-1].strip():
        out.pop()
    return out


BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|<[^<>]*>")
ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|[(][一二三四五六七八九十]+[)])")


def label_key(text: str) -> str:
    """``部门（单位） 名称：`` → ``部门(单位)名称``: what label matching compares."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if not ch.isspace())
    text = text.lstrip("*★※").rstrip(":：;；")
    text = ORDINAL.sub("", text)
    if text.startswith("其中:"):
        text = text[3:]
    return text


def bare_key(text: str) -> str:
    """The label without its bracketed parts: ``部门(单位)名称`` → ``部门名称``."""
    return BRACKETS.sub("", label_key(text)).rstrip(":")


DEPARTMENT = {"部门名称", "单位名称", "部门单位名称", "预算单位", "预算部门", "预算单位名称", "填报单位",
              "申报单位", "部门", "单位", "部门名称单位名称"}
FUNDS_HEADER = {"部门总体资金情况", "总体资金情况", "资金情况", "部门资金情况", "年度资金情况",
                "资金总体情况", "年度预算资金情况", "部门整体资金情况", "预算资金情况", "资金"}
FUND_TOTAL = {"资金总额", "年度资金总额", "预算总额", "年度预算总额", "资金总量", "支出预算总量",
              "区级支出预算总量", "部门预算总额", "预算资金总额", "总额", "年度预算资金总额"}
FUND_BASIC = {"基本支出", "基本支出资金"}
FUND_PROJECT = {"项目支出", "项目支出资金"}
FUND_SOURCES = {"财政拨款", "其他资金", "自有资金", "事业收入", "经营收入", "经营性收入", "其他收入",
                "财政资金", "一般公共预算", "一般公共预算拨款", "政府性基金", "政府性基金拨款",
                "上级补助收入", "附属单位上缴收入", "上年结转", "财政拨款资金"}
GOALS = {"部门绩效目标", "部门整体绩效目标", "绩效目标", "年度总体目标", "年度总体绩效目标", "整体绩效目标",
         "年度绩效目标", "总体绩效目标", "总体目标", "部门年度绩效目标", "部门整体支出绩效目标"}
INDICATORS = {"绩效指标", "年度绩效指标", "绩效指标表", "部门绩效指标", "部门整体绩效指标"}
NOTES = {"其他说明的问题", "其他需要说明的问题", "其他说明", "其他说明事项", "其他需说明的问题",
         "需要说明的其他问题", "其他问题说明", "其他事项说明"}
TOTAL_ROW = {"合计", "总计", "权重合计", "合计权重"}
INSTRUCTIONS = re.compile(r"^(?:填制说明|填报说明|填表说明)")

# Header cell → field. "note" columns other than 备注 are kept in 备注 with their name; in a
# tabular form 指标解释 / 评(扣)分标准 / 指标值确定依据 have their own fields (profiles.md).
HEADERS: dict[str, str] = {
    "指标名称": "name", "指标内容和指标值": "content", "指标内容及指标值": "content",
    "指标内容与指标值": "content", "指标内容、指标值": "content", "指标内容": "content",
    "绩效指标内容": "content", "指标值和指标内容": "content",
    "一级指标": "level1", "二级指标": "level2", "三级指标": "level3",
    "指标性质": "nature", "指标类型": "nature", "指标值类型": "nature", "指标属性": "nature",
    "计算符号": "operator", "符号": "operator", "运算符": "operator", "运算符号": "operator",
    "比较符号": "operator", "指标符号": "operator",
    "指标值": "value", "目标值": "value", "年度指标值": "value", "指标目标值": "value",
    "计量单位": "unit", "度量单位": "unit", "单位": "unit", "指标单位": "unit",
    "权重": "weight", "指标权重": "weight", "分值": "weight", "权重分值": "weight",
    "方向": "direction", "指标方向": "direction", "指标方向性": "direction",
    "备注": "note", "指标解释": "explanation", "评分标准": "scoring", "评扣分标准": "scoring",
    "指标值确定依据": "basis", "指标说明": "note",
}
PROFILE_COLUMNS = {"explanation", "scoring", "basis"}
TABULAR_FIELDS = {"level1", "level2", "level3", "nature", "operator", "unit", "weight", "direction"}
OPERATOR_TEXT = {">=": "≥", "≧": "≥", "<=": "≤", "≦": "≤", "＝": "=", "＞": ">", "＜": "<",
                  "≥": "≥", "≤": "≤", "=": "=", ">": ">", "<": "<"}
LEADING_OPERATOR = re.compile(r"^\s*(>=|<=|≧|≦|≥|≤|＝|＞|＜|=|>|<)\s*")
YEAR = re.compile(r"(\d{4})\s*年度?")
YEAR_ALONE = re.compile(r"^[(\[]?\s*(\d{4})\s*年度?\s*[)\]]?$")
YEAR_LABEL = re.compile(r"^年度[:：]?\s*(\d{4})\s*(?:年度?)?$")


# 一级 categories a name cell may carry on a paragraph of its own (产出指标⏎产出数量指标): the
# national three (with Beijing's 效果指标) and 成本指标.
LEVEL1_LABELS = frozenset({"产出指标", "效果指标", "效益指标", "满意度指标", "成本指标"})


def is_level1_label(text: str) -> bool:
    """``产出指标``, ``效果指标：`` … — a 一级 category alone, not a row's own name."""
    return label_key(text).rstrip(":") in LEVEL1_LABELS


def join_name_lines(lines: list[str]) -> str:
    """A 指标名称 cell's paragraphs as one name.

    Paragraphs are joined with nothing between (a name the clerk broke with Enter), except a first
    paragraph that is a 一级 category on its own (产出指标⏎产出数量指标): that is 一级 and 二级, and
    the printed form names the row 产出指标-产出数量指标.
    """
    parts = [clean_line(line) for line in lines if clean_line(line)]
    if len(parts) > 1 and is_level1_label(parts[0]) and not parts[0].endswith(("-", "－", "—")):
        return f"{parts[0]}-{''.join(parts[1:])}"
    return "".join(parts)


def tabular_item(level3: str, nature: str, operator: str, value: str, one_line: dict[str, str],
                 values: dict[str, str]) -> IndicatorItem:
    """A 三级 item of a tabular row: one-line cells, and 备注 / 指标解释 / 评(扣)分标准 /
    指标值确定依据 with their line breaks."""
    return IndicatorItem(level3=level3, nature=nature, operator=operator, value=value, unit=one_line.get("unit", ""),
                         weight=one_line.get("weight", ""), direction=one_line.get("direction", ""),
                         note=values.get("note", ""), explanation=values.get("explanation", ""),
                         scoring=values.get("scoring", ""), basis=values.get("basis", ""))
