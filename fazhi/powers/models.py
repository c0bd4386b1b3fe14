"""The power list (权责清单): one row per power item, its versions hold the content.

``PowerItem`` keeps the current name, kind, unit and status in sync with its latest version (the
services write both), so lists and other apps read one row; ``PowerItemVersion`` is the history
the public change log and diff show; ``PowerItemBasis`` links a version's 设定依据 to articles of
the legal corpus where the corpus has them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from fazhi.powers.domain.kinds import POWER_KIND_LABELS

KIND_CHOICES = [(k.value, label) for k, label in POWER_KIND_LABELS.items()]


class PowerItem(models.Model):
    """A power item under its stable code. What it says lives in its versions."""

    code = models.CharField(_("事项编码"), max_length=64, unique=True)
    kind = models.CharField(_("职权类别"), max_length=16, choices=KIND_CHOICES, db_index=True)
    name = models.CharField(_("事项名称"), max_length=200)
    org_unit = models.ForeignKey(
        "accounts.OrgUnit",
        verbose_name=_("实施主体（责任单位）"),
        on_delete=models.PROTECT,
        related_name="power_items",
    )
    is_active = models.BooleanField(_("有效"), default=True)
    needs_review = models.BooleanField(_("待复核"), default=False)
    review_reason = models.TextField(_("复核原因"), blank=True)
    review_flagged_at = models.DateTimeField(_("标记复核时间"), null=True, blank=True)
    # Fingerprint of the reasons a reviewer last cleared: the same reasons do not flag again.
    review_cleared_key = models.CharField(_("已复核依据指纹"), max_length=64, blank=True)
    version_count = models.PositiveIntegerField(_("版本数"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("权责事项")
        verbose_name_plural = _("权责事项")
        indexes = [
            models.Index(fields=["is_active", "kind"], name="powers_item_active_kind_idx"),
            models.Index(fields=["needs_review"], name="powers_item_review_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def kind_label(self) -> str:
        return dict(KIND_CHOICES).get(self.kind, self.kind)


class PowerItemVersion(models.Model):
    """One version of an item's content; number 1 is the item's first listing."""

    item = models.ForeignKey(PowerItem, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("版本号"))
    name = models.CharField(_("事项名称"), max_length=200)
    kind = models.CharField(_("职权类别"), max_length=16, choices=KIND_CHOICES)
    org_unit = models.ForeignKey(
        "accounts.OrgUnit",
        verbose_name=_("实施主体（责任单位）"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    org_unit_name = models.CharField(_("实施主体名称（当时）"), max_length=100)
    legal_basis_text = models.TextField(_("设定依据"))
    process = models.TextField(_("办理流程"), blank=True)
    time_limit_text = models.CharField(_("办理时限"), max_length=500, blank=True)
    remedy = models.TextField(_("救济渠道"), blank=True)
    accountability = models.TextField(_("追责情形"), blank=True)
    is_active = models.BooleanField(_("有效"), default=True)
    reason = models.TextField(_("变更理由"))
    effective_from = models.DateField(_("生效日期"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("经办人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["item", "number"]
        verbose_name = _("权责事项版本")
        verbose_name_plural = _("权责事项版本")
        constraints = [
            models.UniqueConstraint(fields=["item", "number"], name="powers_version_number_uniq"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="powers_version_gte_1"),
        ]

    def __str__(self) -> str:
        return f"{self.item.code} v{self.number}"

    @property
    def kind_label(self) -> str:
        return dict(KIND_CHOICES).get(self.kind, self.kind)


class PowerItemBasis(models.Model):
    """One citation of a version's 设定依据, linked to the corpus when the corpus has it.

    The article and document links are kept with the article number: a re-import that replaces
    a document's articles nulls ``article`` and the number lets the link be found again.
    """

    class Role(models.TextChoices):
        BASIS = "basis", _("设定依据")
        REMEDY = "remedy", _("救济渠道")

    version = models.ForeignKey(PowerItemVersion, on_delete=models.CASCADE, related_name="bases")
    position = models.PositiveSmallIntegerField(_("顺序"), default=0)
    # 救济渠道 citations are watched for law changes as 设定依据 is (issue 17 item 11)
    role = models.CharField(_("引用位置"), max_length=8, choices=Role.choices, default=Role.BASIS)
    citation = models.CharField(_("引用"), max_length=300)
    title = models.CharField(_("法规名称"), max_length=255, blank=True)
    article_number = models.PositiveIntegerField(_("条号"), null=True, blank=True)
    article_suffix = models.PositiveSmallIntegerField(_("之几"), default=0)
    document = models.ForeignKey(
        "laws.LegalDocument",
        verbose_name=_("法规版本"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    article = models.ForeignKey(
        "laws.Article",
        verbose_name=_("条文"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["version", "position"]
        verbose_name = _("设定依据")
        verbose_name_plural = _("设定依据")
        indexes = [models.Index(fields=["document"], name="powers_basis_doc_idx")]

    def __str__(self) -> str:
        return self.citation
