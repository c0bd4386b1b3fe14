"""公平竞争审查: one review of one measure, whichever app holds it (公平竞争审查条例 2024)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from django.db import transaction

from fazhi.accounts.permissions import (
    DECISIONS_COMPETITION,
    require,
)
from fazhi.core.domain.errors import Refused
from fazhi.core.services import audit
from fazhi.core.services.deadlines import deadline_open_fixed
from fazhi.decisions.domain import competition as comp
from fazhi.decisions.domain import counsel as cdom
from fazhi.decisions.domain.errors import Code
from fazhi.decisions.models import (
    CompetitionReview,
)
from fazhi.decisions.services._common import (
    RULE_EXCEPTION_TERM,
    enter_matter_date,
    lock,
    need,
    record,
    today,
)

# --- 公平竞争审查 ---------------------------------------------------------------------------------


@transaction.atomic
def competition_open(
    *,
    matter_type: str,
    matter_id: int,
    title: str,
    org_unit,
    affects_market: bool = True,
    affects_reason: str = "",
    actor,
) -> CompetitionReview:
    require(actor, DECISIONS_COMPETITION, unit=org_unit)
    if CompetitionReview.objects.filter(
        matter_type=matter_type, matter_id=matter_id, conclusion=""
    ).exists():
        raise Refused("该政策措施已有进行中的公平竞争审查", code=Code.STAGE)
    row = CompetitionReview.objects.create(
        matter_type=cdom.MatterType(matter_type),
        matter_id=matter_id,
        title=need(title, "政策措施名称"),
        org_unit=org_unit,
        affects_market=affects_market,
        affects_reason=need(affects_reason, "是否涉及经营者经济活动的判断理由"),
        recorded_by=audit.person(actor),
    )
    record(actor, "competition.open", row, matter=f"{matter_type}:{matter_id}")
    return row


@transaction.atomic
def competition_consult(
    *, review: CompetitionReview, who: str, how: str, views: str, on: date, actor
) -> CompetitionReview:
    """第十六条: hear 经营者, 行业协会 (and the public where public interest is involved)."""
    review = lock(review)
    require(actor, DECISIONS_COMPETITION, unit=review.org_unit)
    if review.conclusion:
        raise Refused("审查已作出结论", code=Code.STAGE)
    review.stakeholders = [
        *review.stakeholders,
        {
            "who": need(who, "听取意见对象"),
            "how": need(how, "听取方式"),
            "on": on.isoformat(),
            "views": need(views, "意见内容"),
        },
    ]
    review.save()
    enter_matter_date(review.matter_type, review.matter_id, "competition_consult", on, actor)
    record(actor, "competition.consult", review, who=who)
    return review


@transaction.atomic
def competition_conclude(
    *,
    review: CompetitionReview,
    answers: Mapping[str, Mapping],
    conclusion: str,
    explanation: str,
    ground: str = "",
    alternatives: str = "",
    term_end: date | None = None,
    actor,
    on=None,
) -> CompetitionReview:
    """The written conclusion (第十七条) after every standard is answered with a reason; an
    exception only with ground, alternatives and a term (第十二条)."""
    review = lock(review)
    require(actor, DECISIONS_COMPETITION, unit=review.org_unit)
    if review.conclusion:
        raise Refused("审查已作出结论", code=Code.STAGE)
    write_conclusion(
        review,
        answers=answers,
        conclusion=conclusion,
        explanation=explanation,
        ground=ground,
        alternatives=alternatives,
        term_end=term_end,
        actor=actor,
        day=today(on),
    )
    enter_matter_date(review.matter_type, review.matter_id, "competition_conclude", on, actor)
    return review


def write_conclusion(
    review: CompetitionReview,
    *,
    answers: Mapping[str, Mapping] | None,
    conclusion: str,
    explanation: str,
    ground: str = "",
    alternatives: str = "",
    term_end: date | None = None,
    actor,
    day: date,
) -> list[str]:
    """Check and write a review's conclusion, whichever app holds the measure (the caller has
    checked the actor's role): the standards in force on ``day`` each answered with a reason
    (第八条至第十一条), stakeholders heard (第十六条), an exception only with ground, alternatives
    and a term (第十二条) — whose end goes on the clock as a reminder. Returns the standards
    violated. Nothing is written when a rule refuses."""
    try:
        result = comp.Conclusion(conclusion)
    except ValueError:
        raise Refused("审查结论不在可选范围内", code=Code.INVALID) from None
    violated: list[str] = []
    if review.affects_market:
        violated = comp.check_checklist(answers or {}, day)
        if not review.stakeholders:
            raise Refused(
                "应当听取有关经营者、行业协会等利害关系人的意见",
                comp.basis_on(day, "第十六条"),
                code=Code.CHECKLIST_INCOMPLETE,
            )
    elif result != comp.Conclusion.PASSES:
        raise Refused("不涉及经营者经济活动的措施，结论应为符合标准", code=Code.INVALID)
    comp.check_conclusion(
        result, violated, day=day, ground=ground, alternatives=alternatives, term_end=term_end
    )
    review.answers = (
        {k: dict(v) for k, v in (answers or {}).items()} if review.affects_market else {}
    )
    review.conclusion, review.explanation = result.value, need(explanation, "结论说明")
    if result == comp.Conclusion.EXCEPTION:
        review.exception_ground, review.alternatives = ground, alternatives.strip()
        review.term_end = term_end
    review.reviewer, review.reviewed_on = audit.person(actor), day
    review.save()
    if result == comp.Conclusion.EXCEPTION and term_end is not None:
        deadline_open_fixed(
            subject=review,
            rule_code=RULE_EXCEPTION_TERM,
            title="公平竞争审查例外规定实施期限届满",
            start=day,
            due=term_end,
            actor=actor,
            org_unit=review.org_unit,
            basis=comp.basis_on(day, "第十二条"),
        )
    record(actor, "competition.conclude", review, conclusion=result.value, violated=violated)
    return violated
