"""Public pages: drafts open for comment (a form per article) and cleanup announcements."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.core.domain.errors import Refused  # the base: the comment text checks are core's
from fazhi.core.services.request_context import client_ip
from fazhi.normdocs import forms, selectors, services
from fazhi.normdocs.services.drafting import comment_period_end


def draft_list(request):
    context = {
        "drafts": selectors.public_drafts(),
        "announcements": selectors.public_announcements()[:20],
        "today": timezone.localdate(),
    }
    return render(request, "normdocs/public/draft_list.html", context)


def draft_detail(request, pk: int, form=None, failed_article: int | None = None, status=200):
    document = selectors.public_draft_get(pk=pk)
    ends = comment_period_end(document)
    context = {
        "document": document,
        "articles": document.articles.all(),
        "ends": ends,
        "is_open": ends is None or timezone.localdate() <= ends,
        "form": forms.PublicCommentForm(),
        "failed_form": form,
        "failed_article": failed_article,
    }
    return render(request, "normdocs/public/draft_detail.html", context, status=status)


@require_POST
def comment_submit(request, pk: int, article_pk: int):
    document = selectors.public_draft_get(pk=pk)
    article = get_object_or_404(document.articles, pk=article_pk)
    form = forms.PublicCommentForm(request.POST)
    if not form.is_valid():
        return draft_detail(request, pk, form=form, failed_article=article.pk, status=400)
    if form.cleaned_data["website"]:
        # A bot filled the hidden field: answer as if accepted, store nothing.
        messages.success(request, "感谢您的意见。")
        return redirect(_anchor(pk, article.pk))
    try:
        services.comment_submit(
            article=article,
            text=form.cleaned_data["text"],
            author_name=form.cleaned_data["author_name"],
            contact=form.cleaned_data["contact"],
            ip=client_ip(request),
        )
    except services.Throttled as exc:
        messages.error(request, f"提交过于频繁：{exc}")
        return draft_detail(request, pk, form=form, failed_article=article.pk, status=429)
    except Refused as exc:
        messages.error(request, str(exc))
        return draft_detail(request, pk, form=form, failed_article=article.pk, status=400)
    messages.success(request, f"感谢您对{article.label}提出的意见，我们将认真研究。")
    return redirect(_anchor(pk, article.pk))


def _anchor(pk: int, article_pk: int) -> str:
    return f"{reverse('normdocs_public:draft_detail', args=[pk])}#article-{article_pk}"


def announcement(request, pk: int):
    campaign, groups = selectors.public_announcement_get(pk=pk)
    return render(
        request, "normdocs/public/announcement.html", {"campaign": campaign, "groups": groups}
    )
