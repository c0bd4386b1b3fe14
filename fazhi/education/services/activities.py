"""The yearly 普法计划, activities with their materials in the evidence store, competitions with
teams and stages, and per-person 学法 records."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from fazhi.accounts.models import OrgUnit
from fazhi.accounts.permissions import EDUCATION_MANAGE, pufa_rule, require
from fazhi.core.domain.errors import Refused
from fazhi.core.services import audit
from fazhi.core.services.evidence import EvidenceRejected, evidence_ingest
from fazhi.education.domain import pufa
from fazhi.education.domain.exam import ExamError
from fazhi.education.models import (
    Activity,
    ActivityMaterial,
    MaterialKind,
    PufaPlan,
    Stage,
    StageResult,
    StudyRecord,
    Team,
)
from fazhi.education.services.duties import DUTY_BASIS


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
    audience: str = "",
    participants=(),
) -> Activity:
    """Record a 普法 activity held (dates typed, kept with who recorded them and when)."""
    require(actor, pufa_rule(actor), unit=org_unit)
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
        audience=(audience or "").strip()[:200],
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
    require(actor, pufa_rule(actor), unit=activity.org_unit)
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
    require(actor, pufa_rule(actor), unit=activity.org_unit)
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
    require(actor, pufa_rule(actor), unit=activity.org_unit)
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
