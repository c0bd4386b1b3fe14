"""Reads for disputes: registers scoped to the user's units, timelines, tracking, rates."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import Http404

from fazhi.accounts.selectors import scope_queryset
from fazhi.core.documents import agency_name
from fazhi.core.models import AuditEvent
from fazhi.core.models.deadline import DeadlineStatus
from fazhi.core.selectors import subject_rows
from fazhi.core.selectors.deadlines import deadlines_for_subject
from fazhi.core.selectors.subject_rows import SubjectRow
from fazhi.disputes.domain import litigation as lit
from fazhi.disputes.domain import rates
from fazhi.disputes.domain import reconsideration as rc
from fazhi.disputes.models import LitigationCase, ReconsiderationCase

RECONSIDERATION_POWER_ITEM = "QT-FY-12"  # the demo catalogue's 行政复议 item (powers/demo.py)

RULE_LABELS = {
    "reconsideration.acceptance": "受理审查",
    "reconsideration.reply": "被申请人答复",
    "reconsideration.simplified_reply": "被申请人答复（简易程序）",
    "reconsideration.decision": "复议决定",
    "reconsideration.simplified_decision": "复议决定（简易程序）",
    "reconsideration.decision_resumed": "复议决定（中止后恢复）",
    "litigation.answer": "答辩举证",
    "litigation.appeal_judgment": "判决上诉期",
    "litigation.appeal_ruling": "裁定上诉期",
}


def reconsideration_list(
    *, user, status: str = "", year: int | None = None, query: str = ""
) -> QuerySet[ReconsiderationCase]:
    qs = _register(ReconsiderationCase, user=user, year=year, query=query, number="reference")
    return qs.filter(status=status) if status else qs


def litigation_list(
    *, user, step: str = "", year: int | None = None, query: str = ""
) -> QuerySet[LitigationCase]:
    qs = _register(LitigationCase, user=user, year=year, query=query, number="case_number")
    return qs.filter(step=step) if step else qs


def _register(model, *, user, year: int | None, query: str, number: str) -> QuerySet:
    """The user's cases of ``model``, received in ``year``, whose number or act holds ``query``."""
    qs = scope_queryset(model.objects.select_related("org_unit"), user=user)
    if year:
        qs = qs.filter(received_on__year=year)
    if query:
        qs = qs.filter(Q(**{f"{number}__icontains": query}) | Q(act__icontains=query))
    return qs


def reconsideration_get_for_user(*, pk: int, user) -> ReconsiderationCase:
    case = reconsideration_list(user=user).filter(pk=pk).first()
    if case is None:
        raise Http404("未找到该复议案件")
    return case


def litigation_get_for_user(*, pk: int, user) -> LitigationCase:
    case = litigation_list(user=user).filter(pk=pk).first()
    if case is None:
        raise Http404("未找到该应诉案件")
    return case


class Row(SubjectRow):
    rule_labels: ClassVar[Mapping[str, str]] = RULE_LABELS

    @property
    def case(self) -> Any:
        return self.subject


def nearest_rows(cases, *, today: date) -> list[Row]:
    """Cases (in the order given) with their nearest open deadline and how close it is."""
    return subject_rows.nearest_rows(Row, cases, today=today)


def deadline_rows(case, *, today: date) -> list[Row]:
    """Every deadline of the case, with how close the open ones are."""
    return subject_rows.all_rows(Row, case, today=today)


ACTION_LABELS = {
    "apply": "收到申请",
    "review": "受理审查",
    "corrected": "申请人补正",
    "send_copy": "发送申请书副本",
    "reply": "答复及证据",
    "record": "审理记录",
    "suspend": "中止审理",
    "resume": "恢复审理",
    "extend": "延长审理期限",
    "terminate": "终止",
    "decide": "作出决定",
    "serve": "送达",
    "register": "诉讼文书接收",
    "approve": "应诉事务审批、代理人选定",
    "answer": "答辩举证",
    "hearing": "开庭（负责人出庭情况）",
    "judge": "判决或裁定",
    "perform": "判决履行",
}


@dataclass(frozen=True)
class TimelineEntry:
    event: AuditEvent
    label: str

    @property
    def outcome_label(self) -> str:
        """The step's outcome in Chinese (the audit data keeps the code: no codes on screen)."""
        code = (self.event.data or {}).get("outcome", "")
        return REVIEW_OUTCOME_LABELS.get(code) or lit.OUTCOME_LABELS.get(code, code)


REVIEW_OUTCOME_LABELS = {"accept": "受理", "correct": "通知补正", "reject": "不予受理"}


def timeline(case) -> list[TimelineEntry]:
    """Every audited step on the case, oldest first, with its Chinese name."""
    events = (
        AuditEvent.objects.filter(target_type=case._meta.label_lower, target_id=str(case.pk))
        .select_related("actor")
        .order_by("seq")
    )
    return [
        TimelineEntry(e, ACTION_LABELS.get(e.action.rsplit(".", 1)[-1], e.action)) for e in events
    ]


@dataclass(frozen=True)
class Tracking:
    """What the public tracking page shows: the procedure, never the parties."""

    status_label: str
    received_on: date
    accepted_on: date | None
    decided_on: date | None
    served_on: date | None
    next_step: str
    next_due: date | None


def tracking_status(*, code: str) -> Tracking | None:
    case = ReconsiderationCase.objects.filter(tracking_code=code.strip().upper()).first()
    if case is None or not code.strip():
        return None
    deadline = (
        deadlines_for_subject(subject=case)
        .filter(status=DeadlineStatus.OPEN)
        .order_by("due")
        .first()
    )
    return Tracking(
        status_label=case.status_label,
        received_on=case.received_on,
        accepted_on=case.accepted_on,
        decided_on=case.decided_on,
        served_on=case.served_on,
        next_step=RULE_LABELS.get(deadline.rule_code, "") if deadline else "",
        next_due=deadline.due if deadline else None,
    )


def body_name(case: ReconsiderationCase) -> str:
    """The reconsideration body (复议机关) recorded at registration by the date of the
    application (domain/jurisdiction.py); for cases registered before it was recorded, the
    bureau as 复议机关 or the government under the 2023 law."""
    if case.body_name:
        return case.body_name
    if case.role == rc.Role.RESPONDENT:
        return "天津市人民政府"
    return agency_name()


def reconsideration_power_uses(*, year: int) -> dict[str, int]:
    """Uses of the bureau's 复议 power item in ``year`` ({item code: count}): applications it
    received as 复议机关 (each is an act under the power — accepted, refused or decided; 行政复议法
    2017 第十二条, 第十七条). As 被申请人 the bureau exercises no 复议 power. The item's code is
    configuration (``FAZHI["RECONSIDERATION_POWER_ITEM"]``) — read by the 零执法 count (powers)."""
    code = settings.FAZHI.get("RECONSIDERATION_POWER_ITEM", RECONSIDERATION_POWER_ITEM)
    n = ReconsiderationCase.objects.filter(role=rc.Role.BODY, received_on__year=year).count()
    return {code: n} if code and n else {}


def year_counts(*, year: int) -> dict[str, int]:
    """The report's figures (part 六): reconsideration cases accepted, suits handled."""
    recons = ReconsiderationCase.objects.filter(role=rc.Role.BODY)
    return {
        "reconsideration_received": recons.filter(received_on__year=year).count(),
        "reconsideration_accepted": recons.filter(accepted_on__year=year).count(),
        "reconsideration_decided": recons.filter(decided_on__year=year).count(),
        "litigation_handled": LitigationCase.objects.filter(received_on__year=year).count(),
        "litigation_judged": LitigationCase.objects.filter(judged_on__year=year).count(),
    }


def acts_made(*, year: int | None, by: str) -> dict[str, int]:
    """Enforcement and licensing decisions per unit (or power item) in ``year``."""
    from collections import Counter

    from fazhi.enforcement.selectors_feedback import decisions_made
    from fazhi.govservices.selectors import licensing_decisions_made

    total = Counter(decisions_made(year=year, by=by))
    total.update(licensing_decisions_made(year=year, by=by))
    return dict(total)


def years_with_cases(*, user) -> list[int]:
    """Years (by receipt) holding 复议 or 应诉 cases the user sees, newest first."""
    years = {
        d.year
        for qs in (reconsideration_list(user=user), litigation_list(user=user))
        for d in qs.dates("received_on", "year")
    }
    return sorted(years, reverse=True)


def feedback_figures(
    *, user, year: int | None = None, by: str = "unit", acts: dict[str, int] | None = None
) -> tuple[list[rates.Figures], rates.Figures]:
    """Rates per unit (``by="unit"``) or per power item (``by="power_item"``) and in total.

    ``acts`` maps the same keys to the acts made that a party can take to 复议; by default the
    enforcement decisions and licensing decisions of the period (read through their selectors),
    so 被复议率 = reconsideration cases ÷ those acts.
    """
    if acts is None:
        acts = acts_made(year=year, by=by)
    key = "org_unit__name" if by == "unit" else "power_item_code"
    recons = reconsideration_list(user=user, year=year).exclude(status=rc.Status.REJECTED)
    suits = litigation_list(user=user, year=year)
    recon_rows = [
        rates.ReconRow(
            name or "（未注明）",
            bool(decision),
            rc.DecisionType(decision) in rc.CORRECTING if decision else False,
        )
        for name, decision in recons.values_list(key, "decision")
    ]
    suit_rows = [
        rates.SuitRow(
            name or "（未注明）",
            bool(outcome),
            bool(outcome) and lit.Outcome(outcome) in lit.LOSSES,
            appeared is not None,
            bool(appeared),
        )
        for name, outcome, appeared in suits.values_list(key, "outcome", "head_appeared")
    ]
    by_key = rates.figures(recon_rows, suit_rows, acts)
    return list(by_key.values()), rates.total(by_key)


def error_causes(*, user, year: int | None = None) -> list[tuple[str, int]]:
    """How often each cause of correction or loss occurs (feedback to enforcement)."""
    counts: dict[str, int] = {}
    for qs in (reconsideration_list(user=user, year=year), litigation_list(user=user, year=year)):
        for cause in qs.exclude(error_cause="").values_list("error_cause", flat=True):
            counts[cause] = counts.get(cause, 0) + 1
    return sorted(
        ((rc.ERROR_CAUSE_LABELS[rc.ErrorCause(c)], n) for c, n in counts.items()),
        key=lambda item: -item[1],
    )
