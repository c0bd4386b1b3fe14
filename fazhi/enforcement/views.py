"""Staff screens for enforcement cases: 我的案件, new case, the case page with its timeline,
deadlines and next allowed actions, the 案卷, documents, the archive export, the review queue."""

from __future__ import annotations

from io import BytesIO

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.accounts.models import User
from fazhi.accounts.permissions import (
    ENFORCEMENT_DECIDE,
    ENFORCEMENT_HANDLE,
    ENFORCEMENT_LEGAL_REVIEW,
    allowed,
)
from fazhi.accounts.roles import LEADER
from fazhi.accounts.selectors import users_with_role
from fazhi.core.domain.calendar import CalendarDataMissing
from fazhi.core.domain.errors import Refused
from fazhi.core.domain.time_limits import UnknownRule
from fazhi.core.selectors.paging import bounded_page, page_number, query_without_page
from fazhi.core.services.evidence import EvidenceRejected, evidence_open
from fazhi.enforcement import documents, forms, selectors, selectors_stats
from fazhi.enforcement.domain import acts as act_rules
from fazhi.enforcement.domain import case_flow as flow
from fazhi.enforcement.domain import coercion
from fazhi.enforcement.domain import review as review_rules
from fazhi.enforcement.services import cases as intake
from fazhi.enforcement.services.cases_acts import coercion_grants
from fazhi.enforcement.services.cases_archive import case_export, case_file_rows
from fazhi.enforcement.services.cases_common import (
    case_evidence,
    investigator_user_ids,
    review_triggers,
)
from fazhi.enforcement.services.cases_execution import SERVICE_METHODS
from fazhi.enforcement.steps import STEPS, parse_form, run_step
from fazhi.officers.selectors import usable_officers
from fazhi.publicity.selectors import record_of

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
STEP_ERRORS = (Refused, EvidenceRejected, CalendarDataMissing, UnknownRule)
# What 我的案件 shows: loading the whole row (five JSON fields) costs more than the query.
LIST_COLUMNS = (
    "reference",
    "party_name",
    "cause",
    "source",
    "status",
    "decision_number",
    "received_on",
    "org_unit__name",
)


@login_required
def case_list(request):
    """我的案件: one page of 50 (total counted up to 1,000) and the overdue deadlines in scope."""
    today = timezone.localdate()
    g = request.GET
    year = int(g["year"]) if g.get("year", "").isdigit() else None
    qs = selectors.case_list(
        user=request.user,
        status=g.get("status", ""),
        overdue=g.get("overdue") == "1",
        mine=g.get("mine") == "1",
        query=g.get("q", "")[:100],
        year=year,
        today=today,
    )
    overdue = bounded_page(selectors.overdue_deadlines(user=request.user, today=today), size=5)
    context = {
        "page": bounded_page(
            qs.select_related(None).select_related("org_unit").only(*LIST_COLUMNS),
            page=page_number(g),
        ),
        "query": query_without_page(g),
        "filters": g,
        "statuses": [(s.value, label) for s, label in flow.STATUS_LABELS.items()],
        "overdue": selectors.with_cases(overdue.rows, today=today),
        "overdue_total": overdue.total,
        "can_handle": allowed(request.user, ENFORCEMENT_HANDLE),
    }
    return render(request, "enforcement/case_list.html", context)


def stats_scope(request) -> tuple[list[int] | None, int, list[int]]:
    """(the user's units or None for all, the year asked for, the years with cases): shared by
    the 执法统计 page and its 导出 Excel so both count the same cases."""
    unit_ids = selectors_stats.statistics_unit_ids(request.user)
    if unit_ids == []:
        raise PermissionDenied("您没有所属单位，无法查看执法统计")
    this_year = timezone.localdate().year
    with_data = selectors_stats.years_with_cases(unit_ids)
    raw = request.GET.get("year", "")
    # Opens on the latest year with cases (issue 19.4), not on an empty current year.
    default = with_data[0] if with_data else this_year
    year = int(raw) if raw.isdigit() and 1990 <= int(raw) <= this_year else default
    return unit_ids, year, with_data


@login_required
def case_stats(request):
    """执法统计: a year's cases by 职权类别, 来源, 处理结果 and 权责事项, in the user's units."""
    unit_ids, year, with_data = stats_scope(request)
    this_year = timezone.localdate().year
    context = {
        "stats": selectors_stats.yearly_statistics(year=year, unit_ids=unit_ids),
        "years": sorted({this_year, year, *with_data}, reverse=True),
        "with_data": with_data,
        "all_units": unit_ids is None,
    }
    return render(request, "enforcement/stats.html", context)


@login_required
def case_create(request):
    # the form is offered to those who may register; the service checks the chosen unit
    if not allowed(request.user, ENFORCEMENT_HANDLE):
        raise PermissionDenied("只有执法人员可以登记案件")
    form = forms.CaseForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            case = intake.case_register(actor=request.user, **form.cleaned_data)
        except STEP_ERRORS as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"已登记案件 {case.reference}。")
            return redirect("enforcement:case_detail", case.pk)
    return render(request, "enforcement/case_form.html", {"form": form})


@login_required
def case_detail(request, pk: int):
    return _case_page(request, selectors.case_get_for_user(pk=pk, user=request.user))


def _case_page(request, case, *, failed: str = "", error: str = ""):
    """The case page; after a refused step (``failed``) its form comes back open with what was
    typed (``kept``), the officers ticked and the message beside it (issue 19.3)."""
    today = timezone.localdate()
    on = case.filed_on or case.received_on
    hearing = getattr(case, "hearing", None)
    context = {
        "case": case,
        "today": today,
        "deadlines": selectors.case_deadlines(case, today=today),
        "clock_note": selectors.clock_note(case),
        "date_entries": selectors.date_entries(case),
        "timeline": selectors.timeline(case),
        "acts": case.acts.order_by("seq").prefetch_related("officers", "evidence"),
        "orders": case.orders.order_by("issued_on", "pk"),
        "reviews": case.reviews.order_by("round"),
        "hearing": hearing,
        "publicity": record_of(case),
        "actions": [a.value for a in flow.allowed_actions(case.status)],
        "status": case.status,
        "can_handle": allowed(request.user, ENFORCEMENT_HANDLE, unit=case.org_unit),
        "can_decide": allowed(request.user, ENFORCEMENT_DECIDE, unit=case.org_unit),
        "can_review": allowed(request.user, ENFORCEMENT_LEGAL_REVIEW, unit=case.org_unit)
        and request.user.pk not in investigator_user_ids(case),
        # the user's own card first: ticked at 立案, they are the 主办 whose home shows the clocks
        "officers": sorted(
            usable_officers(on=on, org_unit=case.org_unit),
            key=lambda o: o.user_id != request.user.pk,
        ),
        "case_officers": case.officers.all(),
        "leaders": users_with_role(LEADER),
        "reviewers": User.objects.filter(is_active=True).exclude(
            pk__in=investigator_user_ids(case)
        ),
        "triggers": review_triggers(case, case.notified_on or case.filed_on),
        # 17.12: only the coercive measures the case's power item's basis grants
        "act_kinds": [
            (k.value, act_rules.ACT_LABELS[k])
            for k in coercion.offered(
                act_rules.INVESTIGATION_KINDS, case.power_item.code, coercion_grants()
            )
        ],
        "av_kinds": [k.value for k in act_rules.AV_REQUIRED_KINDS],
        "outcomes": list(review_rules.OUTCOME_LABELS.items()),
        "measures": list(review_rules.MEASURE_LABELS.items()),
        "points": review_rules.SEVEN_POINTS,
        "methods": list(SERVICE_METHODS.items()),
        "investigating": flow.Status(case.status) in flow.INVESTIGATING,
        "documents": documents.available(case),
        "violations": forms.violation_choices(on),
        "today_iso": today.isoformat(),
        "failed": failed,
        "step_error": error,
        "kept": {failed: request.POST} if failed else {},
        "kept_lists": {failed: dict(request.POST.lists())} if failed else {},
        "kept_officers": request.POST.getlist("officers") if failed else [],
    }
    return render(request, "enforcement/case_detail.html", context)


@login_required
@require_POST
def case_action(request, pk: int, action: str):
    case = selectors.case_get_for_user(pk=pk, user=request.user)
    if action not in STEPS:
        raise Http404("未知步骤")
    # the service is the gate: a refusal (NotPermitted) answers 403 with its message
    uploads = [(f, f.name) for f in request.FILES.getlist("files")]
    try:
        data = parse_form(action, request.POST)
        run_step(case, action, data, uploads=uploads, actor=request.user)
    except STEP_ERRORS as exc:
        error = str(exc)
        if uploads:  # a browser never refills a file input: say so rather than lose them quietly
            error += f"。所选的 {len(uploads)} 个文件未保存，请重新选择。"
        case = selectors.case_get_for_user(pk=case.pk, user=request.user)  # as it is stored
        return _case_page(request, case, failed=action, error=error)
    messages.success(request, "已办理。")
    return redirect("enforcement:case_detail", case.pk)


@login_required
def case_file(request, pk: int):
    """案卷: every record and evidence file in order with its SHA-256."""
    case = selectors.case_get_for_user(pk=pk, user=request.user)
    return render(
        request, "enforcement/case_file.html", {"case": case, "rows": case_file_rows(case)}
    )


def _docx(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=DOCX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{name}"
    return response


@login_required
def case_document(request, pk: int, kind: str):
    case = selectors.case_get_for_user(pk=pk, user=request.user)
    if kind not in documents.DOCUMENTS:
        raise Http404("未知文书")
    content = documents.DOCUMENTS[kind][1](case)
    if content is None:
        raise Http404("案件尚未进行到该步骤")
    return _docx(content, f"{case.reference}-{kind}.docx")


@login_required
def act_document(request, pk: int, seq: int):
    case = selectors.case_get_for_user(pk=pk, user=request.user)
    act = case.acts.filter(seq=seq).first()
    if act is None or act.kind not in documents.ACT_DOCUMENTS:
        raise Http404("该记录没有文书")
    return _docx(
        documents.ACT_DOCUMENTS[act.kind][1](act), f"{case.reference}-{act.kind}-{seq}.docx"
    )


@login_required
def case_archive_zip(request, pk: int):
    case = selectors.case_get_for_user(pk=pk, user=request.user)
    out = BytesIO()
    try:
        case_export(case=case, actor=request.user, out=out)
    except Refused as exc:
        messages.error(request, str(exc))
        return redirect("enforcement:case_detail", case.pk)
    response = HttpResponse(out.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{case.reference}.zip"
    return response


@login_required
def evidence_download(request, pk: int, evidence_id: int):
    """One evidence file of the case file; the access is logged in its custody record."""
    case = selectors.case_get_for_user(pk=pk, user=request.user)
    evidence = case_evidence(case).filter(pk=evidence_id).first()
    if evidence is None:
        raise Http404("该证据不属于本案")
    stream = evidence_open(evidence=evidence, actor=request.user, note=f"案卷查阅 {case.reference}")
    return FileResponse(
        stream, content_type=evidence.mime_type, as_attachment=True, filename=evidence.original_name
    )


@login_required
def review_queue(request):
    if not allowed(request.user, ENFORCEMENT_LEGAL_REVIEW):
        raise PermissionDenied("只有法制审核人员可以查看审核队列")
    rows = [
        {
            "case": case,
            "triggers": review_triggers(case, case.notified_on or case.filed_on),
            "conflict": request.user.pk in investigator_user_ids(case),
        }
        for case in selectors.review_queue(user=request.user)
    ]
    return render(request, "enforcement/review_queue.html", {"rows": rows})
