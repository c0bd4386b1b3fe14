"""The annual report: drafted from the records, figures that follow the records only when
accepted, approval by the head in office, frozen content that no later record changes."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.accounts.testing.gate import assert_refused
from fazhi.accounts.tests.factories import make_user
from fazhi.core.domain.errors import Refused
from fazhi.core.models import AuditEvent, Deadline
from fazhi.disputes.services import reconsideration as recon
from fazhi.disputes.tests.conftest import apply
from fazhi.planning.services import principal_appoint
from fazhi.reports import services
from fazhi.reports.domain.flow import Status
from fazhi.reports.domain.layouts import displays, render
from fazhi.reports.models import Report

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(org_tree):
    return {
        "legal": make_user("legal", unit=org_tree["fagui"], roles=["法规处工作人员"]),
        "head": make_user("head", unit=org_tree["bureau"], roles=["局领导"]),
        "deputy": make_user("deputy", unit=org_tree["bureau"], roles=["局领导"]),
        "officer": make_user("officer", unit=org_tree["zhidui"], roles=["执法人员"]),
        "admin": make_user("sysadmin", unit=org_tree["bureau"], roles=["系统管理员"]),
        "units": org_tree,
    }


def _accepted(people, n: int) -> None:
    for i in range(n):
        case = apply(people, applicant_name=f"申请人{i}", received_on=date(2019, 3, 20 + i))
        recon.reconsideration_review(
            case=case, outcome="accept", on=date(2019, 3, 25 + i), actor=people["legal"]
        )


def _text(report: Report) -> str:
    shown = displays(report.figures)
    return "\n".join(render(p, shown) for s in report.sections for p in s["paragraphs"])


def test_a_draft_states_the_records_and_names_what_is_missing(people):
    # given
    _accepted(people, 3)
    # when
    report = services.report_draft(year=2019, layout="seed", actor=people["legal"])
    # then: the count comes from the register, with its records
    figure = report.figures["disputes.reconsideration_accepted"]
    assert figure["value"] == "3" and len(figure["records"]) == 3
    assert "全年受理行政复议案件3件" in _text(report)
    # a figure the records cannot give says which records are missing, never a number
    pending = report.figures["planning.study_sessions_bureau"]
    assert pending["value"] is None and "第一责任人" in pending["missing"]
    assert "待补" in _text(report)
    # the deadlines: 报送 by 1 March, 公开 by 1 April of the next year
    dues = sorted(
        Deadline.objects.filter(subject_type="reports.report").values_list("due", flat=True)
    )
    assert dues == [date(2020, 3, 1), date(2020, 4, 1)]
    assert AuditEvent.objects.filter(action="reports.report.draft").count() == 1


def test_one_more_case_through_the_service_shows_as_a_difference_then_in_the_text(people):
    # given
    _accepted(people, 3)
    report = services.report_draft(year=2019, layout="default", actor=people["legal"])
    # when: one more 2019 case is accepted through the disputes service
    _accepted(people, 1)
    changes = services.report_refresh(report=report, actor=people["legal"])
    # then: the draft still says 3 until the change is accepted
    report.refresh_from_db()
    assert ("disputes.reconsideration_accepted", "3件", "4件") in changes
    assert "受理行政复议案件3件" in _text(report)
    services.report_accept_changes(report=report, actor=people["legal"])
    report.refresh_from_db()
    assert "受理行政复议案件4件" in _text(report) and report.pending == {}


def test_a_year_without_records_is_refused_and_nothing_is_written(people):
    assert_refused(
        lambda actor: services.report_draft(year=2005, layout="default", actor=actor),
        people["legal"],
    )


def test_only_the_legal_division_drafts(people):
    _accepted(people, 1)
    for outsider in (people["officer"], people["head"], people["admin"]):
        assert_refused(
            lambda actor: services.report_draft(year=2019, layout="default", actor=actor),
            outsider,
        )


def _ready(people) -> Report:
    _accepted(people, 2)
    report = services.report_draft(year=2019, layout="default", actor=people["legal"])
    for section in report.sections:
        services.report_edit_section(
            report=report,
            section_key=section["key"],
            paragraphs=[
                p.replace("〔待填写：", "（").replace("〕", "）") for p in section["paragraphs"]
            ],
            actor=people["legal"],
        )
    report.refresh_from_db()
    return report


def test_the_head_in_office_approves_and_nobody_else(people):
    # given
    principal_appoint(
        org_unit=people["units"]["bureau"],
        user=people["head"],
        start=date(2018, 1, 1),
        actor=people["legal"],
    )
    report = _ready(people)
    # then: a deputy (also 局领导) and the legal division are refused, nothing written
    for other in (people["deputy"], people["legal"]):
        assert_refused(
            lambda actor: services.report_approve(report=report, actor=actor), other, obj=report
        )
    # when
    services.report_approve(report=report, actor=people["head"])
    # then
    report.refresh_from_db()
    assert report.status == Status.APPROVED and report.approved_by == people["head"]


def test_approval_waits_for_the_causes_of_the_shortcomings(people):
    principal_appoint(
        org_unit=people["units"]["bureau"],
        user=people["head"],
        start=date(2018, 1, 1),
        actor=people["legal"],
    )
    _accepted(people, 1)
    report = services.report_draft(year=2019, layout="default", actor=people["legal"])
    with pytest.raises(Refused, match="待填写"):
        services.report_approve(report=report, actor=people["head"])


def test_a_frozen_report_keeps_its_figures_and_refuses_edits(people):
    # given
    principal_appoint(
        org_unit=people["units"]["bureau"],
        user=people["head"],
        start=date(2018, 1, 1),
        actor=people["legal"],
    )
    report = _ready(people)
    services.report_approve(report=report, actor=people["head"])
    services.report_freeze(report=report, actor=people["legal"])
    report.refresh_from_db()
    frozen_hash, frozen_figures = report.content_sha256, report.figures
    # when: the records change
    _accepted(people, 1)
    # then: editing and refreshing are refused, and the report is unchanged
    assert_refused(
        lambda actor: services.report_edit_section(
            report=report, section_key="measures", paragraphs=["改写"], actor=actor
        ),
        people["legal"],
        obj=report,
    )
    assert_refused(
        lambda actor: services.report_refresh(report=report, actor=actor),
        people["legal"],
        obj=report,
    )
    report.refresh_from_db()
    assert report.content_sha256 == frozen_hash and report.figures == frozen_figures
    assert report.figures["disputes.reconsideration_accepted"]["value"] == "2"
