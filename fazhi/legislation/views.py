"""Staff registers of 立法 projects and of comments on drafts from above (due dates visible),
and their input forms (the step pattern of ``fazhi.core.views.steps``)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from fazhi.accounts.permissions import LEGISLATION_MANAGE, LEGISLATION_SIGN, allowed
from fazhi.accounts.selectors import scope_queryset, units_allowed
from fazhi.core.views import steps
from fazhi.legislation import forms, services
from fazhi.legislation.domain import rules as r
from fazhi.legislation.models import DraftFromAbove, Project


@login_required
def register(request):
    context = {
        "projects": scope_queryset(Project.objects.select_related("org_unit"), user=request.user),
        "drafts": scope_queryset(DraftFromAbove.objects.all(), user=request.user),
        "today": timezone.localdate(),
        "can_manage": allowed(request.user, LEGISLATION_MANAGE),
    }
    return render(request, "legislation/register.html", context)


def _create(request, form_class, create, heading: str, done: str, detail: str):
    if not allowed(request.user, LEGISLATION_MANAGE):
        raise PermissionDenied("无权办理立法事项")
    units = units_allowed(request.user, LEGISLATION_MANAGE)
    form = form_class(request.POST or None, units=units)
    steps.initial_unit(request, form, units)
    response = steps.submit(
        request,
        form,
        lambda data: create(data, request.user),
        done=done,
        back=lambda obj: reverse(detail, args=[obj.pk]),
    )
    if response is not None:
        return response
    return render(
        request,
        "legislation/form.html",
        {"form": form, "heading": heading, "button": "登记"},
        status=steps.form_status(form),
    )


@login_required
def project_new(request):
    return _create(
        request,
        forms.ProjectForm,
        lambda data, actor: services.project_apply(actor=actor, **data),
        "立法项目立项申请",
        "已登记立项申请。",
        "legislation:project_detail",
    )


@login_required
def draft_new(request):
    return _create(
        request,
        forms.DraftForm,
        lambda data, actor: services.draft_register(actor=actor, **data),
        "登记上级草案征求意见",
        "已登记。",
        "legislation:draft_detail",
    )


def _may(rule, *stages, when=None):
    def check(user, obj):
        if not allowed(user, rule, unit=obj.org_unit):
            return False
        if stages and getattr(obj, "stage", None) not in stages:
            return False
        return bool(when(obj)) if when else True

    return check


def _plain(form_class):
    return lambda obj, user, data, prefix: form_class(data, prefix=prefix)


def _on(data):
    return data.pop("on", None)


S = r.Stage
PROJECT_STEPS = [
    steps.Step(
        "start_drafting",
        "开始起草",
        "开始起草",
        _plain(forms.StartDraftingForm),
        lambda p, data, f, actor: services.project_start_drafting(project=p, actor=actor),
        _may(LEGISLATION_MANAGE, S.APPLIED, when=lambda p: p.kind != r.Kind.RESEARCH),
    ),
    steps.Step(
        "open_comment",
        "草案公开征求意见",
        "发布征求意见",
        _plain(forms.OpenCommentForm),
        lambda p, data, f, actor: services.project_open_comment(project=p, actor=actor, **data),
        _may(LEGISLATION_MANAGE, S.DRAFTING, when=lambda p: p.comment_opens is None),
    ),
    steps.Step(
        "moderate",
        "审核公众意见",
        "提交审核结果",
        lambda p, user, data, prefix: forms.ModerateForm(data, prefix=prefix, project=p),
        lambda p, data, f, actor: services.project_comment_moderate(
            comment=data["comment"], approve=data["approve"], actor=actor
        ),
        _may(LEGISLATION_MANAGE, when=lambda p: p.comments.filter(approved__isnull=True).exists()),
    ),
    steps.Step(
        "hearing",
        "听证会",
        "记录听证会",
        _plain(forms.HearingForm),
        lambda p, data, f, actor: services.project_hearing(project=p, actor=actor, **data),
        _may(LEGISLATION_MANAGE, S.DRAFTING),
    ),
    steps.Step(
        "research_report",
        "调研报告",
        "记录调研报告",
        _plain(forms.ResearchForm),
        lambda p, data, f, actor: services.project_research_report(
            project=p, actor=actor, on=_on(data), **data
        ),
        _may(LEGISLATION_MANAGE, S.APPLIED, S.DRAFTING),
    ),
    steps.Step(
        "submit",
        "报送送审稿",
        "报送送审稿",
        _plain(forms.SubmitForm),
        lambda p, data, f, actor: services.project_submit(
            project=p, actor=actor, on=_on(data), parts=data
        ),
        _may(LEGISLATION_MANAGE, S.DRAFTING),
    ),
    steps.Step(
        "outcome",
        "公布结果",
        "记录公布",
        _plain(forms.OutcomeForm),
        lambda p, data, f, actor: services.project_outcome(project=p, actor=actor, **data),
        _may(LEGISLATION_MANAGE, S.SUBMITTED),
    ),
]


@login_required
def project_detail(request, pk: int):
    project = get_object_or_404(scope_queryset(Project.objects.all(), user=request.user), pk=pk)
    return steps.handle(
        request,
        obj=project,
        steps=PROJECT_STEPS,
        template="legislation/project_detail.html",
        context=lambda p: {
            "project": p,
            "parts": [(label, p.submission.get(k, "")) for k, label in r.SUBMISSION_PARTS.items()],
            "comments": p.comments.all(),
            "today": timezone.localdate(),
        },
        back=reverse("legislation:project_detail", args=[pk]),
    )


DRAFT_STEPS = [
    steps.Step(
        "opinions",
        "逐条反馈意见",
        "保存意见",
        _plain(forms.OpinionsForm),
        lambda d, data, f, actor: services.draft_opinions(
            draft=d, opinions=f.opinions(), no_opinion=data["no_opinion"], actor=actor
        ),
        _may(LEGISLATION_MANAGE, when=lambda d: not d.signed_on),
    ),
    steps.Step(
        "sign",
        "局领导签发",
        "签发",
        _plain(forms.SignForm),
        lambda d, data, f, actor: services.draft_sign(draft=d, actor=actor, on=data["on"]),
        _may(LEGISLATION_SIGN, when=lambda d: (d.opinions or d.no_opinion) and not d.signed_on),
    ),
    steps.Step(
        "send",
        "报送反馈意见",
        "报送",
        _plain(forms.SendForm),
        lambda d, data, f, actor: services.draft_send(draft=d, actor=actor, **data),
        _may(LEGISLATION_MANAGE, when=lambda d: d.signed_on and not d.sent_on),
    ),
    steps.Step(
        "adoption",
        "采纳情况",
        "记录采纳情况",
        _plain(forms.AdoptionForm),
        lambda d, data, f, actor: services.draft_adoption(draft=d, actor=actor, **data),
        _may(LEGISLATION_MANAGE, when=lambda d: d.sent_on),
    ),
]


@login_required
def draft_detail(request, pk: int):
    draft = get_object_or_404(
        scope_queryset(DraftFromAbove.objects.all(), user=request.user), pk=pk
    )
    return steps.handle(
        request,
        obj=draft,
        steps=DRAFT_STEPS,
        template="legislation/draft_detail.html",
        context=lambda d: {"draft": d, "offices": d.offices.all(), "today": timezone.localdate()},
        back=reverse("legislation:draft_detail", args=[pk]),
    )
