"""The draft names the year's documents with their numbers (issue 24 item 2): a list is a live
figure's records, so a document published after drafting shows as a difference to accept."""

from __future__ import annotations

import pytest

from fazhi.normdocs.domain.states import Stage
from fazhi.normdocs.tests.factories import DAYS, make_document, make_people
from fazhi.reports import services
from fazhi.reports.domain.layouts import displays, render
from fazhi.reports.selectors import pieces

pytestmark = pytest.mark.django_db


def _text(report) -> str:
    shown = displays(report.figures)
    return "\n".join(render(p, shown) for s in report.sections for p in s["paragraphs"])


def test_the_draft_lists_the_documents_published_with_their_numbers(org_tree):
    # given: one normative document published in the year through the services
    people = make_people(org_tree)
    year = DAYS["published"].year
    first = make_document(people, Stage.PUBLISHED, title="就业困难人员认定办法")
    # when
    report = services.report_draft(year=year, layout="default", actor=people["legal"])
    # then: the sentence names it with its 文号, and the list opens the figure's records
    assert first.doc_number
    assert f"{year}年公布的行政规范性文件：《就业困难人员认定办法》（{first.doc_number}）。" in (
        _text(report)
    )
    paragraph = next(
        p for s in report.sections for p in s["paragraphs"] if "normdocs.published:list" in p
    )
    listed = [piece.figure for piece in pieces(paragraph, report.figures) if piece.figure]
    assert listed[0]["key"] == "normdocs.published"
    assert listed[0]["display"].startswith("《就业困难人员认定办法》")
    # a year without decisions says so instead of an empty list
    assert f"{year}年作出的重大行政决策：无。" in _text(report)

    # when: a second document is published after the draft
    second = make_document(people, Stage.PUBLISHED, title="失业保险金申领办法")
    changes = services.report_refresh(report=report, actor=people["legal"])
    # then: a difference to accept, then both are named
    assert ("normdocs.published", "1件", "2件") in changes
    services.report_accept_changes(report=report, actor=people["legal"])
    report.refresh_from_db()
    assert f"《失业保险金申领办法》（{second.doc_number}）" in _text(report)
