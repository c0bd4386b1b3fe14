"""Shared by the inspections services: the audit call. Permissions are the named rules of
``fazhi.accounts.permissions`` (INSPECTIONS_MANAGE, INSPECTIONS_ENTER_RESULTS)."""

from __future__ import annotations

from fazhi.core.services import audit


def record(action: str, actor, target=None, **data) -> None:
    audit.record(actor=actor, action=f"inspections.{action}", target=target, data=data)
