"""Issue 17 leftovers in disputes: the 复议决定书's content (17.13), 复议 numbers with the
agency's 代字 (17.13) and the 复议机关 recorded by date when the bureau is 被申请人 (17.7)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document

from fazhi.core.models import AuditEvent
from fazhi.disputes import documents
from fazhi.disputes.domain.errors import Refused
from fazhi.disputes.domain.reconsideration import DecisionType, Role
from fazhi.disputes.models import ReconsiderationCase
from fazhi.disputes.selectors import body_name
from fazhi.disputes.services import reconsideration as recon
from fazhi.disputes.tests.conftest import apply

pytestmark = pytest.mark.django_db

ACT = "津和人社监罚〔2019〕3号行政处罚决定"


def _accepted(people, **overrides):
    case = apply(people, act=ACT, **overrides)
    case = recon.reconsideration_review(
        case=case, outcome="accept", on=date(2019, 3, 25), actor=people["legal"]
    )
    recon.reconsideration_send_copy(case=case, on=date(2019, 3, 26), actor=people["legal"])
    return case


def _decide(people, case, decision, **kwargs):
    return recon.reconsideration_decide(
        case=case,
        decision=decision,
        on=date(2019, 5, 10),
        actor=people["legal"],
        error_cause="facts_unclear" if decision != DecisionType.UPHOLD else "",
        **kwargs,
    )


def _text(docx: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(docx)).paragraphs)


def test_the_decision_states_what_is_revoked_the_reply_and_the_facts(people):
    case = _accepted(people)
    recon.reconsideration_reply(
        case=case,
        on=date(2019, 4, 3),
        summary="处罚认定事实清楚，请求维持",
        actor=people["legal"],
    )
    case = _decide(
        people,
        case,
        DecisionType.REVOKE,
        facts="申请人于2019年1月已足额支付工资，被申请人未调取工资支付记录",
        text="被申请人认定的主要事实不清、证据不足",
        detail="责令被申请人自收到本决定书之日起六十日内重新作出处理",
    )
    text = _text(documents.decision_docx(case, body_name=body_name(case)))
    assert "被申请人于2019年4月3日提交书面答复" in text
    assert "答复称：处罚认定事实清楚，请求维持" in text
    assert "经审理查明：申请人于2019年1月已足额支付工资" in text
    assert (
        "根据《中华人民共和国行政复议法》（2017年修正）第二十八条第一款第（三）项的规定，本机关决定："
        f"撤销被申请人和平区人社局作出的{ACT}，责令被申请人自收到本决定书之日起六十日内重新作出处理。"
    ) in text
    # the bureau decides (old law, the applicant chose the 上一级主管部门) under its full name
    assert text.startswith("天津市人力资源和社会保障局\n行政复议决定书")
    section = Document(io.BytesIO(documents.decision_docx(case, body_name="x"))).sections[0]
    mm = [round(v.mm) for v in (section.page_width, section.page_height)]
    assert mm == [210, 297]  # A4, GB/T 9704
    assert [round(section.top_margin.mm), round(section.left_margin.mm)] == [37, 28]


def test_without_a_reply_the_decision_says_the_act_has_no_evidence(people):
    case = _decide(people, _accepted(people), DecisionType.REVOKE)
    text = _text(documents.decision_docx(case, body_name=body_name(case)))
    assert "被申请人未在法定期限内提出书面答复" in text
    assert (
        "视为该行政行为没有证据、依据（《中华人民共和国行政复议法》（2017年修正）第二十八条第一款第（四）项）"
        in text
    )


@pytest.mark.parametrize(
    ("decision", "expected"),
    [
        (DecisionType.UPHOLD, f"维持被申请人和平区人社局作出的{ACT}。"),
        (DecisionType.CONFIRM_ILLEGAL, f"确认被申请人和平区人社局作出的{ACT}违法。"),
        (DecisionType.DISMISS, "驳回申请人张三的行政复议申请。"),
    ],
)
def test_the_decision_says_what_happens_to_the_act(people, decision, expected):
    case = _decide(people, _accepted(people), decision)
    assert expected in _text(documents.decision_docx(case, body_name=body_name(case)))


@pytest.mark.parametrize(
    ("decision", "match"),
    [
        (DecisionType.VARY, "变更决定须写明原行政行为变更为何内容"),
        (DecisionType.ORDER_PERFORMANCE, "责令履行决定须写明被申请人应当履行的职责及期限"),
        (DecisionType.CONFIRM_VOID, "没有“确认无效”的复议决定"),
    ],
)
def test_a_decision_missing_its_content_is_refused_and_writes_nothing(people, decision, match):
    case = _accepted(people)
    events = AuditEvent.objects.count()
    with pytest.raises(Refused, match=match):
        _decide(people, case, decision)
    case.refresh_from_db()
    assert not case.decision and case.status == "accepted"
    assert AuditEvent.objects.count() == events


def test_a_vary_decision_states_what_the_act_becomes(people):
    case = _decide(people, _accepted(people), DecisionType.VARY, detail="罚款人民币二千元")
    assert f"将被申请人和平区人社局作出的{ACT}变更为：罚款人民币二千元。" in _text(
        documents.decision_docx(case, body_name=body_name(case))
    )


def test_numbers_carry_the_agency_prefix_and_follow_the_locked_counter(people, settings):
    apply(people, reference="复〔2019〕3号", tracking_code="EARLIER001")  # an earlier release's
    apply(people, reference="津政复〔2019〕88号", tracking_code="GOVT000001")  # another body's
    assert apply(people).reference == "津人社复〔2019〕4号"
    settings.FAZHI = {**settings.FAZHI, "RECONSIDERATION_PREFIX": "津人社复决"}
    assert apply(people).reference == "津人社复决〔2019〕5号"


def test_as_respondent_from_2024_the_government_is_recorded_as_the_body(people):
    district = apply(
        people,
        role=Role.RESPONDENT,
        act_known_on=date(2025, 3, 1),
        received_on=date(2025, 3, 10),
    )
    assert district.body_name == "天津市和平区人民政府"
    assert (
        district.body_basis
        == "《中华人民共和国行政复议法》（2023年修订）第二十四条第一款第（一）项"
    )
    bureau = apply(
        people,
        role=Role.RESPONDENT,
        org_unit=people["units"]["zhidui"],  # a team of the bureau: the bureau's act
        act_known_on=date(2025, 3, 1),
        received_on=date(2025, 3, 10),
    )
    assert bureau.body_name == "天津市人民政府" and body_name(bureau) == "天津市人民政府"
    event = AuditEvent.objects.filter(action="disputes.reconsideration.apply").last()
    assert event.data["body"] == "天津市人民政府"


def test_before_2024_the_applicants_choice_is_recorded(people):
    chosen = apply(
        people,
        role=Role.RESPONDENT,
        org_unit=people["units"]["bureau"],
        body_choice="department",
    )
    assert chosen.body_name == "中华人民共和国人力资源和社会保障部"
    assert chosen.body_basis == "《中华人民共和国行政复议法》（2017年修正）第十二条第一款"
    unknown = apply(people, role=Role.RESPONDENT, org_unit=people["units"]["bureau"])
    assert unknown.body_name == "天津市人民政府或者中华人民共和国人力资源和社会保障部"
    assert unknown.body_choice == ""


def test_a_2024_choice_of_the_superior_department_is_refused_and_writes_nothing(people):
    with pytest.raises(Refused, match="第二十四条第一款第（一）项"):
        apply(
            people,
            role=Role.RESPONDENT,
            act_known_on=date(2025, 3, 1),
            received_on=date(2025, 3, 10),
            body_choice="department",
        )
    assert not ReconsiderationCase.objects.exists() and not AuditEvent.objects.exists()


def test_the_case_page_shows_the_review_outcome_in_chinese_not_its_code(client, people):
    case = _accepted(people)
    client.force_login(people["legal"])
    page = client.get(f"/staff/disputes/reconsiderations/{case.pk}/").content.decode()
    assert "2019-03-25 · 受理" in page and " · accept" not in page
