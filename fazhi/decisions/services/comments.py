"""Public comments on a decision draft: submitted through normdocs' comment screen, moderated."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from fazhi.accounts.permissions import (
    DECISIONS_RUN,
    require,
)
from fazhi.core.domain.errors import Refused
from fazhi.core.services import audit
from fazhi.decisions.domain import procedure as proc
from fazhi.decisions.domain.errors import Code
from fazhi.decisions.models import (
    Decision,
    PublicComment,
)
from fazhi.decisions.services._common import (
    lock,
    option,
    record,
)
from fazhi.normdocs.domain.comments import (
    SpamPolicy,
)
from fazhi.normdocs.services.comments import comment_screen


def _policy() -> SpamPolicy:
    return SpamPolicy(**option("DECISIONS_COMMENT_SPAM", {}))


def comment_submit(
    *,
    decision: Decision,
    text: str,
    ip: str | None,
    author_name: str = "",
    contact: str = "",
    at: datetime | None = None,
) -> PublicComment:
    """A citizen's comment on a draft open for comment: within the period, length-checked,
    rate-limited per address (normdocs' spam policy); kept unpublished until moderated."""
    now = at or timezone.now()
    with transaction.atomic():
        decision = Decision.objects.get(pk=decision.pk)
        if decision.comment_opens is None:
            raise Refused("该决策草案未公开征求意见", code=Code.COMMENT_CLOSED)
        proc.check_comment_open(
            decision.comment_opens, decision.comment_closes, timezone.localdate(now)
        )
        cleaned, fingerprint, verdict = comment_screen(
            PublicComment, scope={"decision": decision}, text=text, ip=ip, now=now, policy=_policy()
        )
        if not verdict.accepted:
            raise Refused(verdict.reason, code="decisions_comment_throttled")
        comment = PublicComment.objects.create(
            decision=decision,
            text=cleaned,
            fingerprint=fingerprint,
            author_name=author_name.strip()[:50],
            contact=contact.strip()[:100],
            ip=ip,
            submitted_at=now,
            is_flagged=verdict.flagged,
            flag_reason=verdict.reason,
        )
        audit.record(
            actor=None,
            action="decisions.comment.submit",
            target=comment,
            data={"decision": decision.pk},
            actor_label="公众",
        )
    return comment


@transaction.atomic
def comment_moderate(*, comment: PublicComment, approve: bool, actor) -> PublicComment:
    comment = lock(comment)
    require(actor, DECISIONS_RUN, unit=comment.decision.org_unit)
    comment.approved = bool(approve)
    comment.save(update_fields=["approved"])
    record(actor, "comment.moderate", comment, approved=comment.approved)
    return comment
