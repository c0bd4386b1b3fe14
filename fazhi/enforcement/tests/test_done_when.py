"""The issue's "done when": an inspector takes a wage-arrears complaint (CF-JC-26) from
acceptance to a served, paid and archived decision with two certified officers, the proposed
range and a legal review. Wage arrears end in 加付赔偿金 (劳动保障监察条例 第二十六条), paid to the
workers after a 责令支付 went unheeded: not a 罚款 (issue 17 item 3)."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command

from fazhi.core.models import AuditEvent, Deadline
from fazhi.enforcement.services import cases as intake
from fazhi.enforcement.services import cases_acts as acts
from fazhi.enforcement.services import cases_archive as archive
from fazhi.enforcement.services import cases_decision as decision
from fazhi.enforcement.services import cases_execution as execution
from fazhi.enforcement.testing import on_day
from fazhi.enforcement.tests.conftest import FACTS, PNG, SEVEN_OK, decide, register, two

pytestmark = pytest.mark.django_db


def test_wage_arrears_complaint_to_archived_paid_decision(world, tmp_path):
    u, officers = world["users"], two(world)
    # 投诉 received, accepted within 5 working days, 立案 with the leader's approval
    case = register(
        world,
        power_item=world["items"]["CF-JC-26"],
        violation_code="lsi-26",
        cause="拖欠劳动者工资",
    )
    assert Deadline.objects.get(
        subject_id=str(case.pk), rule_code="labor_inspection.complaint_acceptance"
    )
    case = intake.case_accept(case=case, on=date(2019, 3, 6), actor=u["a"])
    case = intake.case_file(
        case=case, on=date(2019, 3, 6), approver=u["leader"], officers=officers, actor=u["a"]
    )
    investigation = Deadline.objects.get(
        subject_id=str(case.pk), rule_code="labor_inspection.investigation"
    )
    # investigation with two certified officers, evidence in the store
    acts.case_record_act(
        case=case,
        kind="inspection",
        on=date(2019, 3, 8),
        officers=officers,
        summary="现场检查：工资台账显示2019年1-2月工资未发",
        actor=u["a"],
        uploads=[(io.BytesIO(PNG), "工资台账.png")],
    )
    acts.case_record_act(
        case=case,
        kind="interview",
        on=date(2019, 3, 11),
        officers=officers,
        summary="询问法定代表人，承认拖欠12名劳动者工资86000元",
        actor=u["b"],
    )
    order = acts.case_order_correction(
        case=case,
        on=date(2019, 3, 11),
        due_on=date(2019, 3, 18),
        items="限期支付拖欠的工资86000元",
        officers=officers,
        actor=u["a"],
        pay=True,
    )
    acts.case_order_followup(
        order=order,
        on=date(2019, 3, 19),
        complied=False,
        officers=officers,
        summary="逾期未支付",
        actor=u["a"],
    )
    # 告知 with the benchmark's proposed range: 加付赔偿金 of 0.5–0.6 × 86000元
    case = decision.case_notify(
        case=case,
        on=date(2019, 3, 20),
        outcome="penalty",
        fine=Decimal("45000"),
        text="拖欠12名劳动者工资86000元，逾期未支付。",
        facts={**FACTS, "amount": "86000"},
        actor=u["a"],
    )
    assert (case.proposal["min_amount"], case.proposal["max_amount"]) == ("43000.00", "51600.00")
    assert (case.sanction, case.proposed_fine, case.proposed_compensation) == (
        "compensation",
        0,
        Decimal("45000"),
    )
    assert not case.hearing_reasons  # not a 罚款: no 较大数额罚款 hearing right
    # 法制审核 (large fine), by a reviewer who did not investigate
    decision.case_review_submit(case=case, on=date(2019, 3, 28), actor=u["a"])
    review = decision.case_review(
        case=case,
        on=date(2019, 3, 29),
        points=SEVEN_OK,
        opinion="agree",
        comments="",
        actor=u["reviewer"],
    )
    assert review.opinion == "agree"
    # decision with its number, in the range
    with on_day(date(2019, 4, 1)):  # entered the day it was made: the clock is met
        case = decide(
            case=case,
            on=date(2019, 4, 1),
            outcome="penalty",
            fine=Decimal("45000"),
            text="责令加付赔偿金45000元。",
            actor=u["leader"],
        )
    assert case.decision_number == "津人社监罚〔2019〕1号"
    assert (case.fine, case.compensation, case.decided_by) == (0, Decimal("45000"), u["leader"])
    investigation.refresh_from_db()
    assert investigation.status == "met"
    # served, paid, closed, archived
    case = execution.case_serve(
        case=case, on=date(2019, 4, 2), method="direct", recipient="法定代表人李四", actor=u["a"]
    )
    assert case.payment_due == date(2019, 4, 17)
    case = execution.case_pay(case=case, on=date(2019, 4, 10), actor=u["a"])
    assert case.surcharge == 0
    case = execution.case_close(case=case, on=date(2019, 4, 12), note="已缴纳", actor=u["a"])
    case = execution.case_archive(case=case, on=date(2019, 4, 15), actor=u["a"])
    assert case.status == "archived" and len(case.archive_sha256) == 64
    verbs = list(
        AuditEvent.objects.filter(
            target_type="enforcement.case", target_id=str(case.pk)
        ).values_list("action", flat=True)
    )
    assert verbs == [
        f"enforcement.case.{v}"
        for v in (
            "register",
            "accept",
            "file",
            "act",
            "act",
            "order",
            "order_followup",
            "notify",
            "review_submit",
            "review",
            "propose",
            "decide",
            "serve",
            "pay",
            "close",
            "archive",
        )
    ]
    # the whole case file exports and verifies
    path = tmp_path / "case.zip"
    with path.open("wb") as out:
        manifest = archive.case_export(case=case, actor=u["a"], out=out)
    assert manifest["case_file_sha256"] == case.archive_sha256
    with zipfile.ZipFile(path) as z:
        names = set(z.namelist())
        assert {"records.docx", "manifest.json", "documents/decision.docx"} <= names
        assert json.loads(z.read("manifest.json"))["case"] == case.reference
    call_command("evidence", "verify", "--archive", str(path))
