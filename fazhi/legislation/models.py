"""立法 projects (立项 → 起草 with public comment and hearings → 送审稿 → outcome) and the register
of comments the bureau gives on drafts from above."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from fazhi.core.choices import label_choices
from fazhi.legislation.domain.rules import KIND_LABELS, LEVEL_LABELS, STAGE_LABELS, Stage

USER = settings.AUTH_USER_MODEL


class Project(models.Model):
    org_unit = models.ForeignKey("accounts.OrgUnit", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("项目类型"), max_length=10, choices=label_choices(KIND_LABELS))
    title = models.CharField(_("项目名称"), max_length=200)
    year = models.PositiveSmallIntegerField(_("计划年度"))
    stage = models.CharField(
        max_length=10, choices=label_choices(STAGE_LABELS), default=Stage.APPLIED
    )
    application = models.TextField(_("立项申请（必要性、主要问题、拟确立的主要制度）"))
    applied_on = models.DateField(_("申请日期"))
    comment_opens = models.DateField(null=True, blank=True)
    comment_closes = models.DateField(null=True, blank=True)
    comment_short_reason = models.TextField(blank=True)
    hearings = models.JSONField(default=list)  # [{announced, held, record}]
    research_report = models.TextField(_("调研报告"), blank=True)
    research_done_on = models.DateField(_("调研报告完成日期"), null=True, blank=True)
    submission = models.JSONField(default=dict)  # draft / explanation / materials
    submitted_on = models.DateField(_("送审日期"), null=True, blank=True)
    outcome_number = models.CharField(_("公布文号（如政府令第14号）"), max_length=50, blank=True)
    outcome_on = models.DateField(_("公布日期"), null=True, blank=True)
    revises = models.BooleanField(_("修订"), default=False)
    recorded_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("立法项目")
        verbose_name_plural = _("立法项目")
        ordering = ["-year", "-id"]

    def __str__(self) -> str:
        return self.title


class ProjectComment(models.Model):
    """A public comment on a project's draft: length- and rate-checked, moderated, never shown
    with the commenter's contact."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="comments")
    text = models.TextField()
    fingerprint = models.CharField(max_length=64, db_index=True)
    contact = models.CharField(max_length=100, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    submitted_at = models.DateTimeField()
    is_flagged = models.BooleanField(default=False)
    approved = models.BooleanField(null=True)

    def __str__(self) -> str:
        return f"意见 {self.pk}"


class DraftFromAbove(models.Model):
    """A draft law / regulation / rule sent to the bureau for comment (立法法 第三十九条)."""

    title = models.CharField(_("草案名称"), max_length=200)
    level = models.CharField(_("层级"), max_length=20, choices=label_choices(LEVEL_LABELS))
    requester = models.CharField(_("征求意见机关"), max_length=100)
    doc_number = models.CharField(_("来文文号"), max_length=50, blank=True)
    received_on = models.DateField(_("收文日期"))
    due_on = models.DateField(_("反馈期限"))
    offices = models.ManyToManyField("accounts.OrgUnit", related_name="+", blank=True)
    org_unit = models.ForeignKey("accounts.OrgUnit", on_delete=models.PROTECT, related_name="+")
    opinions = models.JSONField(default=list)  # [{article, proposal, reason, basis}]
    no_opinion = models.BooleanField(_("无修改意见"), default=False)
    signed_by = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, related_name="+")
    signed_on = models.DateField(null=True, blank=True)
    sent_on = models.DateField(_("反馈日期"), null=True, blank=True)
    channel = models.CharField(_("反馈方式"), max_length=50, blank=True)
    adopted = models.CharField(_("采纳情况"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(USER, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("上级草案征求意见")
        verbose_name_plural = _("上级草案征求意见")
        ordering = ["-received_on", "-id"]

    def __str__(self) -> str:
        return self.title
