"""政务服务事项 catalogues (versioned by year) and the licensing register.

A catalogue version holds its items and their materials; a later year is a new version, so the
annual reductions are computed between two versions (``domain.catalogue``). Licensing
applications hang on an item of a catalogue; their deadlines live on the core clock.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from fazhi.core.choices import label_choices
from fazhi.core.models.subject import DeadlineSubject
from fazhi.govservices.domain import licensing as lic
from fazhi.govservices.domain.catalogue import ITEM_KIND_LABELS


class CatalogueVersion(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("编制中")
        PUBLISHED = "published", _("已公布")
        SUPERSEDED = "superseded", _("已被新版本替代")

    year = models.PositiveIntegerField(_("年度"), unique=True)
    label = models.CharField(_("名称"), max_length=200)
    published_on = models.DateField(_("公布日期"), null=True, blank=True)
    status = models.CharField(_("状态"), max_length=16, choices=Status.choices, default="draft")
    note = models.TextField(_("说明"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("政务服务事项目录")
        verbose_name_plural = _("政务服务事项目录")

    def __str__(self) -> str:
        return self.label


class ServiceItem(models.Model):
    catalogue = models.ForeignKey(
        CatalogueVersion, on_delete=models.CASCADE, related_name="items", verbose_name=_("目录")
    )
    code = models.CharField(_("事项编码"), max_length=64)
    power_item = models.ForeignKey(
        "powers.PowerItem",
        verbose_name=_("对应权责事项"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="service_items",
    )
    name = models.CharField(_("事项名称"), max_length=200)
    kind = models.CharField(_("事项类型"), max_length=16, choices=label_choices(ITEM_KIND_LABELS))
    org_unit = models.ForeignKey(
        "accounts.OrgUnit", verbose_name=_("承办处室"), on_delete=models.PROTECT, related_name="+"
    )
    accepting_body = models.CharField(_("受理机构"), max_length=100)
    deciding_body = models.CharField(_("审批（决定）机构"), max_length=100)
    legal_basis = models.TextField(_("设定依据"), blank=True)
    conditions = models.TextField(_("受理条件"), blank=True)
    statutory_days = models.PositiveIntegerField(_("法定时限（工作日）"), null=True, blank=True)
    statutory_text = models.CharField(_("法定时限说明"), max_length=200, blank=True)
    promised_days = models.PositiveIntegerField(_("承诺时限（工作日）"), default=0)
    steps = models.JSONField(_("办理流程"), default=list, blank=True)
    is_instant = models.BooleanField(_("即办件"), default=False)
    is_online = models.BooleanField(_("可网上办理"), default=False)
    auto_rule = models.CharField(_("无人审批规则"), max_length=32, blank=True)
    fee = models.CharField(_("收费"), max_length=100, default="不收费")
    # what a licence of this item looks like (双公示 XK_XKLB, XK_XKZS; 文号 issuer)
    licence_category = models.CharField(
        _("许可类别"), max_length=16, blank=True, choices=label_choices(lic.LICENCE_CATEGORY_LABELS)
    )
    licence_name = models.CharField(_("许可证书名称"), max_length=100, blank=True)
    number_issuer = models.CharField(_("许可文号机关代字"), max_length=32, blank=True)
    validity_years = models.PositiveIntegerField(_("有效期（年，空为长期）"), null=True, blank=True)
    merged_into = models.CharField(_("下一版本中并入的事项编码"), max_length=64, blank=True)
    change_note = models.CharField(_("调整说明"), max_length=300, blank=True)
    position = models.PositiveIntegerField(_("顺序"), default=0)

    class Meta:
        ordering = ["catalogue", "position", "code"]
        verbose_name = _("政务服务事项")
        verbose_name_plural = _("政务服务事项")
        constraints = [
            models.UniqueConstraint(fields=["catalogue", "code"], name="services_item_code_uniq")
        ]
        indexes = [models.Index(fields=["code"]), models.Index(fields=["kind"])]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def kind_label(self) -> str:
        return dict(ITEM_KIND_LABELS).get(self.kind, self.kind)  # type: ignore[call-overload]

    @property
    def is_auto_approvable(self) -> bool:
        return bool(self.auto_rule)


class RequiredMaterial(models.Model):
    class Source(models.TextChoices):
        APPLICANT = "applicant", _("申请人自备")
        GOVERNMENT = "government", _("政府部门核发")
        THIRD_PARTY = "third_party", _("中介机构或其他单位出具")

    item = models.ForeignKey(ServiceItem, on_delete=models.CASCADE, related_name="materials")
    name = models.CharField(_("材料名称"), max_length=200)
    source = models.CharField(_("来源"), max_length=16, choices=Source.choices, default="applicant")
    is_required = models.BooleanField(_("必须提交"), default=True)
    is_shared = models.BooleanField(_("可共享免提交"), default=False)
    copies = models.CharField(_("份数及形式"), max_length=50, default="原件1份")
    position = models.PositiveIntegerField(_("顺序"), default=0)

    class Meta:
        ordering = ["item", "position", "id"]
        verbose_name = _("申请材料")
        verbose_name_plural = _("申请材料")

    def __str__(self) -> str:
        return self.name

    @property
    def applicant_submits(self) -> bool:
        return self.is_required and not self.is_shared


class Bundle(models.Model):
    """场景式主题审批: several items handled as one application."""

    catalogue = models.ForeignKey(
        CatalogueVersion, on_delete=models.CASCADE, related_name="bundles"
    )
    code = models.CharField(_("主题编码"), max_length=64)
    name = models.CharField(_("主题名称"), max_length=200)
    items = models.ManyToManyField(ServiceItem, related_name="bundles", verbose_name=_("包含事项"))
    description = models.TextField(_("说明"), blank=True)

    class Meta:
        ordering = ["catalogue", "code"]
        verbose_name = _("主题审批")
        verbose_name_plural = _("主题审批")
        constraints = [
            models.UniqueConstraint(fields=["catalogue", "code"], name="services_bundle_code_uniq")
        ]

    def __str__(self) -> str:
        return self.name


class Applicant(models.Model):
    """Who applies (abstract): the fields 双公示 needs, contact kept off public output."""

    applicant_name = models.CharField(_("申请人名称"), max_length=200)
    applicant_category = models.CharField(
        _("申请人类别"), max_length=24, choices=label_choices(lic.APPLICANT_CATEGORY_LABELS)
    )
    applicant_uscc = models.CharField(_("统一社会信用代码"), max_length=18, blank=True)
    # A natural person's ID document: 双公示 XK_XDR_ZJLX / ZJHM require it; the number is never
    # on public output (the publicity record masks it, the tracking page and the API leave it out).
    applicant_id_type = models.CharField(
        _("证件类型"), max_length=24, blank=True, choices=[(t, t) for t in lic.APPLICANT_ID_TYPES]
    )
    applicant_id_number = models.CharField(_("证件号码"), max_length=32, blank=True)
    applicant_id_type_note = models.CharField(_("“其他”证件名称"), max_length=50, blank=True)
    legal_representative = models.CharField(_("法定代表人"), max_length=50, blank=True)
    contact_name = models.CharField(_("联系人"), max_length=50, blank=True)
    contact_phone = models.CharField(_("联系电话"), max_length=32, blank=True)
    contact_address = models.CharField(_("联系地址"), max_length=200, blank=True)
    tracking_code = models.CharField(_("查询码"), max_length=16, unique=True)
    received_on = models.DateField(_("收件日期"), db_index=True)
    is_online = models.BooleanField(_("网上申请"), default=False)
    # declared registration data and checks the 无人审批 rules read (registered capital …)
    facts = models.JSONField(_("申报信息"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class BundleApplication(Applicant):
    bundle = models.ForeignKey(Bundle, on_delete=models.PROTECT, related_name="applications")
    reference = models.CharField(_("受理编号"), max_length=64, unique=True)
    submitted_materials = models.JSONField(_("一次提交的材料"), default=list)

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = _("主题审批申请")
        verbose_name_plural = _("主题审批申请")

    def __str__(self) -> str:
        return f"{self.reference} {self.bundle.name}"


class LicenseApplication(DeadlineSubject, Applicant):
    item = models.ForeignKey(ServiceItem, on_delete=models.PROTECT, related_name="applications")
    org_unit = models.ForeignKey(
        "accounts.OrgUnit", verbose_name=_("承办处室"), on_delete=models.PROTECT, related_name="+"
    )
    bundle_application = models.ForeignKey(
        BundleApplication, null=True, blank=True, on_delete=models.PROTECT, related_name="parts"
    )
    reference = models.CharField(_("受理编号"), max_length=64, unique=True)
    status = models.CharField(
        _("状态"), max_length=16, choices=label_choices(lic.STATUS_LABELS), db_index=True
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    correction_notice = models.JSONField(_("一次告知补正材料"), null=True, blank=True)
    correction_notified_on = models.DateField(_("告知补正日期"), null=True, blank=True)
    supplemented_on = models.DateField(_("补正完成日期"), null=True, blank=True)
    accepted_on = models.DateField(_("受理日期"), null=True, blank=True)
    # 行政许可法 第三十二条: no 一次告知 within the period → accepted from the day of receipt
    deemed_accepted = models.BooleanField(_("逾期未告知视为受理"), default=False)
    # the last 无人审批 evaluation (rule, inputs, each condition), shown to staff
    auto_evaluation = models.JSONField(_("无人审批评估"), default=dict, blank=True)

    is_extended = models.BooleanField(_("已延长决定期限"), default=False)
    extension_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("延期批准人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    extension_reason = models.TextField(_("延期理由"), blank=True)
    decided_on = models.DateField(_("决定日期"), null=True, blank=True, db_index=True)
    decision_recorded_at = models.DateTimeField(_("决定登记时间"), null=True, blank=True)
    decided_late = models.BooleanField(_("超期决定"), default=False)
    # Every typed step date (收件, 告知补正, 补正, 受理, 决定) beside when it was entered and by
    # whom: {"step", "on", "entered_at", "entered_by", "late"}; "late" when entered after the
    # time limit the step answers had run out. Time limits are met on the day of entry.
    step_entries = models.JSONField(_("日期录入记录"), default=list, blank=True)
    late_entry = models.BooleanField(_("有补录"), default=False, db_index=True)
    licence_number = models.CharField(
        _("许可文号"), max_length=64, null=True, blank=True, unique=True
    )
    licence_content = models.TextField(_("许可内容"), blank=True)
    valid_from = models.DateField(_("有效期自"), null=True, blank=True)
    valid_to = models.DateField(_("有效期至"), null=True, blank=True)
    refusal_reasons = models.TextField(_("不予许可理由"), blank=True)
    remedy_notice = models.TextField(_("救济途径告知"), blank=True)
    is_automatic = models.BooleanField(_("无人审批"), default=False)
    auto_rule = models.JSONField(_("无人审批规则及输入"), null=True, blank=True)

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = _("行政许可申请")
        verbose_name_plural = _("行政许可申请")
        indexes = [models.Index(fields=["org_unit", "received_on"])]

    def __str__(self) -> str:
        return f"{self.reference} {self.item.name}"

    # DeadlineSubject: the staff page a deadline on it links to, the list where they are worked
    detail_url_name = "services:application_detail"
    list_url_name = "services:register"

    @property
    def auto_failures(self) -> list[dict]:
        """Why 无人审批 left the application to a person: each failed condition, its observed
        value in words, and its basis (empty when it passed or never ran)."""
        evaluation = self.auto_evaluation or {}
        if not evaluation or evaluation.get("passed"):
            return []

        def shown(value) -> str:
            if value is None:
                return "登记信息中没有记录"
            if isinstance(value, bool):
                return "是" if value else "否"
            return str(value)

        return [
            {"label": c["label"], "observed": shown(c.get("observed")), "basis": c["basis"]}
            for c in evaluation.get("conditions", [])
            if not c.get("passed")
        ]

    @property
    def category_label(self) -> str:
        return lic.APPLICANT_CATEGORY_LABELS[lic.ApplicantCategory(self.applicant_category)]


class SubmittedMaterial(models.Model):
    """One line of an application's checklist that the applicant handed in (or was shared)."""

    application = models.ForeignKey(
        LicenseApplication, on_delete=models.CASCADE, related_name="submitted"
    )
    material = models.ForeignKey(RequiredMaterial, on_delete=models.PROTECT, related_name="+")
    received_on = models.DateField(_("收到日期"))
    via_bundle = models.BooleanField(_("主题申请一次提交"), default=False)

    class Meta:
        ordering = ["application", "material__position"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "material"], name="services_submitted_uniq"
            )
        ]

    def __str__(self) -> str:
        return self.material.name


class LicenceCounter(models.Model):
    """The last licence number issued per 机关代字 and year; locked while a number is taken."""

    issuer = models.CharField(max_length=32)
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issuer", "year"], name="services_counter_uniq")
        ]

    def __str__(self) -> str:
        return f"{self.issuer}〔{self.year}〕{self.last}"


class RegisterEntry(models.Model):
    """An enterprise as the registers the bureau holds or imports record it (市场主体登记、信用
    记录、本局许可记录): what 无人审批 decides on instead of the applicant's own declaration."""

    uscc = models.CharField(_("统一社会信用代码"), max_length=18, unique=True)
    name = models.CharField(_("名称"), max_length=200)
    registered_capital_yuan = models.DecimalField(
        _("注册资本（元）"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    credit_blacklisted = models.BooleanField(_("列入严重失信主体名单"), null=True, blank=True)
    licence_revoked_on = models.DateField(_("被吊销劳务派遣经营许可日期"), null=True, blank=True)
    source = models.CharField(_("数据来源"), max_length=200)
    updated_at = models.DateTimeField(_("导入时间"), auto_now=True)

    class Meta:
        verbose_name = _("登记信用信息")
        verbose_name_plural = _("登记信用信息")

    def __str__(self) -> str:
        return f"{self.uscc} {self.name}"
