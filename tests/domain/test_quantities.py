"""Quantities in the prose: what counts as a target or an amount, and what does not.

The sentences come from the two reference forms (金融街, 牛街) unless marked otherwise.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao_desktop.domain.quantities import Quantity, extract_quantities, unit_at


def _one(text: str) -> Quantity:
    found = extract_quantities(text)
    assert len(found) == 1, f"{text!r} -> {found}"
    return found[0]


def _triples(text: str) -> list[tuple[str, Decimal, str]]:
    return [(q.op, q.value, q.unit) for q in extract_quantities(text)]


@pytest.mark.parametrize(
    ("text", "op", "value", "unit", "raw"),
    [
        ("上半年完成立项及预算执行任务的50%以上", "≥", "50", "%", "50%以上"),
        ("维护工作区域的正常社会秩序，招聘保安30名。", "=", "30", "名", "30名"),
        ("对负责的辖区内约113816平方米的绿地内的苗木进行修剪", "≈", "113816", "平方米", "约113816平方米"),
        ("开展新时代文明实践主题活动不少于4场；", "≥", "4", "场", "不少于4场"),
        ("社区馆不低于2000册。合计1.2万册", None, None, None, None),  # two quantities, see below
        ("按时准确为310余户符合低保金发放人员发放低保金", "≥", "310", "户", "310余户"),
        ("总体满意度（按百分制计算）得分在90分以上；", "≥", "90", "分", "90分以上"),
        ("辖区内企业、居民对部门服务满意度比例达到90%。", "≥", "90", "%", "达到90%"),
        ("全年活动不少于50次", "≥", "50", "次", "不少于50次"),
        ("全年各类活动、慰问不低于80次。", "≥", "80", "次", "不低于80次"),
        ("参会人数约300人。", "≈", "300", "人", "约300人"),
        ("年度承运乘客达到150万人次。", "≥", "1500000", "人次", "达到150万人次"),
        ("为800余名残疾人发放残疾人护理补贴", "≥", "800", "名", "800余名"),
        ("每周对外开放阅读服务时间不低于56个小时", "≥", "56", "个小时", "不低于56个小时"),
        ("全年共计更换不少于1800块", "≥", "1800", "块", "不少于1800块"),
        ("发布街区资讯1000条以上", "≥", "1000", "条", "1000条以上"),
        ("预计用餐人次可达4500;", "≥", "4500", "", "可达4500"),
        ("2021年金融街街道办事处预算支出39985.49万元", "=", "39985.49", "万元", "39985.49万元"),
        ("共20辆车每日费用为11782.54元。", None, None, None, None),
        ("面积约为1,050,000.00平米", "≈", "1050000.00", "平米", "约为1,050,000.00平米"),
        ("面积约19.3㎡。", "≈", "19.3", "㎡", "约19.3㎡"),
        ("工程验收合格率100%；", "=", "100", "%", "100%"),
        ("超支不超过5%（planted）", "≤", "5", "%", "不超过5%"),
        ("处理时间在3天以内（planted）", "≤", "3", "天", "3天以内"),
        ("投诉率在2%以下（planted）", "≤", "2", "%", "2%以下"),
        ("服务人数300人左右（planted）", "≈", "300", "人", "300人左右"),
        ("全年至少10个敏感日", "≥", "10", "个", "至少10个"),
        ("超过128全彩色光束模式效果", "≥", "128", "", "超过128"),
        ("完成率达到１００％（planted, full-width）", "≥", "100", "%", "达到１００％"),
    ],
)
def test_quantities_read(text: str, op: str | None, value: str | None, unit: str | None,
                         raw: str | None) -> None:
    if op is None:
        return
    q = _one(text)
    assert (q.op, q.value, q.unit, q.raw) == (op, Decimal(value or "0"), unit, raw)
    assert text[q.span[0]:q.span[1]] == raw


def test_multiplied_and_two_in_a_row() -> None:
    assert _triples("社区馆不低于2000册。合计1.2万册") == [("≥", Decimal(2000), "册"), ("=", Decimal(12000), "册")]
    assert str(extract_quantities("合计1.2万册")[0].value) == "12000"
    assert _triples("非机动车停放区2万余平米，4万个停车位") == [
        ("≥", Decimal(20000), "平米"), ("=", Decimal(40000), "个")]
    assert _triples("为服务辖区6万多居民") == [("≥", Decimal(60000), "")]


def test_ranges() -> None:
    q = _one("每年根据不同时段的宣传内容更换6-8次。")
    assert (q.op, q.value, q.value_hi, q.unit, q.raw) == ("range", 6, 8, "次", "6-8次")
    assert q.is_range and q.high == 8
    assert _one("平均每月组织各种形式的中心组学习1-2次").value_hi == 2
    assert _one("开展丰富多彩的文艺演出及文化惠民活动6-7场。").unit == "场"
    assert _one("组织牛街传统文化进清真寺活动5-8次").value == 5
    reversed_range = _one("开展讲座10-8次（planted）")
    assert (reversed_range.value, reversed_range.value_hi) == (10, 8)
    assert _one("每年开展6～8次（planted）").value_hi == 8
    assert _one("覆盖率50%-60%（planted）").unit == "%"


@pytest.mark.parametrize(
    "text",
    [
        # list markers
        "1、城市管理和环境建设", "（2）北片物业管理", "3.支持基层党组织", "1）根据中共北京市委组织部",
        "①高清显示系统升级改造。", "2．提升基层党组织党建工作", "8建设书香牛街",
        # years, ordinals
        "落实2021年环境建设任务", "开展2021年事业单位公开招聘", "2019-2021年三年行动（planted）",
        "筹备召开第十五届民族团结进步表彰大会", "推动建设第二批技防门禁系统", "完成第3批改造（planted）",
        "全国第七次人口普查工作",
        # house, building and line numbers
        "将砖塔80-84号院落打造成精品四合院", "宏汇园17-19号楼；", "对法源寺3、4、5号楼进行环境整治",
        "羊肉胡同120号院", "宣西大街101、103、105号楼", "1号线单圈", "新2号线",
        # dates and times
        "3.1、6.4、7.5、10.28等重大敏感日", "七一至国庆期间组织观看专题党员教育片", "6月30日前完成（planted）",
        "整套LED显示屏采用21:9的比例", "每天8:30开放（planted）",
        # anniversaries, identifiers, bare numbers
        "以优异成绩庆祝建党100周年", "民康社区。（金苑小区F4D座）", "狠抓12345市民热线接诉即办",
        "健全完善纵向协同的“321”工作模式", "在设备间内配置2台600*800*2000机柜",
        "还可以在高清数字电影播放时组建7.1声道音频",
    ],
)
def test_not_quantities(text: str) -> None:
    kept = [q for q in extract_quantities(text) if q.unit not in ("台",)]
    assert kept == [], f"{text!r} -> {kept}"


def test_unit_prices_are_prices_not_amounts() -> None:
    q = _one("单程12元/公里/辆")
    assert (q.value, q.unit, q.base_unit) == (12, "元/公里/辆", "元")
    assert q.is_price and not q.is_money and q.amount_wan() is None
    q = _one("人均400元/人的标准（planted）")
    assert q.is_price and q.unit == "元/人"
    rate = _one("社区馆不低于6场/个(2个社区馆)".replace("(2个社区馆)", ""))
    assert rate.is_per_unit and not rate.is_price and rate.base_unit == "场"
    plain = _one("执行基层党组织年人均不低于400元的党员活动经费管理")
    assert plain.is_money and not plain.is_price and plain.op == "≥"


def test_money_in_wan() -> None:
    assert _one("预算支出39985.49万元").amount_wan() == Decimal("39985.49")
    assert _one("购置设备12.5万元").unit == "万元"
    assert _one("总投资3亿元（planted）").amount_wan() == Decimal(30000)
    assert _one("共20辆车每日费用为11782.54元。".replace("共20辆车", "")).amount_wan() == Decimal("1.178254")


def test_a_whole_paragraph_of_the_reference() -> None:
    text = ("（2）聘用安保人员136名，其中2个派出所各25名，执法小分队5名，京畿道幼儿园6名，反恐应急队50名，"
            "办公场所14名，地区消防队11名。")
    assert [(q.value, q.unit) for q in extract_quantities(text)] == [
        (136, "名"), (2, "个"), (25, "名"), (5, "名"), (6, "名"), (50, "名"), (14, "名"), (11, "名")]
    text = "1号线单圈3.8公里，每日60圈；新2号线单圈5.6公里，每日90圈；3号线单圈4.6公里，每日20圈；"
    assert [(q.value, q.unit) for q in extract_quantities(text)] == [
        (Decimal("3.8"), "公里"), (60, "圈"), (Decimal("5.6"), "公里"), (90, "圈"), (Decimal("4.6"), "公里"),
        (20, "圈")]


def test_spans_point_into_the_text() -> None:
    text = "1、开展活动不少于 4 场；\n2、覆盖 30 名居民。"
    for q in extract_quantities(text):
        assert text[q.span[0]:q.span[1]] == q.raw
    assert [q.raw for q in extract_quantities(text)] == ["不少于 4 场", "30 名"]


def test_empty_and_digitless() -> None:
    assert extract_quantities("") == []
    assert extract_quantities("协调做好政策落地，扎实完成协税护税工作。") == []


def test_unit_at() -> None:
    assert unit_at("30名保安", 2) == "名"
    assert unit_at("8建设书香牛街", 1) is None
    assert unit_at("3号楼", 1) == "号楼"
