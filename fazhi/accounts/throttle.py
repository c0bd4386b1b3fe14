"""Login throttling on django-axes: per account *and* per client address (issue 18 item 8).

Before, only the account was counted, so one address could try 4 passwords on each of 8
accounts (password spraying) and still log in. Axes records every failed attempt
(``axes.AccessAttempt``, keyed by username, address and browser) and refuses a login while
either

* the account has ``FAZHI_LOGIN_MAX_FAILURES`` failures (``AXES_FAILURE_LIMIT``), or
* the client address has ``FAZHI_LOGIN_MAX_FAILURES_PER_ADDRESS`` failures over all accounts,

counted within ``FAZHI_LOGIN_LOCKOUT_MINUTES`` of the last failure (axes' cool-off). The address
is the one the audit log records (``fazhi.core.middleware.client_ip``: X-Forwarded-For only from
trusted proxies), so a forged header does not reset the count. A successful login clears the
account's failures, not the address's: one valid account must not reset a spraying run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum


def address_limit() -> int:
    return settings.FAZHI.get("LOGIN_MAX_FAILURES_PER_ADDRESS", 20)


@dataclass(frozen=True)
class Standing:
    account_failures: int
    address_failures: int
    locked_until: datetime | None
    by_address: bool  # the address, not the account, is what is locked


class LoginThrottleHandler(AxesDatabaseHandler):
    """``AXES_HANDLER``: the account and the address each have their own limit."""

    def _sums(self, request, credentials):
        by_account, by_address = self.get_user_attempts(request, credentials)
        return [
            qs.aggregate(n=Sum("failures_since_start"), last=Max("attempt_time"))
            for qs in (by_account, by_address)
        ]

    def standing(self, request, credentials=None) -> Standing:
        account, address = self._sums(request, credentials)
        account_n, address_n = account["n"] or 0, address["n"] or 0
        cool_off = get_cool_off(request)
        locked_until, by_address = None, False
        if account_n >= get_failure_limit(request, credentials):
            locked_until = account["last"] + cool_off if cool_off else None
        if address_n >= address_limit():
            until = address["last"] + cool_off if cool_off else None
            if locked_until is None or (until and until > locked_until):
                locked_until, by_address = until, True
        return Standing(account_n, address_n, locked_until, by_address)

    def get_failures(self, request, credentials=None) -> int:
        """Axes compares this with AXES_FAILURE_LIMIT: a locked address counts as a full one."""
        account, address = self._sums(request, credentials)
        failures = account["n"] or 0
        if (address["n"] or 0) >= address_limit():
            failures = max(failures, get_failure_limit(request, credentials))
        return failures

    def reset_user_attempts(self, request, credentials=None) -> int:
        username = get_client_username(request, credentials)
        count, _ = AccessAttempt.objects.filter(username=username).delete()
        return count


def lockout_response(request, original_response, credentials=None):
    """``AXES_LOCKOUT_CALLABLE``: the login page has already said why, in Chinese."""
    return original_response
