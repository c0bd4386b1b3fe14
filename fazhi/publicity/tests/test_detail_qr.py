"""A published decision carries a QR code that opens its public page (issue 19.6)."""

from __future__ import annotations

import pytest

from fazhi.publicity.tests.test_views import _person_published


@pytest.mark.django_db
def test_published_decision_has_a_qr_code(client, in_2019):
    record = _person_published()
    text = client.get(f"/publicity/{record.pk}/").content.decode()
    assert 'class="qr"' in text and f"http://testserver/publicity/{record.pk}/" in text
