"""The gate on every decisions service (see fazhi.accounts.testing.gate)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from fazhi.accounts.testing.gate import check_gate
from fazhi.decisions import services as s
from fazhi.decisions.tests.conftest import SPEAKERS, answers_2016, give_opinion, start

pytestmark = pytest.mark.django_db


def test_catalogue_services(people):
    legal, bureau = people["legal"], people["units"]["bureau"]
    outsiders = [people["clerk"], people["head"], people["reviewer"]]
    cat = check_gate(
        lambda a: s.catalogue_draft(org_unit=bureau, year=2019, actor=a),
        responsible=legal,
        outsiders=outsiders,
    )
    item = check_gate(
        lambda a: s.catalogue_add_item(catalogue=cat, title="事项", sponsor=bureau, actor=a),
        responsible=legal,
        outsiders=outsiders,
        obj=cat,
    )
    check_gate(
        lambda a: s.catalogue_publish(catalogue=cat, party_agreed_on=date(2019, 3, 1), actor=a),
        responsible=legal,
        outsiders=outsiders,
        obj=cat,
    )
    check_gate(
        lambda a: s.catalogue_withdraw_item(item=item, reason="调整", actor=a),
        responsible=legal,
        outsiders=outsiders,
        obj=item,
    )


def test_decision_procedure_services(people, counsel):
    clerk, outsiders = people["clerk"], [people["other_clerk"], people["officer"]]
    zongdui = people["units"]["zongdui"]
    decision = check_gate(
        lambda a: s.decision_start(org_unit=zongdui, title="决策", actor=a, on=date(2019, 9, 2)),
        responsible=clerk,
        outsiders=outsiders,
    )
    check_gate(
        lambda a: s.decision_open_comment(
            decision=decision, opens=date(2019, 9, 2), closes=date(2019, 10, 1), actor=a
        ),
        responsible=clerk,
        outsiders=outsiders,
        obj=decision,
    )
    comment = s.comment_submit(
        decision=decision, text="意见", ip="10.0.0.9", at=datetime(2019, 9, 3, 2, tzinfo=UTC)
    )
    check_gate(
        lambda a: s.comment_moderate(
            comment=comment, approve=True, adoption="adopted", reason="已吸收", actor=a
        ),
        responsible=clerk,
        outsiders=outsiders,
        obj=comment,
    )
    check_gate(
        lambda a: s.decision_adoption_report(
            decision=decision, report="采纳", actor=a, on=date(2019, 10, 8)
        ),
        responsible=clerk,
        outsiders=outsiders,
        obj=decision,
    )
    check_gate(
        lambda a: s.decision_add_expert(
            decision=decision,
            expert="专家",
            affiliation="大学",
            declaration="无利害关系",
            direct_interest=False,
            opinion="可行",
            given_on=date(2019, 10, 8),
            actor=a,
        ),
        responsible=clerk,
        outsiders=outsiders,
        obj=decision,
    )
    check_gate(
        lambda a: s.decision_waive(decision=decision, gate="risk", reason="不涉及稳定", actor=a),
        responsible=clerk,
        outsiders=outsiders,
        obj=decision,
    )
    check_gate(
        lambda a: s.decision_risk(
            decision=decision, report="报告", assessor="第三方", controllable=True, actor=a
        ),
        responsible=clerk,
        outsiders=outsiders,
        obj=decision,
    )
    review = check_gate(
        lambda a: s.decision_submit_review(
            decision=decision, materials="草案", actor=a, on=date(2019, 10, 8)
        ),
        responsible=clerk,
        outsiders=outsiders,
        obj=decision,
    )
    opinion = give_opinion(people, counsel, decision)
    check_gate(
        lambda a: s.decision_review(
            review=review,
            conclusion="lawful",
            opinion="合法",
            counsel_opinion=opinion,
            actor=a,
            on=date(2019, 10, 17),
        ),
        responsible=people["reviewer"],
        outsiders=[clerk, people["legal"]],
        obj=review,
    )
    check_gate(
        lambda a: s.decision_discuss(
            decision=decision,
            meeting="局长办公会议",
            speakers=SPEAKERS,
            adopted=True,
            outcome="通过",
            actor=a,
            on=date(2019, 10, 20),
        ),
        responsible=people["head"],
        outsiders=[clerk, people["reviewer"]],
        obj=decision,
    )
    for call in [
        lambda a: s.decision_publish(
            decision=decision, channel="网站", opinions_explained="说明", actor=a
        ),
        lambda a: s.decision_report_execution(decision=decision, notes="执行", actor=a),
        lambda a: s.decision_archive(decision=decision, late_reason="补录", actor=a),
        lambda a: s.decision_evaluate(
            decision=decision, trigger="有必要", evaluator="大学", conclusion="良好", actor=a
        ),
    ]:
        check_gate(call, responsible=clerk, outsiders=outsiders, obj=decision)


def test_counsel_and_competition_services(people):
    legal, clerk = people["legal"], people["clerk"]
    chief = check_gate(
        lambda a: s.counsel_register(
            kind="internal", name="首席", is_chief=True, user=people["chief_user"], actor=a
        ),
        responsible=legal,
        outsiders=[clerk, people["head"]],
    )
    decision = start(people)
    check_gate(
        lambda a: s.counsel_declare_conflict(
            counsel=chief, matter_type="case", matter_id=99, description="亲属", actor=a
        ),
        responsible=legal,
        outsiders=[clerk, people["lawyer_user"]],
    )
    opinion = check_gate(
        lambda a: s.counsel_request(
            matter_type="decision",
            matter_id=decision.pk,
            matter_title="决策",
            org_unit=decision.org_unit,
            counsel=chief,
            question="q",
            materials="m",
            due_on=date(2030, 1, 1),
            actor=a,
        ),
        responsible=clerk,
        outsiders=[people["other_clerk"], people["head"]],
    )
    check_gate(
        lambda a: s.counsel_answer(
            opinion=opinion, facts="f", legal_basis="b", conclusion="lawful", text="t", actor=a
        ),
        responsible=people["reviewer"],
        outsiders=[clerk, people["lawyer_user"]],
        obj=opinion,
    )
    check_gate(
        lambda a: s.counsel_sign_off(opinion=opinion, actor=a),
        responsible=people["chief_user"],
        outsiders=[clerk, people["reviewer"], people["lawyer_user"]],
        obj=opinion,
    )
    check_gate(
        lambda a: s.counsel_adoption(opinion=opinion, adopted=True, actor=a),
        responsible=clerk,
        outsiders=[people["other_clerk"]],
        obj=opinion,
    )
    review = check_gate(
        lambda a: s.competition_open(
            matter_type="decision",
            matter_id=decision.pk,
            title="措施",
            org_unit=decision.org_unit,
            affects_reason="涉及经营者",
            actor=a,
        ),
        responsible=clerk,
        outsiders=[people["other_clerk"], people["head"]],
    )
    check_gate(
        lambda a: s.competition_consult(
            review=review, who="协会", how="座谈", views="同意", on=date(2019, 10, 1), actor=a
        ),
        responsible=clerk,
        outsiders=[people["other_clerk"]],
        obj=review,
    )
    check_gate(
        lambda a: s.competition_conclude(
            review=review,
            answers=answers_2016(),
            conclusion="passes",
            explanation="符合",
            actor=a,
            on=date(2019, 10, 2),
        ),
        responsible=clerk,
        outsiders=[people["other_clerk"]],
        obj=review,
    )


def test_hearing_record(people):
    clerk, outsiders = people["clerk"], [people["other_clerk"], people["officer"]]
    decision = start(people)
    check_gate(
        lambda a: s.decision_record_hearing(
            decision=decision,
            notice_on=date(2019, 9, 10),
            materials="决策草案及起草说明",
            held_on=date(2019, 9, 17),
            place="局第一会议室",
            participants=[{"name": "张某", "represents": "用人单位代表"}],
            minutes="张某：建议延长过渡期。",
            outcome="过渡期延长至六个月。",
            on=date(2019, 9, 18),
            actor=a,
        ),
        responsible=clerk,
        outsiders=outsiders,
        obj=decision,
    )
