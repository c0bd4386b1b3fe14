"""The gate on every legislation service (see fazhi.accounts.testing.gate)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from fazhi.accounts.testing.gate import check_gate
from fazhi.legislation import services as s

pytestmark = pytest.mark.django_db
OPINION = {"article": "第三条", "proposal": "修改", "reason": "理由", "basis": "依据"}


def test_project_services(people):
    clerk, unit = people["clerk"], people["units"]["zongdui"]
    outsiders = [people["other_clerk"], people["officer"], people["head"]]
    p = check_gate(
        lambda a: s.project_apply(
            org_unit=unit,
            kind="rule",
            title="规章",
            year=2019,
            application="说明",
            actor=a,
            on=date(2019, 1, 2),
        ),
        responsible=clerk,
        outsiders=outsiders,
    )
    research = s.project_apply(
        org_unit=unit, kind="research", title="调研", year=2019, application="说明", actor=clerk
    )
    check_gate(
        lambda a: s.project_research_report(project=research, report="报告", actor=a),
        responsible=clerk,
        outsiders=outsiders,
        obj=research,
    )
    check_gate(
        lambda a: s.project_start_drafting(project=p, actor=a),
        responsible=clerk,
        outsiders=outsiders,
        obj=p,
    )
    check_gate(
        lambda a: s.project_open_comment(
            project=p, opens=date(2019, 3, 1), closes=date(2019, 3, 30), actor=a
        ),
        responsible=clerk,
        outsiders=outsiders,
        obj=p,
    )
    comment = s.project_comment_submit(
        project=p, text="意见", ip=None, at=datetime(2019, 3, 3, 2, tzinfo=UTC)
    )
    check_gate(
        lambda a: s.project_comment_moderate(comment=comment, approve=True, actor=a),
        responsible=clerk,
        outsiders=outsiders,
        obj=comment,
    )
    check_gate(
        lambda a: s.project_hearing(
            project=p, announced=date(2019, 2, 1), held=date(2019, 3, 10), record="笔录", actor=a
        ),
        responsible=clerk,
        outsiders=outsiders,
        obj=p,
    )
    parts = {"draft": "稿", "explanation": "说明", "materials": "材料"}
    check_gate(
        lambda a: s.project_submit(project=p, parts=parts, actor=a, on=date(2019, 4, 1)),
        responsible=clerk,
        outsiders=outsiders,
        obj=p,
    )
    check_gate(
        lambda a: s.project_outcome(
            project=p, number="政府令第14号", published_on=date(2019, 6, 1), actor=a
        ),
        responsible=clerk,
        outsiders=outsiders,
        obj=p,
    )


def test_draft_services(people):
    legal, fagui = people["legal"], people["units"]["fagui"]
    outsiders = [people["other_clerk"], people["officer"]]
    d = check_gate(
        lambda a: s.draft_register(
            title="草案",
            level="rule",
            requester="市司法局",
            received_on=date(2019, 5, 1),
            due_on=date(2019, 5, 10),
            org_unit=fagui,
            actor=a,
        ),
        responsible=legal,
        outsiders=[*outsiders, people["head"]],
    )
    check_gate(
        lambda a: s.draft_opinions(draft=d, opinions=[OPINION], actor=a),
        responsible=legal,
        outsiders=outsiders,
        obj=d,
    )
    check_gate(
        lambda a: s.draft_sign(draft=d, actor=a),
        responsible=people["head"],
        outsiders=[*outsiders, legal],
        obj=d,
    )
    check_gate(
        lambda a: s.draft_send(draft=d, channel="公文", actor=a),
        responsible=legal,
        outsiders=outsiders,
        obj=d,
    )
    check_gate(
        lambda a: s.draft_adoption(draft=d, adopted="采纳", actor=a),
        responsible=legal,
        outsiders=outsiders,
        obj=d,
    )
