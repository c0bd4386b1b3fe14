"""The case steps as one table, shared by the staff forms and the API: each step has its own
typed schema (``AcceptStepIn``, ``FileStepIn`` …, one name each in the OpenAPI) and calls one
service. The API takes the schema as its JSON body; a staff form's POST is read into the same
schema by :func:`parse_form`.

Delivery layer only: shape checks here (pydantic), every rule in the services and the domain.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

from ninja import Schema
from pydantic import Field, ValidationError

from fazhi.accounts.models import User
from fazhi.core.domain.errors import Refused
from fazhi.core.models import EvidenceFile
from fazhi.enforcement.domain import acts as act_rules
from fazhi.enforcement.domain import review as review_rules
from fazhi.enforcement.domain.errors import ErrorCode
from fazhi.enforcement.models import Case, CorrectionOrder
from fazhi.enforcement.services import cases as intake
from fazhi.enforcement.services import cases_acts as acts
from fazhi.enforcement.services import cases_decision as decision
from fazhi.enforcement.services import cases_execution as execution
from fazhi.enforcement.services.cases_common import Upload
from fazhi.officers.models import Officer

# Form fields that carry several values (checkboxes, multi-selects).
LIST_FIELDS = ("officers", "measures", "evidence_ids", "circumstances")


class BadInput(Refused):
    """A parameter has the wrong shape (not a rule refusal): 422 ``invalid_input``."""

    default_code = ErrorCode.INVALID_INPUT
    status = 422


# --- the schemas --------------------------------------------------------------------------------


class CaseStepIn(Schema):
    """What every step carries: the case version the caller saw (optimistic lock)."""

    version: int | None = Field(None, description="the case version the caller saw")


class DatedStepIn(CaseStepIn):
    on: date = Field(
        description=(
            "the day the act was done (a typed fact, not after today); kept beside the day of "
            "entry, on which the bureau's clocks are met (see date_entries)"
        )
    )


class AcceptStepIn(DatedStepIn):
    """受理 a complaint or report (若干规定 第十八条)."""


class RejectStepIn(DatedStepIn):
    """不予受理 with the written reason."""

    reason: str = ""


class FileStepIn(DatedStepIn):
    """立案 with the 负责人's approval and two or more certified officers (the first is 主办)."""

    approver: int | None = Field(None, description="user id of the approving 负责人")
    officers: list[int] = Field(default_factory=list, description="officer ids, 主办 first")


class ExtendStepIn(DatedStepIn):
    """Extend the labour-inspection investigation (劳动保障监察条例 第十七条)."""

    approver: int | None = Field(None, description="user id of the approving 负责人")
    reason: str = ""


class WithdrawStepIn(DatedStepIn):
    """撤销立案 (劳动保障监察条例 第十八条)."""

    reason: str = ""


class ActStepIn(DatedStepIn):
    """An investigation act (笔录, evidence, …) in the case file."""

    kind: act_rules.ActKind
    summary: str = ""
    officers: list[int] = Field(default_factory=list)
    evidence_ids: list[int] = Field(
        default_factory=list, description="evidence files already in this case, cited again"
    )
    place: str = ""


class OrderStepIn(DatedStepIn):
    """责令改正指令书 with its due day; with ``pay`` a 责令支付通知书 (劳动保障监察条例 第二十六条)."""

    due_on: date
    items: str = ""
    officers: list[int] = Field(default_factory=list)
    pay: bool = Field(False, description="责令限期支付 wages, overtime pay or 经济补偿")


class FollowupStepIn(DatedStepIn):
    """整改复查 of a correction order."""

    order: int = Field(description="id of the correction order")
    complied: bool = False
    summary: str = ""
    officers: list[int] = Field(default_factory=list)


class NotifyStepIn(DatedStepIn):
    """告知 the proposed decision, with the facts the discretion benchmark reads."""

    outcome: review_rules.Outcome = review_rules.Outcome.PENALTY
    fine: Decimal | None = Field(None, ge=0)
    text: str = ""
    measures: list[review_rules.Measure] = Field(default_factory=list)
    violation_code: str | None = Field(None, description="the benchmark's violation code")
    workers: int | None = Field(None, ge=0, description="劳动者人数 (per-worker fines)")
    months: int | None = Field(None, ge=0)
    amount: Decimal | None = Field(None, ge=0, description="涉及金额（元）")
    first_offence: bool = False
    corrected: bool = False
    harm: str = ""
    circumstances: list[str] = Field(default_factory=list)

    FACT_FIELDS: ClassVar[tuple[str, ...]] = (
        "workers",
        "months",
        "amount",
        "harm",
        "first_offence",
        "corrected",
        "circumstances",
    )

    def facts(self) -> dict[str, Any] | None:
        """The discretion facts, or None when none was given (the case's stay as they are)."""
        if not (self.model_fields_set & set(self.FACT_FIELDS)):
            return None
        return {
            "workers": self.workers or 0,
            "months": self.months or 0,
            "amount": str(self.amount or 0),
            "first_offence": self.first_offence,
            "corrected": self.corrected,
            "harm": self.harm,
            "circumstances": [c for c in self.circumstances if c],
        }


class HearingRequestStepIn(DatedStepIn):
    """The party asks for a hearing (行政处罚法 第六十四条)."""


class HearingNoticeStepIn(DatedStepIn):
    """Appoint the presiding officer and notify the hearing (``on``: the notice day)."""

    presiding: int | None = Field(None, description="user id of the presiding officer")
    hearing_on: date
    place: str = ""


class HearingRecordStepIn(DatedStepIn):
    """The signed 听证笔录 (``on``: the day the hearing was held)."""

    summary: str = ""


class HearingCloseStepIn(DatedStepIn):
    waived: bool = Field(False, description="the party withdrew or failed to appear")


class ReviewSubmitStepIn(DatedStepIn):
    """Send the case to 法制审核."""


class ReviewPointIn(Schema):
    passed: bool
    note: str = ""


class ReviewStepIn(DatedStepIn):
    """The 法制审核 opinion on the seven points (国办发〔2018〕118号 (十三))."""

    points: dict[str, ReviewPointIn] = Field(
        default_factory=dict, description=f"one per point: {', '.join(review_rules.POINT_CODES)}"
    )
    opinion: review_rules.Opinion
    comments: str = ""


class DiscussStepIn(DatedStepIn):
    """集体讨论 (行政处罚法 第五十七条第二款)."""

    attendees: str = ""
    conclusion: str = ""


class ProposeStepIn(DatedStepIn):
    """The officer's 处理意见 for the 负责人 (行政处罚法 2021 第五十七条; 2017 第三十八条)."""

    outcome: review_rules.Outcome = review_rules.Outcome.PENALTY
    fine: Decimal | None = Field(
        None, ge=0, description="罚款, or 加付赔偿金 where the item says so"
    )
    text: str = ""
    measures: list[review_rules.Measure] = Field(default_factory=list)
    departure_reason: str = Field("", description="why the amount leaves the benchmark's tier")


class SendBackStepIn(DatedStepIn):
    """The 负责人 sends the case back instead of deciding."""

    reason: str = ""


class DecideStepIn(DatedStepIn):
    """The 负责人's decision on the proposal (行政处罚法 第五十七、五十九条); a field left out
    keeps the proposal's value."""

    outcome: review_rules.Outcome | None = None
    fine: Decimal | None = Field(None, ge=0)
    text: str | None = None
    measures: list[review_rules.Measure] | None = None
    departure_reason: str | None = Field(None, description="why the amount leaves the tier")

    CHANGES: ClassVar[tuple[str, ...]] = (
        "outcome",
        "fine",
        "text",
        "measures",
        "departure_reason",
    )

    def changes(self) -> dict[str, Any]:
        """The values the 负责人 gave (not empty); the others stay the proposal's."""
        given = {
            name: getattr(self, name) for name in self.CHANGES if name in self.model_fields_set
        }
        given = {k: v for k, v in given.items() if v not in (None, "", [])}
        if "measures" in given:
            given["measures"] = [m.value for m in given["measures"]]
        return given


class ServeStepIn(DatedStepIn):
    """送达 the decision (行政处罚法 第六十一条); 公告送达 names the day the notice was published."""

    method: str = Field("direct", description=", ".join(execution.SERVICE_METHODS))
    recipient: str = ""
    notice_on: date | None = Field(None, description="公告送达: the day the notice was published")


class PayStepIn(DatedStepIn):
    suspended_days: int = Field(0, ge=0, description="days 复议/诉讼 were pending (第七十三条)")


class RemindStepIn(DatedStepIn):
    """催告书 (行政强制法 第五十四条)."""


class ApplyCourtStepIn(DatedStepIn):
    """申请人民法院强制执行."""


class CloseStepIn(DatedStepIn):
    note: str = ""


class ArchiveStepIn(DatedStepIn):
    """归档."""


# --- lookups ------------------------------------------------------------------------------------


def _officers(ids: Sequence[int]) -> list[Officer]:
    """The officers in the order given: at 立案 the first is the 主办 (owner of the clocks)."""
    found = Officer.objects.in_bulk(list(ids))
    return [found[pk] for pk in dict.fromkeys(ids) if pk in found]


def _user(pk: int | None) -> User | None:
    return User.objects.filter(pk=pk, is_active=True).first() if pk else None


def _evidence(case: Case, ids: Sequence[int]) -> list[EvidenceFile]:
    return list(EvidenceFile.objects.filter(pk__in=list(ids), attachments__case_ref=case.reference))


def _order(case: Case, pk: int) -> CorrectionOrder:
    order = CorrectionOrder.objects.filter(case=case, pk=pk).first()
    if order is None:
        raise BadInput("请选择要复查的责令改正指令")
    return order


# --- the table ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    key: str
    label: str
    schema: type[CaseStepIn]
    run: Callable[[Case, Any, Sequence[Upload], Any], Any]


def _steps() -> dict[str, Step]:
    steps = [
        Step(
            "accept",
            "受理",
            AcceptStepIn,
            lambda c, d, f, u: intake.case_accept(case=c, on=d.on, actor=u, seen_version=d.version),
        ),
        Step(
            "reject",
            "不予受理",
            RejectStepIn,
            lambda c, d, f, u: intake.case_reject(
                case=c, on=d.on, reason=d.reason, actor=u, seen_version=d.version
            ),
        ),
        Step(
            "file",
            "立案",
            FileStepIn,
            lambda c, d, f, u: intake.case_file(
                case=c,
                on=d.on,
                approver=_user(d.approver),
                officers=_officers(d.officers),
                actor=u,
                seen_version=d.version,
            ),
        ),
        Step(
            "extend",
            "延长调查期限",
            ExtendStepIn,
            lambda c, d, f, u: intake.case_extend(
                case=c,
                approver=_user(d.approver),
                reason=d.reason,
                on=d.on,
                actor=u,
                seen_version=d.version,
            ),
        ),
        Step(
            "withdraw",
            "撤销立案",
            WithdrawStepIn,
            lambda c, d, f, u: intake.case_withdraw(
                case=c, on=d.on, reason=d.reason, actor=u, seen_version=d.version
            ),
        ),
        Step(
            "act",
            "记录调查取证",
            ActStepIn,
            lambda c, d, f, u: acts.case_record_act(
                case=c,
                kind=d.kind,
                on=d.on,
                summary=d.summary,
                officers=_officers(d.officers),
                actor=u,
                uploads=f,
                existing=_evidence(c, d.evidence_ids),
                place=d.place,
                seen_version=d.version,
            ),
        ),
        Step(
            "order",
            "责令改正",
            OrderStepIn,
            lambda c, d, f, u: acts.case_order_correction(
                case=c,
                on=d.on,
                due_on=d.due_on,
                items=d.items,
                officers=_officers(d.officers),
                actor=u,
                pay=d.pay,
                seen_version=d.version,
            ),
        ),
        Step(
            "followup",
            "整改复查",
            FollowupStepIn,
            lambda c, d, f, u: acts.case_order_followup(
                order=_order(c, d.order),
                on=d.on,
                complied=d.complied,
                summary=d.summary,
                officers=_officers(d.officers),
                actor=u,
                uploads=f,
                seen_version=d.version,
            ),
        ),
        Step(
            "notify",
            "告知拟作出的处罚决定",
            NotifyStepIn,
            lambda c, d, f, u: decision.case_notify(
                case=c,
                on=d.on,
                outcome=d.outcome,
                fine=d.fine,
                text=d.text,
                measures=[m.value for m in d.measures],
                actor=u,
                violation_code=d.violation_code or None,
                facts=d.facts(),
                seen_version=d.version,
            ),
        ),
        Step(
            "hearing_request",
            "受理听证申请",
            HearingRequestStepIn,
            lambda c, d, f, u: decision.case_hearing_request(
                case=c, on=d.on, actor=u, seen_version=d.version
            ),
        ),
        Step(
            "hearing_notice",
            "通知听证",
            HearingNoticeStepIn,
            lambda c, d, f, u: decision.case_hearing_notice(
                case=c,
                presiding=_user(d.presiding),
                notice_on=d.on,
                hearing_on=d.hearing_on,
                place=d.place,
                actor=u,
                seen_version=d.version,
            ),
        ),
        Step(
            "hearing_record",
            "记录听证笔录",
            HearingRecordStepIn,
            lambda c, d, f, u: decision.case_hearing_record(
                case=c, held_on=d.on, summary=d.summary, actor=u, uploads=f, seen_version=d.version
            ),
        ),
        Step(
            "hearing_close",
            "听证终结",
            HearingCloseStepIn,
            lambda c, d, f, u: decision.case_hearing_close(
                case=c, on=d.on, waived=d.waived, actor=u, seen_version=d.version
            ),
        ),
        Step(
            "review_submit",
            "提交法制审核",
            ReviewSubmitStepIn,
            lambda c, d, f, u: decision.case_review_submit(
                case=c, on=d.on, actor=u, seen_version=d.version
            ),
        ),
        Step(
            "review",
            "法制审核意见",
            ReviewStepIn,
            lambda c, d, f, u: decision.case_review(
                case=c,
                on=d.on,
                points={k: (p.passed, p.note) for k, p in d.points.items()},
                opinion=d.opinion,
                comments=d.comments,
                actor=u,
                seen_version=d.version,
            ),
        ),
        Step(
            "discuss",
            "集体讨论",
            DiscussStepIn,
            lambda c, d, f, u: decision.case_discuss(
                case=c,
                on=d.on,
                attendees=d.attendees,
                conclusion=d.conclusion,
                actor=u,
                seen_version=d.version,
            ),
        ),
        Step(
            "propose",
            "提出处理意见",
            ProposeStepIn,
            lambda c, d, f, u: decision.case_propose(
                case=c,
                on=d.on,
                outcome=d.outcome,
                fine=d.fine,
                text=d.text,
                measures=[m.value for m in d.measures],
                departure_reason=d.departure_reason,
                actor=u,
                seen_version=d.version,
            ),
        ),
        Step(
            "send_back",
            "退回",
            SendBackStepIn,
            lambda c, d, f, u: decision.case_send_back(
                case=c, on=d.on, reason=d.reason, actor=u, seen_version=d.version
            ),
        ),
        Step(
            "decide",
            "作出处罚决定",
            DecideStepIn,
            lambda c, d, f, u: decision.case_decide(
                case=c, on=d.on, actor=u, seen_version=d.version, **d.changes()
            ),
        ),
        Step(
            "serve",
            "送达",
            ServeStepIn,
            lambda c, d, f, u: execution.case_serve(
                case=c,
                on=d.on,
                method=d.method or "direct",
                recipient=d.recipient,
                notice_on=d.notice_on,
                actor=u,
                seen_version=d.version,
            ),
        ),
        Step(
            "pay",
            "缴纳罚款",
            PayStepIn,
            lambda c, d, f, u: execution.case_pay(
                case=c, on=d.on, suspended_days=d.suspended_days, actor=u, seen_version=d.version
            ),
        ),
        Step(
            "remind",
            "催告",
            RemindStepIn,
            lambda c, d, f, u: execution.case_remind(
                case=c, on=d.on, actor=u, seen_version=d.version
            ),
        ),
        Step(
            "apply_court",
            "申请法院强制执行",
            ApplyCourtStepIn,
            lambda c, d, f, u: execution.case_apply_court(
                case=c, on=d.on, actor=u, seen_version=d.version
            ),
        ),
        Step(
            "close",
            "结案",
            CloseStepIn,
            lambda c, d, f, u: execution.case_close(
                case=c, on=d.on, note=d.note, actor=u, seen_version=d.version
            ),
        ),
        Step(
            "archive",
            "归档",
            ArchiveStepIn,
            lambda c, d, f, u: execution.case_archive(
                case=c, on=d.on, actor=u, seen_version=d.version
            ),
        ),
    ]
    return {s.key: s for s in steps}


STEPS: dict[str, Step] = _steps()


def run_step(
    case: Case, action: str, data: CaseStepIn, *, uploads: Sequence[Upload] = (), actor
) -> Any:
    """Run ``action`` on ``case`` with its parsed parameters; ``data.version`` is the version
    the user saw. The service checks the actor (the gate) and the rules."""
    step = STEPS.get(action)
    if step is None:
        raise BadInput(f"未知操作：{action}")
    if not isinstance(data, step.schema):
        raise BadInput(f"参数不属于该步骤：{action}")
    return step.run(case, data, uploads, actor)


def form_params(post) -> dict[str, Any]:
    """A form's POST (QueryDict) as plain parameters: lists for the multi-valued fields, and
    the review's ``point_<code>``/``note_<code>`` pairs as the API's ``points`` object."""
    params: dict[str, Any] = {k: post.get(k) for k in post}
    for name in LIST_FIELDS:
        if name in post:
            params[name] = [v for v in post.getlist(name) if v]
    points = {
        code: {"passed": post.get(f"point_{code}") == "1", "note": post.get(f"note_{code}", "")}
        for code in review_rules.POINT_CODES
        if post.get(f"point_{code}") in ("0", "1")
    }
    if points:
        params["points"] = points
    return params


def _blank_is_absent(schema: type[CaseStepIn], params: Mapping[str, Any]) -> dict[str, Any]:
    """The schema's fields of a form: an empty field means "not given" — ``None`` where the
    field may be empty, otherwise its default (an empty text stays an empty text)."""
    out = {}
    for name, field in schema.model_fields.items():
        if name not in params:
            continue
        value = params[name]
        if value == "" and field.annotation is not str:
            if field.default is None:
                out[name] = None
            continue  # a date, number, list or flag left empty: required, or its default
        out[name] = value
    return out


def parse_form(action: str, post) -> CaseStepIn:
    """The step's schema from a form's POST; :class:`BadInput` names the first bad field."""
    step = STEPS.get(action)
    if step is None:
        raise BadInput(f"未知操作：{action}")
    try:
        return step.schema.model_validate(_blank_is_absent(step.schema, form_params(post)))
    except ValidationError as exc:
        first = exc.errors()[0]
        name = str(first["loc"][0]) if first["loc"] else ""
        if first["type"] == "missing":
            raise BadInput(f"请填写：{name}") from None
        what = "日期" if "date" in first["type"] else "内容"
        raise BadInput(f"{what}格式不正确：{name}") from None


__all__ = ["STEPS", "BadInput", "CaseStepIn", "Refused", "form_params", "parse_form", "run_step"]
