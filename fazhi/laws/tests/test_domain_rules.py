from __future__ import annotations

from datetime import date

import pytest

from fazhi.laws.domain.docnum import canonical
from fazhi.laws.domain.highlight import snippet
from fazhi.laws.domain.ranking import Candidate, CorpusStats, FieldWeights, rank
from fazhi.laws.domain.validity import Status, Validity, next_versions, status_on


@pytest.mark.parametrize(
    ("_case", "day", "expected"),
    [
        ("before", date(2017, 12, 31), Status.NOT_YET_IN_FORCE),
        ("first day", date(2018, 1, 1), Status.IN_FORCE),
        ("last day", date(2023, 12, 31), Status.IN_FORCE),
        ("successor in force", date(2024, 1, 1), Status.AMENDED),
    ],
)
def test_status_of_an_amended_version(_case, day, expected):
    validity = Validity(effective_date=date(2018, 1, 1), valid_to=date(2024, 1, 1))
    assert status_on(validity, day) is expected


def test_repeal_wins_over_amendment_and_marks_without_date_expire():
    repealed = Validity(date(2002, 1, 1), valid_to=date(2030, 1, 1), repealed_on=date(2024, 11, 1))
    assert status_on(repealed, date(2025, 1, 1)) is Status.REPEALED
    marked = Validity(date(2002, 1, 1), marked_expired=True)
    assert status_on(marked, date(2003, 1, 1)) is Status.EXPIRED
    # a known successor date tells more than the bare mark
    assert (
        status_on(
            Validity(date(2002, 1, 1), date(2010, 1, 1), marked_expired=True), date(2005, 1, 1)
        )
        is Status.IN_FORCE
    )


def test_duplicate_versions_do_not_end_each_other():
    ends = next_versions(
        [("a", date(2020, 1, 1)), ("b", date(2020, 1, 1)), ("c", date(2022, 1, 1))]
    )
    assert ends == {"a": date(2022, 1, 1), "b": date(2022, 1, 1), "c": None}


@pytest.mark.parametrize(
    "variant",
    [
        "人社部发〔2013〕34号",
        "人社部发[2013]34号",
        "人社部发（2013）34号",
        "人社部发 [2013] 34 号",
        "人社部发【2013】第34号",
    ],
)
def test_doc_number_variants_meet(variant):
    assert canonical(variant) == "人社部发〔2013〕34号"


def test_snippet_escapes_and_marks():
    html = snippet("<b>用人单位</b>应当支付工资" * 3, ["用人单位", "工资"], width=30)
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert "<mark>用人单位</mark>" in html


def test_superseded_text_ranks_below_its_replacement_even_when_it_scores_higher():
    old = Candidate("old", (), ("复议",), ("复议", "期限", "期限", "期限"), "w", False)
    new = Candidate("new", (), ("复议",), ("期限",), "w", True)
    other = Candidate("x", (), (), ("期限", "期限"), "v", True)
    stats = CorpusStats(documents=100, avg_title=1, avg_body=3)
    order = [r.key for r in rank([old, new, other], ["期限"], {"期限": 10}, stats, FieldWeights())]
    assert order.index("old") > order.index("new")
