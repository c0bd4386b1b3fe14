"""Staff register of 立法 projects and of comments on drafts from above (due dates visible)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from fazhi.accounts.selectors import scope_queryset
from fazhi.legislation.models import DraftFromAbove, Project


@login_required
def register(request):
    context = {
        "projects": scope_queryset(Project.objects.select_related("org_unit"), user=request.user),
        "drafts": scope_queryset(DraftFromAbove.objects.all(), user=request.user),
        "today": timezone.localdate(),
    }
    return render(request, "legislation/register.html", context)
