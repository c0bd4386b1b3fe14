"""The document, its articles, and the per-year number counter."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from fazhi.core.models.subject import DeadlineSubject
from fazhi.normdocs.domain.numbering import DEFAULT_PREFIX
from fazhi.normdocs.domain.states import IN_FORCE_STAGES, STAGE_LABELS, Stage

STAGE_CHOICES = [(stage.value, label) for stage, label in STAGE_LABELS.items()]


class FilingResult(models.TextChoices):
    NO_OBJECTION = "no_objection", _("审查通过（无异议）")
    CORRECTION = "correction", _("责令纠正")


class NormativeDocumentQuerySet(models.QuerySet):
    def in_force(self) -> NormativeDocumentQuerySet:
        return self.filter(stage__in=[s.value for s in IN_FORCE_STAGES])

    def current_on(self, day) -> NormativeDocumentQuerySet:
        """In force on ``day``: the stage says so and the term has not ended (a document past
        its 有效期 is 失效 from the next day, whether or not the daily job has registered it)."""
        return self.in_force().exclude(valid_until__lt=day)

    def open_for_comment(self) -> NormativeDocumentQuerySet:
        return self.filter(stage=Stage.PUBLIC_COMMENT)


class NormativeDocument(DeadlineSubject, models.Model):
    title = models.CharField(_("标题"), max_length=200)
    org_unit = models.ForeignKey(
        "accounts.OrgUnit", verbose_name=_("起草单位"), on_delete=models.PROTECT, related_name="+"
    )
    drafter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("起草人"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    stage = models.CharField(
        _("阶段"), max_length=20, choices=STAGE_CHOICES, default=Stage.DRAFTING, db_index=True
    )
    drafting_note = models.TextField(_("起草说明"), blank=True)
    basis = models.TextField(_("制定依据"), blank=True)
    drafted_on = models.DateField(_("起草日期"))
    # 公开征求意见
    comment_opened_on = models.DateField(_("征求意见开始"), null=True, blank=True)
    comment_closed_on = models.DateField(_("征求意见结束"), null=True, blank=True)
    adoption_note = models.TextField(_("采纳情况说明"), blank=True)
    # 统一登记、统一编号
    number_prefix = models.CharField(_("发文字号代字"), max_length=20, default=DEFAULT_PREFIX)
    number_year = models.PositiveSmallIntegerField(_("编号年度"), null=True, blank=True)
    number_serial = models.PositiveIntegerField(_("顺序号"), null=True, blank=True)
    doc_number = models.CharField(_("文号"), max_length=50, null=True, blank=True, unique=True)
    registered_on = models.DateField(_("登记日期"), null=True, blank=True)
    # 印发 / 公布
    published_on = models.DateField(_("公布日期"), null=True, blank=True, db_index=True)
    effective_on = models.DateField(_("施行日期"), null=True, blank=True)
    valid_until = models.DateField(_("有效期至"), null=True, blank=True, db_index=True)
    interpretation_title = models.CharField(_("政策解读标题"), max_length=200, blank=True)
    interpretation_text = models.TextField(_("政策解读"), blank=True)
    corpus_document_id = models.PositiveBigIntegerField(_("法规库文件编号"), null=True, blank=True)
    corpus_interpretation_id = models.PositiveBigIntegerField(
        _("法规库解读编号"), null=True, blank=True
    )
    # 备案
    filing_body = models.CharField(_("备案机关"), max_length=100, blank=True)
    filed_on = models.DateField(_("报送备案日期"), null=True, blank=True)
    filing_result = models.CharField(
        _("备案审查结果"), max_length=20, choices=FilingResult.choices, blank=True
    )
    filing_opinion = models.TextField(_("备案审查意见"), blank=True)
    filing_reviewed_on = models.DateField(_("备案审查日期"), null=True, blank=True)
    corrected_on = models.DateField(_("纠正完成日期"), null=True, blank=True)
    correction_note = models.TextField(_("纠正情况"), blank=True)
    # 清理 / 届满
    needs_amendment = models.BooleanField(_("清理意见为修改"), default=False)
    ended_on = models.DateField(_("停止执行日期"), null=True, blank=True)
    end_reason = models.CharField(_("停止执行原因"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    objects = NormativeDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("规范性文件")
        verbose_name_plural = _("规范性文件")
        ordering = ["-drafted_on", "-id"]
        constraints = [
            # Unified numbering: one serial per prefix and year, never two (三统一).
            models.UniqueConstraint(
                fields=["number_prefix", "number_year", "number_serial"],
                condition=Q(number_serial__isnull=False),
                name="normdoc_number_unique",
            ),
        ]
        indexes = [models.Index(fields=["org_unit", "stage"], name="normdoc_unit_stage_idx")]

    def __str__(self) -> str:
        return f"{self.doc_number} {self.title}" if self.doc_number else self.title

    # DeadlineSubject: the staff page a deadline on it links to, the list where they are worked
    detail_url_name = "normdocs:document_detail"
    list_url_name = "normdocs:ledger"

    @property
    def stage_label(self) -> str:
        return STAGE_LABELS[Stage(self.stage)]


class DocumentArticle(models.Model):
    document = models.ForeignKey(
        NormativeDocument, verbose_name=_("文件"), on_delete=models.CASCADE, related_name="articles"
    )
    number = models.PositiveIntegerField(_("条号"))
    text = models.TextField(_("条文"))

    class Meta:
        verbose_name = _("条文")
        verbose_name_plural = _("条文")
        ordering = ["document", "number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="normdoc_article_unique")
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        from fazhi.normdocs.domain.articles import article_label

        return article_label(self.number)


class NumberCounter(models.Model):
    """The last serial used per prefix and year; registration locks this row."""

    prefix = models.CharField(_("发文字号代字"), max_length=20)
    year = models.PositiveSmallIntegerField(_("年度"))
    last_serial = models.PositiveIntegerField(_("已用最大顺序号"), default=0)

    class Meta:
        verbose_name = _("编号计数器")
        verbose_name_plural = _("编号计数器")
        constraints = [
            models.UniqueConstraint(fields=["prefix", "year"], name="normdoc_counter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.prefix}〔{self.year}〕{self.last_serial}"
