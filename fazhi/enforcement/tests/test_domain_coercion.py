"""17.12: labour inspection is not offered, and may not record, 查封、扣押 — only the coercive
measures each power item's basis grants (行政强制法 第十条; 劳动保障监察条例 第十五条)."""

from __future__ import annotations

import doctest
from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse

from fazhi.accounts.testing.gate import assert_refused
from fazhi.core.domain.errors import Refused
from fazhi.enforcement.domain import coercion
from fazhi.enforcement.services import cases_acts as acts
from fazhi.enforcement.tests.conftest import WAV, filed_case, two


def test_docstring_examples():
    result = doctest.testmod(coercion)
    assert result.attempted > 0 and result.failed == 0


def test_a_grant_names_only_coercive_measures_and_its_article():
    with pytest.raises(ValueError, match="只能授予行政强制措施"):
        coercion.grants_from_setting({"X": {"measures": ["inspection"], "basis": "某法"}})
    with pytest.raises(ValueError, match="须写明"):
        coercion.grants_from_setting({"X": {"measures": ["seizure"], "basis": ""}})


def _seize(world, case, actor):
    return acts.case_record_act(
        case=case,
        kind="seizure",
        on=date(2019, 3, 8),
        summary="扣押账册",
        officers=two(world),
        actor=actor,
        uploads=[(BytesIO(WAV), "录音.wav")],
    )


@pytest.mark.django_db
def test_labour_inspection_cannot_seize(world):
    case = filed_case(world)
    assert_refused(lambda u: _seize(world, case, u), world["users"]["a"], obj=case)
    with pytest.raises(Refused) as exc:
        _seize(world, case, world["users"]["a"])
    assert exc.value.code == "coercion_not_granted"
    assert "《劳动保障监察条例》第十五条" in str(exc.value)


@pytest.mark.django_db
def test_the_case_page_offers_only_granted_measures(client, world, settings):
    case = filed_case(world)
    client.force_login(world["users"]["a"])
    url = reverse("enforcement:case_detail", args=[case.pk])
    page = client.get(url).content.decode()
    assert 'value="inspection"' in page and 'value="seizure"' not in page
    grant = {case.power_item.code: {"measures": ["seizure"], "basis": "《某法》第十条"}}
    settings.FAZHI = {**settings.FAZHI, "ENFORCEMENT_COERCION_GRANTS": grant}
    assert 'value="seizure"' in client.get(url).content.decode()
    assert 'value="onsite_coercion"' not in client.get(url).content.decode()
    act = _seize(world, case, world["users"]["a"])  # and the service accepts it
    assert act.kind == "seizure"
