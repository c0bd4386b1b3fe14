"""The portal's public comment on a draft (decisions, legislation): which comments show, whether
the form is open, and the posted form handed to the app's comment service (the shared
screen ``fazhi.core.services.comments``, then moderation)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect

from fazhi.core.domain.errors import Refused
from fazhi.core.services.request_context import client_ip


def comment_context(draft, today: date, *, shown: tuple[str, ...] = ()) -> dict:
    """Whether ``draft`` takes comments today, and its approved comments: their text, date and
    the ``shown`` fields (never the name, contact or address, nor the hidden ones)."""
    return {
        "is_open": draft.comment_opens <= today <= draft.comment_closes,
        "comments": draft.comments.filter(approved=True).only("text", "submitted_at", *shown),
    }


def comment_post(
    request, submit: Callable[..., object], *, to: str, pk: int, fields: tuple[str, ...] = ()
) -> HttpResponse:
    """Give the posted comment to ``submit`` (text, ip, contact and the posted ``fields``) and
    go back to the page ``to``."""
    try:
        submit(
            text=request.POST.get("text", ""),
            ip=client_ip(request),
            contact=request.POST.get("contact", ""),
            **{name: request.POST.get(name, "") for name in fields},
        )
        messages.success(request, "意见已收到，经审核后公开（不公开您的联系方式）。")
    except Refused as exc:
        messages.error(request, exc.message)
    return redirect(to, pk=pk)
