"""Part 八: 普法 and 学法用法 — the 普法责任清单, the online exam and the bases (education)."""

from __future__ import annotations

from decimal import Decimal

from fazhi.core.domain.figures import Record, Unit, Value
from fazhi.core.selectors.figures import figure
from fazhi.education.models import DutyItem, DutyKind, EducationBase, Enrolment, Sitting


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


def _contest(year):
    from fazhi.education.models import Activity

    return (
        Activity.objects.filter(year=year, kind="competition")
        .order_by("starts_on", "pk")
        .prefetch_related("teams", "stages__results")
    )


@figure(
    "education.activities",
    version=1,
    title="普法活动",
    unit=Unit.TIMES,
    counts="当年登记的普法活动（宪法宣传周、法律法规宣传月、以案释法、旁听庭审、竞赛等）",
    part="education",
)
def activities(d, year):
    from fazhi.education.models import Activity

    rows = Activity.objects.filter(year=year).order_by("starts_on", "pk").values_list("pk", "title")
    records = tuple(Record(title, "education.activity", pk) for pk, title in rows)
    if not records:
        return Value(d, year, None, missing="当年没有登记普法活动")
    return Value(d, year, Decimal(len(records)), records)


@figure(
    "education.competition_teams",
    version=1,
    title="法治知识竞赛代表队",
    unit=Unit.TEAMS,
    counts="当年法治知识竞赛登记的代表队（支）",
    part="education",
)
def competition_teams(d, year):
    teams = [t for a in _contest(year) for t in a.teams.all()]
    if not teams:
        return Value(d, year, None, missing="当年没有法治知识竞赛的代表队记录")
    records = tuple(Record(t.name, "education.team", t.pk) for t in teams)
    return Value(d, year, Decimal(len(records)), records)


@figure(
    "education.competition_advanced",
    version=1,
    title="选拔参加上一级竞赛的选手",
    unit=Unit.PEOPLE,
    counts="当年法治知识竞赛第一个赛段中晋级的选手或代表队",
    part="education",
)
def competition_advanced(d, year):
    rows = []
    for a in _contest(year):
        first = next(iter(a.stages.all()), None)
        if first is not None:
            rows += [r for r in first.results.all() if r.advanced]
    if not any(a.stages.all() for a in _contest(year)):
        return Value(d, year, None, missing="当年没有法治知识竞赛的赛段成绩记录")
    records = tuple(Record(r.name, "education.stageresult", r.pk) for r in rows)
    return Value(d, year, Decimal(len(records)), records)
