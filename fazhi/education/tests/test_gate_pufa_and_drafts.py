"""The gate and refusals of 普法 plan, activities, competitions, 学法 records; questions drafted
from corrected cases."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest

from fazhi.accounts.testing.gate import check_gate
from fazhi.core.domain.errors import Refused
from fazhi.core.models import AuditEvent
from fazhi.core.tests.test_services_evidence import _png
from fazhi.disputes.models import ReconsiderationCase
from fazhi.education import services
from fazhi.education.models import (
    Activity,
    ActivityMaterial,
    PufaPlan,
    Question,
    QuestionStatus,
    StageResult,
    StudyRecord,
)
from fazhi.education.tests.conftest import make_law

pytestmark = pytest.mark.django_db


def _nothing_written(call, *models):
    before = [m.objects.count() for m in (*models, AuditEvent)]
    with pytest.raises(Refused) as info:
        call()
    assert [m.objects.count() for m in (*models, AuditEvent)] == before
    return info.value


def test_plan_activity_materials_and_gate(people):
    legal, bureau = people["legal"], people["units"]["bureau"]
    plan = check_gate(
        lambda a: services.pufa_plan_issue(
            year=2019, title="2019年普法工作计划", issued_on=date(2019, 3, 1), actor=a
        ),
        responsible=legal,
        outsiders=[people["officer"], people["clerk"]],
    )
    assert plan.year == 2019
    _nothing_written(
        lambda: services.pufa_plan_issue(
            year=2019, title="又一个", issued_on=date(2019, 3, 2), actor=legal
        ),
        PufaPlan,
    )
    week = check_gate(
        lambda a: services.activity_record(
            kind="constitution_week",
            title="2019年宪法宣传周",
            org_unit=bureau,
            starts_on=date(2019, 12, 2),
            ends_on=date(2019, 12, 8),
            participants=[people["officer"]],
            audience_count=300,
            actor=a,
        ),
        responsible=legal,
        outsiders=[people["officer"]],
    )
    assert list(week.participants.all()) == [people["officer"]]
    err = _nothing_written(
        lambda: services.activity_record(
            kind="constitution_week",
            title="宣传周",
            org_unit=bureau,
            starts_on=date(2019, 12, 5),
            ends_on=date(2019, 12, 11),
            actor=legal,
        ),
        Activity,
    )
    assert "12月4日" in err.message
    photo = check_gate(
        lambda a: services.activity_attach(
            activity=week,
            fileobj=BytesIO(_png()),
            original_name="现场.png",
            kind="photo",
            caption="宣传现场",
            actor=a,
        ),
        responsible=legal,
        outsiders=[people["officer"]],
        obj=week,
    )
    assert photo.evidence.sha256 and photo.kind == "photo"
    err = _nothing_written(
        lambda: services.activity_attach(
            activity=week,
            fileobj=BytesIO(b"%PDF-1.4 not a picture"),
            original_name="a.png",
            kind="photo",
            actor=legal,
        ),
        ActivityMaterial,
    )


def test_a_unit_records_its_own_pufa(people):
    """谁执法谁普法: the clerk records its own unit's activity and completes its own 清单 item;
    an officer of another unit is refused on both (as the clerk was before, on any unit)."""
    units, clerk = people["units"], people["clerk"]
    lecture = check_gate(
        lambda a: services.activity_record(
            kind="lecture",
            title="区局劳动合同法讲座",
            org_unit=units["district"],
            starts_on=date(2019, 6, 1),
            actor=a,
        ),
        responsible=clerk,
        outsiders=[people["officer"]],
    )
    assert lecture.org_unit == units["district"]
    item = services.duty_item_add(
        year=2019,
        kind="specific",
        content="宣传劳动合同法",
        lead_unit=units["district"],
        actor=people["legal"],
    )
    check_gate(
        lambda a: services.duty_item_complete(item=item, done_on=date(2019, 12, 4), actor=a),
        responsible=clerk,
        outsiders=[people["officer"]],
        obj=item,
    )


def test_competition_teams_stages_results(people):
    legal, bureau = people["legal"], people["units"]["bureau"]
    contest = services.activity_record(
        kind="competition",
        title="人社法治知识竞赛",
        org_unit=bureau,
        starts_on=date(2019, 11, 1),
        actor=legal,
    )
    team = check_gate(
        lambda a: services.team_add(activity=contest, name="市局代表队", actor=a),
        responsible=legal,
        outsiders=[people["officer"]],
        obj=contest,
    )
    for n in range(2, 19):
        services.team_add(activity=contest, name=f"第{n}代表队", actor=legal)
    teams = list(contest.teams.all())
    results = [{"team": t, "name": t.name, "advanced": False} for t in teams]
    players = [{"name": f"选手{n}", "team": team, "advanced": True} for n in range(5)]
    stage = check_gate(
        lambda a: services.stage_record(
            activity=contest, name="全市决赛", level="全市", results=results + players, actor=a
        ),
        responsible=legal,
        outsiders=[people["officer"]],
        obj=contest,
    )
    assert stage.results.filter(advanced=True).count() == 5
    # the next stage may have no more entrants than advanced
    _nothing_written(
        lambda: services.stage_record(
            activity=contest,
            name="全国决赛",
            results=[{"name": f"选手{n}"} for n in range(6)],
            actor=legal,
        ),
        StageResult,
    )
    services.stage_record(
        activity=contest,
        name="全国人社系统法治知识竞赛",
        level="全国",
        results=[{"name": "天津代表队", "award": "三等奖"}],
        actor=legal,
    )
    assert StageResult.objects.filter(award="三等奖").count() == 1
    lecture = services.activity_record(
        kind="lecture", title="讲座", org_unit=bureau, starts_on=date(2019, 5, 1), actor=legal
    )
    _nothing_written(lambda: services.team_add(activity=lecture, name="x", actor=legal), Activity)


def test_study_records(people):
    legal, officer = people["legal"], people["officer"]
    check_gate(
        lambda a: services.study_record_add(
            user=officer,
            studied_on=date(2019, 6, 1),
            kind="group",
            course="宪法",
            hours="2",
            actor=a,
        ),
        responsible=legal,
        outsiders=[people["officer"]],
        obj=officer,
    )
    _nothing_written(
        lambda: services.study_record_add(
            user=officer,
            studied_on=date(2019, 6, 2),
            kind="group",
            course="宪法",
            hours=0,
            actor=legal,
        ),
        StudyRecord,
    )
    assert StudyRecord.objects.get().org_unit == officer.org_unit


def test_drafts_from_corrected_cases_need_an_article_to_be_approved(people):
    from fazhi.disputes.tests.conftest import apply

    legal = people["legal"]
    case = apply(people, received_on=date(2019, 3, 20))
    ReconsiderationCase.objects.filter(pk=case.pk).update(
        decision="revoke", error_cause="procedure"
    )
    other = apply(people, received_on=date(2019, 4, 20), act="另一决定")
    ReconsiderationCase.objects.filter(pk=other.pk).update(decision="uphold", error_cause="")
    made = check_gate(
        lambda a: services.questions_draft_from_cases(year=2019, actor=a),
        responsible=legal,
        outsiders=[people["officer"]],
    )
    assert made == 1
    assert services.questions_draft_from_cases(year=2019, actor=legal) == 0  # once per case
    draft = Question.objects.get(origin=f"reconsideration:{case.pk}")
    assert draft.status == QuestionStatus.DRAFT and "违反法定程序" in draft.stem
    assert not draft.articles.exists()  # no 行政复议法 in this corpus
    err = _nothing_written(lambda: services.question_approve(question=draft, actor=legal), Question)
    assert err.code == "question_without_article"
    law = make_law("劳动保障监察条例", date(2004, 12, 1))
    check_gate(
        lambda a: services.question_edit(
            question=draft,
            qtype="single",
            stem=draft.stem + "（已修改）",
            options=draft.options,
            answer="A",
            articles=[law.articles.get(number=3)],
            actor=a,
        ),
        responsible=legal,
        outsiders=[people["officer"]],
    )
    approved = check_gate(
        lambda a: services.question_approve(question=draft, actor=a),
        responsible=legal,
        outsiders=[people["officer"]],
    )
    assert approved.status == QuestionStatus.ACTIVE and approved.work_key == law.work.key
    err = _nothing_written(
        lambda: services.question_edit(
            question=approved,
            qtype="truefalse",
            stem="x",
            options=[],
            answer="T",
            articles=[],
            actor=legal,
        ),
        Question,
    )
    assert err.code == "not_a_draft"
