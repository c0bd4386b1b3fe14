"""Staff forms: they check shape and hand the decision to the services."""

from __future__ import annotations

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError

from fazhi.accounts import services


class LoginForm(AuthenticationForm):
    """Django's login form with the lock-out in front of the password check."""

    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username and password:
            try:
                self.user_cache = services.login_authenticate(
                    request=self.request, username=username, password=password
                )
            except services.LoginRefused as exc:
                code = "locked" if exc.locked_until else "invalid_login"
                raise ValidationError(str(exc), code=code) from exc
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data


class AdminLoginForm(LoginForm, AdminAuthenticationForm):
    """The admin site's login: the same lock-out, plus the admin's staff-only check."""


class ApiTokenCreateForm(forms.Form):
    name = forms.CharField(
        label="用途", max_length=100, help_text="例如：移动执法终端、数据报送脚本"
    )
    expires_in_days = forms.IntegerField(
        label="有效天数",
        required=False,
        min_value=1,
        max_value=3650,
        help_text="留空表示长期有效（仍可随时吊销）",
    )
