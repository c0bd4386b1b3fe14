"""The staff home page ("我的期限") and the time-limit rule table."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from fazhi.core.selectors.deadlines import (
    deadlines_for_user,
    deadlines_overview,
    effective_days,
    time_limit_rules,
    warning_working_days,
)


@login_required
def staff_home(request):
    today = timezone.localdate()
    context = {
        "deadline_rows": deadlines_for_user(user=request.user, today=today),
        "overview": deadlines_overview(user=request.user, today=today),
        "warning_days": warning_working_days(),
    }
    return render(request, "core/staff_home.html", context)


@login_required
def deadline_rules(request):
    rules = [(rule, effective_days(rule)) for rule in time_limit_rules()]
    return render(request, "core/deadline_rules.html", {"rules": rules})
