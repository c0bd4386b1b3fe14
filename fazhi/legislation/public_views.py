"""The portal's 立法 column: drafts open for public comment (规章制定程序条例 第十五条) with a
moderated comment form; approved comments shown without the commenter's contact."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.core.domain.errors import Refused
from fazhi.legislation import services
from fazhi.legislation.models import Project
from fazhi.normdocs.client import client_ip


def public_index(request):
    today = timezone.localdate()
    drafts = Project.objects.filter(comment_opens__lte=today, comment_closes__gte=today)
    return render(request, "legislation/public_index.html", {"drafts": drafts})


def public_detail(request, pk: int):
    project = get_object_or_404(Project, pk=pk, comment_opens__isnull=False)
    today = timezone.localdate()
    context = {
        "p": project,
        "is_open": project.comment_opens <= today <= project.comment_closes,
        "comments": project.comments.filter(approved=True).only("text", "submitted_at"),
    }
    return render(request, "legislation/public_detail.html", context)


@require_POST
def public_comment(request, pk: int):
    project = get_object_or_404(Project, pk=pk)
    try:
        services.project_comment_submit(
            project=project,
            text=request.POST.get("text", ""),
            ip=client_ip(request),
            contact=request.POST.get("contact", ""),
        )
        messages.success(request, "意见已收到，经审核后公开（不公开您的联系方式）。")
    except Refused as exc:
        messages.error(request, exc.message)
    return redirect("legislation_public:detail", pk=pk)
