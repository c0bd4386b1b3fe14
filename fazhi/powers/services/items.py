"""Writes on power items: create, revise (a new version), deactivate (取消), clear a review flag.

Each service runs in a transaction, locks the item row, checks the rules before writing (raising
``Refused`` or ``PermissionDenied``) and audits ``powers.item.<verb>``. The item row mirrors its
latest version so lists and other apps read one table.
"""

from __future__ import annotations

import re
from datetime import date

from django.db import transaction
from django.utils import timezone

from fazhi.accounts.permissions import POWERS_EDIT, require
from fazhi.core.caching import bump
from fazhi.core.domain.errors import Refused
from fazhi.core.services import audit
from fazhi.powers import selectors
from fazhi.powers.domain.citations import parse_citations
from fazhi.powers.domain.kinds import PowerKind
from fazhi.powers.domain.review import reasons_key
from fazhi.powers.domain.versions import ADJUSTMENT_BASIS, Content, check_content, check_revision
from fazhi.powers.models import PowerItem, PowerItemBasis, PowerItemVersion

CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
TEXT_FIELDS = ("name", "legal_basis_text", "process", "time_limit_text", "remedy", "accountability")
NO_PERMISSION = "只有本单位的业务处室经办人、法规处工作人员或系统管理员可以维护该事项"


def _require(actor, unit) -> None:
    # 业务处室经办人 for their own unit's items; 法规处 and 系统管理员 for every unit's
    require(actor, POWERS_EDIT, unit=unit)


def _content(values: dict) -> Content:
    return Content(
        name=values["name"],
        kind=values["kind"],
        org_unit=values["org_unit"].name,
        legal_basis=values["legal_basis_text"],
        process=values.get("process", ""),
        time_limit=values.get("time_limit_text", ""),
        remedy=values.get("remedy", ""),
        accountability=values.get("accountability", ""),
        is_active=values.get("is_active", True),
    )


def _values(version: PowerItemVersion) -> dict:
    return {
        "name": version.name,
        "kind": version.kind,
        "org_unit": version.org_unit,
        "legal_basis_text": version.legal_basis_text,
        "process": version.process,
        "time_limit_text": version.time_limit_text,
        "remedy": version.remedy,
        "accountability": version.accountability,
        "is_active": version.is_active,
    }


def _check_kind(kind: str) -> None:
    if kind not in {k.value for k in PowerKind}:
        raise Refused(f"职权类别“{kind}”不存在", ADJUSTMENT_BASIS)


def _write_version(item, values: dict, *, number, reason, effective_from, actor):
    version = PowerItemVersion.objects.create(
        item=item,
        number=number,
        name=values["name"].strip(),
        kind=values["kind"],
        org_unit=values["org_unit"],
        org_unit_name=values["org_unit"].name,
        legal_basis_text=values["legal_basis_text"].strip(),
        process=values.get("process", "").strip(),
        time_limit_text=values.get("time_limit_text", "").strip(),
        remedy=values.get("remedy", "").strip(),
        accountability=values.get("accountability", "").strip(),
        is_active=values.get("is_active", True),
        reason=reason.strip(),
        effective_from=effective_from,
        created_by=audit.person(actor),
    )
    cited = [(PowerItemBasis.Role.BASIS, c) for c in parse_citations(version.legal_basis_text)]
    cited += [(PowerItemBasis.Role.REMEDY, c) for c in parse_citations(version.remedy)]
    for position, (role, citation) in enumerate(cited):
        document, article = selectors.basis_resolve(citation=citation, on=effective_from)
        PowerItemBasis.objects.create(
            version=version,
            position=position,
            role=role,
            citation=citation.label,
            title=citation.title,
            article_number=citation.number,
            article_suffix=citation.suffix,
            document=document,
            article=article,
        )
    item.name, item.kind, item.org_unit = version.name, version.kind, version.org_unit
    item.is_active, item.version_count = version.is_active, number
    item.save()
    return version


def _locked(item: PowerItem, expected_version: int | None) -> PowerItem:
    locked = PowerItem.objects.select_for_update().select_related("org_unit").get(pk=item.pk)
    if expected_version is not None and locked.version_count != expected_version:
        raise Refused(
            f"该事项已被他人修改（现为第{locked.version_count}版），请刷新后在最新版本上修改",
            ADJUSTMENT_BASIS,
        )
    return locked


def _current(item: PowerItem) -> PowerItemVersion:
    return item.versions.select_related("org_unit").order_by("-number").first()


@transaction.atomic
def power_item_create(
    *,
    code: str,
    kind: str,
    name: str,
    org_unit,
    legal_basis_text: str,
    effective_from: date,
    actor,
    process: str = "",
    time_limit_text: str = "",
    remedy: str = "",
    accountability: str = "",
    reason: str = "列入权责清单",
) -> PowerItem:
    """List a new item under a stable code, as version 1; audits ``powers.item.create``.

    Refuses a malformed or taken code, an unknown kind, a missing name or 设定依据 (职权法定).
    """
    _require(actor, org_unit)
    code = code.strip()
    if not CODE_PATTERN.match(code):
        raise Refused("事项编码只能由字母、数字、连字符、点和下划线组成，且不超过64位")
    if PowerItem.objects.filter(code=code).exists():
        raise Refused(f"事项编码“{code}”已被使用，编码一经确定不再变更")
    _check_kind(kind)
    values = {
        "name": name,
        "kind": kind,
        "org_unit": org_unit,
        "legal_basis_text": legal_basis_text,
        "process": process,
        "time_limit_text": time_limit_text,
        "remedy": remedy,
        "accountability": accountability,
    }
    check_content(_content(values))
    if not reason.strip():
        raise Refused("请填写列入理由", ADJUSTMENT_BASIS)
    item = PowerItem(code=code, kind=kind, name=name.strip(), org_unit=org_unit)
    item.save()
    version = _write_version(
        item, values, number=1, reason=reason, effective_from=effective_from, actor=actor
    )
    audit.record(
        actor=actor,
        action="powers.item.create",
        target=item,
        data={
            "code": code,
            "version": 1,
            "effective_from": effective_from,
            "bases": [b.citation for b in version.bases.all()],
        },
    )
    bump("powers")  # public pages show it: a new version on commit
    return item


@transaction.atomic
def power_item_revise(
    *,
    item: PowerItem,
    reason: str,
    effective_from: date,
    actor,
    expected_version: int | None = None,
    resolves_review: bool = False,
    **changes,
) -> PowerItemVersion:
    """Write version n+1 with ``changes`` (any of name, kind, org_unit, legal_basis_text,
    process, time_limit_text, remedy, accountability); audits ``powers.item.revise``.

    Refuses: no reason, nothing changed, a date before the current version, a cancelled item,
    a stale ``expected_version`` (another member of staff saved first). A clerk must be in scope
    of both the old and the new unit. ``resolves_review`` also clears a review flag.
    """
    unknown = set(changes) - {*TEXT_FIELDS, "kind", "org_unit"}
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    item = _locked(item, expected_version)
    _require(actor, item.org_unit)
    if "org_unit" in changes:
        _require(actor, changes["org_unit"])
    if not item.is_active:
        raise Refused("该事项已取消，不能再修改", ADJUSTMENT_BASIS)
    current = _current(item)
    values = {**_values(current), **{k: v for k, v in changes.items() if v is not None}}
    _check_kind(values["kind"])
    proposed = _content(values)
    check_content(proposed)
    check_revision(
        selectors.version_content(current),
        proposed,
        reason=reason,
        current_effective=current.effective_from,
        effective_from=effective_from,
    )
    cleared = resolves_review and item.needs_review
    if cleared:
        _clear(item)
    version = _write_version(
        item,
        values,
        number=current.number + 1,
        reason=reason,
        effective_from=effective_from,
        actor=actor,
    )
    changed = [c.field for c in selectors.power_item_version_diff(old=current, new=version)]
    audit.record(
        actor=actor,
        action="powers.item.revise",
        target=item,
        data={
            "version": version.number,
            "reason": version.reason,
            "fields": changed,
            "effective_from": effective_from,
            "review_cleared": cleared,
        },
    )
    bump("powers")  # public pages show it: a new version on commit
    return version


@transaction.atomic
def power_item_deactivate(
    *,
    item: PowerItem,
    reason: str,
    effective_from: date,
    actor,
    expected_version: int | None = None,
) -> PowerItemVersion:
    """Cancel (取消) an item: a last version with the same content marked cancelled; audits
    ``powers.item.deactivate``. Refuses no reason, an item already cancelled, a stale version."""
    item = _locked(item, expected_version)
    _require(actor, item.org_unit)
    if not item.is_active:
        raise Refused("该事项已经取消", ADJUSTMENT_BASIS)
    current = _current(item)
    values = {**_values(current), "is_active": False}
    check_revision(
        selectors.version_content(current),
        _content(values),
        reason=reason,
        current_effective=current.effective_from,
        effective_from=effective_from,
    )
    item.needs_review = False
    version = _write_version(
        item,
        values,
        number=current.number + 1,
        reason=reason,
        effective_from=effective_from,
        actor=actor,
    )
    audit.record(
        actor=actor,
        action="powers.item.deactivate",
        target=item,
        data={
            "version": version.number,
            "reason": version.reason,
            "effective_from": effective_from,
        },
    )
    bump("powers")  # public pages show it: a new version on commit
    return version


def _clear(item: PowerItem) -> None:
    item.review_cleared_key = reasons_key(item.review_reason.splitlines())
    item.needs_review = False
    item.review_reason = ""
    item.review_flagged_at = None


@transaction.atomic
def power_item_review_clear(*, item: PowerItem, actor, note: str) -> PowerItem:
    """Record that the item was checked against the changed law and needs no change; audits
    ``powers.item.review_clear`` with the note. The same reasons will not flag it again."""
    item = _locked(item, None)
    _require(actor, item.org_unit)
    if not item.needs_review:
        raise Refused("该事项没有待复核的提示", ADJUSTMENT_BASIS)
    if not note.strip():
        raise Refused("请填写复核意见（如：依据修改不影响本事项）", ADJUSTMENT_BASIS)
    reasons = item.review_reason
    _clear(item)
    item.save()
    audit.record(
        actor=actor,
        action="powers.item.review_clear",
        target=item,
        data={"note": note.strip(), "reasons": reasons.splitlines(), "at": timezone.now()},
    )
    bump("powers")  # public pages show it: a new version on commit
    return item
