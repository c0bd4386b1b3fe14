"""Input and output schemas of /api/v1/disputes."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from ninja import Schema
from pydantic import WithJsonSchema

from fazhi.disputes.domain.litigation import Instance, Outcome
from fazhi.disputes.domain.reconsideration import DecisionType, Role


class DisputeDeadlineOut(Schema):
    rule: str
    label: str
    due: date
    status: str


class ReconsiderationOut(Schema):
    id: int
    reference: str
    role: str
    status: str
    status_label: str
    law: str
    org_unit: str
    respondent: str
    act: str
    received_on: date
    accepted_on: date | None
    decision: str
    decided_on: date | None
    decided_late: bool
    error_cause: str
    body_name: str = ""  # 复议机关
    body_basis: str = ""
    next_deadline: DisputeDeadlineOut | None = None


class ReconsiderationIn(Schema):
    org_unit_id: int
    role: Role = Role.BODY
    applicant_name: str
    respondent: str
    act: str
    act_known_on: date
    requests: str
    reasons: str = ""
    received_on: date
    is_simplified: bool = False
    power_item_code: str = ""
    original_case_ref: str = ""
    officers: str = ""
    # before 2024-01-01 (行政复议法 第十二条): the body the applicant chose, government/department
    body_choice: str = ""


class ReviewIn(Schema):
    outcome: str  # accept / correct / reject
    on: date
    note: str = ""


class DecideIn(Schema):
    decision: DecisionType
    on: date
    text: str = ""
    error_cause: str = ""
    facts: str = ""  # 审理查明的事实
    detail: str = ""  # 变更内容 / 履行事项及期限 / 重作要求 (required for vary, order_performance)


class LitigationOut(Schema):
    id: int
    case_number: str
    court: str
    instance: str
    step: str
    step_label: str
    org_unit: str
    act: str
    received_on: date
    answered_on: date | None
    answer_late: bool
    head_appeared: bool | None
    outcome: str
    is_lost: bool
    next_deadline: DisputeDeadlineOut | None = None


class LitigationIn(Schema):
    org_unit_id: int
    court: str
    case_number: str
    instance: Instance = Instance.FIRST
    plaintiff: str
    act: str
    claims: str
    received_on: date
    power_item_code: str = ""
    original_case_ref: str = ""


# ninja files an enum's schema under its class name, and enforcement's review outcome is also
# called Outcome: the judgment's values are published inline under a name of their own.
JudgmentOutcome = Annotated[
    Outcome,
    WithJsonSchema(
        {"title": "JudgmentOutcome", "type": "string", "enum": [o.value for o in Outcome]}
    ),
]


class JudgeIn(Schema):
    outcome: JudgmentOutcome
    served_on: date
    error_cause: str = ""


class RateOut(Schema):
    key: str
    reconsiderations: int
    decided: int
    corrected: int
    correction_rate: float | None
    suits: int
    judged: int
    lost: int
    loss_rate: float | None
    heard: int
    head_appeared: int
    appearance_rate: float | None
    acts: int | None = None  # enforcement and licensing decisions made (被复议率 denominator)
    reconsideration_rate: float | None = None  # 被复议率; None without decisions on record


class TrackingOut(Schema):
    status_label: str
    received_on: date
    accepted_on: date | None
    decided_on: date | None
    served_on: date | None
    next_step: str
    next_due: date | None


class ReconsiderationStepIn(Schema):
    """One step on a reconsideration case; the fields each step reads are listed in its summary."""

    step: Literal[
        "corrected",
        "send_copy",
        "reply",
        "record",
        "suspend",
        "resume",
        "extend",
        "terminate",
        "serve",
    ]
    on: date
    kind: str = ""  # record: hearing / mediation / note
    summary: str = ""  # record; reply: what the respondent's written reply says
    reason: str = ""  # suspend, extend, terminate
    approver_id: int | None = None  # extend


class LitigationStepIn(Schema):
    step: Literal["approve", "answer", "hearing", "perform"]
    on: date
    approver_id: int | None = None  # approve
    agent: str = ""  # approve
    head_appeared: bool = True  # hearing
    head_name: str = ""  # hearing
    stand_in: str = ""  # hearing
    absence_reason: str = ""  # hearing
    note: str = ""  # perform
