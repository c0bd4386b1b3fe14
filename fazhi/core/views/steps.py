"""Staff forms: one form posted to a service (``submit``), and the step forms on a record page
(decisions, counsel opinions, fair-competition reviews and the legislation registers): which
steps a person may take now, and running one.

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
from django.http import HttpResponse
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


def submit(
    request, form: forms.Form, run: Callable[[dict], Any], *, done: str, back: Any
) -> HttpResponse | None:
    """The POST of a staff form: when the form is valid, ``run(cleaned_data)`` calls the service.
    Success flashes ``done`` and redirects to ``back`` (anything ``redirect`` takes, or a callable
    of what ``run`` returned). A refusal is put beside the form and None returned: the caller
    renders the page with the form as typed, with ``form_status`` (422)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = run(dict(form.cleaned_data))
    except (Refused, PermissionDenied) as exc:
        form.add_error(None, refusal_text(exc))
        return None
    messages.success(request, done)
    return redirect(back(result) if callable(back) else back)


def form_status(form: forms.Form) -> int:
    # 422: the page answers a refused or incomplete form (the browser shows it all the same)
    return 422 if form.errors else 200


def initial_unit(request, form: forms.Form, units, field: str = "org_unit") -> None:
    """On a fresh form, the user's own unit as the choice when it is among ``units``."""
    if request.method == "GET" and getattr(request.user, "org_unit", None) in units:
        form.fields[field].initial = request.user.org_unit


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
        form = bound_form
        response = submit(
            request,
            form,
            lambda data: step.run(obj, data, form, request.user),
            done=step.done,
            back=back,
        )
        if response is not None:
            return response
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
