"""A refused step keeps what was typed (issue 19.3): the 笔录 form comes back open with the
place, the long summary, the kind, the date and the officers ticked, the message beside it, a
note that chosen files must be chosen again, and nothing written."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from fazhi.core.models import AuditEvent
from fazhi.enforcement.tests.conftest import filed_case

pytestmark = pytest.mark.django_db

SUMMARY = "询问当事人单位人事负责人，了解加班安排与工资支付情况。" * 6  # ~160 characters


def test_a_refused_record_keeps_the_input(client, world):
    case = filed_case(world)
    before = AuditEvent.objects.count()
    client.force_login(world["users"]["a"])
    officer = world["officers"]["a"]
    response = client.post(
        reverse("enforcement:case_action", args=[case.pk, "act"]),
        {
            "version": case.version,
            "kind": "interview",
            "on": "2019-03-08",
            "place": "和平区南京路100号",
            "summary": SUMMARY,
            "officers": [officer.pk],  # one officer: refused (2019: 第三十七条, two are required)
            "files": SimpleUploadedFile("询问笔录.pdf", b"%PDF-1.4 test", "application/pdf"),
        },
    )
    page = response.content.decode()
    assert response.status_code == 200 and "第三十七条" in page
    assert 'role="alert" id="step-error"' in page and "所选的 1 个文件未保存" in page
    assert 'value="和平区南京路100号"' in page and f">{SUMMARY}</textarea>" in page
    assert 'value="2019-03-08"' in page and 'value="interview" selected' in page
    assert f'value="{officer.pk}" checked' in page
    assert '{% if failed == "act" or status == "filed" %}' not in page
    assert AuditEvent.objects.count() == before


def test_the_page_without_a_refusal_is_as_before(client, world):
    case = filed_case(world)
    client.force_login(world["users"]["a"])
    page = client.get(reverse("enforcement:case_detail", args=[case.pk])).content.decode()
    assert 'id="step-error"' not in page and "未办理" not in page
    assert '<input name="place" value="">' in page
