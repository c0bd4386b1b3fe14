"""The 普法责任清单 and the 法治宣传教育基地 register."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from fazhi.accounts.models import OrgUnit
from fazhi.accounts.permissions import EDUCATION_MANAGE, pufa_rule, require
from fazhi.core.caching import bump
from fazhi.core.domain.errors import Refused
from fazhi.core.services import audit
from fazhi.education.domain.exam import ExamError
from fazhi.education.models import (
    DutyItem,
    DutyKind,
    EducationBase,
)

DUTY_BASIS = "《关于实行国家机关“谁执法谁普法”普法责任制的意见》（中办发〔2017〕31号）"


@transaction.atomic
def duty_item_add(
    *,
    year: int,
    kind: str,
    content: str,
    lead_unit: OrgUnit,
    actor,
    audience: str = "",
    lead_person: str = "",
    measures: str = "",
    deadline=None,
) -> DutyItem:
    """Add an item to the year's 普法责任清单."""
    require(actor, EDUCATION_MANAGE, unit=lead_unit)
    content = (content or "").strip()
    if not content:
        raise Refused("请填写普法内容", DUTY_BASIS, code=ExamError.BAD_ITEM)
    if kind not in DutyKind.values:
        raise Refused("清单事项须为共性或个性事项", DUTY_BASIS, code=ExamError.BAD_ITEM)
    if deadline is not None and deadline.year < year:
        raise Refused("完成时限不能早于清单年度", code=ExamError.BAD_ITEM)
    item = DutyItem.objects.create(
        year=year,
        kind=kind,
        content=content[:300],
        audience=(audience or "").strip()[:200],
        lead_unit=lead_unit,
        lead_person=(lead_person or "").strip()[:50],
        measures=(measures or "").strip(),
        deadline=deadline,
        recorded_by=audit.person(actor),
    )
    audit.record(
        actor=actor,
        action="education.duty_item.add",
        target=item,
        data={"year": year, "kind": kind, "content": item.content},
    )
    bump("education")  # the public 普法 page shows it
    return item


@transaction.atomic
def duty_item_complete(*, item: DutyItem, done_on, actor) -> DutyItem:
    """Mark a 清单 item done on ``done_on`` (a typed fact, stored with who recorded it)."""
    # 谁执法谁普法: the lead unit reports its own item done; 法规处 may for any.
    require(actor, pufa_rule(actor), unit=item.lead_unit)
    item = DutyItem.objects.select_for_update().get(pk=item.pk)
    if item.done_on is not None:
        raise Refused("该事项已标记完成", code=ExamError.BAD_ITEM)
    if done_on > timezone.localdate():
        raise Refused("完成日期不能晚于今天", code=ExamError.BAD_ITEM)
    item.done_on = done_on
    item.save(update_fields=["done_on"])
    audit.record(
        actor=actor,
        action="education.duty_item.complete",
        target=item,
        data={"done_on": done_on.isoformat()},
    )
    bump("education")  # the public 普法 page shows it
    return item


@transaction.atomic
def base_register(
    *, name: str, address: str, sponsor: OrgUnit, opened_on, actor, content: str = ""
) -> EducationBase:
    """Register a 法治宣传教育基地."""
    require(actor, EDUCATION_MANAGE, unit=sponsor)
    name, address = (name or "").strip(), (address or "").strip()
    if not name or not address:
        raise Refused("请填写基地名称和地址", code=ExamError.BAD_ITEM)
    base = EducationBase.objects.create(
        name=name[:200],
        address=address[:300],
        sponsor=sponsor,
        opened_on=opened_on,
        content=(content or "").strip(),
    )
    audit.record(
        actor=actor,
        action="education.base.register",
        target=base,
        data={"name": base.name, "address": base.address},
    )
    bump("education")  # the public 普法 page shows it
    return base
