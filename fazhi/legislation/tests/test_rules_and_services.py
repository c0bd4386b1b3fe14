"""立法 projects and the register of comments on drafts from above."""

from __future__ import annotations

import doctest
from datetime import UTC, date, datetime

import pytest

from fazhi.accounts.testing.gate import assert_refused
from fazhi.core.domain.errors import Refused
from fazhi.legislation import services as s
from fazhi.legislation.domain import rules
from fazhi.legislation.tests.conftest import draft_from_above


def test_doctests():
    result = doctest.testmod(rules)
    assert result.attempted > 0 and result.failed == 0


OPINION = {
    "article": "第十条",
    "proposal": "增加“劳动保障监察”",
    "reason": "衔接",
    "basis": "劳动法",
}


@pytest.mark.django_db
def test_a_rule_project_from_application_to_number(people):
    legal, unit = people["legal"], people["units"]["fagui"]
    p = s.project_apply(
        org_unit=unit,
        kind="rule",
        title="天津市工伤保险若干规定（修订）",
        year=2019,
        application="必要性、问题、制度",
        revises=True,
        actor=legal,
        on=date(2019, 1, 10),
    )
    s.project_start_drafting(project=p, actor=legal)
    assert_refused(
        lambda a: s.project_open_comment(
            project=p, opens=date(2019, 3, 1), closes=date(2019, 3, 20), actor=a
        ),
        legal,
        obj=p,
    )
    s.project_open_comment(project=p, opens=date(2019, 3, 1), closes=date(2019, 3, 30), actor=legal)
    s.project_comment_submit(
        project=p, text="建议", ip="10.1.1.1", at=datetime(2019, 3, 2, 2, tzinfo=UTC)
    )
    with pytest.raises(Refused):
        s.project_comment_submit(
            project=p, text="迟到", ip="10.1.1.1", at=datetime(2019, 4, 2, 2, tzinfo=UTC)
        )
    with pytest.raises(Refused):  # announced 29 days ahead
        s.project_hearing(
            project=p,
            announced=date(2019, 3, 2),
            held=date(2019, 3, 31),
            record="笔录",
            actor=legal,
        )
    parts = {"draft": "送审稿", "explanation": "说明", "materials": ""}
    assert_refused(
        lambda a: s.project_submit(project=p, parts=parts, actor=a, on=date(2019, 4, 10)),
        legal,
        obj=p,
    )
    s.project_submit(
        project=p, parts={**parts, "materials": "调研报告等"}, actor=legal, on=date(2019, 4, 10)
    )
    p = s.project_outcome(
        project=p, number="政府令第14号", published_on=date(2019, 6, 1), actor=legal
    )
    assert p.stage == "done"


@pytest.mark.django_db
def test_a_draft_from_above_needs_reasoned_opinions_and_a_signature(people):
    legal = people["legal"]
    d = draft_from_above(people, offices=[people["units"]["zongdui"]])
    assert_refused(
        lambda a: s.draft_opinions(draft=d, opinions=[{**OPINION, "basis": ""}], actor=a),
        legal,
        obj=d,
    )
    s.draft_opinions(draft=d, opinions=[OPINION], actor=legal)
    with pytest.raises(Refused):
        s.draft_send(draft=d, channel="公文", actor=legal)
    s.draft_sign(draft=d, actor=people["head"], on=date(2019, 5, 15))
    s.draft_send(draft=d, channel="公文", actor=legal, on=date(2019, 5, 16))
    assert s.draft_adoption(draft=d, adopted="部分采纳", actor=legal).adopted == "部分采纳"
