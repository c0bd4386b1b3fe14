"""The facts of cases the warning rules read (``domain.warnings.CaseFacts``), loaded for a batch
of cases at once: a fixed number of queries keyed by case id, whatever the batch's size, so the
daily scan reads a day's changes in a few queries per batch instead of a dozen per case
(issue 22: a day's changes at city scale in under a minute)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils import timezone

from fazhi.core.selectors.calendar import work_calendar
from fazhi.enforcement.domain import acts as act_rules
from fazhi.enforcement.domain import case_flow as flow
from fazhi.enforcement.models import Case, CaseAct, LegalReview
from fazhi.officers.domain import certificates as card_rules
from fazhi.officers.models import Certificate
from fazhi.officers.policy import card_policy
from fazhi.officers.selectors import card_facts
from fazhi.supervision.domain import warnings as rules

CASE_TYPE = Case._meta.label_lower
FINISHED = {flow.Status.REJECTED, flow.Status.WITHDRAWN}
#: the case row and what it reads through a join (the 听证 for the 法制审核 catalogue; the
#: unit and power item for the feed), for ``Case.objects.select_related``
CASE_RELATED = ("org_unit", "power_item", "hearing")
PUSH_EVENTS = (("filed_on", "立案信息"), ("decided_on", "处罚决定信息"), ("closed_on", "结案信息"))


def thresholds() -> dict:
    """The thresholds in force (configuration over the defaults); refuses a bad value."""
    return rules.parse_thresholds(settings.FAZHI.get("SUPERVISION_RULES") or {})


def _decimal(value) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _group(rows: Iterable, key: str) -> dict[int, list]:
    out: dict[int, list] = defaultdict(list)
    for row in rows:
        out[getattr(row, key)].append(row)
    return out


class CaseBatch:
    """What the rules read beside the case rows, for ``cases`` (rows loaded with
    ``select_related(*CASE_RELATED)``): acts with their officers, the 法制审核 rounds, the case's
    officers, every card of those officers with its history, the newest 公示 record, the
    先行登记保存 register and the feed's acceptance log. Ten queries, whatever the batch's size."""

    def __init__(self, cases: Iterable[Case]):
        from fazhi.publicity.models import PublicityRecord
        from fazhi.supervision.models import Preservation, PushItem

        self.cases = list(cases)
        ids = [c.pk for c in self.cases]
        keys = [str(i) for i in ids]
        acts = CaseAct.objects.filter(case_id__in=ids).prefetch_related("officers")
        self.acts = _group(acts.order_by("case_id", "seq"), "case_id")
        self.reviews = _group(LegalReview.objects.filter(case_id__in=ids).order_by("pk"), "case_id")
        through = Case.officers.through.objects.filter(case_id__in=ids).select_related("officer")
        self.officers: dict[int, list] = defaultdict(list)
        for link in through.order_by("pk"):
            self.officers[link.case_id].append(link.officer)
        officer_ids = {o.pk for rows in self.officers.values() for o in rows}
        officer_ids |= {o.pk for rows in self.acts.values() for a in rows for o in a.officers.all()}
        cards = Certificate.objects.filter(officer_id__in=officer_ids)
        self.cards = _group(
            cards.prefetch_related("reviews", "suspensions").order_by("-issued_on", "-pk"),
            "officer_id",
        )
        self.policy = card_policy()
        self.publicity: dict[int, PublicityRecord] = {}  # the newest record (as record_of)
        for record in PublicityRecord.objects.filter(
            source_type=CASE_TYPE, source_id__in=keys
        ).order_by("pk"):
            self.publicity[int(record.source_id)] = record
        self.preservations: dict[int, list] = defaultdict(list)
        for case_id, saved_on, handled_on in (
            Preservation.objects.filter(case_id__in=ids)
            .order_by("case_id", "saved_on", "pk")
            .values_list("case_id", "saved_on", "handled_on")
        ):
            self.preservations[case_id].append((saved_on, handled_on))
        self.accepted: dict[int, list] = defaultdict(list)
        for subject_id, payload, at in PushItem.objects.filter(
            subject_type=CASE_TYPE,
            subject_id__in=keys,
            status=PushItem.Status.ACCEPTED,
            accepted_at__isnull=False,
        ).values_list("subject_id", "payload", "accepted_at"):
            self.accepted[int(subject_id)].append((payload, at))

    def certified(self, officers, on: date) -> int:
        """How many of ``officers`` hold a card usable on ``on`` (officers.valid_certificate)."""
        return sum(
            1
            for o in officers
            if any(
                card_rules.is_usable(card_facts(c), on=on, policy=self.policy)
                for c in self.cards.get(o.pk, ())
            )
        )

    def pushes(self, case: Case) -> tuple[tuple[str, date, date | None], ...]:
        """Each event of the case the platform must receive — (what, when, the day the platform
        first accepted a version of the case carrying it, or None) — rule 10."""
        accepted = self.accepted.get(case.pk, ())
        out = []
        for key, label in PUSH_EVENTS:
            happened = getattr(case, key)
            if happened is None:
                continue
            days = [
                timezone.localdate(at)
                for payload, at in accepted
                if payload.get(key) == happened.isoformat()
            ]
            out.append((label, happened, min(days) if days else None))
        return tuple(out)

    def facts(self, case: Case) -> rules.CaseFacts:
        acts = self.acts.get(case.pk, [])
        kinds = {a.kind for a in acts}
        reviews = self.reviews.get(case.pk, [])
        publicity = self.publicity.get(case.pk) if case.decided_on else None
        proposal = case.proposal or {}
        return rules.CaseFacts(
            procedure=case.procedure,
            filed_on=case.filed_on,
            decided_on=case.decided_on,
            finished=case.status in FINISHED,
            extended=act_rules.ActKind.EXTENSION in kinds,
            fine=case.fine,
            proposal_min=_decimal(proposal.get("min_amount")),
            proposal_max=_decimal(proposal.get("max_amount")),
            departure_reason=case.departure_reason,
            review_required=bool(reviews)
            or any(
                (
                    case.is_public_interest,
                    case.is_social_impact,
                    case.is_major_rights,
                    case.is_complex,
                )
            ),
            review_agreed=any(r.opinion == "agree" and r.reviewed_on for r in reviews),
            decision_officers=(
                self.certified(self.officers.get(case.pk, []), case.decided_on)
                if case.decided_on
                else 0
            ),
            acts=tuple(
                rules.ActFacts(a.get_kind_display(), a.on, self.certified(a.officers.all(), a.on))
                for a in acts
                if a.kind in act_rules.TWO_OFFICER_KINDS
            ),
            hearing_told=bool(case.hearing_reasons),
            review_by_catalogue=_review_by_catalogue(case),
            hearing_right=_hearing_right(case),
            serious=case.is_serious,
            discussed=act_rules.ActKind.DISCUSSION in kinds,
            served_on=case.served_on,
            payment_due=case.payment_due,
            paid_on=case.paid_on,
            reminded_on=case.reminded_on,
            court_applied_on=case.court_applied_on,
            publicity_due=getattr(publicity, "due_on", None),
            published_on=getattr(publicity, "published_on", None),
            changed_on=getattr(publicity, "changed_on", None),
            withdrawn_on=getattr(publicity, "withdrawn_on", None),
            preservations=tuple(self.preservations.get(case.pk, ())),
            pushes=self.pushes(case),
        )


def case_facts(case: Case) -> rules.CaseFacts:
    """The facts of one case (a batch of one)."""
    return CaseBatch([case]).facts(case)


def _review_by_catalogue(case: Case) -> bool | None:
    """Whether enforcement's 法制审核 catalogue lists the case (None when it cannot say)."""
    from fazhi.enforcement.services.cases_common import review_triggers

    try:
        if case.decided_on is None:
            return bool(review_triggers(case))
        return bool(
            review_triggers(
                case,
                fine=case.fine or Decimal(0),
                measures=case.measures or [],
                outcome=case.outcome,
            )
        )
    except Exception:
        return None


def _hearing_right(case: Case) -> bool | None:
    """Whether the decided penalty carried a hearing right, by enforcement's thresholds."""
    if case.decided_on is None:
        return None
    from fazhi.enforcement.domain import hearing as hearing_rules
    from fazhi.enforcement.services.cases_common import hearing_thresholds

    try:
        return bool(
            hearing_rules.hearing_triggers(
                fine=case.fine or Decimal(0),
                party_kind=case.party_kind,
                measures=frozenset(case.measures or ()),
                thresholds=hearing_thresholds(),
            )
        )
    except Exception:
        return None


def case_findings(case: Case, *, today: date) -> list[rules.Finding]:
    return rules.evaluate(
        case_facts(case), today=today, thresholds=thresholds(), cal=work_calendar()
    )
