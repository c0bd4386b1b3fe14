"""Reads of the legal corpus. The public portal and API use only the ``*_public_*`` selectors,
which return published records."""

from __future__ import annotations

from datetime import date

from django.db.models import Count, Exists, OuterRef
from django.http import Http404

from fazhi.laws.domain.diff import ArticleText, VersionDiff, diff_versions
from fazhi.laws.domain.numerals import cn_to_int
from fazhi.laws.domain.sources import work_key as _work_key
from fazhi.laws.models import Article, DocumentRelation, LegalDocument
from fazhi.laws.search import SearchFilters, SearchPage, search


def document_public_get(*, document_id: int) -> LegalDocument:
    """A published document, or Http404 for missing and unpublished alike (no existence leak)."""
    document = (
        LegalDocument.objects.published().select_related("work").filter(pk=document_id).first()
    )
    if document is None:
        raise Http404("文件不存在或未公开")
    return document


def article_public_get(*, article_id: int) -> Article:
    article = (
        Article.objects.select_related("document")
        .filter(pk=article_id, document__is_published=True)
        .first()
    )
    if article is None:
        raise Http404("条文不存在或未公开")
    return article


def document_versions(*, document: LegalDocument) -> list[LegalDocument]:
    """All published versions of the document's work, oldest first."""
    return list(
        LegalDocument.objects.published()
        .filter(work_id=document.work_id)
        .order_by("effective_date", "source_path")
    )


def document_relations(*, document: LegalDocument) -> list[tuple[str, DocumentRelation]]:
    """("out" | "in", relation) for relations with published documents on the other side."""
    out = DocumentRelation.objects.filter(source=document, target__is_published=True)
    into = DocumentRelation.objects.filter(target=document, source__is_published=True)
    return [("out", r) for r in out.select_related("target")] + [
        ("in", r) for r in into.select_related("source")
    ]


def article_on(*, work_id: int, number: int, suffix: int, day: date) -> Article | None:
    """What article ``number`` of a work said on ``day``: the article of the version in force."""
    documents = LegalDocument.objects.published().filter(work_id=work_id).in_force_on(day)
    return (
        Article.objects.filter(document__in=documents, number=number, suffix=suffix)
        .select_related("document")
        .order_by("position")
        .first()
    )


def article_in_force(*, work_key: str, article_number: int | str, on: date) -> Article | None:
    """The article as it stood on ``on``: article ``article_number`` of the published version of
    the work in force that day (None if no version was in force or it has no such article).

    For citations by the date of the facts (the version in force on that day, not today's):
    ``article_in_force(work_key="laws:劳动合同法", article_number=57, on=date(2012, 6, 1))`` is
    the 2007 text. ``work_key`` is ``collection:title`` without 中华人民共和国 (``Work.key``);
    ``article_number`` an int, a label (第八十二条, 第二十条之一) or the work's full title may be
    given as the key's title part.
    """
    number, suffix = _article_ref(article_number)
    key = work_key if ":" in work_key else f"laws:{work_key}"
    key = work_key_of(key)
    documents = LegalDocument.objects.published().filter(work__key=key).in_force_on(on)
    return (
        Article.objects.filter(document__in=documents, number=number, suffix=suffix)
        .select_related("document")
        .order_by("-document__effective_date", "position")
        .first()
    )


def work_key_of(key: str) -> str:
    """``laws:中华人民共和国劳动法`` → ``laws:劳动法`` (the form Work.key stores)."""
    collection, _, title = key.partition(":")
    return _work_key(collection, title)


def _article_ref(ref: int | str) -> tuple[int, int]:
    if isinstance(ref, int):
        return ref, 0
    text = ref.strip()
    if text.isdigit():
        return int(text), 0
    body = text.removeprefix("第")
    number, _, rest = body.partition("条")
    suffix = rest.removeprefix("之")
    try:
        return cn_to_int(number), cn_to_int(suffix) if suffix else 0
    except ValueError as exc:
        raise ValueError(f"不是条文序号：{ref}") from exc


# --- 人社政策一点通: the public search page, document page and app API -------------------------


def policy_public_search(
    query: str,
    *,
    filters: SearchFilters | None = None,
    as_of: date | None = None,
    page: int = 1,
    page_size: int = 20,
) -> SearchPage:
    """Article-level search over published documents (the search interface, named as a read)."""
    return search(query, filters=filters, as_of=as_of, page=page, page_size=page_size)


def issuing_body_public_choices(*, limit: int = 30) -> list[str]:
    """The issuing bodies with the most published documents, for the filter's suggestions."""
    rows = (
        LegalDocument.objects.published()
        .exclude(issuing_body="")
        .values("issuing_body")
        .annotate(n=Count("id"))
        .order_by("-n", "issuing_body")[:limit]
    )
    return [r["issuing_body"] for r in rows]


def article_anchor(*, number: int | None, suffix: int, position: int, is_first: bool) -> str:
    """The fragment id of an article on its document page: ``art-82``, ``art-20-1`` (第二十条之一);
    ``p-7`` for an unnumbered block or a number already used earlier in the same document."""
    if number is None or not is_first:
        return f"p-{position}"
    return f"art-{number}-{suffix}" if suffix else f"art-{number}"


def document_public_articles(*, document: LegalDocument) -> list[Article]:
    """The articles of a published document in order, each with its ``anchor``."""
    articles = list(document.articles.order_by("position"))
    seen: set[tuple[int | None, int]] = set()
    for a in articles:
        key = (a.number, a.suffix)
        a.anchor = article_anchor(
            number=a.number, suffix=a.suffix, position=a.position, is_first=key not in seen
        )
        seen.add(key)
    return articles


def article_public_anchors(*, article_ids: list[int]) -> dict[int, str]:
    """Anchor per article id (published documents only), without loading whole documents.

    One query: an article is the first of its number when no earlier article of the same
    document has that number (issue 25: the OR of one condition per hit cost ~5 ms a search
    page; this ~1 ms, same anchors on every article of the demo corpus).
    """
    earlier = Article.objects.filter(
        document_id=OuterRef("document_id"),
        number=OuterRef("number"),
        suffix=OuterRef("suffix"),
        position__lt=OuterRef("position"),
    )
    rows = (
        Article.objects.filter(id__in=article_ids, document__is_published=True)
        .annotate(repeated=Exists(earlier))
        .values("id", "number", "suffix", "position", "repeated")
    )
    return {
        r["id"]: article_anchor(
            number=r["number"],
            suffix=r["suffix"],
            position=r["position"],
            is_first=not r["repeated"],
        )
        for r in rows
    }


def document_version_on(*, document: LegalDocument, day: date) -> LegalDocument | None:
    """The published version of the document's work in force on ``day``, if any."""
    return (
        LegalDocument.objects.published()
        .filter(work_id=document.work_id)
        .in_force_on(day)
        .order_by("-effective_date", "source_path")
        .first()
    )


def document_version_public_get(*, document: LegalDocument, version_id: int) -> LegalDocument:
    """Another published version of the same work, or Http404."""
    version = (
        LegalDocument.objects.published()
        .filter(pk=version_id, work_id=document.work_id)
        .select_related("work")
        .first()
    )
    if version is None:
        raise Http404("该版本不存在或不属于同一文件")
    return version


def document_previous_version(*, document: LegalDocument) -> LegalDocument | None:
    """The published version that took effect before this one (None for the first)."""
    versions = document_versions(document=document)
    earlier = [
        v
        for v in versions
        if v.pk != document.pk
        and v.effective_date is not None
        and (document.effective_date is None or v.effective_date < document.effective_date)
    ]
    return earlier[-1] if earlier else None


def document_version_diff(*, old: LegalDocument, new: LegalDocument) -> VersionDiff:
    """Article-by-article changes from ``old`` to ``new`` (keys are article ids)."""
    return diff_versions(_article_texts(old), _article_texts(new))


def _article_texts(document: LegalDocument) -> list[ArticleText]:
    rows = document.articles.order_by("position").values_list("id", "label", "text")
    return [ArticleText(key=str(pk), label=label, text=text) for pk, label, text in rows]
