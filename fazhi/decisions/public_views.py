"""The portal's 重大行政决策 column: the published 目录, drafts open for comment (with the comment
form), and published decisions with how public opinions were used. Comments are shown only after
moderation and never with the commenter's name or contact."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.core.domain.errors import Refused
from fazhi.decisions import selectors, services
from fazhi.decisions.models import Decision
from fazhi.normdocs.client import client_ip


def public_index(request):
    today = timezone.localdate()
    context = {
        "catalogues": [
            _with_adjustments(c) for c in selectors.public_catalogues().order_by("-year")
        ],
        "open": selectors.open_for_comment(today),
        "published": selectors.published_decisions(),
    }
    return render(request, "decisions/public_index.html", context)


def _with_adjustments(catalogue):
    catalogue.adjustments = selectors.catalogue_adjustments(catalogue)
    return catalogue


def public_detail(request, pk: int):
    decision = get_object_or_404(Decision, pk=pk, comment_opens__isnull=False)
    today = timezone.localdate()
    context = {
        "d": decision,
        "is_open": decision.comment_opens <= today <= decision.comment_closes,
        # published ones only: never the name, contact or address, nor hidden ones
        "comments": decision.comments.filter(approved=True).only(
            "text", "article", "submitted_at", "adoption", "adoption_reason"
        ),
    }
    return render(request, "decisions/public_detail.html", context)


@require_POST
def public_comment(request, pk: int):
    decision = get_object_or_404(Decision, pk=pk)
    try:
        services.comment_submit(
            decision=decision,
            text=request.POST.get("text", ""),
            ip=client_ip(request),
            contact=request.POST.get("contact", ""),
            article=request.POST.get("article", ""),
        )
        messages.success(request, "意见已收到，经审核后公开（不公开您的联系方式）。")
    except Refused as exc:
        messages.error(request, exc.message)
    return redirect("decisions_public:detail", pk=pk)
