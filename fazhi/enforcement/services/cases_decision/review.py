"""法制审核 and 集体讨论: the case submitted for review, the reviewer's opinion, the leaders'
collective discussion (行政处罚法 2021 第五十七、五十八条). Audits ``enforcement.case.review_submit``
/ ``review`` / ``discuss``."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from django.db import transaction

from fazhi.accounts.permissions import (
    ENFORCEMENT_HANDLE,
    ENFORCEMENT_LEGAL_REVIEW,
    require,
)
from fazhi.core.domain import citations as cit
from fazhi.core.domain.errors import Refused
from fazhi.enforcement.domain import acts as act_rules
from fazhi.enforcement.domain import case_flow as flow
from fazhi.enforcement.domain import review as review_rules
from fazhi.enforcement.models import (
    Case,
    CaseAct,
    LegalReview,
)
from fazhi.enforcement.services import cases_common as c
from fazhi.officers.domain.certificates import BASIS_REVIEWER
from fazhi.officers.selectors import reviewer_qualification_problem


@transaction.atomic
def case_review_submit(
    *, case: Case, on: date, actor, seen_version: int | None = None
) -> LegalReview:
    """Send the case to 法制审核 with the catalogue entries it meets (第五十八条)."""
    require(actor, ENFORCEMENT_HANDLE, unit=case.org_unit)
    case = c.lock(case, seen_version)
    previous = c.move(case, flow.Action.SUBMIT_REVIEW, on)
    c.check_typed("review_submit", on)
    flow.check_not_before(on, case.notified_on, "告知日期")
    triggers = c.review_triggers(case, on)
    last = case.reviews.order_by("-round").first()
    review = LegalReview.objects.create(
        case=case,
        round=(last.round + 1 if last else 1),
        submitted_on=on,
        submitted_by=actor,
        triggers=[{"code": t.code, "label": t.label, "basis": t.basis} for t in triggers],
    )
    c.save(case, "status")
    c.enter_date(case, "review_submit", on, actor)
    c.record(
        case,
        "review_submit",
        actor,
        on=on,
        round=review.round,
        triggers=[t.code for t in triggers],
        **{"from": previous, "to": case.status},
    )
    return review


@transaction.atomic
def case_review(
    *,
    case: Case,
    on: date,
    points: Mapping[str, tuple[bool, str]],
    opinion: str,
    comments: str,
    actor,
    seen_version: int | None = None,
) -> LegalReview:
    """The reviewer's opinion on the seven points (118号 (十三)): 同意, or 存在问题 which sends
    the case back to be corrected and submitted again. The reviewer holds the 法制审核人员 role
    and did not investigate this case. Audits ``enforcement.case.review``."""
    # 法制审核人员 only (第五十八条; not the administrator): the role and the scope are the gate's
    require(actor, ENFORCEMENT_LEGAL_REVIEW, unit=case.org_unit)
    case = c.lock(case, seen_version)
    review_rules.check_reviewer(
        is_reviewer=True,
        is_investigator=getattr(actor, "pk", None) in c.investigator_user_ids(case),
        on=on,
    )
    # 行政处罚法 (2021) 第五十八条第二款: a first-time reviewer holds the 法律职业资格
    if unqualified := reviewer_qualification_problem(user=actor, on=on):
        raise Refused(unqualified, BASIS_REVIEWER)
    result = review_rules.check_opinion(points, opinion, comments)
    action = (
        flow.Action.REVIEW_AGREE
        if result.opinion == review_rules.Opinion.AGREE
        else flow.Action.REVIEW_PROBLEMS
    )
    previous = c.move(case, action, on)
    c.check_typed("review", on)
    review = case.reviews.select_for_update().order_by("-round").first()
    flow.check_not_before(on, review.submitted_on, "提交审核日期")
    review.reviewer, review.reviewed_on, review.opinion = actor, on, result.opinion
    review.points = {p.code: {"passed": p.passed, "note": p.note} for p in result.points}
    review.comments = result.comments
    review.save(update_fields=["reviewer", "reviewed_on", "opinion", "points", "comments"])
    c.save(case, "status")
    c.enter_date(case, "review", on, actor)
    c.record(
        case,
        "review",
        actor,
        on=on,
        round=review.round,
        opinion=result.opinion,
        problems=list(result.problems),
        **{"from": previous, "to": case.status},
    )
    return review


@transaction.atomic
def case_discuss(
    *,
    case: Case,
    on: date,
    attendees: str,
    conclusion: str,
    actor,
    seen_version: int | None = None,
) -> CaseAct:
    """集体讨论 by the agency's 负责人 for serious cases (行政处罚法 2021 第五十七条第二款; 2017
    第三十八条第二款), recorded with its attendees, date and conclusion, before the decision."""
    require(actor, ENFORCEMENT_HANDLE, unit=case.org_unit)
    case = c.lock(case, seen_version)
    if flow.Status(case.status) not in {
        flow.Status.NOTIFIED,
        flow.Status.HEARD,
        flow.Status.REVIEWED,
        flow.Status.PROPOSED,
    }:
        raise Refused(
            f"案件当前状态为“{case.status_label}”，不能组织集体讨论",
            cit.cite_penalty("collective", on),
        )
    if not attendees.strip() or not conclusion.strip():
        raise Refused("集体讨论记录须写明参加人员和讨论决定", cit.cite_penalty("collective", on))
    flow.check_not_before(on, case.notified_on, "告知日期")
    act = c.add_act(
        case,
        kind=act_rules.ActKind.DISCUSSION,
        on=on,
        actor=actor,
        summary=conclusion,
        data={"attendees": attendees.strip()},
    )
    c.save(case)
    c.record(case, "discuss", actor, seq=act.seq, on=on, attendees=attendees.strip())
    return act
