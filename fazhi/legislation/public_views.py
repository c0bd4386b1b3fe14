"""The portal's 立法 column: drafts open for public comment (规章制定程序条例 第十五条) with a
moderated comment form; approved comments shown without the commenter's contact."""

from __future__ import annotations

from functools import partial

from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.core.views.public_comments import comment_context, comment_post
from fazhi.legislation import services
from fazhi.legislation.models import Project


def public_index(request):
    today = timezone.localdate()
    drafts = Project.objects.filter(comment_opens__lte=today, comment_closes__gte=today)
    return render(request, "legislation/public_index.html", {"drafts": drafts})


def public_detail(request, pk: int):
    project = get_object_or_404(Project, pk=pk, comment_opens__isnull=False)
    context = {"p": project, **comment_context(project, timezone.localdate())}
    return render(request, "legislation/public_detail.html", context)


@require_POST
def public_comment(request, pk: int):
    project = get_object_or_404(Project, pk=pk)
    submit = partial(services.project_comment_submit, project=project)
    return comment_post(request, submit, to="legislation_public:detail", pk=pk)
