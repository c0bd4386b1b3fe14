"""Staff screens of the 第一责任人's year: the plan and its tasks, the head's record, 述法 and
the assessment. Views parse the form, call one service and translate its refusal."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.accounts.models import OrgUnit
from fazhi.accounts.permissions import (
    PLANNING_ASSESS,
    PLANNING_PLAN,
    PLANNING_PROGRESS,
    PLANNING_STATEMENT,
    allowed,
)
from fazhi.core.domain.errors import Refused
from fazhi.planning import selectors, services
from fazhi.planning.domain import duties
from fazhi.planning.domain.indicators import LEVEL_NAMES, RULES, TreeInvalid, nodes_from_rows
from fazhi.planning.models import DutyRecord, Plan, PlanTask, Scheme, Statement


def _year(request) -> int:
    """The year asked for, else the latest year with records (as 执法统计 opens), else this one."""
    value = request.GET.get("year", "")
    this_year = timezone.localdate().year
    year = int(value) if value.isdigit() else (selectors.latest_year() or this_year)
    return year if 2000 <= year <= 2100 else this_year


SCHEME_FORM_ROWS = 15  # blank indicator rows offered by the form (blank ones are skipped)


def _bureau():
    return OrgUnit.objects.filter(parent__isnull=True).order_by("path").first()


def _date(value: str, label: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise Refused(f"{label}格式不正确") from exc


def _int(value: str, label: str, *, required: bool = True) -> int | None:
    value = (value or "").strip()
    if not value and not required:
        return None
    if not value.isdigit():
        raise Refused(f"{label}须为整数")
    return int(value)


def _upload(request):
    upload = request.FILES.get("evidence")
    return (upload, upload.name) if upload else (None, "")


def _run(request, call, done: str) -> bool:
    try:
        call()
    except Refused as exc:
        messages.error(request, str(exc))
        return False
    messages.success(request, done)
    return True


@login_required
def index(request):
    year = _year(request)
    plans = list(selectors.plans(year=year))
    for plan in plans:
        plan.rows = list(selectors.plan_tasks(plan))
    records = list(selectors.duty_records(year=year).order_by("held_on", "pk"))
    context = {
        "year": year,
        "years": range(timezone.localdate().year + 1, 2017, -1),
        "plans": plans,
        "records": records,
        "study": {
            level: sum(1 for r in records if r.kind == "study" and r.level == level)
            for level in ("bureau", "division")
        },
        "statements": selectors.statements(year=year),
        "schemes": [(sc, selectors.scheme_rows(sc)) for sc in Scheme.objects.filter(year=year)],
        "rule_choices": RULES.items(),
        "level_choices": LEVEL_NAMES.items(),
        "figure_choices": selectors.figure_choices()
        if allowed(request.user, PLANNING_ASSESS)
        else [],
        "blank_rows": range(SCHEME_FORM_ROWS),
        "kinds": DutyRecord.Kind.choices,
        "levels": DutyRecord.Level.choices,
        "roles": duties.STATEMENT_ROLES.items(),
        "leaders": get_user_model().objects.filter(is_active=True).order_by("username"),
        "can_plan": allowed(request.user, PLANNING_PLAN),
        "can_state": allowed(request.user, PLANNING_STATEMENT),
        "can_assess": allowed(request.user, PLANNING_ASSESS),
        "today": timezone.localdate(),
    }
    return render(request, "planning/index.html", context)


@login_required
@require_POST
def plan_new(request):
    holder = {}

    def call():
        holder["plan"] = services.plan_create(
            org_unit=_bureau(),
            year=_int(request.POST.get("year"), "年度"),
            title=request.POST.get("title", ""),
            doc_number=request.POST.get("doc_number", ""),
            actor=request.user,
        )

    if _run(request, call, "已建立工作要点。"):
        return redirect("planning:plan_detail", holder["plan"].pk)
    return redirect(f"/staff/planning/?year={request.POST.get('year', '')}")


@login_required
def plan_detail(request, pk: int):
    plan = get_object_or_404(Plan.objects.select_related("org_unit"), pk=pk)
    if request.method == "POST":

        def call():
            person = request.POST.get("person", "")
            services.plan_task_add(
                plan=plan,
                content=request.POST.get("content", ""),
                lead_unit=get_object_or_404(
                    OrgUnit, pk=_int(request.POST.get("lead_unit"), "牵头单位")
                ),
                due=_date(request.POST.get("due", ""), "完成期限"),
                person=get_user_model().objects.filter(pk=person).first()
                if person.isdigit()
                else None,
                actor=request.user,
            )

        _run(request, call, "已添加任务。")
        return redirect("planning:plan_detail", plan.pk)
    context = {
        "plan": plan,
        "tasks": selectors.plan_tasks(plan),
        "units": OrgUnit.objects.order_by("path"),
        "people": get_user_model().objects.filter(is_active=True).order_by("username"),
        "can_plan": allowed(request.user, PLANNING_PLAN),
        "can_progress": allowed(request.user, PLANNING_PROGRESS),
        "today": timezone.localdate(),
    }
    return render(request, "planning/plan_detail.html", context)


@login_required
@require_POST
def task_action(request, pk: int, action: str):
    task = get_object_or_404(PlanTask.objects.select_related("plan", "lead_unit"), pk=pk)
    if action == "progress":
        fileobj, name = _upload(request)
        _run(
            request,
            lambda: services.task_progress_report(
                task=task,
                note=request.POST.get("note", ""),
                evidence_file=fileobj,
                evidence_name=name,
                actor=request.user,
            ),
            "已报送进展。",
        )
    elif action == "complete":
        typed = request.POST.get("done_on", "")
        _run(
            request,
            lambda: services.task_complete(
                task=task,
                done_on=_date(typed, "完成日期") if typed else None,
                actor=request.user,
            ),
            "已标记完成。",
        )
    else:
        raise Http404("未知操作")
    return redirect("planning:plan_detail", task.plan_id)


@login_required
@require_POST
def duty_new(request):
    post = request.POST
    fileobj, name = _upload(request)
    chaired = post.get("chaired_by", "")
    _run(
        request,
        lambda: services.duty_record_add(
            org_unit=_bureau(),
            kind=post.get("kind", ""),
            level=post.get("level", ""),
            held_on=_date(post.get("held_on", ""), "日期"),
            topic=post.get("topic", ""),
            chaired_by=get_user_model().objects.filter(pk=chaired).first()
            if chaired.isdigit()
            else None,
            expected=_int(post.get("expected"), "应到人数", required=False),
            attendance=_int(post.get("attendance"), "实到人数", required=False),
            attendees=post.get("attendees", ""),
            evidence_file=fileobj,
            evidence_name=name,
            actor=request.user,
        ),
        "已登记履职记录。",
    )
    return redirect(f"/staff/planning/?year={post.get('held_on', '')[:4]}#duties")


def _items(text: str) -> list[dict]:
    """One item a line: ``事项｜内容｜数据口径`` (the last two optional)."""
    items = []
    for line in text.splitlines():
        parts = [p.strip() for p in line.replace("|", "｜").split("｜")]
        if parts and parts[0]:
            items.append(
                {
                    "heading": parts[0],
                    "content": parts[1] if len(parts) > 1 else "",
                    "figure_key": parts[2] if len(parts) > 2 else "",
                }
            )
    return items


@login_required
@require_POST
def statement_new(request):
    post, holder = request.POST, {}

    def call():
        person = get_object_or_404(get_user_model(), pk=_int(post.get("person"), "述法人"))
        holder["s"] = services.statement_create(
            person=person,
            org_unit=_bureau(),
            role=post.get("role", ""),
            year=_int(post.get("year"), "年度"),
            items=_items(post.get("items", "")),
            actor=request.user,
        )

    if _run(request, call, "已建立述法。"):
        return redirect("planning:statement_detail", holder["s"].pk)
    return redirect(f"/staff/planning/?year={post.get('year', '')}#statements")


@login_required
def statement_detail(request, pk: int):
    statement = get_object_or_404(Statement.objects.select_related("person"), pk=pk)
    context = {
        "s": statement,
        "items": statement.items.all(),
        "role": duties.STATEMENT_ROLES.get(statement.role, statement.role),
        "result": duties.REVIEW_RESULTS.get(statement.result, ""),
        "results": duties.REVIEW_RESULTS.items(),
        "can_state": allowed(request.user, PLANNING_STATEMENT),
        "can_assess": allowed(request.user, PLANNING_ASSESS),
    }
    return render(request, "planning/statement_detail.html", context)


@login_required
@require_POST
def statement_action(request, pk: int, action: str):
    statement = get_object_or_404(Statement, pk=pk)
    if action == "submit":
        call = lambda: services.statement_submit(  # noqa: E731
            statement=statement, text=request.POST.get("text", ""), actor=request.user
        )
    elif action == "review":
        call = lambda: services.statement_review(  # noqa: E731
            statement=statement,
            result=request.POST.get("result", ""),
            note=request.POST.get("note", ""),
            actor=request.user,
        )
    else:
        raise Http404("未知操作")
    _run(request, call, "已办理。")
    return redirect("planning:statement_detail", statement.pk)


@login_required
@require_POST
def scheme_new(request):
    post, holder = request.POST, {}

    def call():
        columns = ("level", "title", "weight", "rule", "figure", "target", "evidence")
        rows = [
            dict(zip(columns, r, strict=False))
            for r in zip(*(post.getlist(c) for c in columns), strict=False)
        ]
        try:
            nodes = nodes_from_rows(rows)
            total = Decimal(post.get("total") or "100")
        except TreeInvalid as exc:
            raise Refused(f"指标体系不成立：{exc}") from exc
        except (ValueError, InvalidOperation) as exc:
            raise Refused("总分和层级须为数字") from exc
        if not nodes:
            raise Refused("请至少填写一项指标")
        holder["s"] = services.scheme_create(
            year=_int(post.get("year"), "年度"),
            title=post.get("title", ""),
            source=post.get("source", ""),
            total=total,
            nodes=nodes,
            actor=request.user,
        )

    if _run(request, call, "已建立考核指标体系。"):
        return redirect("planning:scheme_detail", holder["s"].pk)
    return redirect(f"/staff/planning/?year={post.get('year', '')}#assessment")


@login_required
def scheme_detail(request, pk: int):
    scheme = get_object_or_404(Scheme, pk=pk)
    unit_id = request.GET.get("unit", "")
    org_unit = get_object_or_404(OrgUnit, pk=int(unit_id)) if unit_id.isdigit() else _bureau()
    context = {
        "scheme": scheme,
        "org_unit": org_unit,
        "units": OrgUnit.objects.order_by("path"),
        "result": selectors.assessment(scheme=scheme, org_unit=org_unit),
        "rules": RULES,
        "can_assess": allowed(request.user, PLANNING_ASSESS),
    }
    return render(request, "planning/scheme_detail.html", context)


@login_required
@require_POST
def score(request, pk: int):
    scheme = get_object_or_404(Scheme, pk=pk)
    post = request.POST
    try:
        indicator_pk, unit_pk = _int(post.get("indicator"), "指标"), _int(post.get("unit"), "单位")
    except Refused as exc:  # a malformed form is the user's to correct, not a server error
        messages.error(request, str(exc))
        return redirect("planning:scheme_detail", scheme.pk)
    indicator = get_object_or_404(scheme.indicators, pk=indicator_pk or 0)
    org_unit = get_object_or_404(OrgUnit, pk=unit_pk or 0)
    fileobj, name = _upload(request)

    def call():
        try:
            points = Decimal(post.get("points", ""))
        except InvalidOperation as exc:
            raise Refused("得分须为数字") from exc
        services.score_review(
            indicator=indicator,
            org_unit=org_unit,
            points=points,
            note=post.get("note", ""),
            evidence_file=fileobj,
            evidence_name=name,
            actor=request.user,
        )

    _run(request, call, "已评分。")
    return redirect(f"/staff/planning/schemes/{scheme.pk}/?unit={org_unit.pk}")
