"""Org units, users, login attempts and API tokens.

Org units form a tree stored as a materialised path (``path`` = ancestor ids joined by "/"), so
"my unit and everything below it" is one indexed prefix query on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class OrgUnitKind(models.TextChoices):
    BUREAU = "bureau", _("局")
    DIVISION = "division", _("处室")
    DISTRICT = "district", _("区人社局")
    AFFILIATE = "affiliate", _("直属单位")
    TEAM = "team", _("科室/队组")


def child_path(parent: OrgUnit | None, pk: int) -> str:
    """The path of unit ``pk`` under ``parent``: its ancestors' ids, then its own."""
    return f"{parent.path if parent else '/'}{pk}/"


class OrgUnitManager(models.Manager):
    def create_in_tree(self, *, parent: OrgUnit | None, **fields) -> OrgUnit:
        """Insert a unit with its materialised path: the one place the path rule lives.

        The path ends with the unit's own id, known only after the insert. Call it through
        ``services.org_unit_create`` (which validates and audits); test factories call it
        directly so fixtures leave the audit chain empty.
        """
        unit = self.create(parent=parent, path="", **fields)
        unit.path = child_path(parent, unit.pk)
        unit.save(update_fields=["path"])
        return unit


class OrgUnit(models.Model):
    code = models.CharField(_("单位代码"), max_length=32, unique=True)
    name = models.CharField(_("名称"), max_length=100)
    short_name = models.CharField(_("简称"), max_length=50, blank=True)
    kind = models.CharField(_("类型"), max_length=16, choices=OrgUnitKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(_("层级路径"), max_length=255, db_index=True, editable=False)
    sort_order = models.PositiveIntegerField(_("排序"), default=0)
    is_active = models.BooleanField(_("启用"), default=True)

    objects = OrgUnitManager()

    class Meta:
        verbose_name = _("机构")
        verbose_name_plural = _("机构")
        ordering = ["path"]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    full_name = models.CharField(_("姓名"), max_length=50, blank=True)
    org_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("所在单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    is_demo = models.BooleanField(_("演示账号"), default=False)

    class Meta:
        verbose_name = _("用户")
        verbose_name_plural = _("用户")

    def __str__(self) -> str:
        return self.full_name or self.username


class LoginAttempt(models.Model):
    username = models.CharField(_("用户名"), max_length=150, db_index=True)
    at = models.DateTimeField(_("时间"), db_index=True)
    succeeded = models.BooleanField(_("成功"))
    ip = models.GenericIPAddressField(_("IP 地址"), null=True, blank=True)

    class Meta:
        verbose_name = _("登录尝试")
        verbose_name_plural = _("登录尝试")
        ordering = ["-at"]
        # The lock-out check reads one username's recent attempts on every login.
        indexes = [models.Index(fields=["username", "at"], name="login_attempt_user_at_idx")]

    def __str__(self) -> str:
        return f"{self.username} {self.at:%Y-%m-%d %H:%M} {'✓' if self.succeeded else '✗'}"


class ApiToken(models.Model):
    """A per-user API token; only its SHA-256 is stored, the clear value is shown once."""

    user = models.ForeignKey(
        User, verbose_name=_("用户"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("用途"), max_length=100)
    # Public part of the key, unique so `fazhi token revoke PREFIX` names exactly one token.
    prefix = models.CharField(_("前缀"), max_length=8, unique=True)
    key_hash = models.CharField(_("令牌哈希"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("最近使用"), null=True, blank=True)
    expires_at = models.DateTimeField(_("失效时间"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("吊销时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("API 令牌")
        verbose_name_plural = _("API 令牌")

    def __str__(self) -> str:
        return f"{self.user} {self.name} ({self.prefix}…)"
