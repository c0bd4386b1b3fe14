"""Staff views for accounts: login with lock-out, and my API tokens."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from fazhi.accounts import selectors, services
from fazhi.accounts.forms import ApiTokenCreateForm, LoginForm


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


@login_required
def token_list(request):
    """List my tokens; a POST issues one and shows its clear key on this response only."""
    clear_key = None
    form = ApiTokenCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        days = form.cleaned_data["expires_in_days"]
        try:
            _token, clear_key = services.api_token_create(
                user=request.user,
                name=form.cleaned_data["name"],
                actor=request.user,
                expires_at=timezone.now() + timedelta(days=days) if days else None,
            )
        except services.AccountsError as exc:
            form.add_error(None, str(exc))
        else:
            form = ApiTokenCreateForm()
    return render(
        request,
        "accounts/token_list.html",
        {
            "form": form,
            "clear_key": clear_key,
            "tokens": selectors.api_token_list(user=request.user),
            "now": timezone.now(),
        },
    )


@login_required
@require_POST
def token_revoke(request, prefix: str):
    token = selectors.api_token_get_by_prefix(prefix)
    if token is None or token.user_id != request.user.pk:
        raise Http404("令牌不存在")
    try:
        services.api_token_revoke(token=token, actor=request.user)
    except services.AccountsError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"令牌 {prefix} 已吊销")
    return redirect("accounts:token_list")
