"""A dispute that undoes a published decision withdraws it, with the reason, in the step that
makes the dispute's decision effective (行政处罚法 第四十八条第二款); a refused step writes nothing."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.accounts.permissions import SYSTEM
from fazhi.core.models import AuditEvent, Deadline
from fazhi.disputes.domain.errors import Refused
from fazhi.disputes.domain.litigation import Instance, Outcome
from fazhi.disputes.domain.reconsideration import DecisionType, Status
from fazhi.disputes.services import litigation as lit
from fazhi.disputes.services import reconsideration as recon
from fazhi.disputes.tests.conftest import apply
from fazhi.enforcement.models import Case
from fazhi.enforcement.services.cases import case_register
from fazhi.powers.models import PowerItem
from fazhi.publicity.domain.enums import Kind
from fazhi.publicity.domain.enums import Status as PublicityStatus
from fazhi.publicity.models import PublicityRecord
from fazhi.publicity.services import publicity_register
from fazhi.publicity.testing import on_day, publish_on
from fazhi.publicity.tests.conftest import penalty_data

pytestmark = pytest.mark.django_db
DECIDED = date(2019, 3, 1)  # a Friday
NUMBER = "津人社监罚〔2019〕12号"


@pytest.fixture
def published(people):
    """A penalty case decided on 2019-03-01 and published on 03-05."""
    team = people["units"]["zhidui"]
    item = PowerItem.objects.create(
        code="CF-JC-26",
        kind="penalty",
        org_unit=team,
        name="对克扣或者无故拖欠劳动者工资的行政处罚",
    )
    case = case_register(
        power_item=item,
        org_unit=team,
        source="complaint",
        received_on=date(2019, 1, 7),
        cause="拖欠劳动者工资",
        party_name="天津某建筑工程有限公司",
        party_code="91120000MA05JXXX0X",
        complainant="张三",
        violation_code="lsi-26",
        actor=people["officer"],
    )
    Case.objects.filter(pk=case.pk).update(decision_number=NUMBER)
    record, _ = publicity_register(
        kind=Kind.PENALTY, source=case, data=penalty_data(decided_on=DECIDED), actor=SYSTEM
    )
    record = publish_on(date(2019, 3, 5), record=record, actor=SYSTEM)
    return case, record


def _decided(people, decision, ref, **extra):
    case = apply(people, received_on=date(2019, 3, 20), original_case_ref=ref, **extra)
    case = recon.reconsideration_review(
        case=case, outcome="accept", on=date(2019, 3, 25), actor=people["legal"]
    )
    cause = "facts_unclear" if decision not in (DecisionType.UPHOLD, DecisionType.DISMISS) else ""
    return recon.reconsideration_decide(
        case=case,
        decision=decision,
        on=date(2019, 5, 20),
        actor=people["legal"],
        error_cause=cause,
        detail="罚款数额变更为二千元" if decision == DecisionType.VARY else "",
    )


@pytest.mark.parametrize("by", ["reference", "decision_number"])
def test_a_revoking_reconsideration_withdraws_on_service(people, published, by):
    case, record = published
    ref = case.reference if by == "reference" else NUMBER
    dispute = _decided(people, DecisionType.REVOKE, ref)
    with on_day(date(2019, 5, 22)):
        recon.reconsideration_serve(case=dispute, on=date(2019, 5, 22), actor=people["legal"])
    record.refresh_from_db()
    assert record.status == PublicityStatus.WITHDRAWN
    assert record.withdrawal_change == "撤销" and record.changed_on == date(2019, 5, 22)
    assert record.withdrawal_reason == f"经行政复议（{dispute.reference}），原决定被撤销"
    withdrawal = Deadline.objects.get(
        subject_id=str(record.pk), rule_code__startswith="publicity.withdrawal"
    )
    assert withdrawal.met_on == date(2019, 5, 22) and withdrawal.met_on <= withdrawal.due
    serve = AuditEvent.objects.get(action="disputes.reconsideration.serve")
    assert serve.data["publicity_withdrawn"] == record.pk


def test_an_upholding_decision_leaves_the_publicity_alone(people, published):
    _, record = published
    dispute = _decided(people, DecisionType.UPHOLD, published[0].reference)
    recon.reconsideration_serve(case=dispute, on=date(2019, 5, 22), actor=people["legal"])
    record.refresh_from_db()
    assert record.status == PublicityStatus.PUBLISHED


def test_a_refused_withdrawal_refuses_the_service_and_writes_nothing(people, published):
    _, record = published
    dispute = _decided(people, DecisionType.VARY, published[0].reference)
    # the register says the decision was taken after the dispute's decision: a data error
    PublicityRecord.objects.filter(pk=record.pk).update(decided_on=date(2019, 6, 1))
    events = AuditEvent.objects.count()
    with pytest.raises(Refused, match="公示无法撤回"):
        recon.reconsideration_serve(case=dispute, on=date(2019, 5, 22), actor=people["legal"])
    dispute.refresh_from_db()
    record.refresh_from_db()
    assert dispute.status == Status.DECIDED and dispute.served_on is None
    assert record.status == PublicityStatus.PUBLISHED
    assert AuditEvent.objects.count() == events


def test_a_revoking_judgment_withdraws_once_effective(people, published):
    case, record = published
    suit = lit.litigation_register(
        org_unit=people["units"]["zhidui"],
        court="天津市和平区人民法院",
        case_number="（2019）津0101行初12号",
        instance=Instance.FIRST,
        plaintiff="某公司",
        act="劳动保障监察行政处罚决定书",
        claims="撤销处罚决定",
        received_on=date(2019, 4, 1),
        actor=people["legal"],
        handler=people["legal"],
        original_case_ref=case.reference,
    )
    lit.litigation_approve(
        case=suit,
        approver=people["leader"],
        agent="孙法规",
        on=date(2019, 4, 3),
        actor=people["legal"],
    )
    lit.litigation_answer(case=suit, on=date(2019, 4, 12), actor=people["legal"])
    lit.litigation_hearing(
        case=suit,
        on=date(2019, 5, 20),
        head_appeared=True,
        head_name="钱局长",
        actor=people["legal"],
    )
    lit.litigation_judge(
        case=suit,
        outcome=Outcome.REVOKE,
        served_on=date(2019, 6, 10),
        error_cause="procedure",
        actor=people["legal"],
    )
    record.refresh_from_db()
    assert record.status == PublicityStatus.PUBLISHED  # not effective while it can be appealed
    with on_day(date(2019, 7, 1)):
        lit.litigation_perform(
            case=suit, on=date(2019, 7, 1), note="已重新作出处理决定", actor=people["legal"]
        )
    record.refresh_from_db()
    assert record.status == PublicityStatus.WITHDRAWN
    # the appeal period ended on 06-25: the judgment took effect on 06-26
    assert record.changed_on == date(2019, 6, 26) and record.withdrawn_on == date(2019, 7, 1)
    assert (
        record.withdrawal_reason == "经天津市和平区人民法院（2019）津0101行初12号判决，原决定被撤销"
    )


def test_the_case_page_shows_what_became_of_the_original_decisions_publicity(
    client, people, published
):
    _, record = published
    dispute = _decided(people, DecisionType.REVOKE, NUMBER)
    client.force_login(people["legal"])
    url = f"/staff/disputes/reconsiderations/{dispute.pk}/"
    page = client.get(url).content.decode()
    assert (
        "原决定公示" in page
        and "已公示（2019-03-05）" in page
        and f"/staff/publicity/records/{record.pk}/" in page
    )
    with on_day(date(2019, 5, 22)):
        recon.reconsideration_serve(case=dispute, on=date(2019, 5, 22), actor=people["legal"])
    page = client.get(url).content.decode()
    assert "已撤回（2019-05-22，原因：经行政复议" in page
    case_page = client.get(f"/staff/enforcement/cases/{published[0].pk}/").content.decode()
    assert "决定已被撤销" in case_page and "<dt>执法公示</dt><dd>已撤回（2019-05-22" in case_page
    unknown = apply(people, original_case_ref="津人社监罚〔2019〕999号")
    page = client.get(f"/staff/disputes/reconsiderations/{unknown.pk}/").content.decode()
    assert "无（“津人社监罚〔2019〕999号”不是已登记公示的执法案件或许可决定）" in page
