"""预警 records: one row per record and rule, opened by the scan and closed by it when fixed."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from fazhi.supervision.domain.oversight import STATUS_LABELS
from fazhi.supervision.domain.warnings import LEVEL_LABELS, RULES


class Warning(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("未消除")
        CLOSED = "closed", _("已消除")

    rule = models.CharField(
        _("预警规则"), max_length=32, choices=[(c, r.title) for c, r in RULES.items()]
    )
    subject_type = models.CharField(_("记录类型"), max_length=100)
    subject_id = models.CharField(_("记录编号"), max_length=64)
    subject_label = models.CharField(_("记录"), max_length=200)
    org_unit = models.ForeignKey(
        "accounts.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("单位")
    )
    level = models.CharField(_("级别"), max_length=8, choices=list(LEVEL_LABELS.items()))
    message = models.TextField(_("情况"))
    status = models.CharField(
        _("状态"), max_length=8, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    opened_at = models.DateTimeField(_("发出时间"))
    closed_at = models.DateTimeField(_("消除时间"), null=True, blank=True)
    times_opened = models.PositiveIntegerField(_("发出次数"), default=1)
    checked_at = models.DateTimeField(_("最近核查时间"))

    class Meta:
        verbose_name = _("执法预警")
        verbose_name_plural = _("执法预警")
        ordering = ["status", "-opened_at", "pk"]
        constraints = [
            # never two warnings for one record and rule: a scan killed halfway and run again, or
            # two scans at once, update the same row
            models.UniqueConstraint(
                fields=["rule", "subject_type", "subject_id"], name="supervision_warning_unique"
            )
        ]
        indexes = [
            models.Index(fields=["status", "rule"]),
            models.Index(fields=["org_unit", "status"]),
        ]

    def __str__(self) -> str:
        return f"{RULES[self.rule].title}：{self.subject_label}"

    @property
    def rule_def(self):
        return RULES[self.rule]


class ScanRun(models.Model):
    """One run of the scan: when it started, whether it finished, what it changed."""

    started_at = models.DateTimeField(_("开始时间"))
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)
    today = models.DateField(_("核查日期"))
    checked = models.PositiveIntegerField(_("核查记录数"), default=0)
    opened = models.PositiveIntegerField(_("新发预警"), default=0)
    closed = models.PositiveIntegerField(_("消除预警"), default=0)

    class Meta:
        verbose_name = _("预警扫描")
        verbose_name_plural = _("预警扫描")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"预警扫描 {self.today:%Y-%m-%d}"


# --- 案卷评查 ------------------------------------------------------------------------------------


class ScoreSheet(models.Model):
    """The 评查 scoring sheet of a year (configuration; the 新疆 table is the shipped default)."""

    year = models.PositiveSmallIntegerField(_("年度"), unique=True)
    data = models.JSONField(_("评查表"))
    updated_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("案卷评查表")
        verbose_name_plural = _("案卷评查表")
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}年度案卷评查表"


class Campaign(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("准备")
        SCORING = "scoring", _("评查中")
        CLOSED = "closed", _("已结束")

    year = models.PositiveSmallIntegerField(_("评查年度"))
    title = models.CharField(_("名称"), max_length=200)
    case_year = models.PositiveSmallIntegerField(_("案卷年度"))
    share = models.CharField(_("抽取比例"), max_length=16)
    reviewers_per_file = models.PositiveSmallIntegerField(_("每卷评查人数"), default=2)
    sheet = models.JSONField(_("评查表（开始时定稿）"))
    status = models.CharField(_("状态"), max_length=8, choices=Status.choices, default=Status.DRAFT)
    reviewers = models.ManyToManyField(
        "accounts.User", related_name="review_campaigns", verbose_name=_("评查人员")
    )
    frozen_list = models.TextField(_("抽取名单（冻结）"), blank=True)
    list_digest = models.CharField(_("名单摘要"), max_length=64, blank=True)
    seed_hex = models.CharField(_("随机种子"), max_length=64, blank=True)
    seed_digest = models.CharField(_("种子摘要"), max_length=64, blank=True)
    result_digest = models.CharField(_("结果摘要"), max_length=64, blank=True)
    drawn_at = models.DateTimeField(_("抽取时间"), null=True, blank=True)
    closed_at = models.DateTimeField(_("结束时间"), null=True, blank=True)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("案卷评查")
        verbose_name_plural = _("案卷评查")
        ordering = ["-year", "-pk"]

    def __str__(self) -> str:
        return self.title


class ReviewFile(models.Model):
    """One drawn case file of a campaign, its reviewers, score and grade."""

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="files")
    case = models.ForeignKey("enforcement.Case", on_delete=models.PROTECT, related_name="+")
    org_unit = models.ForeignKey("accounts.OrgUnit", on_delete=models.PROTECT, related_name="+")
    stratum = models.CharField(_("分层"), max_length=100)
    reviewers = models.ManyToManyField(
        "accounts.User", related_name="review_files", verbose_name=_("评查人员")
    )
    vetoed = models.JSONField(_("否决项"), default=list, blank=True)
    veto_note = models.TextField(_("否决说明"), blank=True)
    score = models.DecimalField(_("得分"), max_digits=5, decimal_places=1, null=True, blank=True)
    grade = models.CharField(_("等次"), max_length=10, blank=True)
    submitted_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("评查案卷")
        verbose_name_plural = _("评查案卷")
        ordering = ["campaign", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "case"], name="supervision_file_unique")
        ]

    def __str__(self) -> str:
        return f"{self.campaign} · {self.case.reference}"


class Deduction(models.Model):
    file = models.ForeignKey(ReviewFile, on_delete=models.CASCADE, related_name="deductions")
    item_code = models.CharField(_("项目"), max_length=16)
    points = models.DecimalField(_("扣分"), max_digits=4, decimal_places=1)
    note = models.TextField(_("扣分理由"), blank=True)
    reviewer = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("评查扣分")
        verbose_name_plural = _("评查扣分")
        ordering = ["file", "item_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["file", "item_code"], name="supervision_deduction_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.item_code} −{self.points}"


class Rectification(models.Model):
    """整改: a problem found by the review, sent to the case's unit with a deadline."""

    file = models.ForeignKey(ReviewFile, on_delete=models.PROTECT, related_name="rectifications")
    org_unit = models.ForeignKey("accounts.OrgUnit", on_delete=models.PROTECT, related_name="+")
    problem = models.TextField(_("问题"))
    due_on = models.DateField(_("整改期限"))
    done_on = models.DateField(_("整改完成日期"), null=True, blank=True)
    done_note = models.TextField(_("整改情况"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("评查整改")
        verbose_name_plural = _("评查整改")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.problem[:50]


# --- 督办 -----------------------------------------------------------------------------------------


class Oversight(models.Model):
    """督办: a 监督文书 to a unit with a deadline; dates the bureau is measured by are set by
    the system (issued_on, replied_on, closed_on, escalated_on)."""

    number = models.CharField(_("文书编号"), max_length=64, unique=True)
    org_unit = models.ForeignKey(
        "accounts.OrgUnit", on_delete=models.PROTECT, related_name="+", verbose_name=_("被督办单位")
    )
    warning = models.ForeignKey(
        Warning, on_delete=models.SET_NULL, null=True, blank=True, related_name="oversights"
    )
    subject = models.CharField(_("督办事项"), max_length=300)
    demand = models.TextField(_("督办要求"))
    status = models.CharField(
        _("状态"), max_length=8, choices=list(STATUS_LABELS.items()), default="issued"
    )
    issued_on = models.DateField(_("发文日期"))
    deadline = models.DateField(_("办理期限"))
    reply = models.TextField(_("书面回复"), blank=True)
    replied_on = models.DateField(_("回复日期"), null=True, blank=True)
    recheck_reason = models.TextField(_("复查理由"), blank=True)
    recheck_requested_on = models.DateField(_("申请复查日期"), null=True, blank=True)
    recheck_due = models.DateField(_("复查决定期限"), null=True, blank=True)
    recheck_result = models.TextField(_("复查决定"), blank=True)
    recheck_decided_on = models.DateField(_("复查决定日期"), null=True, blank=True)
    closed_on = models.DateField(_("办结日期"), null=True, blank=True)
    close_note = models.TextField(_("办结意见"), blank=True)
    escalated_on = models.DateField(_("逾期升级日期"), null=True, blank=True)
    issued_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("督办")
        verbose_name_plural = _("督办")
        ordering = ["-issued_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.number} {self.subject}"


# --- 推送市执法监督平台 ------------------------------------------------------------------------------


class PushItem(models.Model):
    """One version of a case sent (or to be sent) to the city platform; the queue and its log."""

    class Status(models.TextChoices):
        PENDING = "pending", _("待推送")
        ACCEPTED = "accepted", _("已接收")

    subject_type = models.CharField(_("记录类型"), max_length=100)
    subject_id = models.CharField(_("记录编号"), max_length=64)
    digest = models.CharField(_("内容摘要"), max_length=64)
    payload = models.JSONField(_("推送内容"))
    status = models.CharField(
        _("状态"), max_length=8, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveIntegerField(_("推送次数"), default=0)
    next_attempt_at = models.DateTimeField(_("下次推送时间"), db_index=True)
    last_error = models.TextField(_("最近一次错误"), blank=True)
    log = models.JSONField(_("推送记录"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(_("接收时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("平台推送")
        verbose_name_plural = _("平台推送")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject_type", "subject_id", "digest"], name="supervision_push_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.subject_type}#{self.subject_id} {self.get_status_display()}"


# --- 先行登记保存 --------------------------------------------------------------------------------


class Preservation(models.Model):
    """先行登记保存 of evidence in a case (《中华人民共和国行政处罚法》第五十六条: with the
    负责人's approval, when evidence may be lost; a decision on it within seven days — read as
    working days, domain-rules-2 §22 rule 6). Enforcement records no such act yet, so the register
    lives here; warning rule 6 reads it. The typed dates are kept beside who entered them and
    when (``recorded_*`` / ``handled_*``)."""

    class Handling(models.TextChoices):
        RECORD = "record", _("记录、复制、拍照后返还")
        EXAMINE = "examine", _("送交检验、检测或鉴定")
        TRANSFER = "transfer", _("移送有关部门")
        SEIZE = "seize", _("依法查封、扣押")
        RELEASE = "release", _("解除登记保存")

    case = models.ForeignKey(
        "enforcement.Case", on_delete=models.PROTECT, related_name="+", verbose_name=_("案件")
    )
    saved_on = models.DateField(_("登记保存日期"))
    items = models.TextField(_("登记保存的证据"))
    approver = models.CharField(_("批准的负责人"), max_length=100)
    handled_on = models.DateField(_("处理决定日期"), null=True, blank=True)
    handling = models.CharField(_("处理决定"), max_length=10, choices=Handling.choices, blank=True)
    recorded_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    handled_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    handled_at = models.DateTimeField(_("处理录入时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("先行登记保存")
        verbose_name_plural = _("先行登记保存")
        ordering = ["case", "saved_on", "pk"]
        indexes = [models.Index(fields=["case", "saved_on"])]

    def __str__(self) -> str:
        return f"{self.saved_on:%Y-%m-%d} {self.items[:40]}"


# --- 统计年报 published on the portal --------------------------------------------------------------


class YearbookPublication(models.Model):
    """The 行政执法统计年报 of a year as published on the portal (国办发〔2018〕118号（六）: by
    31 January, to the public). A snapshot of the tables at publication, so the public page does
    not change when a record does; a correction republishes with its reason (``version`` + 1)."""

    year = models.PositiveSmallIntegerField(_("年度"), unique=True)
    tables = models.JSONField(_("统计表"))
    version = models.PositiveSmallIntegerField(_("版次"), default=1)
    correction_note = models.TextField(_("更正说明"), blank=True)
    published_on = models.DateField(_("公布日期"))
    first_published_on = models.DateField(_("首次公布日期"))
    published_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, related_name="+"
    )
    published_at = models.DateTimeField(_("公布时间"))

    class Meta:
        verbose_name = _("统计年报公布")
        verbose_name_plural = _("统计年报公布")
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}年度行政执法统计年报"


class CaseCheck(models.Model):
    """When the scan last settled a case, and the next day its warnings may change on their own
    (``domain.warnings.next_change``): the daily scan reads the cases changed since its last
    run and those due for a re-check, not every running case."""

    case = models.OneToOneField(
        "enforcement.Case", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    checked_at = models.DateTimeField(_("最近核查时间"))
    next_check_on = models.DateField(_("下次核查日期"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("案件核查")
        verbose_name_plural = _("案件核查")

    def __str__(self) -> str:
        return f"案件#{self.case_id} 下次核查 {self.next_check_on or '—'}"
