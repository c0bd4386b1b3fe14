"""登记存量文件: entering a document issued before the platform, so the ledger is complete.

The seed report's plan (三) asks for "完整的规范性文件台账"; documents made before the platform
did not go through its steps, so they enter the ledger as issued, with their own number and
dates, and the cleanup can assess them.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

from fazhi.accounts.permissions import NORMDOCS_ADMINISTER, require
from fazhi.core.caching import bump
from fazhi.core.domain.docnum import DocNumberError, parse_docnum
from fazhi.normdocs import corpus
from fazhi.normdocs.domain.articles import split_articles
from fazhi.normdocs.domain.errors import Refused
from fazhi.normdocs.domain.states import Stage
from fazhi.normdocs.domain.validity import reminder_date, term_years, valid_until
from fazhi.normdocs.models import DocumentArticle, NormativeDocument, NumberCounter
from fazhi.normdocs.services._common import (
    expiry_reminder_open,
    filing_body,
    record,
    validity_policy,
)


@transaction.atomic
def document_enter_existing(
    *,
    title: str,
    doc_number: str,
    body: str,
    org_unit,
    published_on: date,
    actor,
    effective_on: date | None = None,
    filed_on: date | None = None,
) -> NormativeDocument:
    """Enter a document already in force under its own 文号. The per-year counter moves up to
    its serial, so the next registration never reuses it. Audits ``normdocs.document.enter``."""
    require(actor, NORMDOCS_ADMINISTER)
    try:
        number = parse_docnum(doc_number)
    except DocNumberError as exc:
        raise Refused("invalid_doc_number", f"文号无效：{exc}") from exc
    if number.year is None:
        raise Refused("invalid_doc_number", "规范性文件文号应含年份，如“津人社规字〔2018〕3号”。")
    canonical_number = str(number)
    if NormativeDocument.objects.filter(doc_number=canonical_number).exists():
        raise Refused("duplicate_number", f"文号“{canonical_number}”已经登记。")
    texts = split_articles(body)
    policy = validity_policy()
    effective = effective_on or published_on
    document = NormativeDocument.objects.create(
        title=title.strip(),
        org_unit=org_unit,
        drafter=actor,
        stage=Stage.IN_FORCE if filed_on else Stage.PUBLISHED,
        drafted_on=published_on,
        number_prefix=number.issuer,
        number_year=number.year,
        number_serial=number.serial,
        doc_number=canonical_number,
        registered_on=published_on,
        published_on=published_on,
        effective_on=effective,
        valid_until=valid_until(effective, term_years(title, policy)),
        filing_body=filing_body(),
        filed_on=filed_on,
        filing_result="no_objection" if filed_on else "",
    )
    DocumentArticle.objects.bulk_create(
        DocumentArticle(document=document, number=n, text=t) for n, t in enumerate(texts, 1)
    )
    counter, _ = NumberCounter.objects.get_or_create(prefix=number.issuer, year=number.year)
    counter = NumberCounter.objects.select_for_update().get(pk=counter.pk)
    if counter.last_serial < number.serial:
        counter.last_serial = number.serial
        counter.save(update_fields=["last_serial"])
    expiry_reminder_open(
        document=document, due=reminder_date(document.valid_until, policy), actor=actor
    )
    document.corpus_document_id, document.corpus_interpretation_id = corpus.publish(document)
    document.save(update_fields=["corpus_document_id", "corpus_interpretation_id"])
    record(
        actor=actor,
        verb="enter",
        document=document,
        previous="",
        doc_number=canonical_number,
        published_on=published_on,
    )
    bump("normdocs", "laws")  # public pages show it (and the corpus): a new version on commit
    return document
