"""JSON API at /api/v1/inspections: the published item list and draws (public, read-only).

A draw shows its commitment from the start, its seed only after the reveal, and its result once
drawn; ``/draws/{id}/verify`` re-runs it on the server.
"""

from __future__ import annotations

from django.http import Http404
from ninja import Router, Schema

from fazhi.core.api.params import Year
from fazhi.inspections import selectors
from fazhi.inspections.models import Draw

router = Router(tags=["inspections"])


class InspectionItemOut(Schema):
    code: str
    name: str
    power_item: str
    basis: str
    method: str
    item_class: str
    shares: dict
    published_on: str | None


class DrawOut(Schema):
    id: int
    number: str
    plan: str
    year: int
    status: str
    algorithm: str
    drawn_on: str
    list_sha256: str
    seed_sha256: str
    seed: str
    result_sha256: str
    candidates: int
    pool_size: int
    checks: int
    strata: list
    beacon_source: str
    beacon_date: str | None
    beacon: str
    beacon_entered_at: str | None
    redraw_of: str | None
    redraw_reason: str


class CheckOut(Schema):
    index: int
    uscc: str
    employer: str
    stratum: str
    inspectors: list[str]


class DrawDetailOut(DrawOut):
    result: list[CheckOut]


class VerifyOut(Schema):
    ok: bool
    message: str


def _draw(d: Draw, checks: int) -> dict:
    return {
        "id": d.pk,
        "number": d.number,
        "plan": d.plan.title,
        "year": d.plan.year,
        "status": d.status,
        "algorithm": d.algorithm,
        "drawn_on": d.drawn_on.isoformat(),
        "list_sha256": d.list_sha256,
        "seed_sha256": d.seed_sha256,
        "seed": selectors.public_seed(d),
        "result_sha256": d.result_sha256,
        "candidates": d.candidates,
        "pool_size": d.pool_size,
        "checks": checks,
        "strata": d.strata,
        "beacon_source": d.beacon_source,
        "beacon_date": d.beacon_date.isoformat() if d.beacon_date else None,
        "beacon": d.beacon_value,
        "beacon_entered_at": d.beacon_entered_at.isoformat() if d.beacon_entered_at else None,
        "redraw_of": d.redraw_of.number if d.redraw_of_id else None,
        "redraw_reason": d.redraw_reason,
    }


def _get(draw_id: int) -> Draw:
    draw = selectors.draw_list().filter(pk=draw_id).first()
    if draw is None:
        raise Http404("没有该抽取")
    return draw


@router.get(
    "/items",
    response=list[InspectionItemOut],
    auth=None,
    operation_id="inspections_item_list",
    summary="随机抽查事项清单（已公示）",
)
def items(request):
    return [
        {
            "code": i.code,
            "name": i.name,
            "power_item": i.power_item.code,
            "basis": i.basis,
            "method": i.method,
            "item_class": i.item_class,
            "shares": i.shares,
            "published_on": i.published_on.isoformat() if i.published_on else None,
        }
        for i in selectors.item_list(published_only=True)
    ]


@router.get(
    "/draws",
    response=list[DrawOut],
    auth=None,
    operation_id="inspections_draw_list",
    summary="抽取及其承诺值",
)
def draw_list(request, year: Year | None = None):
    return [_draw(d, d.check_count) for d in selectors.draw_list(year=year)[:200]]


@router.get(
    "/draws/{draw_id}",
    response=DrawDetailOut,
    auth=None,
    operation_id="inspections_draw_get",
    summary="一次抽取：承诺值、种子（公布后）、结果",
)
def draw_get(request, draw_id: int):
    draw = _get(draw_id)
    rows = [
        {
            "index": c.index,
            "uscc": c.uscc,
            "employer": c.employer_name,
            "stratum": c.stratum,
            "inspectors": [
                c.first_inspector.certificate_number,
                c.second_inspector.certificate_number,
            ],
        }
        for c in selectors.check_list(draw=draw)[:5000]
    ]
    return _draw(draw, draw.check_count) | {"result": rows}


@router.get(
    "/draws/{draw_id}/verify",
    response=VerifyOut,
    auth=None,
    operation_id="inspections_draw_verify",
    summary="服务器端重算核验",
)
def draw_verify(request, draw_id: int):
    draw = _get(draw_id)
    outcome = selectors.draw_verification(draw)
    if outcome is None:
        return {"ok": False, "message": "种子尚未公布，暂不能核验"}
    return {"ok": outcome.ok, "message": outcome.message}
