"""The staff input forms (Django test client): a decision walked from registration to archive
through the step forms, refusals re-rendering with the input kept and nothing written."""

from __future__ import annotations

import pytest
from django.test import Client

from fazhi.core.models import AuditEvent
from fazhi.decisions.domain.competition import STANDARDS_2016
from fazhi.decisions.models import CompetitionReview, CounselOpinion, Decision

pytestmark = pytest.mark.django_db


def _client(user):
    c = Client()
    c.force_login(user)
    return c


def step(client, decision_url, key, **fields):
    data = {"_step": key, **{f"{key}-{k}": v for k, v in fields.items()}}
    return client.post(decision_url, data)


def alert(page) -> str:
    import re

    return " ".join(
        re.findall(
            r'role="alert">(.*?)</div>|class="errorlist[^"]*">(.*?)</ul>',
            page.content.decode(),
            re.S,
        )
        .__str__()
        .split()
    )


def test_a_decision_walked_through_the_forms(people, counsel):
    clerk = _client(people["clerk"])
    answer = clerk.post(
        "/staff/decisions/new/",
        {
            "title": "工伤保险待遇调整方案",
            "org_unit": people["units"]["zongdui"].pk,
            "affects_market": "on",
            "on": "2019-09-02",
        },
    )
    decision = Decision.objects.get()
    assert answer.status_code == 302 and decision.affects_market
    url = f"/staff/decisions/{decision.pk}/"

    # discussion before the gates: refused with the gate and the article, the input kept
    head = _client(people["head"])
    before = AuditEvent.objects.count()
    page = step(
        head,
        url,
        "discuss",
        meeting="局长办公会",
        speakers="副局长甲，同意\n局长，同意，原则通过",
        head="局长",
        adopted="yes",
        outcome="通过",
        on="2019-10-20",
    )
    text = page.content.decode()
    assert page.status_code == 422
    assert "公众参与" in text and "第十五条" in text and "局长办公会" in text
    assert AuditEvent.objects.count() == before and not decision.speakers.exists()

    # a comment period under 30 days without a reason: refused, nothing written
    page = step(clerk, url, "open_comment", draft="草案", opens="2019-09-02", closes="2019-09-20")
    assert page.status_code == 422 and "30" in page.content.decode()
    decision.refresh_from_db()
    assert decision.comment_opens is None

    assert (
        step(
            clerk, url, "open_comment", draft="草案", opens="2019-09-02", closes="2019-10-01"
        ).status_code
        == 302
    )
    assert (
        step(
            clerk, url, "adoption_report", report="收到意见12条，采纳5条。", on="2019-10-08"
        ).status_code
        == 302
    )
    assert (
        step(
            clerk,
            url,
            "add_expert",
            expert="李教授",
            affiliation="南开大学",
            declaration="无利害关系",
            direct_interest="no",
            opinion="方案可行。",
            given_on="2019-10-08",
        ).status_code
        == 302
    )
    assert (
        step(
            clerk,
            url,
            "risk",
            report="风险点、措施、预案",
            assessor="第三方",
            controllable="yes",
            on="2019-10-08",
        ).status_code
        == 302
    )
    assert step(clerk, url, "submit_review", materials="草案", on="2019-10-08").status_code == 302
    assert (
        step(
            clerk,
            url,
            "counsel_request",
            counsel=counsel["lawyer"].pk,
            question="是否合法",
            materials="草案",
            due_on="2019-10-15",
            on="2019-10-08",
        ).status_code
        == 302
    )
    opinion = CounselOpinion.objects.get()
    o_url = f"/staff/decisions/opinions/{opinion.pk}/"
    lawyer = _client(people["lawyer_user"])
    assert lawyer.get(o_url).status_code == 200
    assert (
        step(
            lawyer,
            o_url,
            "answer",
            facts="草案第3条",
            legal_basis="工伤保险条例第六十四条",
            conclusion="lawful",
            text="合法。",
            on="2019-10-14",
        ).status_code
        == 302
    )
    assert (
        step(_client(people["chief_user"]), o_url, "sign_off", on="2019-10-15").status_code == 302
    )

    # the review before the 7th working day (国庆 2019) is refused
    reviewer = _client(people["reviewer"])
    early = step(
        reviewer,
        url,
        "review",
        conclusion="lawful",
        opinion="合法",
        counsel_opinion=opinion.pk,
        on="2019-10-09",
    )
    assert early.status_code == 422 and "工作日" in early.content.decode()
    assert (
        step(
            reviewer,
            url,
            "review",
            conclusion="lawful",
            opinion="合法",
            counsel_opinion=opinion.pk,
            on="2019-10-17",
        ).status_code
        == 302
    )

    # a market decision needs its fair-competition conclusion before discussion
    assert (
        step(
            clerk, url, "competition_open", affects_market="yes", affects_reason="涉及企业"
        ).status_code
        == 302
    )
    review = CompetitionReview.objects.get()
    c_url = f"/staff/decisions/competition/{review.pk}/"
    assert (
        step(
            clerk, c_url, "consult", who="行业协会", how="座谈会", views="同意", on="2019-10-10"
        ).status_code
        == 302
    )
    answers = {f"v_{s.code}": "no" for s in STANDARDS_2016}
    half = {f"r_{s.code}": "不涉及" for s in STANDARDS_2016[:3]}
    page = step(
        clerk,
        c_url,
        "conclude",
        on="2019-10-11",
        conclusion="passes",
        explanation="符合",
        **answers,
        **half,
    )
    assert page.status_code == 422 and "逐项作答" in page.content.decode()
    reasons = {f"r_{s.code}": "不涉及" for s in STANDARDS_2016}
    assert (
        step(
            clerk,
            c_url,
            "conclude",
            on="2019-10-11",
            conclusion="passes",
            explanation="符合",
            **answers,
            **reasons,
        ).status_code
        == 302
    )

    page = step(
        head,
        url,
        "discuss",
        meeting="局长办公会",
        speakers="副局长甲，同意\n副局长乙，不同意，缓行\n副局长丙，同意\n局长，同意，原则通过",
        head="局长",
        adopted="yes",
        outcome="通过",
        on="2019-10-20",
    )
    assert page.status_code == 302, alert(page)
    assert (
        step(
            clerk, url, "publish", channel="门户网站", opinions_explained="已说明", on="2019-10-25"
        ).status_code
        == 302
    )
    assert step(clerk, url, "archive", on="2019-11-01").status_code == 302
    decision.refresh_from_db()
    assert decision.stage == "published" and decision.archived_on.isoformat() == "2019-11-01"
    final = clerk.get(url).content.decode()
    assert "副局长乙" in final and "归档" in final


def test_steps_not_offered_to_whom_the_rule_refuses(people):
    from fazhi.decisions.tests.conftest import start

    decision = start(people)
    officer = _client(people["officer"])
    assert officer.get(f"/staff/decisions/{decision.pk}/").status_code == 404
    other = _client(people["legal"])
    page = other.get(f"/staff/decisions/{decision.pk}/").content.decode()
    assert "发布征求意见" in page and "出具审查意见" not in page
    # a posted step that is not offered writes nothing
    answer = step(other, f"/staff/decisions/{decision.pk}/", "review", conclusion="lawful")
    assert answer.status_code == 302 and not decision.reviews.exists()
