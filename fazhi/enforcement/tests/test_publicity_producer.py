"""A decision registers its publicity record on the decision date (国办发〔2018〕118号（六）); a
refused decision registers nothing; a natural person's ID, phone and address never reach the
public page or the API."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from io import BytesIO

import pytest
from django.utils import timezone

from fazhi.core.domain.errors import Refused
from fazhi.core.models import AuditEvent, Deadline
from fazhi.enforcement.publicity import decision_data
from fazhi.enforcement.services import cases as intake
from fazhi.enforcement.services import cases_acts as acts
from fazhi.enforcement.services import cases_decision as decision
from fazhi.enforcement.tests.conftest import FACTS, PNG, SEVEN_OK, decide, register, two
from fazhi.officers.models import Certificate
from fazhi.publicity.domain.enums import Kind, Status
from fazhi.publicity.domain.validation import validate
from fazhi.publicity.models import PublicityRecord
from fazhi.publicity.services.records import DEFAULT_AUTHORITIES
from fazhi.publicity.testing import publish_on

pytestmark = pytest.mark.django_db
PERSON_ID = "11010519491231002X"  # the GB 11643 example
COMPANY_USCC = "91120101MA05XY127W"
PHONE = "13812345678"
ADDRESS = "天津市和平区南京路123号4门501"


def _reviewed(world, *, decide_on: date, outcome="penalty", fine=Decimal(45000), **party):
    """A case notified four weeks and reviewed a week before ``decide_on`` (45000元 needs
    法制审核 and gives a hearing right, not used)."""
    u = world["users"]
    start = decide_on - timedelta(days=60)
    for n, key in enumerate(("a", "b")):  # cards issued (not yet due for review) that year
        Certificate.objects.create(
            officer=world["officers"][key],
            number=f"JC-{decide_on.year}-{n}",
            area="天津市",
            issued_on=start - timedelta(days=30),
            expires_on=start + timedelta(days=1000),
            status=Certificate.Status.VALID,
        )
    case = register(world, received_on=start, **party)
    case = intake.case_accept(case=case, on=start + timedelta(days=1), actor=u["a"])
    case = intake.case_file(
        case=case,
        on=start + timedelta(days=1),
        approver=u["leader"],
        officers=two(world),
        actor=u["a"],
    )
    acts.case_record_act(
        case=case,
        kind="inspection",
        on=start + timedelta(days=3),
        summary="现场检查：工资台账显示拖欠",
        officers=two(world),
        actor=u["a"],
        uploads=[(BytesIO(PNG), "台账.png")],
    )
    case.refresh_from_db()
    case = decision.case_notify(
        case=case,
        on=decide_on - timedelta(days=28),
        outcome=outcome,
        fine=fine,
        facts=FACTS,
        actor=u["a"],
        text=f"经查，当事人拖欠12名劳动者工资86000元（联系电话{PHONE}）。",
    )
    on = decide_on - timedelta(days=7)
    decision.case_review_submit(case=case, on=on, actor=u["a"])
    decision.case_review(
        case=case, on=on, points=SEVEN_OK, opinion="agree", comments="", actor=u["reviewer"]
    )
    case.refresh_from_db()
    return case


def _decide(world, case, on: date, outcome="penalty", fine=Decimal(45000)):
    return decide(
        case=case,
        on=on,
        outcome=outcome,
        fine=fine,
        text=case.proposed_text,
        departure_reason="当事人已部分支付",
        actor=world["users"]["leader"],
    )


def test_decision_registers_one_pending_record_due_in_seven_working_days(world):
    # given a case reviewed and ready for its decision on Monday 2019-04-01
    case = _reviewed(world, decide_on=date(2019, 4, 1), party_code=COMPANY_USCC)
    # when it is decided
    case = _decide(world, case, date(2019, 4, 1))
    # then one pending penalty record, due 7 working days later: 清明 (Fri 04-05) is skipped
    record = PublicityRecord.objects.get()
    assert (record.kind, record.status) == (Kind.PENALTY, Status.PENDING)
    assert (record.source_type, record.source_id) == ("enforcement.case", str(case.pk))
    assert record.decided_on == date(2019, 4, 1) and record.due_on == date(2019, 4, 11)
    assert record.document_number == case.decision_number and record.fine_yuan == Decimal(45000)
    assert record.penalty_categories == ["罚款"] and record.content == "罚款人民币45000元"
    assert record.uscc == COMPANY_USCC and record.violation_type == "未按规定办理社会保险登记"
    assert record.basis  # the benchmark's 处罚依据
    bureau = DEFAULT_AUTHORITIES["JU"]  # 监察一支队 decides in the bureau's name
    assert (record.authority, record.authority_uscc) == (bureau["name"], bureau["uscc"])
    clock = Deadline.objects.get(rule_code="penalty.publicity")
    assert (clock.start, clock.due, clock.subject_id) == (
        date(2019, 4, 1),
        date(2019, 4, 11),
        str(record.pk),
    )
    assert (
        AuditEvent.objects.filter(
            action="publicity.record.register", target_id=str(record.pk)
        ).count()
        == 1
    )
    # the 法定代表人 was not entered at registration: the pre-flight check names what is missing
    problems = validate(record.kind, record.as_data(), ends_on=record.publicity_ends_on)
    assert [p.code for p in problems] == ["CF_FRDB"]


def test_legal_representative_entered_at_registration_passes_the_pre_flight_check(world):
    case = _reviewed(
        world, decide_on=date(2019, 4, 1), party_code=COMPANY_USCC, party_legal_rep="王某"
    )
    _decide(world, case, date(2019, 4, 1))
    record = PublicityRecord.objects.get()
    assert record.legal_rep == "王某"
    assert validate(record.kind, record.as_data(), ends_on=record.publicity_ends_on) == []


def test_friday_before_national_day_is_due_on_the_make_up_saturday(world):
    # 2024: 国庆 off 10-01..10-07, working Sun 09-29 and Sat 10-12 (国办发明电〔2023〕7号).
    # 7 working days after Fri 09-27: 09-29, 09-30, 10-08, 10-09, 10-10, 10-11, 10-12.
    case = _reviewed(world, decide_on=date(2024, 9, 27))
    _decide(world, case, date(2024, 9, 27))
    assert PublicityRecord.objects.get().due_on == date(2024, 10, 12)


def test_no_penalty_is_another_decision_due_in_twenty_working_days(world):
    # 20 working days after Fri 2024-09-27: the 7 above, then 10-14 … 10-30.
    case = _reviewed(world, decide_on=date(2024, 9, 27), outcome="no_penalty", fine=Decimal(0))
    _decide(world, case, date(2024, 9, 27), outcome="no_penalty", fine=Decimal(0))
    record = PublicityRecord.objects.get()
    assert (record.kind, record.due_on) == (Kind.OTHER, date(2024, 10, 30))
    assert record.content == "不予行政处罚（未按规定办理社会保险登记）" and record.fine_yuan is None
    assert Deadline.objects.filter(rule_code="enforcement.other_publicity").count() == 1


def test_refused_decision_registers_nothing(world):
    case = _reviewed(world, decide_on=date(2019, 4, 1))
    events = AuditEvent.objects.count()
    with pytest.raises(Refused, match="（2017年修正）第三十二条"):  # heavier than notified
        _decide(world, case, date(2019, 4, 1), fine=Decimal(50000))
    assert not PublicityRecord.objects.exists()
    assert not Deadline.objects.filter(rule_code__endswith="publicity").exists()
    assert AuditEvent.objects.count() == events


def test_person_data_is_kept_in_full_and_masked_on_every_public_output(world, client, monkeypatch):
    # given a natural person's penalty, decided and published
    party = {
        "party_kind": "person",
        "party_name": "张三",
        "party_code": PERSON_ID,
        "party_address": ADDRESS,
    }
    case = _decide(world, _reviewed(world, decide_on=date(2019, 4, 1), **party), date(2019, 4, 1))
    record = PublicityRecord.objects.get()
    assert (record.party_category, record.person_id_type) == ("自然人", "身份证")
    assert (record.person_id_number, record.party_address) == (PERSON_ID, ADDRESS)
    assert record.uscc == "" and PHONE in record.facts
    assert decision_data(case).person_id_number == PERSON_ID
    publish_on(date(2019, 4, 3), record=record, actor=world["users"]["leader"])
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: date(2019, 12, 31))
    # when the public looks
    pages = [
        client.get("/publicity/").content.decode(),
        client.get(f"/publicity/{record.pk}/").content.decode(),
        json.dumps(client.get("/api/v1/publicity/records").json(), ensure_ascii=False),
        json.dumps(client.get(f"/api/v1/publicity/records/{record.pk}").json(), ensure_ascii=False),
    ]
    # then the person is named, the ID masked, phone and address nowhere
    assert all("张三" in page for page in pages)
    assert "110105********002X" in pages[1] and "110105********002X" in pages[3]
    for page in pages:
        assert PERSON_ID not in page and PHONE not in page and "南京路123号" not in page
