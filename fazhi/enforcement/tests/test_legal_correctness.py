"""Issue 17 (enforcement): the cases a 法规处 reviewer found wrong, each refused at its rule with
the article of the law in force on the date of the facts, writing nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from fazhi.accounts.testing.gate import assert_refused
from fazhi.core.domain.errors import Refused
from fazhi.enforcement import documents
from fazhi.enforcement.models import Case
from fazhi.enforcement.publicity import decision_data, kind_of
from fazhi.enforcement.services import cases_acts as acts
from fazhi.enforcement.services import cases_decision as decision
from fazhi.enforcement.services import cases_execution as execution
from fazhi.enforcement.services import discretion
from fazhi.enforcement.tests.conftest import decide, investigated_case, two
from fazhi.publicity.domain.enums import Kind

pytestmark = pytest.mark.django_db

OVERTIME = {"workers": 12, "months": 0, "amount": "0", "harm": ""}


def _overtime_case(world):
    return investigated_case(
        world,
        power_item=world["items"]["CF-JC-25"],
        violation_code="lsi-25",
        cause="违法延长劳动者工作时间",
    )


def _notify(case, world, fine, actor=None):
    return decision.case_notify(
        case=case,
        on=date(2019, 3, 20),
        outcome="penalty",
        fine=Decimal(fine),
        text="经查，当事人安排12名劳动者违法延长工作时间。",
        facts=OVERTIME,
        actor=actor or world["users"]["a"],
    )


# --- item 1: the statutory maximum is a hard limit --------------------------------------------


def test_notice_above_the_statutory_maximum_is_refused_with_the_article(world):
    case = _overtime_case(world)
    # 第二十五条: 100–500 元 × 12 workers = 1,200–6,000 元; 7,000 元 is refused outright
    assert_refused(lambda actor: _notify(case, world, 7000, actor), world["users"]["a"], obj=case)
    with pytest.raises(
        Exception, match=r"超出法定幅度（1,200元至6,000元）.*《劳动保障监察条例》第二十五条"
    ):
        _notify(case, world, 7000)


def _notify_kw(case, world, fine):
    return decision.case_notify(
        case=case,
        on=date(2019, 3, 20),
        outcome="penalty",
        fine=Decimal(fine),
        text="经查，当事人安排12名劳动者违法延长工作时间。",
        facts=OVERTIME,
        actor=world["users"]["a"],
    )


def test_decision_above_the_statutory_maximum_is_refused_even_with_a_reason(world):
    case = _notify_kw(_overtime_case(world), world, 6000)  # at the maximum, above the tier
    u = world["users"]

    def propose(actor, fine=7000, reason="当事人拒不改正，情节恶劣"):
        return decision.case_propose(
            case=case,
            on=date(2019, 3, 29),
            outcome="penalty",
            fine=Decimal(fine),
            text="罚款",
            departure_reason=reason,
            actor=actor,
        )

    assert_refused(propose, u["a"], obj=case)
    with pytest.raises(Refused, match="偏离裁量基准的理由只能在法定幅度内适用"):
        propose(u["a"])
    # the tier (一般: 2,400–3,600 元) may be left with a reason, within the statutory range
    with pytest.raises(Refused, match="须说明理由"):
        propose(u["a"], fine=6000, reason="")
    propose(u["a"], fine=6000)
    # the 负责人 cannot raise it past the maximum either
    assert_refused(
        lambda actor: decision.case_decide(
            case=case, on=date(2019, 4, 1), fine=Decimal(7000), actor=actor
        ),
        u["leader"],
        obj=case,
    )
    case = decision.case_decide(case=case, on=date(2019, 4, 1), actor=u["leader"])
    assert case.fine == Decimal(6000)


def test_a_per_worker_fine_needs_the_number_of_workers(world):
    case = _overtime_case(world)
    with pytest.raises(Refused, match="缺少涉及劳动者人数"):
        decision.case_notify(
            case=case,
            on=date(2019, 3, 20),
            outcome="penalty",
            fine=Decimal(3000),
            text="延长工时",
            facts={"workers": 0},
            actor=world["users"]["a"],
        )


def test_a_benchmark_tier_beyond_the_statutory_range_is_refused(world):
    bset = discretion.discretion_set_copy(
        source=discretion.discretion_set_in_force(on=date(2019, 6, 1)),
        version="2019-x",
        title="草稿",
        actor=world["users"]["leader"],
    )
    tier = bset.items.get(violation_code="lsi-25").tiers.get(code="severe")
    with pytest.raises(Refused, match="超出法定幅度（100至500元/人"):
        discretion.discretion_tier_update(
            tier=tier,
            low=Decimal(400),
            high=Decimal(600),
            conditions="",
            actor=world["users"]["leader"],
        )


# --- item 2: the 负责人 decides --------------------------------------------------------------


def test_the_officer_cannot_decide_alone(world):
    case = _notify_kw(_overtime_case(world), world, 3000)
    u = world["users"]
    decision.case_propose(
        case=case,
        on=date(2019, 3, 29),
        outcome="penalty",
        fine=Decimal(3000),
        text="罚款",
        actor=u["a"],
    )
    assert_refused(
        lambda actor: decision.case_decide(case=case, on=date(2019, 4, 1), actor=actor),
        u["a"],
        obj=case,
    )
    case = decision.case_decide(case=case, on=date(2019, 4, 1), actor=u["leader"])
    assert (case.status, case.decided_by, case.proposed_by) == ("decided", u["leader"], u["a"])


def test_the_leader_may_send_the_proposal_back(world):
    case = _notify_kw(_overtime_case(world), world, 3000)
    u = world["users"]
    decision.case_propose(
        case=case,
        on=date(2019, 3, 29),
        outcome="penalty",
        fine=Decimal(3000),
        text="罚款",
        actor=u["a"],
    )
    with pytest.raises(Refused, match="理由"):
        decision.case_send_back(case=case, on=date(2019, 4, 1), reason="", actor=u["leader"])
    case = decision.case_send_back(
        case=case, on=date(2019, 4, 1), reason="事实不清，补充调查", actor=u["leader"]
    )
    assert case.status == "returned"


# --- item 3: 加付赔偿金 is not a fine -----------------------------------------------------------


def _wage_case(world, *, pay_order=True, overdue=True):
    case = investigated_case(
        world,
        power_item=world["items"]["CF-JC-26"],
        violation_code="lsi-26",
        cause="拖欠劳动者工资",
    )
    u = world["users"]
    order = acts.case_order_correction(
        case=case,
        on=date(2019, 3, 11),
        due_on=date(2019, 3, 18),
        items="限期支付拖欠的工资86000元",
        officers=two(world),
        actor=u["a"],
        pay=pay_order,
    )
    acts.case_order_followup(
        order=order,
        on=date(2019, 3, 19),
        complied=not overdue,
        officers=two(world),
        summary="逾期未支付" if overdue else "已支付",
        actor=u["a"],
    )
    case.refresh_from_db()
    return case


def _notify_wages(case, world, amount=52800):
    return decision.case_notify(
        case=case,
        on=date(2019, 3, 20),
        outcome="penalty",
        fine=Decimal(amount),
        text="拖欠12名劳动者工资86000元，逾期未支付。",
        facts={"workers": 12, "months": 5, "amount": "86000", "harm": ""},
        actor=world["users"]["a"],
    )


def test_compensation_needs_an_unheeded_order_to_pay(world):
    case = _wage_case(world, pay_order=False)  # a 责令改正, not a 责令支付
    with pytest.raises(Refused, match=r"先责令用人单位限期支付.*第二十六条"):
        _notify_wages(case, world)


def test_compensation_is_not_a_fine_anywhere(world):
    u = world["users"]
    case = _notify_wages(_wage_case(world), world)
    assert (case.sanction, case.proposed_fine, case.hearing_reasons) == ("compensation", 0, [])
    case = decide(case=case, on=date(2019, 4, 1), actor=u["leader"], proposer=u["a"])
    assert (case.fine, case.compensation) == (0, Decimal(52800))
    # its publicity is another decision, not CF_CFLB=罚款 with its amount
    data = decision_data(case)
    assert kind_of(case) == Kind.OTHER
    assert data.penalty_categories == () and data.fine_yuan is None
    assert "加付赔偿金" in data.content and data.document_title == "劳动保障监察行政处理决定书"
    # its document: no 罚款, no 加处罚款, the article of 第二十六条
    text = _docx_text(documents.penalty_decision(case))
    assert "加付赔偿金人民币52800" in text and "罚款" not in text and "加处罚款" not in text
    assert "《劳动保障监察条例》第二十六条" in text
    # paid late: no 加处罚款
    case = execution.case_serve(
        case=case, on=date(2019, 4, 2), method="direct", recipient="李四", actor=u["a"]
    )
    case = execution.case_pay(case=case, on=date(2019, 5, 20), actor=u["a"])
    assert case.surcharge == 0 and case.status == "paid"


def _docx_text(content: bytes) -> str:
    from io import BytesIO

    from docx import Document

    doc = Document(BytesIO(content))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


# --- item 5: 公告送达 --------------------------------------------------------------------------


def _decided(world):
    case = _notify_kw(_overtime_case(world), world, 3000)
    return decide(
        case=case,
        on=date(2019, 4, 1),
        outcome="penalty",
        fine=Decimal(3000),
        text="罚款",
        actor=world["users"]["leader"],
        proposer=world["users"]["a"],
    )


def test_public_notice_is_served_when_the_period_has_run(world):
    case = _decided(world)
    a = world["users"]["a"]

    def serve(actor, on=date(2019, 4, 2)):
        return execution.case_serve(
            case=case,
            on=on,
            method="public",
            recipient="当事人",
            notice_on=date(2019, 4, 2),
            actor=actor,
        )

    # served on the day of the notice: refused, with 民事诉讼法 (2017) 第九十二条
    assert_refused(serve, a, obj=case)
    with pytest.raises(Refused, match=r"经过六十日.*2019年6月1日视为送达.*第九十二条"):
        serve(a)
    case = serve(a, on=date(2019, 6, 1))
    # the 15-day payment period starts then
    assert (case.served_on, case.payment_due) == (date(2019, 6, 1), date(2019, 6, 17))
    assert Case.objects.get(pk=case.pk).notice_published_on == date(2019, 4, 2)


# --- item 13: the documents -------------------------------------------------------------------


def test_decision_document_layout_and_content(world, settings):
    from io import BytesIO

    from docx import Document
    from docx.shared import Mm

    settings.FAZHI = {**settings.FAZHI, "AGENCY_NAME": "天津市人力资源和社会保障局（测试）"}
    case = _decided(world)
    content = documents.penalty_decision(case)
    section = Document(BytesIO(content)).sections[0]
    # A4; GB/T 9704: 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm
    assert (round(section.page_width / Mm(1)), round(section.page_height / Mm(1))) == (210, 297)
    assert (round(section.top_margin / Mm(1)), round(section.left_margin / Mm(1))) == (37, 28)
    assert round((section.page_width - section.left_margin - section.right_margin) / Mm(1)) == 156
    assert round((section.page_height - section.top_margin - section.bottom_margin) / Mm(1)) == 225
    text = _docx_text(content)
    assert text.startswith("天津市人力资源和社会保障局（测试）\n行政处罚决定书")
    # only the evidence the file holds: the one inspection record and its file
    assert "以上事实有下列证据证明：现场检查笔录（2019年3月8日）及台账.png。" in text
    assert "询问笔录" not in text and "听证" not in text  # no interview, no hearing right
    assert "依据《劳动保障监察条例》第二十五条" in text
    # 2017 行政处罚法 for a 2019 decision; 复议机关 and court named
    assert "（2017年修正）第五十一条第（一）项" in text and "第七十二条" not in text
    assert "向天津市人民政府或者中华人民共和国人力资源和社会保障部申请行政复议" in text
    assert "六个月内依法向天津市和平区人民法院提起行政诉讼" in text


def test_interview_record_shows_each_officers_certificate(world):
    case = _overtime_case(world)
    act = acts.case_record_act(
        case=case,
        kind="interview",
        on=date(2019, 3, 11),
        officers=two(world),
        summary="询问法定代表人",
        actor=world["users"]["a"],
    )
    text = _docx_text(documents.interview_record(act))
    assert "zhifa_a（JC-0001）、zhifa_b（JC-0002）" in text


def test_decision_document_mentions_the_hearing_held(world):
    from fazhi.enforcement.tests.conftest import SEVEN_OK, notified_case

    case = notified_case(world)  # 45,000 元: 较大数额罚款, a hearing right
    u = world["users"]
    decision.case_hearing_request(case=case, on=date(2019, 3, 22), actor=u["a"])
    decision.case_hearing_notice(
        case=case,
        presiding=u["reviewer"],
        notice_on=date(2019, 3, 25),
        hearing_on=date(2019, 4, 10),
        place="听证室",
        actor=u["a"],
    )
    decision.case_hearing_record(
        case=case, held_on=date(2019, 4, 10), summary="当事人陈述", actor=u["a"]
    )
    decision.case_hearing_close(case=case, on=date(2019, 4, 10), actor=u["a"])
    decision.case_review_submit(case=case, on=date(2019, 4, 11), actor=u["a"])
    decision.case_review(
        case=case,
        on=date(2019, 4, 12),
        points=SEVEN_OK,
        opinion="agree",
        comments="",
        actor=u["reviewer"],
    )
    case = decide(
        case=case,
        on=date(2019, 4, 15),
        fine=Decimal(45000),
        text="决定",
        actor=u["leader"],
        proposer=u["a"],
    )
    text = _docx_text(documents.penalty_decision(case))
    assert "陈述、申辩、听证权利。应你单位的要求，本机关于2019年4月10日依法举行了听证。" in text


def test_every_case_document_holds_the_case_facts(world, settings):
    """Each template (fazhi/enforcement/docx/) filled from one 加付赔偿金 case: the 立案审批表,
    责令支付通知书, 行政处理告知书 and 决定书, 送达回证 and 卷内记录 each carry their facts."""
    from fazhi.enforcement.services.cases_archive import case_file_rows

    settings.FAZHI = {**settings.FAZHI, "AGENCY_NAME": "某市人社局（测试）"}
    u = world["users"]
    case = decide(
        case=_notify_wages(_wage_case(world), world),
        on=date(2019, 4, 1),
        actor=u["leader"],
        proposer=u["a"],
    )
    case = execution.case_serve(
        case=case, on=date(2019, 4, 2), method="direct", recipient="李四", actor=u["a"]
    )
    texts = {name: _docx_text(content) for name, _title, content in documents.case_documents(case)}
    pay = next(t for name, t in texts.items() if name.startswith("pay_order"))
    expected = {
        "filing.docx": [
            "立案审批表",
            case.reference,
            case.party_name,
            "拖欠劳动者工资",
            "同意立案",
        ],
        "notice.docx": ["某市人社局（测试）\n行政处理告知书", f"{case.reference}-告", "52800.00"],
        "decision.docx": ["劳动保障监察行政处理决定书", case.decision_number, "2019年4月1日"],
        "service.docx": [
            "送达回证",
            f"行政处罚决定书 {case.decision_number}",
            "李四",
            "2019年4月2日",
        ],
    }
    for name, facts in expected.items():
        assert all(fact in texts[name] for fact in facts), (name, texts[name])
    assert "劳动保障监察责令支付通知书" in pay and "限期支付拖欠的工资86000元" in pay
    assert "于2019年3月18日前向劳动者支付" in pay and "某市人社局（测试）（印章）" in pay
    record = _docx_text(documents.case_record(case, case_file_rows(case)))
    assert "行政执法案卷 卷内记录" in record and case.reference in record
    assert "逾期未支付" in record and "执法人员：zhifa_a、zhifa_b" in record
