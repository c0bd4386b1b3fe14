"""A withdrawn 公示 shows as withdrawn on the next request, cached pages or not (issue 25)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from fazhi.accounts.permissions import SYSTEM
from fazhi.publicity.testing import publish_on, withdraw_on
from fazhi.publicity.tests.conftest import register

pytestmark = pytest.mark.django_db
REASON = "行政复议决定撤销该处罚决定"


def text(response) -> str:
    if response["Content-Type"].startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode()


def test_a_withdrawal_is_visible_on_the_next_request(
    client, in_2019, public_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        record, _ = register()
        record = publish_on(date(2019, 10, 8), record=record, actor=SYSTEM)
    pages = ("/publicity/", f"/publicity/{record.pk}/", "/api/v1/publicity/records")
    for url in pages:
        assert client.get(url)["X-Cache"] == "miss"
        cached = client.get(url)
        assert cached["X-Cache"] == "hit" and REASON not in text(cached)
    etag = client.get(pages[0])["ETag"]

    with django_capture_on_commit_callbacks(execute=True):
        withdraw_on(date(2019, 12, 2), record=record, reason=REASON, change="撤销", actor=SYSTEM)

    for url in pages:
        fresh = client.get(url)
        assert fresh["X-Cache"] == "miss" and REASON in text(fresh), url
    # A browser holding the old page is not told "not modified".
    assert client.get(pages[0], HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_without_the_bump_the_page_would_be_stale(client, in_2019, public_cache):
    """The test above can fail: a withdrawal whose commit callbacks never ran leaves the old
    page in the cache."""
    record, _ = register()
    record = publish_on(date(2019, 10, 8), record=record, actor=SYSTEM)
    client.get("/publicity/")
    withdraw_on(date(2019, 12, 2), record=record, reason=REASON, change="撤销", actor=SYSTEM)
    stale = client.get("/publicity/")
    assert stale["X-Cache"] == "hit" and REASON not in text(stale)
