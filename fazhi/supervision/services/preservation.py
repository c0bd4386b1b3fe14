"""Writes of the 先行登记保存 register (warning rule 6 reads it)."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from fazhi.accounts.permissions import (
    ENFORCEMENT_HANDLE,
    require,
)
from fazhi.core.domain.errors import Refused
from fazhi.core.services import audit
from fazhi.enforcement.models import Case

PRESERVATION_BASIS = "《中华人民共和国行政处罚法》第五十六条"


@transaction.atomic
def preservation_record(*, case: Case, saved_on: date, items: str, approver: str, actor):
    """Register a 先行登记保存 in ``case`` (行政处罚法 第五十六条: approved by the 负责人).
    The typed date is kept beside who entered it and when; a future date is refused."""
    from fazhi.supervision.models import Preservation

    require(actor, ENFORCEMENT_HANDLE, unit=case.org_unit)
    if not items.strip() or not approver.strip():
        raise Refused(
            "请填写登记保存的证据和批准的负责人", PRESERVATION_BASIS, code="preservation_empty"
        )
    if saved_on > timezone.localdate():
        raise Refused("登记保存日期不能晚于今天", PRESERVATION_BASIS, code="preservation_future")
    if case.filed_on is not None and saved_on < case.filed_on:
        raise Refused(
            f"登记保存日期不能早于立案日期{case.filed_on:%Y-%m-%d}",
            PRESERVATION_BASIS,
            code="preservation_before_filing",
        )
    row = Preservation.objects.create(
        case=case,
        saved_on=saved_on,
        items=items.strip(),
        approver=approver.strip(),
        recorded_by=audit.person(actor),
    )
    audit.record(
        actor=actor,
        action="supervision.preservation.record",
        target=row,
        data={"case": case.reference, "saved_on": saved_on.isoformat()},
    )
    return row


@transaction.atomic
def preservation_handle(*, preservation, handled_on: date, handling: str, actor):
    """The decision on preserved evidence (to be made within seven working days, rule 6)."""
    from fazhi.supervision.models import Preservation

    row = Preservation.objects.select_for_update().select_related("case__org_unit")
    row = row.get(pk=preservation.pk)
    require(actor, ENFORCEMENT_HANDLE, unit=row.case.org_unit)
    if row.handled_on is not None:
        raise Refused("该登记保存已作出处理决定", PRESERVATION_BASIS, code="preservation_handled")
    if handling not in Preservation.Handling.values:
        raise Refused("请选择处理决定", PRESERVATION_BASIS, code="preservation_handling")
    if handled_on < row.saved_on or handled_on > timezone.localdate():
        raise Refused(
            f"处理决定日期须在登记保存日期{row.saved_on:%Y-%m-%d}至今天之间",
            PRESERVATION_BASIS,
            code="preservation_date",
        )
    row.handled_on, row.handling = handled_on, handling
    row.handled_by, row.handled_at = audit.person(actor), timezone.now()
    row.save()
    audit.record(
        actor=actor,
        action="supervision.preservation.handle",
        target=row,
        data={"handled_on": handled_on.isoformat(), "handling": handling},
    )
    return row
