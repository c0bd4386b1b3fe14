"""Results of checks: 谁检查、谁录入、谁公开 (国发〔2019〕5号), published within 20 working days.

The publicity period is the clock's rule ``inspection.result_publicity`` (20 working days, by
analogy with 国办发〔2018〕118号 for other enforcement decisions; domain-rules §5).
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from fazhi.accounts.permissions import (
    INSPECTIONS_ENTER_RESULTS,
    NotPermitted,
    has_role,
    is_system,
    require,
)
from fazhi.accounts.roles import ADMIN
from fazhi.core.caching import bump
from fazhi.core.domain.errors import Refused
from fazhi.core.models.deadline import DeadlineStatus
from fazhi.core.selectors.deadlines import deadlines_for_subject
from fazhi.core.services.deadlines import deadline_meet, deadline_open
from fazhi.inspections.models import Check, CheckResult, Draw, DrawInspector
from fazhi.inspections.services._common import record

PUBLICITY_RULE = "inspection.result_publicity"
BASIS_RESULT = "国发〔2019〕5号（谁检查、谁录入、谁公开）"


def _require_inspector(actor, check: Check) -> None:
    """谁检查、谁录入: only an inspector drawn for this check (or an administrator) enters and
    publishes its result; another officer, even of the same unit, may not."""
    require(actor, INSPECTIONS_ENTER_RESULTS)
    if is_system(actor) or has_role(actor, ADMIN):
        return
    inspectors = DrawInspector.objects.filter(
        pk__in=(check.first_inspector_id, check.second_inspector_id)
    ).values_list("officer__user_id", flat=True)
    if actor.pk not in set(inspectors):
        raise NotPermitted(
            INSPECTIONS_ENTER_RESULTS,
            f"谁检查、谁录入：只有抽中检查{check.employer_name}的检查人员可以录入和公开结果。",
        )


def _open_enforcement_case(check: Check, actor, *, on: date, summary: str) -> str:
    """Start an enforcement case (source 双随机抽查) for a check that found a violation.

    Returns the case reference. Uses ``fazhi.enforcement.services.cases.case_register``.
    """
    from fazhi.enforcement.services.cases import case_register

    plan = check.draw.plan
    item = plan.items.order_by("code").select_related("power_item").first()
    case = case_register(
        power_item=item.power_item,
        org_unit=plan.org_unit,
        source="random",
        received_on=on,
        cause=f"双随机抽查发现问题：{summary}"[:200],
        party_name=check.employer_name,
        party_code=check.uscc,
        party_address=check.employer.address,
        actor=actor,
    )
    return case.reference


@transaction.atomic
def check_result_enter(
    *, check: Check, outcome: str, checked_on: date, actor, summary: str = "", case_ref: str = ""
) -> CheckResult:
    """Enter the result of one check and start its 20-working-day publicity clock.

    ``checked_on`` is a typed fact (a check is done on site, entered later): it is stored with
    who entered it and when (``entered_by``, ``created_at``), and the result is flagged
    ``entered_late`` when its publicity period had already run out at entry.

    "case opened" starts an enforcement case unless ``case_ref`` names one already opened.
    Refuses a second result (the check row is locked: of two clerks, one wins), a result before
    the draw, after today or for a draw not yet drawn, and a finding without a description.
    Audits ``inspections.check.result``.
    """
    _require_inspector(actor, check)
    check = Check.objects.select_for_update().select_related("draw", "employer").get(pk=check.pk)
    if CheckResult.objects.filter(check_record=check).exists():
        raise Refused(f"{check.employer_name}的检查结果已录入，不能重复录入", BASIS_RESULT)
    if check.draw.status not in (Draw.Status.DRAWN, Draw.Status.REVEALED):
        raise Refused("抽取尚未完成，不能录入检查结果", BASIS_RESULT)
    if outcome not in CheckResult.Outcome.values:
        raise Refused("检查结果只能是未发现问题、责令改正或立案查处", BASIS_RESULT)
    if checked_on < check.draw.drawn_on:
        raise Refused("检查完成日期不能早于抽取日", BASIS_RESULT)
    today = timezone.localtime(timezone.now()).date()
    if checked_on > today:
        raise Refused("检查完成日期不能晚于今天", BASIS_RESULT)
    if outcome != CheckResult.Outcome.NO_PROBLEM and not summary.strip():
        raise Refused("发现问题的，请填写检查情况", BASIS_RESULT)
    if outcome == CheckResult.Outcome.CASE_OPENED and not case_ref.strip():
        case_ref = _open_enforcement_case(check, actor, on=checked_on, summary=summary.strip())
    result = CheckResult.objects.create(
        check_record=check,
        outcome=outcome,
        checked_on=checked_on,
        summary=summary.strip(),
        case_ref=case_ref.strip(),
        entered_by=actor if actor else None,
    )
    deadline = deadline_open(
        subject=result,
        rule_code=PUBLICITY_RULE,
        start=checked_on,
        actor=actor,
        org_unit=check.draw.plan.org_unit,
    )
    if today > deadline.due:
        result.entered_late = True
        result.save(update_fields=["entered_late"])
    record(
        "check.result",
        actor,
        result,
        check=check.pk,
        outcome=outcome,
        case_ref=result.case_ref,
        checked_on=checked_on,
        entered_late=result.entered_late,
    )
    bump("inspections")  # public pages show it: a new version on commit
    return result


@transaction.atomic
def check_result_publish(*, result: CheckResult, actor) -> CheckResult:
    """Publish a result on the portal now and close its publicity clock (met or missed): the
    公示日期 is the system's (the moment it went public), never typed, so the 20-working-day
    figure counts from it. Audits ``inspections.check.publish``."""
    _require_inspector(actor, result.check_record)
    result = CheckResult.objects.select_for_update().get(pk=result.pk)
    if result.published_on:
        raise Refused("该检查结果已公示", BASIS_RESULT)
    now = timezone.now()
    on = timezone.localtime(now).date()
    if on < result.checked_on:
        raise Refused("公示日期不能早于检查完成日期", BASIS_RESULT)
    result.published_on, result.published_at = on, now
    result.published_by = actor if getattr(actor, "pk", None) else None
    result.save(update_fields=["published_on", "published_at", "published_by"])
    deadline = (
        deadlines_for_subject(subject=result)
        .filter(rule_code=PUBLICITY_RULE, status=DeadlineStatus.OPEN)
        .first()
    )
    if deadline is not None:
        deadline_meet(deadline=deadline, met_on=on, actor=actor)
    record("check.publish", actor, result, on=on)
    bump("inspections")  # public pages show it: a new version on commit
    return result
