"""The gate on every disputes write service: anonymous, another unit's officer and a role without
the right are refused with nothing written; 法规处 (复议、应诉 are centralised there), 局领导 and
系统管理员 act. The public may apply online without an account (行政复议法（2023）第二十二条)."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.accounts.testing.gate import check_gate, row_counts
from fazhi.accounts.tests.factories import make_user
from fazhi.disputes.domain.litigation import Instance, Outcome
from fazhi.disputes.domain.reconsideration import DecisionType
from fazhi.disputes.models import ReconsiderationCase
from fazhi.disputes.services import litigation as lit
from fazhi.disputes.services import reconsideration as recon
from fazhi.disputes.tests.conftest import apply

pytestmark = pytest.mark.django_db


@pytest.fixture
def others(people, org_tree):
    return [
        people["outsider"],  # an officer of 和平区
        people["officer"],  # an officer of the bureau's 总队
        make_user("ldgx", unit=org_tree["zongdui"], roles=["业务处室经办人"]),
        make_user("shenhe", unit=org_tree["fagui"], roles=["法制审核人员"]),
    ]


def _steps(case, people):
    legal = people["legal"]
    accept = lambda actor: recon.reconsideration_review(  # noqa: E731
        case=case, outcome="accept", on=date(2019, 3, 25), actor=actor
    )
    return [
        accept,
        lambda actor: recon.reconsideration_send_copy(case=case, on=date(2019, 3, 26), actor=actor),
        lambda actor: recon.reconsideration_reply(case=case, on=date(2019, 4, 3), actor=actor),
        lambda actor: recon.reconsideration_add_record(
            case=case, kind="hearing", on=date(2019, 4, 20), summary="听证", actor=actor
        ),
        lambda actor: recon.reconsideration_extend(
            case=case, approver=people["leader"], reason="案情复杂", actor=actor
        ),
        lambda actor: recon.reconsideration_suspend(
            case=case, on=date(2019, 4, 24), reason="等待鉴定结论", actor=actor
        ),
        lambda actor: recon.reconsideration_resume(case=case, on=date(2019, 6, 3), actor=actor),
        lambda actor: recon.reconsideration_decide(
            case=case, decision=DecisionType.UPHOLD, on=date(2019, 6, 10), actor=actor
        ),
        lambda actor: recon.reconsideration_serve(case=case, on=date(2019, 6, 12), actor=actor),
    ], legal


def test_each_reconsideration_step(people, others):
    case = check_gate(
        lambda actor: apply(people, actor=actor), responsible=people["legal"], outsiders=others
    )
    steps, legal = _steps(case, people)
    for step in steps:
        check_gate(step, responsible=legal, outsiders=others, obj=case)


def test_correction_and_termination(people, others):
    case = apply(people)
    recon.reconsideration_review(
        case=case, outcome="correct", on=date(2019, 3, 21), note="补充材料", actor=people["legal"]
    )
    check_gate(
        lambda actor: recon.reconsideration_corrected(case=case, on=date(2019, 3, 28), actor=actor),
        responsible=people["legal"],
        outsiders=others,
        obj=case,
    )
    recon.reconsideration_review(
        case=case, outcome="accept", on=date(2019, 3, 29), actor=people["legal"]
    )
    check_gate(
        lambda actor: recon.reconsideration_terminate(
            case=case, on=date(2019, 4, 2), reason="申请人撤回申请", actor=actor
        ),
        responsible=people["leader"],
        outsiders=others,
        obj=case,
    )


def test_the_public_applies_online_without_an_account(people):
    case = apply(people, actor=None, handler=None, is_online=True)
    assert case.is_online and ReconsiderationCase.objects.filter(pk=case.pk).exists()


def test_each_litigation_step(people, others):
    legal = people["legal"]
    case = check_gate(
        lambda actor: lit.litigation_register(
            org_unit=people["units"]["zhidui"],
            court="天津市和平区人民法院",
            case_number="（2019）津0101行初12号",
            instance=Instance.FIRST,
            plaintiff="某公司",
            act="劳动保障监察行政处罚决定书",
            claims="撤销处罚决定",
            received_on=date(2019, 4, 1),
            actor=actor,
        ),
        responsible=legal,
        outsiders=others,
    )
    steps = [
        lambda actor: lit.litigation_approve(
            case=case, approver=people["leader"], agent="孙法规", on=date(2019, 4, 3), actor=actor
        ),
        lambda actor: lit.litigation_answer(case=case, on=date(2019, 4, 12), actor=actor),
        lambda actor: lit.litigation_hearing(
            case=case, on=date(2019, 5, 20), head_appeared=True, head_name="钱局长", actor=actor
        ),
        lambda actor: lit.litigation_judge(
            case=case,
            outcome=Outcome.REVOKE,
            served_on=date(2019, 6, 10),
            error_cause="procedure",
            actor=actor,
        ),
        lambda actor: lit.litigation_perform(
            case=case, on=date(2019, 7, 1), note="已重新作出处理决定", actor=actor
        ),
    ]
    for step in steps:
        check_gate(step, responsible=legal, outsiders=others, obj=case)


def test_api_and_pages_refuse_and_write_nothing(client, people, others):
    """Issue 18.1 through both doors: an officer registers nothing and moves no case."""
    payload = {
        "org_unit_id": people["units"]["district"].pk,
        "applicant_name": "张三",
        "respondent": "和平区人社局",
        "act": "工伤认定决定",
        "act_known_on": "2019-03-01",
        "requests": "撤销",
        "received_on": "2019-03-20",
    }
    case = apply(people)
    for user in others:
        client.force_login(user)
        before = row_counts()
        created = client.post(
            "/api/v1/disputes/reconsiderations", payload, content_type="application/json"
        )
        assert created.status_code == 403 and created.json()["code"] == "disputes.handle"
        client.post(
            f"/staff/disputes/reconsiderations/{case.pk}/review/",
            {"outcome": "accept", "on": "2019-03-25"},
        )
        assert row_counts() == before
    assert ReconsiderationCase.objects.get(pk=case.pk).status == case.status


def test_lists_page_one_way(client, people):
    apply(people)
    client.force_login(people["legal"])
    page = client.get("/api/v1/disputes/reconsiderations?limit=1").json()
    assert (page["count"], page["limit"], page["offset"], len(page["results"])) == (1, 1, 0, 1)
    assert client.get("/api/v1/disputes/litigations").json()["count"] == 0
    assert client.get("/api/v1/disputes/reconsiderations?limit=501").status_code == 422
