"""People and a decision walked through every procedure, for the decisions tests."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.accounts.tests.factories import make_user
from fazhi.decisions import services as s
from fazhi.decisions.domain.competition import STANDARDS_2016

NO = {"violates": False, "reason": "不涉及"}


@pytest.fixture
def people(org_tree):
    return {
        "units": org_tree,
        "legal": make_user("legal", unit=org_tree["fagui"], roles=["法规处工作人员"]),
        "reviewer": make_user("reviewer", unit=org_tree["fagui"], roles=["法制审核人员"]),
        "head": make_user("head", unit=org_tree["bureau"], roles=["局领导"]),
        "clerk": make_user("clerk", unit=org_tree["zongdui"], roles=["业务处室经办人"]),
        "other_clerk": make_user("hp_clerk", unit=org_tree["district"], roles=["业务处室经办人"]),
        "officer": make_user("officer", unit=org_tree["zhidui"], roles=["执法人员"]),
        "chief_user": make_user("chief", unit=None, roles=[]),
        "lawyer_user": make_user("lawyer", unit=None, roles=[]),
    }


@pytest.fixture
def counsel(people):
    chief = s.counsel_register(
        kind="internal",
        name="首席",
        is_chief=True,
        user=people["chief_user"],
        actor=people["legal"],
    )
    lawyer = s.counsel_register(
        kind="external",
        name="王律师",
        firm="某律师事务所",
        contract_start=date(2019, 1, 1),
        contract_end=date(2021, 12, 31),
        user=people["lawyer_user"],
        actor=people["legal"],
    )
    return {"chief": chief, "lawyer": lawyer}


def start(people, **kw):
    return s.decision_start(
        org_unit=people["units"]["zongdui"],
        title="工伤保险待遇调整方案",
        actor=people["clerk"],
        on=date(2019, 9, 2),
        **kw,
    )


def close_gates(people, counsel, decision):
    """Comment 9-02..10-01, adoption report, expert, risk, review with counsel opinion."""
    clerk = people["clerk"]
    s.decision_open_comment(
        decision=decision, opens=date(2019, 9, 2), closes=date(2019, 10, 1), actor=clerk
    )
    s.decision_adoption_report(
        decision=decision, report="收到意见12条，采纳5条。", actor=clerk, on=date(2019, 10, 8)
    )
    s.decision_add_expert(
        decision=decision,
        expert="李教授",
        affiliation="南开大学",
        declaration="与本事项无利害关系",
        direct_interest=False,
        opinion="方案可行。",
        given_on=date(2019, 10, 8),
        actor=clerk,
    )
    s.decision_risk(
        decision=decision,
        report="风险点、防范措施和处置预案。",
        assessor="第三方评估机构",
        controllable=True,
        actor=clerk,
        on=date(2019, 10, 8),
    )
    review = s.decision_submit_review(
        decision=decision, materials="草案、依据、程序说明", actor=clerk, on=date(2019, 10, 8)
    )
    opinion = give_opinion(people, counsel, decision)
    return s.decision_review(
        review=review,
        conclusion="lawful",
        opinion="权限、程序、内容合法。",
        counsel_opinion=opinion,
        actor=people["reviewer"],
        on=date(2019, 10, 17),
    )


def give_opinion(people, counsel, decision):
    opinion = answered_opinion(people, counsel, decision)
    return s.counsel_sign_off(opinion=opinion, actor=people["chief_user"], on=date(2019, 10, 15))


def answered_opinion(people, counsel, decision):
    """The lawyer's opinion on ``decision``, given and not yet signed by the chief."""
    return answer(people, requested_opinion(people, counsel, decision))


def requested_opinion(people, counsel, decision):
    """The lawyer's opinion on ``decision`` asked on 10-08, due 10-15, not given yet."""
    return s.counsel_request(
        matter_type="decision",
        matter_id=decision.pk,
        matter_title=decision.title,
        org_unit=decision.org_unit,
        counsel=counsel["lawyer"],
        question="是否合法",
        materials="草案",
        due_on=date(2019, 10, 15),
        actor=people["clerk"],
        on=date(2019, 10, 8),
    )


def answer(people, opinion):
    """The lawyer gives ``opinion`` on 10-14."""
    s.counsel_answer(
        opinion=opinion,
        facts="草案第3条",
        legal_basis="工伤保险条例第六十四条",
        conclusion="lawful",
        text="合法。",
        actor=people["lawyer_user"],
        on=date(2019, 10, 14),
    )
    return opinion


SPEAKERS = [
    {"name": "副局长甲", "order": 1, "view": "agree"},
    {"name": "副局长乙", "order": 2, "view": "disagree", "remarks": "建议缓行，财政压力大。"},
    {"name": "副局长丙", "order": 3, "view": "agree"},
    {"name": "局长", "order": 4, "view": "agree", "is_head": True},
]


def answers_2016():
    return {st.code: dict(NO) for st in STANDARDS_2016}
