"""Staff pages of 公众参与 and the 决策事项目录: the moderation of a draft's public comments (each
published with its 采纳情况 or hidden with the reason, normdocs' spam verdict shown), and the
yearly 目录 from draft to publication and its adjustments."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from fazhi.accounts.permissions import DECISIONS_CATALOGUE, DECISIONS_RUN, allowed
from fazhi.accounts.selectors import units_allowed
from fazhi.core.views import steps
from fazhi.decisions import forms, selectors, services
from fazhi.decisions.models import Catalogue, PublicComment

# --- moderation of public comments -------------------------------------------------------------


@login_required
def comments(request, pk: int):
    """Every comment on the draft, hidden ones included (with why and who); a refused
    moderation comes back with its input and the reason (422)."""
    decision = get_object_or_404(selectors.decisions_for(request.user), pk=pk)
    may = allowed(request.user, DECISIONS_RUN, unit=decision.org_unit)
    bound_pk, bound = None, None
    if request.method == "POST":
        if not may:
            raise PermissionDenied("无权审核该决策的公众意见")
        comment = get_object_or_404(
            PublicComment, pk=request.POST.get("comment"), decision=decision
        )
        bound_pk, bound = comment.pk, forms.ModerateForm(request.POST, prefix=f"c{comment.pk}")
        done = steps.submit(
            request,
            bound,
            lambda data: services.comment_moderate(comment=comment, actor=request.user, **data),
            done="已审核。",
            back=f"{reverse('decisions:comments', args=[pk])}#comment-{comment.pk}",
        )
        if done is not None:
            return done
    rows = [
        (
            c,
            bound
            if c.pk == bound_pk
            else forms.ModerateForm(
                prefix=f"c{c.pk}",
                initial={
                    "approve": {True: "yes", False: "no"}.get(c.approved, ""),
                    "adoption": c.adoption,
                    "reason": c.adoption_reason or c.moderation_reason,
                },
            ),
        )
        for c in decision.comments.select_related("moderated_by")
    ]
    context = {
        "decision": decision,
        "rows": rows,
        "may": may,
        "summary": selectors.comment_summary(decision),
    }
    return render(
        request, "decisions/comments.html", context, status=422 if bound is not None else 200
    )


# --- 决策事项目录 ---------------------------------------------------------------------------------


@login_required
def catalogues(request):
    units = units_allowed(request.user, DECISIONS_CATALOGUE)
    form = forms.CatalogueDraftForm(request.POST or None, units=units)
    done = steps.submit(
        request,
        form,
        lambda data: services.catalogue_draft(actor=request.user, **data),
        done="已起草决策事项目录。",
        back=lambda catalogue: reverse("decisions:catalogue_detail", args=[catalogue.pk]),
    )
    if done is not None:
        return done
    steps.initial_unit(request, form, units)
    context = {
        "catalogues": Catalogue.objects.select_related("org_unit").order_by("-year", "id"),
        "form": form if units.exists() else None,
    }
    return render(request, "decisions/catalogues.html", context, status=steps.form_status(form))


def _may_catalogue(*statuses):
    def check(user, catalogue):
        return catalogue.status in statuses and allowed(
            user, DECISIONS_CATALOGUE, unit=catalogue.org_unit
        )

    return check


DRAFT, PUBLISHED = Catalogue.Status.DRAFT, Catalogue.Status.PUBLISHED

CATALOGUE_STEPS = [
    steps.Step(
        "add_item",
        "增加决策事项（公布后为目录调整，须写明理由）",
        "增加事项",
        lambda c, user, data, prefix: forms.CatalogueItemForm(data, prefix=prefix),
        lambda c, data, f, actor: services.catalogue_add_item(catalogue=c, actor=actor, **data),
        _may_catalogue(DRAFT, PUBLISHED),
    ),
    steps.Step(
        "publish",
        "党组同意后公布目录",
        "公布",
        lambda c, user, data, prefix: forms.CataloguePublishForm(data, prefix=prefix),
        lambda c, data, f, actor: services.catalogue_publish(catalogue=c, actor=actor, **data),
        _may_catalogue(DRAFT),
    ),
    steps.Step(
        "withdraw",
        "调出决策事项（目录调整）",
        "调出",
        lambda c, user, data, prefix: forms.CatalogueWithdrawForm(data, prefix=prefix, catalogue=c),
        lambda c, data, f, actor: services.catalogue_withdraw_item(actor=actor, **data),
        _may_catalogue(PUBLISHED),
    ),
]


@login_required
def catalogue_detail(request, pk: int):
    catalogue = get_object_or_404(Catalogue.objects.select_related("org_unit"), pk=pk)
    return steps.handle(
        request,
        obj=catalogue,
        steps=CATALOGUE_STEPS,
        template="decisions/catalogue_detail.html",
        context=lambda c: {
            "catalogue": c,
            "items": c.items.select_related("sponsor"),
            "adjustments": selectors.catalogue_adjustments(c),
        },
        back=reverse("decisions:catalogue_detail", args=[pk]),
    )
