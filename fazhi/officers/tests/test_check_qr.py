"""A 执法证 check result carries a QR code that opens the same result (issue 19.6)."""

from __future__ import annotations

import pytest

from fazhi.officers.tests.test_views import live  # noqa: F401 (fixture)


@pytest.mark.django_db
def test_certificate_check_result_has_a_qr_code(client, staff, live):  # noqa: F811
    text = client.get("/officers/check/?number=1200009900001").content.decode()
    assert 'class="qr"' in text and "/officers/check/?number=1200009900001" in text
    assert 'class="qr"' not in client.get("/officers/check/?number=0000").content.decode()
