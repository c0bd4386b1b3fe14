"""The legal corpus: works, their versions (documents), articles, relations and the search index.

A *work* is one law over time (中华人民共和国行政复议法); each *document* is one version of it with
its own dates and text. Status is never stored: it depends on the day asked about and is computed
by ``fazhi.laws.domain.validity`` (in Python) or ``LegalDocumentQuerySet.with_status`` (in SQL).
"""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from fazhi.laws.domain.validity import Status, Validity, status_on

# The document columns a Validity is made of, in its field order (read as plain values where
# model instances would cost too much, e.g. the search's re-ranking).
VALIDITY_FIELDS = ("effective_date", "valid_to", "expiry_date", "repealed_on", "is_marked_expired")


class DocumentKind(models.TextChoices):
    CONSTITUTION = "宪法", _("宪法")
    LAW = "法律", _("法律")
    ADMINISTRATIVE_REGULATION = "行政法规", _("行政法规")
    DEPARTMENTAL_RULE = "部门规章", _("部门规章")
    LOCAL_REGULATION = "地方性法规", _("地方性法规")
    LOCAL_GOVERNMENT_RULE = "地方政府规章", _("地方政府规章")
    JUDICIAL_INTERPRETATION = "司法解释", _("司法解释")
    NORMATIVE_DOCUMENT = "规范性文件", _("规范性文件")
    INTERPRETATION = "政策解读", _("政策解读")
    CASE = "典型案例", _("典型案例")
    OTHER = "其他", _("其他")


class RelationKind(models.TextChoices):
    AMENDS = "修改", _("修改")  # source is the later version of target
    REPEALS = "废止", _("废止")  # source replaces target
    BASED_ON = "依据", _("依据")  # source was made under target
    INTERPRETS = "解读", _("解读")  # source explains target


class Work(models.Model):
    key = models.CharField(_("作品键"), max_length=255, unique=True)
    title = models.CharField(_("名称"), max_length=255)

    class Meta:
        verbose_name = _("法规作品")
        verbose_name_plural = _("法规作品")

    def __str__(self) -> str:
        return self.title


class LegalDocumentQuerySet(models.QuerySet):
    def published(self) -> LegalDocumentQuerySet:
        return self.filter(is_published=True)

    def in_force_on(self, day: date) -> LegalDocumentQuerySet:
        return self.filter(status_q(Status.IN_FORCE, day))

    def with_status(self, status: Status, day: date) -> LegalDocumentQuerySet:
        return self.filter(status_q(status, day))


def status_q(status: Status, day: date) -> Q:
    """SQL twin of ``validity.status_on``: same rules, same order of precedence."""
    not_yet = Q(effective_date__gt=day)
    repealed = ~not_yet & Q(repealed_on__lte=day)
    expired = ~not_yet & ~repealed & Q(expiry_date__lte=day)
    amended = ~not_yet & ~repealed & ~expired & Q(valid_to__lte=day)
    marked = Q(valid_to__isnull=True, is_marked_expired=True)
    dead = ~not_yet & ~repealed & ~expired & marked
    conditions = {
        Status.NOT_YET_IN_FORCE: not_yet,
        Status.REPEALED: repealed,
        Status.EXPIRED: expired | dead,
        Status.AMENDED: amended,
    }
    if status in conditions:
        return conditions[status]
    return (
        (Q(effective_date__isnull=True) | Q(effective_date__lte=day))
        & (Q(repealed_on__isnull=True) | Q(repealed_on__gt=day))
        & (Q(expiry_date__isnull=True) | Q(expiry_date__gt=day))
        & (Q(valid_to__gt=day) | Q(valid_to__isnull=True, is_marked_expired=False))
    )


class LegalDocument(models.Model):
    work = models.ForeignKey(Work, on_delete=models.PROTECT, related_name="versions")
    kind = models.CharField(_("类别"), max_length=20, choices=DocumentKind.choices, db_index=True)
    title = models.CharField(_("标题"), max_length=255)
    issuing_body = models.CharField(_("制定机关"), max_length=255, blank=True, db_index=True)
    doc_number = models.CharField(_("文号"), max_length=100, blank=True)
    doc_number_key = models.CharField(_("规范化文号"), max_length=100, blank=True, db_index=True)
    publish_date = models.DateField(_("公布日期"), null=True, blank=True, db_index=True)
    effective_date = models.DateField(_("施行日期"), null=True, blank=True, db_index=True)
    valid_to = models.DateField(_("被新版本取代日期"), null=True, blank=True)
    expiry_date = models.DateField(_("失效日期"), null=True, blank=True)
    repealed_on = models.DateField(_("废止日期"), null=True, blank=True)
    is_marked_expired = models.BooleanField(_("来源标注失效"), default=False)
    region = models.CharField(_("地区"), max_length=50, blank=True)
    category = models.CharField(_("来源分类"), max_length=255, blank=True)
    history = models.JSONField(_("制定修改沿革"), default=list, blank=True)
    url = models.URLField(_("原始链接"), max_length=500, blank=True)
    source_path = models.CharField(_("来源文件"), max_length=500, unique=True)
    content_hash = models.CharField(_("内容哈希"), max_length=64)
    is_published = models.BooleanField(_("已公开"), default=True, db_index=True)
    imported_at = models.DateTimeField(_("导入时间"), auto_now=True)

    objects = LegalDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("法律文件")
        verbose_name_plural = _("法律文件")
        ordering = ["title", "effective_date"]
        indexes = [models.Index(fields=["work", "effective_date"], name="laws_doc_work_eff_idx")]

    def __str__(self) -> str:
        return self.title

    @property
    def validity(self) -> Validity:
        return Validity(*(getattr(self, name) for name in VALIDITY_FIELDS))

    def status_on(self, day: date) -> Status:
        return status_on(self.validity, day)


class Article(models.Model):
    document = models.ForeignKey(LegalDocument, on_delete=models.CASCADE, related_name="articles")
    position = models.PositiveIntegerField(_("顺序"))
    number = models.PositiveIntegerField(_("条号"), null=True, blank=True)
    suffix = models.PositiveSmallIntegerField(_("之几"), default=0)
    label = models.CharField(_("标签"), max_length=100)
    headings = models.JSONField(_("编章节"), default=list, blank=True)
    clauses = models.JSONField(_("款"), default=list)
    text = models.TextField(_("条文"))

    class Meta:
        verbose_name = _("条文")
        verbose_name_plural = _("条文")
        ordering = ["document", "position"]
        constraints = [
            models.UniqueConstraint(fields=["document", "position"], name="laws_article_pos_uniq")
        ]
        indexes = [models.Index(fields=["document", "number"], name="laws_article_num_idx")]

    def __str__(self) -> str:
        return f"{self.document.title} {self.label}"


class DocumentRelation(models.Model):
    source = models.ForeignKey(
        LegalDocument, on_delete=models.CASCADE, related_name="relations_out"
    )
    target = models.ForeignKey(LegalDocument, on_delete=models.CASCADE, related_name="relations_in")
    kind = models.CharField(_("关系"), max_length=10, choices=RelationKind.choices)
    note = models.CharField(_("说明"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("文件关系")
        verbose_name_plural = _("文件关系")
        constraints = [
            models.UniqueConstraint(fields=["source", "target", "kind"], name="laws_relation_uniq"),
            models.CheckConstraint(
                condition=~Q(source=models.F("target")), name="laws_relation_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.kind} {self.target}"


class SearchEntry(models.Model):
    """One row per article: the segmented text both search backends index.

    SQLite mirrors it into the FTS5 table ``laws_search_fts`` by triggers; PostgreSQL derives the
    generated ``search_vector`` column from it (migration 0002). Tokens are space-separated.
    """

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="search_entry"
    )
    document = models.ForeignKey(LegalDocument, on_delete=models.CASCADE, related_name="+")
    docnum_tokens = models.TextField(blank=True)
    title_tokens = models.TextField()
    body_tokens = models.TextField()
    body_length = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("检索索引")
        verbose_name_plural = _("检索索引")

    def __str__(self) -> str:
        return f"index of article {self.article_id}"
