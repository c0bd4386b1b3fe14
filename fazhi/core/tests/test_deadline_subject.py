"""Every model that names its pages through DeadlineSubject names URLs that exist."""

import pytest
from django.apps import apps

from fazhi.core.models.subject import DeadlineSubject

SUBJECTS = sorted(
    (m for m in apps.get_models() if issubclass(m, DeadlineSubject)), key=lambda m: m._meta.label
)


def test_the_subjects_are_found():
    assert {m._meta.label for m in SUBJECTS} >= {
        "enforcement.Case",
        "enforcement.ArrearsCase",
        "disputes.ReconsiderationCase",
        "disputes.LitigationCase",
        "publicity.PublicityRecord",
        "normdocs.NormativeDocument",
        "services.LicenseApplication",
    }


@pytest.mark.parametrize("model", SUBJECTS, ids=lambda m: m._meta.label)
def test_the_staff_page_and_list_resolve(model):
    page = model(pk=41).get_absolute_url()
    assert page.startswith("/staff/") and "/41/" in page
    assert model.list_url().startswith("/staff/")
