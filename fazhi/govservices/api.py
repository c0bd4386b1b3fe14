"""JSON API at /api/v1/services: the catalogue (public), its comparison, and applications."""

from __future__ import annotations

from django.http import Http404
from django.utils import timezone
from ninja import Query, Router, Status

from fazhi.accounts.auth import api_auth
from fazhi.accounts.models import User
from fazhi.core.api.problems import ErrorCode, Problem, ProblemError
from fazhi.govservices import selectors
from fazhi.govservices.schemas import (
    ApplicationIn,
    ApplicationOut,
    CatalogueOut,
    ComparisonOut,
    ServiceItemOut,
    StepIn,
    TrackOut,
)
from fazhi.govservices.services import licensing as lic
from fazhi.govservices.services.licensing import missing_for

router = Router(tags=["services"])
FORMULA = "减少比例 =（旧值 − 新值）÷ 旧值 × 100%，四舍五入到整数；平均时限用未经取整的平均值计算"


def _item(item) -> dict:
    return {
        **{
            f: getattr(item, f)
            for f in (
                "code",
                "name",
                "kind",
                "kind_label",
                "accepting_body",
                "deciding_body",
                "statutory_days",
                "statutory_text",
                "promised_days",
                "is_instant",
                "is_online",
                "is_auto_approvable",
                "steps",
            )
        },
        "catalogue_year": item.catalogue.year,
        "power_item_code": item.power_item.code if item.power_item else "",
        "materials": [
            {
                "name": m.name,
                "source": m.source,
                "is_required": m.is_required,
                "is_shared": m.is_shared,
            }
            for m in item.materials.all()
        ],
    }


@router.get(
    "/catalogues",
    response=list[CatalogueOut],
    operation_id="services_catalogue_list",
    summary="政务服务事项目录（各年度版本）",
)
def catalogue_list(request):
    return [
        {
            "year": c.year,
            "label": c.label,
            "status": c.status,
            "published_on": c.published_on,
            "items": c.items.count(),
        }
        for c in selectors.catalogue_list(public=True)
    ]


@router.get(
    "/catalogues/{year}/items",
    response={200: list[ServiceItemOut], 404: Problem},
    operation_id="services_catalogue_items",
    summary="某年度目录的事项",
)
def catalogue_items(request, year: int):
    catalogue = selectors.catalogue_get(year=year, public=True)
    return [_item(i) for i in selectors.catalogue_items(catalogue=catalogue)]


@router.get(
    "/items/{code}",
    response={200: ServiceItemOut, 404: Problem},
    operation_id="services_item_get",
    summary="现行目录中的事项（服务指南）",
)
def item_get(request, code: str):
    return _item(selectors.item_public_get(code=code))


@router.get(
    "/compare",
    response={200: ComparisonOut, 404: Problem},
    operation_id="services_catalogue_compare",
    summary="两个年度目录的压减比例",
)
def compare(request, from_: int = Query(..., alias="from"), to: int = Query(...)):
    result = selectors.catalogue_comparison(from_year=from_, to_year=to, public=True)
    return {**result.as_dict(), "formula": FORMULA}


def _out(app) -> dict:
    row = selectors.nearest_rows([app], today=timezone.localdate())[0]
    d = row.deadline
    return {
        **{
            f: getattr(app, f)
            for f in (
                "id",
                "reference",
                "tracking_code",
                "status",
                "status_label",
                "applicant_name",
                "applicant_uscc",
                "received_on",
                "accepted_on",
                "decided_on",
                "correction_notice",
                "is_extended",
                "is_automatic",
                "licence_number",
            )
        },
        "item_code": app.item.code,
        "missing_materials": missing_for(app),
        "next_actions": selectors.next_actions(app),
        "next_deadline": {
            "rule": d.rule_code,
            "label": row.rule_label,
            "due": d.due,
            "status": d.status,
        }
        if d
        else None,
    }


@router.post(
    "/applications",
    auth=api_auth,
    response={201: ApplicationOut, 403: Problem, 404: Problem, 409: Problem},
    operation_id="services_application_create",
    summary="登记行政许可申请（收件）",
)
def application_create(request, payload: ApplicationIn):
    data = payload.dict()
    item = selectors.item_public_get(code=data.pop("item_code"))
    app = lic.application_submit(item=item, actor=request.auth, handler=request.auth, **data)
    return Status(201, _out(app))


def _get(request, pk: int):
    return selectors.application_get_for_user(pk=pk, user=request.auth)


@router.get(
    "/applications/{application_id}",
    auth=api_auth,
    response={200: ApplicationOut, 404: Problem},
    operation_id="services_application_get",
    summary="行政许可申请详情",
)
def application_get(request, application_id: int):
    return _out(_get(request, application_id))


def _step(app, p: StepIn, actor):
    if p.step == "accept":
        return lic.application_accept(application=app, on=p.on, actor=actor)
    if p.step == "correction_notice":
        return lic.application_correction_notice(application=app, on=p.on, actor=actor)
    if p.step == "supplement":
        return lic.application_supplement(
            application=app, materials=p.materials, on=p.on, actor=actor
        )
    if p.step == "extend":
        approver = (
            User.objects.filter(pk=p.approver_id, is_active=True).first() if p.approver_id else None
        )
        return lic.application_extend(
            application=app, approver=approver, reason=p.reason, actor=actor
        )
    if p.step == "grant":
        return lic.application_grant(application=app, on=p.on, content=p.content, actor=actor)
    if p.step == "refuse":
        return lic.application_refuse(application=app, on=p.on, reasons=p.reasons, actor=actor)
    raise ProblemError(422, ErrorCode.INVALID_INPUT, f"未知的办理步骤：{p.step}")


@router.post(
    "/applications/{application_id}/steps",
    auth=api_auth,
    response={200: ApplicationOut, 403: Problem, 404: Problem, 409: Problem, 422: Problem},
    operation_id="services_application_step",
    summary="办理一步：受理、一次告知补正、补正、延期、准予、不予许可",
)
def application_step(request, application_id: int, payload: StepIn):
    app = _get(request, application_id)
    app = _step(app, payload, request.auth)
    return _out(selectors.application_get_for_user(pk=app.pk, user=request.auth))


@router.get(
    "/track/{code}",
    response={200: TrackOut, 404: Problem},
    operation_id="services_application_track",
    summary="办理进度查询（不含个人信息）",
)
def track(request, code: str):
    found = selectors.tracking_status(code=code)
    if found is None:
        raise Http404("未找到该查询码")
    return found
