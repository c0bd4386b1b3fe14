"""Staff registers: decisions with their gates and binding dates, counsel opinions, fair-competition
reviews, and the 立法 registers (legislation app) on one page per area."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from fazhi.decisions import documents, selectors
from fazhi.decisions.domain.competition import CONCLUSION_LABELS
from fazhi.decisions.models import LegalityReview
from fazhi.decisions.selectors import exceptions_ending


@login_required
def register(request):
    today = timezone.localdate()
    rows = [selectors.decision_row(d, today) for d in selectors.decisions_for(request.user)]
    opinions = selectors.opinions_visible_to(request.user).select_related("counsel")[:100]
    reviews = selectors.competition_visible_to(request.user)[:100]
    context = {
        "rows": rows,
        "opinions": opinions,
        "reviews": [(r, CONCLUSION_LABELS.get(r.conclusion, "审查中")) for r in reviews],
        "ending": exceptions_ending(today),
        "today": today,
    }
    return render(request, "decisions/register.html", context)


def _docx(content: bytes, name: str) -> HttpResponse:
    from urllib.parse import quote

    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}.docx"
    return response


@login_required
def review_document(request, pk: int):
    review = get_object_or_404(
        LegalityReview.objects.filter(reviewed_on__isnull=False),
        pk=pk,
        decision__in=selectors.decisions_for(request.user),
    )
    return _docx(documents.legality_review_docx(review), "合法性审查意见书")


@login_required
def opinion_document(request, pk: int):
    opinion = get_object_or_404(
        selectors.opinions_visible_to(request.user).filter(given_on__isnull=False), pk=pk
    )
    return _docx(documents.counsel_opinion_docx(opinion), "法律意见书")


@login_required
def competition_document(request, pk: int):
    review = get_object_or_404(
        selectors.competition_visible_to(request.user).exclude(conclusion=""), pk=pk
    )
    return _docx(documents.competition_docx(review), "公平竞争审查结论")
