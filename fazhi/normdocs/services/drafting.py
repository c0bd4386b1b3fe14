"""起草 and 公开征求意见: drafting a document and running its public comment period."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from fazhi.accounts.permissions import NORMDOCS_DRAFT, require
from fazhi.core.caching import bump
from fazhi.core.services.audit import person
from fazhi.normdocs.domain.articles import article_label, split_articles
from fazhi.normdocs.domain.comments import MarkedComment, Moderation, draft_adoption_note
from fazhi.normdocs.domain.errors import Refused
from fazhi.normdocs.domain.states import Action
from fazhi.normdocs.models import DocumentArticle, LegalityReview, NormativeDocument
from fazhi.normdocs.services._common import (
    RULE_COMMENT,
    RULE_REVIEW,
    advance,
    clock_meet,
    clock_open,
    lock,
    not_before,
    open_deadline,
    record,
    today,
)

TITLE_MAX = 200


def _check_title(title: str) -> str:
    title = (title or "").strip()
    if not title:
        raise Refused("title_required", "请填写文件标题。")
    if len(title) > TITLE_MAX:
        raise Refused("title_too_long", f"文件标题不能超过{TITLE_MAX}字。")
    return title


def _write_articles(document: NormativeDocument, texts: list[str]) -> None:
    document.articles.all().delete()
    DocumentArticle.objects.bulk_create(
        DocumentArticle(document=document, number=n, text=t) for n, t in enumerate(texts, 1)
    )


@transaction.atomic
def document_draft(
    *,
    title: str,
    body: str,
    actor,
    org_unit=None,
    drafting_note: str = "",
    basis: str = "",
    on: date | None = None,
) -> NormativeDocument:
    """Start a draft with its articles; the drafting unit is the actor's unit unless given.

    Audits ``normdocs.document.draft``. Raises `Refused` (no title, no article) or
    `PermissionDenied` before writing.
    """
    require(actor, NORMDOCS_DRAFT, unit=org_unit)
    title = _check_title(title)
    texts = split_articles(body)
    unit = org_unit or getattr(actor, "org_unit", None)
    if unit is None:
        raise Refused("unit_required", "起草单位不能为空：请为起草人设置所在单位。")
    document = NormativeDocument.objects.create(
        title=title,
        org_unit=unit,
        drafter=actor,
        drafting_note=drafting_note.strip(),
        basis=basis.strip(),
        drafted_on=today(on),
    )
    _write_articles(document, texts)
    record(actor=actor, verb="draft", document=document, previous="", articles=len(texts))
    return document


@transaction.atomic
def document_edit_draft(
    *,
    document: NormativeDocument,
    title: str,
    body: str,
    actor,
    drafting_note: str | None = None,
    basis: str | None = None,
    on: date | None = None,
) -> NormativeDocument:
    """Rewrite the title and articles of a draft still in 起草 (before public comment).

    Audits ``normdocs.document.edit_draft`` with the article counts before and after.
    """
    document = lock(document)
    require(actor, NORMDOCS_DRAFT, unit=document.org_unit)
    not_before(today(on), document.drafted_on, "起草日期")
    previous = advance(document, Action.EDIT_DRAFT)
    title = _check_title(title)
    texts = split_articles(body)
    before = document.articles.count()
    document.title = title
    if drafting_note is not None:
        document.drafting_note = drafting_note.strip()
    if basis is not None:
        document.basis = basis.strip()
    _write_articles(document, texts)
    document.save(update_fields=["stage", "title", "drafting_note", "basis", "updated_at"])
    record(
        actor=actor,
        verb="edit_draft",
        document=document,
        previous=previous,
        articles_before=before,
        articles=len(texts),
    )
    bump("normdocs")  # public pages show it: a new version on commit
    return document


@transaction.atomic
def document_open_comment(
    *, document: NormativeDocument, actor, on: date | None = None
) -> NormativeDocument:
    """Publish the draft for public comment; the period runs on the clock (normdoc.public_comment,
    "一般不少于30日", configurable). Audits ``normdocs.document.open_comment``."""
    document = lock(document)
    require(actor, NORMDOCS_DRAFT, unit=document.org_unit)
    day = today(on)
    previous = advance(document, Action.OPEN_COMMENT)
    not_before(day, document.drafted_on, "起草日期")
    deadline = clock_open(  # the drafter closes the period and answers the comments
        document=document, rule=RULE_COMMENT, start=day, actor=actor, owner=person(actor)
    )
    document.comment_opened_on = day
    document.save(update_fields=["stage", "comment_opened_on", "updated_at"])
    record(
        actor=actor,
        verb="open_comment",
        document=document,
        previous=previous,
        opened_on=day,
        closes_on=deadline.due,
    )
    bump("normdocs")  # public pages show it: a new version on commit
    return document


def comment_period_end(document: NormativeDocument) -> date | None:
    deadline = open_deadline(document, RULE_COMMENT)
    return deadline.due if deadline else None


def marked_comments(document: NormativeDocument) -> list[MarkedComment]:
    """Valid comments, each with how many duplicates were merged into it."""
    rows = (
        document.comments.filter(moderation=Moderation.VALID)
        .select_related("article")
        .order_by("article__number", "submitted_at", "id")
    )
    return [
        MarkedComment(
            article_label=article_label(c.article.number),
            adoption=c.adoption or None,
            reason=c.reason,
            merged_count=c.duplicates.count(),
        )
        for c in rows
    ]


@transaction.atomic
def document_submit_review(
    *, document: NormativeDocument, actor, on: date | None = None
) -> NormativeDocument:
    """End the comment period and send the draft to 合法性审核.

    Refused before the period has run its course, while a comment is unmoderated or unmarked,
    or without a 起草说明 (115号 (五): 送审稿及其说明, 征求意见及采纳情况). Drafts the
    采纳情况说明 from the marks, opens ``normdoc.legality_review`` (15 working days).
    Audits ``normdocs.document.submit_review``.
    """
    document = lock(document)
    require(actor, NORMDOCS_DRAFT, unit=document.org_unit)
    day = today(on)
    previous = advance(document, Action.SUBMIT_REVIEW)
    ends = comment_period_end(document)
    if ends is not None and day < ends:
        raise Refused(
            "comment_period_running",
            f"征求意见期至{ends:%Y年%m月%d日}届满，期满前不能结束征求意见"
            "（国办发〔2018〕37号：一般不少于30日）。",
        )
    pending = document.comments.filter(moderation=Moderation.PENDING).count()
    if pending:
        raise Refused("comments_pending", f"尚有{pending}条公众意见未审核。")
    if not document.drafting_note.strip():
        raise Refused(
            "drafting_note_required",
            "送审须附起草说明（国办发〔2018〕115号（五）：送审稿及其说明）。",
        )
    document.adoption_note = draft_adoption_note(document.title, marked_comments(document))
    document.comment_closed_on = ends or day
    clock_meet(document=document, rule=RULE_COMMENT, on=document.comment_closed_on, actor=actor)
    LegalityReview.objects.create(document=document, submitted_on=day)
    clock_open(document=document, rule=RULE_REVIEW, start=day, actor=actor)
    document.save(update_fields=["stage", "adoption_note", "comment_closed_on", "updated_at"])
    record(actor=actor, verb="submit_review", document=document, previous=previous, on=day)
    bump("normdocs")  # public pages show it: a new version on commit
    return document


def _revise_articles(document: NormativeDocument, texts: list[str]) -> None:
    """Edit in place so comments keep pointing at their article; drop only uncommented ones."""
    existing = list(document.articles.all())
    dropped = existing[len(texts) :]
    if any(article.comments.exists() for article in dropped):
        raise Refused(
            "article_has_comments", "删减的条文下有公众意见，请保留条文编号，修改其内容。"
        )
    for article, text in zip(existing, texts, strict=False):
        if article.text != text:
            article.text = text
            article.save(update_fields=["text"])
    DocumentArticle.objects.bulk_create(
        DocumentArticle(document=document, number=n, text=t)
        for n, t in enumerate(texts[len(existing) :], len(existing) + 1)
    )
    for article in dropped:
        article.delete()


@transaction.atomic
def document_resubmit(
    *, document: NormativeDocument, body: str, actor, note: str = "", on: date | None = None
) -> NormativeDocument:
    """Revise the text after a failed review and send it to 合法性审核 again.

    Articles are edited in place, so each comment still points at the article it was made on.
    Audits ``normdocs.document.resubmit``.
    """
    document = lock(document)
    require(actor, NORMDOCS_DRAFT, unit=document.org_unit)
    day = today(on)
    previous = advance(document, Action.RESUBMIT)
    texts = split_articles(body)
    _revise_articles(document, texts)
    if note.strip():
        document.drafting_note = f"{document.drafting_note}\n修改说明：{note.strip()}".strip()
    LegalityReview.objects.create(document=document, submitted_on=day)
    clock_open(document=document, rule=RULE_REVIEW, start=day, actor=actor)
    document.save(update_fields=["stage", "drafting_note", "updated_at"])
    record(actor=actor, verb="resubmit", document=document, previous=previous, articles=len(texts))
    return document
