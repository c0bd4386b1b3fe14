"""Social-insurance arrears services (社会保险法 第六十三条、第八十六条).

Writes: `arrears_case_register`, `arrears_step_record` — in a transaction, the case row locked
and its version checked, the rules of `fazhi.enforcement.domain.arrears` checked before anything
is written, one audit event per change. Reads: `arrears_case_list`, `arrears_case_get`,
`arrears_rows`, `arrears_case_detail` (scoped to the user's org units).

Settings (``settings.FAZHI``): ``SI_LATE_FEE_CAPPED`` (bool, default False) caps the 滞纳金 at
the principal (行政强制法 第四十五条 — whether it applies is UNVERIFIED);
``SI_TAX_COLLECTION_FROM`` (ISO date, default "2020-11-21", Tianjin) is the day the 税务部门
became the 征收机构 for the default acting body of a step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import IO

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import QuerySet

from fazhi.accounts.permissions import ENFORCEMENT_HANDLE, require
from fazhi.accounts.selectors import scope_queryset
from fazhi.core.domain.errors import Refused
from fazhi.core.domain.identifiers import validate_uscc
from fazhi.core.models import Deadline
from fazhi.core.models.deadline import DeadlineStatus
from fazhi.core.selectors.deadlines import deadlines_for_subject
from fazhi.core.services import audit, entry_dates
from fazhi.core.services.deadlines import deadline_cancel, deadline_meet, deadline_open_fixed
from fazhi.core.services.evidence import evidence_ingest
from fazhi.enforcement.domain import arrears as rules
from fazhi.enforcement.models import ArrearsCase, ArrearsDateEntry, ArrearsStep

Kind = rules.StepKind
# Power items (权责清单) the steps exercise; the powers app holds the items themselves.
POWER_ITEM_ENFORCE = "QZ-SB-63"  # 查询存款账户、划拨 (社会保险法 第六十三条)
POWER_ITEM_FINE = "CF-SB-86"  # 罚款 (社会保险法 第八十六条)
POWER_ITEMS = {
    Kind.ACCOUNT_QUERY: POWER_ITEM_ENFORCE,
    Kind.TRANSFER: POWER_ITEM_ENFORCE,
    Kind.FINE: POWER_ITEM_FINE,
}
RULE_ORDER = "social_insurance.payment_order"
RULE_AGREEMENT = "social_insurance.deferral_agreement"


def late_fee_capped() -> bool:
    return bool(settings.FAZHI.get("SI_LATE_FEE_CAPPED", False))


def tax_collection_from() -> date:
    return date.fromisoformat(str(settings.FAZHI.get("SI_TAX_COLLECTION_FROM", "2020-11-21")))


def case_facts(case: ArrearsCase, steps: list[ArrearsStep] | None = None) -> rules.CaseFacts:
    rows = steps if steps is not None else list(case.steps.order_by("seq"))
    return rules.CaseFacts(
        principal=case.principal,
        due=case.due_date,
        steps=tuple(s.as_fact() for s in rows),
        capped=late_fee_capped(),
    )


# ----------------------------------------------------------------------------- writes


@transaction.atomic
def arrears_case_register(
    *,
    reference: str,
    employer_name: str,
    employer_uscc: str,
    period_from: date,
    period_to: date,
    principal: Decimal,
    due_date: date,
    org_unit,
    actor,
    note: str = "",
) -> ArrearsCase:
    """Register an arrears case in ``org_unit`` (which must lie in the actor's scope). Audits
    ``enforcement.arrears_case.register``."""
    require(actor, ENFORCEMENT_HANDLE, unit=org_unit)
    checked = validate_uscc(employer_uscc)
    if not checked.is_valid:
        raise Refused(
            f"统一社会信用代码无效：{checked.reason}",
            "GB 32100-2015《法人和其他组织统一社会信用代码编码规则》",
        )
    if not employer_name.strip() or not reference.strip():
        raise Refused("请填写案件编号和用人单位名称")
    if period_from > period_to:
        raise Refused("欠缴所属期起不能晚于所属期止")
    if principal <= 0:
        raise Refused("欠缴本金应大于零")
    if due_date < period_from:
        raise Refused("应缴期限不能早于欠缴所属期")
    if ArrearsCase.objects.filter(reference=reference.strip()).exists():
        raise Refused(f"案件编号 {reference} 已存在")
    try:
        with transaction.atomic():
            case = ArrearsCase.objects.create(
                reference=reference.strip(),
                employer_name=employer_name.strip(),
                employer_uscc=checked.normalised,
                period_from=period_from,
                period_to=period_to,
                principal=principal,
                due_date=due_date,
                org_unit=org_unit,
                note=note,
                created_by=audit.person(actor),
            )
    except IntegrityError:
        raise Refused(f"案件编号 {reference} 已存在") from None
    audit.record(
        actor=actor,
        action="enforcement.arrears_case.register",
        target=case,
        data={
            "employer": case.employer_name,
            "uscc": case.employer_uscc,
            "principal": case.principal,
            "due_date": case.due_date,
            "period": [case.period_from, case.period_to],
        },
    )
    return case


@dataclass
class EvidenceUpload:
    fileobj: IO[bytes]
    name: str


@transaction.atomic
def arrears_step_record(
    *,
    case: ArrearsCase,
    kind: str,
    on: date,
    actor,
    expected_version: int | None = None,
    amount: Decimal | None = None,
    deadline: date | None = None,
    balance: Decimal | None = None,
    bank: str = "",
    acting_body: str = "",
    officer=None,
    document_number: str = "",
    note: str = "",
    evidence: EvidenceUpload | None = None,
) -> ArrearsStep:
    """Record one step of ``kind`` on ``case`` (see `rules.StepKind`).

    The step order of 第六十三条 and the fine range of 第八十六条 are checked first
    (`rules.check_step`); a refusal raises `Refused` and writes nothing. ``expected_version``
    guards against two staff acting at once. Side effects: the case status and version; the
    payment order opens a fixed deadline (``social_insurance.payment_order``), a 延期缴费协议
    another, and they are met / cancelled when the arrears are cleared or the case closes.
    Audits ``enforcement.arrears_case.<kind>``.
    """
    require(actor, ENFORCEMENT_HANDLE, unit=case.org_unit)
    # issue 18.5: a typed date never lies after the day of entry (行政处罚法 第四十七条)
    entry_dates.check_typed(on, rules.DATE_LABELS.get(kind, "日期"))
    locked = ArrearsCase.objects.select_for_update().get(pk=case.pk)
    if expected_version is not None and locked.version != expected_version:
        raise Refused("该案件已被他人更新，请刷新页面后重试")
    steps = list(locked.steps.order_by("seq"))
    facts = case_facts(locked, steps)
    fact = rules.StepFact(kind=kind, on=on, amount=amount, deadline=deadline, balance=balance)
    rules.check_step(facts, fact)
    if kind == Kind.TRANSFER and not bank.strip():
        raise Refused("划拨决定须载明开户银行", rules.BASIS_QUERY)
    if kind == Kind.ACCOUNT_QUERY and not bank.strip():
        raise Refused("请填写查询的开户银行", rules.BASIS_QUERY)
    body = acting_body.strip() or rules.default_acting_body(
        kind=kind, on=on, tax_collects_from=tax_collection_from()
    )
    stored = None
    if evidence is not None:
        stored = evidence_ingest(
            fileobj=evidence.fileobj,
            original_name=evidence.name,
            actor=actor,
            case_ref=locked.reference,
        )
    step = ArrearsStep.objects.create(
        case=locked,
        seq=len(steps) + 1,
        kind=kind,
        on=on,
        amount=amount,
        deadline=deadline,
        balance=balance,
        bank=bank.strip(),
        acting_body=body,
        power_item_code=POWER_ITEMS.get(kind, ""),
        document_number=document_number.strip(),
        officer=officer or audit.person(actor),
        recorded_by=audit.person(actor),
        note=note,
        evidence=stored,
    )
    answered = (
        _open_deadlines(locked).order_by("-start", "-pk").first() if kind == Kind.PAYMENT else None
    )
    entry_dates.record_typed_date(
        ArrearsDateEntry,
        owner={"case": locked, "arrears_step": step},
        previous_of={"case": locked},
        step=kind,
        on=on,
        actor=actor,
        due=answered.due if answered else None,
    )
    after = case_facts(locked, [*steps, step])
    previous_status = locked.status
    locked.status = rules.status_after(after, fact, previous_status)
    locked.version += 1
    locked.save(update_fields=["status", "version", "updated_at"])
    _clock(locked, step, after, actor)
    owed = after.statement(on)
    audit.record(
        actor=actor,
        action=f"enforcement.arrears_case.{kind}",
        target=locked,
        data={
            "step": step.seq,
            "kind": kind,
            "on": on,
            "amount": amount,
            "deadline": deadline,
            "balance": balance,
            "bank": step.bank,
            "acting_body": body,
            "power_item": step.power_item_code,
            "status": [previous_status, locked.status],
            "outstanding": owed.total_outstanding,
            "late_fee": owed.late_fee,
            "evidence": stored.sha256 if stored else None,
            "date_flagged": step.date_entry.flagged,
        },
    )
    case.status, case.version = locked.status, locked.version
    return step


def _open_deadlines(case: ArrearsCase) -> QuerySet[Deadline]:
    return deadlines_for_subject(subject=case).filter(status=DeadlineStatus.OPEN)


def _clock(case: ArrearsCase, step: ArrearsStep, facts: rules.CaseFacts, actor) -> None:
    owner = step.officer
    if step.kind == Kind.ORDER:
        # 第六十三条第一款：责令限期缴纳 — the notice itself fixes the date.
        deadline_open_fixed(
            subject=case,
            rule_code=RULE_ORDER,
            title="限期缴纳社会保险费期限",
            start=step.on,
            due=step.deadline,
            actor=actor,
            owner=owner,
            org_unit=case.org_unit,
            basis=rules.BASIS_ORDER,
        )
    elif step.kind == Kind.GUARANTEE:
        deadline_open_fixed(
            subject=case,
            rule_code=RULE_AGREEMENT,
            title="延期缴费协议期限",
            start=step.on,
            due=step.deadline,
            actor=actor,
            owner=owner,
            org_unit=case.org_unit,
            basis=rules.BASIS_SECURITY,
        )
    cleared = facts.statement(step.on).total_outstanding <= 0
    if cleared or step.kind == Kind.CLOSE:
        for open_deadline in _open_deadlines(case):
            if cleared and step.on >= open_deadline.start:
                deadline_meet(deadline=open_deadline, met_on=step.on, actor=actor)
            else:
                deadline_cancel(deadline=open_deadline, actor=actor, reason="欠缴案件结案")


# ----------------------------------------------------------------------------- reads


def arrears_case_list(*, user, status: str = "", query: str = "") -> QuerySet[ArrearsCase]:
    qs = scope_queryset(ArrearsCase.objects.select_related("org_unit"), user=user)
    if status:
        qs = qs.filter(status=status)
    if query:
        qs = qs.filter(employer_name__icontains=query) | qs.filter(reference__icontains=query)
    return qs.order_by("-due_date", "reference")


def arrears_case_get(*, pk: int, user) -> ArrearsCase:
    """Raises ArrearsCase.DoesNotExist when missing or outside the user's scope."""
    return arrears_case_list(user=user).get(pk=pk)


@dataclass
class ArrearsRow:
    case: ArrearsCase
    statement: rules.Statement
    steps: list[ArrearsStep] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return rules.STATUS_LABELS.get(self.case.status, self.case.status)


def arrears_rows(cases, *, today: date) -> list[ArrearsRow]:
    """Each case with its statement as of ``today`` (steps prefetched in one query)."""
    cases = list(cases)
    by_case: dict[int, list[ArrearsStep]] = {c.pk: [] for c in cases}
    for step in ArrearsStep.objects.filter(case__in=cases).order_by("case_id", "seq"):
        by_case[step.case_id].append(step)
    rows = []
    for case in cases:
        steps = by_case[case.pk]
        facts = case_facts(case, steps)
        as_of = today if case.status != rules.Status.CLOSED else steps[-1].on
        rows.append(ArrearsRow(case=case, statement=facts.statement(as_of), steps=steps))
    return rows


@dataclass
class ArrearsDetail:
    row: ArrearsRow
    allowed: list[tuple[str, str]]
    fine_range: tuple[Decimal, Decimal] | None
    deadlines: list[Deadline]
    date_entries: list[ArrearsDateEntry] = field(default_factory=list)


def arrears_case_detail(*, case: ArrearsCase, today: date) -> ArrearsDetail:
    """Statement, timeline, next allowed steps (as of ``today``) and deadlines of one case."""
    row = arrears_rows([case], today=today)[0]
    facts = case_facts(case, row.steps)
    allowed = [(k, rules.STEP_LABELS[k]) for k in rules.allowed_steps(facts, today)]
    fine = None
    if Kind.FINE in dict(allowed):
        fine = rules.fine_range(rules.fine_arrears(facts))
    return ArrearsDetail(
        row=row,
        allowed=allowed,
        fine_range=fine,
        deadlines=list(deadlines_for_subject(subject=case).order_by("start")),
        date_entries=arrears_date_entries(case),
    )


def arrears_date_entries(case: ArrearsCase) -> list[ArrearsDateEntry]:
    """The case's typed step dates beside the day each was entered and by whom, in entry order."""
    return list(case.date_entries.select_related("entered_by").order_by("entered_at", "pk"))
