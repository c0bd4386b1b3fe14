"""The online 学法用法 exam (question bank, exams, papers, answers) and 普法 records.

Rules: fazhi.education.domain.exam (pure). Writes: fazhi.education.services only.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from fazhi.education.domain.exam import QTYPE_NAMES, QType


class QuestionStatus(models.TextChoices):
    ACTIVE = "active", _("在用")
    RETIRED = "retired", _("待复核（条文已修改）")


class Question(models.Model):
    """One question of the bank, tied to the corpus articles it tests. When one of those
    articles' works gets a newer version the question is retired for review."""

    qtype = models.CharField(
        _("题型"), max_length=10, choices=[(k.value, v) for k, v in QTYPE_NAMES.items()]
    )
    stem = models.TextField(_("题干"))
    options = models.JSONField(_("选项"), default=list, blank=True)
    answer = models.CharField(_("正确答案"), max_length=8)
    articles = models.ManyToManyField("laws.Article", related_name="+", verbose_name=_("考查条文"))
    # the work (law) of the first article, for drawing "n questions from law X" without a join
    work_key = models.CharField(_("所属法律"), max_length=255, db_index=True)
    source = models.CharField(_("出题依据（如本局被纠错案件）"), max_length=300, blank=True)
    status = models.CharField(
        _("状态"), max_length=10, choices=QuestionStatus.choices, default=QuestionStatus.ACTIVE
    )
    retired_reason = models.CharField(_("停用原因"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("试题")
        verbose_name_plural = _("题库")

    def __str__(self) -> str:
        return self.stem[:40]

    @property
    def qtype_name(self) -> str:
        return QTYPE_NAMES[QType(self.qtype)]

    @property
    def lettered_options(self) -> list[tuple[str, str]]:
        if self.qtype == QType.TRUE_FALSE:
            return [("T", "对"), ("F", "错")]
        return [("ABCDEFGH"[i], text) for i, text in enumerate(self.options)]


class Exam(models.Model):
    title = models.CharField(_("考试名称"), max_length=200)
    year = models.PositiveIntegerField(_("年度"), db_index=True)
    org_unit = models.ForeignKey(
        "accounts.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("组织单位")
    )
    opens_at = models.DateTimeField(_("开考时间"))
    closes_at = models.DateTimeField(_("截止时间"))
    minutes = models.PositiveIntegerField(_("答题时长（分钟）"))
    pass_mark = models.DecimalField(_("合格分数"), max_digits=5, decimal_places=1)
    attempts = models.PositiveSmallIntegerField(_("可考次数（含补考）"))
    rules = models.JSONField(_("抽题规则"))
    results_posted_at = models.DateTimeField(_("成绩已记入执法人员档案"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = _("学法用法考试")
        verbose_name_plural = _("学法用法考试")

    def __str__(self) -> str:
        return self.title


class Enrolment(models.Model):
    """Who must take the exam; the unit is the one the person belonged to when enrolled."""

    exam = models.ForeignKey(Exam, on_delete=models.CASCADE, related_name="enrolments")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    org_unit = models.ForeignKey("accounts.OrgUnit", on_delete=models.PROTECT, related_name="+")
    enrolled_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["exam", "user"], name="education_enrol_once")
        ]
        verbose_name = _("应考人员")
        verbose_name_plural = _("应考人员")

    def __str__(self) -> str:
        return f"{self.exam_id}:{self.user_id}"


class Sitting(models.Model):
    """One attempt: the paper drawn from ``seed`` (``questions`` keeps the ids in order, so the
    paper is reproducible even if the bank later grows), the timer, the submission and score."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.PROTECT, related_name="sittings")
    attempt = models.PositiveSmallIntegerField(_("第几次"))
    seed = models.BigIntegerField(_("抽题种子"))
    questions = models.JSONField(_("试题"))
    points = models.JSONField(_("各题分值"))
    started_at = models.DateTimeField(_("开始时间"))
    deadline = models.DateTimeField(_("答题截止"))
    submitted_at = models.DateTimeField(_("交卷时间"), null=True, blank=True)
    score = models.DecimalField(_("成绩"), max_digits=5, decimal_places=1, null=True, blank=True)
    passed = models.BooleanField(_("合格"), null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "attempt"], name="education_attempt_once")
        ]
        verbose_name = _("答卷")
        verbose_name_plural = _("答卷")

    def __str__(self) -> str:
        return f"答卷{self.pk}（第{self.attempt}次）"


class Answer(models.Model):
    """One answer as given (upserted on every save, so a dropped connection loses nothing)."""

    sitting = models.ForeignKey(Sitting, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    response = models.CharField(_("作答"), max_length=8, blank=True)
    saved_at = models.DateTimeField(_("保存时间"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["sitting", "question"], name="education_answer_once")
        ]
        verbose_name = _("作答")
        verbose_name_plural = _("作答")

    def __str__(self) -> str:
        return f"{self.sitting_id}:{self.question_id}={self.response}"


# --- 普法 (谁执法谁普法, 中办发〔2017〕31号; domain-rules-2 §18) ---------------------------------


class DutyKind(models.TextChoices):
    COMMON = "common", _("共性")
    SPECIFIC = "specific", _("个性")


class DutyItem(models.Model):
    """One item of the year's 普法责任清单 (content, audience, lead unit and person, measures,
    deadline, done or not). The bureau's 2019 list: 4 共性 + 11 个性 items (seed)."""

    year = models.PositiveIntegerField(_("年度"), db_index=True)
    kind = models.CharField(_("类别"), max_length=10, choices=DutyKind.choices)
    content = models.CharField(_("普法内容"), max_length=300)
    audience = models.CharField(_("普法对象"), max_length=200, blank=True)
    lead_unit = models.ForeignKey(
        "accounts.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("牵头单位")
    )
    lead_person = models.CharField(_("责任人"), max_length=50, blank=True)
    measures = models.TextField(_("措施"), blank=True)
    deadline = models.DateField(_("完成时限"), null=True, blank=True)
    done_on = models.DateField(_("完成日期"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["year", "kind", "pk"]
        verbose_name = _("普法责任清单事项")
        verbose_name_plural = _("普法责任清单")

    def __str__(self) -> str:
        return self.content


class EducationBase(models.Model):
    """A 法治宣传教育基地: {name, address, sponsor, opening date, content items, visitors}
    (domain-rules-2 §18; who names bases and the review cycle are UNVERIFIED)."""

    name = models.CharField(_("名称"), max_length=200)
    address = models.CharField(_("地址"), max_length=300)
    sponsor = models.ForeignKey(
        "accounts.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("依托单位")
    )
    opened_on = models.DateField(_("建成日期"))
    content = models.TextField(_("展示内容"), blank=True)
    visitors = models.PositiveIntegerField(_("接待人次"), default=0)
    is_public = models.BooleanField(_("在公众门户展示"), default=True)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["opened_on", "pk"]
        verbose_name = _("法治宣传教育基地")
        verbose_name_plural = _("法治宣传教育基地")

    def __str__(self) -> str:
        return self.name
