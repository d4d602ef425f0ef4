"""Rule profiles as data (spec/profiles.md): the file format, its Chinese errors, the built-ins,
and how a form stores the profile it is checked with."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from jixiao_desktop.domain import exchange
from jixiao_desktop.domain.model import TEMPLATE_BJ_2021, TEMPLATE_TABULAR, Form
from jixiao_desktop.domain.profiles import (
    ProfileError,
    ProfileRef,
    builtin_profiles,
    default_profile_id,
    get_profile,
    load_profile_file,
    parse_profile,
    profile_for_form,
    register_profile,
    resolve_profile,
    unregister_profile,
)

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures"


def minimal(**fields: object) -> str:
    doc: dict[str, object] = {"format": "jixiao-profile", "format_version": 1, "id": "xx-test", "name": "测试方案"}
    doc.update(fields)
    return json.dumps(doc, ensure_ascii=False)


def test_a_minimal_file_means_beijing_rules() -> None:
    p = parse_profile(minimal(), "test.profile.json")
    bj = get_profile("bj-2021")
    assert p.weights.total == bj.weights.total == Decimal(100)
    assert p.satisfaction_min == bj.satisfaction_min == Decimal(90)
    assert p.amount_unit == "万元" and p.amount_decimals == 2
    assert p.operators.required and p.operators.ranges_allowed
    assert [c.kind for c in p.framework.categories] == ["output", "outcome", "satisfaction"]
    assert p.scoring.budget_points == 10 and p.scoring.indicator_points == 90
    assert len(p.sha256) == 64


def test_the_hash_is_of_the_file_content() -> None:
    a = parse_profile(minimal(), "a")
    b = parse_profile(minimal(satisfaction_min=95), "a")
    assert a.sha256 != b.sha256 and a != b
    assert parse_profile(minimal(), "other name") == a


@pytest.mark.parametrize(("fields", "field"), [
    ({"weights": {"total": "九十"}}, "weights.total"),
    ({"weights": {"total": 90, "reserved": [{"name": "预算执行率", "weight": 20}]}}, "weights.reserved"),
    ({"amount_unit": "千元"}, "amount_unit"),
    ({"operators": {"required": "yes"}}, "operators.required"),
    ({"rules": {"funds.precison": "info"}}, "rules.funds.precison"),
    ({"rules": {"funds.precision": "ignore"}}, "rules.funds.precision"),
    ({"columns": [{"key": "level9", "label": "九级"}]}, "columns[0].key"),
    ({"framework": {"categories": [{"name": "产出指标", "kind": "outputs"}]}}, "framework.categories[0].kind"),
    ({"satisfaction_min": 0}, "satisfaction_min"),
    ({"scoring": {"budget_points": 20}}, "scoring.indicator_points"),
    ({"weigths": {}}, "weigths"),
    ({"weights": {"total": 100, "per_level1": {"产出指标": 60, "效益指标": 30}}}, "weights.per_level1"),
    ({"weights": {"total": 100, "per_level1": {"产出": 100}}}, "weights.per_level1.产出"),
    ({"sources": [{"title": "通知", "url": "www.sc.gov.cn"}]}, "sources[0].url"),
])
def test_a_bad_field_is_named_in_chinese(fields: dict[str, object], field: str) -> None:
    with pytest.raises(ProfileError) as info:
        parse_profile(minimal(**fields), "成都.profile.json")
    message = str(info.value)
    assert "成都.profile.json" in message and f"字段 {field}" in message, message


def test_not_json_not_a_profile_newer_version() -> None:
    with pytest.raises(ProfileError, match="不是有效的 JSON"):
        parse_profile("{", "x.json")
    with pytest.raises(ProfileError, match="字段 format"):
        parse_profile(json.dumps({"format": "jixiao-form", "format_version": 1}), "x.json")
    with pytest.raises(ProfileError, match="升级"):
        parse_profile(minimal(format_version=2), "x.json")
    with pytest.raises(ProfileError, match="字段 id"):
        parse_profile(minimal(id="四川"), "x.json")


def test_load_profile_file_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(ProfileError, match="不存在"):
        load_profile_file(tmp_path / "none.profile.json")
    path = tmp_path / "cd.profile.json"
    path.write_text(minimal(id="sc-cd", name="成都市", satisfaction_min="95"), encoding="utf-8")
    p = load_profile_file(path)
    assert p.id == "sc-cd" and p.satisfaction_min == Decimal(95) and str(path) in p.origin


def test_builtins_load_and_each_cites_its_sources() -> None:
    ids = [p.id for p in builtin_profiles()]
    assert ids[:2] == ["bj-2021", "tabular-generic"]
    for p in builtin_profiles():
        assert p.sources, p.id
        assert all(s.title for s in p.sources)


def test_default_profile_by_template() -> None:
    assert default_profile_id(TEMPLATE_BJ_2021) == "bj-2021"
    assert default_profile_id(TEMPLATE_TABULAR) == "tabular-generic"
    assert profile_for_form(Form(template=TEMPLATE_TABULAR)).id == "tabular-generic"


def test_unknown_id_is_a_chinese_error_naming_it() -> None:
    with pytest.raises(ProfileError, match="“gs-2022”"):
        get_profile("gs-2022")
    with pytest.raises(ProfileError, match="“gs-2022”"):
        resolve_profile("gs-2022")


def test_a_registered_profile_is_found_and_a_builtin_id_is_refused() -> None:
    p = parse_profile(minimal(id="sc-cd"), "cd.profile.json")
    register_profile(p)
    try:
        form = Form()
        form.profile = p.ref
        assert profile_for_form(form) is p
    finally:
        unregister_profile("sc-cd")
    with pytest.raises(ProfileError, match="内置"):
        register_profile(parse_profile(minimal(id="bj-2021"), "fake.profile.json"))


def test_the_form_keeps_its_profile_in_the_exchange_file() -> None:
    form = exchange.loads(json.dumps({"format": "jixiao-form", "format_version": 1, "form": {
        "template": "tabular", "year": 2023, "department": "某单位",
        "profile": {"id": "tabular-generic", "sha256": "ab" * 32}}}))
    assert form.profile == ProfileRef("tabular-generic", "ab" * 32)
    again = exchange.loads(exchange.dumps(form))
    assert again.profile == form.profile
    form.profile = None
    assert "profile" not in exchange.dumps(form)


@pytest.mark.parametrize("bad", ['"sc"', '{"id": 5}', '{"id": "四川"}', '{"id": "sc", "sha256": "xyz"}'])
def test_a_bad_profile_key_is_refused_in_chinese(bad: str) -> None:
    text = '{"format": "jixiao-form", "format_version": 1, "form": {"year": 2023, "profile": ' + bad + "}}"
    with pytest.raises(exchange.ExchangeError, match="profile（规则方案）"):
        exchange.loads(text)


@pytest.mark.parametrize("text", [
    "[" * 100_000 + "]" * 100_000,  # nesting beyond the parser
    '{"format": "jixiao-profile", "format_version": 1, "id": "x", "name": "x", "satisfaction_min": NaN}',
    '{"format": "jixiao-profile", "format_version": 1, "id": "x", "name": "x", "satisfaction_min": 1e999999}',
    '{"format": "jixiao-profile", "format_version": 1, "id": "x", "name": "x", "amount_decimals": 99999999999}',
    '{"format": "jixiao-profile", "format_version": true, "id": "x", "name": "x"}',
    '"just a string"',
])
def test_hostile_profile_text_is_one_chinese_error(text: str) -> None:
    with pytest.raises(ProfileError) as info:
        parse_profile(text, "bad.profile.json")
    assert "bad.profile.json" in str(info.value)


def test_bytes_with_bom_and_not_utf8() -> None:
    ok = parse_profile("\ufeff".encode() + minimal().encode("utf-8"), "bom.profile.json")
    assert ok.id == "xx-test"
    with pytest.raises(ProfileError, match="UTF-8"):
        parse_profile(minimal().encode("gbk"), "gbk.profile.json")
