"""Staff screens: both registers by deadline, case pages with timeline and next steps, rates."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.accounts.permissions import DISPUTES_HANDLE, allowed
from fazhi.accounts.roles import LEADER
from fazhi.accounts.selectors import users_with_role
from fazhi.core.domain.calendar import CalendarDataMissing
from fazhi.core.selectors.deadlines import by_nearest_deadline
from fazhi.core.selectors.paging import bounded_page, page_number, query_without_page
from fazhi.core.services.evidence import EvidenceRejected
from fazhi.core.views.exports import cell, model_sheet, xlsx_download
from fazhi.disputes import documents, forms, selectors
from fazhi.disputes.domain import litigation as lit
from fazhi.disputes.domain import reconsideration as rc
from fazhi.disputes.domain.errors import Refused
from fazhi.disputes.publicity import original_publicity
from fazhi.disputes.services import litigation as lit_services
from fazhi.disputes.services import reconsideration as recon

NOT_A_DATE = "日期格式不正确"


def _day(request, name: str = "on") -> date:
    try:
        return date.fromisoformat(request.POST.get(name, ""))
    except ValueError:
        raise Refused(NOT_A_DATE) from None


def _year(request) -> int | None:
    value = request.GET.get("year", "")
    return int(value) if value.isdigit() and 1990 <= int(value) <= 2100 else None


def _require_handler(user) -> None:
    """Whether to show the intake forms at all; each service checks the case itself."""
    if not allowed(user, DISPUTES_HANDLE):
        raise PermissionDenied("只有法规处工作人员可以办理复议应诉")


@login_required
def register(request):
    today, kind = timezone.localdate(), request.GET.get("register", "reconsideration")
    query = request.GET.get("q", "")[:100]
    if kind == "litigation":
        qs = selectors.litigation_list(user=request.user, year=_year(request), query=query)
    else:
        kind = "reconsideration"
        qs = selectors.reconsideration_list(user=request.user, year=_year(request), query=query)
    page = bounded_page(by_nearest_deadline(qs), page=page_number(request.GET))
    context = {
        "kind": kind,
        "page": page,
        "rows": selectors.nearest_rows(page.rows, today=today),
        "query": query_without_page(request.GET),
        "filters": request.GET,
        "can_handle": allowed(request.user, DISPUTES_HANDLE),
    }
    return render(request, "disputes/register.html", context)


RECON_COLUMNS = [
    "reference",
    "applicant_name",
    "respondent",
    "act",
    "received_on",
    "status",
    "accepted_on",
    "decision",
    "decided_on",
    "served_on",
    "error_cause",
    "org_unit",
]
LIT_COLUMNS = [
    "case_number",
    "court",
    "instance",
    "plaintiff",
    "act",
    "received_on",
    "step",
    "agent",
    "hearing_on",
    "head_appeared",
    "outcome",
    "error_cause",
    "org_unit",
]


@login_required
def register_xlsx(request):
    """导出 Excel of the register as filtered (issue 19.7), in the user's units; no ID numbers or
    phones (the sheet leaves the platform)."""
    query, year = request.GET.get("q", "")[:100], _year(request)
    if request.GET.get("register") == "litigation":
        qs = selectors.litigation_list(user=request.user, year=year, query=query)
        columns, what = LIT_COLUMNS, "行政应诉案件"
    else:
        qs = selectors.reconsideration_list(user=request.user, year=year, query=query)
        columns, what = RECON_COLUMNS, "行政复议案件"
    header, rows = model_sheet(qs.order_by("received_on", "pk"), columns)
    return xlsx_download(header=header, rows=rows, title=what, what=what)


def _intake(request, form_class, create, template: str, detail: str):
    _require_handler(request.user)
    form = form_class(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            case = create(data)
        except (Refused, EvidenceRejected, CalendarDataMissing) as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "已登记。")
            return redirect(detail, case.pk)
    return render(request, template, {"form": form})


@login_required
def reconsideration_create(request):
    def create(data):
        files = tuple((f, f.name) for f in data.pop("attachments"))
        return recon.reconsideration_apply(
            actor=request.user, handler=request.user, attachments=files, **data
        )

    return _intake(
        request,
        forms.StaffApplicationForm,
        create,
        "disputes/reconsideration_form.html",
        "disputes:reconsideration_detail",
    )


@login_required
def litigation_create(request):
    def create(data):
        return lit_services.litigation_register(actor=request.user, handler=request.user, **data)

    return _intake(
        request,
        forms.LitigationForm,
        create,
        "disputes/litigation_form.html",
        "disputes:litigation_detail",
    )


@login_required
def reconsideration_detail(request, pk: int):
    case = selectors.reconsideration_get_for_user(pk=pk, user=request.user)
    context = {
        "case": case,
        "deadlines": selectors.deadline_rows(case, today=timezone.localdate()),
        "timeline": selectors.timeline(case),
        "original_publicity": original_publicity(case.original_case_ref),
        "records": case.records.all(),
        "can_handle": allowed(request.user, DISPUTES_HANDLE, unit=case.org_unit),
        "decisions": [(k.value, v) for k, v in rc.DECISION_LABELS.items()],
        "causes": [(k.value, v) for k, v in rc.ERROR_CAUSE_LABELS.items()],
        "leaders": users_with_role(LEADER),
        "today": timezone.localdate(),
    }
    return render(request, "disputes/reconsideration_detail.html", context)


RECON_ACTIONS = {
    "review": lambda c, r, u: recon.reconsideration_review(
        case=c, outcome=r.POST.get("outcome", ""), on=_day(r), note=r.POST.get("note", ""), actor=u
    ),
    "corrected": lambda c, r, u: recon.reconsideration_corrected(case=c, on=_day(r), actor=u),
    "send_copy": lambda c, r, u: recon.reconsideration_send_copy(case=c, on=_day(r), actor=u),
    "reply": lambda c, r, u: recon.reconsideration_reply(
        case=c, on=_day(r), summary=r.POST.get("summary", ""), actor=u
    ),
    "record": lambda c, r, u: recon.reconsideration_add_record(
        case=c, kind=r.POST.get("kind", ""), on=_day(r), summary=r.POST.get("summary", ""), actor=u
    ),
    "suspend": lambda c, r, u: recon.reconsideration_suspend(
        case=c, on=_day(r), reason=r.POST.get("reason", ""), actor=u
    ),
    "resume": lambda c, r, u: recon.reconsideration_resume(case=c, on=_day(r), actor=u),
    "extend": lambda c, r, u: recon.reconsideration_extend(
        case=c,
        approver=users_with_role(LEADER).filter(pk=r.POST.get("approver") or 0).first(),
        reason=r.POST.get("reason", ""),
        actor=u,
    ),
    "terminate": lambda c, r, u: recon.reconsideration_terminate(
        case=c, on=_day(r), reason=r.POST.get("reason", ""), actor=u
    ),
    "decide": lambda c, r, u: recon.reconsideration_decide(
        case=c,
        decision=r.POST.get("decision", "") or rc.DecisionType.UPHOLD,
        on=_day(r),
        text=r.POST.get("text", ""),
        error_cause=r.POST.get("error_cause", ""),
        facts=r.POST.get("facts", ""),
        detail=r.POST.get("detail", ""),
        actor=u,
    ),
    "serve": lambda c, r, u: recon.reconsideration_serve(case=c, on=_day(r), actor=u),
}

LIT_ACTIONS = {
    "approve": lambda c, r, u: lit_services.litigation_approve(
        case=c,
        approver=users_with_role(LEADER).filter(pk=r.POST.get("approver") or 0).first() or u,
        agent=r.POST.get("agent", ""),
        on=_day(r),
        actor=u,
    ),
    "answer": lambda c, r, u: lit_services.litigation_answer(case=c, on=_day(r), actor=u),
    "hearing": lambda c, r, u: lit_services.litigation_hearing(
        case=c,
        on=_day(r),
        head_appeared=r.POST.get("head_appeared") == "yes",
        head_name=r.POST.get("head_name", ""),
        stand_in=r.POST.get("stand_in", ""),
        absence_reason=r.POST.get("absence_reason", ""),
        actor=u,
    ),
    "judge": lambda c, r, u: lit_services.litigation_judge(
        case=c,
        outcome=r.POST.get("outcome", ""),
        served_on=_day(r),
        error_cause=r.POST.get("error_cause", ""),
        actor=u,
    ),
    "perform": lambda c, r, u: lit_services.litigation_perform(
        case=c, on=_day(r), note=r.POST.get("note", ""), actor=u
    ),
}


def _act(request, case, actions: dict, action: str, detail: str):
    if action not in actions:
        raise Http404("未知操作")
    try:
        actions[action](case, request, request.user)
    except (Refused, PermissionDenied, ValueError, CalendarDataMissing) as exc:
        messages.error(request, str(exc.args[0] if isinstance(exc, PermissionDenied) else exc))
    else:
        messages.success(request, "已办理。")
    return redirect(detail, case.pk)


@login_required
@require_POST
def reconsideration_action(request, pk: int, action: str):
    case = selectors.reconsideration_get_for_user(pk=pk, user=request.user)
    return _act(request, case, RECON_ACTIONS, action, "disputes:reconsideration_detail")


@login_required
def reconsideration_docx(request, pk: int):
    case = selectors.reconsideration_get_for_user(pk=pk, user=request.user)
    if not case.decision:
        raise Http404("尚未作出复议决定")
    response = HttpResponse(
        documents.decision_docx(case, body_name=selectors.body_name(case)),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = "attachment; filename*=UTF-8''decision.docx"
    return response


@login_required
def litigation_detail(request, pk: int):
    case = selectors.litigation_get_for_user(pk=pk, user=request.user)
    context = {
        "case": case,
        "deadlines": selectors.deadline_rows(case, today=timezone.localdate()),
        "timeline": selectors.timeline(case),
        "original_publicity": original_publicity(case.original_case_ref),
        "can_handle": allowed(request.user, DISPUTES_HANDLE, unit=case.org_unit),
        "outcomes": [(k.value, v) for k, v in lit.OUTCOME_LABELS.items()],
        "causes": [(k.value, v) for k, v in rc.ERROR_CAUSE_LABELS.items()],
        "reasons": [(k.value, v) for k, v in lit.ABSENCE_LABELS.items()],
        "leaders": users_with_role(LEADER),
        "today": timezone.localdate(),
    }
    return render(request, "disputes/litigation_detail.html", context)


@login_required
@require_POST
def litigation_action(request, pk: int, action: str):
    case = selectors.litigation_get_for_user(pk=pk, user=request.user)
    return _act(request, case, LIT_ACTIONS, action, "disputes:litigation_detail")


def _rates_scope(request) -> tuple[str, int | None, list[int]]:
    """(by unit or 权力事项, the year or None for all years, the years with cases): shared by
    the rates page and its 导出 Excel so both count the same cases."""
    by = "power_item" if request.GET.get("by") == "power_item" else "unit"
    with_data = selectors.years_with_cases(user=request.user)
    # Opens on the latest year with cases (issue 19.4); 全部年度 stays one choice away.
    all_years = request.GET.get("year") == "all"
    year = None if all_years else (_year(request) or (with_data[0] if with_data else None))
    return by, year, with_data


RATE_HEADER = [
    "单位或权力事项",
    "复议案件",
    "作出的行政决定",
    "被复议率",
    "复议决定",
    "纠错",
    "纠错率",
    "应诉案件",
    "已裁判",
    "败诉",
    "败诉率",
    "负责人出庭",
    "开庭",
    "负责人出庭率",
]


def _rate_row(f) -> list[str]:
    rate = f.reconsideration_rate.percent if f.reconsideration_rate else "—"
    acts = "—" if f.acts is None else f.acts
    return [
        f.key,
        *(cell(v) for v in (f.reconsiderations, acts, rate, f.decided, f.corrected)),
        f.correction_rate.percent,
        *(cell(v) for v in (f.suits, f.judged, f.lost)),
        f.loss_rate.percent,
        cell(f.head_appeared),
        cell(f.heard),
        f.appearance_rate.percent,
    ]


@login_required
def rates_xlsx(request):
    """导出 Excel of 纠错与败诉分析 as the page shows it (issue 19.7): the same year, grouping and
    units, named by the year and the day."""
    by, year, _ = _rates_scope(request)
    rows, total = selectors.feedback_figures(user=request.user, year=year, by=by)
    header = ["单位" if by == "unit" else "权力事项", *RATE_HEADER[1:]]
    what = f"纠错与败诉分析-{year}年" if year else "纠错与败诉分析-全部年度"
    lines = [_rate_row(f) for f in [*rows, total]]
    return xlsx_download(header=header, rows=lines, title="纠错与败诉分析", what=what)


@login_required
def rates(request):
    by, year, with_data = _rates_scope(request)
    rows, total = selectors.feedback_figures(user=request.user, year=year, by=by)
    context = {
        "rows": rows,
        "total": total,
        "by": by,
        "year": year,
        "years": sorted({*with_data, *([year] if year else [])}, reverse=True),
        "with_data": with_data,
        "empty": not (total.reconsiderations or total.suits),
        "filters": request.GET,
        "causes": selectors.error_causes(user=request.user, year=year),
        "counts": selectors.year_counts(year=year) if year else None,
    }
    return render(request, "disputes/rates.html", context)
