"""双随机一公开: 一单两库 (item list, employer directory, inspector pool), plans, draws, checks.

The inspector pool is not a table: it is `officers.selectors.usable_officers(on=draw day)`,
snapshotted into `DrawInspector` when a draw is committed.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from fazhi.core.models.entry_dates import TypedDateEntry


class InspectionItem(models.Model):
    """随机抽查事项清单: one 行政检查 power item, with its basis, method and yearly shares."""

    class ItemClass(models.TextChoices):
        KEY = "key", _("重点检查事项")  # 国发〔2019〕5号: no ratio cap
        GENERAL = "general", _("一般检查事项")  # ratio cap applies

    power_item = models.ForeignKey(
        "powers.PowerItem",
        verbose_name=_("权责事项"),
        on_delete=models.PROTECT,
        related_name="inspection_items",
    )
    code = models.CharField(_("抽查事项编码"), max_length=64, unique=True)
    name = models.CharField(_("抽查事项名称"), max_length=200)
    basis = models.TextField(_("抽查依据"))
    subject = models.CharField(_("抽查主体"), max_length=100, blank=True)
    content = models.TextField(_("抽查内容"), blank=True)
    method = models.CharField(_("抽查方式"), max_length=100)  # 实地核查 / 书面检查 / 网络监测
    item_class = models.CharField(
        _("事项类别"), max_length=16, choices=ItemClass.choices, default=ItemClass.GENERAL
    )
    shares = models.JSONField(_("年度抽查比例（按分层）"), default=dict, blank=True)
    is_published = models.BooleanField(_("已公示"), default=False, db_index=True)
    published_on = models.DateField(_("公示日期"), null=True, blank=True)
    is_active = models.BooleanField(_("有效"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("随机抽查事项")
        verbose_name_plural = _("随机抽查事项清单")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Employer(models.Model):
    """检查对象名录库: one employer, keyed by its 统一社会信用代码."""

    uscc = models.CharField(_("统一社会信用代码"), max_length=18, unique=True)
    name = models.CharField(_("单位名称"), max_length=200, db_index=True)
    district = models.CharField(_("所在区"), max_length=50, db_index=True)
    stratum = models.CharField(_("抽查分层"), max_length=50, db_index=True)
    industry = models.CharField(_("行业"), max_length=100, blank=True)
    size = models.CharField(_("规模"), max_length=50, blank=True)
    address = models.CharField(_("地址"), max_length=300, blank=True)
    is_active = models.BooleanField(_("在库"), default=True, db_index=True)
    last_import = models.ForeignKey(
        "EmployerImport", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_import_line = models.PositiveIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["uscc"]
        verbose_name = _("检查对象")
        verbose_name_plural = _("检查对象名录库")
        indexes = [models.Index(fields=["is_active", "stratum"], name="insp_employer_active_idx")]

    def __str__(self) -> str:
        return f"{self.name}（{self.uscc}）"


class EmployerImport(models.Model):
    """One run of the directory import, with its counts and the rejected rows."""

    file_name = models.CharField(_("文件名"), max_length=255)
    encoding = models.CharField(_("编码"), max_length=16)
    rows = models.PositiveIntegerField(_("数据行"), default=0)
    created = models.PositiveIntegerField(_("新增"), default=0)
    updated = models.PositiveIntegerField(_("更新"), default=0)
    unchanged = models.PositiveIntegerField(_("未变"), default=0)
    rejected = models.PositiveIntegerField(_("拒收"), default=0)
    deactivated = models.PositiveIntegerField(_("移出名录"), default=0)
    errors = models.JSONField(_("拒收行（前1000条）"), default=list, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("名录导入记录")
        verbose_name_plural = _("名录导入记录")

    def __str__(self) -> str:
        return f"{self.file_name} {self.started_at:%Y-%m-%d %H:%M}"


class OfficerEmployerRelation(models.Model):
    """回避 register: an officer (or a close relative) has an interest in an employer."""

    officer = models.ForeignKey(
        "officers.Officer", on_delete=models.PROTECT, related_name="employer_relations"
    )
    employer = models.ForeignKey(Employer, on_delete=models.PROTECT, related_name="relations")
    relation = models.CharField(_("关系"), max_length=100)  # 本人任职 / 近亲属任职 / 持股 …
    since = models.DateField(_("起始日期"))
    until = models.DateField(_("终止日期"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("回避关系")
        verbose_name_plural = _("回避关系登记")
        constraints = [
            models.UniqueConstraint(
                fields=["officer", "employer", "relation"], name="insp_relation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.officer_id}—{self.employer_id} {self.relation}"


class InspectionPlan(models.Model):
    """年度抽查工作计划 (or an ad hoc one): items, shares per stratum, joint departments."""

    year = models.PositiveSmallIntegerField(_("年度"), db_index=True)
    title = models.CharField(_("计划名称"), max_length=200)
    is_ad_hoc = models.BooleanField(_("专项（临时）抽查"), default=False)
    items = models.ManyToManyField(InspectionItem, verbose_name=_("抽查事项"), related_name="plans")
    shares = models.JSONField(_("抽查比例（按分层）"), default=dict)
    joint_departments = models.CharField(_("联合检查部门"), max_length=300, blank=True)
    org_unit = models.ForeignKey(
        "accounts.OrgUnit", verbose_name=_("组织单位"), on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "id"]
        verbose_name = _("抽查计划")
        verbose_name_plural = _("抽查计划")

    def __str__(self) -> str:
        return self.title


class Draw(models.Model):
    """One draw of a plan: commitment → draw → reveal. The seed stays secret until revealed."""

    class Status(models.TextChoices):
        COMMITTED = "committed", _("已公布承诺值")
        DRAWN = "drawn", _("已抽取")
        REVEALED = "revealed", _("已公布种子")
        CANCELLED = "cancelled", _("已作废")

    plan = models.ForeignKey(InspectionPlan, on_delete=models.PROTECT, related_name="draws")
    number = models.CharField(_("抽取编号"), max_length=32, unique=True)
    status = models.CharField(_("状态"), max_length=16, choices=Status.choices, db_index=True)
    algorithm = models.CharField(_("算法版本"), max_length=32)
    drawn_on = models.DateField(_("抽取日"))  # the inspector pool is the one usable on this day
    list_sha256 = models.CharField(_("冻结名单 SHA-256"), max_length=64)
    seed_sha256 = models.CharField(_("种子 SHA-256"), max_length=64)
    seed_hex = models.CharField(max_length=64)  # secret until status is revealed
    list_path = models.CharField(max_length=200)  # gzip of the frozen list in the evidence store
    list_bytes = models.PositiveBigIntegerField(default=0)
    candidates = models.PositiveIntegerField(_("候选对象数"), default=0)
    pool_size = models.PositiveIntegerField(_("检查人员数"), default=0)
    exclusions = models.PositiveIntegerField(_("回避组合数"), default=0)
    strata = models.JSONField(_("分层抽取数"), default=list, blank=True)
    result_sha256 = models.CharField(_("抽取结果 SHA-256"), max_length=64, blank=True)
    committed_at = models.DateTimeField(_("公布承诺时间"))
    drawn_at = models.DateTimeField(_("抽取时间"), null=True, blank=True)
    revealed_at = models.DateTimeField(_("公布种子时间"), null=True, blank=True)
    cancel_reason = models.CharField(_("作废原因"), max_length=300, blank=True)
    # fazhi-draw/2: a public value published after the commitment is mixed into the seed. The
    # source and date are committed with the hashes; the value is entered at the draw step.
    beacon_source = models.CharField(_("公开随机值来源"), max_length=200, blank=True)
    beacon_date = models.DateField(_("公开随机值公布日期"), null=True, blank=True)
    beacon_value = models.CharField(_("公开随机值"), max_length=200, blank=True)
    beacon_entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("公开随机值录入人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    beacon_entered_at = models.DateTimeField(_("公开随机值录入时间"), null=True, blank=True)
    # A re-draw of a plan names the draw it repeats and why; the earlier draw stays as it was.
    redraw_of = models.ForeignKey(
        "self",
        verbose_name=_("重新抽取的原抽取"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="redraws",
    )
    redraw_reason = models.TextField(_("重新抽取原因"), blank=True)
    version = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-committed_at", "-id"]
        verbose_name = _("抽取")
        verbose_name_plural = _("抽取")

    def __str__(self) -> str:
        return self.number

    @property
    def is_revealed(self) -> bool:
        return self.status == self.Status.REVEALED


class DrawDateEntry(TypedDateEntry):
    """The typed day of a draw's inspector pool (``Draw.drawn_on``) beside the commitment that
    entered it, by whom and when (issue 18.5); flagged 疑似倒签 when the day lies before the
    commitment was made. Written only by ``services.draws.draw_commit``; not part of the
    commitment, so the public draw stays verifiable as before."""

    subject_field = "draw"

    step_labels = {"commit": "公布承诺", "pool": "抽取日（检查人员名单所依日期）"}

    draw = models.ForeignKey(Draw, on_delete=models.PROTECT, related_name="date_entries")
    step = models.CharField(_("环节"), max_length=20, choices=list(step_labels.items()))

    class Meta:
        ordering = ["draw", "entered_at", "pk"]
        verbose_name = _("抽取日期录入记录")
        verbose_name_plural = _("抽取日期录入记录")


class DrawInspector(models.Model):
    """The inspector pool as it was frozen into a draw."""

    draw = models.ForeignKey(Draw, on_delete=models.CASCADE, related_name="pool")
    officer = models.ForeignKey("officers.Officer", on_delete=models.PROTECT, related_name="+")
    certificate_number = models.CharField(_("执法证号"), max_length=32)
    name = models.CharField(_("姓名"), max_length=50)

    class Meta:
        ordering = ["certificate_number"]
        constraints = [
            models.UniqueConstraint(fields=["draw", "certificate_number"], name="insp_pool_unique")
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.certificate_number}）"


class Check(models.Model):
    """A drawn employer (the draw's DrawEmployer row) and the inspectors drawn for it."""

    # Indexes: (draw, index) by the unique constraint, employer, uscc. The draw and inspector
    # FKs have none of their own: nothing looks checks up by inspector, and each extra index
    # is a random-order B-tree insert per row when a draw writes its 75,000 checks (so uscc has
    # a plain index in Meta, not db_index, which on PostgreSQL adds a second, LIKE index).
    draw = models.ForeignKey(Draw, on_delete=models.CASCADE, related_name="checks", db_index=False)
    index = models.PositiveIntegerField(_("序号"))
    # No database constraint on the employer: PostgreSQL checks one at commit by locking each
    # referenced employer row (a WAL record per row, 0.7 s of a 75,000-check draw). The draw
    # writes only employers it has just read from the directory in its transaction, the
    # directory is never deleted from (a refresh deactivates), and PROTECT still refuses an ORM
    # delete of an employer with checks.
    employer = models.ForeignKey(
        Employer, on_delete=models.PROTECT, related_name="checks", db_constraint=False
    )
    uscc = models.CharField(_("统一社会信用代码"), max_length=18)
    employer_name = models.CharField(_("单位名称"), max_length=200)
    stratum = models.CharField(_("分层"), max_length=50)
    first_inspector = models.ForeignKey(
        DrawInspector, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    second_inspector = models.ForeignKey(
        DrawInspector, on_delete=models.PROTECT, related_name="+", db_index=False
    )

    class Meta:
        ordering = ["draw", "index"]
        verbose_name = _("检查")
        verbose_name_plural = _("检查")
        constraints = [
            models.UniqueConstraint(fields=["draw", "index"], name="insp_check_index_unique")
        ]
        indexes = [models.Index(fields=["uscc"], name="insp_check_uscc")]

    def __str__(self) -> str:
        return f"{self.draw.number}-{self.index + 1} {self.employer_name}"


class CheckResult(models.Model):
    """谁检查、谁录入、谁公开: the finding of one check and its publication."""

    class Outcome(models.TextChoices):
        NO_PROBLEM = "no_problem", _("未发现问题")
        CORRECTED = "corrected", _("发现问题已责令改正")
        CASE_OPENED = "case_opened", _("发现问题已立案查处")

    check_record = models.OneToOneField(Check, on_delete=models.CASCADE, related_name="result")
    outcome = models.CharField(_("检查结果"), max_length=16, choices=Outcome.choices)
    checked_on = models.DateField(_("检查完成日期"))
    summary = models.TextField(_("检查情况"), blank=True)
    case_ref = models.CharField(_("执法案件编号"), max_length=100, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    published_on = models.DateField(_("公示日期"), null=True, blank=True, db_index=True)
    # The 公示日期 is the system's (the moment the result went public); who published is kept.
    # ``checked_on`` is typed: entered by ``entered_by`` at ``created_at``, and flagged when
    # entered after its 20-working-day publicity period had already run out.
    published_at = models.DateTimeField(_("公开时间"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("公示人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    entered_late = models.BooleanField(_("补录（录入时公示期限已过）"), default=False)
    created_at = models.DateTimeField(_("录入时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("检查结果")
        verbose_name_plural = _("检查结果")

    def __str__(self) -> str:
        return self.get_outcome_display()

    def get_absolute_url(self) -> str:
        """The staff page (where a deadline on this record links to): the draw it came from."""
        return reverse("inspections:draw_detail", args=[self.check_record.draw_id])

    @classmethod
    def list_url(cls) -> str:
        """The staff list where these records' deadlines are worked through."""
        return reverse("inspections:index")
