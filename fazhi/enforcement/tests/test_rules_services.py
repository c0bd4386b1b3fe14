"""Services for 裁量基准 and 社保欠费: versions, immutability, step order, audit, nothing written
on refusal."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from fazhi.accounts.tests.factories import make_user
from fazhi.core.domain.errors import Refused
from fazhi.core.models import AuditEvent, Deadline
from fazhi.enforcement.domain.discretion import Facts
from fazhi.enforcement.models import ArrearsCase, ArrearsStep, DiscretionBenchmarkSet
from fazhi.enforcement.services import arrears as svc
from fazhi.enforcement.services import discretion as ds
from fazhi.enforcement.services.discretion import BENCHMARK_DIR

D = Decimal
VALID_USCC = "91110000600037341L"


@pytest.fixture
def people(org_tree):
    return {
        "legal": make_user("legal", unit=org_tree["fagui"], roles=["法规处工作人员"]),
        "officer": make_user("officer", unit=org_tree["zhidui"], roles=["执法人员"]),
        "outsider": make_user("outsider", unit=org_tree["district_team"], roles=["执法人员"]),
        "clerk": make_user("clerk", unit=org_tree["zhidui"], roles=["业务处室经办人"]),
        "units": org_tree,
    }


@pytest.fixture
def published(people):
    """2017 published from 2017-01-01, then 2019 from 2019-01-01."""
    actor = people["legal"]
    old = ds.discretion_set_import(path=BENCHMARK_DIR / "2017.toml", actor=actor)
    ds.discretion_set_publish(benchmark_set=old, effective_from=date(2017, 1, 1), actor=actor)
    new = ds.discretion_set_import(path=BENCHMARK_DIR / "2019.toml", actor=actor)
    new = ds.discretion_set_publish(benchmark_set=new, effective_from=date(2019, 1, 1), actor=actor)
    old.refresh_from_db()
    return old, new


def register(people, **overrides) -> ArrearsCase:
    values = {
        "reference": "津人社欠〔2019〕1号",
        "employer_name": "天津某物流有限公司",
        "employer_uscc": VALID_USCC,
        "period_from": date(2019, 1, 1),
        "period_to": date(2019, 1, 31),
        "principal": D("10000"),
        "due_date": date(2019, 2, 15),
        "org_unit": people["units"]["zhidui"],
        "actor": people["officer"],
    }
    values.update(overrides)
    return svc.arrears_case_register(**values)


def step(case, kind, on, people, **kw):
    return svc.arrears_step_record(case=case, kind=kind, on=on, actor=people["officer"], **kw)


def snapshot():
    return (AuditEvent.objects.count(), ArrearsStep.objects.count(), Deadline.objects.count())


# --- 裁量基准 ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_import_is_idempotent_and_audited(people):
    first = ds.discretion_set_import(path=BENCHMARK_DIR / "2019.toml", actor=people["legal"])
    events = AuditEvent.objects.filter(action="enforcement.discretion_set.import").count()
    again = ds.discretion_set_import(path=BENCHMARK_DIR / "2019.toml", actor=people["legal"])
    assert again.pk == first.pk and first.to_confirm
    assert first.items.count() == 8
    assert (
        AuditEvent.objects.filter(action="enforcement.discretion_set.import").count() == events == 1
    )


@pytest.mark.django_db
def test_publish_closes_the_previous_version_the_day_before(published):
    old, new = published
    assert old.status == DiscretionBenchmarkSet.Status.SUPERSEDED
    assert old.effective_to == date(2018, 12, 31)
    assert new.status == DiscretionBenchmarkSet.Status.PUBLISHED and new.effective_to is None
    event = AuditEvent.objects.filter(action="enforcement.discretion_set.publish").last()
    assert event.data["superseded"] == "2017"


@pytest.mark.django_db
def test_version_in_force_follows_the_date_of_the_act(published):
    assert ds.discretion_set_in_force(on=date(2018, 6, 1)).version == "2017"
    assert ds.discretion_set_in_force(on=date(2019, 6, 1)).version == "2019"
    assert ds.discretion_set_in_force(on=date(2016, 6, 1)) is None
    old = ds.discretion_propose(
        violation_code="lsi-25", facts=Facts(workers=12), on=date(2018, 6, 1)
    )
    new = ds.discretion_propose(
        violation_code="lsi-25", facts=Facts(workers=12), on=date(2019, 6, 1)
    )
    assert (old.benchmark_version, old.min_amount) == ("2017", D("2400.00"))
    assert (new.benchmark_version, new.tier_label, new.suggested) == ("2019", "一般", D("3000.00"))
    assert [c for c, _ in ds.discretion_violations(on=date(2019, 6, 1))][:2] == ["lsi-25", "lsi-26"]


@pytest.mark.django_db
def test_propose_refuses_unknown_code_no_set_and_a_law_not_yet_in_force(published):
    with pytest.raises(Refused, match="没有违法行为代码"):
        ds.discretion_propose(violation_code="xx-1", facts=Facts(), on=date(2019, 6, 1))
    with pytest.raises(Refused, match="没有施行中的裁量基准"):
        ds.discretion_propose(violation_code="lsi-25", facts=Facts(), on=date(2010, 1, 1))
    with pytest.raises(Refused, match="2020年05月01日起施行") as exc:
        ds.discretion_propose(violation_code="mw-54", facts=Facts(workers=5), on=date(2019, 6, 1))
    # a 2019 act: the 2017 行政处罚法 has no 从旧兼从轻 article; 立法法 (2015) 第九十三条 applies
    assert exc.value.basis == "《中华人民共和国立法法》（2015年修正）第九十三条"
    assert ds.discretion_propose(
        violation_code="mw-54", facts=Facts(workers=5), on=date(2020, 6, 1)
    ).min_amount == D("20000.00")


@pytest.mark.django_db
def test_published_set_is_immutable_and_refusals_write_nothing(published, people):
    _old, new = published
    tier = new.items.get(violation_code="lsi-25").tiers.get(code="minor")
    before = snapshot()
    with pytest.raises(Refused, match="已发布"):
        ds.discretion_tier_update(
            tier=tier, low=D(1), high=D(2), conditions="", actor=people["legal"]
        )
    with pytest.raises(Refused, match="已发布"):
        ds.discretion_set_publish(
            benchmark_set=new, effective_from=date(2020, 1, 1), actor=people["legal"]
        )
    assert snapshot() == before
    tier.refresh_from_db()
    assert tier.low == D(100)


@pytest.mark.django_db
def test_a_change_is_a_new_version(published, people):
    _, current = published
    draft = ds.discretion_set_copy(source=current, version="2020", title="", actor=people["legal"])
    tier = draft.items.get(violation_code="lsi-25").tiers.get(code="minor")
    ds.discretion_tier_update(
        tier=tier, low=D(150), high=D(200), conditions="新条件", actor=people["legal"]
    )
    with pytest.raises(Refused, match="须晚于现有版本"):
        ds.discretion_set_publish(
            benchmark_set=draft, effective_from=date(2019, 1, 1), actor=people["legal"]
        )
    ds.discretion_set_publish(
        benchmark_set=draft, effective_from=date(2020, 1, 1), actor=people["legal"]
    )
    current.refresh_from_db()
    assert current.effective_to == date(2019, 12, 31)
    p = ds.discretion_propose(violation_code="lsi-25", facts=Facts(workers=2), on=date(2020, 3, 1))
    assert (p.benchmark_version, p.min_amount) == ("2020", D("300.00"))
    assert AuditEvent.objects.filter(action="enforcement.discretion_tier.update").count() == 1


# --- 社保欠费 ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_register_validates_the_uscc_and_audits(people):
    before = snapshot()
    with pytest.raises(Refused, match="统一社会信用代码无效"):
        register(people, employer_uscc="91110000600037341A")
    assert snapshot() == before
    case = register(people)
    assert AuditEvent.objects.filter(
        action="enforcement.arrears_case.register", target_id=str(case.pk)
    ).exists()


@pytest.mark.django_db
def test_only_handlers_may_act(people):
    with pytest.raises(PermissionDenied):
        register(people, actor=people["clerk"])


@pytest.mark.django_db
def test_query_before_the_order_deadline_is_refused_and_writes_nothing(people):
    case = register(people)
    step(case, "order", date(2019, 3, 1), people, deadline=date(2019, 3, 15))
    before, version = snapshot(), case.version
    with pytest.raises(Refused) as exc:
        step(case, "account_query", date(2019, 3, 10), people, balance=D(0), bank="工行")
    assert "第六十三条第二款" in str(exc.value)
    assert snapshot() == before
    case.refresh_from_db()
    assert case.version == version and case.status == "ordered"


@pytest.mark.django_db
def test_full_path_order_query_transfer_payment_close(people):
    case = register(people)
    order = step(case, "order", date(2019, 3, 1), people, deadline=date(2019, 3, 15))
    assert order.acting_body.startswith("社会保险经办机构")  # before the Tianjin switch to 税务
    deadline = Deadline.objects.get(subject_id=str(case.pk), rule_code=svc.RULE_ORDER)
    assert deadline.due == date(2019, 3, 15)
    with pytest.raises(Refused, match="未查询到存款账户余额"):
        step(case, "transfer", date(2019, 3, 20), people, amount=D(1), bank="工行")
    query = step(case, "account_query", date(2019, 3, 20), people, balance=D("50000"), bank="工行")
    assert query.power_item_code == "QZ-SB-63"
    owed = svc.case_facts(case).statement(date(2019, 3, 25)).total_outstanding
    assert owed == D("10000") + D("10000") * D("0.0005") * 38
    step(case, "transfer", date(2019, 3, 25), people, amount=owed, bank="工行")
    step(case, "payment", date(2019, 3, 25), people, amount=owed)
    case.refresh_from_db()
    assert case.status == "paid"
    deadline.refresh_from_db()
    assert deadline.status == "missed"  # paid after the order's deadline
    step(case, "close", date(2019, 3, 26), people)
    case.refresh_from_db()
    assert case.status == "closed"
    actions = list(
        AuditEvent.objects.filter(
            target_id=str(case.pk), action__startswith="enforcement.arrears_case"
        ).values_list("action", flat=True)
    )
    assert actions == [
        "enforcement.arrears_case." + a
        for a in ("register", "order", "account_query", "transfer", "payment", "close")
    ]


@pytest.mark.django_db
def test_fine_is_refused_outside_one_to_three_times_and_records_the_body(people):
    case = register(people)
    step(case, "order", date(2019, 3, 1), people, deadline=date(2019, 3, 15))
    before = snapshot()
    with pytest.raises(Refused, match="一倍以上三倍以下"):
        step(case, "fine", date(2019, 4, 1), people, amount=D("30001"))
    assert snapshot() == before
    fine = step(case, "fine", date(2019, 4, 1), people, amount=D("30000"))
    assert fine.power_item_code == "CF-SB-86" and fine.acting_body == "人力资源社会保障行政部门"


@pytest.mark.django_db
def test_stale_version_is_told_and_nothing_is_lost(people):
    case = register(people)
    stale = case.version
    step(
        case, "order", date(2019, 3, 1), people, deadline=date(2019, 3, 15), expected_version=stale
    )
    before = snapshot()
    with pytest.raises(Refused, match="已被他人更新"):
        step(case, "payment", date(2019, 3, 5), people, amount=D(100), expected_version=stale)
    assert snapshot() == before


@pytest.mark.django_db
def test_cap_setting_applies_to_the_statement(people, settings):
    case = register(people, due_date=date(2019, 2, 15))
    settings.FAZHI = {**settings.FAZHI, "SI_LATE_FEE_CAPPED": True}
    assert svc.case_facts(case).statement(date(2030, 1, 1)).late_fee == D("10000.00")
    settings.FAZHI = {**settings.FAZHI, "SI_LATE_FEE_CAPPED": False}
    assert svc.case_facts(case).statement(date(2030, 1, 1)).late_fee > D("10000")


@pytest.mark.django_db
def test_tax_collector_after_the_switch_date(people, settings):
    settings.FAZHI = {**settings.FAZHI, "SI_TAX_COLLECTION_FROM": "2019-01-01"}
    case = register(people)
    order = step(case, "order", date(2019, 3, 1), people, deadline=date(2019, 3, 15))
    assert order.acting_body.startswith("税务部门")


@pytest.mark.django_db
def test_list_is_scoped_to_the_unit(people):
    case = register(people)
    assert svc.arrears_case_list(user=people["officer"]).filter(pk=case.pk).exists()
    assert not svc.arrears_case_list(user=people["outsider"]).filter(pk=case.pk).exists()
