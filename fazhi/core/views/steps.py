"""Staff step forms on a record page (decisions, counsel opinions, fair-competition reviews and
the legislation registers): which steps a person may take now, and running one.

A step is a form and the service it feeds. The page shows the steps open to the user on the
record's current state; a posted step runs its service. A refusal (``Refused`` or a permission
refusal) re-renders the page with the form as it was typed and the Chinese message on top of it,
so nothing typed is lost; success redirects back to the page (post/redirect/get).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone

from fazhi.core.domain.errors import Refused


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        # <input type="date"> only takes ISO dates, whatever the locale's format.
        super().__init__(attrs, format="%Y-%m-%d")


def date_field(label: str, *, required: bool = True, today: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput,
        initial=timezone.localdate if today else None,
    )


def text_field(label: str, *, rows: int = 3, required: bool = True, help_text: str = ""):
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def yes_no(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=[("yes", "是"), ("no", "否")],
        coerce=lambda v: v == "yes",
    )


@dataclass(frozen=True)
class Step:
    """One thing a person can do on a record: ``key`` names it in the POST, ``label`` heads the
    form, ``run(obj, data, form, actor)`` calls the service, ``may(user, obj)`` decides whether to
    offer it (the service still checks), ``form(obj, user, data, prefix)`` builds the form."""

    key: str
    label: str
    button: str
    form: Callable[..., forms.Form]
    run: Callable[[Any, dict, forms.Form, Any], Any]
    may: Callable[[Any, Any], bool]
    done: str = "已办理。"


def offered(steps: list[Step], obj, user) -> list[Step]:
    return [step for step in steps if step.may(user, obj)]


def refusal_text(exc: Exception) -> str:
    if isinstance(exc, PermissionDenied):
        return str(exc.args[0]) if exc.args else "无权办理该事项"
    return str(exc)


def handle(
    request,
    *,
    obj,
    steps: list[Step],
    template: str,
    context: Callable[[Any], dict],
    back: str,
):
    """GET: the page with a fresh form per offered step. POST ``_step``: run that step."""
    available = offered(steps, obj, request.user)
    bound_key, bound_form = None, None
    if request.method == "POST":
        key = request.POST.get("_step", "")
        step = next((s for s in available if s.key == key), None)
        if step is None:
            messages.error(request, "该环节当前不能办理")
            return redirect(back)
        bound_key, bound_form = key, step.form(obj, request.user, request.POST, key)
        if bound_form.is_valid():
            try:
                step.run(obj, dict(bound_form.cleaned_data), bound_form, request.user)
            except (Refused, PermissionDenied) as exc:
                bound_form.add_error(None, refusal_text(exc))
            else:
                messages.success(request, step.done)
                return redirect(back)
    rows = [
        {
            "step": s,
            "form": bound_form if s.key == bound_key else s.form(obj, request.user, None, s.key),
            "open": s.key == bound_key,
        }
        for s in available
    ]
    # 422: the page answers a refused or incomplete step (the browser shows it all the same)
    status = 200 if bound_form is None else 422
    return render(request, template, {**context(obj), "steps": rows}, status=status)
