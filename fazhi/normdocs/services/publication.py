"""统一登记编号, 印发/公布, 备案 and 有效期: from an approved draft to a document in force."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from fazhi.accounts.permissions import NORMDOCS_ADMINISTER, SYSTEM, require
from fazhi.core.caching import bump
from fazhi.core.domain import entry_dates
from fazhi.core.domain.docnum import check_number_order
from fazhi.core.domain.errors import Refused as CoreRefused
from fazhi.core.services.audit import person
from fazhi.decisions.domain.competition import basis_on, may_publish
from fazhi.normdocs import corpus
from fazhi.normdocs.domain.errors import Refused
from fazhi.normdocs.domain.numbering import format_number, next_serial
from fazhi.normdocs.domain.states import Action, Stage
from fazhi.normdocs.domain.validity import (
    out_of_force_from,
    reminder_date,
    term_years,
    valid_until,
)
from fazhi.normdocs.models import NormativeDocument, NumberCounter
from fazhi.normdocs.models.document import FilingResult
from fazhi.normdocs.selectors import competition_reviews
from fazhi.normdocs.services._common import (
    RULE_FILING,
    advance,
    clock_close_all,
    clock_meet,
    clock_open,
    expiry_reminder_open,
    filing_body,
    lock,
    not_before,
    record,
    today,
    validity_policy,
)


def _check_typed(day: date, label: str) -> None:
    """A typed date never lies after the day of entry (issue 18.5: the platform's rule for every
    typed date; no statute of its own for 规范性文件, so none is cited)."""
    try:
        entry_dates.check_not_future(day, timezone.localdate(), label, basis="")
    except CoreRefused as exc:
        raise Refused("date_in_future", str(exc)) from None


def _take_serial(prefix: str, year: int) -> int:
    """The next serial of ``prefix``/``year``, from the counter row locked for this transaction.

    Two registrations at once queue on the row lock, so each reads the other's committed
    serial: no duplicate, and a rolled-back registration also rolls back its increment, so no
    gap. The unique constraint on the document is the second guard.
    """
    NumberCounter.objects.get_or_create(prefix=prefix, year=year)
    counter = NumberCounter.objects.select_for_update().get(prefix=prefix, year=year)
    counter.last_serial = next_serial(counter.last_serial)
    counter.save(update_fields=["last_serial"])
    return counter.last_serial


@transaction.atomic
def document_register(
    *, document: NormativeDocument, actor, on: date | None = None
) -> NormativeDocument:
    """统一登记、统一编号: assign ``津人社规字〔YYYY〕N号`` (N sequential within the year).

    Audits ``normdocs.document.register``.
    """
    document = lock(document)
    require(actor, NORMDOCS_ADMINISTER, unit=document.org_unit)
    day = today(on)
    _check_typed(day, "登记日期")
    previous = advance(document, Action.REGISTER)
    not_before(day, document.deliberations.latest("id").held_on, "集体审议日期")
    serial = _take_serial(document.number_prefix, day.year)  # locked: the check is race-free
    latest = (
        NormativeDocument.objects.filter(number_prefix=document.number_prefix)
        .filter(number_year=day.year)
        .exclude(registered_on=None)
        .exclude(pk=document.pk)
        .order_by("-registered_on", "-number_serial")
        .values_list("registered_on", "doc_number")
        .first()
    )
    try:  # issue 18.5: 文号 follow the registration dates, not the order of entry
        check_number_order(
            decided_on=day,
            latest_on=latest[0] if latest else None,
            latest_number=latest[1] if latest else "",
            act="登记",
            what="文件",
        )
    except CoreRefused as exc:
        raise Refused("number_order", str(exc)) from None
    document.number_year, document.number_serial = day.year, serial
    document.doc_number = format_number(document.number_prefix, day.year, serial)
    document.registered_on = day
    document.save(
        update_fields=[
            "stage",
            "number_year",
            "number_serial",
            "doc_number",
            "registered_on",
            "updated_at",
        ]
    )
    record(
        actor=actor,
        verb="register",
        document=document,
        previous=previous,
        doc_number=document.doc_number,
    )
    return document


@transaction.atomic
def document_publish(
    *,
    document: NormativeDocument,
    interpretation_title: str,
    interpretation_text: str,
    actor,
    on: date | None = None,
    effective_on: date | None = None,
) -> NormativeDocument:
    """印发/公布 with its 政策解读: the document and the interpretation enter the legal corpus
    (searchable at once), the filing period starts (``normdoc.filing``), the term is set (5 years,
    2 for 暂行/试行, configurable) and the evaluation reminder before expiry is put on the clock.

    Refused without an interpretation (published together: seed report 二(三)).
    Audits ``normdocs.document.publish``.
    """
    document = lock(document)
    require(actor, NORMDOCS_ADMINISTER, unit=document.org_unit)
    day = today(on)
    previous = advance(document, Action.PUBLISH)
    not_before(day, document.registered_on, "登记日期")
    review = competition_reviews(document).last()
    if review is None or not may_publish(review.conclusion):
        # 《公平竞争审查条例》第十八条 (before 2024-08-01 国发〔2016〕34号): no conclusion, or a
        # failing one, and the measure is not issued
        raise Refused(
            "competition_conclusion_missing",
            f"未经公平竞争审查或审查结论为不得出台的文件不得公布（依据：{basis_on(day, '第十八条')}）。",
        )
    if not interpretation_text.strip():
        raise Refused("interpretation_required", "政策解读应与文件同步公布，请填写政策解读内容。")
    effective = effective_on or day
    not_before(effective, day, "公布日期")
    policy = validity_policy()
    years = term_years(document.title, policy)
    document.published_on, document.effective_on = day, effective
    document.valid_until = valid_until(effective, years)
    document.interpretation_title = interpretation_title.strip()
    document.interpretation_text = interpretation_text.strip()
    document.filing_body = document.filing_body or filing_body()
    clock_open(document=document, rule=RULE_FILING, start=day, actor=actor, owner=person(actor))
    reminder = expiry_reminder_open(
        document=document, due=reminder_date(document.valid_until, policy), actor=actor
    )
    document.corpus_document_id, document.corpus_interpretation_id = corpus.publish(document)
    document.save()
    record(
        actor=actor,
        verb="publish",
        document=document,
        previous=previous,
        published_on=day,
        effective_on=effective,
        valid_until=document.valid_until,
        term_years=years,
        expiry_reminder=reminder.due,
        corpus_document=document.corpus_document_id,
    )
    bump("normdocs", "laws")  # public pages show it (and the corpus): a new version on commit
    return document


@transaction.atomic
def document_file(
    *, document: NormativeDocument, actor, on: date | None = None, body: str = ""
) -> NormativeDocument:
    """报送备案 (有件必备); meets the filing deadline. Audits ``normdocs.document.file``."""
    document = lock(document)
    require(actor, NORMDOCS_ADMINISTER, unit=document.org_unit)
    day = today(on)
    previous = advance(document, Action.FILE)
    not_before(day, document.published_on, "公布日期")
    document.filed_on = day
    document.filing_body = body.strip() or document.filing_body or filing_body()
    clock_meet(document=document, rule=RULE_FILING, on=day, actor=actor)
    document.save(update_fields=["stage", "filed_on", "filing_body", "updated_at"])
    record(actor=actor, verb="file", document=document, previous=previous, filed_on=day)
    return document


@transaction.atomic
def document_record_filing_review(
    *, document: NormativeDocument, result: str, opinion: str, actor, on: date | None = None
) -> NormativeDocument:
    """The filing body's 备案审查 result: 无异议 → 有效; 责令纠正 → 纠正 (有错必纠).

    Audits ``normdocs.document.filing_result``.
    """
    document = lock(document)
    require(actor, NORMDOCS_ADMINISTER, unit=document.org_unit)
    day = today(on)
    try:
        outcome = FilingResult(result)
    except ValueError:
        raise Refused("invalid_input", "备案审查结果只能是审查通过或责令纠正。") from None
    if outcome == FilingResult.CORRECTION and not opinion.strip():
        raise Refused("opinion_required", "责令纠正的，请记录备案审查机关的纠正意见。")
    target = Stage.IN_FORCE if outcome == FilingResult.NO_OBJECTION else Stage.CORRECTION
    previous = advance(document, Action.FILING_RESULT, target)
    not_before(day, document.filed_on, "报送备案日期")
    document.filing_result, document.filing_opinion = outcome.value, opinion.strip()
    document.filing_reviewed_on = day
    document.save(
        update_fields=[
            "stage",
            "filing_result",
            "filing_opinion",
            "filing_reviewed_on",
            "updated_at",
        ]
    )
    record(actor=actor, verb="filing_result", document=document, previous=previous, result=outcome)
    return document


@transaction.atomic
def document_correct(
    *, document: NormativeDocument, note: str, actor, on: date | None = None
) -> NormativeDocument:
    """Record that the correction order was carried out. Audits ``normdocs.document.correct``."""
    document = lock(document)
    require(actor, NORMDOCS_ADMINISTER, unit=document.org_unit)
    day = today(on)
    previous = advance(document, Action.CORRECT)
    not_before(day, document.filing_reviewed_on, "备案审查日期")
    if not note.strip():
        raise Refused("note_required", "请说明纠正情况（修改、废止或停止执行的内容）。")
    document.corrected_on, document.correction_note = day, note.strip()
    document.save(update_fields=["stage", "corrected_on", "correction_note", "updated_at"])
    record(actor=actor, verb="correct", document=document, previous=previous, corrected_on=day)
    bump("normdocs", "laws")  # public pages show it (and the corpus): a new version on commit
    return document


def end_document(
    *, document: NormativeDocument, action: Action, on: date, reason: str, actor
) -> NormativeDocument:
    """Stop a document in force (废止 / 宣布失效 / 届满): stage, corpus status, open deadlines.

    Runs in the caller's transaction with ``document`` already locked. Audits
    ``normdocs.document.<repeal|invalidate|expire>``.
    """
    require(actor, NORMDOCS_ADMINISTER, unit=document.org_unit)
    previous = advance(document, action)
    document.ended_on, document.end_reason = on, reason.strip()[:200]
    document.save(update_fields=["stage", "ended_on", "end_reason", "updated_at"])
    corpus.end(document, on=on, repealed=action == Action.REPEAL)
    clock_close_all(document=document, actor=actor, reason=f"文件{document.stage_label}")
    record(actor=actor, verb=action.value, document=document, previous=previous, on=on)
    bump("normdocs", "laws")  # public pages show it (and the corpus): a new version on commit
    return document


@transaction.atomic
def document_expire(
    *, document: NormativeDocument, actor, on: date | None = None
) -> NormativeDocument:
    """有效期届满, registered by 法规处 on ``on`` (today): refused while the term still runs.

    The document ends on the day after its last day in force, however late this is registered.
    Audits ``normdocs.document.expire``.
    """
    require(actor, NORMDOCS_ADMINISTER, unit=document.org_unit)
    bump("normdocs", "laws")  # public pages show it (and the corpus): a new version on commit
    return _expire(document=lock(document), actor=actor, on=today(on))


def _expire(*, document: NormativeDocument, actor, on: date) -> NormativeDocument:
    if document.valid_until is None or on <= document.valid_until:
        until = f"{document.valid_until:%Y年%m月%d日}" if document.valid_until else "未设定"
        raise Refused("term_running", f"有效期至{until}，尚未届满。")
    return end_document(
        document=document,
        action=Action.EXPIRE,
        on=out_of_force_from(document.valid_until),
        reason="有效期届满",
        actor=actor,
    )


def documents_expire_due(*, on: date | None = None) -> list[NormativeDocument]:
    """The daily job: 有效期届满 of every document in force whose term ended before ``on``.

    By the system (no person to check), one transaction per document: what is done stays done
    if a later one fails, and a second run finds nothing left.
    """
    day = today(on)
    due = NormativeDocument.objects.in_force().filter(valid_until__lt=day)
    ended = []
    for document in due.order_by("valid_until", "pk"):
        with transaction.atomic():
            ended.append(_expire(document=lock(document), actor=SYSTEM, on=day))
    bump("normdocs", "laws")  # public pages show it (and the corpus): a new version on commit
    return ended
