"""Social-insurance arrears (社会保险费欠缴): 滞纳金, partial payments, the fine range, step order.

Pure Python. Legal frame (domain-rules §11):

* 《中华人民共和国社会保险法》第八十六条: an employer that does not pay in full and on time is
  ordered to pay within a time limit, and "自欠缴之日起，按日加收万分之五的滞纳金"; if it still
  does not pay, the 有关行政部门 fines it 1 to 3 times the arrears.
* 第六十三条: (1) the 征收机构 orders payment within a time limit; (2) when the limit has passed
  unpaid it may query the employer's deposit accounts and ask for a 划拨 decision; (3) when the
  balance is short it may require a 担保 and sign a 延期缴费协议; without a 担保 it may apply to
  the court for 扣押、查封、拍卖.
* Collector: since 2019-01-01 the 税务部门 collects 社会保险费 (《国税地税征管体制改革方案》);
  in Tianjin enterprise contributions moved on 2020-11-21 (secondary source). Each step records
  the acting body; ``default_acting_body`` gives the default.

Decisions (documented in docs/dev/discretion-and-arrears.md):

* Counting: the 欠缴之日 is the day after the due date; a day of arrears counts through the
  payment date inclusive, so the days are ``paid_on - due`` (due 1-15, paid 1-20: 5 days).
* Partial payments go to the principal first; anything beyond the principal pays the 滞纳金.
  The fee accrues each day on the principal outstanding that day.
* Cap: whether 行政强制法 第四十五条 (滞纳金 ≤ principal) applies to 社保 滞纳金 is contested
  (UNVERIFIED); ``capped`` (settings ``FAZHI["SI_LATE_FEE_CAPPED"]``, default off) caps the
  accrued fee at the original principal.
* Rounding: the fee is computed exactly and rounded to the fen (half-up) once.
* The 欠缴数额 for the 第八十六条 fine is the principal still unpaid when the order's deadline
  passed.

>>> s = statement(principal=Decimal("10000"), due=date(2019, 1, 15), as_of=date(2019, 1, 20))
>>> s.days, s.late_fee, s.total_outstanding
(5, Decimal('25.00'), Decimal('10025.00'))
>>> fine_range(Decimal("10000"))
(Decimal('10000.00'), Decimal('30000.00'))
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from fazhi.core.domain import citations
from fazhi.core.domain.errors import Refused

FEN = Decimal("0.01")
# 社会保险法 第八十六条：自欠缴之日起，按日加收万分之五的滞纳金。
LATE_FEE_DAILY_RATE = Decimal("0.0005")
BASIS_LATE_FEE = "《中华人民共和国社会保险法》第八十六条"
BASIS_ORDER = "《中华人民共和国社会保险法》第六十三条第一款"
BASIS_QUERY = "《中华人民共和国社会保险法》第六十三条第二款"
BASIS_SECURITY = "《中华人民共和国社会保险法》第六十三条第三款"
BASIS_FINE = "《中华人民共和国社会保险法》第八十六条"
BASIS_CAP = "《中华人民共和国行政强制法》第四十五条（是否适用于社会保险费滞纳金待确认）"


def to_fen(amount: Decimal) -> Decimal:
    return Decimal(amount).quantize(FEN, rounding=ROUND_HALF_UP)


def _yuan(amount: Decimal) -> str:
    return f"{to_fen(amount):,.2f}"


class StepKind(StrEnum):
    ORDER = "order"
    ACCOUNT_QUERY = "account_query"
    TRANSFER = "transfer"
    GUARANTEE = "guarantee"
    COURT = "court"
    FINE = "fine"
    PAYMENT = "payment"
    CLOSE = "close"


STEP_LABELS: dict[str, str] = {
    StepKind.ORDER: "限期缴纳通知",
    StepKind.ACCOUNT_QUERY: "查询存款账户",
    StepKind.TRANSFER: "划拨决定",
    StepKind.GUARANTEE: "担保及延期缴费协议",
    StepKind.COURT: "申请人民法院强制执行",
    StepKind.FINE: "罚款决定",
    StepKind.PAYMENT: "缴纳",
    StepKind.CLOSE: "结案",
}
# The typed date of each step, as its entry log (``ArrearsDateEntry``) and refusals name it.
DATE_LABELS: dict[str, str] = {
    StepKind.ORDER: "限期缴纳通知日期",
    StepKind.ACCOUNT_QUERY: "查询存款账户日期",
    StepKind.TRANSFER: "划拨决定日期",
    StepKind.GUARANTEE: "延期缴费协议签订日期",
    StepKind.COURT: "申请人民法院强制执行日期",
    StepKind.FINE: "罚款决定日期",
    StepKind.PAYMENT: "缴纳日期",
    StepKind.CLOSE: "结案日期",
}
STEP_BASIS: dict[str, str] = {
    StepKind.ORDER: BASIS_ORDER,
    StepKind.ACCOUNT_QUERY: BASIS_QUERY,
    StepKind.TRANSFER: BASIS_QUERY,
    StepKind.GUARANTEE: BASIS_SECURITY,
    StepKind.COURT: BASIS_SECURITY,
    StepKind.FINE: BASIS_FINE,
    StepKind.PAYMENT: BASIS_LATE_FEE,
    StepKind.CLOSE: "",
}


class Status(StrEnum):
    REGISTERED = "registered"
    ORDERED = "ordered"
    ENFORCING = "enforcing"
    DEFERRED = "deferred"
    COURT = "court"
    PAID = "paid"
    CLOSED = "closed"


STATUS_LABELS: dict[str, str] = {
    Status.REGISTERED: "已登记",
    Status.ORDERED: "限期缴纳中",
    Status.ENFORCING: "强制征缴中",
    Status.DEFERRED: "延期缴费",
    Status.COURT: "申请法院强制执行",
    Status.PAID: "已清缴",
    Status.CLOSED: "已结案",
}


@dataclass(frozen=True)
class Payment:
    on: date
    amount: Decimal


@dataclass(frozen=True)
class Statement:
    """What is owed on ``as_of``: principal and 滞纳金, paid and outstanding."""

    as_of: date
    principal: Decimal
    principal_paid: Decimal
    principal_outstanding: Decimal
    late_fee: Decimal
    late_fee_paid: Decimal
    late_fee_outstanding: Decimal
    days: int
    capped: bool = False

    @property
    def total_outstanding(self) -> Decimal:
        return self.principal_outstanding + self.late_fee_outstanding


def arrears_days(*, due: date, until: date) -> int:
    """Days of arrears from the day after ``due`` through ``until`` inclusive (第八十六条).

    >>> arrears_days(due=date(2020, 2, 28), until=date(2020, 3, 1))  # 2020-02-29 counts
    2
    """
    return max((until - due).days, 0)


def statement(
    *,
    principal: Decimal,
    due: date,
    as_of: date,
    payments: Iterable[Payment] = (),
    capped: bool = False,
) -> Statement:
    """The arrears on ``as_of`` after the payments made up to that day.

    >>> pays = [Payment(date(2019, 2, 14), Decimal("6000"))]
    >>> s = statement(principal=Decimal("10000"), due=date(2019, 1, 15), as_of=date(2019, 3, 16),
    ...               payments=pays)
    >>> s.late_fee  # 10000 × 30 days + 4000 × 30 days, × 0.05%
    Decimal('210.00')
    >>> s.principal_outstanding
    Decimal('4000.00')
    >>> statement(principal=Decimal("100"), due=date(2019, 1, 1), as_of=date(2025, 1, 1),
    ...           capped=True).late_fee
    Decimal('100.00')
    """
    principal = Decimal(principal)
    outstanding = principal
    fee = Decimal(0)
    fee_paid = Decimal(0)
    previous = due
    for payment in sorted((p for p in payments if p.on <= as_of), key=lambda p: p.on):
        day = max(payment.on, due)
        fee += outstanding * LATE_FEE_DAILY_RATE * max((day - previous).days, 0)
        previous = max(previous, day)
        to_principal = min(Decimal(payment.amount), outstanding)
        outstanding -= to_principal
        fee_paid += Decimal(payment.amount) - to_principal
    fee += outstanding * LATE_FEE_DAILY_RATE * max((as_of - previous).days, 0)
    hit_cap = False
    # 行政强制法 第四十五条第二款 (if it applies — UNVERIFIED): 滞纳金不得超出本金.
    if capped and fee > principal:
        fee, hit_cap = principal, True
    fee = to_fen(fee)
    fee_paid = to_fen(fee_paid)
    return Statement(
        as_of=as_of,
        principal=to_fen(principal),
        principal_paid=to_fen(principal - outstanding),
        principal_outstanding=to_fen(outstanding),
        late_fee=fee,
        late_fee_paid=fee_paid,
        late_fee_outstanding=max(fee - fee_paid, Decimal("0.00")),
        days=arrears_days(due=due, until=as_of),
        capped=hit_cap,
    )


def fine_range(arrears: Decimal) -> tuple[Decimal, Decimal]:
    """第八十六条: 欠缴数额一倍以上三倍以下."""
    return to_fen(Decimal(arrears)), to_fen(Decimal(arrears) * 3)


def default_acting_body(*, kind: str, on: date, tax_collects_from: date) -> str:
    """Who acts for a step: the fine is the 人社 department's (有关行政部门); the collection steps
    belong to the 征收机构 — the 社会保险经办机构 before ``tax_collects_from``, the 税务部门 after.

    >>> default_acting_body(kind="fine", on=date(2019, 6, 1), tax_collects_from=date(2020, 11, 21))
    '人力资源社会保障行政部门'
    >>> default_acting_body(kind="order", on=date(2021, 1, 4), tax_collects_from=date(2020, 11, 21))
    '税务部门（社会保险费征收机构）'
    """
    if kind == StepKind.FINE:
        return "人力资源社会保障行政部门"
    if on >= tax_collects_from:
        return "税务部门（社会保险费征收机构）"
    return "社会保险经办机构（社会保险费征收机构）"


# ----------------------------------------------------------------------------- step order


@dataclass(frozen=True)
class StepFact:
    """A recorded step as the rules see it."""

    kind: str
    on: date
    amount: Decimal | None = None  # 划拨 / 罚款 / 缴纳 amount
    deadline: date | None = None  # order: 缴纳期限; guarantee: 协议缴费期限
    balance: Decimal | None = None  # account query: balance found


@dataclass(frozen=True)
class CaseFacts:
    principal: Decimal
    due: date
    steps: tuple[StepFact, ...] = ()
    capped: bool = False

    def payments(self) -> list[Payment]:
        return [
            Payment(s.on, s.amount or Decimal(0)) for s in self.steps if s.kind == StepKind.PAYMENT
        ]

    def statement(self, as_of: date) -> Statement:
        return statement(
            principal=self.principal,
            due=self.due,
            as_of=as_of,
            payments=self.payments(),
            capped=self.capped,
        )

    def last(self, kind: str) -> StepFact | None:
        found = [s for s in self.steps if s.kind == kind]
        return found[-1] if found else None


def _check_order_passed(case: CaseFacts, on: date, action: str, basis: str) -> StepFact:
    order = case.last(StepKind.ORDER)
    if order is None or order.deadline is None:
        raise Refused(f"尚未责令限期缴纳，不能{action}", basis)
    if on <= order.deadline:
        raise Refused(f"限期缴纳期限（至{order.deadline:%Y年%m月%d日}）届满前不能{action}", basis)
    if case.statement(order.deadline).principal_outstanding <= 0:
        raise Refused(f"用人单位已在限期内缴纳，不能{action}", basis)
    return order


def _short_query(case: CaseFacts, action: str) -> StepFact:
    query = case.last(StepKind.ACCOUNT_QUERY)
    if query is None:
        raise Refused(f"尚未查询存款账户，不能{action}", BASIS_SECURITY)
    owed = case.statement(query.on).total_outstanding
    if (query.balance or Decimal(0)) >= owed:
        raise Refused(f"查询的账户余额足以缴纳欠费，应作出划拨决定，不能{action}", BASIS_SECURITY)
    return query


def preconditions(case: CaseFacts, kind: str, on: date) -> None:
    """Raise Refused when a step of ``kind`` cannot be taken on ``on`` (amounts not checked)."""
    if kind not in STEP_LABELS:
        raise Refused(f"未知的办理步骤：{kind}")
    label = STEP_LABELS[kind]
    if case.last(StepKind.CLOSE) is not None:
        raise Refused("案件已结案，不能再办理")
    if case.steps and on < case.steps[-1].on:
        raise Refused(f"{label}日期不能早于上一步骤（{case.steps[-1].on:%Y年%m月%d日}）")
    owed = case.statement(on)
    if kind == StepKind.ORDER:
        if on <= case.due:
            raise Refused("缴费期限届满前不存在欠费，不能责令限期缴纳", BASIS_ORDER)
        if case.last(StepKind.ORDER) is not None:
            raise Refused("已经发出限期缴纳通知", BASIS_ORDER)
        if owed.principal_outstanding <= 0:
            raise Refused("欠缴本金已清缴，无需责令限期缴纳", BASIS_ORDER)
    elif kind == StepKind.ACCOUNT_QUERY:
        _check_order_passed(case, on, "查询存款账户", BASIS_QUERY)
        if owed.total_outstanding <= 0:
            raise Refused("欠费已清缴，不能查询存款账户", BASIS_QUERY)
    elif kind == StepKind.TRANSFER:
        query = case.last(StepKind.ACCOUNT_QUERY)
        if query is None or not query.balance or query.balance <= 0:
            raise Refused("未查询到存款账户余额，不能作出划拨决定", BASIS_QUERY)
        if owed.total_outstanding <= 0:
            raise Refused("欠费已清缴，不能作出划拨决定", BASIS_QUERY)
    elif kind == StepKind.GUARANTEE:
        _short_query(case, "要求提供担保、签订延期缴费协议")
    elif kind == StepKind.COURT:
        _short_query(case, "申请人民法院强制执行")
        if case.last(StepKind.COURT) is not None:
            raise Refused("已经申请人民法院强制执行", BASIS_SECURITY)
        guarantee = case.last(StepKind.GUARANTEE)
        if guarantee is not None and guarantee.deadline and on <= guarantee.deadline:
            raise Refused(
                f"用人单位已提供担保，延期缴费协议期限（至{guarantee.deadline:%Y年%m月%d日}）"
                "届满前不能申请人民法院强制执行",
                BASIS_SECURITY,
            )
        if owed.total_outstanding <= 0:
            raise Refused("欠费已清缴，不能申请人民法院强制执行", BASIS_SECURITY)
    elif kind == StepKind.FINE:
        _check_order_passed(case, on, "作出罚款决定", BASIS_FINE)
        if case.last(StepKind.FINE) is not None:
            raise Refused(
                "已经作出罚款决定，不能对同一欠缴行为再次罚款",
                citations.cite_penalty("no_double_fine", on),
            )
    elif kind == StepKind.PAYMENT:
        if owed.total_outstanding <= 0:
            raise Refused("欠缴本金和滞纳金均已清缴")
    elif kind == StepKind.CLOSE and owed.total_outstanding > 0 and not case.last(StepKind.COURT):
        raise Refused(
            f"尚有欠缴本金{_yuan(owed.principal_outstanding)}元、滞纳金"
            f"{_yuan(owed.late_fee_outstanding)}元未清缴，且未申请人民法院强制执行，不能结案",
            BASIS_LATE_FEE,
        )


def fine_arrears(case: CaseFacts) -> Decimal:
    """The 欠缴数额 the fine is measured on: principal unpaid when the order's deadline passed."""
    order = case.last(StepKind.ORDER)
    if order is None or order.deadline is None:
        return Decimal("0.00")
    return case.statement(order.deadline).principal_outstanding


def check_step(case: CaseFacts, step: StepFact) -> None:
    """All rules for recording ``step`` on ``case``; raises Refused citing the article.

    >>> case = CaseFacts(principal=Decimal("10000"), due=date(2019, 1, 15))
    >>> check_step(case, StepFact("account_query", date(2019, 3, 1), balance=Decimal(0)))
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 尚未责令限期缴纳，不能查询存款账户（依据：《中华人民共和国社会保险法》第六十三条第二款）
    """
    preconditions(case, step.kind, step.on)
    owed = case.statement(step.on)
    amount = step.amount
    if step.kind in (StepKind.TRANSFER, StepKind.FINE, StepKind.PAYMENT) and (
        amount is None or amount <= 0
    ):
        raise Refused(f"{STEP_LABELS[step.kind]}须填写大于零的金额")
    if step.kind == StepKind.ORDER and (step.deadline is None or step.deadline <= step.on):
        raise Refused("限期缴纳通知须载明晚于通知日期的缴纳期限", BASIS_ORDER)
    if step.kind == StepKind.GUARANTEE and (step.deadline is None or step.deadline <= step.on):
        raise Refused("延期缴费协议须载明晚于签订日期的缴费期限", BASIS_SECURITY)
    if step.kind == StepKind.ACCOUNT_QUERY and (step.balance is None or step.balance < 0):
        raise Refused("请填写查询到的账户余额（无余额填0）", BASIS_QUERY)
    if step.kind == StepKind.TRANSFER and amount is not None:
        query = case.last(StepKind.ACCOUNT_QUERY)
        balance = query.balance if query and query.balance else Decimal(0)
        ceiling = min(balance, owed.total_outstanding)
        if amount > ceiling:
            raise Refused(
                f"划拨金额不能超过查询到的余额和欠缴金额中的较低者（{_yuan(ceiling)}元）",
                BASIS_QUERY,
            )
    if step.kind == StepKind.PAYMENT and amount is not None and amount > owed.total_outstanding:
        raise Refused(
            f"缴纳金额超过应缴本金和滞纳金合计（{_yuan(owed.total_outstanding)}元）", BASIS_LATE_FEE
        )
    if step.kind == StepKind.FINE and amount is not None:
        low, high = fine_range(fine_arrears(case))
        if not (low <= amount <= high):
            raise Refused(
                f"罚款金额应在欠缴数额的一倍以上三倍以下（{_yuan(low)}元至{_yuan(high)}元）",
                BASIS_FINE,
            )


def allowed_steps(case: CaseFacts, on: date) -> list[str]:
    """The step kinds whose preconditions hold on ``on`` (the "next allowed steps")."""
    allowed = []
    for kind in STEP_LABELS:
        try:
            preconditions(case, kind, on)
        except Refused:
            continue
        allowed.append(kind)
    return allowed


def status_after(case: CaseFacts, step: StepFact, previous: str) -> str:
    """The case status once ``step`` is recorded (``case`` already includes it)."""
    if step.kind == StepKind.CLOSE:
        return Status.CLOSED
    if case.statement(step.on).total_outstanding <= 0:
        return Status.PAID
    after: dict[str, str] = {
        StepKind.ORDER: Status.ORDERED,
        StepKind.ACCOUNT_QUERY: Status.ENFORCING,
        StepKind.TRANSFER: Status.ENFORCING,
        StepKind.GUARANTEE: Status.DEFERRED,
        StepKind.COURT: Status.COURT,
    }
    return after.get(step.kind, previous if previous != Status.PAID else Status.ENFORCING)


def steps_tuple(steps: Sequence[StepFact]) -> tuple[StepFact, ...]:
    return tuple(sorted(steps, key=lambda s: s.on))


__all__ = [
    "BASIS_FINE",
    "BASIS_LATE_FEE",
    "STATUS_LABELS",
    "STEP_LABELS",
    "CaseFacts",
    "Payment",
    "Statement",
    "Status",
    "StepFact",
    "StepKind",
    "allowed_steps",
    "check_step",
    "default_acting_body",
    "fine_arrears",
    "fine_range",
    "preconditions",
    "statement",
    "status_after",
]
