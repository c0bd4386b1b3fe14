"""The seed's own figure on the demo records: 141 accepted 复议 cases in 2019 become 142 in the
draft once one more case is accepted through the disputes service and the change is accepted."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.accounts import scenario
from fazhi.core import demo as core_demo
from fazhi.disputes import demo as disputes_demo
from fazhi.disputes.services import reconsideration as recon
from fazhi.disputes.tests.conftest import apply
from fazhi.reports import services
from fazhi.reports.domain.layouts import displays, render

pytestmark = pytest.mark.django_db

FIGURE = "disputes.reconsideration_accepted"


def _text(report) -> str:
    shown = displays(report.figures)
    return "\n".join(render(p, shown) for s in report.sections for p in s["paragraphs"])


def test_the_demo_draft_says_141_then_142_after_one_more_case(monkeypatch):
    # given: the bureau and the 2019 disputes register of the demo
    monkeypatch.setattr(scenario, "demo_modules", lambda: [core_demo, disputes_demo])
    ctx = scenario.demo_load(today=date(2020, 1, 10))
    legal = ctx.users["fagui"]
    report = services.report_draft(year=2019, layout="seed", actor=legal)
    assert report.figures[FIGURE]["value"] == "141"
    assert "141件" in _text(report)
    # when: one more 2019 application is accepted through the service
    people = {"legal": legal, "units": {"district": ctx.units[disputes_demo.DISTRICTS[0]]}}
    case = apply(
        people,
        applicant_name="王某",
        act_known_on=date(2019, 12, 2),
        received_on=date(2019, 12, 20),
    )
    recon.reconsideration_review(case=case, outcome="accept", on=date(2019, 12, 23), actor=legal)
    changes = services.report_refresh(report=report, actor=legal)
    # then: a difference until accepted, then the text says 142
    assert (FIGURE, "141件", "142件") in changes
    services.report_accept_changes(report=report, actor=legal)
    report.refresh_from_db()
    assert report.figures[FIGURE]["value"] == "142" and "142件" in _text(report)
    assert "141件" not in _text(report)
