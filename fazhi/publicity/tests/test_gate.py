"""The gate on every publicity write service (谁执法谁公示, 国办发〔2018〕118号 二): anonymous,
another unit's user and a role without the right are refused with nothing written; the unit
that took the decision (or a bureau-wide role) acts. Plus the defects of issue 18.1 through the
staff pages: another unit's record can be neither published nor withdrawn."""

from __future__ import annotations

from datetime import date

import pytest
from django.utils import timezone

from fazhi.accounts.permissions import SYSTEM, NotPermitted
from fazhi.accounts.testing.gate import assert_refused, check_gate, row_counts
from fazhi.accounts.tests.factories import make_unit, make_user
from fazhi.publicity.domain.enums import Kind, Status
from fazhi.publicity.models import ExportBatch, PublicityRecord
from fazhi.publicity.selectors import record_unit
from fazhi.publicity.services import (
    publicity_end,
    publicity_expire,
    publicity_publish,
    publicity_register,
    publicity_withdraw,
)
from fazhi.publicity.services.exchange import (
    export_batch_record,
    receipt_import,
    shuanggongshi_export,
)
from fazhi.publicity.services.records import SourceRef
from fazhi.publicity.testing import on_day, publish_on, withdraw_on
from fazhi.publicity.tests.conftest import penalty_data

pytestmark = pytest.mark.django_db

HXQ = "天津市河西区人力资源和社会保障局"
BHXQ = "天津市滨海新区人力资源和社会保障局"
PUBLISH_DAY = date(2019, 10, 8)


@pytest.fixture
def gate(org_tree):
    bureau = org_tree["bureau"]
    hexi = make_unit("HXQ", "河西区人社局", "district", bureau)
    binhai = make_unit("BHXQ", "滨海新区人社局", "district", bureau)
    labour = make_unit("LDGXC", "劳动关系处", "division", bureau)
    return {
        "units": {**org_tree, "hexi": hexi, "binhai": binhai, "labour": labour},
        # the bureau's own officer publishes the bureau's decisions
        "bureau_officer": make_user("ju_zf", unit=bureau, roles=["执法人员"]),
        "hexi_officer": make_user("hx_zf", unit=hexi, roles=["执法人员"]),
        "binhai_officer": make_user("bh_zf", unit=binhai, roles=["执法人员"]),
        "heping_officer": make_user("hp_zf", unit=org_tree["district_team"], roles=["执法人员"]),
        "labour_clerk": make_user("ldgx", unit=labour, roles=["业务处室经办人"]),
        "reviewer": make_user("shenhe", unit=org_tree["fagui"], roles=["法制审核人员"]),
        "legal": make_user("fagui", unit=org_tree["fagui"], roles=["法规处工作人员"]),
    }


def _register(source_id: str, *, source_unit: str = "", actor=SYSTEM) -> PublicityRecord:
    changes = {"document_number": f"津人社监罚〔2019〕{source_id}号"}
    if source_unit:
        changes |= {"authority": source_unit, "source_unit": source_unit}
    record, _ = publicity_register(
        kind=Kind.PENALTY,
        source=SourceRef("enforcement.decision", source_id),
        data=penalty_data(**changes),
        actor=actor,
    )
    return record


def _published(source_id: str, **kwargs) -> PublicityRecord:
    return publish_on(PUBLISH_DAY, record=_register(source_id, **kwargs), actor=SYSTEM)


def _outsiders(gate, *, responsible_unit: str = "bureau") -> list:
    """Another unit's officer and clerk, and a role without the right."""
    others = [gate["heping_officer"], gate["labour_clerk"], gate["reviewer"]]
    if responsible_unit != "hexi":
        others.append(gate["hexi_officer"])
    return others


def test_a_record_belongs_to_the_unit_of_its_decision(gate):
    assert record_unit(_register("1")) == gate["units"]["bureau"]
    assert record_unit(_register("2", source_unit=HXQ)) == gate["units"]["hexi"]


def test_register(gate):
    check_gate(
        lambda actor: publicity_register(
            kind=Kind.PENALTY,
            source=SourceRef("enforcement.decision", "9"),
            data=penalty_data(),
            actor=actor,
        ),
        responsible=gate["legal"],
        outsiders=[gate["reviewer"]],
    )


def test_register_of_a_case_is_scoped_to_the_case_unit(gate):
    """A source row with a unit (an enforcement case, a licence application) places the record."""
    from fazhi.inspections.models import InspectionPlan

    plan = InspectionPlan.objects.create(
        year=2019, title="t", shares={}, org_unit=gate["units"]["hexi"]
    )
    call = lambda actor: publicity_register(  # noqa: E731
        kind=Kind.OTHER, source=plan, data=penalty_data(), actor=actor
    )
    outsiders = _outsiders(gate, responsible_unit="hexi")
    check_gate(call, responsible=gate["hexi_officer"], outsiders=outsiders)


def test_publish(gate):
    record = _register("3")

    def publish(actor):
        with on_day(PUBLISH_DAY):  # the 公示日期 is the clock's
            return publicity_publish(record=record, actor=actor)

    check_gate(
        publish,
        responsible=gate["bureau_officer"],
        outsiders=_outsiders(gate),
        obj=record,
    )


def test_withdraw(gate):
    record = _published("4", source_unit=HXQ)
    check_gate(
        lambda actor: withdraw_on(
            date(2019, 11, 4), record=record, reason="复议撤销", change="撤销", actor=actor
        ),
        responsible=gate["hexi_officer"],
        outsiders=_outsiders(gate, responsible_unit="hexi"),
        obj=record,
    )


def test_end_and_the_daily_expiry_job(gate):
    record = _published("5")
    after = record.publicity_ends_on.replace(day=28)
    after = date(after.year + 1, after.month, 28)
    check_gate(
        lambda actor: publicity_end(record=record, actor=actor, on=after),
        responsible=gate["bureau_officer"],
        outsiders=_outsiders(gate),
        obj=record,
    )
    # the expiry job is the system's alone: no person runs it, whatever their role
    for person in (gate["legal"], gate["bureau_officer"]):
        assert_refused(lambda actor: publicity_expire(actor=actor, on=after), person)
    assert publicity_expire(actor=SYSTEM, on=after) == 0


def test_export_and_receipt(gate, tmp_path):
    record = _published("6")
    outsiders = [gate["bureau_officer"], gate["labour_clerk"], gate["reviewer"]]
    result = check_gate(
        lambda actor: shuanggongshi_export(
            kind="penalty", fmt="csv", out=tmp_path / f"{actor.pk}.csv", actor=actor
        ),
        responsible=gate["legal"],
        outsiders=outsiders,
    )
    assert result.batch is not None
    check_gate(
        lambda actor: export_batch_record(result=result, started_at=timezone.now(), actor=actor),
        responsible=gate["legal"],
        outsiders=outsiders,
    )
    receipt = f"数据编号,状态,原因\n{record.record_no},接收成功,\n".encode()
    check_gate(
        lambda actor: receipt_import(
            raw=receipt, file_name="r.csv", actor=actor, batch=result.batch
        ),
        responsible=gate["legal"],
        outsiders=outsiders,
        obj=result.batch,
    )
    assert ExportBatch.objects.get(pk=result.batch.pk).status == "accepted"


# --- the defects of issue 18.1, through the staff pages -------------------------------------------


def _post(client, user, record, action: str, **data):
    client.force_login(user)
    before = row_counts()
    response = client.post(f"/staff/publicity/records/{record.pk}/{action}/", data)
    return response, before


WITHDRAW = {"reason": "复议决定撤销", "change": "撤销", "changed_on": "2019-11-04"}


def test_a_heping_officer_cannot_withdraw_the_bureau_s_penalty(client, gate):
    record = _published("7")
    response, before = _post(client, gate["heping_officer"], record, "withdraw", **WITHDRAW)
    assert response.status_code == 403
    assert row_counts() == before
    assert PublicityRecord.objects.get(pk=record.pk).status == Status.PUBLISHED


def test_a_labour_relations_clerk_cannot_withdraw_a_hexi_penalty(client, gate):
    record = _published("8", source_unit=HXQ)
    response, before = _post(client, gate["labour_clerk"], record, "withdraw", **WITHDRAW)
    assert response.status_code == 403
    assert row_counts() == before
    assert PublicityRecord.objects.get(pk=record.pk).withdrawal_reason == ""


def test_an_officer_cannot_publish_a_binhai_penalty(client, gate):
    record = _register("9", source_unit=BHXQ)
    for outsider in (gate["heping_officer"], gate["hexi_officer"]):
        with on_day(PUBLISH_DAY):
            response, before = _post(client, outsider, record, "publish")
        assert response.status_code == 403
        assert row_counts() == before
    assert PublicityRecord.objects.get(pk=record.pk).status == Status.PENDING
    # the record page offers the action only to those who may take it
    action = f"/staff/publicity/records/{record.pk}/publish/"
    client.force_login(gate["heping_officer"])
    assert action not in client.get(f"/staff/publicity/records/{record.pk}/").content.decode()
    client.force_login(gate["binhai_officer"])
    assert action in client.get(f"/staff/publicity/records/{record.pk}/").content.decode()
    with on_day(PUBLISH_DAY):
        response, _ = _post(client, gate["binhai_officer"], record, "publish")
    assert response.status_code == 302
    assert PublicityRecord.objects.get(pk=record.pk).status == Status.PUBLISHED


def test_the_service_refuses_whoever_calls_it(gate):
    """Not only the page: a direct call (CLI, another app) is refused the same way."""
    record = _published("10", source_unit=HXQ)
    with pytest.raises(NotPermitted) as refused, on_day(PUBLISH_DAY):
        publicity_withdraw(record=record, reason="x", change="撤销", actor=gate["labour_clerk"])
    assert refused.value.code == "publicity.publish"
    assert "河西区人社局" in str(refused.value)
