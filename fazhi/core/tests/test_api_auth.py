"""The API's token auth is core's; the check behind it is registered by accounts (ADR 0009)."""

from django.test import RequestFactory

from fazhi.core.api import auth


def test_accounts_registered_its_token_check_at_start_up():
    assert len(auth._TOKEN_CHECK) == 1
    assert auth._TOKEN_CHECK[0].__module__ == "fazhi.accounts.apps"


def test_without_a_registered_check_no_token_is_accepted(monkeypatch):
    monkeypatch.setattr(auth, "_TOKEN_CHECK", [])
    request = RequestFactory().get("/api/v1/deadlines/mine")
    assert auth.token_auth.authenticate(request, "fz_anything") is None


def test_the_registered_check_decides_and_sets_the_request_user(monkeypatch):
    monkeypatch.setattr(auth, "_TOKEN_CHECK", [])
    seen = []
    auth.register_token_check(lambda key: seen.append(key) or "someone")
    request = RequestFactory().get("/api/v1/deadlines/mine")
    assert auth.token_auth.authenticate(request, " fz_key ") == "someone"
    assert seen == ["fz_key"] and request.user == "someone"
