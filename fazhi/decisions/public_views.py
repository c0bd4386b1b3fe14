"""The portal's 重大行政决策 column: the published 目录, drafts open for comment (with the comment
form), and published decisions with how public opinions were used. Comments are shown only after
moderation and never with the commenter's name or contact."""

from __future__ import annotations

from functools import partial

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.core.views.public_comments import comment_context, comment_post
from fazhi.decisions import selectors, services
from fazhi.decisions.models import Decision


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
    shown = ("article", "adoption", "adoption_reason")
    context = {"d": decision, **comment_context(decision, timezone.localdate(), shown=shown)}
    return render(request, "decisions/public_detail.html", context)


@require_POST
def public_comment(request, pk: int):
    decision = get_object_or_404(Decision, pk=pk)
    submit = partial(services.comment_submit, decision=decision)
    return comment_post(request, submit, to="decisions_public:detail", pk=pk, fields=("article",))
