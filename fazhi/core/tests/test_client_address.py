"""X-Forwarded-For is believed only from configured proxies (issue 18 item 7)."""

from __future__ import annotations

import pytest
from django.test import override_settings

from fazhi.accounts.tests.factories import make_user
from fazhi.core.domain import client_address
from fazhi.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def _login_failure_ip(client, **headers) -> str | None:
    client.post("/staff/accounts/login/", {"username": "nobody", "password": "wrong"}, **headers)
    return AuditEvent.objects.order_by("-seq").values_list("ip", flat=True).first()


def test_doctests():
    import doctest

    assert doctest.testmod(client_address).failed == 0


def test_forwarded_for_from_an_untrusted_peer_is_ignored(client, settings):
    settings.FAZHI = {**settings.FAZHI, "TRUSTED_PROXIES": []}
    ip = _login_failure_ip(client, REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert ip == "203.0.113.5"


def test_forwarded_for_from_a_trusted_proxy_names_the_client(client, settings):
    settings.FAZHI = {**settings.FAZHI, "TRUSTED_PROXIES": ["127.0.0.1/32"]}
    ip = _login_failure_ip(
        client, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.7"
    )
    assert ip == "198.51.100.7"  # the spoofed first hop is not believed


@pytest.mark.parametrize("garbage", ["not-an-ip", "'; DROP TABLE x; --", "999.1.1.1", ""])
def test_garbage_forwarded_for_never_reaches_the_database(client, settings, garbage):
    # before: 'not-an-ip' was stored as the client and PostgreSQL's inet column answered 500
    settings.FAZHI = {**settings.FAZHI, "TRUSTED_PROXIES": ["127.0.0.1/32"]}
    ip = _login_failure_ip(client, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=garbage)
    assert ip == "127.0.0.1"


def test_request_to_a_logged_in_page_with_garbage_header_is_not_a_500(client, settings, org_tree):
    settings.FAZHI = {**settings.FAZHI, "TRUSTED_PROXIES": ["0.0.0.0/0"]}
    make_user("u1", unit=org_tree["fagui"], roles=["法规处工作人员"], password="pw-123456!")
    response = client.post(
        "/staff/accounts/login/",
        {"username": "u1", "password": "pw-123456!"},
        HTTP_X_FORWARDED_FOR="not-an-ip",
    )
    assert response.status_code in (200, 302)


@override_settings(
    FAZHI={"OFFICERS_CHECK_LIMIT": 2, "OFFICERS_CHECK_WINDOW_MINUTES": 10, "TRUSTED_PROXIES": []}
)
def test_per_address_limit_is_not_bypassed_by_a_new_header_each_request(client):
    codes = [
        client.get(
            "/officers/check/?number=1200009900001", HTTP_X_FORWARDED_FOR=f"10.9.0.{n}"
        ).status_code
        for n in range(4)
    ]
    assert 429 not in codes[:2]
    assert codes[2:] == [429, 429]


def test_default_trusts_only_a_proxy_on_the_same_host(client):
    # FAZHI_TRUSTED_PROXIES defaults to loopback: nginx on this host
    assert (
        _login_failure_ip(client, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
        == "198.51.100.7"
    )
    assert (
        _login_failure_ip(client, REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="198.51.100.7")
        == "203.0.113.5"
    )
