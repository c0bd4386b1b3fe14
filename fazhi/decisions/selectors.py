from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Q

from fazhi.decisions.domain import counsel as cdom
from fazhi.decisions.domain.procedure import Gate
from fazhi.decisions.models import (
    CompetitionReview,
    Counsel,
    CounselOpinion,
    Decision,
    DecisionDateEntry,
)


def gates_of(decision: Decision, day: date) -> dict[Gate, bool]:
    """Which procedures are closed on ``day``."""
    review = decision.reviews.filter(reviewed_on__isnull=False).order_by("-reviewed_on").first()
    return {
        Gate.PUBLIC_PARTICIPATION: bool(
            decision.comment_closes
            and day > decision.comment_closes
            and decision.adoption_report.strip()
        ),
        Gate.EXPERTS: bool(decision.experts_waived_reason or decision.experts.exists()),
        Gate.RISK: bool(
            decision.risk_waived_reason or (decision.risk_report and decision.risk_controllable)
        ),
        Gate.LEGALITY: bool(
            review
            and review.conclusion != cdom.OpinionConclusion.UNLAWFUL
            and review.counsel_opinion
            and cdom.opinion_clears_discussion(
                review.counsel_opinion.conclusion, bool(review.counsel_opinion.signed_on)
            )
        ),
    }


def competition_for(matter_type: str, matter_id: int) -> CompetitionReview | None:
    """The latest concluded review of a measure."""
    return (
        CompetitionReview.objects.filter(matter_type=matter_type, matter_id=matter_id)
        .exclude(conclusion="")
        .order_by("-reviewed_on", "-id")
        .first()
    )


def exceptions_ending(day: date, within_days: int = 60):
    """Measures issued under a 第十二条 exception whose term ends soon: re-review before."""
    return CompetitionReview.objects.filter(
        conclusion="exception", term_end__gte=day, term_end__lte=day + timedelta(days=within_days)
    ).order_by("term_end")


def opinions_visible_to(user):
    """Counsel see only what was sent to them, the 首席法律顾问 also the opinions given for
    sign-off; staff with a counsel rule see all."""
    from fazhi.accounts.permissions import DECISIONS_COUNSEL_ANSWER, allowed

    if allowed(user, DECISIONS_COUNSEL_ANSWER):
        return CounselOpinion.objects.all()
    if getattr(user, "pk", None) is None:
        return CounselOpinion.objects.none()
    chief = Q(given_on__isnull=False) if Counsel.objects.filter(is_chief=True, user=user) else Q()
    return (
        CounselOpinion.objects.filter(Q(counsel__user=user) | chief)
        if chief
        else (CounselOpinion.objects.filter(counsel__user=user))
    )


def decisions_for(user):
    from fazhi.accounts.selectors import scope_queryset

    return scope_queryset(
        Decision.objects.select_related("org_unit", "item").prefetch_related("reviews"), user=user
    )


def decision_row(decision: Decision, day: date) -> dict:
    """One line of the register: stage, the gates, and the dates that bind the bureau."""
    from fazhi.decisions.domain.procedure import GATE_LABELS, STAGE_LABELS, Stage, archive_due

    review = decision.reviews.order_by("-submitted_on").first()
    gates = gates_of(decision, day)
    return {
        "id": decision.pk,
        "title": decision.title,
        "org_unit": decision.org_unit.name,
        "stage": decision.stage,
        "stage_label": STAGE_LABELS[Stage(decision.stage)],
        "gates": [
            {"gate": str(g), "label": GATE_LABELS[g][0], "done": done} for g, done in gates.items()
        ],
        "comment_closes": decision.comment_closes,
        "review_earliest": review.earliest_on if review and not review.reviewed_on else None,
        "decided_on": decision.decided_on,
        "archive_due": archive_due(decision.decided_on)
        if decision.decided_on and not decision.archived_on
        else None,
        "published_on": decision.published_on,
    }


def date_entries(decision: Decision) -> list[DecisionDateEntry]:
    """The typed step dates of a decision beside their entry, in the order entered (issue 18.5)."""
    return list(decision.date_entries.select_related("entered_by").order_by("entered_at", "pk"))


def public_catalogues():
    from fazhi.decisions.models import Catalogue

    return Catalogue.objects.filter(status="published").prefetch_related("items__sponsor")


def catalogue_adjustments(catalogue) -> list[dict]:
    """The 目录's adjustments after publication, oldest first, each with its reason: matters
    added (``added_reason``) and withdrawn. Shown on the staff page and the portal."""
    rows = []
    for item in catalogue.items.select_related("sponsor"):
        if item.added_reason:
            rows.append(
                {"on": item.added_on, "kind": "增加", "item": item, "reason": item.added_reason}
            )
        if item.withdrawn_on:
            rows.append(
                {
                    "on": item.withdrawn_on,
                    "kind": "调出",
                    "item": item,
                    "reason": item.withdrawn_reason,
                }
            )
    return sorted(rows, key=lambda r: (r["on"] or date.min, r["item"].pk))


def comment_summary(decision: Decision) -> dict[str, int]:
    """Counts for the adoption report (采纳情况): received, waiting, hidden, and per verdict."""
    rows = list(decision.comments.values_list("approved", "adoption"))
    return {
        "received": len(rows),
        "waiting": sum(1 for a, _ in rows if a is None),
        "hidden": sum(1 for a, _ in rows if a is False),
        "adopted": sum(1 for a, v in rows if a and v == "adopted"),
        "partly": sum(1 for a, v in rows if a and v == "partly"),
        "rejected": sum(1 for a, v in rows if a and v == "rejected"),
    }


def open_for_comment(day: date):
    return Decision.objects.filter(comment_opens__lte=day, comment_closes__gte=day)


def published_decisions():
    return Decision.objects.filter(published_on__isnull=False).order_by("-published_on")


def competition_visible_to(user):
    from fazhi.accounts.selectors import scope_queryset

    return scope_queryset(CompetitionReview.objects.all(), user=user)
