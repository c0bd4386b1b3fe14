"""The outbound feed to the city 行政执法监督平台 (天津市行政执法监督平台管理办法, 令第21号).

Format (version 1, UTF-8 JSON, one object per POST)::

    {"format": "fazhi-case/1", "agency": "<机关名称>", "reference": "<案件编号>",
     "unit": "<单位编码>", "power_item": "<权责事项编码>", "cause": "<案由>",
     "filed_on": "YYYY-MM-DD"|null, "decided_on": ..., "decision_number": "...",
     "outcome": "...", "fine_yuan": "1234.00"|null, "served_on": ..., "closed_on": ...,
     "acts": [{"seq": 1, "kind": "inspection", "on": "YYYY-MM-DD"}]}

The platform answers 2xx to accept. Anything else (or no answer) leaves the item pending; it is
retried with a growing delay (1, 2, 4 … 64 minutes, then hourly), and each attempt is logged on
the item, so nothing is lost while the far end is down. The endpoint is configuration
(``FAZHI["CITY_PLATFORM_URL"]``); without one nothing is sent and items wait.
"""

from __future__ import annotations

import hashlib
import json
import urllib.error
import urllib.request
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from fazhi.core.documents import agency_name
from fazhi.enforcement.models import Case
from fazhi.supervision.models import PushItem

CASE_TYPE = Case._meta.label_lower


def case_payload(case: Case, *, acts=None, agency: str | None = None) -> dict:
    """The case in the feed's format; ``acts`` (ordered by seq) and ``agency`` when the caller
    has them already (the scan loads them for a whole batch)."""

    def d(day):
        return day.isoformat() if day else None

    if acts is None:
        acts = case.acts.order_by("seq").only("seq", "kind", "on")
    return {
        "format": "fazhi-case/1",
        "agency": agency if agency is not None else agency_name(),
        "reference": case.reference,
        "unit": case.org_unit.code,
        "power_item": case.power_item.code if case.power_item_id else "",
        "cause": case.cause,
        "status": case.status,
        "filed_on": d(case.filed_on),
        "decided_on": d(case.decided_on),
        "decision_number": case.decision_number,
        "outcome": case.outcome,
        "fine_yuan": str(case.fine) if case.fine is not None else None,
        "served_on": d(case.served_on),
        "closed_on": d(case.closed_on),
        "acts": [{"seq": a.seq, "kind": a.kind, "on": d(a.on)} for a in acts],
    }


def _digest(payload: dict) -> str:
    return hashlib.sha256(
        json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()


def enqueue(case: Case) -> PushItem | None:
    """Queue the case's current content unless that exact content is already queued or sent."""
    payload = case_payload(case)
    item, created = PushItem.objects.get_or_create(
        subject_type=CASE_TYPE,
        subject_id=str(case.pk),
        digest=_digest(payload),
        defaults={"payload": payload, "next_attempt_at": timezone.now()},
    )
    return item if created else None


def enqueue_many(cases, acts: dict[int, list]) -> int:
    """``enqueue`` for a batch of cases in two queries (``acts``: each case's acts by seq);
    returns how many new contents were queued. The unique (record, digest) constraint keeps a
    concurrent run from queueing one content twice."""
    agency = agency_name()
    wanted = {}
    for case in cases:
        payload = case_payload(case, acts=acts.get(case.pk, []), agency=agency)
        wanted[(str(case.pk), _digest(payload))] = payload
    known = set(
        PushItem.objects.filter(
            subject_type=CASE_TYPE, subject_id__in={k for k, _ in wanted}
        ).values_list("subject_id", "digest")
    )
    now = timezone.now()
    new = [
        PushItem(
            subject_type=CASE_TYPE,
            subject_id=key,
            digest=digest,
            payload=payload,
            next_attempt_at=now,
        )
        for (key, digest), payload in wanted.items()
        if (key, digest) not in known
    ]
    PushItem.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


def _delay(attempts: int) -> timedelta:
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 60))


def send_due(*, now=None, timeout: float = 10.0, limit: int = 500) -> dict:
    """Send the pending items that are due, oldest first; returns the counts."""
    url = settings.FAZHI.get("CITY_PLATFORM_URL") or ""
    now = now or timezone.now()
    result = {"sent": 0, "failed": 0, "pending": 0}
    if url and not url.startswith(("http://", "https://")):
        raise ValueError("FAZHI['CITY_PLATFORM_URL'] must be an http(s) URL")
    if not url:
        result["pending"] = PushItem.objects.filter(status=PushItem.Status.PENDING).count()
        return result
    ids = list(
        PushItem.objects.filter(status=PushItem.Status.PENDING, next_attempt_at__lte=now)
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    for pk in ids:
        with transaction.atomic():
            item = PushItem.objects.select_for_update(skip_locked=True).filter(pk=pk).first()
            if item is None or item.status != PushItem.Status.PENDING:
                continue
            body = json.dumps(item.payload, ensure_ascii=False).encode()
            request = urllib.request.Request(  # noqa: S310 - scheme checked above
                url, data=body, method="POST", headers={"Content-Type": "application/json"}
            )
            item.attempts += 1
            at = timezone.now()
            try:
                with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
                    code = response.status
            except urllib.error.HTTPError as exc:
                code, error = exc.code, f"HTTP {exc.code}"
            except (urllib.error.URLError, OSError) as exc:
                code, error = None, str(getattr(exc, "reason", exc))[:500]
            if code is not None and 200 <= code < 300:
                item.status, item.accepted_at, item.last_error = PushItem.Status.ACCEPTED, at, ""
                item.log = [*item.log, {"at": at.isoformat(), "result": f"HTTP {code}"}]
                result["sent"] += 1
            else:
                item.last_error = error
                item.next_attempt_at = at + _delay(item.attempts)
                item.log = [*item.log, {"at": at.isoformat(), "result": error}]
                result["failed"] += 1
            item.save()
    result["pending"] = PushItem.objects.filter(status=PushItem.Status.PENDING).count()
    return result
