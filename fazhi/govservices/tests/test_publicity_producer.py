"""Every grant registers one 行政许可 publicity record on the decision date, due 7 working days
later (国办发〔2018〕118号（六）); refusals and refused steps register nothing."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core.domain.errors import Refused
from fazhi.core.models import AuditEvent, Deadline
from fazhi.govservices.demo import demo_uscc
from fazhi.govservices.models import LicenseApplication
from fazhi.govservices.services import bundles
from fazhi.govservices.services import catalogue as cat
from fazhi.govservices.services import licensing as lic
from fazhi.govservices.tests.conftest import RICH, register_from_facts, required, submit
from fazhi.publicity.domain.enums import Kind, Status
from fazhi.publicity.domain.validation import validate
from fazhi.publicity.models import PublicityRecord
from fazhi.publicity.services.records import DEFAULT_AUTHORITIES

pytestmark = pytest.mark.django_db


def test_automatic_grant_registers_one_complete_record(people, catalogue):
    # when 无人审批 grants on Friday 2019-03-01
    app = submit(people, catalogue["lwpq"], facts=RICH)
    # then one pending licence record, due 7 working days later
    record = PublicityRecord.objects.get()
    assert (record.kind, record.status, record.source_id) == (
        Kind.LICENSE,
        Status.PENDING,
        str(app.pk),
    )
    assert record.source_type == "services.licenseapplication"
    assert record.decided_on == date(2019, 3, 1) and record.due_on == date(2019, 3, 12)
    assert record.document_number == record.licence_number == app.licence_number
    assert (record.license_category, record.licence_name) == ("普通", "劳务派遣经营许可证")
    assert (record.valid_from, record.valid_to) == (date(2019, 3, 1), date(2022, 2, 28))
    assert record.publicity_ends_on == date(2022, 2, 28)  # published while valid
    assert (record.uscc, record.legal_rep) == (app.applicant_uscc, "张建国")
    assert record.authority == DEFAULT_AUTHORITIES["JU"]["name"]
    assert not validate(record.kind, record.as_data(), ends_on=record.publicity_ends_on)
    clock = Deadline.objects.get(rule_code="licensing.publicity")
    assert (clock.start, clock.due) == (date(2019, 3, 1), date(2019, 3, 12))
    event = AuditEvent.objects.get(action="publicity.record.register")
    assert event.actor_label == "system"


def test_manual_grant_of_a_long_term_licence_registers_one_record(people, catalogue):
    app = submit(people, catalogue["gs"])
    lic.application_accept(application=app, on=date(2019, 3, 4), actor=people["clerk"])
    assert not PublicityRecord.objects.exists()
    lic.application_grant(application=app, on=date(2019, 3, 8), actor=people["clerk"])
    record = PublicityRecord.objects.get()
    assert record.due_on == date(2019, 3, 19) and record.valid_to == date(2099, 12, 31)
    assert record.publicity_ends_on is None  # 长期


def test_refusals_register_nothing(people, catalogue):
    app = submit(people, catalogue["gs"])
    with pytest.raises(Refused):  # not accepted yet
        lic.application_grant(application=app, on=date(2019, 3, 8), actor=people["clerk"])
    lic.application_accept(application=app, on=date(2019, 3, 4), actor=people["clerk"])
    lic.application_refuse(
        application=app, on=date(2019, 3, 8), reasons="不符合条件", actor=people["clerk"]
    )
    assert not PublicityRecord.objects.exists()
    assert not Deadline.objects.filter(rule_code="licensing.publicity").exists()


def test_bundle_parts_register_as_they_are_granted(people, catalogue):
    bundle = cat.bundle_create(
        catalogue=catalogue["version"],
        code="ZT",
        name="开办",
        items=[catalogue["lwpq"], catalogue["gs"]],
        actor=people["clerk"],
    )
    names = sorted({*required(catalogue["lwpq"]), *required(catalogue["gs"])})
    register_from_facts(
        people,
        {
            "applicant_uscc": demo_uscc(3),
            "applicant_name": "天津某公司",
            "received_on": date(2019, 4, 1),
            "facts": RICH,
        },
    )
    parent = bundles.bundle_submit(
        bundle=bundle,
        applicant_name="天津某公司",
        applicant_category="legal_person",
        applicant_uscc=demo_uscc(3),
        legal_representative="张建国",
        received_on=date(2019, 4, 1),
        materials=names,
        facts=RICH,
        actor=people["clerk"],
    )
    lwpq = parent.parts.get(item__code="XK-LWPQ")  # by 无人审批; GS waits for a person
    assert list(PublicityRecord.objects.values_list("source_id", flat=True)) == [str(lwpq.pk)]
    gs = parent.parts.get(item__code="XK-GS")
    lic.application_accept(application=gs, on=date(2019, 4, 2), actor=people["clerk"])
    lic.application_grant(application=gs, on=date(2019, 4, 3), actor=people["clerk"])
    assert PublicityRecord.objects.filter(kind=Kind.LICENSE).count() == 2


def test_a_licence_revoked_on_reconsideration_is_withdrawn_from_publicity(
    client, people, revoked_licence
):
    """行政处罚法 第四十八条第二款 as 国办发〔2018〕118号 applies it to every decision: the
    reconsideration names the 许可文号; on service the record is withdrawn with the reason, and
    the register shows the licence as revoked."""
    app, record = revoked_licence
    assert record.status == Status.WITHDRAWN and record.withdrawal_change == "撤销"
    assert "津政复〔2019〕88号" in record.withdrawal_reason
    client.force_login(people["clerk"])
    page = client.get(f"/staff/services/applications/{app.pk}/").content.decode()
    assert '准予许可</span> <span class="badge overdue">决定已被撤销</span>' in page
    assert "已撤回（2019-05-22，原因：经行政复议（津政复〔2019〕88号），原决定被撤销）" in page
    listing = client.get("/staff/services/applications/").content.decode()
    assert listing.count("决定已被撤销") == 1


PERSON_ID = "120101198001011234"


def test_a_natural_person_needs_a_valid_id_number_and_nothing_is_written(people, catalogue):
    events = AuditEvent.objects.count()
    for bad in ("", "120101198001011235"):  # missing, wrong check digit
        with pytest.raises(Refused, match="自然人申请人须填写有效的居民身份证号码"):
            submit(
                people,
                catalogue["gs"],
                applicant_name="王某",
                applicant_category="natural_person",
                applicant_uscc="",
                applicant_id_number=bad,
            )
    assert not LicenseApplication.objects.exists()
    assert AuditEvent.objects.count() == events


def test_a_natural_persons_licence_passes_preflight_with_the_id_masked_in_public(people, catalogue):
    from fazhi.publicity.domain.masking import public_data

    app = submit(
        people,
        catalogue["gs"],
        applicant_name="王某",
        applicant_category="natural_person",
        applicant_uscc="",
        applicant_id_number=PERSON_ID,
    )
    lic.application_accept(application=app, on=date(2019, 3, 4), actor=people["clerk"])
    lic.application_grant(application=app, on=date(2019, 3, 8), actor=people["clerk"])
    record = PublicityRecord.objects.get()
    assert (record.party_category, record.person_id_type) == ("自然人", "身份证")
    assert record.person_id_number == PERSON_ID and not record.uscc
    assert not validate(record.kind, record.as_data(), ends_on=record.publicity_ends_on)
    assert PERSON_ID not in str(public_data(record.as_data()).as_dict())


def test_a_foreign_natural_person_identifies_by_passport(people, catalogue):
    from fazhi.govservices.domain.licensing import APPLICANT_ID_TYPES
    from fazhi.publicity.domain.enums import IdType
    from fazhi.publicity.domain.masking import public_data

    assert set(APPLICANT_ID_TYPES) == set(IdType)  # 双公示 XK_XDR_ZJLX values
    with pytest.raises(Refused, match="证件类型“军官证”不在可选范围内"):
        submit(
            people,
            catalogue["gs"],
            applicant_name="John Smith",
            applicant_category="natural_person",
            applicant_uscc="",
            applicant_id_type="军官证",
            applicant_id_number="E1234",
        )
    app = submit(
        people,
        catalogue["gs"],
        applicant_name="John Smith",
        applicant_category="natural_person",
        applicant_uscc="",
        applicant_id_type="护照号",
        applicant_id_number=" e 12345678 ",
    )
    assert (app.applicant_id_type, app.applicant_id_number) == ("护照号", "E12345678")
    lic.application_accept(application=app, on=date(2019, 3, 4), actor=people["clerk"])
    lic.application_grant(application=app, on=date(2019, 3, 8), actor=people["clerk"])
    record = PublicityRecord.objects.get()
    assert (record.person_id_type, record.person_id_number) == ("护照号", "E12345678")
    assert not validate(record.kind, record.as_data(), ends_on=record.publicity_ends_on)
    assert public_data(record.as_data()).person_id_number == "*****5678"


def test_another_document_is_named_and_published_as_other_with_its_name(people, catalogue):
    """XK_XDR_ZJLX 其他 carries the document's name ("其他-军官证"); without a name it is refused
    and nothing is written."""
    from fazhi.publicity.domain.fields import Exchange, export_row, header

    person = {
        "applicant_name": "李某",
        "applicant_category": "natural_person",
        "applicant_uscc": "",
        "applicant_id_type": "其他",
        "applicant_id_number": "南字第 0123456 号",
    }
    events = AuditEvent.objects.count()
    with pytest.raises(Refused, match="请写明证件名称"):
        submit(people, catalogue["gs"], **person, applicant_id_type_note=" ")
    assert not LicenseApplication.objects.exists() and AuditEvent.objects.count() == events
    app = submit(people, catalogue["gs"], **person, applicant_id_type_note="军官证")
    assert (app.applicant_id_type, app.applicant_id_type_note) == ("其他", "军官证")
    assert app.applicant_id_number == "南字第0123456号"
    lic.application_accept(application=app, on=date(2019, 3, 4), actor=people["clerk"])
    lic.application_grant(application=app, on=date(2019, 3, 8), actor=people["clerk"])
    record = PublicityRecord.objects.get()
    assert not validate(record.kind, record.as_data(), ends_on=record.publicity_ends_on)
    row = dict(
        zip(
            header(record.kind),
            export_row(record.kind, record.as_data(), Exchange("GS1"), "YYYY/MM/DD"),
            strict=True,
        )
    )
    assert row["XK_XDR_ZJLX"] == "其他-军官证"
    PublicityRecord.objects.update(person_id_type_note="")  # a record that lost the name
    record.refresh_from_db()
    problems = validate(record.kind, record.as_data(), ends_on=record.publicity_ends_on)
    assert [p.message for p in problems] == ["证件类型为“其他”的，须写明证件名称"]
