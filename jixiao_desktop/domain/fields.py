"""Field paths: how a finding names the place it is about.

Paths follow ``checks.md``: ``department``, ``year``, ``funds.total``, ``funds.sources[1].amount``,
``goals``, ``indicators[3].name``, ``indicators[3].content``, ``indicators[0].items[2].value``,
``other_notes``, and ``""`` for the form as a whole. The window turns a path into a widget
to focus; acknowledgements use the text at a path to notice that it changed.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from jixiao_desktop.domain import evaluation
from jixiao_desktop.domain.model import Form

_PATH_RE = re.compile(
    r"^(?:(?P<simple>department|year|goals|other_notes|template)"
    r"|funds\.(?P<fund>total|basic|project)"
    r"|(?P<stage>stage)"
    r"|execution\.(?P<exe>budget|executed|as_of)"
    r"|evaluation\.(?P<evl>summary|problems|measures|score)"
    r"|funds\.sources\[(?P<src>\d+)\](?:\.(?P<srcattr>name|amount))?"
    r"|indicators\[(?P<ind>\d+)\](?:\.(?P<indattr>name|content|level1|level2|actual|score)"
    r"|\.items\[(?P<item>\d+)\](?:\.(?P<itemattr>\w+))?)?)$"
)


@dataclass(frozen=True)
class FieldPath:
    """A parsed field path."""

    path: str
    section: str  # "header", "funds", "goals", "indicators", "other_notes", "form"
    indicator: int | None = None
    item: int | None = None
    source: int | None = None
    attr: str | None = None


def parse_path(path: str) -> FieldPath:
    """Parse a field path; an unknown path is the form as a whole."""
    m = _PATH_RE.match(path or "")
    if not m:
        return FieldPath(path, "form")
    if m["simple"]:
        name = m["simple"]
        section = {"department": "header", "year": "header", "template": "header"}.get(name, name)
        return FieldPath(path, section, attr=name)
    if m["fund"]:
        return FieldPath(path, "funds", attr=m["fund"])
    if m["stage"]:
        return FieldPath(path, "stage", attr="stage")
    if m["exe"]:
        return FieldPath(path, "execution", attr=m["exe"])
    if m["evl"]:
        return FieldPath(path, "evaluation", attr=m["evl"])
    if m["src"] is not None:
        return FieldPath(path, "funds", source=int(m["src"]), attr=m["srcattr"])
    index = int(m["ind"])
    if m["item"] is not None:
        return FieldPath(path, "indicators", indicator=index, item=int(m["item"]),
                         attr=m["itemattr"])
    return FieldPath(path, "indicators", indicator=index, attr=m["indattr"])


def field_text(form: Form, path: str) -> str:
    """The text at a path ("" when the path points nowhere in this form)."""
    p = parse_path(path)
    try:
        if p.section == "header":
            value = getattr(form, p.attr or "")
            return "" if value is None else str(value)
        if p.section in ("goals", "other_notes"):
            return getattr(form, p.section)
        if p.section == "stage":
            return evaluation.stage_of(form).value
        if p.section == "execution":
            return evaluation.execution_text(form, p.attr or "")
        if p.section == "evaluation":
            return evaluation.evaluation_text(form, p.attr or "")
        if p.section == "funds":
            if p.source is not None:
                src = (form.funds.sources or [])[p.source]
                return f"{src.name}\u0000{src.amount}" if p.attr is None else getattr(src, p.attr)
            return getattr(form.funds, p.attr or "")
        if p.section == "indicators" and p.indicator is not None:
            ind = form.indicators[p.indicator]
            if p.item is not None:
                item = ind.items[p.item]
                if p.attr and p.attr in item.TEXT_FIELDS:
                    return getattr(item, p.attr)
                if p.attr in evaluation.ITEM_KEYS:
                    return evaluation.item_text(item, p.attr)
                # The profile's columns join only when filled: older acknowledgements hold.
                texts = [getattr(item, f) for f in item.BASE_FIELDS]
                texts += [getattr(item, f) for f in item.PROFILE_FIELDS if getattr(item, f)]
                return "\u0000".join(texts)
            if p.attr in evaluation.ROW_KEYS:
                return evaluation.row_text(ind, p.attr)
            if p.attr:
                return getattr(ind, p.attr)
            return f"{ind.name}\u0000{ind.content}"
    except (IndexError, AttributeError):
        return ""
    if p.section == "form":
        return ""
    return ""


def field_fingerprint(form: Form, path: str) -> str:
    """A short hash of the text at a path; an acknowledgement lapses when it changes.

    The whole form (path ``""``) hashes the fields the form-level warnings depend on: the
    indicator row names.
    """
    if parse_path(path).section == "form":
        text = "\u0001".join(ind.name + "\u0000" + ind.level1 + ind.level2 for ind in form.indicators)
    else:
        text = field_text(form, path)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


_ITEM_ATTRS = {
    "level3": "三级指标", "nature": "指标性质", "operator": "运算符", "value": "指标值",
    "unit": "计量单位", "weight": "权重", "direction": "指标方向", "note": "备注",
    "explanation": "指标解释", "scoring": "评(扣)分标准", "basis": "指标值确定依据",
    **evaluation.LABELS,
}
_ROW_ATTRS = {"name": "指标名称", "content": "指标内容", "level1": "一级指标", "level2": "二级指标",
              "actual": "实际完成情况", "score": "得分"}
_LABEL_CHARS = 14


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _LABEL_CHARS else line[: _LABEL_CHARS - 1] + "…"


def _row_name(form: Form, index: int) -> str:
    """How the clerk knows a row: its own label (满意度指标一 of "满意度指标一：…"), its 二级, or ""."""
    if not 0 <= index < len(form.indicators):
        return ""
    ind = form.indicators[index]
    name = re.split(r"[：:]", ind.name.strip(), maxsplit=1)[0].strip()
    return _short(name or ind.level2.strip() or ind.level1.strip())


def field_label(path: str, form: Form | None = None) -> str:
    """The Chinese name of the field at a path, for messages and the checks panel.

    With the form, a row is named as the clerk sees it (``满意度指标一的指标内容``, ``“服务对象满意度”
    的指标值``) instead of by its position (``绩效指标第8行指标内容``).
    """
    p = parse_path(path)
    if form is not None and p.section == "indicators" and p.indicator is not None:
        named = _named_indicator_label(form, p)
        if named:
            return named
    if p.section == "header":
        return {"department": "部门（单位）名称", "year": "年度", "template": "格式"}.get(p.attr or "", "")
    if p.section == "goals":
        return "部门（单位）绩效目标"
    if p.section == "other_notes":
        return "其他说明的问题"
    if p.section == "stage":
        return "阶段"
    if p.section in ("execution", "evaluation"):
        own = {"score": "自评得分", "measures": "下一步改进措施"} if p.section == "evaluation" else {}
        return own.get(p.attr or "", evaluation.LABELS.get(p.attr or "", ""))
    if p.section == "funds":
        if p.source is not None:
            return f"资金来源第{p.source + 1}行"
        return {"total": "资金总额", "basic": "基本支出", "project": "项目支出"}.get(p.attr or "", "资金")
    if p.section == "indicators" and p.indicator is not None:
        row = f"绩效指标第{p.indicator + 1}行"
        if p.item is not None:
            return f"{row}第{p.item + 1}项{_ITEM_ATTRS.get(p.attr or '', '')}"
        return row + _ROW_ATTRS.get(p.attr or "", "")
    return "整张表"


def _named_indicator_label(form: Form, p: FieldPath) -> str:
    assert p.indicator is not None
    row = _row_name(form, p.indicator)
    if p.item is not None:
        items = form.indicators[p.indicator].items if 0 <= p.indicator < len(form.indicators) else []
        level3 = items[p.item].level3.strip() if 0 <= p.item < len(items) else ""
        attr = _ITEM_ATTRS.get(p.attr or "", "")
        if level3:
            return f"“{_short(level3)}”" + (f"的{attr}" if attr and p.attr != "level3" else "")
        return f"{row}第{p.item + 1}项{attr}" if row else ""
    if not row:
        return ""
    attr = _ROW_ATTRS.get(p.attr or "", "")
    return f"{row}的{attr}" if attr else row


def set_field_text(form: Form, path: str, value: str) -> None:
    """Set the text at a path (the window's edits and their undo go through here).

    ``year`` takes the text of a year (``""`` clears it). Raises ``KeyError`` for a path that
    is not a text field of this form.
    """
    p = parse_path(path)
    try:
        if p.section == "header" and p.attr == "year":
            form.year = int(value) if str(value).strip() else None
            return
        if p.section == "header" and p.attr in ("department", "template"):
            setattr(form, p.attr, value)
            return
        if p.section in ("goals", "other_notes"):
            setattr(form, p.section, value)
            return
        if p.section == "stage":
            evaluation.set_stage(form, evaluation.Stage(value or "target"))
            return
        if p.section == "execution" and p.attr:
            evaluation.set_execution_text(form, p.attr, value)
            return
        if p.section == "evaluation" and p.attr:
            evaluation.set_evaluation_text(form, p.attr, value)
            return
        if p.section == "funds" and p.source is None and p.attr:
            setattr(form.funds, p.attr, value)
            return
        if p.section == "funds" and p.source is not None and p.attr:
            setattr((form.funds.sources or [])[p.source], p.attr, value)
            return
        if p.section == "indicators" and p.indicator is not None and p.attr:
            ind = form.indicators[p.indicator]
            if p.item is not None:
                item = ind.items[p.item]
                if p.attr in evaluation.ITEM_KEYS:
                    evaluation.set_item_text(item, p.attr, value)
                elif p.attr in item.TEXT_FIELDS:
                    setattr(item, p.attr, value)
                else:
                    raise KeyError(path)
            elif p.attr in evaluation.ROW_KEYS:
                evaluation.set_row_text(ind, p.attr, value)
            else:
                setattr(ind, p.attr, value)
            return
    except (IndexError, ValueError) as exc:
        raise KeyError(path) from exc
    raise KeyError(path)
