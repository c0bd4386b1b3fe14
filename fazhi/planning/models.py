"""第一责任人: who is the 主要负责人 of a unit, and from when (党政主要负责人履行推进法治建设第一责任人
职责规定, 2016). The annual report is approved by the one in office on the day of approval."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Principal(models.Model):
    org_unit = models.ForeignKey(
        "accounts.OrgUnit",
        on_delete=models.PROTECT,
        related_name="principals",
        verbose_name=_("单位"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("主要负责人"),
    )
    title = models.CharField(_("职务"), max_length=50, default="局长")
    start = models.DateField(_("任职日期"))
    end = models.DateField(_("离任日期"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("主要负责人任职")
        verbose_name_plural = _("主要负责人任职")
        ordering = ["org_unit", "-start"]

    def __str__(self) -> str:
        return f"{self.org_unit.name} {self.title} {self.user.full_name or self.user.username}"


# --- the year's plan (法治建设工作要点) -------------------------------------------------------


class Plan(models.Model):
    """One unit's 法治建设工作要点 for a year (规定 第六条: 制定年度工作计划)."""

    org_unit = models.ForeignKey(
        "accounts.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("单位")
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    title = models.CharField(_("名称"), max_length=200)
    doc_number = models.CharField(_("印发文号"), max_length=60, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("法治建设工作要点")
        verbose_name_plural = _("法治建设工作要点")
        ordering = ["-year", "org_unit"]
        constraints = [
            models.UniqueConstraint(fields=["org_unit", "year"], name="planning_plan_once_a_year")
        ]

    def __str__(self) -> str:
        return self.title


class PlanTask(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="tasks")
    seq = models.PositiveSmallIntegerField(_("序号"))
    content = models.TextField(_("任务内容"))
    lead_unit = models.ForeignKey(
        "accounts.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("牵头单位")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("责任人"),
    )
    due = models.DateField(_("完成期限"))
    # The deadline on the shared clock (core.Deadline); its met_on is the system's day.
    deadline = models.ForeignKey(
        "core.Deadline", on_delete=models.PROTECT, null=True, related_name="+"
    )
    done_on = models.DateField(_("完成日期"), null=True, blank=True)
    # A completion day typed in (a past year's record) rather than the system's day; who typed
    # it and when is in the audit event planning.task.complete.
    done_on_typed = models.BooleanField(_("完成日期为录入"), default=False)

    class Meta:
        verbose_name = _("工作要点任务")
        verbose_name_plural = _("工作要点任务")
        ordering = ["plan", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "seq"], name="planning_task_seq_unique")
        ]

    def __str__(self) -> str:
        return f"{self.plan.year}年任务{self.seq}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("planning:plan_detail", args=[self.plan_id]) + f"#task-{self.seq}"

    @classmethod
    def list_url(cls) -> str:
        from django.urls import reverse

        return reverse("planning:index")


class TaskProgress(models.Model):
    """A progress report: ``reported_at`` is the system's time, never typed."""

    task = models.ForeignKey(PlanTask, on_delete=models.PROTECT, related_name="progress")
    note = models.TextField(_("进展情况"))
    evidence = models.ForeignKey(
        "core.EvidenceFile", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reported_at = models.DateTimeField(_("报送时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("任务进展")
        verbose_name_plural = _("任务进展")
        ordering = ["task", "reported_at", "pk"]

    def __str__(self) -> str:
        return f"{self.task} 进展"


# --- the 第一责任人's record ---------------------------------------------------------------


class DutyRecord(models.Model):
    """A meeting chaired, a 中心组 study session or a decision, each with its evidence record.

    ``held_on`` is the day as entered (a past act), kept beside who entered it and when."""

    class Kind(models.TextChoices):
        MEETING = "meeting", _("主持召开会议")
        STUDY = "study", _("集体学法")
        DECISION = "decision", _("法治建设决策部署")

    class Level(models.TextChoices):
        BUREAU = "bureau", _("局级领导干部")
        DIVISION = "division", _("处级领导干部")

    org_unit = models.ForeignKey(
        "accounts.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("单位")
    )
    kind = models.CharField(_("类别"), max_length=16, choices=Kind.choices)
    level = models.CharField(_("学习层级"), max_length=16, choices=Level.choices, blank=True)
    held_on = models.DateField(_("日期"), db_index=True)
    topic = models.CharField(_("主题"), max_length=300)
    chaired_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("主持人"),
    )
    expected = models.PositiveSmallIntegerField(_("应到人数"), null=True, blank=True)
    attendance = models.PositiveSmallIntegerField(_("实到人数"), null=True, blank=True)
    attendees = models.TextField(_("参加人员"), blank=True)
    evidence = models.ForeignKey(
        "core.EvidenceFile", on_delete=models.PROTECT, related_name="+", verbose_name=_("佐证材料")
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    entered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("第一责任人履职记录")
        verbose_name_plural = _("第一责任人履职记录")
        ordering = ["-held_on", "pk"]

    def __str__(self) -> str:
        return f"{self.held_on:%Y-%m-%d} {self.get_kind_display()}：{self.topic}"


# --- 述法 ------------------------------------------------------------------------------------


class Statement(models.Model):
    """A leader's 述法 for a year: items, the written text, the 评议 result."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("撰写中")
        SUBMITTED = "submitted", _("已提交")
        REVIEWED = "reviewed", _("已评议")

    org_unit = models.ForeignKey(
        "accounts.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("单位")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("述法人"),
    )
    role = models.CharField(_("身份"), max_length=16)
    year = models.PositiveSmallIntegerField(_("年度"))
    text = models.TextField(_("书面述法"), blank=True)
    status = models.CharField(
        _("状态"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)
    result = models.CharField(_("评议结果"), max_length=16, blank=True)
    result_note = models.TextField(_("评议意见"), blank=True)
    reviewed_at = models.DateTimeField(_("评议时间"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("述法")
        verbose_name_plural = _("述法")
        ordering = ["-year", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["person", "year"], name="planning_statement_once")
        ]

    def __str__(self) -> str:
        return f"{self.year}年述法（{self.person.full_name or self.person.username}）"

    @property
    def result_label(self) -> str:
        from fazhi.planning.domain.duties import REVIEW_RESULTS

        return REVIEW_RESULTS.get(self.result, "")


class StatementItem(models.Model):
    """One 述法 item; a cited figure is drawn from the records and frozen at submission."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="items")
    seq = models.PositiveSmallIntegerField(_("序号"))
    heading = models.CharField(_("述法事项"), max_length=200)
    content = models.TextField(_("内容"), blank=True)
    figure_key = models.CharField(_("引用数据"), max_length=80, blank=True)
    figure = models.JSONField(_("引用数据（提交时）"), default=dict, blank=True)

    class Meta:
        verbose_name = _("述法事项")
        verbose_name_plural = _("述法事项")
        ordering = ["statement", "seq"]

    def __str__(self) -> str:
        return self.heading


# --- 考核 -----------------------------------------------------------------------------------


class Scheme(models.Model):
    """An indicator tree for a year, from configuration (domain.indicators)."""

    year = models.PositiveSmallIntegerField(_("年度"))
    title = models.CharField(_("名称"), max_length=200)
    source = models.CharField(_("依据"), max_length=200, blank=True)
    total = models.DecimalField(_("总分"), max_digits=6, decimal_places=2)
    assumed = models.BooleanField(_("含推定内容"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("考核指标体系")
        verbose_name_plural = _("考核指标体系")
        ordering = ["-year", "pk"]

    def __str__(self) -> str:
        return self.title


class Indicator(models.Model):
    scheme = models.ForeignKey(Scheme, on_delete=models.CASCADE, related_name="indicators")
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    code = models.CharField(_("编号"), max_length=20)
    title = models.CharField(_("指标"), max_length=300)
    level = models.PositiveSmallIntegerField(_("层级"))
    weight = models.DecimalField(_("分值"), max_digits=6, decimal_places=2)
    rule = models.CharField(_("评分方法"), max_length=16, blank=True)
    figure_key = models.CharField(_("取数口径"), max_length=80, blank=True)
    target = models.DecimalField(_("目标值"), max_digits=6, decimal_places=2, null=True)
    evidence_type = models.CharField(_("佐证材料"), max_length=200, blank=True)
    assumed = models.BooleanField(_("推定"), default=True)
    seq = models.PositiveSmallIntegerField(_("顺序"))

    class Meta:
        verbose_name = _("考核指标")
        verbose_name_plural = _("考核指标")
        ordering = ["scheme", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "code"], name="planning_indicator_code")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class Score(models.Model):
    """A reviewer's score of an evidence-scored indicator for a unit (computed indicators are
    drawn live from the records, see selectors.assessment)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="scores")
    org_unit = models.ForeignKey(
        "accounts.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("被考核单位")
    )
    points = models.DecimalField(_("得分"), max_digits=6, decimal_places=2)
    note = models.TextField(_("评分说明"), blank=True)
    evidence = models.ForeignKey(
        "core.EvidenceFile", on_delete=models.PROTECT, related_name="+", verbose_name=_("佐证材料")
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("评分时间"), auto_now=True)

    class Meta:
        verbose_name = _("考核评分")
        verbose_name_plural = _("考核评分")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "org_unit"], name="planning_score_once")
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.points}"
