"""The screen every public comment passes, whichever app holds the draft."""

from __future__ import annotations

from datetime import timedelta

from fazhi.core.domain.comments import (
    SpamPolicy,
    check_comment_text,
    spam_verdict,
    text_fingerprint,
)


def comment_screen(model, *, scope: dict, text: str, ip: str | None, now, policy: SpamPolicy):
    """(cleaned text, fingerprint, spam verdict) of a public comment on the draft ``scope`` names
    in ``model`` (decisions' and legislation's comments): the length check, the same text counted
    on that draft, the address's comments in the policy's window."""
    cleaned = check_comment_text(text)
    fingerprint = text_fingerprint(cleaned)
    same = model.objects.filter(fingerprint=fingerprint, **scope).count()
    window = now - timedelta(minutes=policy.window_minutes)
    recent = model.objects.filter(ip=ip, submitted_at__gte=window).count() if ip else 0
    return cleaned, fingerprint, spam_verdict(same_text=same, from_address=recent, policy=policy)
