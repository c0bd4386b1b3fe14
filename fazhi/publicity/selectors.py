"""Reads of publicity records. The public ones return only what is published and in its period,
always masked; the staff ones return the queue with its overdue alarm."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet

from fazhi.publicity.domain.data import DecisionData
from fazhi.publicity.domain.enums import ExchangeStatus, Kind, Status
from fazhi.publicity.domain.masking import mask_free_text, public_data, withdrawn_public_data
from fazhi.publicity.models import ExportBatch, PublicityRecord

PUBLIC_STATUSES = (Status.PUBLISHED, Status.WITHDRAWN)


def source_unit(source_type: str, source_id: str):
    """The org unit of the decision behind a record (谁执法谁公示): the unit of its source row
    (an enforcement case, a licence application) when that row has one, else None."""
    from django.apps import apps
    from django.core.exceptions import ObjectDoesNotExist

    try:
        model = apps.get_model(source_type)
    except (LookupError, ValueError):
        return None
    if not any(f.name == "org_unit" for f in model._meta.get_fields()):
        return None
    try:
        return model._default_manager.select_related("org_unit").get(pk=source_id).org_unit
    except (ObjectDoesNotExist, ValueError):
        return None


def record_unit(record: PublicityRecord):
    """The unit whose staff publish and withdraw ``record``: its source's unit, else the unit
    whose configured authority (or name) is the record's 数据来源单位, else the root unit — a
    record nobody can place is the bureau's, so only bureau-wide roles act on it."""
    from django.conf import settings

    from fazhi.accounts.models import OrgUnit
    from fazhi.publicity.services.records import DEFAULT_AUTHORITIES

    unit = source_unit(record.source_type, record.source_id)
    if unit is not None:
        return unit
    table = {**DEFAULT_AUTHORITIES, **settings.FAZHI.get("PUBLICITY_AUTHORITIES", {})}
    codes = [code for code, e in table.items() if e.get("name") == record.source_unit]
    unit = (
        OrgUnit.objects.filter(code__in=codes).order_by("path").first()
        or OrgUnit.objects.filter(name=record.source_unit).order_by("path").first()
    )
    return unit or OrgUnit.objects.filter(parent=None).order_by("path").first()


def public_records(
    *, today: date, kind: str = "", year: int | None = None, query: str = ""
) -> QuerySet[PublicityRecord]:
    """Published decisions (and withdrawn ones that had been published) whose period has not
    ended; filters: kind, decision year, keyword (party, 文书号, content)."""
    qs = PublicityRecord.objects.filter(status__in=PUBLIC_STATUSES, published_on__isnull=False)
    qs = qs.filter(Q(publicity_ends_on__isnull=True) | Q(publicity_ends_on__gte=today))
    if kind:
        qs = qs.filter(kind=Kind(kind))
    if year:
        qs = qs.filter(decided_on__year=year)
    query = (query or "").strip()
    if query:
        # a withdrawn decision no longer shows its party or content, so it is not found by them
        # either (行政处罚法 第四十八条第二款)
        shown = ~Q(status=Status.WITHDRAWN) & (
            Q(party_name__icontains=query)
            | Q(content__icontains=query)
            | Q(violation_type__icontains=query)
        )
        qs = qs.filter(shown | Q(document_number__icontains=query))
    return qs.order_by("-published_on", "-id")


def public_record(*, pk: int, today: date) -> PublicityRecord | None:
    return public_records(today=today).filter(pk=pk).first()


@dataclass(frozen=True)
class PublicView:
    """A record as the public sees it: masked data plus its publicity facts."""

    record: PublicityRecord
    data: DecisionData

    @property
    def withdrawn(self) -> bool:
        return self.record.status == Status.WITHDRAWN

    @property
    def withdrawal_reason(self) -> str:
        """The published reason of a withdrawal, masked like any published free text."""
        return mask_free_text(self.record.withdrawal_reason)


def active_record_for(*, source_type: str, source_id: str) -> PublicityRecord | None:
    """The record of a producing decision that is still to be or being published (one per
    kind and source; a case has one kind)."""
    return (
        PublicityRecord.objects.filter(
            source_type=source_type,
            source_id=source_id,
            status__in=(Status.PENDING, Status.PUBLISHED),
        )
        .order_by("pk")
        .first()
    )


def latest_record_for(*, source_type: str, source_id: str) -> PublicityRecord | None:
    """The newest record of a producing decision, in any state (pending, published, withdrawn,
    ended)."""
    qs = PublicityRecord.objects.filter(source_type=source_type, source_id=source_id)
    return qs.order_by("-pk").first()


def record_of(decision) -> PublicityRecord | None:
    """The newest record of ``decision`` (an enforcement case, a licensing application), in any
    state: the decision's own page shows whether it was published, or withdrawn and why."""
    return latest_record_for(source_type=decision._meta.label_lower, source_id=str(decision.pk))


def undone(decisions) -> dict[int, str]:
    """Of ``decisions`` (one model), those whose publicity was withdrawn because the decision was
    撤销, 变更, 确认违法 or 确认无效 (行政处罚法 第四十八条第二款), by pk: the change."""
    decisions = list(decisions)
    if not decisions:
        return {}
    rows = PublicityRecord.objects.filter(
        source_type=decisions[0]._meta.label_lower,
        source_id__in=[str(d.pk) for d in decisions],
        status=Status.WITHDRAWN,
    ).values_list("source_id", "withdrawal_change")
    return {int(source_id): change for source_id, change in rows if change}


def public_view(record: PublicityRecord) -> PublicView:
    """The public side of a record: masked; of a withdrawn one only what names the act."""
    data = public_data(record.as_data())
    if record.status == Status.WITHDRAWN:
        data = withdrawn_public_data(data)
    return PublicView(record, data)


def public_years() -> list[int]:
    dates = PublicityRecord.objects.filter(
        status__in=PUBLIC_STATUSES, published_on__isnull=False
    ).dates("decided_on", "year", order="DESC")
    return [d.year for d in dates]


# --- staff --------------------------------------------------------------------------------


def staff_records(
    *, status: str = "", kind: str = "", query: str = ""
) -> QuerySet[PublicityRecord]:
    qs = PublicityRecord.objects.all()
    if status:
        qs = qs.filter(status=Status(status))
    if kind:
        qs = qs.filter(kind=Kind(kind))
    if query:
        qs = qs.filter(Q(party_name__icontains=query) | Q(document_number__icontains=query))
    if status == Status.PENDING:
        return qs.order_by("due_on", "id")
    return qs.order_by("-decided_on", "-id")


def overdue_records(*, today: date) -> QuerySet[PublicityRecord]:
    """The alarm: records past their publicity due date and still unpublished."""
    return PublicityRecord.objects.filter(status=Status.PENDING, due_on__lt=today).order_by(
        "due_on"
    )


def rejected_records() -> QuerySet[PublicityRecord]:
    return PublicityRecord.objects.filter(exchange_status=ExchangeStatus.REJECTED).order_by("-id")


def status_counts() -> dict[str, int]:
    counts = {s.value: 0 for s in Status}
    rows = PublicityRecord.objects.values("status").annotate(n=Count("id")).order_by()
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


def export_batches(*, limit: int = 50) -> QuerySet[ExportBatch]:
    return ExportBatch.objects.order_by("-created_at", "-id")[:limit]


def last_accepted_batch(*, kind: str) -> ExportBatch | None:
    return ExportBatch.objects.filter(kind=kind, status="accepted").order_by("-started_at").first()
