"""Part 八: 普法 and 学法用法 — the 普法责任清单, the online exam and the bases (education)."""

from __future__ import annotations

from decimal import Decimal

from fazhi.education.models import DutyItem, DutyKind, EducationBase, Enrolment, Sitting
from fazhi.reports.domain.figures import Record, Unit, Value
from fazhi.reports.figures import figure


def _items(d, year, kind):
    rows = DutyItem.objects.filter(year=year, kind=kind).order_by("pk").values_list("pk", "content")
    records = tuple(Record(content, "education.dutyitem", pk) for pk, content in rows)
    if not records:
        return Value(d, year, None, missing="当年的普法责任清单尚未录入")
    return Value(d, year, Decimal(len(records)), records)


@figure(
    "education.duty_items_common",
    version=1,
    title="共性普法责任清单",
    unit=Unit.ITEMS,
    counts="当年普法责任清单中的共性事项",
    part="education",
)
def duty_items_common(d, year):
    return _items(d, year, DutyKind.COMMON)


@figure(
    "education.duty_items_specific",
    version=1,
    title="个性普法责任清单",
    unit=Unit.ITEMS,
    counts="当年普法责任清单中的个性事项",
    part="education",
)
def duty_items_specific(d, year):
    return _items(d, year, DutyKind.SPECIFIC)


def _exam_rate(d, year, passed: bool):
    enrolled = Enrolment.objects.filter(exam__year=year)
    total = enrolled.count()
    if not total:
        return Value(d, year, None, missing="当年没有学法用法考试的应考人员记录")
    done = Sitting.objects.filter(enrolment__exam__year=year, submitted_at__isnull=False)
    if passed:
        done = done.filter(passed=True)
    people = set(done.values_list("enrolment_id", flat=True))
    value = (Decimal(len(people)) * 100 / Decimal(total)).quantize(Decimal("0.01"))
    rows = done.select_related("enrolment__user").order_by("enrolment_id", "attempt")
    records = tuple(
        Record(s.enrolment.user.full_name or s.enrolment.user.username, "education.sitting", s.pk)
        for s in rows
    )
    label = "合格" if passed else "参考"
    return Value(d, year, value, records, parts={label: str(len(people)), "应考": str(total)})


@figure(
    "education.exam_participation",
    version=1,
    title="网上学法用法考试参与率",
    unit=Unit.PERCENT,
    counts="当年学法用法考试应考人员中已交卷的比例",
    part="education",
)
def exam_participation(d, year):
    return _exam_rate(d, year, passed=False)


@figure(
    "education.exam_pass",
    version=1,
    title="网上学法用法考试合格率",
    unit=Unit.PERCENT,
    counts="当年学法用法考试应考人员中合格（含补考）的比例",
    part="education",
)
def exam_pass(d, year):
    return _exam_rate(d, year, passed=True)


@figure(
    "education.bases",
    version=1,
    title="法治宣传教育基地",
    unit=Unit.ITEMS,
    counts="当年年底前建成的法治宣传教育基地",
    part="education",
)
def bases(d, year):
    rows = EducationBase.objects.filter(opened_on__year__lte=year).values_list(
        "pk", "name", "address"
    )
    records = tuple(
        Record(f"{name}（{addr}）", "education.educationbase", pk) for pk, name, addr in rows
    )
    if not records:
        return Value(d, year, None, missing="没有法治宣传教育基地登记")
    return Value(d, year, Decimal(len(records)), records)
