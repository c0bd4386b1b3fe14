"""Each step through its service: state, deadline, audit event; each refusal writes nothing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from fazhi.core.domain.errors import Refused as CoreRefused
from fazhi.core.models import AuditEvent, Deadline
from fazhi.core.selectors.deadlines import deadlines_for_user
from fazhi.laws.models import LegalDocument
from fazhi.laws.search import search
from fazhi.normdocs import services
from fazhi.normdocs.domain.errors import Refused
from fazhi.normdocs.domain.reviews import LEGALITY_POINT_CODES
from fazhi.normdocs.domain.states import Stage
from fazhi.normdocs.tests.factories import DAYS, make_document

pytestmark = pytest.mark.django_db
ALL_OK = dict.fromkeys(LEGALITY_POINT_CODES, True)


def _actions(document) -> list[str]:
    return list(
        AuditEvent.objects.for_target(document)
        .filter(action__startswith="normdocs.document.")
        .values_list("action", flat=True)
    )


def test_a_document_goes_from_draft_to_in_force_step_by_step(people):
    # when
    document = make_document(people, Stage.IN_FORCE)
    # then
    assert document.stage == Stage.IN_FORCE
    assert document.doc_number == "津人社规字〔2025〕1号"
    assert _actions(document) == [
        f"normdocs.document.{verb}"
        for verb in (
            "draft",
            "open_comment",
            "submit_review",
            "review",
            "fair_competition",
            "deliberate",
            "register",
            "publish",
            "file",
            "filing_result",
        )
    ]
    deadlines = {d.rule_code: d for d in Deadline.objects.all()}
    assert deadlines["normdoc.public_comment"].due == date(2025, 4, 2)  # 30 days after 3-3
    assert deadlines["normdoc.public_comment"].status == "met"
    assert deadlines["normdoc.legality_review"].status == "met"
    assert deadlines["normdoc.filing"].status == "met"
    reminder = deadlines["normdoc.expiry_reminder"]
    assert document.valid_until == date(2030, 4, 17)  # 5 years from 2025-04-18
    assert (reminder.due, reminder.status) == (date(2029, 10, 17), "open")


def test_publication_puts_document_and_interpretation_in_the_corpus_searchable_at_once(people):
    document = make_document(people, Stage.PUBLISHED)
    legal = LegalDocument.objects.get(pk=document.corpus_document_id)
    assert (legal.kind, legal.doc_number) == ("规范性文件", "津人社规字〔2025〕1号")
    assert legal.articles.count() == 3
    explainer = LegalDocument.objects.get(pk=document.corpus_interpretation_id)
    assert explainer.kind == "政策解读"
    assert explainer.relations_out.get().target == legal
    hits = search("就业困难人员认定", today=DAYS["published"]).hits
    assert {h.document_id for h in hits} == {legal.pk, explainer.pk}
    assert search("津人社规字〔2025〕1号", today=DAYS["published"]).hits[0].document_id == legal.pk


def test_provisional_titles_get_two_years(people):
    document = make_document(people, Stage.PUBLISHED, title="就业见习补贴暂行办法")
    assert document.valid_until == date(2027, 4, 17)


def test_a_failed_review_sends_the_draft_back_and_it_must_be_reviewed_again(people):
    document = make_document(people, Stage.LEGALITY_REVIEW)
    document = services.document_review_legality(
        document=document,
        checks={**ALL_OK, "rights_duties": False},
        conclusion="amend",
        opinion="第二条增加义务无依据。",
        actor=people["reviewer"],
        on=DAYS["reviewed"],
    )
    assert document.stage == Stage.REVISING
    with pytest.raises(Refused):
        services.document_deliberate(
            document=document,
            meeting="局长办公会",
            decision="approved",
            minutes="",
            actor=people["leader"],
            on=DAYS["deliberated"],
        )
    document = services.document_resubmit(
        document=document,
        body="第一条 目的。\n第二条 适用范围（删去新增义务）。\n第三条 施行日期。",
        note="删去第二条新增义务",
        actor=people["clerk"],
        on=DAYS["reviewed"] + timedelta(days=1),
    )
    assert document.stage == Stage.LEGALITY_REVIEW
    assert Deadline.objects.filter(rule_code="normdoc.legality_review").count() == 2
    assert document.articles.get(number=2).text == "适用范围（删去新增义务）。"


def test_a_correction_order_is_recorded_and_then_corrected(people):
    document = make_document(people, Stage.FILED)
    document = services.document_record_filing_review(
        document=document,
        result="correction",
        opinion="第二条无依据，责令纠正。",
        actor=people["legal"],
        on=DAYS["filing_reviewed"],
    )
    assert document.stage == Stage.CORRECTION
    document = services.document_correct(
        document=document,
        note="已删去第二条。",
        actor=people["legal"],
        on=DAYS["filing_reviewed"] + timedelta(days=5),
    )
    assert document.stage == Stage.IN_FORCE


def test_expiry_is_refused_during_the_term_and_ends_the_document_after_it(people, unchanged):
    document = make_document(people, Stage.IN_FORCE)
    with unchanged(), pytest.raises(Refused, match="尚未届满"):
        services.document_expire(document=document, actor=people["legal"], on=date(2030, 4, 17))
    document = services.document_expire(  # registered two weeks late: still ended on 18 April
        document=document, actor=people["legal"], on=date(2030, 5, 2)
    )
    assert document.stage == Stage.EXPIRED and document.ended_on == date(2030, 4, 18)
    assert LegalDocument.objects.get(pk=document.corpus_document_id).expiry_date == date(
        2030, 4, 18
    )
    assert not Deadline.objects.filter(status="open").exists()


def _refusals():
    reviewer_ok = {"checks": ALL_OK, "conclusion": "lawful", "opinion": "合法"}
    return [
        ("register a draft", Stage.DRAFTING, "legal", services.document_register, {}, Refused),
        (
            "publish before numbering",
            Stage.APPROVED,
            "legal",
            services.document_publish,
            {"interpretation_title": "解读", "interpretation_text": "内容"},
            Refused,
        ),
        (
            "publish without interpretation",
            Stage.REGISTERED,
            "legal",
            services.document_publish,
            {"interpretation_title": "", "interpretation_text": " "},
            Refused,
        ),
        (
            "close comment early",
            Stage.PUBLIC_COMMENT,
            "clerk",
            services.document_submit_review,
            {"on": date(2025, 3, 20)},
            Refused,
        ),
        (
            "deliberate during review",
            Stage.LEGALITY_REVIEW,
            "leader",
            services.document_deliberate,
            {"meeting": "会", "decision": "approved", "minutes": ""},
            Refused,
        ),
        (
            "review by a clerk",
            Stage.LEGALITY_REVIEW,
            "clerk",
            services.document_review_legality,
            reviewer_ok,
            PermissionDenied,
        ),
        (
            "lawful with a failed point",
            Stage.LEGALITY_REVIEW,
            "reviewer",
            services.document_review_legality,
            {**reviewer_ok, "checks": {**ALL_OK, "issuer": False}},
            Refused,
        ),
        (
            "other unit opens comment",
            Stage.DRAFTING,
            "outsider",
            services.document_open_comment,
            {},
            PermissionDenied,
        ),
        (
            "calendar not published",
            Stage.DRAFTING,
            "clerk",
            services.document_open_comment,
            {"on": date(2031, 3, 3)},
            Refused,
        ),
        (
            "exception without reasons",
            Stage.FAIR_COMPETITION,
            "clerk",
            services.document_review_competition,
            {"conclusion": "exception", "explanation": ""},
            CoreRefused,  # the shared review's checks (decisions.domain.competition)
        ),
        ("file twice", Stage.FILED, "legal", services.document_file, {}, Refused),
        (
            "register by a clerk",
            Stage.APPROVED,
            "clerk",
            services.document_register,
            {},
            PermissionDenied,
        ),
    ]


@pytest.mark.parametrize(("_case", "stage", "who", "call", "kwargs", "error"), _refusals())
def test_a_refused_step_writes_nothing(people, unchanged, _case, stage, who, call, kwargs, error):
    # given
    document = make_document(people, stage)
    kwargs = {"on": DAYS["filing_reviewed"], **kwargs}
    # when / then
    with unchanged(), pytest.raises(error):
        call(document=document, actor=people[who], **kwargs)
    document.refresh_from_db()
    assert document.stage == stage


def test_numbers_run_per_year_without_gaps(people):
    first = make_document(people, Stage.REGISTERED, title="甲办法")
    second = make_document(people, Stage.APPROVED, title="乙办法")
    second = services.document_register(
        document=second, actor=people["legal"], on=DAYS["registered"]
    )
    third = make_document(people, Stage.APPROVED, title="丙办法")
    third = services.document_register(document=third, actor=people["legal"], on=date(2026, 1, 5))
    assert [first.doc_number, second.doc_number, third.doc_number] == [
        "津人社规字〔2025〕1号",
        "津人社规字〔2025〕2号",
        "津人社规字〔2026〕1号",
    ]


def test_numbers_follow_the_registration_dates_and_a_future_day_is_refused(people):
    """Issue 18.5: 文号 follow the dates, not the order of entry. A document registered as of a
    day before the year's last registration is refused (it would take a later number for an
    earlier date), and so is a day after today; neither writes anything nor takes a number."""
    first = make_document(people, Stage.REGISTERED, title="甲办法")  # 2025-04-16, No. 1
    early = make_document(people, Stage.APPROVED, title="乙办法")
    with pytest.raises(Refused, match="文号按登记日期顺序编排") as refused:
        services.document_register(document=early, actor=people["legal"], on=date(2025, 4, 15))
    assert refused.value.code == "number_order" and first.doc_number in str(refused.value)
    tomorrow = timezone.localdate() + timedelta(days=1)
    with pytest.raises(Refused, match=r"登记日期.*不能晚于录入当日") as future:
        services.document_register(document=early, actor=people["legal"], on=tomorrow)
    assert future.value.code == "date_in_future"
    early.refresh_from_db()
    assert early.stage == Stage.APPROVED and not early.doc_number and early.registered_on is None
    early = services.document_register(document=early, actor=people["legal"], on=DAYS["registered"])
    assert early.doc_number == "津人社规字〔2025〕2号"  # no number was lost to the refusals


def test_an_existing_document_moves_the_counter_past_its_number(people, org_tree):
    services.document_enter_existing(
        title="旧办法",
        doc_number="津人社规字[2025]7号",
        body="第一条 旧。",
        org_unit=org_tree["fagui"],
        published_on=date(2025, 1, 6),
        actor=people["legal"],
    )
    document = make_document(people, Stage.REGISTERED)
    assert document.doc_number == "津人社规字〔2025〕8号"
    with pytest.raises(Refused, match="已经登记"):
        services.document_enter_existing(
            title="重复",
            doc_number="津人社规字〔2025〕7号",
            body="第一条 重。",
            org_unit=org_tree["fagui"],
            published_on=date(2025, 1, 6),
            actor=people["legal"],
        )


def test_an_opinion_before_five_working_days_needs_an_urgency_reason(people):
    # given: submitted Thursday 2025-04-03; 清明 (4-4 to 4-6) is off, so the fifth working day
    # after submission is Friday 2025-04-11, not 4-10
    document = make_document(people, Stage.LEGALITY_REVIEW)
    events = AuditEvent.objects.count()
    # when / then
    with pytest.raises(Refused, match="2025年4月11日前") as refused:
        services.document_review_legality(
            document=document,
            checks=ALL_OK,
            conclusion="lawful",
            opinion="合法。",
            actor=people["reviewer"],
            on=date(2025, 4, 10),
        )
    assert refused.value.code == "review_too_early"
    document.refresh_from_db()
    assert document.stage == Stage.LEGALITY_REVIEW
    assert AuditEvent.objects.count() == events
    assert not document.legality_reviews.exclude(reviewed_on=None).exists()
    # and: an urgent review is allowed, with its reason on record
    services.document_review_legality(
        document=document,
        checks=ALL_OK,
        conclusion="lawful",
        opinion="合法。",
        actor=people["reviewer"],
        on=date(2025, 4, 10),
        urgent_reason="上级机关要求4月10日前印发",
    )
    event = AuditEvent.objects.filter(action="normdocs.document.review").latest("seq")
    assert event.data["urgent_reason"] == "上级机关要求4月10日前印发"


def test_a_draft_is_edited_in_drafting_and_frozen_once_out_for_comment(people):
    document = make_document(people, Stage.DRAFTING)
    # when
    document = services.document_edit_draft(
        document=document,
        title="天津市就业困难人员认定办法（修改稿）",
        body="第一条 目的。\n第二条 范围。\n第三条 认定条件。\n第四条 施行日期。",
        actor=people["clerk"],
        on=DAYS["drafted"],
    )
    # then
    assert document.title.endswith("（修改稿）")
    assert [a.text for a in document.articles.all()][-1] == "施行日期。"
    assert _actions(document)[-1] == "normdocs.document.edit_draft"
    # and: after public comment opens, a direct edit is refused and writes nothing
    document = services.document_open_comment(
        document=document, actor=people["clerk"], on=DAYS["opened"]
    )
    events = AuditEvent.objects.count()
    with pytest.raises(Refused, match="修改后重新送审"):
        services.document_edit_draft(
            document=document,
            title="另一个标题",
            body="第一条 全部改写。",
            actor=people["clerk"],
            on=DAYS["opened"],
        )
    document.refresh_from_db()
    assert document.title.endswith("（修改稿）") and document.articles.count() == 4
    assert AuditEvent.objects.count() == events


def test_the_drafter_and_the_publisher_find_their_deadlines_at_home(people):
    """The comment period on the drafter's 我的期限; 备案 and the expiry reminder on the
    publisher's; the legality review waits in the reviewers' queue, on nobody's."""
    commenting = make_document(people, Stage.PUBLIC_COMMENT, title="甲办法")
    published = make_document(people, Stage.PUBLISHED, title="乙办法")
    reviewing = make_document(people, Stage.LEGALITY_REVIEW, title="丙办法")
    today = DAYS["published"]

    def mine(user):
        return {
            (r.deadline.subject_id, r.deadline.rule_code)
            for r in deadlines_for_user(user=people[user], today=today)
        }

    assert mine("clerk") == {(str(commenting.pk), "normdoc.public_comment")}
    assert mine("legal") == {
        (str(published.pk), "normdoc.filing"),
        (str(published.pk), "normdoc.expiry_reminder"),
    }
    assert Deadline.objects.get(subject_id=str(reviewing.pk), status="open").owner is None
