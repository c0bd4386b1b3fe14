"""Holiday data entered in the admin goes through the services (and so into the audit chain)."""

from datetime import date

import pytest
from django.urls import reverse

from fazhi.accounts.models import User
from fazhi.core.models import AuditEvent, CalendarYear, HolidayOverride


@pytest.fixture
def admin_client(client, db):
    user = User.objects.create_superuser("root", password="pass-Word-123")
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_adding_a_day_in_the_admin_is_audited(admin_client):
    response = admin_client.post(
        reverse("admin:core_holidayoverride_add"),
        {"day": "2025-10-09", "is_off_day": "on", "name": "本地调整", "source": "市政府通知"},
    )
    assert response.status_code == 302
    assert HolidayOverride.objects.get().day == date(2025, 10, 9)
    event = AuditEvent.objects.get(action="core.holiday_override.set")
    assert event.actor_label == "root"


@pytest.mark.django_db
def test_declaring_an_empty_year_in_the_admin_is_refused(admin_client):
    response = admin_client.post(
        reverse("admin:core_calendaryear_add"), {"year": "2030", "source": "国办发明电", "note": ""}
    )
    assert response.status_code == 200
    assert "2030年尚未录入" in response.content.decode()
    assert not CalendarYear.objects.exists()
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_deadlines_are_read_only_in_the_admin(admin_client):
    assert admin_client.get(reverse("admin:core_deadline_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:core_deadline_add")).status_code == 403
