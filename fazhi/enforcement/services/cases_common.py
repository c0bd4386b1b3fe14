"""Shared plumbing of the case services: the row lock and version check, the audit event, the
case file's acts, officers, evidence and configuration. Not a service itself."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import date
from typing import IO, Any

from django.conf import settings
from django.core.files.storage import storages

from fazhi.accounts.permissions import has_role
from fazhi.accounts.roles import LEADER
from fazhi.core.domain import citations as cit
from fazhi.core.domain import evidence as evidence_rules
from fazhi.core.domain.errors import Refused
from fazhi.core.models import EvidenceFile
from fazhi.core.models.deadline import DeadlineStatus
from fazhi.core.selectors.deadlines import deadlines_for_subject
from fazhi.core.services import audit, entry_dates
from fazhi.core.services.evidence import evidence_ingest
from fazhi.enforcement.domain import case_flow as flow
from fazhi.enforcement.domain import entry_dates as entry_rules
from fazhi.enforcement.domain import hearing as hearing_rules
from fazhi.enforcement.domain import review as review_rules
from fazhi.enforcement.domain.errors import ErrorCode
from fazhi.enforcement.models import Case, CaseAct, CaseCounter, CaseDateEntry
from fazhi.officers.models import Officer
from fazhi.officers.selectors import check_officers_can_act

STALE = "案件已被他人更新，请刷新后重试"
PENALTY_LAW = flow.PENALTY_LAW
EVIDENCE_BASIS = f"{PENALTY_LAW}第四十六条；国办发〔2018〕118号（九）"


def evidence_basis(on: date | None) -> str:
    """2021 第四十六条 (证据必须经查证属实); 2017 第三十六、三十七条 (全面调查, 收集证据); 118号 (九)."""
    return flow.basis_text([(cit.PENALTY, "evidence"), "国办发〔2018〕118号（九）"], on)


class StaleVersion(Refused):
    """Someone else changed the case since the user loaded it."""

    default_code = ErrorCode.STALE_VERSION


# Upload = (file object, original name).
Upload = tuple[IO[bytes], str]


def option(key: str, default: Any = None) -> Any:
    return settings.FAZHI.get(key, default)


def catalogue() -> review_rules.Catalogue:
    return review_rules.Catalogue.from_setting(option("LEGAL_REVIEW_CATALOGUE"))


def hearing_thresholds() -> hearing_rules.Thresholds:
    return hearing_rules.Thresholds.from_setting(option("HEARING_FINE_THRESHOLDS"))


def lock(case: Case, seen_version: int | None) -> Case:
    """The case row locked for this transaction; `Refused` if someone changed it meanwhile."""
    locked = Case.objects.select_for_update().get(pk=case.pk)
    if seen_version is not None and int(seen_version) != locked.version:
        raise StaleVersion(STALE)
    return locked


def save(case: Case, *fields: str) -> None:
    case.version += 1
    case.save(update_fields=[*fields, "version", "updated_at"])


def move(case: Case, action: flow.Action, on: date | None = None) -> str:
    """Advance the case; a refusal cites the law in force on ``on`` (the step's date)."""
    previous = case.status
    case.status = flow.check_transition(case.status, action, on)
    return previous


def record(case: Case, verb: str, actor, **data) -> None:
    audit.record(actor=actor, action=f"enforcement.case.{verb}", target=case, data=data)


def take_serial(key: str, year: int) -> int:
    """Next serial of ``key``/``year`` from the counter row locked for this transaction: two
    numberings at once queue on the lock; a rollback also rolls back the increment."""
    CaseCounter.objects.get_or_create(key=key, year=year)
    counter = CaseCounter.objects.select_for_update().get(key=key, year=year)
    counter.last_serial += 1
    counter.save(update_fields=["last_serial"])
    return counter.last_serial


# --- people -----------------------------------------------------------------------------------


def is_leader(user) -> bool:
    """Holds the 局领导 role (by ``Role.code``; a superuser is not a 负责人 by that alone)."""
    return has_role(user, LEADER)


def investigator_user_ids(case: Case) -> set[int]:
    """Users who investigated the case: assigned officers and officers named on any act."""
    ids = set(case.officers.exclude(user=None).values_list("user_id", flat=True))
    ids |= set(
        Officer.objects.filter(enforcement_acts__case=case)
        .exclude(user=None)
        .values_list("user_id", flat=True)
    )
    return ids


def officers_that_can_act(officers: Sequence[Officer], on: date) -> list[Officer]:
    """Two or more distinct officers, each with a card usable on ``on`` (行政处罚法 第四十二条)."""
    distinct = list({o.pk: o for o in officers}.values())
    check_officers_can_act(officers=distinct, on=on)
    return distinct


# --- the case file ------------------------------------------------------------------------------


def add_act(
    case: Case,
    *,
    kind: str,
    on: date,
    summary: str,
    actor,
    officers: Iterable[Officer] = (),
    evidence: Iterable[EvidenceFile] = (),
    place: str = "",
    data: dict | None = None,
) -> CaseAct:
    """Append an act to the (locked) case's file with the next 卷内序号."""
    last = case.acts.order_by("-seq").values_list("seq", flat=True).first() or 0
    act = CaseAct.objects.create(
        case=case,
        seq=last + 1,
        kind=kind,
        on=on,
        summary=summary.strip(),
        place=place.strip(),
        data=data or {},
        recorded_by=audit.person(actor),
    )
    if officers:
        act.officers.set(officers)
    if evidence:
        act.evidence.set(evidence)
    return act


def sniff_uploads(uploads: Sequence[Upload]) -> list[str]:
    """MIME types of the uploads as the evidence store will classify them (reads the head only,
    rewinds), so a rule depending on them is checked before anything is stored."""
    types = []
    for fileobj, name in uploads:
        start = fileobj.tell() if hasattr(fileobj, "tell") else 0
        head = fileobj.read(evidence_rules.SNIFF_BYTES)
        fileobj.seek(start)
        file_type = evidence_rules.classify(
            candidates=evidence_rules.sniff(head), original_name=name, declared_type=None
        )
        types.append(file_type.mime)
    return types


def ingest(case: Case, uploads: Sequence[Upload], actor) -> list[EvidenceFile]:
    return [
        evidence_ingest(fileobj=f, original_name=name, actor=actor, case_ref=case.reference)
        for f, name in uploads
    ]


def stored_sha256(evidence: EvidenceFile) -> str:
    storage = storages["evidence"]
    if not storage.exists(evidence.storage_name):
        return ""
    digest = hashlib.sha256()
    with storage.open(evidence.storage_name, "rb") as stream:
        while chunk := stream.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def check_evidence_intact(files: Iterable[EvidenceFile], on: date | None = None) -> None:
    """Re-hash each file; refuse if one is missing or no longer matches its ingest hash."""
    for evidence in files:
        actual = stored_sha256(evidence)
        if actual != evidence.sha256:
            what = "已缺失" if not actual else "哈希与入库时不一致（可能被篡改）"
            raise Refused(f"证据文件“{evidence.original_name}”{what}，不能使用", evidence_basis(on))


def case_evidence(case: Case):
    return EvidenceFile.objects.filter(enforcement_acts__case=case).distinct().order_by("pk")


# --- typed dates and the system's -------------------------------------------------------------


def check_typed(step: str, on: date) -> None:
    """Refuse a typed date after today, before anything is written (call it first)."""
    entry_dates.check_typed(on, entry_rules.STEP_LABELS.get(step, "日期"))


def enter_date(case: Case, step: str, on: date, actor, *, meets=None) -> CaseDateEntry:
    """Keep the typed date ``on`` of ``step`` beside the system's date and time of entry and the
    person; flag it (``core/domain/entry_dates.py``). ``meets``: the bureau's open clock this
    step answers, met here on the system's date."""
    return entry_dates.record_typed_date(
        CaseDateEntry, owner={"case": case}, step=step, on=on, actor=actor, meets=meets
    )


# --- deadlines ----------------------------------------------------------------------------------


def open_deadline(case_or_subject, *rule_codes: str):
    return (
        deadlines_for_subject(subject=case_or_subject)
        .filter(status=DeadlineStatus.OPEN, rule_code__in=rule_codes)
        .first()
    )


def case_owner(case: Case):
    """Whose 我的期限 the case's new deadlines go to: the owner of its latest owned deadline — the
    主办 officer named first at 立案, or before it the person who registered the case."""
    latest = deadlines_for_subject(subject=case).filter(owner__isnull=False).select_related("owner")
    found = latest.order_by("-id").first()
    return found.owner if found else None


def open_deadlines(case: Case):
    return deadlines_for_subject(subject=case).filter(status=DeadlineStatus.OPEN)


# --- 法制审核 triggers ----------------------------------------------------------------------------


def review_facts(case: Case, *, fine=None, measures=None, outcome=None) -> review_rules.ReviewFacts:
    hearing = getattr(case, "hearing", None) if case.pk else None
    heard = bool(hearing and hearing.record_id and not hearing.waived)
    return review_rules.ReviewFacts(
        fine=fine if fine is not None else (case.proposed_fine or 0),
        party_kind=case.party_kind,
        measures=frozenset(measures if measures is not None else case.proposed_measures),
        outcome=outcome or case.proposed_outcome or review_rules.Outcome.PENALTY,
        public_interest=case.is_public_interest,
        social_impact=case.is_social_impact,
        major_rights=case.is_major_rights,
        complex_case=case.is_complex,
        heard=heard,
    )


def review_triggers(case: Case, on: date | None = None, **decision) -> list[review_rules.Trigger]:
    """The 法制审核 catalogue entries the case meets, citing the law in force on ``on``."""
    found = {t.code: t for t in review_rules.review_triggers(review_facts(case), catalogue(), on)}
    if decision:
        extra = review_rules.review_triggers(review_facts(case, **decision), catalogue(), on)
        found.update({t.code: t for t in extra})
    return list(found.values())
