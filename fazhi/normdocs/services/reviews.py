"""合法性审核, 公平竞争审查 and 集体审议: each a recorded review that moves the draft on or back."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from django.db import transaction

from fazhi.accounts.permissions import (
    NORMDOCS_DELIBERATION,
    NORMDOCS_DRAFT,
    NORMDOCS_LEGALITY_REVIEW,
    require,
)
from fazhi.core.selectors.calendar import work_calendar
from fazhi.decisions.domain.competition import may_publish
from fazhi.decisions.models import CompetitionReview
from fazhi.decisions.services.competition import write_conclusion
from fazhi.normdocs.domain.errors import Refused
from fazhi.normdocs.domain.reviews import (
    LEGALITY_POINT_CODES,
    CompetitionConclusion,
    DeliberationDecision,
    LegalityConclusion,
    check_legality_conclusion,
    check_review_time,
    earliest_review_day,
)
from fazhi.normdocs.domain.states import Action, Stage
from fazhi.normdocs.models import Deliberation, NormativeDocument
from fazhi.normdocs.services._common import (
    RULE_REVIEW,
    advance,
    clock_meet,
    lock,
    not_before,
    record,
    today,
)


def _choice(enum, value: str, what: str):
    try:
        return enum(value)
    except ValueError:
        raise Refused("invalid_input", f"{what}不在可选范围内。") from None


@transaction.atomic
def document_review_legality(
    *,
    document: NormativeDocument,
    checks: Mapping[str, bool],
    conclusion: str,
    opinion: str,
    actor,
    on: date | None = None,
    urgent_reason: str = "",
) -> NormativeDocument:
    """The reviewer's written opinion on the seven points of 国办发〔2018〕115号 (六).

    Given before the fifth working day after submission only with ``urgent_reason`` (115号 (五)).

    Only a 法制审核人员 may review. 合法 → 公平竞争审查; 不合法 / 应当予以修改 → back to
    修改完善 (115号 (七): an unlawful draft may not go to 集体审议). Meets the review deadline.
    Audits ``normdocs.document.review``.
    """
    document = lock(document)
    require(actor, NORMDOCS_LEGALITY_REVIEW, unit=document.org_unit)
    day = today(on)
    result = _choice(LegalityConclusion, conclusion, "审核结论")
    clean = {code: bool(checks[code]) for code in LEGALITY_POINT_CODES if code in checks}
    check_legality_conclusion(clean, result)
    if not opinion.strip():
        raise Refused("opinion_required", "请填写书面审核意见（国办发〔2018〕115号（六））。")
    target = Stage.FAIR_COMPETITION if result == LegalityConclusion.LAWFUL else Stage.REVISING
    previous = advance(document, Action.REVIEW, target)
    review = document.legality_reviews.filter(reviewed_on__isnull=True).latest("id")
    not_before(day, review.submitted_on, "送审日期")
    earliest = earliest_review_day(review.submitted_on, work_calendar().add_working_days)
    check_review_time(day, earliest, urgent_reason)
    review.reviewer, review.reviewed_on = actor, day
    review.checks, review.conclusion, review.opinion = clean, result.value, opinion.strip()
    review.save()
    clock_meet(document=document, rule=RULE_REVIEW, on=day, actor=actor)
    document.save(update_fields=["stage", "updated_at"])
    record(
        actor=actor,
        verb="review",
        document=document,
        previous=previous,
        conclusion=result.value,
        failed=[code for code, ok in clean.items() if not ok],
        urgent_reason=urgent_reason.strip(),
    )
    return document


# normdocs' conclusions on the shared 公平竞争审查 record (``decisions.CompetitionReview``, one
# review for normative documents and decisions alike): 不涉及 is a review of a measure that does
# not touch business activity, concluded as meeting the standards.
SHARED_CONCLUSION = {
    CompetitionConclusion.NOT_APPLICABLE: "passes",
    CompetitionConclusion.COMPLIANT: "passes",
    CompetitionConclusion.EXCEPTION: "exception",
    CompetitionConclusion.NON_COMPLIANT: "fails",
}


def _competition_reviews_of(document):
    return CompetitionReview.objects.filter(matter_type="normdoc", matter_id=document.pk)


@transaction.atomic
def document_review_competition(
    *,
    document: NormativeDocument,
    conclusion: str,
    explanation: str,
    answers: Mapping[str, Mapping] | None = None,
    affects_reason: str = "",
    stakeholders: Sequence[Mapping[str, str]] = (),
    ground: str = "",
    alternatives: str = "",
    term_end: date | None = None,
    actor,
    on: date | None = None,
) -> NormativeDocument:
    """The recorded 公平竞争审查 conclusion on the shared review, checked as decisions' are
    (``decisions.services.competition.write_conclusion``): a measure touching business activity
    answers every standard in force on the review day with a reason (《公平竞争审查条例》第八条至
    第十一条; before 2024-08-01 国发〔2016〕34号), names the stakeholders heard (第十六条); an
    exception needs ground, alternatives and a term (第十二条); 不涉及 states why.

    不符合 → back to 修改完善 (第十八条: it may not be issued). Audits
    ``normdocs.document.fair_competition``.
    """
    document = lock(document)
    require(actor, NORMDOCS_DRAFT, unit=document.org_unit)
    day = today(on)
    result = _choice(CompetitionConclusion, conclusion, "审查结论")
    passes = may_publish(SHARED_CONCLUSION[result])
    previous = advance(
        document, Action.FAIR_COMPETITION, Stage.DELIBERATION if passes else Stage.REVISING
    )
    last_review = document.legality_reviews.exclude(reviewed_on=None).latest("id")
    not_before(day, last_review.reviewed_on, "合法性审核日期")
    affects = result != CompetitionConclusion.NOT_APPLICABLE
    review = CompetitionReview(
        matter_type="normdoc",
        matter_id=document.pk,
        title=document.title,
        org_unit_id=document.org_unit_id,
        affects_market=affects,
        affects_reason=(affects_reason or explanation).strip(),
        stakeholders=[
            {k: str(s.get(k, "")).strip() for k in ("who", "how", "on", "views")}
            for s in stakeholders
            if str(s.get("who", "")).strip()
        ],
        recorded_by=actor,
    )
    write_conclusion(
        review,
        answers=answers,
        conclusion=SHARED_CONCLUSION[result],
        explanation=explanation,
        ground=ground,
        alternatives=alternatives,
        term_end=term_end,
        actor=actor,
        day=day,
    )
    document.save(update_fields=["stage", "updated_at"])
    record(
        actor=actor,
        verb="fair_competition",
        document=document,
        previous=previous,
        conclusion=result.value,
    )
    return document


@transaction.atomic
def document_deliberate(
    *,
    document: NormativeDocument,
    meeting: str,
    decision: str,
    minutes: str,
    actor,
    on: date | None = None,
) -> NormativeDocument:
    """The 集体审议 meeting and its decision; 未通过 sends the draft back to 修改完善.

    Audits ``normdocs.document.deliberate``.
    """
    document = lock(document)
    require(actor, NORMDOCS_DELIBERATION, unit=document.org_unit)
    day = today(on)
    result = _choice(DeliberationDecision, decision, "审议决定")
    if not meeting.strip():
        raise Refused("meeting_required", "请填写审议会议名称（如局长办公会议）。")
    passed = result != DeliberationDecision.REJECTED
    previous = advance(document, Action.DELIBERATE, Stage.APPROVED if passed else Stage.REVISING)
    last_review = _competition_reviews_of(document).latest("id")
    not_before(day, last_review.reviewed_on, "公平竞争审查日期")
    Deliberation.objects.create(
        document=document,
        meeting=meeting.strip(),
        held_on=day,
        decision=result.value,
        minutes=minutes.strip(),
        recorded_by=actor,
    )
    document.save(update_fields=["stage", "updated_at"])
    record(
        actor=actor,
        verb="deliberate",
        document=document,
        previous=previous,
        decision=result.value,
        meeting=meeting.strip(),
    )
    return document
