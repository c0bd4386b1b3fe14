"""Reads on normative documents: visibility applied, values ready for display."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from fazhi.accounts.permissions import (
    NORMDOCS_ADMINISTER,
    NORMDOCS_DELIBERATION,
    NORMDOCS_DRAFT,
    NORMDOCS_LEGALITY_REVIEW,
    allowed,
)
from fazhi.accounts.selectors import scope_queryset
from fazhi.core.models.deadline import DeadlineStatus
from fazhi.core.selectors.deadlines import DeadlineRow, deadline_rows, deadlines_for_subject
from fazhi.normdocs.domain.cleanup import ENDING_OUTCOMES
from fazhi.normdocs.domain.states import (
    ACTION_LABELS,
    STAGE_LABELS,
    Action,
    Stage,
    allowed_actions,
)
from fazhi.normdocs.models import CleanupAssessment, CleanupCampaign, NormativeDocument

RULE_TITLES = {"normdoc.expiry_reminder": "有效期届满前评估提醒（届满前6个月）"}


def document_list(
    *, user, stage: str = "", year: int | None = None, query: str = ""
) -> QuerySet[NormativeDocument]:
    qs = scope_queryset(NormativeDocument.objects.select_related("org_unit"), user=user)
    if stage:
        qs = qs.filter(stage=stage)
    if year:
        qs = qs.filter(Q(number_year=year) | Q(number_year__isnull=True, drafted_on__year=year))
    if query.strip():
        qs = qs.filter(Q(title__icontains=query.strip()) | Q(doc_number__icontains=query.strip()))
    return qs.order_by("-number_year", "-number_serial", "-drafted_on", "-id")


def document_get_for_user(*, pk: int, user) -> NormativeDocument:
    """404 for both "missing" and "not yours": existence is not leaked."""
    try:
        return document_list(user=user).get(pk=pk)
    except NormativeDocument.DoesNotExist:
        raise Http404("未找到该文件") from None


def _row(deadline, today: date) -> DeadlineRow:
    row = deadline_rows([deadline], today=today)[0]
    if deadline.rule_code in RULE_TITLES:
        row = DeadlineRow(row.deadline, RULE_TITLES[deadline.rule_code], row.remaining)
    return row


def document_deadlines(document: NormativeDocument, *, today: date) -> list[DeadlineRow]:
    return [_row(d, today) for d in deadlines_for_subject(subject=document)]


def next_deadlines(documents, *, today: date) -> dict[int, DeadlineRow]:
    """The open deadline due soonest for each document, in one query."""
    from fazhi.core.models import Deadline

    ids = [str(d.pk) for d in documents]
    found: dict[int, DeadlineRow] = {}
    rows = Deadline.objects.filter(
        subject_type=NormativeDocument._meta.label_lower,
        subject_id__in=ids,
        status=DeadlineStatus.OPEN,
    ).order_by("due", "id")
    for deadline in rows:
        key = int(deadline.subject_id)
        if key not in found:
            found[key] = _row(deadline, today)
    return found


@dataclass(frozen=True)
class TimelineStep:
    label: str
    day: date | None
    state: str  # done / current / pending / skipped


def document_timeline(document: NormativeDocument) -> list[TimelineStep]:
    """The fixed sequence of steps with the day each was done."""
    review = document.legality_reviews.exclude(reviewed_on=None).order_by("-id").first()
    competition = competition_reviews(document).order_by("-id").first()
    meeting = document.deliberations.order_by("-id").first()
    steps = [
        ("起草", document.drafted_on),
        ("公开征求意见", document.comment_opened_on),
        ("合法性审核", review.reviewed_on if review else None),
        ("公平竞争审查", competition.reviewed_on if competition else None),
        ("集体审议", meeting.held_on if meeting else None),
        ("统一登记编号", document.registered_on),
        ("印发公布", document.published_on),
        ("报送备案", document.filed_on),
        ("备案审查", document.filing_reviewed_on),
        ("有效期至", document.valid_until),
    ]
    if document.ended_on:
        steps.append((STAGE_LABELS[Stage(document.stage)], document.ended_on))
    current = _current_index(Stage(document.stage))
    result = []
    for index, (label, day) in enumerate(steps):
        if index < current or (day and index != current):
            state = "done"
        elif index == current:
            state = "current"
        else:
            state = "pending"
        result.append(TimelineStep(label, day, state))
    return result


_CURRENT = {
    Stage.DRAFTING: 0,
    Stage.PUBLIC_COMMENT: 1,
    Stage.LEGALITY_REVIEW: 2,
    Stage.REVISING: 2,
    Stage.FAIR_COMPETITION: 3,
    Stage.DELIBERATION: 4,
    Stage.APPROVED: 5,
    Stage.REGISTERED: 6,
    Stage.PUBLISHED: 7,
    Stage.FILED: 8,
    Stage.CORRECTION: 8,
    Stage.IN_FORCE: 9,
}


def _current_index(stage: Stage) -> int:
    return _CURRENT.get(stage, 10)


# Steps taken on the document page; 废止 and 宣布失效 happen only through a cleanup campaign.
_PAGE_ACTIONS = frozenset(Action) - {Action.REPEAL, Action.INVALIDATE}


def _may(user, document: NormativeDocument, action: Action) -> bool:
    unit = document.org_unit
    if action == Action.REVIEW:
        return allowed(user, NORMDOCS_LEGALITY_REVIEW, unit=unit)
    if action == Action.DELIBERATE:
        return allowed(user, NORMDOCS_DELIBERATION, unit=unit)
    if action in {
        Action.EDIT_DRAFT,
        Action.OPEN_COMMENT,
        Action.SUBMIT_REVIEW,
        Action.RESUBMIT,
        Action.FAIR_COMPETITION,
    }:
        return allowed(user, NORMDOCS_DRAFT, unit=unit)
    return allowed(user, NORMDOCS_ADMINISTER, unit=unit)


def next_actions(document: NormativeDocument, *, user, today: date) -> list[tuple[Action, str]]:
    """Only the steps the table allows from here, that this user may take, and that make sense
    today (有效期届满 only after the term)."""
    result = []
    for action in allowed_actions(Stage(document.stage)):
        if action not in _PAGE_ACTIONS or not _may(user, document, action):
            continue
        if action == Action.EXPIRE and not (document.valid_until and today > document.valid_until):
            continue
        result.append((action, ACTION_LABELS[action]))
    return result


def document_comments(document: NormativeDocument) -> QuerySet:
    return document.comments.select_related("article", "merged_into").annotate(
        duplicate_count=Count("duplicates")
    )


@dataclass(frozen=True)
class LedgerSummary:
    by_stage: dict[str, int]  # documents of the year (numbered, or drafted, that year)
    in_force: int
    term_ended: int  # of in_force: past their term, 有效期届满 not yet registered
    ended_by_cleanup: int  # 废止 + 宣布失效 announced in the period
    repealed: int
    invalidated: int


def ledger_summary(*, user, year: int | None = None, today: date | None = None) -> LedgerSummary:
    """Counts for the ledger header and the annual report (seed 二(三): "宣布失效、废止78件")."""
    documents = document_list(user=user)
    # Stages count the year's documents; cleanup results count by the year they were announced
    # (the 2019 cleanup ended documents issued years before).
    of_year = document_list(user=user, year=year)
    stages = Counter(dict(of_year.values_list("stage").annotate(n=Count("id")).order_by()))
    ended = CleanupAssessment.objects.filter(
        campaign__announced_on__isnull=False,
        outcome__in=[o.value for o in ENDING_OUTCOMES],
        document__in=documents,
    )
    if year:
        ended = ended.filter(campaign__announced_on__year=year)
    outcome = Counter(dict(ended.values_list("outcome").annotate(n=Count("id")).order_by()))
    return LedgerSummary(
        by_stage={STAGE_LABELS[Stage(s)]: stages.get(s.value, 0) for s in Stage},
        in_force=of_year.in_force().count(),
        term_ended=of_year.in_force().filter(valid_until__lt=today or timezone.localdate()).count(),
        ended_by_cleanup=sum(outcome.values()),
        repealed=outcome.get("repeal", 0),
        invalidated=outcome.get("invalidate", 0),
    )


# --- public (portal) reads: only what is open or published ---------------------------------


def public_drafts() -> QuerySet[NormativeDocument]:
    return NormativeDocument.objects.open_for_comment().order_by("-comment_opened_on", "-id")


def public_draft_get(*, pk: int) -> NormativeDocument:
    try:
        return public_drafts().prefetch_related("articles").get(pk=pk)
    except NormativeDocument.DoesNotExist:
        raise Http404("该文件未在公开征求意见") from None


def cleanup_campaigns() -> QuerySet[CleanupCampaign]:
    return CleanupCampaign.objects.annotate(assessed=Count("assessments")).order_by(
        "-started_on", "-id"
    )


def public_announcements() -> QuerySet[CleanupCampaign]:
    return cleanup_campaigns().filter(announced_on__isnull=False)


def public_announcement_get(*, pk: int) -> tuple[CleanupCampaign, dict[str, list]]:
    try:
        campaign = public_announcements().get(pk=pk)
    except CleanupCampaign.DoesNotExist:
        raise Http404("未找到该清理结果公告") from None
    groups: dict[str, list] = {}
    rows = campaign.assessments.select_related("document").order_by(
        "outcome", "document__number_year", "document__number_serial", "document_id"
    )
    for row in rows:
        groups.setdefault(row.get_outcome_display(), []).append(row)
    return campaign, groups


def campaign_pending(campaign: CleanupCampaign) -> QuerySet[NormativeDocument]:
    """Documents in force today that this campaign has not assessed yet (a document past its
    有效期 is 失效, not 现行有效, even before the daily job registered it)."""
    done = campaign.assessments.values("document_id")
    return (
        NormativeDocument.objects.current_on(timezone.localdate())
        .exclude(pk__in=done)
        .order_by("number_year", "number_serial", "id")
    )


def competition_reviews(document: NormativeDocument):
    """The document's 公平竞争审查, kept on the shared review (``decisions.CompetitionReview``)."""
    from fazhi.decisions.models import CompetitionReview

    return CompetitionReview.objects.filter(matter_type="normdoc", matter_id=document.pk).order_by(
        "reviewed_on", "id"
    )
