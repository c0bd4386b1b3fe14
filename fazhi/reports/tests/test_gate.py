"""The gate on the report's services and on planning's (see fazhi.accounts.testing.gate)."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.accounts.testing.gate import check_gate
from fazhi.accounts.tests.factories import make_user
from fazhi.disputes.services import reconsideration as recon
from fazhi.disputes.tests.conftest import apply
from fazhi.planning.services import principal_appoint
from fazhi.reports import services
from fazhi.reports.models import Report

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(org_tree):
    legal = make_user("legal", unit=org_tree["fagui"], roles=["法规处工作人员"])
    _accepted({"legal": legal, "units": org_tree})  # one 2019 record, so a draft can be made
    return {
        "legal": legal,
        "head": make_user("head", unit=org_tree["bureau"], roles=["局领导"]),
        "officer": make_user("officer", unit=org_tree["district_team"], roles=["执法人员"]),
        "clerk": make_user("clerk", unit=org_tree["district"], roles=["业务处室经办人"]),
        "units": org_tree,
    }


def _accepted(people, name: str = "张三") -> None:
    case = apply(people, applicant_name=name)
    recon.reconsideration_review(
        case=case, outcome="accept", on=date(2019, 3, 25), actor=people["legal"]
    )


def _draft(people) -> Report:
    return services.report_draft(year=2019, layout="default", actor=people["legal"])


def test_report_draft_refresh_edit_send(people):
    check_gate(
        lambda a: services.report_draft(year=2019, layout="seed", actor=a),
        responsible=people["legal"],
        outsiders=[people["officer"], people["head"]],
    )
    report = _draft(people)
    check_gate(
        lambda a: services.report_refresh(report=report, actor=a),
        responsible=people["legal"],
        outsiders=[people["officer"]],
        obj=report,
    )
    check_gate(
        lambda a: services.report_edit_section(
            report=report, section_key="other", paragraphs=["无。"], actor=a
        ),
        responsible=people["legal"],
        outsiders=[people["clerk"], people["head"]],
        obj=report,
    )
    check_gate(
        lambda a: services.report_send_for_comment(report=report, actor=a),
        responsible=people["legal"],
        outsiders=[people["officer"]],
        obj=report,
    )
    check_gate(
        lambda a: services.report_comment(report=report, section_key="other", text="同意", actor=a),
        responsible=people["clerk"],
        outsiders=[],
    )


def test_report_accept_changes_approve_freeze_and_principal_appoint(people):
    check_gate(
        lambda a: principal_appoint(
            org_unit=people["units"]["bureau"], user=people["head"], start=date(2018, 1, 1), actor=a
        ),
        responsible=people["legal"],
        outsiders=[people["officer"], people["head"]],
    )
    report = _draft(people)
    _accepted({"legal": people["legal"], "units": people["units"]}, name="又一人")
    report.figures = {}  # make every figure a change to accept
    report.save()
    services.report_refresh(report=report, actor=people["legal"])
    check_gate(
        lambda a: services.report_accept_changes(report=report, actor=a),
        responsible=people["legal"],
        outsiders=[people["officer"], people["head"]],
        obj=report,
    )
    for section in report.sections:
        services.report_edit_section(
            report=report,
            section_key=section["key"],
            paragraphs=[
                p.replace("〔待填写：", "（").replace("〕", "）") for p in section["paragraphs"]
            ],
            actor=people["legal"],
        )
    check_gate(
        lambda a: services.report_approve(report=report, actor=a),
        responsible=people["head"],
        outsiders=[people["officer"], people["legal"]],
        obj=report,
    )
    check_gate(
        lambda a: services.report_freeze(report=report, actor=a),
        responsible=people["legal"],
        outsiders=[people["officer"], people["head"]],
        obj=report,
    )
