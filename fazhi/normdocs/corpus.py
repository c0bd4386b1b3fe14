"""Adapter: a published normative document and its 政策解读 enter the legal corpus (laws app).

The laws app offers no service for records that do not come from an import file (its
``document_import`` reads a source file), so this module writes the laws app's rows directly —
work, document, articles, the 解读 relation — and indexes them with ``laws.search.indexing``
inside the caller's transaction: the document is searchable the moment publication commits
("人社政策一点通": 规范性文件和政策解读同步公布). Replace with a laws service when one exists.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, timedelta

from django.conf import settings

from fazhi.laws.domain.docnum import canonical
from fazhi.laws.domain.numerals import article_label
from fazhi.laws.models import (
    Article,
    DocumentKind,
    DocumentRelation,
    LegalDocument,
    RelationKind,
    Work,
)
from fazhi.laws.search.indexing import index_document
from fazhi.laws.services.linking import PLATFORM_SOURCE_PREFIX
from fazhi.normdocs.models import NormativeDocument


def issuing_body() -> str:
    return settings.FAZHI.get("NORMDOCS", {}).get("ISSUING_BODY", "天津市人力资源和社会保障局")


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n+", text) if p.strip()]


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _upsert(*, key: str, kind: str, title: str, document: NormativeDocument, number: str):
    work, _ = Work.objects.get_or_create(key=key, defaults={"title": title})
    legal, _ = LegalDocument.objects.update_or_create(
        source_path=key,
        defaults={
            "work": work,
            "kind": kind,
            "title": title,
            "issuing_body": issuing_body(),
            "doc_number": number,
            "doc_number_key": (canonical(number) or "") if number else "",
            "publish_date": document.published_on,
            "effective_date": document.effective_on,
            # The last day in force is valid_until; from the next day the text is 失效.
            "expiry_date": document.valid_until + timedelta(days=1)
            if document.valid_until
            else None,
            "region": "天津",
            "category": "规范性文件",
            "content_hash": "",
            "is_published": True,
        },
    )
    legal.articles.all().delete()  # cascades to the search rows
    return legal


def publish(document: NormativeDocument) -> tuple[int, int | None]:
    """Create or refresh the corpus entry of ``document`` and its interpretation; index both.

    Returns (document id, interpretation id or None). Idempotent: publishing again rewrites the
    same rows (keyed ``normdocs/<pk>``).
    """
    key = f"{PLATFORM_SOURCE_PREFIX}{document.pk}"
    legal = _upsert(
        key=key,
        kind=DocumentKind.NORMATIVE_DOCUMENT,
        title=document.title,
        document=document,
        number=document.doc_number or "",
    )
    articles = list(document.articles.order_by("number"))
    Article.objects.bulk_create(
        Article(
            document=legal,
            position=a.number,
            number=a.number,
            label=article_label(a.number),
            clauses=_paragraphs(a.text),
            text=a.text,
        )
        for a in articles
    )
    legal.content_hash = _digest(document.title, *(a.text for a in articles))
    legal.save(update_fields=["content_hash"])
    index_document(legal)
    interpretation_id = None
    if document.interpretation_text.strip():
        explainer = _upsert(
            key=f"{key}/interpretation",
            kind=DocumentKind.INTERPRETATION,
            title=document.interpretation_title or f"《{document.title}》政策解读",
            document=document,
            number="",
        )
        Article.objects.create(
            document=explainer,
            position=1,
            label="解读",
            clauses=_paragraphs(document.interpretation_text),
            text=document.interpretation_text.strip(),
        )
        explainer.content_hash = _digest(explainer.title, document.interpretation_text)
        explainer.save(update_fields=["content_hash"])
        index_document(explainer)
        DocumentRelation.objects.get_or_create(
            source=explainer, target=legal, kind=RelationKind.INTERPRETS
        )
        interpretation_id = explainer.pk
    return legal.pk, interpretation_id


def end(document: NormativeDocument, *, on: date, repealed: bool) -> None:
    """Mark the corpus entry 已废止 (repealed) or 失效 from ``on``, so search never shows it as
    current; its interpretation follows it."""
    ids = [i for i in (document.corpus_document_id, document.corpus_interpretation_id) if i]
    field = "repealed_on" if repealed else "expiry_date"
    LegalDocument.objects.filter(pk__in=ids).update(**{field: on})
