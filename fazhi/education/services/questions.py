"""The question bank: questions tied to the articles they test, drafts from reversed cases,
retirement when a tested article's law has a newer version."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from fazhi.accounts.permissions import EDUCATION_MANAGE, require
from fazhi.core.domain.errors import Refused
from fazhi.core.services import audit
from fazhi.education.domain import exam as rules
from fazhi.education.domain.drafts import draft_from_case
from fazhi.education.domain.exam import ExamError
from fazhi.education.models import (
    Question,
    QuestionStatus,
)
from fazhi.laws.models import Article, LegalDocument


def _checked_question(qtype, stem, options, answer, articles, *, need_article=True):
    articles = list(articles or [])
    if need_article and not articles:
        raise Refused("每道试题须关联其考查的法律条文", code=ExamError.NO_ARTICLE)
    stem = (stem or "").strip()
    if not stem:
        raise Refused("请填写题干", code=ExamError.BAD_QUESTION)
    options = [str(o).strip() for o in options or []]
    try:
        key = rules.check_question(qtype, options, answer)
    except ValueError as exc:
        raise Refused(str(exc), code=ExamError.BAD_QUESTION) from None
    ids = {getattr(a, "pk", a) for a in articles}
    found = list(Article.objects.filter(pk__in=ids).select_related("document__work"))
    if len(found) != len(ids):
        raise Refused("关联的法律条文不存在", code=ExamError.NO_ARTICLE)
    return stem, options, key, found


@transaction.atomic
def question_add(
    *, qtype: str, stem: str, options: list[str], answer: str, articles, actor, source: str = ""
) -> Question:
    """Add a question tied to the corpus articles it tests (at least one)."""
    require(actor, EDUCATION_MANAGE)
    stem, options, key, found = _checked_question(qtype, stem, options, answer, articles)
    first = min(found, key=lambda a: a.pk)
    question = Question.objects.create(
        qtype=qtype,
        stem=stem,
        options=options,
        answer=key,
        work_key=first.document.work.key,
        source=(source or "").strip()[:300],
        created_by=audit.person(actor),
    )
    question.articles.set(found)
    audit.record(
        actor=actor,
        action="education.question.add",
        target=question,
        data={"qtype": qtype, "articles": [a.pk for a in found]},
    )
    return question


@transaction.atomic
def question_edit(
    *, question: Question, qtype: str, stem: str, options: list[str], answer: str, articles, actor
) -> Question:
    """Edit a draft or a retired question (one in use is on papers already: not edited). A
    draft may still lack its article; approval needs one."""
    require(actor, EDUCATION_MANAGE)
    question = Question.objects.select_for_update().get(pk=question.pk)
    if question.status == QuestionStatus.ACTIVE:
        raise Refused("在用的试题不能修改，请先停用复核", code=ExamError.NOT_DRAFT)
    stem, options, key, found = _checked_question(
        qtype, stem, options, answer, articles, need_article=False
    )
    question.qtype, question.stem, question.options, question.answer = qtype, stem, options, key
    if found:
        question.work_key = min(found, key=lambda a: a.pk).document.work.key
    question.save(update_fields=["qtype", "stem", "options", "answer", "work_key"])
    question.articles.set(found)
    audit.record(
        actor=actor,
        action="education.question.edit",
        target=question,
        data={"qtype": qtype, "articles": [a.pk for a in found]},
    )
    return question


@transaction.atomic
def question_approve(*, question: Question, actor) -> Question:
    """Put a draft (or a reviewed retired question) into use: refused without an article."""
    require(actor, EDUCATION_MANAGE)
    question = Question.objects.select_for_update().get(pk=question.pk)
    if question.status == QuestionStatus.ACTIVE:
        raise Refused("该试题已在用", code=ExamError.NOT_DRAFT)
    if not question.articles.exists():
        raise Refused("每道试题须关联其考查的法律条文，请先选择条文", code=ExamError.NO_ARTICLE)
    if outdated_questions(status=question.status).filter(pk=question.pk).exists():
        raise Refused("关联的条文所属法律已有新版本，请改为关联现行条文", code=ExamError.NO_ARTICLE)
    question.status = QuestionStatus.ACTIVE
    question.retired_reason = ""
    question.approved_by = audit.person(actor)
    question.approved_at = timezone.now()
    question.save(update_fields=["status", "retired_reason", "approved_by", "approved_at"])
    audit.record(actor=actor, action="education.question.approve", target=question, data={})
    return question


@transaction.atomic
def questions_draft_from_cases(*, year: int, actor) -> int:
    """Draft a question from each corrected case of ``year`` whose cause is recorded in
    disputes (复议 decisions that correct, lost suits), once per case; returns how many were
    drafted. The drafts suggest the article of 行政复议法 the ground sits in, as in force now,
    when the corpus holds it; staff edit and approve them."""
    require(actor, EDUCATION_MANAGE)
    from fazhi.disputes import selectors as disputes
    from fazhi.laws.selectors import article_in_force

    cases = []
    for kind, qs in (
        ("reconsideration", disputes.reconsideration_list(user=actor, year=year)),
        ("litigation", disputes.litigation_list(user=actor, year=year)),
    ):
        for case in qs.exclude(error_cause=""):
            label = getattr(case, "reference", "") or getattr(case, "case_number", "")
            outcome = case.get_decision_display() if kind == "reconsideration" else "败诉"
            cases.append((f"{kind}:{case.pk}", label, case.act, case.error_cause, outcome))
    done = set(
        Question.objects.filter(origin__in=[c[0] for c in cases]).values_list("origin", flat=True)
    )
    made = 0
    for origin, label, act, cause, outcome in cases:
        if origin in done:
            continue
        draft = draft_from_case(cause, act, outcome)
        if draft is None:
            continue
        article = article_in_force(
            work_key=draft.law, article_number=draft.article, on=timezone.localdate()
        )
        question = Question.objects.create(
            qtype=draft.qtype,
            stem=draft.stem,
            options=draft.options,
            answer=draft.answer,
            work_key=article.document.work.key if article else "",
            source=f"本局被纠错案件 {label}"[:300],
            origin=origin,
            status=QuestionStatus.DRAFT,
            created_by=audit.person(actor),
        )
        if article is not None:
            question.articles.set([article])
        made += 1
    audit.record(
        actor=actor,
        action="education.question.draft_from_cases",
        data={"year": year, "cases": len(cases), "drafted": made},
    )
    return made


def outdated_questions(status: str = QuestionStatus.ACTIVE):
    """Questions (active by default) one of whose articles belongs to a version that has been superseded:
    its work has a version in force later, or the version carries ``valid_to`` or a repeal."""
    later = LegalDocument.objects.filter(
        work=OuterRef("work"), effective_date__gt=OuterRef("effective_date")
    )
    stale_docs = LegalDocument.objects.filter(
        Q(valid_to__isnull=False) | Q(repealed_on__isnull=False) | Exists(later)
    )
    return Question.objects.filter(status=status, articles__document__in=stale_docs).distinct()


@transaction.atomic
def questions_retire_outdated(*, actor) -> int:
    """Retire for review every active question testing an article whose law has a newer
    version in the corpus; returns how many."""
    require(actor, EDUCATION_MANAGE)
    count = 0
    ids = list(outdated_questions().values_list("pk", flat=True))
    # PostgreSQL refuses FOR UPDATE with DISTINCT: lock by primary key
    for question in Question.objects.filter(pk__in=ids).select_for_update():
        question.status = QuestionStatus.RETIRED
        question.retired_reason = "考查条文所属法律已有新版本，请按新版本复核后重新启用"
        question.save(update_fields=["status", "retired_reason"])
        count += 1
    if count:
        audit.record(actor=actor, action="education.question.retire", data={"count": count})
    return count
