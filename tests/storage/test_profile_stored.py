"""The rule profile a form is checked with survives the database (spec/profiles.md: a form stores
the id and the content hash of its profile), on SQLite and on PostgreSQL."""

from __future__ import annotations

from jixiao_desktop.domain.checks import run_checks
from jixiao_desktop.domain.model import Form
from jixiao_desktop.domain.profiles import ProfileRef, get_profile
from jixiao_desktop.storage.repository import FormRepository
from tests.domain.test_checks_rules import tabular_form


def test_the_profile_of_a_form_is_stored_and_read_back(repo: FormRepository) -> None:
    form = tabular_form()
    form.indicators[0].items[0].weight = "20"  # weights 90: right in Sichuan, wrong elsewhere
    form.profile = get_profile("sc").ref
    form_id = repo.create(form)
    back: Form = repo.load(form_id).form
    assert back.profile == ProfileRef("sc", get_profile("sc").sha256)
    assert not [f for f in run_checks(back) if f.rule == "items.weights_not_100"]
    back.profile = None  # back to the template's default (tabular-generic): 90 is wrong there
    repo.save(form_id, back)
    again = repo.load(form_id).form
    assert again.profile is None
    assert [f for f in run_checks(again) if f.rule == "items.weights_not_100"]
