"""A 复议 decision or a court judgment that undoes a penalty decision reaches its case.

行政复议法（2023）第六十四、六十五、六十七条 and 行政诉讼法 第七十、七十四、七十五条: a decision
revoked, confirmed unlawful or void no longer binds the party — the fine is no longer due and a
fine paid on it is refunded; 变更 replaces it. The disputes module calls `case_decision_set_aside`
when its decision takes effect; the case file gets a 其他记录 act saying so (no new columns: the
act's data carries the change), the case shows it, and it is audited
``enforcement.case.set_aside``. Its own file, to keep merges with the case services simple.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

from fazhi.core.domain.errors import Refused
from fazhi.enforcement.domain.acts import ActKind
from fazhi.enforcement.models import Case, CaseAct
from fazhi.enforcement.services import cases_common as c

SET_ASIDE_KEY = "set_aside"


@transaction.atomic
def case_decision_set_aside(
    *, case: Case, change: str, by: str, effective_on: date, basis: str, actor
) -> CaseAct:
    """Record that ``case``'s decision was ``change`` (被撤销 / 被变更 / 被确认违法 / 被确认无效)
    by ``by`` (the 复议 or court case reference), effective ``effective_on``. Idempotent per
    ``by``: the same dispute reaching the case twice records it once."""
    case = c.lock(case, None)
    if not case.decided_on:
        raise Refused("该案件尚未作出处罚决定，没有可撤销的决定")
    existing = next(
        (
            act
            for act in case.acts.filter(kind=ActKind.NOTE)
            if act.data.get(SET_ASIDE_KEY, {}).get("by") == by
        ),
        None,
    )
    if existing is not None:
        return existing
    refund = bool(case.paid_on) and change in ("撤销", "确认无效")
    summary = f"原处罚决定（{case.decision_number or case.reference}）经{by}被{change}，自"
    summary += f"{effective_on:%Y年%m月%d日}起不再执行"
    if refund:
        summary += f"；当事人已于{case.paid_on:%Y年%m月%d日}缴纳的罚款应予退还"
    act = c.add_act(
        case,
        kind=ActKind.NOTE,
        on=effective_on,
        summary=summary,
        actor=actor,
        data={
            SET_ASIDE_KEY: {
                "change": change,
                "by": by,
                "effective_on": effective_on.isoformat(),
                "basis": basis,
                "refund_due": refund,
            }
        },
    )
    c.save(case)
    c.record(case, "set_aside", actor, change=change, by=by, on=effective_on, refund_due=refund)
    return act


def case_set_aside(case: Case) -> dict | None:
    """The latest set-aside of ``case``'s decision (change, by, effective_on, basis), or None."""
    for act in case.acts.filter(kind=ActKind.NOTE).order_by("-seq"):
        if SET_ASIDE_KEY in act.data:
            return act.data[SET_ASIDE_KEY]
    return None
