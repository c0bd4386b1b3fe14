"""Exams: creation with paper rules, enrolment by unit and role, closing with the results posted to
the officers' certificate records."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from fazhi.accounts.models import OrgUnit
from fazhi.accounts.permissions import EDUCATION_MANAGE, require
from fazhi.accounts.roles import role_by_code
from fazhi.core.domain.errors import Refused
from fazhi.core.services import audit
from fazhi.education.domain import exam as rules
from fazhi.education.domain.exam import ExamError
from fazhi.education.models import (
    Enrolment,
    Exam,
    Sitting,
)
from fazhi.education.services._common import _conf, _pool
from fazhi.education.services.sitting import _finish


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
