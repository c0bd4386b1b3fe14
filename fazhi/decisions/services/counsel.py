"""法律顾问 and 公职律师: the register, conflicts, opinions, the chief's sign-off, adoption."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from fazhi.accounts.permissions import (
    DECISIONS_COUNSEL_ANSWER,
    DECISIONS_COUNSEL_REGISTER,
    DECISIONS_COUNSEL_REQUEST,
    require,
)
from fazhi.core.domain.errors import Refused
from fazhi.core.services import audit
from fazhi.decisions.domain import counsel as cdom
from fazhi.decisions.domain.errors import Code
from fazhi.decisions.models import (
    ConflictDeclaration,
    Counsel,
    CounselOpinion,
)
from fazhi.decisions.services._common import (
    enter_matter_date,
    lock,
    need,
    record,
    today,
)

# --- 法律顾问 -------------------------------------------------------------------------------------


@transaction.atomic
def counsel_register(
    *,
    kind: str,
    name: str,
    firm: str = "",
    licence_no: str = "",
    contract_start=None,
    contract_end=None,
    contract_terms: str = "",
    is_chief: bool = False,
    user=None,
    actor,
) -> Counsel:
    require(actor, DECISIONS_COUNSEL_REGISTER)
    kind = cdom.CounselKind(kind)
    if kind == cdom.CounselKind.EXTERNAL:
        need(firm, "律师事务所")
        if not contract_start or not contract_end or contract_end < contract_start:
            raise Refused(
                "外聘法律顾问须登记聘用合同的起止日期", cdom.BASIS_2016, code=Code.COUNSEL_CONTRACT
            )
    if is_chief and Counsel.objects.filter(is_chief=True).exists():
        raise Refused("已有首席法律顾问，请先变更原首席", code=Code.INVALID)
    counsel = Counsel.objects.create(
        kind=kind,
        name=need(name, "姓名"),
        firm=firm,
        licence_no=licence_no,
        contract_start=contract_start,
        contract_end=contract_end,
        contract_terms=contract_terms,
        is_chief=is_chief,
        user=user,
        recorded_by=audit.person(actor),
    )
    record(actor, "counsel.register", counsel, name=counsel.name, kind=kind.value)
    return counsel


@transaction.atomic
def counsel_declare_conflict(
    *, counsel: Counsel, matter_type: str, matter_id: int, description: str, actor, on=None
) -> ConflictDeclaration:
    """Recorded by the counsel themselves or by 法规处 from their written declaration."""
    if not (counsel.user_id and getattr(actor, "pk", None) == counsel.user_id):
        require(actor, DECISIONS_COUNSEL_REGISTER)
    row = ConflictDeclaration.objects.create(
        counsel=counsel,
        matter_type=cdom.MatterType(matter_type),
        matter_id=matter_id,
        description=need(description, "利益冲突情况"),
        declared_on=today(on),
        recorded_by=audit.person(actor),
    )
    record(
        actor,
        "counsel.declare_conflict",
        row,
        counsel=counsel.pk,
        matter=f"{matter_type}:{matter_id}",
    )
    return row


def _conflicted(counsel: Counsel, matter_type: str, matter_id: int) -> bool:
    return counsel.conflicts.filter(matter_type=matter_type, matter_id=matter_id).exists()


@transaction.atomic
def counsel_request(
    *,
    matter_type: str,
    matter_id: int,
    matter_title: str,
    org_unit,
    counsel: Counsel,
    question: str,
    materials: str,
    due_on: date,
    actor,
    on=None,
) -> CounselOpinion:
    """Any module asks one counsel for a written opinion on one matter."""
    require(actor, DECISIONS_COUNSEL_REQUEST, unit=org_unit)
    day = today(on)
    cdom.check_contract(counsel.kind, counsel.contract_start, counsel.contract_end, day)
    cdom.check_no_conflict(_conflicted(counsel, matter_type, matter_id))
    if due_on < day:
        raise Refused("答复期限不能早于委托日期", code=Code.INVALID)
    row = CounselOpinion.objects.create(
        matter_type=cdom.MatterType(matter_type),
        matter_id=matter_id,
        matter_title=need(matter_title, "事项名称"),
        org_unit=org_unit,
        counsel=counsel,
        question=need(question, "咨询事项"),
        materials=need(materials, "提供的材料"),
        requested_on=day,
        due_on=due_on,
        recorded_by=audit.person(actor),
    )
    enter_matter_date(matter_type, matter_id, "counsel_request", on, actor)
    record(actor, "counsel.request", row, counsel=counsel.pk, matter=f"{matter_type}:{matter_id}")
    return row


def _answerer(opinion: CounselOpinion, actor) -> None:
    if opinion.counsel.user_id and getattr(actor, "pk", None) == opinion.counsel.user_id:
        return
    require(actor, DECISIONS_COUNSEL_ANSWER, unit=opinion.org_unit)


@transaction.atomic
def counsel_answer(
    *,
    opinion: CounselOpinion,
    facts: str,
    legal_basis: str,
    conclusion: str,
    text: str,
    actor,
    on=None,
) -> CounselOpinion:
    """The written opinion: facts relied on, legal basis, conclusion. A counsel who declared a
    conflict on the matter is refused."""
    opinion = lock(opinion)
    _answerer(opinion, actor)
    cdom.check_no_conflict(_conflicted(opinion.counsel, opinion.matter_type, opinion.matter_id))
    if opinion.given_on:
        raise Refused("该法律意见已出具", code=Code.OPINION_STATE)
    try:
        result = cdom.OpinionConclusion(conclusion)
    except ValueError:
        raise Refused("意见结论不在可选范围内", code=Code.INVALID) from None
    opinion.facts = need(facts, "所依据的事实", cdom.BASIS_2016)
    opinion.legal_basis = need(legal_basis, "法律依据", cdom.BASIS_2016)
    opinion.opinion, opinion.conclusion = need(text, "意见内容"), result.value
    opinion.given_on = today(on)
    opinion.save()
    enter_matter_date(opinion.matter_type, opinion.matter_id, "counsel_answer", on, actor)
    record(actor, "counsel.answer", opinion, conclusion=result.value)
    return opinion


@transaction.atomic
def counsel_sign_off(*, opinion: CounselOpinion, actor, on=None) -> CounselOpinion:
    """The 首席法律顾问 signs the opinion off (seed: every decision is reviewed by the 首席)."""
    opinion = lock(opinion)
    chief = Counsel.objects.filter(is_chief=True).first()
    if chief is None or not chief.user_id or getattr(actor, "pk", None) != chief.user_id:
        require(actor, DECISIONS_COUNSEL_ANSWER, unit=opinion.org_unit)  # refuses outsiders first
        raise Refused("法律意见须由首席法律顾问本人签发", cdom.BASIS_2016, code=Code.NOT_CHIEF)
    if not opinion.given_on or opinion.signed_on:
        raise Refused("意见尚未出具或已签发", code=Code.OPINION_STATE)
    cdom.check_no_conflict(_conflicted(chief, opinion.matter_type, opinion.matter_id))
    opinion.signed_by, opinion.signed_on = chief, today(on)
    opinion.save()
    enter_matter_date(opinion.matter_type, opinion.matter_id, "counsel_sign_off", on, actor)
    record(actor, "counsel.sign_off", opinion, chief=chief.pk)
    return opinion


@transaction.atomic
def counsel_adoption(
    *, opinion: CounselOpinion, adopted: bool, reason: str = "", actor
) -> CounselOpinion:
    opinion = lock(opinion)
    require(actor, DECISIONS_COUNSEL_REQUEST, unit=opinion.org_unit)
    if not opinion.signed_on:
        raise Refused("意见尚未签发", code=Code.OPINION_STATE)
    opinion.adopted = bool(adopted)
    opinion.not_adopted_reason = "" if adopted else need(reason, "未采纳的理由", cdom.BASIS_2016)
    opinion.save()
    record(actor, "counsel.adoption", opinion, adopted=opinion.adopted)
    return opinion
