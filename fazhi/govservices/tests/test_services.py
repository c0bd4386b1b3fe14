"""The licensing register on the statutory clock; refusals write nothing; bundles."""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection

from fazhi.core.domain.errors import Refused
from fazhi.core.models import AuditEvent, Deadline
from fazhi.core.tests.racers import racers
from fazhi.govservices.demo import demo_uscc
from fazhi.govservices.models import LicenceCounter, LicenseApplication, SubmittedMaterial
from fazhi.govservices.services import bundles
from fazhi.govservices.services import catalogue as cat
from fazhi.govservices.services import licensing as lic
from fazhi.govservices.services.registers import register_entries_import
from fazhi.govservices.tests.conftest import required, submit
from fazhi.publicity.testing import on_day

pytestmark = pytest.mark.django_db


def _snapshot():
    return (
        AuditEvent.objects.count(),
        Deadline.objects.count(),
        list(LicenseApplication.objects.values_list("status", "licence_number")),
        SubmittedMaterial.objects.count(),
    )


def test_auto_approval_grants_with_the_rule_recorded(people, catalogue):
    app = submit(
        people,
        catalogue["lwpq"],
        facts={
            "registered_capital_yuan": 2000000,
            "credit_blacklisted": False,
            "revoked_within_3_years": False,
        },
    )
    assert app.status == "granted" and app.is_automatic
    assert app.licence_number == "津人社许〔2019〕1号"
    assert app.auto_rule["rule_id"] == "lwpq" and app.auto_rule["rule_version"] == 1
    assert Decimal(app.auto_rule["inputs"]["registered_capital_yuan"]) == 2000000  # the register
    assert app.valid_to == date(2022, 2, 28)
    event = AuditEvent.objects.get(action="services.application.grant", target_id=str(app.pk))
    assert event.actor_id is None and event.actor_label == "system" and event.data["rule"] == "lwpq"


def test_failed_rule_leaves_the_application_to_a_person(people, catalogue):
    app = submit(people, catalogue["lwpq"])  # registered capital 1,000,000
    assert app.status == "received" and not app.is_automatic
    event = AuditEvent.objects.get(action="services.application.auto_decide")
    assert event.data["passed"] is False


def test_acceptance_and_decision_follow_the_clock_across_national_day(people, catalogue):
    # given: received Friday 2019-09-27; accepted Monday 09-30 (国庆 10-01…10-07 off, 10-12 works)
    app = submit(people, catalogue["gs"], received_on=date(2019, 9, 27))
    notice = Deadline.objects.get(rule_code="licensing.correction_notice")
    assert notice.due == date(2019, 10, 10)  # 5 working days: 9-29(调休), 9-30, 10-08, 10-09, 10-10
    lic.application_accept(application=app, on=date(2019, 9, 30), actor=people["clerk"])
    decision = Deadline.objects.get(rule_code="licensing.decision")
    assert decision.due == date(2019, 11, 1)  # 20 working days, 10-12 (Sat) works
    lic.application_extend(
        application=app, approver=people["leader"], reason="需实地核查", actor=people["clerk"]
    )
    decision.refresh_from_db()
    assert decision.due == date(2019, 11, 15) and decision.extended
    with on_day(date(2019, 11, 12)):  # entered on the day: the time limit is met that day
        app = lic.application_grant(application=app, on=date(2019, 11, 12), actor=people["clerk"])
    assert app.status == "granted" and not app.decided_late
    assert AuditEvent.objects.filter(action="services.application.extend").exists()


def test_a_back_dated_decision_counts_from_the_day_it_is_entered(people, catalogue):
    """Issue 18 item 5: the decision typed as 2019-10-15 but entered on 2019-11-20 keeps its
    date, is met (missed) on the day of entry, and carries who entered it, when, and the flag."""
    app = submit(people, catalogue["gs"], received_on=date(2019, 9, 27))
    with on_day(date(2019, 9, 30)):
        lic.application_accept(application=app, on=date(2019, 9, 30), actor=people["clerk"])
    with on_day(date(2019, 11, 20)):
        app = lic.application_grant(application=app, on=date(2019, 10, 15), actor=people["clerk"])
        with pytest.raises(Refused, match="受理日期（2019-11-21）不能晚于录入当日（2019-11-20）"):
            lic.application_accept(
                application=submit(people, catalogue["gs"], received_on=date(2019, 11, 20)),
                on=date(2019, 11, 21),
                actor=people["clerk"],
            )
    assert app.decided_on == date(2019, 10, 15) and app.decided_late and app.late_entry
    decision = Deadline.objects.get(rule_code="licensing.decision", subject_id=str(app.pk))
    assert decision.status == "missed" and decision.met_on == date(2019, 11, 20)
    entry = app.step_entries[-1]
    assert entry["step"] == "grant" and entry["on"] == "2019-10-15" and entry["late"]
    assert entry["entered_by"] == people["clerk"].pk
    assert entry["entered_at"].startswith("2019-11-20T")
    accept = next(e for e in app.step_entries if e["step"] == "accept")
    assert not accept["late"]


def test_a_grant_dated_before_the_years_latest_is_refused_and_spends_no_number(people, catalogue):
    """Issue 18.5: licence numbers follow the grant dates, not the order of entry."""
    clerk = people["clerk"]
    first, second = (
        lic.application_accept(
            application=submit(people, catalogue["gs"], applicant_name=f"公司{n}"),
            on=date(2019, 3, 4),
            actor=clerk,
        )
        for n in (1, 2)
    )
    lic.application_grant(application=first, on=date(2019, 3, 8), actor=clerk)
    before = _snapshot()
    with pytest.raises(Refused, match="不能再准予日期更早（2019年3月7日）的许可"):
        lic.application_grant(application=second, on=date(2019, 3, 7), actor=clerk)
    assert _snapshot() == before
    assert LicenceCounter.objects.get(issuer="津人社许", year=2019).last == 1
    second = lic.application_grant(application=second, on=date(2019, 3, 8), actor=clerk)
    assert second.licence_number == "津人社许〔2019〕2号"


def test_one_time_correction_notice_lists_everything_missing(people, catalogue):
    item = catalogue["gs"]
    app = submit(people, item, materials=required(item)[:1])
    app = lic.application_correction_notice(
        application=app, on=date(2019, 3, 4), actor=people["clerk"]
    )
    assert app.correction_notice == required(item)[1:]
    lic.application_supplement(
        application=app, materials=required(item)[1:], on=date(2019, 3, 6), actor=people["clerk"]
    )
    app = lic.application_accept(application=app, on=date(2019, 3, 6), actor=people["clerk"])
    assert app.status == "accepted"


def test_second_correction_notice_is_refused_and_writes_nothing(people, catalogue):
    item = catalogue["gs"]
    app = submit(people, item, materials=required(item)[:1])
    lic.application_correction_notice(application=app, on=date(2019, 3, 4), actor=people["clerk"])
    before = _snapshot()
    with pytest.raises(Refused, match="一次告知"):
        lic.application_correction_notice(
            application=app, on=date(2019, 3, 5), actor=people["clerk"]
        )
    assert _snapshot() == before


def test_decision_before_acceptance_is_refused_and_writes_nothing(people, catalogue):
    app = submit(people, catalogue["gs"])
    before = _snapshot()
    with pytest.raises(Refused, match="未受理"):
        lic.application_grant(application=app, on=date(2019, 3, 5), actor=people["clerk"])
    with pytest.raises(Refused, match="未受理"):
        lic.application_refuse(
            application=app, on=date(2019, 3, 5), reasons="不符合条件", actor=people["clerk"]
        )
    assert _snapshot() == before


def test_acceptance_with_missing_materials_is_refused(people, catalogue):
    app = submit(people, catalogue["gs"], materials=[])
    before = _snapshot()
    with pytest.raises(Refused, match="不齐全"):
        lic.application_accept(application=app, on=date(2019, 3, 2), actor=people["clerk"])
    assert _snapshot() == before


@pytest.mark.parametrize("approver_key", [None, "officer"])
def test_extension_without_a_leaders_approval_is_refused(people, catalogue, approver_key):
    app = submit(people, catalogue["gs"])
    lic.application_accept(application=app, on=date(2019, 3, 4), actor=people["clerk"])
    before = _snapshot()
    with pytest.raises(Refused, match="负责人批准"):
        lic.application_extend(
            application=app,
            approver=people.get(approver_key) if approver_key else None,
            reason="核查",
            actor=people["clerk"],
        )
    assert _snapshot() == before


def test_refusal_needs_reasons_and_gives_the_remedy(people, catalogue):
    app = submit(people, catalogue["gs"])
    lic.application_accept(application=app, on=date(2019, 3, 4), actor=people["clerk"])
    with pytest.raises(Refused, match="说明理由"):
        lic.application_refuse(
            application=app, on=date(2019, 3, 8), reasons=" ", actor=people["clerk"]
        )
    app = lic.application_refuse(
        application=app,
        on=date(2019, 3, 8),
        reasons="岗位不属于特殊工时范围",
        actor=people["clerk"],
    )
    assert "行政复议" in app.remedy_notice and "行政诉讼" in app.remedy_notice


def test_invalid_uscc_is_refused_and_writes_nothing(people, catalogue):
    with pytest.raises(Refused, match="统一社会信用代码无效"):
        good = demo_uscc(1)
        submit(
            people, catalogue["gs"], applicant_uscc=good[:-1] + ("0" if good[-1] != "0" else "1")
        )
    assert (
        not LicenseApplication.objects.exists()
        and not AuditEvent.objects.filter(action__startswith="services.application").exists()
    )


def test_items_cannot_be_added_to_a_published_catalogue(people, catalogue):
    with pytest.raises(Refused, match="已公布"):
        cat.service_item_add(
            catalogue=catalogue["version"],
            code="X",
            name="新",
            kind="public_service",
            org_unit=people["units"]["bureau"],
            accepting_body="a",
            deciding_body="b",
            promised_days=1,
            actor=people["clerk"],
        )


def test_bundle_creates_one_application_per_item_with_shared_materials_once(people, catalogue):
    bundle = cat.bundle_create(
        catalogue=catalogue["version"],
        code="ZT",
        name="开办",
        items=[catalogue["lwpq"], catalogue["gs"]],
        actor=people["clerk"],
    )
    names = sorted(set(required(catalogue["lwpq"]) + required(catalogue["gs"])))
    register_entries_import(  # the register the 无人审批 of XK-LWPQ reads
        rows=[
            {
                "uscc": demo_uscc(3),
                "name": "天津某公司",
                "registered_capital_yuan": 3000000,
                "credit_blacklisted": False,
            }
        ],
        source="测试登记信息",
        actor=people["clerk"],
    )
    parent = bundles.bundle_submit(
        bundle=bundle,
        applicant_name="天津某公司",
        applicant_category="legal_person",
        applicant_uscc=demo_uscc(3),
        received_on=date(2019, 4, 1),
        materials=names,
        actor=people["clerk"],
        facts={
            "registered_capital_yuan": 3000000,
            "credit_blacklisted": False,
            "revoked_within_3_years": False,
        },
    )
    parts = list(parent.parts.order_by("item__code"))
    assert [p.item.code for p in parts] == ["XK-GS", "XK-LWPQ"]
    assert all(not lic.missing_for(p) for p in parts)
    assert SubmittedMaterial.objects.filter(via_bundle=True).count() == sum(
        len(required(p.item)) for p in parts
    )
    from fazhi.govservices.selectors import bundle_status_of

    assert bundle_status_of(parent).value == "in_progress"  # LWPQ auto-granted, GS pending
    gs = parts[0]
    lic.application_accept(application=gs, on=date(2019, 4, 2), actor=people["clerk"])
    lic.application_grant(application=gs, on=date(2019, 4, 3), actor=people["clerk"])
    assert bundle_status_of(parent).value == "granted"


@pytest.mark.django_db(transaction=True)
def test_concurrent_grants_never_share_a_licence_number(people, catalogue, on_postgres):
    if not on_postgres:
        pytest.skip("行锁并发只在 PostgreSQL 上测试")
    apps = []
    for n in range(racers(6)):
        app = submit(people, catalogue["gs"], applicant_name=f"公司{n}")
        apps.append(
            lic.application_accept(application=app, on=date(2019, 3, 4), actor=people["clerk"])
        )
    barrier, errors = threading.Barrier(len(apps) + 1), []

    def grant(app):
        try:
            barrier.wait()
            lic.application_grant(application=app, on=date(2019, 3, 8), actor=people["clerk"])
        except Exception as exc:
            errors.append(exc)
        finally:
            connection.close()

    # two threads race on the same application too: exactly one may win
    threads = [threading.Thread(target=grant, args=(a,)) for a in [*apps, apps[0]]]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    numbers = list(
        LicenseApplication.objects.exclude(licence_number=None).values_list(
            "licence_number", flat=True
        )
    )
    assert len(numbers) == len(set(numbers)) == len(apps)
    assert len(errors) == 1 and isinstance(errors[0], Refused)


def test_the_record_page_and_register_show_late_entries(client, people, catalogue):
    app = submit(people, catalogue["gs"], received_on=date(2019, 9, 27))  # entered years later
    client.force_login(people["clerk"])
    page = client.get(f"/staff/services/applications/{app.pk}/").content.decode()
    assert "日期录入记录" in page and "收件日期" in page and "补录" in page
    assert "补录" in client.get("/staff/services/applications/").content.decode()
