"""Staff registers and the portal column (Django test client)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from fazhi.decisions import services as s
from fazhi.decisions.tests.conftest import answer, requested_opinion, start

pytestmark = pytest.mark.django_db


def test_staff_register_shows_gates_and_dates(people, counsel):
    start(people)
    client = Client()
    client.force_login(people["clerk"])
    page = client.get("/staff/decisions/").content.decode()
    assert "工伤保险待遇调整方案" in page and "公众参与（未完成）" in page
    assert client.get("/staff/legislation/").status_code == 200


def test_portal_comment_is_moderated_and_contact_never_shown(people):
    today = timezone.localdate()
    decision = start(people)
    s.decision_open_comment(
        decision=decision,
        opens=today - timedelta(days=1),
        closes=today + timedelta(days=29),
        actor=people["clerk"],
    )
    public = Client()
    assert "工伤保险待遇调整方案" in public.get("/decisions/").content.decode()
    public.post(
        f"/decisions/{decision.pk}/comment/", {"text": "建议提高标准", "contact": "13912345678"}
    )
    page = public.get(f"/decisions/{decision.pk}/").content.decode()
    assert "建议提高标准" not in page  # not yet moderated
    s.comment_moderate(
        comment=decision.comments.get(),
        approve=True,
        adoption="partly",
        reason="部分吸收",
        actor=people["clerk"],
    )
    page = public.get(f"/decisions/{decision.pk}/").content.decode()
    assert "建议提高标准" in page and "13912345678" not in page


def test_staff_print_the_three_documents(people, counsel):
    import io

    from docx import Document

    from fazhi.decisions.tests.conftest import answers_2016, close_gates

    decision = start(people)
    review = close_gates(people, counsel, decision)
    comp = s.competition_open(
        matter_type="decision",
        matter_id=decision.pk,
        title="措施",
        org_unit=decision.org_unit,
        affects_reason="涉及",
        actor=people["clerk"],
    )
    s.competition_consult(
        review=comp,
        who="协会",
        how="座谈",
        views="同意",
        on=date(2019, 10, 1),
        actor=people["clerk"],
    )
    s.competition_conclude(
        review=comp,
        answers=answers_2016(),
        conclusion="passes",
        explanation="符合",
        actor=people["clerk"],
        on=date(2019, 10, 2),
    )
    client = Client()
    client.force_login(people["reviewer"])
    # each template filled with its record's facts (fazhi/decisions/docx/)
    for url, facts in [
        (
            f"/staff/decisions/reviews/{review.pk}.docx",
            [
                "合法性审查意见书",
                "决策事项：工伤保险待遇调整方案",
                "送审材料：草案、依据、程序说明",
                "权限、程序、内容合法。",
            ],
        ),
        (
            f"/staff/decisions/opinions/{review.counsel_opinion_id}.docx",
            [
                "法律意见书",
                "咨询事项：是否合法",
                "草案第3条（材料：草案）",
                "工伤保险条例第六十四条",
            ],
        ),
        (
            f"/staff/decisions/competition/{comp.pk}.docx",
            ["公平竞争审查结论", "政策措施：措施", "以座谈听取协会意见：同意", "。符合"],
        ),
    ]:
        answer = client.get(url)
        assert answer.status_code == 200, url
        text = "\n".join(p.text for p in Document(io.BytesIO(answer.content)).paragraphs)
        assert all(fact in text for fact in facts), (url, text)
    lawyer = Client()
    lawyer.force_login(people["officer"])
    assert (
        lawyer.get(f"/staff/decisions/opinions/{review.counsel_opinion_id}.docx").status_code == 404
    )


def test_deadline_subjects_open_on_the_register(people, counsel):
    from fazhi.core.models import Deadline
    from fazhi.core.selectors.deadlines import subject_urls
    from fazhi.decisions.tests.conftest import SPEAKERS, close_gates

    decision = start(people)
    close_gates(people, counsel, decision)
    s.decision_discuss(
        decision=decision,
        meeting="会",
        speakers=SPEAKERS,
        adopted=True,
        outcome="通过",
        actor=people["head"],
        on=date(2019, 10, 20),
    )
    urls = subject_urls(Deadline.objects.all(), user=people["clerk"])
    assert list(urls.values()) == [f"/staff/decisions/#decision-{decision.pk}"]
    page = Client()
    page.force_login(people["clerk"])
    assert f'id="decision-{decision.pk}"' in page.get("/staff/decisions/").content.decode()


def test_the_sign_off_step_is_offered_to_the_chief_only(people, counsel):
    from fazhi.decisions.tests.conftest import answered_opinion

    opinion = answered_opinion(people, counsel, start(people))
    client = Client()
    client.force_login(people["legal"])  # may answer for a counsel, may not sign
    assert (
        "step-sign_off"
        not in client.get(f"/staff/decisions/opinions/{opinion.pk}/").content.decode()
    )
    client.force_login(people["chief_user"])
    assert (
        "step-sign_off" in client.get(f"/staff/decisions/opinions/{opinion.pk}/").content.decode()
    )


def test_the_worklist_holds_the_legality_review_then_the_archive(people, counsel):
    from fazhi.decisions.tests.conftest import close_gates
    from fazhi.decisions.tests.test_services import _discuss

    decision = start(people)
    s.decision_submit_review(
        decision=decision, materials="草案", actor=people["clerk"], on=date(2019, 10, 8)
    )
    reviewer, clerk = Client(), Client()
    reviewer.force_login(people["reviewer"])
    clerk.force_login(people["clerk"])
    page = reviewer.get("/staff/todo/").content.decode()
    assert "重大行政决策合法性审查" in page and decision.get_absolute_url() in page
    assert "重大行政决策待归档（0）" in clerk.get("/staff/todo/").content.decode()

    other = s.decision_start(
        org_unit=people["units"]["zongdui"],
        title="另一决策",
        actor=people["clerk"],
        on=date(2019, 9, 2),
    )
    close_gates(people, counsel, other)
    _discuss(people, other)
    page = clerk.get("/staff/todo/").content.decode()
    assert "重大行政决策待归档" in page and other.get_absolute_url() in page
    s.decision_archive(
        decision=other, late_reason="补录", actor=people["clerk"], on=date(2019, 10, 25)
    )
    assert other.get_absolute_url() not in clerk.get("/staff/todo/").content.decode()


def test_the_draft_put_out_for_comment_is_on_the_portal(people):
    today = timezone.localdate()
    decision = start(people)
    clerk = Client()
    clerk.force_login(people["clerk"])
    clerk.post(
        f"/staff/decisions/{decision.pk}/",
        {
            "_step": "open_comment",
            "open_comment-draft": "第一条 为规范工伤保险待遇调整，制定本方案。",
            "open_comment-opens": today.isoformat(),
            "open_comment-closes": (today + timedelta(days=30)).isoformat(),
        },
    )
    page = Client().get(f"/decisions/{decision.pk}/").content.decode()
    assert "决策草案及其说明" in page and "第一条 为规范工伤保险待遇调整" in page


def test_the_counsel_without_a_role_has_its_opinions_in_its_worklist(people, counsel):
    """待办 of the counsel accounts (no role): the lawyer's opinion to give, with its 答复期限;
    once given, it leaves the lawyer's list and enters the 首席法律顾问's to sign off."""
    decision = start(people)
    opinion = requested_opinion(people, counsel, decision)  # due 2019-10-15
    url = f"/staff/decisions/opinions/{opinion.pk}/"
    lawyer, chief, officer = Client(), Client(), Client()
    lawyer.force_login(people["lawyer_user"])
    chief.force_login(people["chief_user"])
    officer.force_login(people["officer"])
    page = lawyer.get("/staff/todo/").content.decode()
    assert "法律意见待出具和签发（1）" in page and url in page
    assert "2019年10月15日" in page and "答复期限（委托时约定）" in page and "已逾期" in page
    assert url not in chief.get("/staff/todo/").content.decode()  # not given yet
    assert "法律意见待出具和签发" not in officer.get("/staff/todo/").content.decode()
    answer(people, opinion)
    assert url not in lawyer.get("/staff/todo/").content.decode()
    page = chief.get("/staff/todo/").content.decode()
    assert url in page and "待签发" in page
    s.counsel_sign_off(opinion=opinion, actor=people["chief_user"], on=date(2019, 10, 15))
    assert url not in chief.get("/staff/todo/").content.decode()
