"""Staff screens: the ledger, a document's page with its next steps, comments, cleanup."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.accounts.permissions import NORMDOCS_ADMINISTER, NORMDOCS_DRAFT, allowed
from fazhi.core.domain.errors import Refused  # the base: steps refuse through decisions too
from fazhi.core.selectors.paging import bounded_page, page_number, query_without_page
from fazhi.normdocs import forms, selectors, services
from fazhi.normdocs.domain.reviews import LEGALITY_POINTS
from fazhi.normdocs.domain.states import STAGE_LABELS, Action, Stage
from fazhi.normdocs.export import ledger_rows, ledger_workbook
from fazhi.normdocs.models import CleanupCampaign, NormativeDocument, PublicComment


def _refused(request, exc: Exception) -> None:
    messages.error(request, str(exc.args[0] if isinstance(exc, PermissionDenied) else exc))


def _form_errors(request, form) -> None:
    text = "；".join(
        f"{form.fields[f].label if f in form.fields else ''}{' '.join(e)}"
        for f, e in form.errors.items()
    )
    messages.error(request, f"填写有误：{text}")


def _year(request) -> int | None:
    value = request.GET.get("year", "")
    return int(value) if value.isdigit() and 1990 <= int(value) <= 2100 else None


@login_required
def ledger(request):
    today = timezone.localdate()
    documents = selectors.document_list(
        user=request.user,
        stage=request.GET.get("stage", "") if request.GET.get("stage") in set(Stage) else "",
        year=_year(request),
        query=request.GET.get("q", "")[:100],
    )
    page = bounded_page(documents, page=page_number(request.GET))
    context = {
        "page": page,
        "rows": ledger_rows(page.rows, today=today),
        "query": query_without_page(request.GET),
        "total": documents.count(),
        "summary": selectors.ledger_summary(user=request.user, year=_year(request), today=today),
        "stages": [(s.value, label) for s, label in STAGE_LABELS.items()],
        "filters": request.GET,
        "can_draft": allowed(request.user, NORMDOCS_DRAFT),
        "can_administer": allowed(request.user, NORMDOCS_ADMINISTER),
    }
    return render(request, "normdocs/ledger.html", context)


@login_required
def ledger_xlsx(request):
    documents = selectors.document_list(user=request.user, year=_year(request))
    response = HttpResponse(
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = "attachment; filename*=UTF-8''normdocs-ledger.xlsx"
    ledger_workbook(documents, today=timezone.localdate()).save(response)
    return response


@login_required
def document_create(request):
    form = forms.DraftForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            document = services.document_draft(actor=request.user, **form.cleaned_data)
        except (Refused, PermissionDenied) as exc:
            _refused(request, exc)
        else:
            messages.success(request, "草案已创建。")
            return redirect("normdocs:document_detail", pk=document.pk)
    return render(request, "normdocs/document_form.html", {"form": form})


def _message(exc: Exception) -> str:
    return str(exc.args[0] if isinstance(exc, PermissionDenied) else exc)


@login_required
def document_detail(request, pk: int):
    return _document_page(request, selectors.document_get_for_user(pk=pk, user=request.user))


def _document_page(request, document, *, failed=None, bound=None, error: str = ""):
    """The document page; after a refused step its form comes back open and bound to what was
    typed, with the message beside it (issue 19.3)."""
    today = timezone.localdate()
    # The revision starts from the current text, in the same "第X条" form the draft was typed.
    initial = {
        "body": "\n".join(f"{a.label} {a.text}" for a in document.articles.all()),
        "title": document.title,
        "drafting_note": document.drafting_note,
    }
    actions = [
        (
            action,
            label,
            bound
            if action == failed
            else forms.ACTION_FORMS[action](prefix=action.value, initial=initial),
        )
        for action, label in selectors.next_actions(document, user=request.user, today=today)
    ]
    context = {
        "document": document,
        "articles": document.articles.all(),
        "timeline": selectors.document_timeline(document),
        "deadlines": selectors.document_deadlines(document, today=today),
        "actions": actions,
        "comments": selectors.document_comments(document),
        "comment_form_open": document.stage == Stage.PUBLIC_COMMENT
        and allowed(request.user, NORMDOCS_DRAFT, unit=document.org_unit),
        "reviews": document.legality_reviews.exclude(reviewed_on=None),
        "points": LEGALITY_POINTS,
        "competition": selectors.competition_reviews(document),
        "deliberations": document.deliberations.all(),
        "comment_ops": forms.CommentHandleForm(),
        "failed": failed,
        "step_error": error,
        # the step may no longer be offered (its period, another's change): say it at the top
        "page_error": error if failed not in {a for a, _, _ in actions} else "",
    }
    return render(request, "normdocs/document_detail.html", context)


def _run_action(action: Action, document: NormativeDocument, actor, data: dict, form):
    on = data.pop("on")
    if action == Action.REVIEW:
        return services.document_review_legality(
            document=document,
            checks=form.checks(),
            conclusion=data["conclusion"],
            opinion=data["opinion"],
            urgent_reason=data.get("urgent_reason", ""),
            actor=actor,
            on=on,
        )
    if action == Action.FAIR_COMPETITION:
        return services.document_review_competition(
            document=document, actor=actor, on=on, **form.step_data()
        )
    calls = {
        Action.EDIT_DRAFT: services.document_edit_draft,
        Action.OPEN_COMMENT: services.document_open_comment,
        Action.SUBMIT_REVIEW: services.document_submit_review,
        Action.RESUBMIT: services.document_resubmit,
        Action.DELIBERATE: services.document_deliberate,
        Action.REGISTER: services.document_register,
        Action.PUBLISH: services.document_publish,
        Action.FILE: services.document_file,
        Action.FILING_RESULT: services.document_record_filing_review,
        Action.CORRECT: services.document_correct,
        Action.EXPIRE: services.document_expire,
    }
    return calls[action](document=document, actor=actor, on=on, **data)


@login_required
@require_POST
def document_action(request, pk: int, action: str):
    document = selectors.document_get_for_user(pk=pk, user=request.user)
    try:
        step = Action(action)
        form_class = forms.ACTION_FORMS[step]
    except (ValueError, KeyError):
        raise Http404("未知的办理步骤") from None
    form = form_class(request.POST, prefix=step.value)
    if not form.is_valid():
        error = "填写有误，请按提示修改后再提交。"
    else:
        data = {k: v for k, v in form.cleaned_data.items() if not k.startswith("check_")}
        try:
            _run_action(step, document, request.user, data, form)
        except (Refused, PermissionDenied) as exc:
            error = _message(exc)
        else:
            messages.success(request, "已办理。")
            return redirect("normdocs:document_detail", pk=pk)
    document = selectors.document_get_for_user(pk=pk, user=request.user)  # as it is stored
    return _document_page(request, document, failed=step, bound=form, error=error)


@login_required
@require_POST
def comment_handle(request, pk: int, comment_pk: int):
    document = selectors.document_get_for_user(pk=pk, user=request.user)
    comment = get_object_or_404(PublicComment, pk=comment_pk, document=document)
    form = forms.CommentHandleForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return redirect("normdocs:document_detail", pk=pk)
    data = form.cleaned_data
    try:
        if data["operation"] in {"valid", "spam"}:
            services.comment_moderate(
                comment=comment, is_valid=data["operation"] == "valid", actor=request.user
            )
        elif data["operation"] == "merge":
            into = get_object_or_404(PublicComment, pk=data["into"] or 0, document=document)
            services.comment_merge(comment=comment, into=into, actor=request.user)
        else:
            services.comment_mark(
                comment=comment,
                adoption=data["adoption"],
                reason=data["reason"],
                actor=request.user,
            )
    except (Refused, PermissionDenied) as exc:
        _refused(request, exc)
    else:
        messages.success(request, "意见已处理。")
    return redirect(f"{document_url(pk)}#comments")


def document_url(pk: int) -> str:
    from django.urls import reverse

    return reverse("normdocs:document_detail", args=[pk])


@login_required
def cleanup_list(request):
    form = forms.CleanupStartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            campaign = services.cleanup_start(actor=request.user, **form.cleaned_data)
        except (Refused, PermissionDenied) as exc:
            _refused(request, exc)
        else:
            return redirect("normdocs:cleanup_detail", pk=campaign.pk)
    context = {
        "campaigns": selectors.cleanup_campaigns(),
        "form": form,
        "can_administer": allowed(request.user, NORMDOCS_ADMINISTER),
    }
    return render(request, "normdocs/cleanup_list.html", context)


@login_required
def cleanup_detail(request, pk: int):
    return _cleanup_page(request, pk)


def _cleanup_page(request, pk: int, *, assess=None, announce=None, error: str = ""):
    """The campaign page; a refused assessment or announcement comes back with its input."""
    campaign = get_object_or_404(selectors.cleanup_campaigns(), pk=pk)
    context = {
        "campaign": campaign,
        "assessments": campaign.assessments.select_related("document"),
        "pending": selectors.campaign_pending(campaign)[:200],
        "pending_count": selectors.campaign_pending(campaign).count(),
        "assess_form": forms.AssessForm(),
        "announce_form": announce or forms.AnnounceForm(),
        "kept": assess.data if assess is not None else {},
        "assess_error": error if assess is not None else "",
        "announce_error": error if announce is not None else "",
        "can_administer": allowed(request.user, NORMDOCS_ADMINISTER),
    }
    return render(request, "normdocs/cleanup_detail.html", context)


@login_required
@require_POST
def cleanup_assess(request, pk: int):
    campaign = get_object_or_404(CleanupCampaign, pk=pk)
    form = forms.AssessForm(request.POST)
    if not form.is_valid():
        error = "填写有误：" + "；".join(" ".join(e) for e in form.errors.values())
        return _cleanup_page(request, pk, assess=form, error=error)
    document = get_object_or_404(NormativeDocument, pk=form.cleaned_data["document"])
    try:
        services.cleanup_assess(
            campaign=campaign,
            document=document,
            outcome=form.cleaned_data["outcome"],
            reason=form.cleaned_data["reason"],
            actor=request.user,
        )
    except (Refused, PermissionDenied) as exc:
        return _cleanup_page(request, pk, assess=form, error=_message(exc))
    return redirect("normdocs:cleanup_detail", pk=pk)


@login_required
@require_POST
def cleanup_announce(request, pk: int):
    campaign = get_object_or_404(CleanupCampaign, pk=pk)
    form = forms.AnnounceForm(request.POST)
    if not form.is_valid():
        return _cleanup_page(request, pk, announce=form, error="填写有误，请按提示修改后再提交。")
    try:
        services.cleanup_announce(campaign=campaign, actor=request.user, **form.cleaned_data)
    except (Refused, PermissionDenied) as exc:
        return _cleanup_page(request, pk, announce=form, error=_message(exc))
    messages.success(request, "清理结果已公布。")
    return redirect("normdocs:cleanup_detail", pk=pk)
