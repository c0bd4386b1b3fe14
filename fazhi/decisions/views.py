"""Staff registers: decisions with their gates and binding dates, counsel opinions, fair-competition
reviews, and the 立法 registers (legislation app) on one page per area."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from fazhi.decisions import selectors
from fazhi.decisions.domain.competition import CONCLUSION_LABELS
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
