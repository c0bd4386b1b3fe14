"""Publicity records (执法公示 事后) and 双公示 export batches."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from fazhi.core.choices import label_choices
from fazhi.core.models.subject import DeadlineSubject
from fazhi.publicity.domain.data import DecisionData
from fazhi.publicity.domain.enums import (
    BATCH_LABELS,
    EXCHANGE_LABELS,
    KIND_LABELS,
    STATUS_LABELS,
    Change,
    ExportFormat,
    IdType,
    LicenseCategory,
    PartyCategory,
    Status,
)


def _values(enum) -> list[tuple[str, str]]:
    return [(m.value, m.value) for m in enum]


class PublicityRecord(DeadlineSubject, models.Model):
    """One decision to publish; its data items are those of the 双公示 standard for its kind."""

    kind = models.CharField(_("类型"), max_length=16, choices=label_choices(KIND_LABELS))
    source_type = models.CharField(_("来源记录类型"), max_length=100)
    source_id = models.CharField(_("来源记录编号"), max_length=64)
    # 行政相对人
    party_category = models.CharField(
        _("行政相对人类别"), max_length=16, choices=_values(PartyCategory)
    )
    party_name = models.CharField(_("行政相对人名称"), max_length=200)
    uscc = models.CharField(_("统一社会信用代码"), max_length=18, blank=True)
    reg_number = models.CharField(_("工商注册号"), max_length=64, blank=True)
    org_code = models.CharField(_("组织机构代码"), max_length=16, blank=True)
    tax_number = models.CharField(_("税务登记号"), max_length=32, blank=True)
    institution_number = models.CharField(_("事业单位证书号"), max_length=32, blank=True)
    social_org_number = models.CharField(_("社会组织登记证号"), max_length=32, blank=True)
    legal_rep = models.CharField(_("法定代表人"), max_length=100, blank=True)
    legal_rep_id_type = models.CharField(
        _("法定代表人证件类型"), max_length=32, blank=True, choices=_values(IdType)
    )
    legal_rep_id_number = models.CharField(_("法定代表人证件号码"), max_length=64, blank=True)
    person_id_type = models.CharField(
        _("证件类型"), max_length=32, blank=True, choices=_values(IdType)
    )
    person_id_number = models.CharField(_("证件号码"), max_length=64, blank=True)
    person_id_type_note = models.CharField(_("“其他”证件名称"), max_length=50, blank=True)
    party_phone = models.CharField(_("联系电话（不公开）"), max_length=32, blank=True)
    party_address = models.CharField(_("住所（不公开）"), max_length=300, blank=True)
    # 决定
    document_title = models.CharField(_("决定文书名称"), max_length=200, blank=True)
    document_number = models.CharField(_("决定文书号"), max_length=100, blank=True, db_index=True)
    violation_type = models.CharField(_("违法行为类型 / 执法类别"), max_length=200, blank=True)
    facts = models.TextField(_("违法事实"), blank=True)
    basis = models.TextField(_("处罚依据"), blank=True)
    penalty_categories = models.JSONField(_("处罚类别"), default=list, blank=True)
    category_note = models.CharField(_("“其他”类别说明"), max_length=100, blank=True)
    content = models.TextField(_("决定内容"), blank=True)
    fine_yuan = models.DecimalField(
        _("罚款金额（元）"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    confiscation_yuan = models.DecimalField(
        _("没收金额（元）"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    licence_measure = models.CharField(_("暂扣或吊销证照名称及编号"), max_length=200, blank=True)
    license_category = models.CharField(
        _("许可类别"), max_length=8, blank=True, choices=_values(LicenseCategory)
    )
    licence_name = models.CharField(_("许可证书名称"), max_length=200, blank=True)
    licence_number = models.CharField(_("许可编号"), max_length=100, blank=True)
    valid_from = models.DateField(_("有效期自"), null=True, blank=True)
    valid_to = models.DateField(_("有效期至"), null=True, blank=True)
    decided_on = models.DateField(_("决定日期"), db_index=True)
    authority = models.CharField(_("决定机关"), max_length=200)
    authority_uscc = models.CharField(_("决定机关统一社会信用代码"), max_length=18)
    source_unit = models.CharField(_("数据来源单位"), max_length=200)
    source_unit_uscc = models.CharField(_("数据来源单位统一社会信用代码"), max_length=18)
    remarks = models.CharField(_("备注"), max_length=500, blank=True)
    # 公示
    status = models.CharField(
        _("状态"),
        max_length=16,
        choices=label_choices(STATUS_LABELS),
        default=Status.PENDING.value,
        db_index=True,
    )
    due_on = models.DateField(_("应公示日期"), null=True, blank=True, db_index=True)
    published_on = models.DateField(_("公示日期"), null=True, blank=True)
    publicity_ends_on = models.DateField(_("公示截止期"), null=True, blank=True, db_index=True)
    ended_on = models.DateField(_("公示结束日期"), null=True, blank=True)
    withdrawal_change = models.CharField(
        _("撤回事由"), max_length=8, blank=True, choices=_values(Change)
    )
    withdrawal_reason = models.TextField(_("撤回原因"), blank=True)
    changed_on = models.DateField(_("决定被变更、撤销之日"), null=True, blank=True)
    withdrawn_on = models.DateField(_("撤回日期"), null=True, blank=True)
    # 公示日期 and 撤回日期 are the system's (the moment the record went public or was taken
    # down, 国办发〔2018〕118号); who did it is kept beside them. ``changed_on`` is typed: it is
    # stored with who entered it and when (the withdrawal's), and flagged when entered after
    # the withdrawal period it starts had already run out.
    published_at = models.DateTimeField(_("公开时间"), null=True, blank=True)
    published_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("公示人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("撤回时间"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("撤回人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    changed_on_entered_late = models.BooleanField(
        _("决定变更日期补录（录入时撤回期限已过）"), default=False
    )
    # 双公示交换: content_changed_at moves only when what is sent changes (incremental export).
    content_changed_at = models.DateTimeField(_("内容变更时间"), db_index=True)
    exchange_status = models.CharField(
        _("报送回执"), max_length=16, blank=True, choices=label_choices(EXCHANGE_LABELS)
    )
    exchange_reason = models.TextField(_("回执原因"), blank=True)
    exchange_batch = models.ForeignKey(
        "publicity.ExportBatch",
        verbose_name=_("回执所属批次"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("公示记录")
        verbose_name_plural = _("公示记录")
        ordering = ["-decided_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "source_type", "source_id"], name="publicity_record_unique_source"
            ),
        ]
        indexes = [
            models.Index(fields=["kind", "content_changed_at"], name="publicity_kind_changed")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}公示：{self.document_number or self.party_name}"

    # DeadlineSubject: the staff page a deadline on it links to, the list where they are worked
    detail_url_name = "publicity:detail"
    list_url_name = "publicity:queue"

    @property
    def record_no(self) -> str:
        return record_no(self.pk)

    @property
    def published_late(self) -> bool:
        """Made public after its due date (国办发〔2018〕118号（六）), by the system's date."""
        return bool(self.published_on and self.due_on and self.published_on > self.due_on)

    def as_data(self) -> DecisionData:
        return DecisionData.from_mapping({n: getattr(self, n) for n in DecisionData.field_names()})


def record_no(pk: int) -> str:
    """数据编号 in exchange files and receipts: ``GS00000123``."""
    return f"GS{pk:08d}"


class ExportBatch(models.Model):
    """One 双公示 file produced by `fazhi export shuanggongshi`, and the receipt's verdict on it."""

    kind = models.CharField(_("类型"), max_length=16, choices=label_choices(KIND_LABELS))
    format = models.CharField(_("格式"), max_length=8, choices=_values(ExportFormat))
    since = models.DateTimeField(_("增量起点"), null=True, blank=True)
    started_at = models.DateTimeField(_("导出开始时间"))
    file_name = models.CharField(_("文件"), max_length=500)
    row_count = models.PositiveIntegerField(_("行数"), default=0)
    withdrawal_count = models.PositiveIntegerField(_("撤回行数"), default=0)
    skipped_count = models.PositiveIntegerField(_("未通过校验而未导出"), default=0)
    sha256 = models.CharField(_("文件SHA-256"), max_length=64)
    status = models.CharField(
        _("状态"), max_length=16, choices=label_choices(BATCH_LABELS), default="sent", db_index=True
    )
    accepted_count = models.PositiveIntegerField(_("接收成功"), default=0)
    rejected_count = models.PositiveIntegerField(_("接收失败"), default=0)
    receipt_file = models.CharField(_("回执文件"), max_length=500, blank=True)
    receipt_at = models.DateTimeField(_("回执导入时间"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("双公示导出批次")
        verbose_name_plural = _("双公示导出批次")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"双公示批次{self.pk}（{self.get_kind_display()}，{self.row_count}行）"

    @property
    def status_label(self) -> str:
        return self.get_status_display()
