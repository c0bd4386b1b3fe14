"""Reads of 双随机一公开. The public ones return only what is published: the item list once
published, draws with their commitment, the seed only after the reveal, results once published."""

from __future__ import annotations

import gzip
from dataclasses import dataclass

from django.core.files.storage import storages
from django.db.models import Count, Q, QuerySet

from fazhi.core.domain.identifiers import validate_uscc
from fazhi.inspections.domain import draw as algo
from fazhi.inspections.models import (
    Check,
    CheckResult,
    Draw,
    Employer,
    InspectionItem,
    InspectionPlan,
)

PAGE = 50
STORE = "evidence"  # frozen lists live in the evidence storage (filesystem or S3)
LIST_DIR = "inspections/draw-lists"
FETCH = 20_000


def frozen_storage():
    return storages[STORE]


def list_path(sha: str) -> str:
    return f"{LIST_DIR}/{sha}.txt.gz"


def read_frozen(draw: Draw) -> bytes:
    """The frozen candidate list of a draw, as committed (uncompressed)."""
    with frozen_storage().open(draw.list_path, "rb") as fh:
        return gzip.decompress(fh.read())


def result_bytes(draw: Draw) -> bytes:
    """The canonical result as published (same bytes as ``DrawResult.canonical``)."""
    rows = draw.checks.order_by("index").values_list(
        "index",
        "uscc",
        "stratum",
        "first_inspector__certificate_number",
        "second_inspector__certificate_number",
    )
    lines = ["\t".join(str(v) for v in row) for row in rows.iterator(chunk_size=FETCH)]
    return ("\n".join(lines) + "\n").encode() if lines else b""


def item_list(*, published_only: bool = False) -> QuerySet[InspectionItem]:
    qs = InspectionItem.objects.filter(is_active=True).select_related("power_item")
    return qs.filter(is_published=True) if published_only else qs


def strata() -> list[str]:
    """The strata (抽查分层) of the directory's active employers, for the share inputs."""
    rows = Employer.objects.filter(is_active=True).values_list("stratum", flat=True)
    return sorted(s for s in rows.order_by().distinct() if s)


def employer_search(*, query: str = "", district: str = "", stratum: str = "") -> QuerySet:
    qs = Employer.objects.all()
    if query:
        qs = qs.filter(Q(uscc__startswith=query.upper()) | Q(name__contains=query))
    if district:
        qs = qs.filter(district=district)
    if stratum:
        qs = qs.filter(stratum=stratum)
    return qs.order_by("uscc")


def plan_list() -> QuerySet[InspectionPlan]:
    return InspectionPlan.objects.prefetch_related("items").annotate(draw_count=Count("draws"))


def draw_list(*, year: int | None = None) -> QuerySet[Draw]:
    qs = Draw.objects.select_related("plan", "redraw_of", "beacon_entered_by")
    qs = qs.annotate(check_count=Count("checks"))
    return qs.filter(plan__year=year) if year else qs


def public_seed(draw: Draw) -> str:
    """The seed, or "" while it is still secret (before the reveal)."""
    return draw.seed_hex if draw.status == Draw.Status.REVEALED else ""


def check_list(*, draw: Draw) -> QuerySet[Check]:
    return draw.checks.select_related("first_inspector", "second_inspector", "result").order_by(
        "index"
    )


def published_results(*, year: int | None = None) -> QuerySet[CheckResult]:
    qs = CheckResult.objects.filter(published_on__isnull=False).select_related(
        "check_record__draw__plan"
    )
    if year:
        qs = qs.filter(check_record__draw__plan__year=year)
    return qs.order_by("-published_on", "check_record__uscc")


@dataclass(frozen=True)
class Lookup:
    uscc: str
    valid: bool
    reason: str
    checks: list[Check]


def employer_lookup(*, uscc: str, draw: Draw | None = None) -> Lookup:
    """Was this employer drawn (in ``draw``, or in any draw)? Only published draws count: a
    draw's checks are public once drawn."""
    result = validate_uscc(uscc)
    if not result.is_valid:
        return Lookup(uscc, False, result.reason, [])
    qs = Check.objects.filter(
        uscc=result.normalised, draw__status__in=[Draw.Status.DRAWN, Draw.Status.REVEALED]
    ).select_related("draw")
    if draw is not None:
        qs = qs.filter(draw=draw)
    return Lookup(result.normalised, True, "", list(qs.order_by("-draw__committed_at")))


def draw_verification(draw: Draw) -> algo.Verification | None:
    """Server-side re-run of a revealed draw against its commitment and stored result."""
    if draw.status != Draw.Status.REVEALED:
        return None
    return algo.verify(
        frozen=read_frozen(draw),
        seed=bytes.fromhex(draw.seed_hex),
        list_commitment=draw.list_sha256,
        seed_commitment=draw.seed_sha256,
        published=result_bytes(draw),
        algorithm=draw.algorithm,
        beacon=draw.beacon_value,
    )


@dataclass(frozen=True)
class Coverage:
    item: InspectionItem
    plans: int
    checks: int
    results: int

    @property
    def covered(self) -> bool:
        return self.results > 0


def coverage(*, year: int) -> tuple[list[Coverage], float]:
    """全覆盖: for each item on the list, the year's checks and entered results; the share of
    items with at least one result (国发〔2019〕5号)."""
    rows = []
    done = Q(draw__status__in=[Draw.Status.DRAWN, Draw.Status.REVEALED], draw__plan__year=year)
    for item in item_list().filter(is_published=True):
        checks = Check.objects.filter(done, draw__plan__items=item)
        rows.append(
            Coverage(
                item=item,
                plans=item.plans.filter(year=year).count(),
                checks=checks.count(),
                results=checks.filter(result__isnull=False).count(),
            )
        )
    rate = sum(r.covered for r in rows) / len(rows) if rows else 0.0
    return rows, rate
