"""Shared by the inspections services: the audit call and the permission guard."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from fazhi.core.services import audit
from fazhi.inspections import permissions


def record(action: str, actor, target=None, **data) -> None:
    audit.record(actor=actor, action=f"inspections.{action}", target=target, data=data)


def require_manager(actor) -> None:
    """``actor=None`` is the system (CLI, demo); a person needs a managing role."""
    if actor is not None and not permissions.can_manage(actor):
        raise PermissionDenied("只有执法、法规或管理人员可以维护双随机抽查")


def require_result_entry(actor) -> None:
    if actor is not None and not permissions.can_enter_results(actor):
        raise PermissionDenied("只有执法人员可以录入和公示抽查结果")
