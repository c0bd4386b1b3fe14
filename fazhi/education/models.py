"""The online 学法用法 exam (question bank, exams, papers, answers) and 普法 records.

Rules: fazhi.education.domain.exam (pure). Writes: fazhi.education.services only.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from fazhi.education.domain.exam import QTYPE_NAMES, QType
from fazhi.education.domain.pufa import ACTIVITY_NAMES, STUDY_NAMES


class QuestionStatus(models.TextChoices):
    DRAFT = "draft", _("草稿（待审核）")
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
    # a draft made from a corrected case: "reconsideration:<pk>" / "litigation:<pk>" (one each)
    origin = models.CharField(_("草稿来源"), max_length=64, blank=True, db_index=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(_("审核启用时间"), null=True, blank=True)
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


class PufaPlan(models.Model):
    """The year's 普法计划 (中办发〔2017〕31号: a 普法规划, an annual plan and the 清单)."""

    year = models.PositiveIntegerField(_("年度"), unique=True)
    title = models.CharField(_("计划名称"), max_length=200)
    doc_number = models.CharField(_("文号"), max_length=100, blank=True)
    issued_on = models.DateField(_("印发日期"))
    content = models.TextField(_("主要内容"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("普法计划")
        verbose_name_plural = _("普法计划")

    def __str__(self) -> str:
        return self.title


class Activity(models.Model):
    """One 普法 activity: 宪法宣传周, 法律法规宣传月, 以案释法, 旁听庭审, a competition, ...
    The dates are typed facts (when it was held), kept with who recorded them and when."""

    year = models.PositiveIntegerField(_("年度"), db_index=True)
    kind = models.CharField(
        _("活动类别"), max_length=20, choices=[(k.value, v) for k, v in ACTIVITY_NAMES.items()]
    )
    title = models.CharField(_("活动名称"), max_length=200)
    doc_number = models.CharField(_("通知文号"), max_length=100, blank=True)
    org_unit = models.ForeignKey(
        "accounts.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("主办单位")
    )
    starts_on = models.DateField(_("开始日期"))
    ends_on = models.DateField(_("结束日期"), null=True, blank=True)
    place = models.CharField(_("地点"), max_length=200, blank=True)
    summary = models.TextField(_("活动情况"), blank=True)
    audience_count = models.PositiveIntegerField(_("社会公众参与人次"), default=0)
    audience = models.CharField(_("宣传对象"), max_length=200, blank=True)
    # Shown on the public 普法 page once published (set by the system, with who published it).
    published_at = models.DateTimeField(_("公开时间"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="+", blank=True, verbose_name=_("参加人员")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "pk"]
        verbose_name = _("普法活动")
        verbose_name_plural = _("普法活动")

    def __str__(self) -> str:
        return self.title


class MaterialKind(models.TextChoices):
    MATERIAL = "material", _("材料")
    PHOTO = "photo", _("照片")


class ActivityMaterial(models.Model):
    """A material or photo of an activity, held in the core evidence store."""

    activity = models.ForeignKey(Activity, on_delete=models.PROTECT, related_name="materials")
    evidence = models.ForeignKey("core.EvidenceFile", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("类别"), max_length=10, choices=MaterialKind.choices)
    caption = models.CharField(_("说明"), max_length=200, blank=True)
    added_at = models.DateTimeField(auto_now_add=True)
    # A photo chosen for the public 普法 page (only photos, only of a published activity).
    is_public = models.BooleanField(_("公开"), default=False)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("活动材料")
        verbose_name_plural = _("活动材料")

    def __str__(self) -> str:
        return self.caption or self.get_kind_display()


class Team(models.Model):
    """A team of a competition (the 2019 人社法治知识竞赛: 18 teams, seed)."""

    activity = models.ForeignKey(Activity, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(_("代表队"), max_length=100)
    org_unit = models.ForeignKey(
        "accounts.OrgUnit", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    members = models.CharField(_("队员"), max_length=300, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "name"], name="education_team_once")
        ]
        verbose_name = _("代表队")
        verbose_name_plural = _("代表队")

    def __str__(self) -> str:
        return self.name


class Stage(models.Model):
    """A stage of a competition (初赛, 决赛, the national final ...) and how many it sent on."""

    activity = models.ForeignKey(Activity, on_delete=models.PROTECT, related_name="stages")
    order = models.PositiveSmallIntegerField(_("顺序"))
    name = models.CharField(_("赛段"), max_length=100)
    level = models.CharField(_("层级"), max_length=50, blank=True)
    held_on = models.DateField(_("比赛日期"), null=True, blank=True)

    class Meta:
        ordering = ["activity", "order"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "order"], name="education_stage_once")
        ]
        verbose_name = _("赛段")
        verbose_name_plural = _("赛段")

    def __str__(self) -> str:
        return self.name


class StageResult(models.Model):
    """A result in a stage: a team or a person (name), the award, and whether they advanced."""

    stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="results")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, null=True, blank=True)
    name = models.CharField(_("选手或代表队"), max_length=100)
    award = models.CharField(_("名次或奖项"), max_length=100, blank=True)
    advanced = models.BooleanField(_("晋级"), default=False)

    class Meta:
        ordering = ["stage", "pk"]
        verbose_name = _("比赛成绩")
        verbose_name_plural = _("比赛成绩")

    def __str__(self) -> str:
        return f"{self.name} {self.award}".strip()


class StudyRecord(models.Model):
    """One person's 学法 record: a course or session with its hours (学时)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    org_unit = models.ForeignKey("accounts.OrgUnit", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField(_("年度"), db_index=True)
    studied_on = models.DateField(_("学习日期"))
    kind = models.CharField(
        _("形式"), max_length=10, choices=[(k.value, v) for k, v in STUDY_NAMES.items()]
    )
    course = models.CharField(_("课程或内容"), max_length=200)
    hours = models.DecimalField(_("学时"), max_digits=4, decimal_places=1)
    activity = models.ForeignKey(
        Activity, on_delete=models.PROTECT, null=True, blank=True, related_name="study_records"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-studied_on", "pk"]
        verbose_name = _("学法记录")
        verbose_name_plural = _("学法记录")

    def __str__(self) -> str:
        return f"{self.course}（{self.hours}学时）"
