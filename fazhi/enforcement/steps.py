"""The case steps as one table, shared by the staff forms and the API: each entry parses plain
parameters (strings from a form, JSON values from the API) and calls one service.

Delivery layer only: shape checks here, every rule in the services and the domain.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from fazhi.accounts.models import User
from fazhi.core.domain.errors import Refused
from fazhi.core.models import EvidenceFile
from fazhi.enforcement.domain.review import POINT_CODES
from fazhi.enforcement.models import Case, CorrectionOrder
from fazhi.enforcement.services import cases as intake
from fazhi.enforcement.services import cases_acts as acts
from fazhi.enforcement.services import cases_decision as decision
from fazhi.enforcement.services import cases_execution as execution
from fazhi.enforcement.services.cases_common import Upload
from fazhi.officers.models import Officer

LIST_FIELDS = ("officers", "measures", "evidence_ids", "circumstances")


class BadInput(ValueError):
    """A parameter has the wrong shape (not a rule refusal)."""


def _day(p: Mapping, name: str = "on") -> date:
    value = p.get(name)
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value or ""))
    except ValueError:
        raise BadInput(f"日期格式不正确：{name}") from None


def _text(p: Mapping, name: str) -> str:
    return str(p.get(name) or "")


def _money(p: Mapping, name: str) -> Decimal | None:
    value = p.get(name)
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise BadInput(f"金额格式不正确：{name}") from None


def _int(p: Mapping, name: str, default: int = 0) -> int:
    value = p.get(name)
    if value in (None, ""):
        return default
    try:
        return int(value)
    except (TypeError, ValueError):
        raise BadInput(f"应为整数：{name}") from None


def _bool(p: Mapping, name: str) -> bool:
    return str(p.get(name) or "").lower() in ("1", "true", "on", "yes")


def _list(p: Mapping, name: str) -> list:
    value = p.get(name) or []
    return list(value) if isinstance(value, list | tuple) else [value]


def _officers(p: Mapping) -> list[Officer]:
    """The officers in the order given: at 立案 the first is the 主办 (owner of the clocks)."""
    ids = [int(v) for v in _list(p, "officers") if str(v).isdigit()]
    found = Officer.objects.in_bulk(ids)
    return [found[pk] for pk in dict.fromkeys(ids) if pk in found]


def _user(p: Mapping, name: str) -> User | None:
    pk = _int(p, name)
    return User.objects.filter(pk=pk, is_active=True).first() if pk else None


def _evidence(case: Case, p: Mapping) -> list[EvidenceFile]:
    ids = [int(v) for v in _list(p, "evidence_ids") if str(v).isdigit()]
    return list(EvidenceFile.objects.filter(pk__in=ids, attachments__case_ref=case.reference))


def _facts(p: Mapping) -> dict[str, Any] | None:
    if not any(k in p for k in ("workers", "months", "amount", "harm", "first_offence")):
        return None
    return {
        "workers": _int(p, "workers"),
        "months": _int(p, "months"),
        "amount": str(_money(p, "amount") or 0),
        "first_offence": _bool(p, "first_offence"),
        "corrected": _bool(p, "corrected"),
        "harm": _text(p, "harm"),
        "circumstances": [str(v) for v in _list(p, "circumstances") if v],
    }


def _points(p: Mapping) -> dict[str, tuple[bool, str]]:
    points = p.get("points")
    if isinstance(points, Mapping):  # API: {"subject": {"passed": true, "note": ""}, ...}
        return {
            k: (bool(v.get("passed")), str(v.get("note") or ""))
            for k, v in points.items()
            if isinstance(v, Mapping)
        }
    return {  # form: point_<code> = "1"/"0", note_<code>
        code: (p.get(f"point_{code}") == "1", _text(p, f"note_{code}"))
        for code in POINT_CODES
        if p.get(f"point_{code}") in ("0", "1")
    }


def _order(case: Case, p: Mapping) -> CorrectionOrder:
    order = CorrectionOrder.objects.filter(case=case, pk=_int(p, "order")).first()
    if order is None:
        raise BadInput("请选择要复查的责令改正指令")
    return order


def _given(p: Mapping, **parsers: Callable[[], Any]) -> dict[str, Any]:
    """The parsed values of the parameters present and not blank."""
    return {name: parse() for name, parse in parsers.items() if p.get(name) not in (None, "", [])}


Step = Callable[[Case, Mapping, Sequence[Upload], Any, int | None], Any]

STEPS: dict[str, Step] = {
    "accept": lambda c, p, f, u, v: intake.case_accept(case=c, on=_day(p), actor=u, seen_version=v),
    "reject": lambda c, p, f, u, v: intake.case_reject(
        case=c, on=_day(p), reason=_text(p, "reason"), actor=u, seen_version=v
    ),
    "file": lambda c, p, f, u, v: intake.case_file(
        case=c,
        on=_day(p),
        approver=_user(p, "approver"),
        officers=_officers(p),
        actor=u,
        seen_version=v,
    ),
    "extend": lambda c, p, f, u, v: intake.case_extend(
        case=c,
        approver=_user(p, "approver"),
        reason=_text(p, "reason"),
        on=_day(p),
        actor=u,
        seen_version=v,
    ),
    "withdraw": lambda c, p, f, u, v: intake.case_withdraw(
        case=c, on=_day(p), reason=_text(p, "reason"), actor=u, seen_version=v
    ),
    "act": lambda c, p, f, u, v: acts.case_record_act(
        case=c,
        kind=_text(p, "kind"),
        on=_day(p),
        summary=_text(p, "summary"),
        officers=_officers(p),
        actor=u,
        uploads=f,
        existing=_evidence(c, p),
        place=_text(p, "place"),
        seen_version=v,
    ),
    "order": lambda c, p, f, u, v: acts.case_order_correction(
        case=c,
        on=_day(p),
        due_on=_day(p, "due_on"),
        items=_text(p, "items"),
        officers=_officers(p),
        actor=u,
        pay=_bool(p, "pay"),
        seen_version=v,
    ),
    "followup": lambda c, p, f, u, v: acts.case_order_followup(
        order=_order(c, p),
        on=_day(p),
        complied=_bool(p, "complied"),
        summary=_text(p, "summary"),
        officers=_officers(p),
        actor=u,
        uploads=f,
        seen_version=v,
    ),
    "notify": lambda c, p, f, u, v: decision.case_notify(
        case=c,
        on=_day(p),
        outcome=_text(p, "outcome") or "penalty",
        fine=_money(p, "fine"),
        text=_text(p, "text"),
        measures=_list(p, "measures"),
        actor=u,
        violation_code=p.get("violation_code") or None,
        facts=_facts(p),
        seen_version=v,
    ),
    "hearing_request": lambda c, p, f, u, v: decision.case_hearing_request(
        case=c, on=_day(p), actor=u, seen_version=v
    ),
    "hearing_notice": lambda c, p, f, u, v: decision.case_hearing_notice(
        case=c,
        presiding=_user(p, "presiding"),
        notice_on=_day(p),
        hearing_on=_day(p, "hearing_on"),
        place=_text(p, "place"),
        actor=u,
        seen_version=v,
    ),
    "hearing_record": lambda c, p, f, u, v: decision.case_hearing_record(
        case=c, held_on=_day(p), summary=_text(p, "summary"), actor=u, uploads=f, seen_version=v
    ),
    "hearing_close": lambda c, p, f, u, v: decision.case_hearing_close(
        case=c, on=_day(p), waived=_bool(p, "waived"), actor=u, seen_version=v
    ),
    "review_submit": lambda c, p, f, u, v: decision.case_review_submit(
        case=c, on=_day(p), actor=u, seen_version=v
    ),
    "review": lambda c, p, f, u, v: decision.case_review(
        case=c,
        on=_day(p),
        points=_points(p),
        opinion=_text(p, "opinion"),
        comments=_text(p, "comments"),
        actor=u,
        seen_version=v,
    ),
    "discuss": lambda c, p, f, u, v: decision.case_discuss(
        case=c,
        on=_day(p),
        attendees=_text(p, "attendees"),
        conclusion=_text(p, "conclusion"),
        actor=u,
        seen_version=v,
    ),
    "propose": lambda c, p, f, u, v: decision.case_propose(
        case=c,
        on=_day(p),
        outcome=_text(p, "outcome") or "penalty",
        fine=_money(p, "fine"),
        text=_text(p, "text"),
        measures=_list(p, "measures"),
        departure_reason=_text(p, "departure_reason"),
        actor=u,
        seen_version=v,
    ),
    "send_back": lambda c, p, f, u, v: decision.case_send_back(
        case=c, on=_day(p), reason=_text(p, "reason"), actor=u, seen_version=v
    ),
    # The 负责人 decides on the proposal; a field left out keeps the proposal's value.
    "decide": lambda c, p, f, u, v: decision.case_decide(
        case=c,
        on=_day(p),
        actor=u,
        seen_version=v,
        **_given(
            p,
            outcome=lambda: _text(p, "outcome"),
            fine=lambda: _money(p, "fine"),
            text=lambda: _text(p, "text"),
            measures=lambda: _list(p, "measures"),
            departure_reason=lambda: _text(p, "departure_reason"),
        ),
    ),
    "serve": lambda c, p, f, u, v: execution.case_serve(
        case=c,
        on=_day(p),
        method=_text(p, "method") or "direct",
        recipient=_text(p, "recipient"),
        notice_on=_day(p, "notice_on") if p.get("notice_on") else None,
        actor=u,
        seen_version=v,
    ),
    "pay": lambda c, p, f, u, v: execution.case_pay(
        case=c, on=_day(p), suspended_days=_int(p, "suspended_days"), actor=u, seen_version=v
    ),
    "remind": lambda c, p, f, u, v: execution.case_remind(
        case=c, on=_day(p), actor=u, seen_version=v
    ),
    "apply_court": lambda c, p, f, u, v: execution.case_apply_court(
        case=c, on=_day(p), actor=u, seen_version=v
    ),
    "close": lambda c, p, f, u, v: execution.case_close(
        case=c, on=_day(p), note=_text(p, "note"), actor=u, seen_version=v
    ),
    "archive": lambda c, p, f, u, v: execution.case_archive(
        case=c, on=_day(p), actor=u, seen_version=v
    ),
}
REVIEWER_STEPS = frozenset({"review"})


def run_step(
    case: Case, action: str, params: Mapping, *, uploads: Sequence[Upload] = (), actor
) -> Any:
    """Run ``action`` on ``case``; ``params["version"]`` is the version the user saw."""
    if action not in STEPS:
        raise BadInput(f"未知操作：{action}")
    version = params.get("version")
    seen = _int(params, "version") if version not in (None, "") else None
    return STEPS[action](case, params, uploads, actor, seen)


def params_from_post(post) -> dict[str, Any]:
    """A form's POST (QueryDict) as step parameters: lists for the multi-valued fields."""
    params: dict[str, Any] = {k: post.get(k) for k in post}
    for name in LIST_FIELDS:
        params[name] = [v for v in post.getlist(name) if v]
    return params


__all__ = ["STEPS", "BadInput", "Refused", "params_from_post", "run_step"]
