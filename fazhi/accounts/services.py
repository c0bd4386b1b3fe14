"""Writes for org units, users, roles, logins and API tokens.

Every service runs in a transaction and writes its audit event there; a refused call raises
before writing anything.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.db.models import Value
from django.db.models.functions import Concat, Substr
from django.utils import timezone

from fazhi.accounts import selectors
from fazhi.accounts.models import ApiToken, LoginAttempt, OrgUnit, User, child_path
from fazhi.accounts.permissions import (
    ACCOUNTS_ADMINISTER,
    ACCOUNTS_TOKENS,
    allowed,
    is_system,
    require,
)
from fazhi.accounts.roles import ADMIN, ROLES, role_by_code
from fazhi.core.bearer import BearerKey
from fazhi.core.services import audit
from fazhi.core.services.request_context import current_request

_PATH_MAX = OrgUnit._meta.get_field("path").max_length


class AccountsError(ValueError):
    """A rule refused the change; the message is shown to the user as is."""


class LoginRefused(Exception):
    def __init__(self, message: str, *, locked_until: datetime | None = None):
        super().__init__(message)
        self.locked_until = locked_until


# --- org units ---------------------------------------------------------------------------


@transaction.atomic
def org_unit_create(
    *,
    code: str,
    name: str,
    kind: str,
    parent: OrgUnit | None,
    actor,
    short_name: str = "",
    sort_order: int = 0,
) -> OrgUnit:
    """Create a unit under ``parent`` (None for a root) with its materialised path.

    Audits ``accounts.org_unit.create``; raises ``AccountsError`` for a duplicate code.
    """
    require(actor, ACCOUNTS_ADMINISTER)
    if OrgUnit.objects.filter(code=code).exists():
        raise AccountsError(f"单位代码 {code} 已存在")
    unit = OrgUnit.objects.create_in_tree(
        parent=parent,
        code=code,
        name=name,
        kind=kind,
        short_name=short_name,
        sort_order=sort_order,
    )
    audit.record(
        actor=actor,
        action="accounts.org_unit.create",
        target=unit,
        data={"code": code, "parent": parent.pk if parent else None},
    )
    return unit


@transaction.atomic
def org_unit_move(*, unit: OrgUnit, new_parent: OrgUnit | None, actor) -> OrgUnit:
    """Put ``unit`` (and its subtree) under ``new_parent``, rewriting every path below it.

    Refuses a move under the unit itself or one of its descendants. Audits
    ``accounts.org_unit.move``.
    """
    require(actor, ACCOUNTS_ADMINISTER)
    unit = OrgUnit.objects.select_for_update().get(pk=unit.pk)
    if new_parent is not None:
        new_parent.refresh_from_db()
        if new_parent.path.startswith(unit.path):
            raise AccountsError("不能将机构移动到其自身或其下级机构之下")
    old_path, old_parent_id = unit.path, unit.parent_id
    new_path = child_path(new_parent, unit.pk)
    subtree = selectors.org_unit_subtree(unit)
    deepest = max(len(p) for p in subtree.values_list("path", flat=True))
    if deepest - len(old_path) + len(new_path) > _PATH_MAX:
        raise AccountsError("机构层级过深，无法移动")
    # One UPDATE for the whole subtree: swap the old prefix for the new one.
    subtree.update(path=Concat(Value(new_path), Substr("path", len(old_path) + 1)))
    OrgUnit.objects.filter(pk=unit.pk).update(parent=new_parent)
    unit.refresh_from_db()
    audit.record(
        actor=actor,
        action="accounts.org_unit.move",
        target=unit,
        data={"from_parent": old_parent_id, "to_parent": unit.parent_id, "old_path": old_path},
    )
    return unit


# --- roles and users ---------------------------------------------------------------------


@transaction.atomic
def roles_ensure(*, actor) -> list[str]:
    """Create any missing role group; returns the names created (audited only if any)."""
    require(actor, ACCOUNTS_ADMINISTER)
    created = [role.name for role in ROLES if Group.objects.get_or_create(name=role.name)[1]]
    if created:
        audit.record(actor=actor, action="accounts.roles.ensure", data={"created": created})
    return created


def _role_groups(codes: Iterable[str]) -> list[Group]:
    roles = [role_by_code(code) for code in codes]
    return list(Group.objects.filter(name__in=[r.name for r in roles]))


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str,
    full_name: str,
    org_unit: OrgUnit | None,
    actor,
    roles: Iterable[str] = (),
    is_demo: bool = False,
) -> User:
    """Create a staff user with roles (codes from ``roles.py``). Audits ``accounts.user.create``.

    Holders of 系统管理员 get Django staff and superuser status, which the admin site needs.
    """
    require(actor, ACCOUNTS_ADMINISTER)
    if User.objects.filter(username=username).exists():
        raise AccountsError(f"用户名 {username} 已存在")
    roles = list(roles)
    is_admin = ADMIN.code in roles
    user = User.objects.create_user(
        username=username,
        password=password,
        full_name=full_name,
        org_unit=org_unit,
        is_demo=is_demo,
        is_staff=is_admin,
        is_superuser=is_admin,
    )
    user.groups.set(_role_groups(roles))
    audit.record(
        actor=actor,
        action="accounts.user.create",
        target=user,
        data={"org_unit": org_unit.pk if org_unit else None, "roles": sorted(roles)},
    )
    return user


@transaction.atomic
def user_roles_set(*, user: User, roles: Iterable[str], actor) -> User:
    """Replace the user's roles. Audits ``accounts.user.roles_set`` with before and after.

    系统管理员 carries Django staff and superuser status, so granting or removing it sets both.
    """
    require(actor, ACCOUNTS_ADMINISTER)
    before = sorted(r.code for r in selectors.user_roles(user))
    after = sorted(set(roles))
    groups = _role_groups(after)
    user.groups.remove(*Group.objects.filter(name__in=[r.name for r in ROLES]))
    user.groups.add(*groups)
    if (ADMIN.code in before) != (ADMIN.code in after):
        user.is_staff = user.is_superuser = ADMIN.code in after
        user.save(update_fields=["is_staff", "is_superuser"])
    audit.record(
        actor=actor,
        action="accounts.user.roles_set",
        target=user,
        data={"before": before, "after": after},
    )
    return user


# --- login -------------------------------------------------------------------------------


@dataclass(frozen=True)
class LoginOutcome:
    locked_until: datetime | None
    failures_left: int


def _retry_at(moment: datetime) -> str:
    # Round up to the minute so "retry after HH:MM" is never too early.
    local = timezone.localtime(moment)
    if local.second or local.microsecond:
        local = local.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return f"{local:%H:%M}"


def _locked_message(until: datetime | None, *, by_address: bool = False) -> str:
    retry = f"请于 {_retry_at(until)} 后再试。" if until else "请联系系统管理员解锁。"
    if by_address:
        return f"本机所在地址登录失败次数过多，已暂停从该地址登录，{retry}"
    return f"连续登录失败次数过多，账号已被临时锁定，{retry}"


def _throttle():
    """The django-axes handler (fazhi.accounts.throttle): per-account and per-address counts."""
    from axes.handlers.proxy import AxesProxyHandler

    return AxesProxyHandler


def _standing(request, username: str):
    proxy = _throttle()
    proxy.update_request(request)
    return proxy.get_implementation().standing(request, {"username": username})


@transaction.atomic
def login_attempt_record(
    *,
    username: str,
    succeeded: bool,
    user: User | None = None,
    at: datetime | None = None,
    standing=None,
) -> LoginOutcome:
    """Store one login attempt and audit it.

    Audits ``accounts.login.succeeded`` or ``accounts.login.failed``, and additionally
    ``accounts.login.locked`` on the failure that reaches the account's or the address's limit
    (``standing``: the counts django-axes holds after this failure).
    """
    at = at or timezone.now()
    limit = settings.FAZHI["LOGIN_MAX_FAILURES"]
    LoginAttempt.objects.create(
        username=username, at=at, succeeded=succeeded, ip=current_request().ip
    )
    if succeeded:
        audit.record(actor=user, action="accounts.login.succeeded", target=user)
        return LoginOutcome(locked_until=None, failures_left=limit)
    target = user or User.objects.filter(username=username).first()
    failures = standing.account_failures if standing else 0
    audit.record(
        actor=None,
        actor_label="anonymous",
        action="accounts.login.failed",
        target=target,
        data={"username": username, "failures_in_window": failures},
    )
    locked_until = standing.locked_until if standing else None
    if locked_until is not None:
        audit.record(
            actor=None,
            actor_label="anonymous",
            action="accounts.login.locked",
            target=target,
            data={
                "username": username,
                "locked_until": locked_until,
                "by_address": standing.by_address,
                "address_failures": standing.address_failures,
            },
        )
    return LoginOutcome(locked_until=locked_until, failures_left=max(0, limit - failures))


def login_authenticate(*, request, username: str, password: str) -> User:
    """Check a staff login against the throttle and the password; returns the user.

    django-axes counts failures per account and per client address (fazhi.accounts.throttle).
    While either is locked the password is not even checked and nothing is written. Raises
    ``LoginRefused`` with a Chinese message for the login page.
    """
    now = timezone.now()
    standing = _standing(request, username)
    if standing.locked_until is not None:
        raise LoginRefused(
            _locked_message(standing.locked_until, by_address=standing.by_address),
            locked_until=standing.locked_until,
        )
    user = authenticate(request, username=username, password=password)
    if user is None:  # axes has recorded the failure (user_login_failed signal)
        standing = _standing(request, username)
        outcome = login_attempt_record(
            username=username, succeeded=False, at=now, standing=standing
        )
        if outcome.locked_until is not None:
            raise LoginRefused(
                _locked_message(outcome.locked_until, by_address=standing.by_address),
                locked_until=outcome.locked_until,
            )
        raise LoginRefused(
            f"用户名或密码不正确。再连续失败 {outcome.failures_left} 次，账号将被临时锁定。"
        )
    login_attempt_record(username=username, succeeded=True, user=user, at=now)
    return user


# --- API tokens --------------------------------------------------------------------------

TOKEN_SCHEME = "fz"  # noqa: S105 - the key's public label, not a secret


def api_key_hash(clear_key: str) -> str:
    return hashlib.sha256(clear_key.encode()).hexdigest()


def _may_manage_tokens(actor, owner: User) -> bool:
    # SYSTEM is the command line, run by whoever operates the server; an account manages its
    # own tokens; an administrator anyone's.
    if is_system(actor):
        return True
    if getattr(actor, "pk", None) is not None and actor.pk == owner.pk and actor.is_active:
        return True
    return allowed(actor, ACCOUNTS_TOKENS)


@transaction.atomic
def api_token_create(
    *, user: User, name: str, actor, expires_at: datetime | None = None
) -> tuple[ApiToken, str]:
    """Issue a token for ``user``; returns it with the clear key, which is never stored.

    The key reads ``fz_<prefix>_<secret>``; only its SHA-256 is kept. Audits
    ``accounts.api_token.create``.
    """
    name = name.strip()
    if not name:
        raise AccountsError("请填写令牌用途")
    if not user.is_active:
        raise AccountsError("停用的账号不能签发令牌")
    if expires_at is not None and expires_at <= timezone.now():
        raise AccountsError("失效时间必须晚于当前时间")
    if not _may_manage_tokens(actor, user):
        raise PermissionDenied("只能为自己签发令牌")
    prefix = secrets.token_hex(4)
    while ApiToken.objects.filter(prefix=prefix).exists():  # 2^32 prefixes: rarely loops
        prefix = secrets.token_hex(4)
    clear_key = f"{TOKEN_SCHEME}_{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken.objects.create(
        user=user, name=name, prefix=prefix, key_hash=api_key_hash(clear_key), expires_at=expires_at
    )
    audit.record(
        actor=actor,
        action="accounts.api_token.create",
        target=token,
        data={"user": user.username, "prefix": prefix, "expires_at": expires_at},
    )
    return token, clear_key


@transaction.atomic
def api_token_revoke(*, token: ApiToken, actor) -> ApiToken:
    """Revoke ``token`` for good. Audits ``accounts.api_token.revoke``."""
    token = ApiToken.objects.select_for_update().select_related("user").get(pk=token.pk)
    if not _may_manage_tokens(actor, token.user):
        raise PermissionDenied("只能吊销自己的令牌")
    if token.revoked_at is not None:
        raise AccountsError("该令牌已被吊销")
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit.record(
        actor=actor,
        action="accounts.api_token.revoke",
        target=token,
        data={"user": token.user.username, "prefix": token.prefix},
    )
    return token


_TOUCH_EVERY = timedelta(minutes=1)


def api_token_authenticate(*, clear_key: str) -> User | None:
    """The active user behind a clear key, or None if it is unknown, revoked or expired.

    ``last_used_at`` is bookkeeping, not a business change: no audit event, and at most one
    UPDATE per token a minute so a busy client does not write on every request.
    """
    if not clear_key.startswith(f"{TOKEN_SCHEME}_"):
        return None
    now = timezone.now()
    token = (
        ApiToken.objects.select_related("user", "user__org_unit")
        .filter(key_hash=api_key_hash(clear_key), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    if token.expires_at is not None and token.expires_at <= now:
        return None
    if token.last_used_at is None or now - token.last_used_at > _TOUCH_EVERY:
        api_token_touch(token.pk, now)
    return token.user


def api_token_touch(token_id: int, now: datetime) -> None:
    """Note the token's use (bookkeeping: not audited; callers do it at most once a minute)."""
    ApiToken.objects.filter(pk=token_id).update(last_used_at=now)


def token_holder_sql(key: BearerKey, now: datetime) -> tuple[str, list]:
    """The check of :func:`api_token_authenticate` as one SQL row source, for a hot path that
    checks the key inside its own query: ``(user_id, token_id, touch_due)`` of the active user
    behind an unrevoked, unexpired key (``touch_due``: 1 when :func:`api_token_touch` is due),
    or no row. Keep the two in step."""
    sql = (
        "SELECT t.user_id AS user_id, t.id AS token_id, CASE WHEN t.last_used_at IS NULL"
        " OR t.last_used_at < %s THEN 1 ELSE 0 END AS touch_due"
        " FROM accounts_apitoken t JOIN accounts_user u ON u.id = t.user_id AND u.is_active"
        " WHERE t.key_hash = %s AND t.revoked_at IS NULL"
        " AND (t.expires_at IS NULL OR t.expires_at > %s)"
    )
    stamp = connection.ops.adapt_datetimefield_value(now)
    due = connection.ops.adapt_datetimefield_value(now - _TOUCH_EVERY)
    if not key.clear.startswith(f"{TOKEN_SCHEME}_"):
        return sql + " AND 1 = 0", [due, "", stamp]
    return sql, [due, api_key_hash(key.clear), stamp]
