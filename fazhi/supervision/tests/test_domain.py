"""The warning rules and the case-file check, without a database."""

import doctest
from datetime import date
from decimal import Decimal

import pytest

from fazhi.core.domain.calendar import WorkCalendar
from fazhi.core.domain.errors import Refused
from fazhi.supervision.domain import warnings as w

CAL = WorkCalendar(
    known_years={2019},
    off_days={date(2019, 5, d) for d in (1, 2, 3)} | {date(2019, 10, d) for d in range(1, 8)},
    make_up_days={date(2019, 4, 28), date(2019, 5, 5), date(2019, 9, 29), date(2019, 10, 12)},
)
T = w.parse_thresholds({})


def rules(facts, today):
    return {(f.rule, f.level) for f in w.evaluate(facts, today=today, thresholds=T, cal=CAL)}


def test_doctests():
    result = doctest.testmod(w)
    assert result.attempted > 0 and result.failed == 0


def test_every_rule_cites_an_article_and_has_thresholds_and_advice():
    assert len(w.RULES) == 12
    for rule in w.RULES.values():
        assert rule.basis and rule.advice and rule.code in w.DEFAULTS


@pytest.mark.parametrize(
    "raw",
    [
        {"service_late": {"days": "seven"}},
        {"service_late": {"days": 0}},
        {"service_late": {"days": True}},
        {"hearing_missing": {"fine_threshold": "lots"}},
        {"hearing_missing": {"fine_threshold": "-1"}},
        {"service_late": {"weeks": 1}},
        {"service_late": 7},
        {"nope": {}},
    ],
)
def test_a_threshold_that_does_not_parse_is_refused(raw):
    with pytest.raises(Refused):
        w.parse_thresholds(raw)


def test_thresholds_are_configuration():
    t = w.parse_thresholds({"hearing_missing": {"fine_threshold": "50000"}})
    facts = w.CaseFacts("general", decided_on=date(2019, 3, 1), fine=Decimal("20000"))
    found = {f.rule for f in w.evaluate(facts, today=date(2019, 3, 2), thresholds=t, cal=CAL)}
    assert "hearing_missing" not in found
    assert "hearing_missing" in {
        f.rule for f in w.evaluate(facts, today=date(2019, 3, 2), thresholds=T, cal=CAL)
    }


def test_labour_inspection_deadline_counts_working_days_across_may_day():
    # filed Fri 2019-04-19: 60 working days, skipping 1–3 May, with Sun 28 Apr and Sun 5 May worked
    facts = w.CaseFacts("labor_inspection", filed_on=date(2019, 4, 19))
    limit = w.decision_limit(facts, T["decision_late"], CAL)
    assert CAL.working_days_between(
        date(2019, 4, 19), limit
    ) == 60 or limit == CAL.add_working_days(date(2019, 4, 19), 60)
    assert rules(facts, limit - __import__("datetime").timedelta(days=11)) == set()
    assert rules(facts, limit) == {("decision_late", "yellow")}
    assert rules(facts, limit + __import__("datetime").timedelta(days=1)) == {
        ("decision_late", "red")
    }
    extended = w.CaseFacts("labor_inspection", filed_on=date(2019, 4, 19), extended=True)
    assert rules(extended, limit + __import__("datetime").timedelta(days=1)) == set()


def test_a_clean_decided_case_has_no_warning():
    facts = w.CaseFacts(
        "general",
        filed_on=date(2019, 3, 1),
        decided_on=date(2019, 4, 1),
        fine=Decimal("5000"),
        proposal_min=Decimal("2000"),
        proposal_max=Decimal("10000"),
        decision_officers=2,
        served_on=date(2019, 4, 3),
        payment_due=date(2019, 4, 18),
        paid_on=date(2019, 4, 10),
        publicity_due=date(2019, 4, 11),
        published_on=date(2019, 4, 8),
    )
    assert rules(facts, date(2019, 12, 31)) == set()


def test_each_rule_fires_on_its_problem():
    base = {
        "filed_on": date(2019, 3, 1),
        "decided_on": date(2019, 4, 1),
        "decision_officers": 2,
        "served_on": date(2019, 4, 2),
    }
    today = date(2019, 12, 31)

    def fired(**kw):
        return {r for r, _ in rules(w.CaseFacts("general", **{**base, **kw}), today)}

    assert fired(review_required=True) == {"review_missing"}
    assert fired(review_required=True, review_agreed=True) == set()
    assert fired(decision_officers=1) == {"officers_short"}
    assert fired(acts=(w.ActFacts("询问笔录", date(2019, 3, 5), 1),)) == {"officers_short"}
    assert fired(
        fine=Decimal("9000"),
        proposal_min=Decimal("1000"),
        proposal_max=Decimal("5000"),
        hearing_told=False,
        served_on=date(2019, 4, 2),
    ) == {"fine_out_of_range"}
    assert (
        fired(
            fine=Decimal("9000"),
            proposal_min=Decimal("1000"),
            proposal_max=Decimal("5000"),
            departure_reason="情节严重",
            served_on=date(2019, 4, 2),
        )
        == set()
    )
    assert fired(fine=Decimal("10000"), served_on=date(2019, 4, 2), review_agreed=True) == {
        "hearing_missing"
    }
    assert fired(served_on=date(2019, 4, 9)) == {"service_late"}
    assert fired(served_on=date(2019, 4, 8)) == set()
    assert fired(served_on=date(2019, 4, 2), publicity_due=date(2019, 4, 11)) == {"publicity_late"}
    assert fired(
        served_on=date(2019, 4, 2),
        publicity_due=date(2019, 4, 11),
        published_on=date(2019, 4, 11),
        changed_on=date(2019, 9, 27),
    ) == {"publicity_late"}
    # Fri 27 Sep + 3 working days: Sun 29 Sep (调休) and Mon 30 Sep, then Tue 8 Oct after the
    # National Day week: withdrawing on 8 Oct is in time, on 9 Oct late.
    pub = {
        "publicity_due": date(2019, 4, 11),
        "published_on": date(2019, 4, 11),
        "changed_on": date(2019, 9, 27),
    }
    assert fired(withdrawn_on=date(2019, 10, 8), **pub) == set()
    assert fired(withdrawn_on=date(2019, 10, 9), **pub) == {"publicity_late"}
    assert fired(served_on=date(2019, 4, 2), serious=True) == {"discussion_missing"}
    assert fired(served_on=date(2019, 4, 2), serious=True, discussed=True) == set()
    assert fired(
        served_on=date(2019, 4, 2), preservations=((date(2019, 3, 6), date(2019, 3, 20)),)
    ) == {"preservation_late"}


def test_unpaid_fine_needs_a_reminder_then_the_court_in_time():
    base = {
        "decided_on": date(2019, 1, 2),
        "served_on": date(2019, 1, 3),
        "decision_officers": 2,
        "fine": Decimal("2000"),
        "payment_due": date(2019, 1, 18),
        "hearing_told": True,
    }
    f = w.CaseFacts("general", **base)
    assert rules(f, date(2019, 2, 17)) == set()
    assert rules(f, date(2019, 2, 18)) == {("collection_missing", "yellow")}
    reminded = w.CaseFacts("general", reminded_on=date(2019, 2, 1), **base)
    assert rules(reminded, date(2019, 10, 7)) == set()
    assert rules(reminded, date(2019, 10, 8)) == {("collection_missing", "yellow")}
    assert rules(reminded, date(2019, 10, 19)) == {("collection_missing", "red")}
    applied = w.CaseFacts(
        "general", reminded_on=date(2019, 2, 1), court_applied_on=date(2019, 9, 1), **base
    )
    assert rules(applied, date(2019, 12, 31)) == set()


def test_case_file_check_lists_what_the_path_requires():
    from fazhi.supervision.domain import casefile as c

    assert doctest.testmod(c).failed == 0
    full = c.FileFacts(
        filed=True,
        filing_approved=True,
        interviews=2,
        notified=True,
        decided=True,
        served=True,
        review_required=True,
        review_agreed=True,
        serious=True,
        discussed=True,
        fine=True,
        paid=True,
    )
    assert c.gaps(full) == []
    bare = c.FileFacts(filed=True, decided=True, review_required=True, serious=True, fine=True)
    items = [g.item for g in c.gaps(bare)]
    assert items == [
        "立案审批（负责人批准）",
        "询问笔录",
        "事先告知书",
        "法制审核意见（同意）",
        "集体讨论记录",
        "处罚决定书送达回证",
        "缴款记录或申请法院强制执行记录",
    ]
    # 不予处罚: no 事先告知 of a penalty is required
    assert "事先告知书" not in [
        g.item for g in c.gaps(c.FileFacts(filed=True, decided=True, outcome="no_penalty"))
    ]


def test_statistics_counting_rules():
    from fazhi.supervision.domain import statistics as st

    assert doctest.testmod(st).failed == 0
    # 并处 once under the heaviest type; 2019 bounds; 不予处罚 not counted
    t = st.penalty_table(
        2019,
        [
            st.Decision("A", date(2019, 3, 1), Decimal(1000), ("warning",)),
            st.Decision("B", date(2019, 3, 1), Decimal(0), ("suspend_business", "confiscation")),
            st.Decision("C", date(2018, 12, 31), Decimal(1000)),
        ],
    )
    assert (t.counts["fine"], t.counts["suspend_close"], t.total) == (1, 1, 2)
    assert t.records["suspend_close"] == ["B"] and t.amount_wan == Decimal("0.1000")


def test_no_fine_is_not_a_fine_outside_the_benchmark():
    facts = w.CaseFacts(
        "general",
        decided_on=date(2019, 4, 1),
        served_on=date(2019, 4, 2),
        decision_officers=2,
        fine=Decimal("0"),
        proposal_min=Decimal("30000"),
        proposal_max=Decimal("45000"),
    )
    assert rules(facts, date(2019, 4, 3)) == set()
