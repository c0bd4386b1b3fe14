"""Pure rules: 裁量基准 arithmetic and tiers, 加处罚款, 滞纳金 and the arrears step order. No DB."""

from __future__ import annotations

import doctest
import importlib
from datetime import date
from decimal import Decimal

import pytest

from fazhi.core.domain.errors import Refused
from fazhi.enforcement.domain import arrears as ar
from fazhi.enforcement.domain.discretion import (
    BenchmarkItem,
    Facts,
    Tier,
    check_item,
    check_key,
    departure_needs_reason,
    departure_text,
    propose,
)
from fazhi.enforcement.domain.penalties import late_payment_surcharge

D = Decimal


def four_tiers(*ranges, keys=None):
    codes = ("minor", "general", "serious", "severe")
    keys = keys or [(), (), (), ()]
    return tuple(
        Tier(c, D(lo), D(hi), keys=k) for c, (lo, hi), k in zip(codes, ranges, keys, strict=True)
    )


LSI25 = BenchmarkItem(
    "lsi-25",
    "违法延长工作时间",
    "劳动法第四十一条",
    "劳动保障监察条例第二十五条",
    "per_worker",
    four_tiers(
        (100, 200),
        (200, 300),
        (300, 400),
        (400, 500),
        keys=[("workers:1-9",), ("workers:10-29",), ("workers:30-99",), ("workers:100-",)],
    ),
    version="2019",
    title="测试基准",
)
LSI30 = BenchmarkItem(
    "lsi-30",
    "阻挠监察",
    "条例第十五条",
    "条例第三十条",
    "fixed",
    (
        Tier("minor", D(2000), D(5000)),
        Tier("general", D(5000), D(10000), is_default=True),
        Tier("serious", D(10000), D(15000), keys=("circ:false_materials",)),
        Tier("severe", D(15000), D(20000), keys=("circ:destroy_evidence",)),
    ),
)
SIL86 = BenchmarkItem(
    "sil-86",
    "欠缴社会保险费",
    "社会保险法第六十三条",
    "社会保险法第八十六条",
    "multiple",
    four_tiers(
        (1, 1.5),
        (1.5, 2),
        (2, 2.5),
        (2.5, 3),
        keys=[("months:-3",), ("months:4-6",), ("months:7-12",), ("months:13-",)],
    ),
)
CHILD = BenchmarkItem(
    "child-6",
    "使用童工",
    "禁止使用童工规定第二条",
    "禁止使用童工规定第六条",
    "per_worker_month",
    (Tier("fixed", D(5000), D(5000), is_default=True),),
    fixed_rate=True,
    exemption_allowed=False,
)


@pytest.mark.parametrize("name", ["discretion", "penalties", "arrears"])
def test_docstring_examples(name):
    module = importlib.import_module(f"fazhi.enforcement.domain.{name}")
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize(
    ("_case", "item", "facts", "expected"),
    [
        ("per worker", LSI25, Facts(workers=12), (D("2400.00"), D("3600.00"), D("3000.00"))),
        ("fixed", LSI30, Facts(), (D("5000.00"), D("10000.00"), D("7500.00"))),
        (
            "multiple",
            SIL86,
            Facts(amount=D("80000"), months=5),
            (D("120000.00"), D("160000.00"), D("140000.00")),
        ),
        (
            "per worker month",
            CHILD,
            Facts(workers=2, months=3),
            (D("30000.00"), D("30000.00"), D("30000.00")),
        ),
    ],
)
def test_each_form_computes_the_range_in_yuan(_case, item, facts, expected):
    p = propose(item, facts)
    assert (p.min_amount, p.max_amount, p.suggested) == expected


def test_tier_follows_the_worker_count():
    assert [propose(LSI25, Facts(workers=n)).tier_label for n in (3, 12, 45, 150)] == [
        "轻微",
        "一般",
        "较重",
        "严重",
    ]


def test_heavier_circumstance_moves_one_tier_up_and_is_explained():
    p = propose(LSI25, Facts(workers=12, circumstances=("repeat_within_year",)))
    assert p.tier_label == "较重"
    assert (p.min_amount, p.max_amount) == (D("3600.00"), D("4800.00"))
    assert "一年内因同一种违法行为再次被处理" in p.explanation


def test_lighter_circumstance_moves_down_but_not_below_the_lowest_tier():
    assert propose(LSI25, Facts(workers=12, circumstances=("coerced",))).tier_label == "轻微"
    assert propose(LSI25, Facts(workers=3, circumstances=("coerced",))).tier_label == "轻微"


def test_heavier_and_lighter_cancel_out():
    p = propose(LSI25, Facts(workers=12, corrected=True, circumstances=("refused_correction",)))
    assert p.tier_label == "一般"
    assert "并存" in p.explanation


def test_default_tier_and_circumstance_keys_on_a_fixed_range():
    assert propose(LSI30, Facts()).tier_label == "一般"
    assert propose(LSI30, Facts(circumstances=("destroy_evidence",))).tier_label == "严重"


def test_first_offence_corrected_with_minor_harm_may_go_unpunished():
    p = propose(LSI25, Facts(workers=12, first_offence=True, corrected=True, harm="minor"))
    assert p.no_penalty_allowed
    assert "首违不罚" in p.explanation and "第三十三条" in p.explanation


def test_minor_corrected_harmless_violation_is_not_punished():
    p = propose(LSI25, Facts(workers=3, corrected=True, harm="none"))
    assert p.no_penalty_allowed and "依法不予处罚" in p.explanation


def test_no_exemption_with_a_heavier_circumstance_or_where_the_item_excludes_it():
    assert not propose(
        LSI25,
        Facts(
            workers=12,
            first_offence=True,
            corrected=True,
            harm="minor",
            circumstances=("obstruction",),
        ),
    ).no_penalty_allowed
    p = propose(CHILD, Facts(workers=1, months=1, first_offence=True, corrected=True, harm="none"))
    assert not p.no_penalty_allowed and p.fixed_rate


def test_missing_facts_give_no_suggestion():
    p = propose(LSI25, Facts())
    assert p.suggested is None and "缺少涉及劳动者人数" in p.explanation
    assert departure_needs_reason(p, D(100))


def test_departure_needs_a_reason_outside_the_tier_range():
    p = propose(LSI25, Facts(workers=12))
    assert not departure_needs_reason(p, D(3000))
    assert departure_needs_reason(p, D(2000))
    assert departure_needs_reason(p, D(0))  # 不予处罚 without the conditions
    assert departure_text(p, D(7000)) == "超出法定幅度上限6,000元，不得作出"
    exempt = propose(LSI25, Facts(workers=12, first_offence=True, corrected=True, harm="minor"))
    assert not departure_needs_reason(exempt, D(0))


def test_bad_benchmark_items_are_rejected():
    with pytest.raises(ValueError, match="下限高于上限"):
        check_item(BenchmarkItem("x", "v", "l", "p", "fixed", (Tier("minor", D(5), D(1)),)))
    with pytest.raises(ValueError, match="定额"):
        check_item(BenchmarkItem("x", "v", "l", "p", "fixed", LSI30.tiers, fixed_rate=True))
    with pytest.raises(ValueError):
        check_key("workers:many")


@pytest.mark.parametrize(
    ("fine", "days", "suspended", "expected"),
    [
        ("1000", 1, 0, "30.00"),
        ("1000", 33, 0, "990.00"),
        ("1000", 34, 0, "1000.00"),
        ("1000", 60, 30, "900.00"),
        ("1000", 10, 20, "0.00"),
        ("0.01", 1, 0, "0.00"),
    ],
)
def test_surcharge_is_three_percent_a_day_capped_at_the_fine(fine, days, suspended, expected):
    assert late_payment_surcharge(fine=D(fine), overdue_days=days, suspended_days=suspended) == D(
        expected
    )


# --- 滞纳金 ------------------------------------------------------------------------------------


def test_late_fee_over_a_leap_year_counts_february_29():
    s = ar.statement(principal=D("10000"), due=date(2019, 12, 31), as_of=date(2020, 12, 31))
    assert s.days == 366
    assert s.late_fee == D("1830.00")


def test_late_fee_on_a_partial_payment_runs_on_the_remainder():
    s = ar.statement(
        principal=D("10000"),
        due=date(2019, 1, 15),
        as_of=date(2019, 2, 24),
        payments=[
            ar.Payment(date(2019, 1, 25), D("4000")),
            ar.Payment(date(2019, 2, 4), D("6000")),
        ],
    )
    # 10000 × 10 days + 6000 × 10 days = 160000 × 0.0005
    assert s.late_fee == D("80.00")
    assert s.principal_outstanding == D("0.00") and s.late_fee_outstanding == D("80.00")


def test_payment_beyond_the_principal_pays_the_late_fee():
    s = ar.statement(
        principal=D("1000"),
        due=date(2019, 1, 1),
        as_of=date(2019, 1, 11),
        payments=[ar.Payment(date(2019, 1, 11), D("1005"))],
    )
    assert s.late_fee == D("5.00") and s.total_outstanding == D("0.00")


def test_cap_setting_limits_the_fee_to_the_principal():
    kwargs = {"principal": D("1000"), "due": date(2015, 1, 1), "as_of": date(2021, 1, 1)}
    assert ar.statement(**kwargs).late_fee > D("1000")
    capped = ar.statement(**kwargs, capped=True)
    assert capped.late_fee == D("1000.00") and capped.capped


# --- step order ---------------------------------------------------------------------------------

CASE = ar.CaseFacts(principal=D("10000"), due=date(2019, 1, 15))
ORDER = ar.StepFact("order", date(2019, 2, 1), deadline=date(2019, 2, 15))


def with_steps(*steps):
    return ar.CaseFacts(principal=CASE.principal, due=CASE.due, steps=steps)


def test_query_refused_before_the_order_and_before_its_deadline():
    query = ar.StepFact("account_query", date(2019, 2, 10), balance=D(0))
    with pytest.raises(Refused, match="尚未责令限期缴纳") as exc:
        ar.check_step(CASE, query)
    assert "第六十三条第二款" in exc.value.basis
    with pytest.raises(Refused, match="届满前不能查询"):
        ar.check_step(with_steps(ORDER), query)
    ar.check_step(with_steps(ORDER), ar.StepFact("account_query", date(2019, 2, 16), balance=D(0)))


def test_query_refused_when_paid_within_the_order():
    paid = ar.StepFact("payment", date(2019, 2, 10), amount=D("10000"))
    with pytest.raises(Refused, match="已在限期内缴纳"):
        ar.preconditions(with_steps(ORDER, paid), "account_query", date(2019, 3, 1))


def test_transfer_needs_a_query_with_a_balance_and_stays_within_it():
    empty = ar.StepFact("account_query", date(2019, 2, 20), balance=D(0))
    with pytest.raises(Refused, match="未查询到存款账户余额"):
        ar.check_step(
            with_steps(ORDER, empty), ar.StepFact("transfer", date(2019, 2, 21), amount=D(1))
        )
    some = ar.StepFact("account_query", date(2019, 2, 20), balance=D("3000"))
    with pytest.raises(Refused, match="较低者"):
        ar.check_step(
            with_steps(ORDER, some), ar.StepFact("transfer", date(2019, 2, 21), amount=D(3001))
        )
    ar.check_step(
        with_steps(ORDER, some), ar.StepFact("transfer", date(2019, 2, 21), amount=D(3000))
    )


def test_court_refused_while_a_deferral_agreement_runs():
    short = ar.StepFact("account_query", date(2019, 2, 20), balance=D("100"))
    guarantee = ar.StepFact("guarantee", date(2019, 2, 25), deadline=date(2019, 5, 31))
    case = with_steps(ORDER, short, guarantee)
    with pytest.raises(Refused, match="延期缴费协议期限"):
        ar.preconditions(case, "court", date(2019, 5, 1))
    ar.preconditions(case, "court", date(2019, 6, 1))


def test_fine_only_after_the_deadline_and_within_one_to_three_times():
    with pytest.raises(Refused, match="届满前"):
        ar.preconditions(with_steps(ORDER), "fine", date(2019, 2, 10))
    part = ar.StepFact("payment", date(2019, 2, 10), amount=D("4000"))
    case = with_steps(ORDER, part)
    assert ar.fine_arrears(case) == D("6000.00")
    with pytest.raises(Refused, match="一倍以上三倍以下") as exc:
        ar.check_step(case, ar.StepFact("fine", date(2019, 3, 1), amount=D("18000.01")))
    assert "第八十六条" in exc.value.basis
    ar.check_step(case, ar.StepFact("fine", date(2019, 3, 1), amount=D("18000")))


def test_close_needs_everything_paid_or_a_court_application():
    with pytest.raises(Refused, match="不能结案"):
        ar.preconditions(with_steps(ORDER), "close", date(2019, 3, 1))
    paid = ar.StepFact("payment", date(2019, 2, 10), amount=D("10000") + D("130.00"))
    ar.preconditions(with_steps(ORDER, paid), "close", date(2019, 3, 1))


def test_steps_cannot_go_back_in_time_or_follow_a_close():
    with pytest.raises(Refused, match="不能早于上一步骤"):
        ar.preconditions(with_steps(ORDER), "payment", date(2019, 1, 20))
    closed = ar.StepFact("close", date(2019, 3, 1))
    assert ar.allowed_steps(with_steps(ORDER, closed), date(2019, 4, 1)) == []


def test_allowed_steps_follow_the_order_of_article_63():
    assert ar.allowed_steps(CASE, date(2019, 2, 1)) == ["order", "payment"]
    after = ar.allowed_steps(with_steps(ORDER), date(2019, 2, 16))
    assert after == ["account_query", "fine", "payment"]
