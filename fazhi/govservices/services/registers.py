"""The registers 无人审批 decides on: enterprise registration and credit data the bureau holds or
imports (市场主体登记信息、严重失信主体名单、本局吊销许可记录), one row per 统一社会信用代码."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction

from fazhi.accounts.permissions import CATALOGUE_MANAGE, require
from fazhi.core.domain.errors import Refused
from fazhi.core.domain.identifiers import validate_uscc
from fazhi.core.services import audit
from fazhi.govservices.models import RegisterEntry


def _row(number: int, row: Mapping[str, Any]) -> dict[str, Any]:
    result = validate_uscc(str(row.get("uscc", "")))
    if not result.is_valid:
        raise Refused(f"第{number}行统一社会信用代码无效：{result.reason}")
    capital = row.get("registered_capital_yuan")
    try:
        capital = None if capital in (None, "") else Decimal(str(capital))
    except InvalidOperation:
        raise Refused(f"第{number}行注册资本不是数字：{capital}") from None
    revoked = row.get("licence_revoked_on") or None
    if isinstance(revoked, str):
        try:
            revoked = date.fromisoformat(revoked)
        except ValueError:
            raise Refused(f"第{number}行吊销日期无效：{revoked}") from None
    blacklisted = row.get("credit_blacklisted")
    if blacklisted is not None and not isinstance(blacklisted, bool):
        raise Refused(f"第{number}行失信名单状态须为是或否")
    return {
        "uscc": result.normalised,
        "name": str(row.get("name", "")).strip()[:200],
        "registered_capital_yuan": capital,
        "credit_blacklisted": blacklisted,
        "licence_revoked_on": revoked,
    }


@transaction.atomic
def register_entries_import(
    *, rows: Iterable[Mapping[str, Any]], source: str, actor
) -> list[RegisterEntry]:
    """Create or update register rows; every row is checked before anything is written (one
    bad row refuses the file). Audits one ``services.register.import``."""
    require(actor, CATALOGUE_MANAGE)  # the registers 无人审批 decides on (bureau-wide data)
    source = source.strip()
    if not source:
        raise Refused("请注明数据来源（如“市市场监管委登记信息 2019年3月”）")
    cleaned = [_row(n, row) for n, row in enumerate(rows, start=1)]
    saved = []
    for data in cleaned:
        uscc = data.pop("uscc")
        entry, _ = RegisterEntry.objects.update_or_create(
            uscc=uscc, defaults={**data, "source": source}
        )
        saved.append(entry)
    audit.record(
        actor=actor,
        action="services.register.import",
        data={"source": source, "rows": len(saved), "uscc": [e.uscc for e in saved][:50]},
    )
    return saved
