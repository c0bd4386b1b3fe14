"""Every state change of the education app: one function each, in a transaction, behind the
gate (fazhi.accounts.permissions), with its audit event.

Answer saves are the one exception to auditing: an exam of 1,500 sitters saves tens of
thousands of answers, and the audit chain's head row is a single lock. The answer row itself is
the record (who, which paper, what, ``saved_at`` set by the system); the start and the
submission of every paper are audited.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from fazhi.accounts.models import OrgUnit
from fazhi.accounts.permissions import EDUCATION_MANAGE, EDUCATION_SIT, require
from fazhi.accounts.roles import role_by_code
from fazhi.core.domain.errors import Refused
from fazhi.core.services import audit
from fazhi.core.services.evidence import EvidenceRejected, evidence_ingest
from fazhi.education.domain import exam as rules
from fazhi.education.domain import pufa
from fazhi.education.domain.drafts import draft_from_case
from fazhi.education.domain.exam import ExamError
from fazhi.education.models import (
    Activity,
    ActivityMaterial,
    Answer,
    DutyItem,
    DutyKind,
    EducationBase,
    Enrolment,
    Exam,
    MaterialKind,
    PufaPlan,
    Question,
    QuestionStatus,
    Sitting,
    Stage,
    StageResult,
    StudyRecord,
    Team,
)
from fazhi.laws.models import Article, LegalDocument

BASIS = "《关于完善国家工作人员学法用法制度的意见》（2016年）"


def _conf(name: str, default):
    return settings.FAZHI.get(name, default)


# --- question bank --------------------------------------------------------------------------


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


# --- exams ------------------------------------------------------------------------------------


def _pool(draw_rules: list[rules.DrawRule]) -> dict[int, tuple[str, str]]:
    return {
        pk: (qtype, work)
        for pk, qtype, work in Question.objects.filter(status=QuestionStatus.ACTIVE).values_list(
            "pk", "qtype", "work_key"
        )
    }


@transaction.atomic
def exam_create(
    *,
    title: str,
    year: int,
    org_unit: OrgUnit,
    opens_at: datetime,
    closes_at: datetime,
    paper_rules: list[dict],
    actor,
    minutes: int | None = None,
    pass_mark=None,
    attempts: int | None = None,
) -> Exam:
    """An exam with its window, timer, pass mark, re-sits and paper rules; refused when the
    bank cannot fill a paper by the rules."""
    require(actor, EDUCATION_MANAGE, unit=org_unit)
    title = (title or "").strip()
    if not title:
        raise Refused("请填写考试名称", code=ExamError.BAD_EXAM)
    if closes_at <= opens_at:
        raise Refused("截止时间须晚于开考时间", code=ExamError.BAD_EXAM)
    minutes = int(minutes or _conf("EXAM_MINUTES", 120))
    attempts = int(attempts or _conf("EXAM_ATTEMPTS", 2))
    pass_mark = Decimal(str(pass_mark if pass_mark is not None else _conf("EXAM_PASS_MARK", 60)))
    if minutes <= 0 or attempts <= 0 or not Decimal(0) < pass_mark <= Decimal(100):
        raise Refused("答题时长、可考次数须大于0，合格分数须在0至100之间", code=ExamError.BAD_EXAM)
    try:
        parsed = rules.parse_rules(paper_rules)
        rules.draw_paper(0, parsed, _pool(parsed))  # the bank can fill a paper
    except ValueError as exc:
        raise Refused(str(exc), code=ExamError.BAD_RULES) from None
    exam = Exam.objects.create(
        title=title,
        year=year,
        org_unit=org_unit,
        opens_at=opens_at,
        closes_at=closes_at,
        minutes=minutes,
        pass_mark=pass_mark,
        attempts=attempts,
        rules=[r.__dict__ | {"works": list(r.works)} for r in parsed],
        created_by=audit.person(actor),
    )
    audit.record(actor=actor, action="education.exam.create", target=exam, data={"title": title})
    return exam


@transaction.atomic
def exam_enrol(*, exam: Exam, units: list[OrgUnit], role_codes: list[str], actor) -> int:
    """Enrol every active user of ``units`` (and the units below) holding one of the roles;
    returns how many were added (those already enrolled stay)."""
    require(actor, EDUCATION_MANAGE, unit=exam.org_unit)
    if not units or not role_codes:
        raise Refused("请选择应考单位和岗位（角色）", code=ExamError.BAD_EXAM)
    names = [role_by_code(code).name for code in role_codes]
    paths = Q()
    for unit in units:
        paths |= Q(org_unit__path__startswith=unit.path)
    users = (
        get_user_model()
        .objects.filter(paths, is_active=True, groups__name__in=names)
        .exclude(pk__in=exam.enrolments.values("user"))
        .distinct()
    )
    rows = [Enrolment(exam=exam, user=u, org_unit_id=u.org_unit_id) for u in users]
    Enrolment.objects.bulk_create(rows)
    audit.record(
        actor=actor,
        action="education.exam.enrol",
        target=exam,
        data={"units": [u.code for u in units], "roles": role_codes, "added": len(rows)},
    )
    return len(rows)


# --- sitting ------------------------------------------------------------------------------------


@transaction.atomic
def sitting_start(*, exam: Exam, actor) -> Sitting:
    """Draw the actor's paper (or return the one still open): enrolled, in the window, with an
    attempt left and not already passed. The seed is stored; the paper is reproducible."""
    require(actor, EDUCATION_SIT)
    enrolment = Enrolment.objects.select_for_update().filter(exam=exam, user_id=actor.pk).first()
    if enrolment is None:
        raise Refused(f"您不在“{exam.title}”的应考人员名单中", BASIS, code=ExamError.NOT_ENROLLED)
    now = timezone.now()
    if not rules.open_at(now, exam.opens_at, exam.closes_at):
        raise Refused("不在考试时间内", code=ExamError.OUTSIDE_WINDOW)
    previous = list(enrolment.sittings.order_by("attempt"))
    if previous and previous[-1].submitted_at is None and now < previous[-1].deadline:
        return previous[-1]  # resume: a reload or another device continues the same paper
    if any(s.passed for s in previous):
        raise Refused("您已通过本次考试", code=ExamError.ALREADY_PASSED)
    if len(previous) >= exam.attempts:
        raise Refused(f"本次考试最多可考{exam.attempts}次，已用完", code=ExamError.NO_ATTEMPTS)
    if previous and previous[-1].submitted_at is None:
        _finish(previous[-1], now)  # the timer ran out on the last one: score what was saved
    parsed = rules.parse_rules(exam.rules)
    seed = secrets.randbits(62)
    try:
        paper = rules.draw_paper(seed, parsed, _pool(parsed))
    except ValueError as exc:
        raise Refused(str(exc), code=ExamError.SHORT_BANK) from None
    sitting = Sitting.objects.create(
        enrolment=enrolment,
        attempt=len(previous) + 1,
        seed=seed,
        questions=paper,
        points=rules.points_for(parsed, paper),
        started_at=now,
        deadline=rules.deadline(now, exam.minutes, exam.closes_at),
    )
    audit.record(
        actor=actor,
        action="education.sitting.start",
        target=sitting,
        data={"exam": exam.pk, "attempt": sitting.attempt, "seed": seed},
    )
    return sitting


def _own_open_sitting(sitting_id: int, actor, now) -> Sitting:
    sitting = (
        Sitting.objects.select_for_update(of=("self",))
        .select_related("enrolment")
        .filter(pk=sitting_id)
        .first()
    )
    if sitting is None or sitting.enrolment.user_id != actor.pk:
        raise Refused("这不是您的答卷", code=ExamError.NOT_YOURS)
    if sitting.submitted_at is not None:
        raise Refused("已交卷，不能再修改答案", code=ExamError.SUBMITTED)
    return sitting


# One read and one write per save, in raw SQL (the ORM's query compilation was most of a
# save's time in process). The read takes a SHARE lock on the sitting row in PostgreSQL: saves of
# the same paper do not wait for each other, but a submission (FOR UPDATE) waits until every save
# in flight has committed, and a save that waited on a submission re-reads the row and is refused
# — so no answer is told "saved" and then missed by the scoring.
_SAVE_READ = (
    "SELECT e.user_id, s.submitted_at, CASE WHEN s.deadline > %s THEN 1 ELSE 0 END,"
    " s.questions, q.qtype, q.options"
    " FROM education_sitting s JOIN education_enrolment e ON e.id = s.enrolment_id"
    " LEFT JOIN education_question q ON q.id = %s"
    " WHERE s.id = %s"
)
_SAVE_WRITE = (
    "INSERT INTO education_answer (sitting_id, question_id, response, saved_at)"
    " VALUES (%s, %s, %s, %s) ON CONFLICT (sitting_id, question_id)"
    " DO UPDATE SET response = excluded.response, saved_at = excluded.saved_at"
)


def _json(value):
    return json.loads(value) if isinstance(value, str) else value


@transaction.atomic
def answer_save(
    *, sitting: Sitting | int, question: Question | int, response: str, actor
) -> Answer:
    """Save (or replace) one answer as given, before the paper's deadline and before
    submission. One row per answer: a repeated save overwrites it. Not audited one by one (the
    audit chain's head is a single lock): the row is the record, and the submission's audit
    event carries the count and a SHA-256 of every answer saved."""
    require(actor, EDUCATION_SIT)
    now = timezone.now()
    sid, qid = int(getattr(sitting, "pk", sitting)), int(getattr(question, "pk", question))
    stamp = connection.ops.adapt_datetimefield_value(now)
    sql = _SAVE_READ + (" FOR SHARE OF s" if connection.vendor == "postgresql" else "")
    with connection.cursor() as cursor:
        cursor.execute(sql, [stamp, qid, sid])
        found = cursor.fetchone()
    if found is None or found[0] != actor.pk:
        raise Refused("这不是您的答卷", code=ExamError.NOT_YOURS)
    _, submitted_at, in_time, paper, qtype, options = found
    if submitted_at is not None:
        raise Refused("已交卷，不能再修改答案", code=ExamError.SUBMITTED)
    if not in_time:
        raise Refused("答题时间已到，不能再保存答案", code=ExamError.TIME_UP)
    if qid not in _json(paper) or qtype is None:
        raise Refused("该题不在您的试卷上", code=ExamError.NOT_ON_PAPER)
    try:
        value = rules.normalise_answer(qtype, _json(options), response)
    except ValueError as exc:
        raise Refused(str(exc), code=ExamError.BAD_ANSWER) from None
    with connection.cursor() as cursor:
        cursor.execute(_SAVE_WRITE, [sid, qid, value, stamp])
    return Answer(sitting_id=sid, question_id=qid, response=value, saved_at=now)


def answers_digest(sitting: Sitting) -> dict:
    """How many answers a paper holds and a SHA-256 over them (question, response, saved_at, in
    question order): the batched audit of the saves, written with the submission."""
    rows = sitting.answers.order_by("question_id").values_list(
        "question_id", "response", "saved_at"
    )
    text = "\n".join(f"{q}|{r}|{t.isoformat()}" for q, r, t in rows)
    return {"answers": len(rows), "answers_sha256": hashlib.sha256(text.encode()).hexdigest()}


def _finish(sitting: Sitting, now) -> Sitting:
    exam = sitting.enrolment.exam
    saved = dict(sitting.answers.values_list("question_id", "response"))
    keys = dict(Question.objects.filter(pk__in=sitting.questions).values_list("pk", "answer"))
    mark = rules.score(
        [keys[q] for q in sitting.questions],
        [saved.get(q, "") for q in sitting.questions],
        sitting.points,
    )
    sitting.submitted_at = min(now, sitting.deadline)
    sitting.score = Decimal(str(mark))
    sitting.passed = rules.passed(mark, float(exam.pass_mark))
    sitting.save(update_fields=["submitted_at", "score", "passed"])
    return sitting


@transaction.atomic
def sitting_submit(*, sitting: Sitting | int, actor) -> Sitting:
    """Hand in the paper once: score the saved answers against the pass mark. After the timer
    has run out the paper may still be handed in; only answers saved in time count."""
    require(actor, EDUCATION_SIT)
    now = timezone.now()
    sitting = _own_open_sitting(getattr(sitting, "pk", sitting), actor, now)
    sitting = _finish(sitting, now)
    audit.record(
        actor=actor,
        action="education.sitting.submit",
        target=sitting,
        data={"score": str(sitting.score), "passed": sitting.passed, **answers_digest(sitting)},
    )
    return sitting


@transaction.atomic
def exam_close(*, exam: Exam, actor) -> dict:
    """After the window: score every paper not handed in, then write each enrolled officer's
    result (the best attempt) to their certificate record through the officers service — one
    record, kept by officers. Returns counts."""
    require(actor, EDUCATION_MANAGE, unit=exam.org_unit)
    exam = Exam.objects.select_for_update().get(pk=exam.pk)
    now = timezone.now()
    if now < exam.closes_at:
        raise Refused("考试尚未截止，不能结束", code=ExamError.BAD_EXAM)
    if exam.results_posted_at is not None:
        raise Refused("本次考试成绩已记入档案", code=ExamError.BAD_EXAM)
    finished = 0
    open_ = Sitting.objects.filter(enrolment__exam=exam, submitted_at__isnull=True)
    for sitting in open_.select_related("enrolment__exam"):
        _finish(sitting, now)
        finished += 1
    posted = _post_to_officers(exam, actor)
    exam.results_posted_at = now
    exam.save(update_fields=["results_posted_at"])
    audit.record(
        actor=actor,
        action="education.exam.close",
        target=exam,
        data={"finished": finished, "posted": posted},
    )
    return {"finished": finished, "posted": posted}


def _post_to_officers(exam: Exam, actor) -> int:
    from fazhi.officers.models import Officer
    from fazhi.officers.services.training import exam_result_add

    best: dict[int, Sitting] = {}
    for s in Sitting.objects.filter(
        enrolment__exam=exam, submitted_at__isnull=False
    ).select_related("enrolment"):
        uid = s.enrolment.user_id
        if uid not in best or (s.score or 0) > (best[uid].score or 0):
            best[uid] = s
    posted = 0
    for officer in Officer.objects.filter(user_id__in=best):
        s = best[officer.user_id]
        if officer.exams.filter(
            exam=exam.title, taken_on=timezone.localdate(s.submitted_at)
        ).exists():
            continue
        exam_result_add(
            officer=officer,
            exam=exam.title,
            taken_on=timezone.localdate(s.submitted_at),
            passed=bool(s.passed),
            score=s.score,
            actor=actor,
        )
        posted += 1
    return posted


# --- 普法 -----------------------------------------------------------------------------------------

DUTY_BASIS = "《关于实行国家机关“谁执法谁普法”普法责任制的意见》（中办发〔2017〕31号）"


@transaction.atomic
def duty_item_add(
    *,
    year: int,
    kind: str,
    content: str,
    lead_unit: OrgUnit,
    actor,
    audience: str = "",
    lead_person: str = "",
    measures: str = "",
    deadline=None,
) -> DutyItem:
    """Add an item to the year's 普法责任清单."""
    require(actor, EDUCATION_MANAGE, unit=lead_unit)
    content = (content or "").strip()
    if not content:
        raise Refused("请填写普法内容", DUTY_BASIS, code=ExamError.BAD_ITEM)
    if kind not in DutyKind.values:
        raise Refused("清单事项须为共性或个性事项", DUTY_BASIS, code=ExamError.BAD_ITEM)
    if deadline is not None and deadline.year < year:
        raise Refused("完成时限不能早于清单年度", code=ExamError.BAD_ITEM)
    item = DutyItem.objects.create(
        year=year,
        kind=kind,
        content=content[:300],
        audience=(audience or "").strip()[:200],
        lead_unit=lead_unit,
        lead_person=(lead_person or "").strip()[:50],
        measures=(measures or "").strip(),
        deadline=deadline,
        recorded_by=audit.person(actor),
    )
    audit.record(
        actor=actor,
        action="education.duty_item.add",
        target=item,
        data={"year": year, "kind": kind, "content": item.content},
    )
    return item


@transaction.atomic
def duty_item_complete(*, item: DutyItem, done_on, actor) -> DutyItem:
    """Mark a 清单 item done on ``done_on`` (a typed fact, stored with who recorded it)."""
    require(actor, EDUCATION_MANAGE, unit=item.lead_unit)
    item = DutyItem.objects.select_for_update().get(pk=item.pk)
    if item.done_on is not None:
        raise Refused("该事项已标记完成", code=ExamError.BAD_ITEM)
    if done_on > timezone.localdate():
        raise Refused("完成日期不能晚于今天", code=ExamError.BAD_ITEM)
    item.done_on = done_on
    item.save(update_fields=["done_on"])
    audit.record(
        actor=actor,
        action="education.duty_item.complete",
        target=item,
        data={"done_on": done_on.isoformat()},
    )
    return item


@transaction.atomic
def base_register(
    *, name: str, address: str, sponsor: OrgUnit, opened_on, actor, content: str = ""
) -> EducationBase:
    """Register a 法治宣传教育基地."""
    require(actor, EDUCATION_MANAGE, unit=sponsor)
    name, address = (name or "").strip(), (address or "").strip()
    if not name or not address:
        raise Refused("请填写基地名称和地址", code=ExamError.BAD_ITEM)
    base = EducationBase.objects.create(
        name=name[:200],
        address=address[:300],
        sponsor=sponsor,
        opened_on=opened_on,
        content=(content or "").strip(),
    )
    audit.record(
        actor=actor,
        action="education.base.register",
        target=base,
        data={"name": base.name, "address": base.address},
    )
    return base


# --- 普法 plan, activities, competitions, 学法 records ---------------------------------------------


@transaction.atomic
def pufa_plan_issue(
    *, year: int, title: str, issued_on, actor, doc_number: str = "", content: str = ""
) -> PufaPlan:
    """Record the year's 普法计划 as issued (one per year)."""
    require(actor, EDUCATION_MANAGE)
    title = (title or "").strip()
    if not title:
        raise Refused("请填写计划名称", DUTY_BASIS, code=ExamError.BAD_ITEM)
    if PufaPlan.objects.filter(year=year).exists():
        raise Refused(f"{year}年度普法计划已登记", code=ExamError.BAD_ITEM)
    if issued_on > timezone.localdate():
        raise Refused("印发日期不能晚于今天", code=ExamError.BAD_ITEM)
    plan = PufaPlan.objects.create(
        year=year,
        title=title[:200],
        doc_number=(doc_number or "").strip()[:100],
        issued_on=issued_on,
        content=(content or "").strip(),
        recorded_by=audit.person(actor),
    )
    audit.record(actor=actor, action="education.plan.issue", target=plan, data={"year": year})
    return plan


@transaction.atomic
def activity_record(
    *,
    kind: str,
    title: str,
    org_unit: OrgUnit,
    starts_on,
    actor,
    ends_on=None,
    doc_number: str = "",
    place: str = "",
    summary: str = "",
    audience_count: int = 0,
    participants=(),
) -> Activity:
    """Record a 普法 activity held (dates typed, kept with who recorded them and when)."""
    require(actor, EDUCATION_MANAGE, unit=org_unit)
    title = (title or "").strip()
    if not title:
        raise Refused("请填写活动名称", code=ExamError.BAD_ACTIVITY)
    try:
        pufa.check_activity(kind, starts_on, ends_on)
    except ValueError as exc:
        raise Refused(str(exc), code=ExamError.BAD_ACTIVITY) from None
    if starts_on > timezone.localdate():
        raise Refused("只能登记已开展的活动（开始日期不能晚于今天）", code=ExamError.BAD_ACTIVITY)
    if audience_count < 0:
        raise Refused("参与人次不能为负数", code=ExamError.BAD_ACTIVITY)
    activity = Activity.objects.create(
        year=starts_on.year,
        kind=kind,
        title=title[:200],
        doc_number=(doc_number or "").strip()[:100],
        org_unit=org_unit,
        starts_on=starts_on,
        ends_on=ends_on,
        place=(place or "").strip()[:200],
        summary=(summary or "").strip(),
        audience_count=audience_count,
        recorded_by=audit.person(actor),
    )
    people = list(participants or [])
    activity.participants.set(people)
    audit.record(
        actor=actor,
        action="education.activity.record",
        target=activity,
        data={"kind": kind, "starts_on": starts_on.isoformat(), "participants": len(people)},
    )
    return activity


@transaction.atomic
def activity_attach(
    *, activity: Activity, fileobj, original_name: str, kind: str, actor, caption: str = ""
) -> ActivityMaterial:
    """Keep a material or photo of an activity in the evidence store."""
    require(actor, EDUCATION_MANAGE, unit=activity.org_unit)
    if kind not in MaterialKind.values:
        raise Refused("请选择材料或照片", code=ExamError.BAD_ACTIVITY)
    try:
        evidence = evidence_ingest(
            fileobj=fileobj,
            original_name=original_name,
            actor=actor,
            case_ref=f"普法活动{activity.pk}",
        )
    except EvidenceRejected as exc:
        raise Refused(str(exc), code=ExamError.BAD_ACTIVITY) from None
    if kind == MaterialKind.PHOTO and not (evidence.mime_type or "").startswith("image/"):
        raise Refused("照片须为图片文件", code=ExamError.BAD_ACTIVITY)
    material = ActivityMaterial.objects.create(
        activity=activity, evidence=evidence, kind=kind, caption=(caption or "").strip()[:200]
    )
    audit.record(
        actor=actor,
        action="education.activity.attach",
        target=activity,
        data={"kind": kind, "evidence": evidence.pk, "sha256": evidence.sha256},
    )
    return material


def _competition(activity: Activity) -> Activity:
    if activity.kind != pufa.ActivityKind.COMPETITION:
        raise Refused("只有法治知识竞赛可以登记代表队和赛段", code=ExamError.BAD_ACTIVITY)
    return activity


@transaction.atomic
def team_add(
    *, activity: Activity, name: str, actor, org_unit: OrgUnit | None = None, members: str = ""
) -> Team:
    """Add a team to a competition."""
    require(actor, EDUCATION_MANAGE, unit=activity.org_unit)
    _competition(activity)
    name = (name or "").strip()
    if not name:
        raise Refused("请填写代表队名称", code=ExamError.BAD_ACTIVITY)
    if activity.teams.filter(name=name).exists():
        raise Refused(f"代表队“{name}”已登记", code=ExamError.BAD_ACTIVITY)
    team = Team.objects.create(
        activity=activity, name=name[:100], org_unit=org_unit, members=(members or "")[:300]
    )
    audit.record(actor=actor, action="education.team.add", target=activity, data={"team": name})
    return team


@transaction.atomic
def stage_record(
    *, activity: Activity, name: str, results: list[dict], actor, level: str = "", held_on=None
) -> Stage:
    """Record a stage of a competition with its results: each {"name", "team" (optional),
    "award", "advanced"}; the stage after it may have no more entrants than advanced here."""
    require(actor, EDUCATION_MANAGE, unit=activity.org_unit)
    _competition(activity)
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    name = (name or "").strip()
    if not name or not results:
        raise Refused("请填写赛段名称和比赛成绩", code=ExamError.BAD_ACTIVITY)
    previous = activity.stages.order_by("-order").first()
    try:
        pufa.check_advancing(sum(1 for r in results if r.get("advanced")), len(results))
        if previous is not None:
            pufa.check_advancing(len(results), previous.results.filter(advanced=True).count())
    except ValueError as exc:
        raise Refused(str(exc), code=ExamError.BAD_ACTIVITY) from None
    teams = {t.pk: t for t in activity.teams.all()}
    for r in results:
        team = r.get("team")
        if team is not None and getattr(team, "pk", team) not in teams:
            raise Refused("成绩中的代表队不属于本次竞赛", code=ExamError.BAD_ACTIVITY)
    stage = Stage.objects.create(
        activity=activity,
        order=(previous.order + 1) if previous else 1,
        name=name[:100],
        level=(level or "").strip()[:50],
        held_on=held_on,
    )
    StageResult.objects.bulk_create(
        [
            StageResult(
                stage=stage,
                team=teams.get(getattr(r.get("team"), "pk", r.get("team"))),
                name=str(r.get("name") or getattr(r.get("team"), "name", ""))[:100],
                award=str(r.get("award") or "")[:100],
                advanced=bool(r.get("advanced")),
            )
            for r in results
        ]
    )
    audit.record(
        actor=actor,
        action="education.stage.record",
        target=activity,
        data={"stage": stage.name, "entries": len(results)},
    )
    return stage


@transaction.atomic
def study_record_add(
    *, user, studied_on, kind: str, course: str, hours, actor, activity: Activity | None = None
) -> StudyRecord:
    """Record one person's 学法 (a course or session and its hours)."""
    require(actor, EDUCATION_MANAGE, unit=user.org_unit)
    course = (course or "").strip()
    if not course:
        raise Refused("请填写学习内容", code=ExamError.BAD_ACTIVITY)
    if kind not in {k.value for k in pufa.StudyKind}:
        raise Refused("学习形式不正确", code=ExamError.BAD_ACTIVITY)
    try:
        hours = Decimal(str(hours))
        pufa.check_hours(hours)
    except (ArithmeticError, ValueError) as exc:
        raise Refused(
            str(exc) if isinstance(exc, ValueError) else "学时须为数字", code=ExamError.BAD_ACTIVITY
        ) from None
    if studied_on > timezone.localdate():
        raise Refused("学习日期不能晚于今天", code=ExamError.BAD_ACTIVITY)
    if user.org_unit_id is None:
        raise Refused("该人员没有所属单位", code=ExamError.BAD_ACTIVITY)
    record = StudyRecord.objects.create(
        user=user,
        org_unit_id=user.org_unit_id,
        year=studied_on.year,
        studied_on=studied_on,
        kind=kind,
        course=course[:200],
        hours=hours,
        activity=activity,
        recorded_by=audit.person(actor),
    )
    audit.record(
        actor=actor,
        action="education.study.add",
        target=record,
        data={"user": user.pk, "hours": str(hours), "on": studied_on.isoformat()},
    )
    return record
