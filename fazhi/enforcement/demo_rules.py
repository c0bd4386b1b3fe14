"""Demo records for 裁量基准 and 社保欠费; ``load(ctx)`` is called first by the enforcement demo.

* Benchmarks: the shipped 2017 set (published 2017-01-01, then superseded) and the 2019 set
  (published 2019-01-01), so the versioning shows.
* Twelve 2019 social-insurance arrears cases, one pattern per state of 第六十三条 and 第八十六条,
  every step through `arrears_step_record` (so each is checked and audited). Employers get valid
  统一社会信用代码 built with ``fazhi.core.domain.identifiers``.

Idempotent: sets by version (import is idempotent, publish only a draft), cases by 案件编号; each
case is created in one transaction, so an interrupted run is simply repeated.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from fazhi.core.domain.errors import Refused
from fazhi.core.domain.identifiers import USCC_ALPHABET, org_code_check_char, validate_uscc
from fazhi.enforcement.domain.arrears import fine_arrears
from fazhi.enforcement.models import ArrearsCase, DiscretionBenchmarkSet
from fazhi.enforcement.services import arrears as arrears_services
from fazhi.enforcement.services import discretion as discretion_services
from fazhi.enforcement.testing import on_day

BENCHMARKS = (("2017.toml", date(2017, 1, 1)), ("2019.toml", date(2019, 1, 1)))
EMPLOYERS = (
    "天津某建筑工程有限公司",
    "天津某物流有限公司",
    "天津某餐饮管理有限公司",
    "天津某电子科技有限公司",
    "天津某物业服务有限公司",
    "天津某商贸有限公司",
    "天津某机械制造有限公司",
    "天津某酒店管理有限公司",
    "天津某保安服务有限公司",
    "天津某汽车销售有限公司",
    "天津某印刷有限公司",
    "天津某家政服务有限公司",
)
DISTRICT_CODES = ("120101", "120102", "120103", "120104", "120116")
BANKS = ("中国工商银行天津分行", "中国建设银行天津分行", "中国农业银行天津分行")


def demo_uscc(index: int) -> str:
    """A valid 统一社会信用代码 (企业, 天津) for demo employer ``index``."""
    body = f"MA{index + 1:06d}"
    org = body + org_code_check_char(body)
    stem = "91" + DISTRICT_CODES[index % len(DISTRICT_CODES)] + org
    for char in USCC_ALPHABET:
        if validate_uscc(stem + char).is_valid:
            return stem + char
    raise AssertionError("no check character")  # pragma: no cover - GB 32100 always has one


def load(ctx) -> None:
    _benchmarks(ctx)
    for index, plan in enumerate(PLANS):
        _arrears_case(ctx, index, plan)


def _benchmarks(ctx) -> None:
    actor = ctx.users.get("fagui", ctx.actor)
    for name, effective_from in BENCHMARKS:
        try:
            benchmark_set = discretion_services.discretion_set_import(
                path=discretion_services.BENCHMARK_DIR / name, actor=actor
            )
        except Refused as exc:  # a published version whose file changed since: keep it
            ctx.notes.append(f"裁量基准 {name} 未重新导入：{exc}")
            continue
        if benchmark_set.status == DiscretionBenchmarkSet.Status.DRAFT:
            discretion_services.discretion_set_publish(
                benchmark_set=benchmark_set, effective_from=effective_from, actor=actor
            )
            ctx.created["enforcement.discretion_set"] += 1


# Each plan: (principal, due month, steps). A step is (kind, days after the due date, extras);
# "ALL" as amount pays everything outstanding on that day.
PLANS: tuple[tuple[str, int, tuple[tuple[str, int, dict], ...]], ...] = (
    ("86000", 1, ()),  # 已登记
    ("52000", 9, (("order", 20, {"deadline": 15}),)),  # 限期缴纳中
    ("34000", 2, (("order", 10, {"deadline": 15}), ("payment", 20, {"amount": "ALL"}))),  # 已清缴
    (
        "41000",
        3,
        (("order", 10, {"deadline": 15}), ("payment", 18, {"amount": "ALL"}), ("close", 30, {})),
    ),  # 限期内缴清、结案
    (
        "128000",
        2,
        (
            ("order", 8, {"deadline": 15}),
            ("account_query", 30, {"balance": "500000"}),
            ("transfer", 33, {"amount": "ALL"}),
            ("payment", 40, {"amount": "ALL", "note": "银行按划拨决定划转"}),
            ("close", 45, {}),
        ),
    ),  # 划拨结案
    (
        "76000",
        4,
        (("order", 10, {"deadline": 15}), ("account_query", 35, {"balance": "0"})),
    ),  # 强制征缴中（无余额）
    (
        "230000",
        3,
        (
            ("order", 10, {"deadline": 15}),
            ("account_query", 30, {"balance": "20000"}),
            ("guarantee", 40, {"deadline": 150, "note": "以厂房设备提供担保"}),
        ),
    ),  # 延期缴费
    (
        "158000",
        1,
        (
            ("order", 12, {"deadline": 15}),
            ("account_query", 40, {"balance": "3000"}),
            ("court", 60, {"note": "申请查封、拍卖价值相当的财产"}),
            ("close", 90, {"note": "已移送人民法院强制执行"}),
        ),
    ),  # 移送法院结案
    (
        "64000",
        5,
        (
            ("order", 10, {"deadline": 15}),
            ("fine", 40, {"multiple": "1.5"}),
            ("payment", 50, {"amount": "20000"}),
        ),
    ),  # 罚款后部分缴纳
    (
        "95000",
        6,
        (
            ("order", 10, {"deadline": 15}),
            ("payment", 20, {"amount": "30000"}),
            ("account_query", 35, {"balance": "40000"}),
            ("transfer", 37, {"amount": "40000"}),
        ),
    ),  # 部分缴纳后划拨
    (
        "310000",
        2,
        (
            ("order", 10, {"deadline": 15}),
            ("account_query", 30, {"balance": "10000"}),
            ("court", 45, {}),
        ),
    ),  # 申请法院强制执行中
    (
        "47000",
        7,
        (
            ("order", 10, {"deadline": 15}),
            ("fine", 35, {"multiple": "1"}),
            ("payment", 45, {"amount": "ALL"}),
            ("close", 50, {}),
        ),
    ),  # 罚款、缴清、结案
)


def _last_day(year: int, month: int) -> date:
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def _amount(case, kind: str, on: date, extras: dict, steps) -> Decimal | None:
    """The amount of a planned step: a number, "ALL" (everything owed that day, within the
    queried balance for a 划拨), or a multiple of the 欠缴数额 for a fine."""
    facts = arrears_services.case_facts(case)
    if "multiple" in extras:
        return fine_arrears(facts) * Decimal(extras["multiple"])
    amount = extras.get("amount")
    if amount != "ALL":
        return Decimal(amount) if amount is not None else None
    owed = facts.statement(on).total_outstanding
    if kind == "transfer":
        balances = [Decimal(e["balance"]) for k, _, e in steps if k == "account_query"]
        return min(owed, *balances)
    return owed


def _arrears_case(ctx, index: int, plan) -> None:
    reference = f"津人社欠〔2019〕{index + 1}号"
    if ArrearsCase.objects.filter(reference=reference).exists():
        return
    principal, month, steps = plan
    due = date(2019, month + 1, 15)  # the month's contributions are due on the 15th after it
    officer = ctx.users.get(("zhifa1", "zhifa2", "hp_zhifa")[index % 3], ctx.actor)
    unit = officer.org_unit  # an officer registers in their own unit (the gate refuses others)
    with transaction.atomic():
        case = arrears_services.arrears_case_register(
            reference=reference,
            employer_name=EMPLOYERS[index],
            employer_uscc=demo_uscc(index),
            period_from=date(2019, month, 1),
            period_to=_last_day(2019, month),
            principal=Decimal(principal),
            due_date=due,
            org_unit=unit,
            actor=officer,
            note="演示数据",
        )
        for kind, after, extras in steps:
            on = due + timedelta(days=after)
            deadline, balance = extras.get("deadline"), extras.get("balance")
            with on_day(on):  # entered the day it was done: no typed date is flagged
                arrears_services.arrears_step_record(
                    case=case,
                    kind=kind,
                    on=on,
                    actor=officer,
                    amount=_amount(case, kind, on, extras, steps),
                    deadline=on + timedelta(days=deadline) if deadline else None,
                    balance=Decimal(balance) if balance is not None else None,
                    bank=BANKS[index % len(BANKS)] if kind in ("account_query", "transfer") else "",
                    document_number=f"津社保{kind[:2].upper()}〔2019〕{index + 1}号",
                    note=extras.get("note", ""),
                )
        ctx.created["enforcement.arrears_case"] += 1
