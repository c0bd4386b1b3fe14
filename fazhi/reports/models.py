"""The annual 法治政府建设情况报告: one per year and layout, with the figures it was last checked
against, and the units' comments."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from fazhi.reports.domain.flow import STATUS_LABELS, Status
from fazhi.reports.domain.layouts import LAYOUTS


class Report(models.Model):
    year = models.PositiveIntegerField(_("年度"))
    layout = models.CharField(
        _("格式"), max_length=16, choices=[(k, v.name) for k, v in LAYOUTS.items()]
    )
    title = models.CharField(_("标题"), max_length=200)
    status = models.CharField(
        _("状态"),
        max_length=16,
        choices=[(s.value, label) for s, label in STATUS_LABELS.items()],
        default=Status.DRAFT.value,
    )
    opening = models.TextField(_("开头段"))
    # [{"key", "heading", "paragraphs": [text with [[figure]] tokens]}]
    sections = models.JSONField(_("正文"), default=list)
    # {figure key: Value.as_dict()}: what the prose was last checked against
    figures = models.JSONField(_("数字"), default=dict)
    # a refresh that found changes: {figure key: Value.as_dict()} awaiting acceptance
    pending = models.JSONField(_("待确认的数字变化"), default=dict, blank=True)
    figures_checked_at = models.DateTimeField(_("数字核对时间"))
    content_sha256 = models.CharField(_("定稿内容哈希"), max_length=64, blank=True)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(_("审定时间"), null=True, blank=True)
    frozen_at = models.DateTimeField(_("定稿时间"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("年度报告")
        verbose_name_plural = _("年度报告")
        ordering = ["-year", "layout"]
        constraints = [
            models.UniqueConstraint(fields=["year", "layout"], name="reports_one_per_year_layout")
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("reports:detail", args=[self.pk])

    @classmethod
    def list_url(cls) -> str:
        return reverse("reports:list")

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[Status(self.status)]


class ReportComment(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="comments")
    section_key = models.CharField(_("部分"), max_length=32)
    org_unit = models.ForeignKey(
        "accounts.OrgUnit", on_delete=models.PROTECT, null=True, related_name="+"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("意见"))
    created_at = models.DateTimeField(_("提出时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("报告意见")
        verbose_name_plural = _("报告意见")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.report} · {self.section_key}"
