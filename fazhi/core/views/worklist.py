"""待办 (issue 19.4): what each person has to do next, read from the clock's deadlines and the
records' states — the officer's cases and steps due, the reviewer's 法制审核 and 合法性审核
queues, the leader's decisions awaiting the 负责人. Each row names and links its record and
shows its due date; the officer's rows are grouped overdue / due soon / later."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from fazhi.core.selectors.deadlines import deadlines_for_user, warning_working_days
from fazhi.core.selectors.worklist import queues as registered_queues

LATER_SHOWN = 20  # the "later" group is folded past this many rows


@login_required
def worklist(request):
    today = timezone.localdate()
    user = request.user
    mine = deadlines_for_user(user=user, today=today)
    groups = {
        "overdue": [r for r in mine if r.css_class == "overdue"],
        "soon": [r for r in mine if r.css_class == "due-soon"],
        "later": [r for r in mine if r.css_class not in ("overdue", "due-soon")],
    }
    # the apps' review and decision queues (core/selectors/worklist.py) the user may work
    queues = [
        (queue.title, queue.submitted_header, queue.rows(user, today))
        for queue in registered_queues()
        if queue.shown_to(user)
    ]
    context = {
        "groups": groups,
        "later_shown": groups["later"][:LATER_SHOWN],
        "later_folded": groups["later"][LATER_SHOWN:],
        "queues": queues,
        "warning_days": warning_working_days(),
        "today": today,
    }
    return render(request, "core/worklist.html", context)
