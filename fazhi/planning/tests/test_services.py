"""The planning services: what they write, the audit event, and refusals that write nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from fazhi.accounts.testing.gate import assert_refused
from fazhi.core.models import AuditEvent, Deadline
from fazhi.core.selectors.figures import compute
from fazhi.planning import selectors, services
from fazhi.planning.models import Indicator, Scheme
from fazhi.planning.tests.conftest import pdf

pytestmark = pytest.mark.django_db

TREE = [
    {
        "code": "1",
        "title": "行政执法",
        "weight": 60,
        "children": [
            {
                "code": "1.1",
                "title": "持证率",
                "weight": 30,
                "rule": "target",
                "target": 95,
                "figure": "planning.study_sessions_bureau",
            },
            {"code": "1.2", "title": "案卷评查", "weight": 30, "evidence": "评查通报"},
        ],
    },
    {"code": "2", "title": "普法", "weight": 40, "evidence": "普法清单"},
]


def test_a_plan_task_goes_on_the_clock_and_completes_on_the_systems_day(people):
    units = people["units"]
    plan = services.plan_create(
        org_unit=units["bureau"], year=2019, title="2019年工作要点", actor=people["legal"]
    )
    task = services.plan_task_add(
        plan=plan,
        content="清理规范性文件",
        lead_unit=units["zongdui"],
        due=date(2019, 12, 31),
        actor=people["legal"],
    )
    assert task.deadline.due == date(2019, 12, 31) and task.deadline.org_unit == units["zongdui"]
    # the lead unit's clerk reports progress; another unit's clerk is refused, nothing written
    services.task_progress_report(task=task, note="已完成初稿", actor=people["clerk"])
    assert_refused(
        lambda a: services.task_progress_report(task=task, note="x", actor=a),
        people["other_clerk"],
    )
    # a typed completion day is kept as typed; the clock is closed on it
    services.task_complete(task=task, done_on=date(2019, 12, 20), actor=people["clerk"])
    task.refresh_from_db()
    assert task.done_on == date(2019, 12, 20) and task.done_on_typed
    assert Deadline.objects.get(pk=task.deadline_id).status == "met"
    assert AuditEvent.objects.filter(action="planning.task.complete").count() == 1
    assert_refused(lambda a: services.task_complete(task=task, actor=a), people["clerk"], obj=task)


def test_a_task_due_outside_the_plans_year_is_refused(people):
    plan = services.plan_create(
        org_unit=people["units"]["bureau"], year=2019, title="要点", actor=people["legal"]
    )
    assert_refused(
        lambda a: services.plan_task_add(
            plan=plan,
            content="x",
            lead_unit=people["units"]["fagui"],
            due=date(2020, 1, 1),
            actor=a,
        ),
        people["legal"],
    )


def test_study_sessions_become_the_reports_figures(people):
    bureau = people["units"]["bureau"]
    for n, level in enumerate(["bureau", "bureau", "division"]):
        services.duty_record_add(
            org_unit=bureau,
            kind="study",
            level=level,
            held_on=date(2019, 3 + n, 1),
            topic=f"学法{n}",
            expected=10,
            attendance=9,
            actor=people["legal"],
            **pdf(f"签到{n}"),
        )
    value = compute("planning.study_sessions_bureau", 2019)
    assert value.value == 2 and len(value.records) == 2 and value.parts["实到人次"] == "18"
    assert compute("planning.study_sessions_division", 2019).value == 1
    assert compute("planning.study_sessions_division", 2020).value is None
    # no evidence, or more present than expected: refused, nothing written
    assert_refused(
        lambda a: services.duty_record_add(
            org_unit=bureau,
            kind="meeting",
            held_on=date(2019, 5, 1),
            topic="会议",
            evidence_file=None,
            evidence_name="",
            actor=a,
        ),
        people["legal"],
    )
    assert_refused(
        lambda a: services.duty_record_add(
            org_unit=bureau,
            kind="study",
            level="bureau",
            held_on=date(2019, 5, 1),
            topic="学法",
            expected=5,
            attendance=6,
            actor=a,
            **pdf(),
        ),
        people["legal"],
    )


def test_a_statement_freezes_the_figures_it_cites(people):
    bureau = people["units"]["bureau"]
    services.duty_record_add(
        org_unit=bureau,
        kind="study",
        level="bureau",
        held_on=date(2019, 5, 1),
        topic="学法",
        expected=3,
        attendance=3,
        actor=people["legal"],
        **pdf(),
    )
    statement = services.statement_create(
        person=people["head"],
        org_unit=bureau,
        role="director",
        year=2019,
        items=[{"heading": "学法", "figure_key": "planning.study_sessions_bureau"}],
        actor=people["head"],
    )
    services.statement_submit(statement=statement, text="本人述法。", actor=people["head"])
    item = statement.items.get()
    assert item.figure["display"] == "1次" and item.figure["records"][0][0] == "planning.dutyrecord"
    # the head may not review their own 述法; 法规处 records the 评议
    assert_refused(
        lambda a: services.statement_review(statement=statement, result="good", actor=a),
        people["head"],
        obj=statement,
    )
    services.statement_review(statement=statement, result="good", actor=people["legal"])
    statement.refresh_from_db()
    assert statement.status == "reviewed" and statement.result == "good"
    # a second one for the same year, and an unknown figure: refused
    assert_refused(
        lambda a: services.statement_create(
            person=people["head"],
            org_unit=bureau,
            role="director",
            year=2019,
            items=[{"heading": "x"}],
            actor=a,
        ),
        people["legal"],
    )
    assert_refused(
        lambda a: services.statement_create(
            person=people["head"],
            org_unit=bureau,
            role="director",
            year=2020,
            items=[{"heading": "x", "figure_key": "no.such"}],
            actor=a,
        ),
        people["legal"],
    )


def test_a_tree_that_does_not_add_up_is_refused_and_writes_nothing(people):
    bad = [
        dict(TREE[0], children=[dict(TREE[0]["children"][0], weight=25), TREE[0]["children"][1]]),
        TREE[1],
    ]
    assert_refused(
        lambda a: services.scheme_create(year=2019, title="考核", nodes=bad, actor=a),
        people["legal"],
    )
    assert not Scheme.objects.exists() and not Indicator.objects.exists()


def test_scores_show_where_they_come_from_and_roll_up(people):
    bureau = people["units"]["bureau"]
    scheme = services.scheme_create(year=2019, title="考核", nodes=TREE, actor=people["legal"])
    assert scheme.indicators.count() == 4
    result = selectors.assessment(scheme=scheme, org_unit=bureau)
    assert result["pending"] == 3 and not result["complete"]
    services.duty_record_add(
        org_unit=bureau,
        kind="study",
        level="bureau",
        held_on=date(2019, 5, 1),
        topic="学法",
        expected=3,
        attendance=3,
        actor=people["legal"],
        **pdf(),
    )
    review = scheme.indicators.get(code="1.2")
    services.score_review(
        indicator=review, org_unit=bureau, points=Decimal(20), actor=people["legal"], **pdf("通报")
    )
    # above the weight, or a computed indicator scored by hand: refused, nothing written
    assert_refused(
        lambda a: services.score_review(
            indicator=review, org_unit=bureau, points=Decimal(31), actor=a, **pdf()
        ),
        people["legal"],
    )
    assert_refused(
        lambda a: services.score_review(
            indicator=scheme.indicators.get(code="1.1"),
            org_unit=bureau,
            points=Decimal(1),
            actor=a,
            **pdf(),
        ),
        people["legal"],
    )
    services.score_review(
        indicator=scheme.indicators.get(code="2"),
        org_unit=bureau,
        points=Decimal("35.5"),
        actor=people["legal"],
        **pdf("清单"),
    )
    result = selectors.assessment(scheme=scheme, org_unit=bureau)
    rows = {r["indicator"].code: r for r in result["rows"]}
    # 1 session against a target of 95 → 30 × 1/95
    assert rows["1.1"]["points"] == Decimal("0.32") and "取自记录" in rows["1.1"]["source"]
    assert rows["1.2"]["points"] == 20 and "通报.pdf" in rows["1.2"]["source"]
    assert rows["1"]["points"] == Decimal("20.32") and rows["1"]["source"] == "下级指标得分合计"
    assert result["complete"] and result["total"] == Decimal("55.82")
