"""听证: the party's request, the notice, the record and the close (行政处罚法 2021 第六十三至
六十五条). Audits ``enforcement.case.hearing_request`` / ``hearing_notice`` / ``hearing_record``
/ ``hearing_close``."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.db import transaction

from fazhi.accounts.permissions import (
    ENFORCEMENT_HANDLE,
    require,
)
from fazhi.core.domain.errors import Refused
from fazhi.core.selectors.deadlines import deadline_compute
from fazhi.core.services.deadlines import deadline_meet
from fazhi.enforcement.domain import acts as act_rules
from fazhi.enforcement.domain import case_flow as flow
from fazhi.enforcement.domain import hearing as hearing_rules
from fazhi.enforcement.models import (
    Case,
    CaseAct,
    Hearing,
)
from fazhi.enforcement.services import cases_common as c
from fazhi.enforcement.services.cases_decision.checks import (
    HEARING_NOTICE,
    HEARING_REQUEST,
    _hearing_last_day,
)


@transaction.atomic
def case_hearing_request(
    *, case: Case, on: date, actor, seen_version: int | None = None
) -> Hearing:
    """The party asks for a hearing within the period (第六十四条第（一）项)."""
    require(actor, ENFORCEMENT_HANDLE, unit=case.org_unit)
    case = c.lock(case, seen_version)
    previous = c.move(case, flow.Action.REQUEST_HEARING, on)
    c.check_typed("hearing_request", on)
    flow.check_not_before(on, case.notified_on, "告知日期")
    last_day = _hearing_last_day(case)
    hearing_rules.check_request(
        has_right=bool(case.hearing_reasons), requested_on=on, last_day=last_day or on
    )
    if Hearing.objects.filter(case=case).exists():
        raise Refused("本案已经申请过听证", hearing_rules.basis(on, "request"))
    hearing = Hearing.objects.create(case=case, requested_on=on)
    c.save(case, "status")
    # The party's period (not the bureau's): met on the day the party asked.
    if deadline := c.open_deadline(case, HEARING_REQUEST):
        deadline_meet(deadline=deadline, met_on=on, actor=actor)
    c.enter_date(case, "hearing_request", on, actor)
    c.record(case, "hearing_request", actor, on=on, **{"from": previous, "to": case.status})
    return hearing


def _hearing(case: Case) -> Hearing:
    if flow.Status(case.status) != flow.Status.HEARING:
        raise Refused(
            f"案件当前状态为“{case.status_label}”，不在听证程序中", hearing_rules.basis(None)
        )
    return Hearing.objects.select_for_update().get(case=case)


@transaction.atomic
def case_hearing_notice(
    *,
    case: Case,
    presiding,
    notice_on: date,
    hearing_on: date,
    place: str,
    actor,
    seen_version: int | None = None,
) -> Hearing:
    """Appoint the presiding officer (not an investigator) and notify the party at least 7
    (working) days before the hearing (第六十四条第（二）、（四）项)."""
    require(actor, ENFORCEMENT_HANDLE, unit=case.org_unit)
    case = c.lock(case, seen_version)
    hearing = _hearing(case)
    flow.check_not_before(notice_on, hearing.requested_on, "听证申请日期")
    hearing_rules.check_presiding(
        presiding_is_investigator=presiding is None
        or presiding.pk in c.investigator_user_ids(case),
        on=notice_on,
    )
    latest = deadline_compute(code=HEARING_NOTICE, start=hearing_on).due
    hearing_rules.check_notice(notice_on=notice_on, hearing_on=hearing_on, latest_notice=latest)
    act = c.add_act(
        case,
        kind=act_rules.ActKind.HEARING_NOTICE,
        on=notice_on,
        actor=actor,
        summary=f"定于{hearing_on.isoformat()}在{place or '本机关'}举行听证，主持人{presiding}",
        place=place,
        data={"hearing_on": hearing_on.isoformat(), "presiding": presiding.pk},
    )
    hearing.presiding, hearing.notice_on, hearing.hearing_on = presiding, notice_on, hearing_on
    hearing.save(update_fields=["presiding", "notice_on", "hearing_on"])
    c.save(case)
    c.record(
        case, "hearing_notice", actor, seq=act.seq, hearing_on=hearing_on, presiding=presiding.pk
    )
    return hearing


@transaction.atomic
def case_hearing_record(
    *,
    case: Case,
    held_on: date,
    summary: str,
    actor,
    uploads: Sequence[c.Upload] = (),
    seen_version: int | None = None,
) -> CaseAct:
    """The signed 听证笔录 (第六十四条第（八）项)."""
    require(actor, ENFORCEMENT_HANDLE, unit=case.org_unit)
    case = c.lock(case, seen_version)
    hearing = _hearing(case)
    if hearing.hearing_on is None:
        raise Refused("尚未通知听证，不能记录听证笔录", hearing_rules.basis(held_on, "record"))
    flow.check_not_before(held_on, hearing.hearing_on, "通知的听证日期")
    act_rules.check_summary(act_rules.ActKind.HEARING_RECORD, summary, held_on)
    files = c.ingest(case, uploads, actor)
    act = c.add_act(
        case,
        kind=act_rules.ActKind.HEARING_RECORD,
        on=held_on,
        summary=summary,
        actor=actor,
        evidence=files,
        data={"presiding": hearing.presiding_id},
    )
    hearing.record = act
    hearing.save(update_fields=["record"])
    c.save(case)
    c.record(
        case, "hearing_record", actor, seq=act.seq, on=held_on, evidence=[e.sha256 for e in files]
    )
    return act


@transaction.atomic
def case_hearing_close(
    *, case: Case, on: date, actor, waived: bool = False, seen_version: int | None = None
) -> Case:
    """End the hearing: only with its 笔录, unless the party withdrew or failed to appear
    (第六十四条第（六）、（八）项)."""
    require(actor, ENFORCEMENT_HANDLE, unit=case.org_unit)
    case = c.lock(case, seen_version)
    hearing = Hearing.objects.select_for_update().filter(case=case).first()
    if hearing is not None:
        hearing_rules.check_can_close(
            has_record=hearing.record_id is not None,
            held=hearing.record_id is not None,
            waived=waived,
            on=on,
        )
    previous = c.move(case, flow.Action.CLOSE_HEARING, on)
    hearing.waived, hearing.closed_on = waived, on
    hearing.save(update_fields=["waived", "closed_on"])
    c.save(case, "status")
    c.record(
        case, "hearing_close", actor, on=on, waived=waived, **{"from": previous, "to": case.status}
    )
    return case
