"""Public comments: submission from the portal (with spam throttling) and staff handling."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from fazhi.accounts.permissions import NORMDOCS_DRAFT, require
from fazhi.core.domain.comments import Adoption, check_comment_text, spam_verdict, text_fingerprint
from fazhi.core.services import audit
from fazhi.normdocs.domain.comments import Moderation, check_mark
from fazhi.normdocs.domain.errors import Refused
from fazhi.normdocs.domain.states import Stage
from fazhi.normdocs.models import DocumentArticle, NormativeDocument, PublicComment
from fazhi.normdocs.services._common import spam_policy
from fazhi.normdocs.services.drafting import comment_period_end


class Throttled(Refused):
    """Too many comments: the same text again and again, or a flood from one address."""


def _record(*, actor, verb: str, comment: PublicComment, **data) -> None:
    audit.record(
        actor=actor,
        action=f"normdocs.comment.{verb}",
        target=comment,
        data={"document": comment.document_id, "article": comment.article_id, **data},
        actor_label="" if actor else "公众",
    )


def comment_submit(
    *,
    article: DocumentArticle,
    text: str,
    ip: str | None,
    author_name: str = "",
    contact: str = "",
    at: datetime | None = None,
) -> PublicComment:
    """A citizen's comment on one article of a draft open for comment.

    Refused when the draft is not open or the period has ended. The spam policy counts earlier
    copies of the same text on this draft and comments from the same address in the window:
    past the limits the comment is refused (`Throttled`) and, for a flood, the address's recent
    comments are flagged for moderators; below them a suspicious comment is accepted but flagged.
    ``at`` records a comment received another way (letter, hotline) at its own time.
    Audits ``normdocs.comment.submit`` (and ``normdocs.comment.flag`` for a flood).
    """
    with transaction.atomic():
        verdict, recent_ids = _check_and_create(
            article, text, ip, author_name, contact, at or timezone.now()
        )
        if isinstance(verdict, PublicComment):
            return verdict
    if verdict.flood and recent_ids:
        _flag_flood(recent_ids, verdict.reason, ip)
    raise Throttled("throttled", verdict.reason)


def _check_and_create(article, text, ip, author_name, contact, now):
    # Read the stage afresh: the caller's copy of the document may be stale.
    document = NormativeDocument.objects.get(pk=article.document_id)
    if document.stage != Stage.PUBLIC_COMMENT:
        raise Refused("comment_closed", "该文件当前未公开征求意见。")
    ends = comment_period_end(document)
    if document.comment_opened_on and timezone.localdate(now) < document.comment_opened_on:
        raise Refused("comment_closed", "征求意见尚未开始。")
    if ends is not None and timezone.localdate(now) > ends:
        raise Refused("comment_closed", f"征求意见已于{ends:%Y年%m月%d日}截止。")
    cleaned = check_comment_text(text)
    fingerprint = text_fingerprint(cleaned)
    policy = spam_policy()
    same_text = PublicComment.objects.filter(document=document, fingerprint=fingerprint).count()
    window = now - timedelta(minutes=policy.window_minutes)
    recent = (
        list(
            PublicComment.objects.filter(ip=ip, submitted_at__gte=window).values_list(
                "pk", "is_flagged"
            )
        )
        if ip
        else []
    )
    verdict = spam_verdict(same_text=same_text, from_address=len(recent), policy=policy)
    if not verdict.accepted:
        return verdict, [pk for pk, flagged in recent if not flagged]
    comment = PublicComment.objects.create(
        document=document,
        article=article,
        text=cleaned,
        fingerprint=fingerprint,
        author_name=author_name.strip()[:50],
        contact=contact.strip()[:100],
        ip=ip,
        submitted_at=now,
        is_flagged=verdict.flagged,
        flag_reason=verdict.reason,
    )
    _record(actor=None, verb="submit", comment=comment, flagged=verdict.flagged)
    return comment, []


@transaction.atomic
def _flag_flood(ids: list[int], reason: str, ip: str | None) -> None:
    # Committed on its own: the refusal of the flooding request must not undo the flags.
    # Once flagged, later refusals find nothing new, so one flood writes one event.
    PublicComment.objects.filter(pk__in=ids).update(is_flagged=True, flag_reason=reason)
    first = PublicComment.objects.get(pk=ids[0])
    _record(actor=None, verb="flag", comment=first, ip=ip, flagged=ids)


def _lock(comment: PublicComment, actor) -> PublicComment:
    comment = (
        PublicComment.objects.select_for_update().select_related("document").get(pk=comment.pk)
    )
    require(actor, NORMDOCS_DRAFT, unit=comment.document.org_unit)
    if comment.document.stage != Stage.PUBLIC_COMMENT:
        raise Refused("comment_closed", "征求意见已结束，意见处理结果不能再修改。")
    return comment


@transaction.atomic
def comment_moderate(*, comment: PublicComment, is_valid: bool, actor) -> PublicComment:
    """Accept a comment as a valid opinion or discard it as spam. Audits ``...comment.moderate``."""
    comment = _lock(comment, actor)
    if comment.moderation == Moderation.MERGED:
        raise Refused("comment_merged", "该意见已合并到其他意见，不能单独审核。")
    comment.moderation = Moderation.VALID if is_valid else Moderation.SPAM
    if not is_valid:
        comment.adoption, comment.reason = "", ""
    comment.handled_by = actor
    comment.save(update_fields=["moderation", "adoption", "reason", "handled_by"])
    _record(actor=actor, verb="moderate", comment=comment, moderation=comment.moderation)
    return comment


@transaction.atomic
def comment_merge(*, comment: PublicComment, into: PublicComment, actor) -> PublicComment:
    """Merge a duplicate into another valid comment on the same draft; it follows that mark."""
    comment = _lock(comment, actor)
    into = PublicComment.objects.select_for_update().get(pk=into.pk)
    if into.pk == comment.pk or into.document_id != comment.document_id:
        raise Refused("merge_target", "只能合并到同一文件的另一条意见。")
    if into.moderation != Moderation.VALID:
        raise Refused("merge_target", "只能合并到已审核为有效的意见。")
    if comment.duplicates.exists():
        raise Refused("merge_target", "该意见下已合并其他意见，请先合并到它。")
    comment.moderation = Moderation.MERGED
    comment.merged_into = into
    comment.adoption, comment.reason = "", ""
    comment.handled_by = actor
    comment.save(update_fields=["moderation", "merged_into", "adoption", "reason", "handled_by"])
    _record(actor=actor, verb="merge", comment=comment, into=into.pk)
    return comment


@transaction.atomic
def comment_mark(*, comment: PublicComment, adoption: str, reason: str, actor) -> PublicComment:
    """Mark a valid comment 采纳 / 部分采纳 / 不采纳 with its reason. Audits ``...comment.mark``."""
    comment = _lock(comment, actor)
    if comment.moderation != Moderation.VALID:
        raise Refused("comment_not_valid", "只有审核为有效的意见才能标记采纳情况。")
    try:
        decision = Adoption(adoption)
    except ValueError:
        raise Refused("invalid_input", "采纳情况只能是采纳、部分采纳或不采纳。") from None
    check_mark(decision, reason)
    comment.adoption, comment.reason = decision.value, reason.strip()
    comment.handled_by = actor
    comment.save(update_fields=["adoption", "reason", "handled_by"])
    _record(actor=actor, verb="mark", comment=comment, adoption=decision.value)
    return comment
