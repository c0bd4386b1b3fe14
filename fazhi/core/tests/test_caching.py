"""The public-page cache: what is cached, for whom, the conditional GET, and the version bump."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory

from fazhi.core import caching

pytestmark = pytest.mark.django_db


def test_the_portal_home_is_answered_from_the_cache_the_second_time(client, public_cache):
    first = client.get("/")
    second = client.get("/")
    assert first["X-Cache"] == "miss" and second["X-Cache"] == "hit"
    assert first.content == second.content and first["ETag"] == second["ETag"]
    assert second["Cache-Control"] == "no-cache" and "Cookie" in second["Vary"]
    # The outer middleware still run on a cached answer.
    assert second["X-Frame-Options"] == "DENY" and second["X-Request-ID"] != first["X-Request-ID"]


def test_a_browser_revisiting_gets_304(client, public_cache):
    etag = client.get("/")["ETag"]
    again = client.get("/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert client.get("/", HTTP_IF_NONE_MATCH='"other"').status_code == 200
    modified = client.get("/")["Last-Modified"]
    assert client.get("/", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304


def test_the_cache_is_off_unless_switched_on(client):
    assert not client.get("/").has_header("X-Cache")


def test_logged_in_staff_and_api_tokens_are_never_served_from_the_cache(
    client, staff_user, public_cache
):
    client.get("/")
    client.force_login(staff_user)
    assert not client.get("/").has_header("X-Cache")
    token_client = type(client)(HTTP_AUTHORIZATION="Bearer x")
    assert not token_client.get("/").has_header("X-Cache")


def test_staff_pages_and_lookups_are_not_in_the_table():
    assert caching.kinds_for("/staff/") is None
    assert caching.kinds_for("/staff/publicity/") is None
    assert caching.kinds_for("/officers/check/") is None
    assert caching.kinds_for("/services/track/") is None
    assert caching.kinds_for("/disputes/track/") is None
    assert caching.kinds_for("/api/v1/officers/check") is None
    assert caching.kinds_for("/powers/P-1/") == ("powers", "enforcement", "laws")


def _middleware(view):
    return caching.PublicCacheMiddleware(view)


def test_a_page_carrying_a_csrf_token_or_a_cookie_is_not_stored(rf: RequestFactory, public_cache):
    calls = []

    def with_form(request):
        calls.append(1)
        return HttpResponse(f"<input value='{get_token(request)}'>")

    middleware = _middleware(with_form)
    for _ in range(2):
        assert not middleware(rf.get("/publicity/")).has_header("X-Cache")
    assert len(calls) == 2

    def with_cookie(request):
        response = HttpResponse("x")
        response.set_cookie("seen", "1")
        return response

    middleware = _middleware(with_cookie)
    middleware(rf.get("/publicity/"))
    assert not middleware(rf.get("/publicity/")).has_header("X-Cache")


def test_errors_and_requests_with_a_session_are_not_cached(rf: RequestFactory, public_cache):
    calls = []

    def not_found(request):
        calls.append(1)
        return HttpResponse("没有", status=404)

    middleware = _middleware(not_found)
    middleware(rf.get("/publicity/1/"))
    middleware(rf.get("/publicity/1/"))
    assert len(calls) == 2
    ok = _middleware(lambda request: HttpResponse("ok"))
    request = rf.get("/publicity/")
    request.COOKIES["sessionid"] = "abc"
    assert not ok(request).has_header("X-Cache")
    assert not ok(rf.post("/publicity/")).has_header("X-Cache")


def test_the_key_holds_the_query_in_any_order_and_the_day(rf: RequestFactory, monkeypatch):
    from django.utils import timezone

    a = caching.page_key(rf.get("/policies/?q=工伤&kind=law"), ("t",))
    b = caching.page_key(rf.get("/policies/?kind=law&q=工伤"), ("t",))
    c = caching.page_key(rf.get("/policies/?kind=law&q=工伤&page=2"), ("t",))
    assert a == b != c
    assert caching.page_key(rf.get("/policies/"), ("t",)) != caching.page_key(
        rf.get("/policies/"), ("u",)
    )
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: date(2030, 1, 2))
    assert caching.page_key(rf.get("/policies/?q=工伤&kind=law"), ("t",)) != a


def test_bump_gives_a_new_version_on_commit_and_none_on_rollback(
    django_capture_on_commit_callbacks,
):
    before = caching.versions(["publicity"])
    assert caching.versions(["publicity"]) == before  # stable between writes
    with django_capture_on_commit_callbacks(execute=True):
        caching.bump("publicity")
    after = caching.versions(["publicity"])
    assert after != before
    with pytest.raises(RuntimeError), transaction.atomic():
        caching.bump("publicity")
        raise RuntimeError
    assert caching.versions(["publicity"]) == after
    with pytest.raises(ValueError, match="unknown"):
        caching.bump("nope")


def test_a_lost_version_means_a_miss_never_a_stale_hit(client, public_cache):
    client.get("/publicity/")
    caches[caching.VERSIONS_ALIAS].clear()
    assert client.get("/publicity/")["X-Cache"] == "miss"


def test_an_unavailable_cache_serves_uncached_and_a_failed_bump_raises_nothing(
    rf: RequestFactory, public_cache, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise ConnectionError("redis down")

    monkeypatch.setattr(caching, "versions", broken)
    response = _middleware(lambda request: HttpResponse("ok"))(rf.get("/publicity/"))
    assert response.status_code == 200 and not response.has_header("X-Cache")
    store = caches[caching.VERSIONS_ALIAS]
    monkeypatch.setattr(store, "add", broken)
    with django_capture_on_commit_callbacks(execute=True):
        caching.bump("publicity")  # logged, not raised


def test_memo_keeps_a_value_until_its_kind_changes(
    public_cache, django_capture_on_commit_callbacks
):
    calls = []

    def compute():
        calls.append(1)
        return ["人力资源社会保障部"]

    assert caching.memo("laws", "bodies", compute) == ["人力资源社会保障部"]
    assert caching.memo("laws", "bodies", compute) == ["人力资源社会保障部"]
    assert len(calls) == 1
    with django_capture_on_commit_callbacks(execute=True):
        caching.bump("laws")
    caching.memo("laws", "bodies", compute)
    assert len(calls) == 2
