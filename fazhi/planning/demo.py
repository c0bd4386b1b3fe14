"""Demo for `fazhi demo`: the head of the bureau (钱局长, the demo leader) as 主要负责人 and
法治建设第一责任人 since 2018, so the 2019 annual report can be approved by the right person."""

from __future__ import annotations

from datetime import date

from fazhi.planning.models import Principal
from fazhi.planning.services import principal_appoint


def load(ctx) -> None:
    bureau, head = ctx.units["bureau"], ctx.users["leader"]
    if Principal.objects.filter(org_unit=bureau).exists():
        return
    principal_appoint(org_unit=bureau, user=head, start=date(2018, 1, 1), actor=ctx.actor)
    ctx.created["主要负责人任职"] += 1
