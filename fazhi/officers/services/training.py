"""Training hours and exam results of officers (在岗轮训、资格考试, 国办发〔2018〕118号（二十三）)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction

from fazhi.accounts.permissions import OFFICERS_MANAGE, require
from fazhi.core.domain.errors import Refused
from fazhi.officers.models import ExamResult, Officer, TrainingRecord
from fazhi.officers.services._common import lock_officer, record, text

MAX_HOURS = Decimal(200)


def _decimal(value, what: str) -> Decimal:
    try:
        number = Decimal(str(value)).quantize(Decimal("0.1"))
    except (InvalidOperation, ValueError):
        raise Refused(f"{what}须为数字") from None
    return number


@transaction.atomic
def training_record_add(
    *, officer: Officer, attended_on: date, course: str, hours, actor
) -> TrainingRecord:
    """Record hours of training; the year is the attendance date's. Audits
    ``officers.training.add``."""
    require(actor, OFFICERS_MANAGE, unit=officer.org_unit)
    officer = lock_officer(officer)
    course = text(course, "培训内容")
    hours = _decimal(hours, "学时")
    if not Decimal(0) < hours <= MAX_HOURS:
        raise Refused(f"学时须大于0且不超过{MAX_HOURS}")
    if officer.trainings.filter(attended_on=attended_on, course=course).exists():
        raise Refused(f"{officer.name}在{attended_on:%Y年%m月%d日}的“{course}”培训已登记")
    row = TrainingRecord.objects.create(
        officer=officer, attended_on=attended_on, year=attended_on.year, course=course, hours=hours
    )
    record(
        actor=actor,
        action="training.add",
        target=officer,
        on=attended_on,
        course=course,
        hours=str(hours),
    )
    return row


@transaction.atomic
def exam_result_add(
    *, officer: Officer, exam: str, taken_on: date, passed: bool, actor, score=None
) -> ExamResult:
    """Record an exam result (score 0–100 if given). Audits ``officers.exam.add``."""
    require(actor, OFFICERS_MANAGE, unit=officer.org_unit)
    officer = lock_officer(officer)
    exam = text(exam, "考试名称")
    if score not in (None, ""):
        score = _decimal(score, "成绩")
        if not Decimal(0) <= score <= Decimal(100):
            raise Refused("成绩须在0至100之间")
    else:
        score = None
    if officer.exams.filter(exam=exam, taken_on=taken_on).exists():
        raise Refused(f"{officer.name}在{taken_on:%Y年%m月%d日}的“{exam}”成绩已登记")
    row = ExamResult.objects.create(
        officer=officer, exam=exam, taken_on=taken_on, score=score, passed=bool(passed)
    )
    record(
        actor=actor,
        action="exam.add",
        target=officer,
        exam=exam,
        on=taken_on,
        score=None if score is None else str(score),
        passed=bool(passed),
    )
    return row
