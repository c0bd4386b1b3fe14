"""The assessment's computed indicators count the scored unit and its sub-units, with the records
behind each value (not the bureau-wide report figure)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from fazhi.accounts.tests.factories import make_user
from fazhi.education.models import Enrolment, Exam, Sitting
from fazhi.planning import selectors, services, unit_figures

pytestmark = pytest.mark.django_db

TREE = [
    {
        "code": "1",
        "title": "学法用法考试参与率",
        "weight": 10,
        "rule": "proportional",
        "figure": "education.exam_participation",
    },
    {
        "code": "2",
        "title": "复议未被纠错率",
        "weight": 10,
        "rule": "proportional",
        "figure": "disputes.reconsideration_uncorrected_rate",
    },
    {
        "code": "3",
        "title": "述法学习",
        "weight": 80,
        "rule": "target",
        "target": 4,
        "figure": "planning.study_sessions_bureau",
    },
]


def _exam(people) -> Exam:
    now = timezone.now()
    return Exam.objects.create(
        title="2019年学法用法考试",
        year=2019,
        org_unit=people["units"]["bureau"],
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=1),
        minutes=60,
        pass_mark=Decimal(60),
        attempts=2,
        rules=[],
    )


def _enrol(exam, user, *, sat: bool) -> Enrolment:
    enrolment = Enrolment.objects.create(exam=exam, user=user, org_unit_id=user.org_unit_id)
    if sat:
        now = timezone.now()
        Sitting.objects.create(
            enrolment=enrolment,
            attempt=1,
            seed=1,
            questions=[],
            points=[],
            started_at=now,
            deadline=now,
            submitted_at=now,
            score=Decimal(90),
            passed=True,
        )
    return enrolment


def test_each_unit_is_scored_on_its_own_records(people):
    units = people["units"]
    exam = _exam(people)
    # 一支队 (under 总队): 1 of 4 sat; 法规处: 2 of 2 sat
    for n in range(4):
        _enrol(exam, make_user(f"zd{n}", unit=units["zhidui"], roles=["执法人员"]), sat=n == 0)
    for n in range(2):
        _enrol(exam, make_user(f"fg{n}", unit=units["fagui"], roles=["法规处工作人员"]), sat=True)
    scheme = services.scheme_create(year=2019, title="考核", nodes=TREE, actor=people["legal"])

    def row(unit, code):
        result = selectors.assessment(scheme=scheme, org_unit=unit)
        return next(r for r in result["rows"] if r["indicator"].code == code)

    team, legal, parent, bureau = (
        units["zhidui"],
        units["fagui"],
        units["zongdui"],
        units["bureau"],
    )
    assert row(team, "1")["points"] == Decimal("2.50")  # 25% of 10
    assert row(legal, "1")["points"] == Decimal("10.00")
    assert row(parent, "1")["points"] == Decimal("2.50")  # 总队 holds the 支队's records
    assert row(bureau, "1")["points"] == Decimal("5.00")  # 3 of 6
    first = row(team, "1")
    assert "一支队及下属单位" in first["source"] or f"{team.name}及下属单位" in first["source"]
    assert "参考1，应考4" in first["source"]
    labels = [r.label for r in first["records"]]
    assert first["record_count"] == 4 and sum("已交卷" in x for x in labels) == 1
    assert all(r.model == "education.enrolment" for r in first["records"])
    # no records for the unit: pending, saying what is missing — not the bureau's figure
    district = row(units["district"], "1")
    assert district["points"] is None and "本单位当年没有" in district["source"]
    nothing = row(team, "2")
    assert nothing["points"] is None and "没有作出决定的行政复议案件" in nothing["source"]
    # a figure with no per-unit definition says it is bureau-wide
    assert "全局口径" in row(team, "3")["source"]
    assert "全局口径" not in row(bureau, "3")["source"]

    # the page shows the unit's own value and the records behind it
    client = Client()
    client.force_login(people["legal"])
    html = client.get(f"/staff/planning/schemes/{scheme.pk}/?unit={team.pk}").content.decode()
    assert "参考1，应考4" in html and "得分依据的记录（4条）" in html and "zd1" in html


def test_every_unit_figure_runs_on_an_empty_unit(people):
    for definition in unit_figures.definitions():
        value, own = unit_figures.compute_for_unit(
            definition.key, 2019, people["units"]["district"]
        )
        assert own and value is not None and value.value is None and value.missing
    assert unit_figures.compute_for_unit("planning.study_sessions_bureau", 2019, None) == (
        None,
        False,
    )
