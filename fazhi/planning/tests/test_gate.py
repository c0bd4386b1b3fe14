"""The gate on every planning write service (fazhi.accounts.testing.gate): anonymous, a role
without the right and another unit's user are refused with nothing written."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from fazhi.accounts.testing.gate import check_gate
from fazhi.planning import services
from fazhi.planning.tests.conftest import pdf
from fazhi.planning.tests.test_services import TREE

pytestmark = pytest.mark.django_db


def test_plan_tasks_and_progress(people):
    units = people["units"]
    plan = check_gate(
        lambda a: services.plan_create(org_unit=units["bureau"], year=2019, title="要点", actor=a),
        responsible=people["legal"],
        outsiders=[people["clerk"], people["officer"]],
    )
    task = check_gate(
        lambda a: services.plan_task_add(
            plan=plan, content="任务", lead_unit=units["zongdui"], due=date(2019, 6, 30), actor=a
        ),
        responsible=people["legal"],
        outsiders=[people["clerk"], people["officer"]],
    )
    check_gate(
        lambda a: services.task_progress_report(task=task, note="进展", actor=a),
        responsible=people["clerk"],
        outsiders=[people["other_clerk"], people["officer"]],
    )
    check_gate(
        lambda a: services.task_complete(task=task, done_on=date(2019, 6, 1), actor=a),
        responsible=people["clerk"],
        outsiders=[people["other_clerk"], people["officer"]],
        obj=task,
    )


def test_duty_records_statements_and_assessment(people):
    bureau = people["units"]["bureau"]
    check_gate(
        lambda a: services.duty_record_add(
            org_unit=bureau,
            kind="decision",
            held_on=date(2019, 4, 2),
            topic="印发考评清单",
            actor=a,
            **pdf(),
        ),
        responsible=people["legal"],
        outsiders=[people["clerk"], people["officer"]],
    )
    statement = check_gate(
        lambda a: services.statement_create(
            person=people["head"],
            org_unit=bureau,
            role="director",
            year=2019,
            items=[{"heading": "学法"}],
            actor=a,
        ),
        responsible=people["head"],
        outsiders=[people["clerk"], people["officer"]],
    )
    check_gate(
        lambda a: services.statement_submit(statement=statement, text="述法", actor=a),
        responsible=people["head"],
        outsiders=[people["clerk"], people["officer"]],
        obj=statement,
    )
    check_gate(
        lambda a: services.statement_review(statement=statement, result="fair", actor=a),
        responsible=people["legal"],
        outsiders=[people["clerk"], people["officer"], people["head"]],
        obj=statement,
    )
    scheme = check_gate(
        lambda a: services.scheme_create(year=2019, title="考核", nodes=TREE, actor=a),
        responsible=people["legal"],
        outsiders=[people["clerk"], people["officer"]],
    )
    check_gate(
        lambda a: services.score_review(
            indicator=scheme.indicators.get(code="2"),
            org_unit=bureau,
            points=Decimal(30),
            actor=a,
            **pdf(),
        ),
        responsible=people["legal"],
        outsiders=[people["clerk"], people["officer"]],
    )
