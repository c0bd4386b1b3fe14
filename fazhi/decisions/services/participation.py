"""公众参与 on a decision draft: public comments (normdocs' comment screen, then moderation with
the reason and the 采纳情况) and hearings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from fazhi.accounts.permissions import (
    DECISIONS_RUN,
    require,
)
from fazhi.core.domain.comments import ADOPTION_LABELS, Adoption, SpamPolicy
from fazhi.core.domain.errors import Refused
from fazhi.core.services import audit
from fazhi.core.services.comments import comment_screen
from fazhi.decisions.domain import procedure as proc
from fazhi.decisions.domain.errors import Code
from fazhi.decisions.models import Decision, Hearing, PublicComment
from fazhi.decisions.services._common import (
    drafting,
    enter_date,
    lock,
    min_hearing_notice_days,
    need,
    option,
    record,
    today,
)


def _policy() -> SpamPolicy:
    return SpamPolicy(**option("DECISIONS_COMMENT_SPAM", {}))


def comment_submit(
    *,
    decision: Decision,
    text: str,
    ip: str | None,
    author_name: str = "",
    contact: str = "",
    article: str = "",
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
            article=article.strip()[:20],
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
def comment_moderate(
    *,
    comment: PublicComment,
    approve: bool,
    reason: str,
    adoption: str = "",
    actor,
) -> PublicComment:
    """Publish a comment with its 采纳情况 (采纳 / 部分采纳 / 不采纳 and why: the adoption
    report is gathered from these, 第十五条), or hide it with the reason. A hidden comment stays in
    the record with the reason and who hid it; only published ones reach the portal. A comment
    may be moderated again (each change audited)."""
    comment = lock(comment)
    require(actor, DECISIONS_RUN, unit=comment.decision.org_unit)
    basis = proc.regime_on(timezone.localdate(comment.submitted_at)).cite("comment")
    if approve:
        try:
            verdict = Adoption(adoption)
        except ValueError:
            raise Refused("请选择该意见的采纳情况", basis, code=Code.REASON_REQUIRED) from None
        comment.adoption = verdict.value
        comment.adoption_reason = need(reason, f"{ADOPTION_LABELS[verdict]}的理由", basis)
        comment.moderation_reason = ""
    else:
        comment.moderation_reason = need(reason, "不予公开的理由")
        comment.adoption, comment.adoption_reason = "", ""
    comment.approved = bool(approve)
    comment.moderated_by, comment.moderated_at = audit.person(actor), timezone.now()
    comment.save()
    record(
        actor,
        "comment.moderate",
        comment,
        approved=comment.approved,
        adoption=comment.adoption,
        reason=reason.strip(),
    )
    return comment


@transaction.atomic
def decision_record_hearing(
    *,
    decision: Decision,
    notice_on: date,
    materials: str,
    held_on: date,
    place: str,
    participants: Sequence[Mapping[str, str]],
    minutes: str,
    outcome: str,
    actor,
    on: date | None = None,
) -> Hearing:
    """A 听证会 held on the draft: the notice with its materials out at least 7 days before
    (第十六条; setting ``DECISIONS_MIN_HEARING_NOTICE_DAYS``), the participants, the 笔录 and how
    their views were handled. Recorded after it was held, never ahead."""
    decision = drafting(decision, actor)
    day = today(on)
    basis = proc.regime_on(held_on).cite("hearing")
    if held_on > day:
        raise Refused("听证会举行后才能记录听证情况", basis, code=Code.INVALID)
    proc.check_hearing_notice(notice_on, held_on, minimum=min_hearing_notice_days())
    people = [
        {"name": p.get("name", "").strip(), "represents": p.get("represents", "").strip()}
        for p in participants
        if p.get("name", "").strip()
    ]
    if not people:
        raise Refused("请填写听证参加人", basis, code=Code.REASON_REQUIRED)
    hearing = Hearing.objects.create(
        decision=decision,
        notice_on=notice_on,
        materials=need(materials, "公开的听证材料", basis),
        held_on=held_on,
        place=need(place, "听证地点"),
        participants=people,
        minutes=need(minutes, "听证笔录", basis),
        outcome=need(outcome, "听证意见处理情况", basis),
        recorded_by=audit.person(actor),
    )
    enter_date(decision, "hearing", on, actor)
    record(
        actor,
        "decision.hearing",
        hearing,
        decision=decision.pk,
        notice_on=notice_on.isoformat(),
        held_on=held_on.isoformat(),
        participants=len(people),
    )
    return hearing
