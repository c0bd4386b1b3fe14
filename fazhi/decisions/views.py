"""Staff registers: decisions with their gates and binding dates, counsel opinions, fair-competition
reviews, and the 立法 registers (legislation app) on one page per area."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from fazhi.accounts.permissions import (
    DECISIONS_COMPETITION,
    DECISIONS_COUNSEL_ANSWER,
    DECISIONS_COUNSEL_REGISTER,
    DECISIONS_COUNSEL_REQUEST,
    DECISIONS_DISCUSS,
    DECISIONS_LEGALITY_REVIEW,
    DECISIONS_RUN,
    allowed,
)
from fazhi.accounts.selectors import units_allowed
from fazhi.core.views import steps
from fazhi.decisions import documents, forms, selectors, services
from fazhi.decisions.domain import procedure as proc
from fazhi.decisions.domain.competition import (
    CONCLUSION_LABELS,
    EXCEPTION_GROUNDS,
    STANDARDS_2016,
    STANDARDS_2024,
)
from fazhi.decisions.models import CompetitionReview, Counsel, LegalityReview
from fazhi.decisions.selectors import exceptions_ending


@login_required
def register(request):
    today = timezone.localdate()
    rows = [selectors.decision_row(d, today) for d in selectors.decisions_for(request.user)]
    opinions = selectors.opinions_visible_to(request.user).select_related("counsel")[:100]
    reviews = selectors.competition_visible_to(request.user)[:100]
    context = {
        "rows": rows,
        "opinions": opinions,
        "reviews": [(r, CONCLUSION_LABELS.get(r.conclusion, "审查中")) for r in reviews],
        "ending": exceptions_ending(today),
        "today": today,
        "can_start": allowed(request.user, DECISIONS_RUN),
        "can_counsel": allowed(request.user, DECISIONS_COUNSEL_REGISTER),
    }
    return render(request, "decisions/register.html", context)


def _docx(content: bytes, name: str) -> HttpResponse:
    from urllib.parse import quote

    response = HttpResponse(
        content,
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}.docx"
    return response


@login_required
def review_document(request, pk: int):
    review = get_object_or_404(
        LegalityReview.objects.filter(reviewed_on__isnull=False),
        pk=pk,
        decision__in=selectors.decisions_for(request.user),
    )
    return _docx(documents.legality_review_docx(review), "合法性审查意见书")


@login_required
def opinion_document(request, pk: int):
    opinion = get_object_or_404(
        selectors.opinions_visible_to(request.user).filter(given_on__isnull=False), pk=pk
    )
    return _docx(documents.counsel_opinion_docx(opinion), "法律意见书")


@login_required
def competition_document(request, pk: int):
    review = get_object_or_404(
        selectors.competition_visible_to(request.user).exclude(conclusion=""), pk=pk
    )
    return _docx(documents.competition_docx(review), "公平竞争审查结论")


# --- staff input: a decision, its procedures, counsel opinions, fair-competition reviews -------


def _on(data: dict):
    return data.pop("on", None)


@login_required
def decision_new(request):
    if not allowed(request.user, DECISIONS_RUN):
        raise PermissionDenied("无权启动重大行政决策")
    units = units_allowed(request.user, DECISIONS_RUN)
    form = forms.StartForm(request.POST or None, units=units)
    done = steps.submit(
        request,
        form,
        lambda data: services.decision_start(
            org_unit=data["org_unit"],
            title=data["title"],
            affects_market=data["affects_market"],
            actor=request.user,
            on=data["on"],
        ),
        done="已登记重大行政决策。",
        back=lambda decision: reverse("decisions:decision_detail", args=[decision.pk]),
    )
    if done is not None:
        return done
    steps.initial_unit(request, form, units)
    return render(
        request,
        "decisions/form.html",
        {"form": form, "heading": "登记重大行政决策", "button": "登记"},
        status=steps.form_status(form),
    )


def _may(rule, *stages, when=None):
    def check(user, obj):
        unit = getattr(obj, "org_unit", None)
        if not allowed(user, rule, unit=unit):
            return False
        if stages and getattr(obj, "stage", None) not in stages:
            return False
        return when(obj) if when else True

    return check


DRAFTING = proc.Stage.DRAFTING


def _pending_review(decision):
    return decision.reviews.filter(reviewed_on__isnull=True).order_by("-id").first()


def _run_review(decision, data, form, actor):
    services.decision_review(
        review=_pending_review(decision),
        conclusion=data["conclusion"],
        opinion=data["opinion"],
        counsel_opinion=data["counsel_opinion"],
        actor=actor,
        on=data["on"],
    )


def _run_counsel_request(decision, data, form, actor):
    services.counsel_request(
        matter_type="decision",
        matter_id=decision.pk,
        matter_title=decision.title,
        org_unit=decision.org_unit,
        actor=actor,
        **data,
    )


def _run_competition_open(decision, data, form, actor):
    services.competition_open(
        matter_type="decision",
        matter_id=decision.pk,
        title=decision.title,
        org_unit=decision.org_unit,
        actor=actor,
        **data,
    )


def _competition_missing(decision) -> bool:
    return (
        decision.affects_market
        and not CompetitionReview.objects.filter(
            matter_type="decision", matter_id=decision.pk
        ).exists()
    )


def _plain(form_class):
    return lambda obj, user, data, prefix: form_class(data, prefix=prefix)


DECISION_STEPS = [
    steps.Step(
        "open_comment",
        "公众参与：公开征求意见",
        "发布征求意见",
        _plain(forms.OpenCommentForm),
        lambda d, data, f, actor: services.decision_open_comment(decision=d, actor=actor, **data),
        _may(DECISIONS_RUN, DRAFTING, when=lambda d: d.comment_opens is None),
    ),
    steps.Step(
        "adoption_report",
        "公众参与：意见采纳情况",
        "记录采纳情况",
        _plain(forms.AdoptionReportForm),
        lambda d, data, f, actor: services.decision_adoption_report(
            decision=d, actor=actor, on=_on(data), **data
        ),
        _may(DECISIONS_RUN, DRAFTING, when=lambda d: d.comment_opens and not d.adoption_report),
    ),
    steps.Step(
        "hearing",
        "公众参与：记录听证会",
        "记录听证会",
        _plain(forms.HearingForm),
        lambda d, data, f, actor: services.decision_record_hearing(decision=d, actor=actor, **data),
        _may(DECISIONS_RUN, DRAFTING),
    ),
    steps.Step(
        "add_expert",
        "专家论证：记录专家意见",
        "记录专家意见",
        _plain(forms.ExpertForm),
        lambda d, data, f, actor: services.decision_add_expert(decision=d, actor=actor, **data),
        _may(DECISIONS_RUN, DRAFTING),
    ),
    steps.Step(
        "risk",
        "风险评估：评估报告",
        "记录风险评估",
        _plain(forms.RiskForm),
        lambda d, data, f, actor: services.decision_risk(
            decision=d, actor=actor, on=_on(data), **data
        ),
        _may(DECISIONS_RUN, DRAFTING, when=lambda d: not d.risk_report),
    ),
    steps.Step(
        "waive",
        "专家论证或风险评估不适用",
        "记录不适用理由",
        _plain(forms.WaiveForm),
        lambda d, data, f, actor: services.decision_waive(
            decision=d, actor=actor, on=_on(data), **data
        ),
        _may(DECISIONS_RUN, DRAFTING),
    ),
    steps.Step(
        "counsel_request",
        "委托法律顾问出具法律意见",
        "发出委托",
        _plain(forms.CounselRequestForm),
        _run_counsel_request,
        lambda user, d: (
            d.stage == DRAFTING and allowed(user, DECISIONS_COUNSEL_REQUEST, unit=d.org_unit)
        ),
    ),
    steps.Step(
        "submit_review",
        "合法性审查：送审",
        "送交合法性审查",
        _plain(forms.SubmitReviewForm),
        lambda d, data, f, actor: services.decision_submit_review(
            decision=d, actor=actor, on=_on(data), **data
        ),
        _may(DECISIONS_RUN, DRAFTING, when=lambda d: _pending_review(d) is None),
    ),
    steps.Step(
        "review",
        "合法性审查：出具审查意见",
        "出具审查意见",
        lambda d, user, data, prefix: forms.LegalityReviewForm(data, prefix=prefix, decision=d),
        _run_review,
        _may(DECISIONS_LEGALITY_REVIEW, DRAFTING, when=lambda d: _pending_review(d) is not None),
    ),
    steps.Step(
        "competition_open",
        "公平竞争审查：启动",
        "启动公平竞争审查",
        _plain(forms.CompetitionOpenForm),
        _run_competition_open,
        lambda user, d: (
            _competition_missing(d) and allowed(user, DECISIONS_COMPETITION, unit=d.org_unit)
        ),
    ),
    steps.Step(
        "discuss",
        "集体讨论决定",
        "记录集体讨论决定",
        _plain(forms.DiscussForm),
        lambda d, data, f, actor: services.decision_discuss(
            decision=d,
            meeting=data["meeting"],
            speakers=data["speakers"],
            adopted=data["adopted"],
            outcome=data["outcome"],
            departure_reason=data["departure_reason"],
            actor=actor,
            on=data["on"],
        ),
        _may(DECISIONS_DISCUSS, DRAFTING),
    ),
    steps.Step(
        "publish",
        "公布决策",
        "公布",
        _plain(forms.PublishForm),
        lambda d, data, f, actor: services.decision_publish(
            decision=d, actor=actor, on=_on(data), **data
        ),
        _may(DECISIONS_RUN, proc.Stage.DECIDED, when=lambda d: d.adopted),
    ),
    steps.Step(
        "execution",
        "执行情况报告",
        "记录执行情况",
        _plain(forms.ExecutionForm),
        lambda d, data, f, actor: services.decision_report_execution(
            decision=d, actor=actor, on=_on(data), **data
        ),
        _may(DECISIONS_RUN, proc.Stage.PUBLISHED, proc.Stage.EXECUTING),
    ),
    steps.Step(
        "evaluate",
        "决策后评估",
        "记录后评估",
        _plain(forms.EvaluateForm),
        lambda d, data, f, actor: services.decision_evaluate(
            decision=d, actor=actor, on=_on(data), **data
        ),
        _may(DECISIONS_RUN, proc.Stage.PUBLISHED, proc.Stage.EXECUTING),
    ),
    steps.Step(
        "archive",
        "归档",
        "归档",
        _plain(forms.ArchiveForm),
        lambda d, data, f, actor: services.decision_archive(
            decision=d, actor=actor, on=_on(data), **data
        ),
        _may(DECISIONS_RUN, when=lambda d: d.decided_on and not d.archived_on),
    ),
]


def _decision_context(request):
    def build(decision):
        today = timezone.localdate()
        opinions = selectors.opinions_visible_to(request.user).filter(
            matter_type="decision", matter_id=decision.pk
        )
        return {
            "decision": decision,
            "row": selectors.decision_row(decision, today),
            "experts": decision.experts.all(),
            "reviews": decision.reviews.order_by("submitted_on", "id"),
            "opinions": opinions.select_related("counsel"),
            "competition": CompetitionReview.objects.filter(
                matter_type="decision", matter_id=decision.pk
            ),
            "speakers": decision.speakers.all(),
            "comments": decision.comments.filter(approved__isnull=True).count(),
            "hearings": decision.hearings.all(),
            "date_entries": selectors.date_entries(decision),
            "today": today,
        }

    return build


@login_required
def decision_detail(request, pk: int):
    decision = get_object_or_404(selectors.decisions_for(request.user), pk=pk)
    return steps.handle(
        request,
        obj=decision,
        steps=DECISION_STEPS,
        template="decisions/decision_detail.html",
        context=_decision_context(request),
        back=reverse("decisions:decision_detail", args=[pk]),
    )


# --- counsel opinions ------------------------------------------------------------------------------


def _may_answer(user, opinion) -> bool:
    own = opinion.counsel.user_id and user.pk == opinion.counsel.user_id
    return not opinion.given_on and (
        own or allowed(user, DECISIONS_COUNSEL_ANSWER, unit=opinion.org_unit)
    )


def _may_sign(user, opinion) -> bool:
    # the chief alone signs: counsel_sign_off refuses anyone else, 法规处 included
    chief = Counsel.objects.filter(is_chief=True).first()
    is_chief = chief is not None and chief.user_id and chief.user_id == user.pk
    return bool(opinion.given_on and not opinion.signed_on and is_chief)


OPINION_STEPS = [
    steps.Step(
        "answer",
        "出具法律意见",
        "出具意见",
        _plain(forms.AnswerForm),
        lambda o, data, f, actor: services.counsel_answer(
            opinion=o, actor=actor, on=_on(data), **data
        ),
        _may_answer,
    ),
    steps.Step(
        "sign_off",
        "首席法律顾问签发",
        "签发",
        _plain(forms.SignOffForm),
        lambda o, data, f, actor: services.counsel_sign_off(opinion=o, actor=actor, on=data["on"]),
        _may_sign,
    ),
    steps.Step(
        "adoption",
        "采纳情况",
        "记录采纳情况",
        _plain(forms.CounselAdoptionForm),
        lambda o, data, f, actor: services.counsel_adoption(opinion=o, actor=actor, **data),
        lambda user, o: (
            bool(o.signed_on)
            and o.adopted is None
            and allowed(user, DECISIONS_COUNSEL_REQUEST, unit=o.org_unit)
        ),
    ),
    steps.Step(
        "conflict",
        "申报利益冲突",
        "申报",
        _plain(forms.ConflictForm),
        lambda o, data, f, actor: services.counsel_declare_conflict(
            counsel=o.counsel,
            matter_type=o.matter_type,
            matter_id=o.matter_id,
            description=data["description"],
            actor=actor,
            on=data["on"],
        ),
        lambda user, o: (
            not o.given_on
            and (
                (o.counsel.user_id and o.counsel.user_id == user.pk)
                or allowed(user, DECISIONS_COUNSEL_REGISTER)
            )
        ),
        done="已记录利益冲突申报。",
    ),
]


@login_required
def opinion_detail(request, pk: int):
    opinion = get_object_or_404(
        selectors.opinions_visible_to(request.user).select_related("counsel"), pk=pk
    )
    return steps.handle(
        request,
        obj=opinion,
        steps=OPINION_STEPS,
        template="decisions/opinion_detail.html",
        context=lambda o: {
            "opinion": o,
            "matter_url": _matter_url(o),
            "today": timezone.localdate(),
        },
        back=reverse("decisions:opinion_detail", args=[pk]),
    )


def _matter_url(opinion) -> str:
    return _matter_link(opinion.matter_type, opinion.matter_id)


def _matter_link(matter_type: str, matter_id: int) -> str:
    """The page of the measure a review or an opinion is about, where one exists."""
    if matter_type == "decision":
        return reverse("decisions:decision_detail", args=[matter_id])
    if matter_type == "normdoc":
        return reverse("normdocs:document_detail", args=[matter_id])
    return ""


@login_required
def counsel_new(request):
    if not allowed(request.user, DECISIONS_COUNSEL_REGISTER):
        raise PermissionDenied("无权维护法律顾问名册")
    form = forms.CounselRegisterForm(request.POST or None)
    done = steps.submit(
        request,
        form,
        lambda data: services.counsel_register(actor=request.user, **data),
        done="已登记法律顾问。",
        back="decisions:register",
    )
    if done is not None:
        return done
    return render(
        request,
        "decisions/form.html",
        {"form": form, "heading": "登记法律顾问", "button": "登记"},
        status=steps.form_status(form),
    )


# --- fair-competition reviews -------------------------------------------------------------------


def _conclude_form(review, user, data, prefix):
    return forms.ConcludeForm(data, prefix=prefix, affects_market=review.affects_market)


def _run_conclude(review, data, form, actor):
    services.competition_conclude(
        review=review,
        answers=form.answers(),
        conclusion=data["conclusion"],
        explanation=data["explanation"],
        ground=data["ground"],
        alternatives=data["alternatives"],
        term_end=data["term_end"],
        actor=actor,
        on=data["on"],
    )


COMPETITION_STEPS = [
    steps.Step(
        "consult",
        "听取利害关系人意见",
        "记录听取意见",
        _plain(forms.ConsultForm),
        lambda r, data, f, actor: services.competition_consult(review=r, actor=actor, **data),
        _may(DECISIONS_COMPETITION, when=lambda r: not r.conclusion),
    ),
    steps.Step(
        "conclude",
        "逐项审查并作出结论",
        "作出审查结论",
        _conclude_form,
        _run_conclude,
        _may(DECISIONS_COMPETITION, when=lambda r: not r.conclusion),
    ),
]


@login_required
def competition_detail(request, pk: int):
    review = get_object_or_404(selectors.competition_visible_to(request.user), pk=pk)
    return steps.handle(
        request,
        obj=review,
        steps=COMPETITION_STEPS,
        template="decisions/competition_detail.html",
        context=lambda r: {
            "review": r,
            "answers": _answer_rows(r),
            "ground": EXCEPTION_GROUNDS.get(r.exception_ground, ""),
            "conclusion_label": CONCLUSION_LABELS.get(r.conclusion, "审查中"),
            "matter_url": _matter_link(r.matter_type, r.matter_id),
        },
        back=reverse("decisions:competition_detail", args=[pk]),
    )


def _answer_rows(review):
    texts = {st.code: st.text for st in STANDARDS_2024 + STANDARDS_2016}
    return [
        (code, texts.get(code, ""), a.get("violates"), a.get("reason", ""))
        for code, a in (review.answers or {}).items()
    ]
