"""The public 抽查结果 page: 50 a page and a search box (issue 19.5 — one page of every result
was 38,000 px tall on a phone)."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.inspections.models import CheckResult
from fazhi.inspections.services import draws
from fazhi.inspections.tests.conftest import BEACON_VALUE, DRAW_DAY, beacon_terms

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(world):
    draw = draws.draw_commit(
        plan=world["plan"], on=DRAW_DAY, actor=world["manager"], **beacon_terms()
    )
    draw = draws.draw_execute(draw=draw, actor=world["manager"], beacon=BEACON_VALUE)
    checks = list(draw.checks.order_by("index"))
    for check in checks:
        CheckResult.objects.create(
            check_record=check,
            outcome="no_problem",
            checked_on=date(2019, 5, 20),
            published_on=date(2019, 5, 30),
        )
    return checks


def test_search_finds_by_name_and_code(client, published):
    one = published[0]
    page = client.get("/inspections/results/", {"q": one.uscc}).content.decode()
    assert one.employer_name in page and "共 1 件" in page
    others = [c for c in published[1:] if c.employer_name != one.employer_name]
    assert all(c.uscc not in page for c in others)
    page = client.get("/inspections/results/", {"q": "不存在的单位名"}).content.decode()
    assert "没有与“不存在的单位名”相符的抽查结果" in page


def test_fifty_a_page(client, published, monkeypatch):
    from fazhi.core.selectors import paging

    monkeypatch.setattr(paging.bounded_page, "__kwdefaults__", {"page": 1, "size": 2})
    first = client.get("/inspections/results/").content.decode()
    assert first.count("<tr><td>") == 2 and 'rel="next"' in first
    second = client.get("/inspections/results/", {"page": "2"}).content.decode()
    assert second.count("<tr><td>") == min(2, len(published) - 2) and 'rel="prev"' in second


def test_page_size_is_fifty():
    from fazhi.core.selectors.paging import PAGE_SIZE

    assert PAGE_SIZE == 50
