"""The register of enforcement officers and their certificates (执法证)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Officer(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("系统账号"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="officer",
    )
    name = models.CharField(_("姓名"), max_length=50)
    org_unit = models.ForeignKey(
        "accounts.OrgUnit",
        verbose_name=_("所在单位"),
        on_delete=models.PROTECT,
        related_name="officers",
    )
    is_active = models.BooleanField(_("在岗"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["org_unit__path", "name"]
        verbose_name = _("执法人员")
        verbose_name_plural = _("执法人员")

    def __str__(self) -> str:
        return self.name


class Certificate(models.Model):
    class Status(models.TextChoices):
        VALID = "valid", _("有效")
        SUSPENDED = "suspended", _("暂扣")
        REVOKED = "revoked", _("注销")

    officer = models.ForeignKey(
        Officer, verbose_name=_("持证人"), on_delete=models.PROTECT, related_name="certificates"
    )
    number = models.CharField(_("执法证号"), max_length=32, unique=True)
    area = models.CharField(_("执法区域"), max_length=100)
    issued_on = models.DateField(_("发证日期"))
    expires_on = models.DateField(_("有效期至"), db_index=True)
    last_reviewed_on = models.DateField(_("最近年审日期"), null=True, blank=True)
    status = models.CharField(
        _("状态"), max_length=16, choices=Status.choices, default=Status.VALID, db_index=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-issued_on"]
        verbose_name = _("执法证")
        verbose_name_plural = _("执法证")

    def __str__(self) -> str:
        return self.number
