"""Writes of the planning app: the 第一责任人's appointment, the year's plan and its tasks, the
head's record (meetings, study sessions, decisions), 述法 and the assessment.

Every service: transaction, ``require`` first, rule checks raising ``Refused`` before any write,
one audit event. Evidence files go through the core evidence store after the checks, so a
refused call stores nothing.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import IO

from django.db import transaction
from django.utils import timezone

from fazhi.accounts.permissions import (
    PLANNING_ASSESS,
    PLANNING_MANAGE,
    PLANNING_PLAN,
    PLANNING_PROGRESS,
    PLANNING_STATEMENT,
    require,
)
from fazhi.core.domain.errors import Refused
from fazhi.core.services import audit
from fazhi.core.services.deadlines import deadline_meet, deadline_open_fixed
from fazhi.core.services.evidence import evidence_ingest
from fazhi.planning.domain import duties
from fazhi.planning.domain import indicators as tree
from fazhi.planning.models import (
    DutyRecord,
    Indicator,
    Plan,
    PlanTask,
    Principal,
    Scheme,
    Score,
    Statement,
    StatementItem,
    TaskProgress,
)

TASK_RULE = "planning.task"


@transaction.atomic
def principal_appoint(*, org_unit, user, start: date, title: str = "局长", actor) -> Principal:
    """Record who is the unit's 主要负责人 from ``start``; the one before leaves the day before."""
    require(actor, PLANNING_MANAGE, unit=org_unit)
    current = (
        Principal.objects.select_for_update().filter(org_unit=org_unit, end__isnull=True).first()
    )
    if current is not None:
        if start <= current.start:
            raise Refused("新任职日期须晚于现任主要负责人的任职日期", code="principal_order")
        current.end = date.fromordinal(start.toordinal() - 1)
        current.save(update_fields=["end"])
    principal = Principal.objects.create(
        org_unit=org_unit, user=user, title=title, start=start, recorded_by=audit.person(actor)
    )
    audit.record(
        actor=actor,
        action="planning.principal.appoint",
        target=principal,
        data={"org_unit": org_unit.code, "user": user.username, "start": start.isoformat()},
    )
    return principal


def _evidence(fileobj: IO[bytes] | None, name: str, ref: str, actor, *, required: bool):
    if fileobj is None:
        if required:
            raise Refused("请上传佐证材料", code="evidence_required")
        return None
    return evidence_ingest(fileobj=fileobj, original_name=name, actor=actor, case_ref=ref)


# --- the plan ---------------------------------------------------------------------------------


@transaction.atomic
def plan_create(*, org_unit, year: int, title: str, doc_number: str = "", actor) -> Plan:
    """The unit's 法治建设工作要点 for ``year`` (one a year)."""
    require(actor, PLANNING_PLAN, unit=org_unit)
    title = title.strip()
    if not title:
        raise Refused("请填写工作要点名称", code="plan_title")
    if not 2000 <= year <= timezone.localdate().year + 1:
        raise Refused(f"年度不正确：{year}", code="bad_year")
    if Plan.objects.filter(org_unit=org_unit, year=year).exists():
        raise Refused(f"{org_unit.name}{year}年的工作要点已经存在", code="plan_exists")
    plan = Plan.objects.create(
        org_unit=org_unit,
        year=year,
        title=title,
        doc_number=doc_number.strip(),
        created_by=audit.person(actor),
    )
    audit.record(
        actor=actor,
        action="planning.plan.create",
        target=plan,
        data={"org_unit": org_unit.code, "year": year, "title": title},
    )
    return plan


@transaction.atomic
def plan_task_add(
    *, plan: Plan, content: str, lead_unit, due: date, person=None, actor
) -> PlanTask:
    """A task of the plan with its lead unit and person; its deadline goes on the shared clock
    (``core.Deadline``, counted from 1 January of the plan's year)."""
    require(actor, PLANNING_PLAN, unit=plan.org_unit)
    content = content.strip()
    if not content:
        raise Refused("请填写任务内容", code="task_content")
    if why := duties.check_task_due(plan_year=plan.year, due=due):
        raise Refused(why, code="task_due")
    seq = (plan.tasks.order_by("-seq").values_list("seq", flat=True).first() or 0) + 1
    task = PlanTask.objects.create(
        plan=plan, seq=seq, content=content, lead_unit=lead_unit, person=person, due=due
    )
    task.deadline = deadline_open_fixed(
        subject=task,
        rule_code=TASK_RULE,
        title="法治建设工作要点任务",
        start=min(date(plan.year, 1, 1), due),
        due=due,
        actor=actor,
        owner=person,
        org_unit=lead_unit,
        basis=f"{plan.title} 第{seq}项",
    )
    task.save(update_fields=["deadline"])
    audit.record(
        actor=actor,
        action="planning.task.add",
        target=task,
        data={"plan": plan.pk, "seq": seq, "lead_unit": lead_unit.code, "due": due},
    )
    return task


@transaction.atomic
def task_progress_report(
    *,
    task: PlanTask,
    note: str,
    actor,
    evidence_file: IO[bytes] | None = None,
    evidence_name: str = "",
) -> TaskProgress:
    """The lead unit reports progress; the time is the system's."""
    require(actor, PLANNING_PROGRESS, unit=task.lead_unit)
    note = note.strip()
    if not note:
        raise Refused("请填写进展情况", code="progress_note")
    if task.done_on:
        raise Refused("该任务已完成，不能再报送进展", code="task_done")
    evidence = _evidence(
        evidence_file, evidence_name, f"法治建设{task.plan.year}", actor, required=False
    )
    progress = TaskProgress.objects.create(
        task=task, note=note, evidence=evidence, reported_by=audit.person(actor)
    )
    audit.record(
        actor=actor,
        action="planning.task.progress",
        target=task,
        data={"note": note[:200], "evidence": evidence.sha256 if evidence else None},
    )
    return progress


@transaction.atomic
def task_complete(*, task: PlanTask, actor, done_on: date | None = None) -> PlanTask:
    """Mark the task done: on the system's day, or on a typed day (a past year's record), which
    is kept as typed beside who entered it (the audit event)."""
    require(actor, PLANNING_PROGRESS, unit=task.lead_unit)
    task = PlanTask.objects.select_for_update().get(pk=task.pk)
    today = timezone.localdate()
    if task.done_on:
        raise Refused("该任务已经完成", code="task_done")
    typed = done_on is not None
    day = done_on or today
    if day > today:
        raise Refused("完成日期不能晚于今天", code="task_future")
    if day < date(task.plan.year, 1, 1):
        raise Refused("完成日期不能早于工作要点年度", code="task_early")
    task.done_on, task.done_on_typed = day, typed
    task.save(update_fields=["done_on", "done_on_typed"])
    if task.deadline_id:
        deadline_meet(deadline=task.deadline, met_on=day, actor=actor)
    audit.record(
        actor=actor,
        action="planning.task.complete",
        target=task,
        data={"done_on": day, "typed": typed},
    )
    return task


# --- the 第一责任人's record --------------------------------------------------------------------


@transaction.atomic
def duty_record_add(
    *,
    org_unit,
    kind: str,
    held_on: date,
    topic: str,
    evidence_file: IO[bytes] | None,
    evidence_name: str,
    actor,
    level: str = "",
    chaired_by=None,
    expected: int | None = None,
    attendance: int | None = None,
    attendees: str = "",
) -> DutyRecord:
    """A meeting chaired, a 中心组 study session (level, attendance) or a decision, with its
    evidence record (minutes, sign-in sheet, document)."""
    require(actor, PLANNING_PLAN, unit=org_unit)
    if kind not in DutyRecord.Kind.values:
        raise Refused("履职记录类别不正确", code="duty_kind")
    topic = topic.strip()
    if not topic:
        raise Refused("请填写主题", code="duty_topic")
    if why := duties.check_duty_date(held_on=held_on, today=timezone.localdate()):
        raise Refused(why, code="duty_date")
    if kind == DutyRecord.Kind.STUDY:
        if why := duties.check_study(
            level=level, attendance=attendance or 0, expected=expected or 0
        ):
            raise Refused(why, code="duty_study")
    else:
        level = ""
    evidence = _evidence(
        evidence_file, evidence_name, f"第一责任人{held_on.year}", actor, required=True
    )
    record = DutyRecord.objects.create(
        org_unit=org_unit,
        kind=kind,
        level=level,
        held_on=held_on,
        topic=topic,
        chaired_by=chaired_by,
        expected=expected,
        attendance=attendance,
        attendees=attendees.strip(),
        evidence=evidence,
        entered_by=audit.person(actor),
    )
    audit.record(
        actor=actor,
        action="planning.duty.add",
        target=record,
        data={"kind": kind, "level": level, "held_on": held_on, "evidence": evidence.sha256},
    )
    return record


# --- 述法 ----------------------------------------------------------------------------------


def _is_leader_only(actor) -> bool:
    from fazhi.accounts.permissions import role_codes

    return "legal_staff" not in role_codes(actor)


@transaction.atomic
def statement_create(
    *, person, org_unit, role: str, year: int, items: list[dict], actor
) -> Statement:
    """A leader's 述法 for ``year`` with its items; an item may cite a report figure by key."""
    require(actor, PLANNING_STATEMENT, unit=org_unit)
    if _is_leader_only(actor) and getattr(actor, "pk", None) and actor.pk != person.pk:
        raise Refused("局领导只能撰写本人的述法", code="statement_not_own")
    if role not in duties.STATEMENT_ROLES:
        raise Refused("述法人身份不正确", code="statement_role")
    if Statement.objects.filter(person=person, year=year).exists():
        raise Refused(f"{year}年的述法已经存在", code="statement_exists")
    if not items or any(not str(i.get("heading", "")).strip() for i in items):
        raise Refused("请列出述法事项，每项须有名称", code="statement_items")
    keys = [i.get("figure_key", "") for i in items if i.get("figure_key")]
    if keys:
        from fazhi.core.selectors.figures import definitions

        unknown = set(keys) - {d.key for d in definitions()}
        if unknown:
            raise Refused(f"引用的数据口径不存在：{'、'.join(sorted(unknown))}", code="figure")
    statement = Statement.objects.create(org_unit=org_unit, person=person, role=role, year=year)
    StatementItem.objects.bulk_create(
        StatementItem(
            statement=statement,
            seq=n,
            heading=str(i["heading"]).strip(),
            content=str(i.get("content", "")).strip(),
            figure_key=i.get("figure_key", ""),
        )
        for n, i in enumerate(items, start=1)
    )
    audit.record(
        actor=actor,
        action="planning.statement.create",
        target=statement,
        data={"person": person.username, "year": year, "items": len(items)},
    )
    return statement


@transaction.atomic
def statement_submit(*, statement: Statement, text: str, actor) -> Statement:
    """Submit the written 述法; the figures its items cite are drawn from the records now and
    kept with the values and record ids they had."""
    require(actor, PLANNING_STATEMENT, unit=statement.org_unit)
    statement = Statement.objects.select_for_update().get(pk=statement.pk)
    if _is_leader_only(actor) and getattr(actor, "pk", None) and actor.pk != statement.person_id:
        raise Refused("局领导只能提交本人的述法", code="statement_not_own")
    if statement.status != Statement.Status.DRAFT:
        raise Refused("述法已经提交，不能再修改", code="statement_submitted")
    text = text.strip()
    if not text:
        raise Refused("请填写书面述法", code="statement_text")
    from fazhi.core.selectors.figures import compute

    for item in statement.items.exclude(figure_key=""):
        value = compute(item.figure_key, statement.year)
        item.figure = {
            "title": value.definition.title,
            "version": value.definition.version,
            "display": value.display,
            "value": None if value.value is None else str(value.value),
            "missing": value.missing,
            "records": [[r.model, r.pk, r.label] for r in value.records],
        }
        item.save(update_fields=["figure"])
    statement.text = text
    statement.status = Statement.Status.SUBMITTED
    statement.submitted_at = timezone.now()
    statement.save(update_fields=["text", "status", "submitted_at"])
    audit.record(
        actor=actor,
        action="planning.statement.submit",
        target=statement,
        data={"chars": len(text)},
    )
    return statement


@transaction.atomic
def statement_review(*, statement: Statement, result: str, note: str = "", actor) -> Statement:
    """The 评议 result of a submitted 述法."""
    require(actor, PLANNING_ASSESS, unit=statement.org_unit)
    statement = Statement.objects.select_for_update().get(pk=statement.pk)
    if statement.status != Statement.Status.SUBMITTED:
        raise Refused("只能评议已提交、尚未评议的述法", code="statement_not_submitted")
    if result not in duties.REVIEW_RESULTS:
        raise Refused("评议结果不正确", code="statement_result")
    if getattr(actor, "pk", None) and actor.pk == statement.person_id:
        raise Refused("述法人不能评议本人的述法", code="statement_self_review")
    statement.result, statement.result_note = result, note.strip()
    statement.status = Statement.Status.REVIEWED
    statement.reviewed_at = timezone.now()
    statement.reviewed_by = audit.person(actor)
    statement.save(update_fields=["result", "result_note", "status", "reviewed_at", "reviewed_by"])
    audit.record(
        actor=actor,
        action="planning.statement.review",
        target=statement,
        data={"result": result},
    )
    return statement


# --- 考核 -----------------------------------------------------------------------------------


@transaction.atomic
def scheme_create(
    *,
    year: int,
    title: str,
    nodes: list[dict],
    actor,
    source: str = "",
    total: Decimal = Decimal(100),
) -> Scheme:
    """An indicator tree from configuration; refused (nothing written) unless every node's
    children sum to its weight and the first level to ``total``."""
    require(actor, PLANNING_ASSESS)
    try:
        roots = [tree.node_from_dict(n) for n in nodes]
        tree.validate(roots, Decimal(total))
    except (tree.TreeInvalid, KeyError) as exc:
        raise Refused(f"指标体系不成立：{exc}", code="indicator_tree") from exc
    figures = {n.figure for n in _walk(roots) if n.figure}
    if figures:
        from fazhi.core.selectors.figures import definitions
        from fazhi.planning import unit_figures

        known = {d.key for d in definitions()} | {d.key for d in unit_figures.definitions()}
        unknown = figures - known
        if unknown:
            raise Refused(f"取数口径不存在：{'、'.join(sorted(unknown))}", code="figure")
    scheme = Scheme.objects.create(
        year=year,
        title=title.strip(),
        source=source.strip(),
        total=total,
        assumed=any(n.assumed for n in _walk(roots)),
        created_by=audit.person(actor),
    )
    seq = 0

    def save(node: tree.Node, parent: Indicator | None, level: int) -> None:
        nonlocal seq
        seq += 1
        row = Indicator.objects.create(
            scheme=scheme,
            parent=parent,
            code=node.code,
            title=node.title,
            level=level,
            weight=node.weight,
            rule="" if node.children else node.rule,
            figure_key=node.figure,
            target=node.target,
            evidence_type=node.evidence,
            assumed=node.assumed,
            seq=seq,
        )
        for child in node.children:
            save(child, row, level + 1)

    for root in roots:
        save(root, None, 1)
    audit.record(
        actor=actor,
        action="planning.scheme.create",
        target=scheme,
        data={"year": year, "indicators": seq, "total": total},
    )
    return scheme


def _walk(nodes):
    for node in nodes:
        yield node
        yield from _walk(node.children)


@transaction.atomic
def score_review(
    *,
    indicator: Indicator,
    org_unit,
    points: Decimal,
    actor,
    evidence_file: IO[bytes] | None,
    evidence_name: str,
    note: str = "",
) -> Score:
    """A reviewer's score of an evidence-scored indicator for a unit, on its evidence upload.
    Scoring again replaces the score (the audit chain keeps the earlier one)."""
    require(actor, PLANNING_ASSESS, unit=org_unit)
    if indicator.rule != tree.REVIEWER:
        raise Refused("该指标按记录自动计算，不能人工评分", code="indicator_computed")
    try:
        tree.check_reviewer_points(Decimal(points), indicator.weight, indicator.title)
    except tree.TreeInvalid as exc:
        raise Refused(str(exc), code="score_range") from exc
    evidence = _evidence(
        evidence_file,
        evidence_name,
        f"考核{indicator.scheme.year}-{org_unit.code}",
        actor,
        required=True,
    )
    score, created = Score.objects.update_or_create(
        indicator=indicator,
        org_unit=org_unit,
        defaults={
            "points": points,
            "note": note.strip(),
            "evidence": evidence,
            "reviewer": audit.person(actor),
        },
    )
    audit.record(
        actor=actor,
        action="planning.score.review",
        target=score,
        data={
            "indicator": indicator.code,
            "org_unit": org_unit.code,
            "points": points,
            "replaced": not created,
            "evidence": evidence.sha256,
        },
    )
    return score
