"""普法 activity materials downloaded from the evidence store (checked, audited per download, a
changed file refused) and activities published on the public /pufa/ page (cached, paginated)."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from django.core.files.storage import storages
from django.test import Client

from fazhi.accounts.testing.gate import check_gate
from fazhi.core.domain.errors import Refused
from fazhi.core.models import AuditEvent, CustodyEntry
from fazhi.core.services.evidence import EvidenceTampered
from fazhi.core.tests.test_services_evidence import _png
from fazhi.education import services
from fazhi.education.models import Activity, ActivityMaterial

pytestmark = pytest.mark.django_db


def _activity(people, title="2019年宪法宣传周", on=date(2019, 12, 2), **extra):
    return services.activity_record(
        kind="constitution_week" if "宪法" in title else "case_explained",
        title=title,
        org_unit=people["units"]["bureau"],
        starts_on=on,
        ends_on=date(2019, 12, 8) if "宪法" in title else None,
        audience="用人单位和劳动者",
        actor=people["legal"],
        **extra,
    )


def _attach(people, activity, kind="photo", data=None, name="现场.png"):
    return services.activity_attach(
        activity=activity,
        fileobj=BytesIO(data if data is not None else _png()),
        original_name=name,
        kind=kind,
        caption=f"{activity.title}{kind}",
        actor=people["legal"],
    )


def _login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _tamper(material) -> None:
    path = storages["evidence"].path(material.evidence.storage_name)
    with open(path, "r+b") as fh:
        fh.seek(20)
        fh.write(b"\x00changed\x00")


def test_material_download_is_gated_checked_and_audited_per_download(people):
    activity = _activity(people)
    material = _attach(people, activity, kind="material", data=b"%PDF-1.4 notice", name="通知.pdf")
    stream = check_gate(
        lambda a: services.material_open(material=material, actor=a),
        responsible=people["legal"],
        outsiders=[people["officer"], people["clerk"]],
    )
    assert stream.read() == b"%PDF-1.4 notice"
    stream.close()
    # the page: two downloads, two custody entries and two audit events
    opens = AuditEvent.objects.filter(action="core.evidence.open")
    before = opens.count()
    url = f"/staff/education/activities/{activity.pk}/materials/{material.pk}/"
    staff = _login(people["legal"])
    for _ in range(2):
        response = staff.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == b"%PDF-1.4 notice"
        assert "attachment" in response["Content-Disposition"]
    assert opens.count() == before + 2
    # the ingest, the gate's download and the page's two
    assert CustodyEntry.objects.filter(evidence=material.evidence).count() == 4
    assert _login(people["officer"]).get(url).status_code == 403
    # a material of another activity is not reached through this one
    other = _activity(people, title="法律法规宣传月", on=date(2019, 9, 1))
    assert (
        staff.get(f"/staff/education/activities/{other.pk}/materials/{material.pk}/").status_code
        == 404
    )


def test_a_changed_file_is_refused_and_the_failure_audited(people):
    activity = _activity(people)
    photo = _attach(people, activity)
    _tamper(photo)
    custody = CustodyEntry.objects.filter(evidence=photo.evidence).count()
    with pytest.raises(EvidenceTampered):
        services.material_open(material=photo, actor=people["legal"])
    response = _login(people["legal"]).get(
        f"/staff/education/activities/{activity.pk}/materials/{photo.pk}/"
    )
    assert response.status_code == 409 and "完整性校验" in response.content.decode()
    assert CustodyEntry.objects.filter(evidence=photo.evidence).count() == custody  # not opened
    assert AuditEvent.objects.filter(action="core.evidence.integrity_failure").count() == 2
    # nor can it be published
    with pytest.raises(Refused, match="完整性校验"):
        services.activity_publish(activity=activity, photos=[photo], actor=people["legal"])
    activity.refresh_from_db()
    assert activity.published_at is None
    assert not ActivityMaterial.objects.filter(is_public=True).exists()


def test_publish_and_withdraw_gate_and_refusals(people):
    activity = _activity(people)
    photo = _attach(people, activity)
    paper = _attach(people, activity, kind="material", data=b"%PDF-1.4 x", name="a.pdf")
    other_photo = _attach(people, _activity(people, title="旁听庭审", on=date(2019, 6, 1)))
    for wrong in ([paper], [other_photo]):
        with pytest.raises(Refused, match="只能公开本活动的照片"):
            services.activity_publish(activity=activity, photos=wrong, actor=people["legal"])
    with pytest.raises(Refused, match="尚未公开"):
        services.activity_withdraw(activity=activity, actor=people["legal"])
    assert Activity.objects.filter(published_at__isnull=False).count() == 0
    published = check_gate(
        lambda a: services.activity_publish(activity=activity, photos=[photo.pk], actor=a),
        responsible=people["legal"],
        outsiders=[people["officer"], people["clerk"]],
        obj=activity,
    )
    assert published.published_at is not None and published.published_by == people["legal"]
    assert list(ActivityMaterial.objects.filter(is_public=True)) == [photo]
    withdrawn = check_gate(
        lambda a: services.activity_withdraw(activity=activity, actor=a),
        responsible=people["legal"],
        outsiders=[people["officer"]],
        obj=activity,
    )
    assert withdrawn.published_at is None
    assert not ActivityMaterial.objects.filter(is_public=True).exists()


def test_public_page_lists_published_activities_fresh_paginated(
    people, public_cache, settings, django_capture_on_commit_callbacks
):
    settings.FAZHI = {**settings.FAZHI, "PORTAL_PAGE_SIZE": 2}
    public = Client()
    hidden = _activity(people, title="未公开的活动", on=date(2019, 3, 1))
    _attach(people, hidden)
    assert "暂无公开的普法活动" in public.get("/pufa/").content.decode()
    assert public.get("/pufa/")["X-Cache"] == "hit"

    week = _activity(people)
    shown = _png()
    photo, _ = _attach(people, week, data=shown), _attach(people, week, name="第二张.png")
    with django_capture_on_commit_callbacks(execute=True):
        services.activity_publish(activity=week, photos=[photo], actor=people["legal"])
    html = public.get("/pufa/").content.decode()  # the next request, not the cached page
    assert "2019年宪法宣传周" in html and "2019年12月2日至2019年12月8日" in html
    assert "· 宪法宣传周 ·" in html
    assert "用人单位和劳动者" in html and f"主办：{people['units']['bureau'].name}" in html
    assert f"/pufa/photos/{photo.pk}/" in html and html.count("<img") == 1
    assert "未公开的活动" not in html
    image = public.get(f"/pufa/photos/{photo.pk}/")
    assert image.status_code == 200 and b"".join(image.streaming_content) == shown
    assert public.get(f"/pufa/photos/{photo.pk + 1}/").status_code == 404  # not chosen

    for n in range(2):
        extra = _activity(people, title=f"以案释法{n}", on=date(2019, 5, 1 + n))
        with django_capture_on_commit_callbacks(execute=True):
            services.activity_publish(activity=extra, photos=[], actor=people["legal"])
    first = public.get("/pufa/").content.decode()
    assert "2019年宪法宣传周" in first and "以案释法1" in first and "以案释法0" not in first
    assert "第 1/2 页" in first
    assert "以案释法0" in public.get("/pufa/?page=2").content.decode()

    _tamper(photo)  # a changed photo is not served to the public
    assert public.get(f"/pufa/photos/{photo.pk}/").status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        services.activity_withdraw(activity=week, actor=people["legal"])
    assert "2019年宪法宣传周" not in public.get("/pufa/").content.decode()
    assert public.get(f"/pufa/photos/{photo.pk}/").status_code == 404
