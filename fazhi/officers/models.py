"""The register of enforcement officers and their certificates (执法证)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Post(models.TextChoices):
    """Whether the officer holds an enforcement post: the denominator of 持证率."""

    ENFORCEMENT = "enforcement", _("执法岗位")
    SUPPORT = "support", _("非执法岗位")


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
    post = models.CharField(
        _("岗位"), max_length=16, choices=Post.choices, default=Post.ENFORCEMENT, db_index=True
    )
    left_on = models.DateField(_("离岗日期"), null=True, blank=True)
    note = models.CharField(_("备注"), max_length=200, blank=True)
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
    renewed_from = models.OneToOneField(
        "self",
        verbose_name=_("换证前的旧证"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="renewed_by",
    )
    revoked_on = models.DateField(_("注销日期"), null=True, blank=True)
    status_reason = models.CharField(_("状态变更原因"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-issued_on"]
        indexes = [models.Index(fields=["officer", "status"], name="officers_cert_officer_status")]
        verbose_name = _("执法证")
        verbose_name_plural = _("执法证")

    def __str__(self) -> str:
        return self.number


class CertificateSuspension(models.Model):
    """One 暂扣 of a certificate, from ``start`` until it is reinstated (exclusive)."""

    certificate = models.ForeignKey(
        Certificate, on_delete=models.PROTECT, related_name="suspensions"
    )
    start = models.DateField(_("暂扣日期"))
    until = models.DateField(_("恢复日期"), null=True, blank=True)
    reason = models.CharField(_("暂扣原因"), max_length=200)
    lift_note = models.CharField(_("恢复说明"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["certificate", "start"]
        verbose_name = _("暂扣记录")
        verbose_name_plural = _("暂扣记录")

    def __str__(self) -> str:
        return f"{self.certificate_id} 暂扣 {self.start}"


class CertificateReview(models.Model):
    """年审 of a certificate. A failed review suspends the card (see the service)."""

    certificate = models.ForeignKey(Certificate, on_delete=models.PROTECT, related_name="reviews")
    reviewed_on = models.DateField(_("年审日期"), db_index=True)
    passed = models.BooleanField(_("年审合格"))
    note = models.CharField(_("说明"), max_length=200, blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审验人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["certificate", "-reviewed_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["certificate", "reviewed_on"], name="officers_review_once_a_day"
            )
        ]
        verbose_name = _("年审记录")
        verbose_name_plural = _("年审记录")

    def __str__(self) -> str:
        return f"{self.certificate_id} 年审 {self.reviewed_on}"


class TrainingRecord(models.Model):
    officer = models.ForeignKey(Officer, on_delete=models.PROTECT, related_name="trainings")
    attended_on = models.DateField(_("培训日期"))
    year = models.PositiveSmallIntegerField(_("年度"), db_index=True, editable=False)
    course = models.CharField(_("培训内容"), max_length=200)
    hours = models.DecimalField(_("学时"), max_digits=5, decimal_places=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["officer", "-attended_on"]
        indexes = [models.Index(fields=["year", "officer"], name="officers_training_year")]
        constraints = [
            models.UniqueConstraint(
                fields=["officer", "attended_on", "course"], name="officers_training_once"
            )
        ]
        verbose_name = _("培训记录")
        verbose_name_plural = _("培训记录")

    def __str__(self) -> str:
        return f"{self.course}（{self.hours}学时）"


class ExamResult(models.Model):
    officer = models.ForeignKey(Officer, on_delete=models.PROTECT, related_name="exams")
    exam = models.CharField(_("考试名称"), max_length=200)
    taken_on = models.DateField(_("考试日期"), db_index=True)
    score = models.DecimalField(_("成绩"), max_digits=5, decimal_places=1, null=True, blank=True)
    passed = models.BooleanField(_("合格"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["officer", "-taken_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["officer", "exam", "taken_on"], name="officers_exam_once"
            )
        ]
        verbose_name = _("考试成绩")
        verbose_name_plural = _("考试成绩")

    def __str__(self) -> str:
        return f"{self.exam} {self.taken_on}"


class CertificateLookup(models.Model):
    """One public certificate check, kept only to throttle floods from one address."""

    ip = models.GenericIPAddressField(null=True, blank=True)
    looked_up_at = models.DateTimeField(db_index=True)

    class Meta:
        indexes = [models.Index(fields=["ip", "looked_up_at"], name="officers_lookup_ip")]

    def __str__(self) -> str:
        return f"{self.ip} {self.looked_up_at}"


class LegalQualification(models.Model):
    """A person's 法律职业资格 (国家统一法律职业资格考试), recorded on the system account:
    reviewers of penalty decisions need it (行政处罚法 2021 第五十八条第二款), and an officer
    holding it may have the enforcement exam waived (国办发〔2018〕118号（二十三）)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("系统账号"),
        on_delete=models.PROTECT,
        related_name="legal_qualification",
    )
    certificate_number = models.CharField(_("法律职业资格证书编号"), max_length=40)
    obtained_on = models.DateField(_("取得日期"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("法律职业资格")
        verbose_name_plural = _("法律职业资格")

    def __str__(self) -> str:
        return f"{self.user} {self.certificate_number}"
