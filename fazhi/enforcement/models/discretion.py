"""裁量基准 records: versioned benchmark sets, their items (one per violation) and tiers.

A published set is immutable (行政处罚法 第三十四条: benchmarks are published documents); a
change is a new version. Only `fazhi.enforcement.services.discretion` writes these rows.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from fazhi.enforcement.domain import discretion as rules

__all__ = ["DiscretionBenchmarkSet", "DiscretionItem", "DiscretionTier"]


class DiscretionBenchmarkSet(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        PUBLISHED = "published", _("现行")
        SUPERSEDED = "superseded", _("已被替代")

    version = models.CharField(_("版本号"), max_length=32, unique=True)
    title = models.CharField(_("名称"), max_length=200)
    effective_from = models.DateField(_("施行日期"), null=True, blank=True, db_index=True)
    effective_to = models.DateField(_("失效日期"), null=True, blank=True)
    status = models.CharField(
        _("状态"), max_length=16, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    to_confirm = models.BooleanField(_("本局待确认"), default=True)
    source_note = models.TextField(_("来源说明"), blank=True)
    source_digest = models.CharField(_("导入文件摘要"), max_length=64, blank=True)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("发布人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-effective_from", "-version"]
        verbose_name = _("裁量基准")
        verbose_name_plural = _("裁量基准")

    def __str__(self) -> str:
        return f"{self.title}（{self.version}）"

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT


class DiscretionItem(models.Model):
    class Form(models.TextChoices):
        FIXED = rules.Form.FIXED, _("固定幅度")
        PER_WORKER = rules.Form.PER_WORKER, _("按每名劳动者")
        PER_WORKER_MONTH = rules.Form.PER_WORKER_MONTH, _("按每人每月")
        MULTIPLE = rules.Form.MULTIPLE, _("按金额倍数")

    benchmark_set = models.ForeignKey(
        DiscretionBenchmarkSet,
        verbose_name=_("裁量基准"),
        on_delete=models.CASCADE,
        related_name="items",
    )
    position = models.PositiveSmallIntegerField(_("序号"), default=0)
    violation_code = models.CharField(_("违法行为代码"), max_length=32)
    violation = models.CharField(_("违法行为"), max_length=300)
    legal_basis = models.CharField(_("违法依据"), max_length=500)
    penalty_basis = models.CharField(_("处罚依据"), max_length=500)
    form = models.CharField(_("罚款形式"), max_length=20, choices=Form.choices)
    in_force_from = models.DateField(_("法律依据施行日期"), null=True, blank=True)
    heavier = models.TextField(_("从重情形"), blank=True)
    lighter = models.TextField(_("从轻情形"), blank=True)
    exemption = models.TextField(_("不予处罚情形"), blank=True)
    exemption_allowed = models.BooleanField(_("可适用不予处罚（首违不罚）"), default=True)
    fixed_rate = models.BooleanField(_("定额处罚"), default=False)
    note = models.TextField(_("说明"), blank=True)
    # The range the law sets, per unit of the form: a hard limit (tiers inside it, no decision
    # above its maximum). Empty on sets imported before it was recorded.
    statutory_low = models.DecimalField(
        _("法定幅度下限（单位金额或倍数）"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    statutory_high = models.DecimalField(
        _("法定幅度上限（单位金额或倍数）"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    sanction = models.CharField(
        _("处理种类"),
        max_length=16,
        choices=[(k.value, v) for k, v in rules.SANCTION_LABELS.items()],
        default=rules.Sanction.FINE,
    )

    class Meta:
        ordering = ["benchmark_set", "position", "violation_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["benchmark_set", "violation_code"], name="discretion_item_unique_code"
            )
        ]
        verbose_name = _("裁量事项")
        verbose_name_plural = _("裁量事项")

    def __str__(self) -> str:
        return f"{self.violation_code} {self.violation}"

    def as_rule(self, tiers=None) -> rules.BenchmarkItem:
        """The pure benchmark item for `rules.propose`."""
        rows = tiers if tiers is not None else list(self.tiers.all())
        return rules.BenchmarkItem(
            violation_code=self.violation_code,
            violation=self.violation,
            legal_basis=self.legal_basis,
            penalty_basis=self.penalty_basis,
            form=self.form,
            tiers=tuple(t.as_rule() for t in rows),
            version=self.benchmark_set.version,
            title=self.benchmark_set.title,
            heavier=self.heavier,
            lighter=self.lighter,
            exemption=self.exemption,
            exemption_allowed=self.exemption_allowed,
            fixed_rate=self.fixed_rate,
            note=self.note,
            statutory_low=self.statutory_low,
            statutory_high=self.statutory_high,
            sanction=self.sanction,
        )


class DiscretionTier(models.Model):
    class Code(models.TextChoices):
        MINOR = rules.TierCode.MINOR, _("轻微")
        GENERAL = rules.TierCode.GENERAL, _("一般")
        SERIOUS = rules.TierCode.SERIOUS, _("较重")
        SEVERE = rules.TierCode.SEVERE, _("严重")
        FIXED = rules.TierCode.FIXED, _("定额")

    item = models.ForeignKey(
        DiscretionItem, verbose_name=_("裁量事项"), on_delete=models.CASCADE, related_name="tiers"
    )
    code = models.CharField(_("阶次"), max_length=12, choices=Code.choices)
    low = models.DecimalField(_("下限（单位金额或倍数）"), max_digits=14, decimal_places=2)
    high = models.DecimalField(_("上限（单位金额或倍数）"), max_digits=14, decimal_places=2)
    conditions = models.TextField(_("适用条件"), blank=True)
    condition_keys = models.JSONField(_("条件键"), default=list, blank=True)
    is_default = models.BooleanField(_("默认阶次"), default=False)

    class Meta:
        ordering = ["item", "low"]
        constraints = [
            models.UniqueConstraint(fields=["item", "code"], name="discretion_tier_unique_code")
        ]
        verbose_name = _("裁量阶次")
        verbose_name_plural = _("裁量阶次")

    def __str__(self) -> str:
        return f"{self.item.violation_code} {self.get_code_display()}"

    def as_rule(self) -> rules.Tier:
        return rules.Tier(
            code=self.code,
            low=self.low,
            high=self.high,
            conditions=self.conditions,
            keys=tuple(self.condition_keys),
            is_default=self.is_default,
        )
