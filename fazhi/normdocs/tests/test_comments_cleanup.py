"""Public comments (spam, moderation, marks, the 采纳情况说明) and the cleanup campaign."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from fazhi.accounts.permissions import SYSTEM
from fazhi.core.models import AuditEvent
from fazhi.laws.models import LegalDocument
from fazhi.laws.search import search
from fazhi.laws.services.linking import corpus_link
from fazhi.normdocs import services
from fazhi.normdocs.domain.errors import Refused
from fazhi.normdocs.domain.states import Stage
from fazhi.normdocs.models import PublicComment
from fazhi.normdocs.selectors import ledger_summary
from fazhi.normdocs.tests.factories import DAYS, make_document

pytestmark = pytest.mark.django_db
DURING = datetime(2025, 3, 10, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def draft(people):
    return make_document(people, Stage.PUBLIC_COMMENT)


def _submit(draft, text, ip="198.51.100.1", number=1):
    return services.comment_submit(article=draft.articles.get(number=number), text=text, ip=ip)


@time_machine.travel(DURING)
def test_a_comment_is_stored_on_its_article_and_audited(draft):
    comment = _submit(draft, "建议明确认定期限。", number=2)
    assert comment.article.number == 2 and not comment.is_flagged
    assert AuditEvent.objects.filter(action="normdocs.comment.submit").count() == 1


@time_machine.travel(DURING)
def test_the_same_text_is_flagged_then_throttled_and_the_throttle_writes_nothing(draft, unchanged):
    _submit(draft, "重复意见", ip="198.51.100.1")
    second = _submit(draft, "重复  意见！", ip="198.51.100.2")
    third = _submit(draft, "重复意见", ip="198.51.100.3")
    assert second.is_flagged and third.is_flagged
    with unchanged(), pytest.raises(services.Throttled, match="已提交3次"):
        _submit(draft, "重复意见。", ip="198.51.100.4")


@time_machine.travel(DURING)
def test_a_flood_from_one_address_is_refused_and_what_it_sent_is_flagged(draft):
    for n in range(10):
        _submit(draft, f"第{n}条不同的意见", ip="203.0.113.9")
    assert PublicComment.objects.filter(is_flagged=True).count() == 5  # the 6th to 10th
    with pytest.raises(services.Throttled, match="过多"):
        _submit(draft, "又一条", ip="203.0.113.9")
    assert PublicComment.objects.filter(is_flagged=True).count() == 10
    assert PublicComment.objects.count() == 10
    assert AuditEvent.objects.filter(action="normdocs.comment.flag").count() == 1
    _submit(draft, "另一个地址不受影响", ip="203.0.113.10")


def test_comments_are_refused_outside_the_period(draft):
    late = datetime(2025, 4, 3, 9, tzinfo=ZoneInfo("Asia/Shanghai"))
    with time_machine.travel(late), pytest.raises(Refused, match="截止"):
        _submit(draft, "晚到的意见")


@time_machine.travel(DURING)
def test_moderation_merge_and_marks_draft_the_adoption_note(people, draft, unchanged):
    a = _submit(draft, "建议第一条写明上位法。", ip="198.51.100.1")
    b = _submit(draft, "建议第一条写明上位法", ip="198.51.100.2")
    c = _submit(draft, "广告：办证", ip="198.51.100.3", number=2)
    clerk = people["clerk"]
    services.comment_moderate(comment=a, is_valid=True, actor=clerk)
    services.comment_merge(comment=b, into=a, actor=clerk)
    services.comment_moderate(comment=c, is_valid=False, actor=clerk)
    with unchanged(), pytest.raises(Refused, match="理由"):
        services.comment_mark(comment=a, adoption="rejected", reason=" ", actor=clerk)
    with unchanged(), pytest.raises(Refused, match="未标记"):
        services.document_submit_review(document=draft, actor=clerk, on=DAYS["submitted"])
    services.comment_mark(comment=a, adoption="partly", reason="已在第一条补充依据。", actor=clerk)
    # when
    document = services.document_submit_review(document=draft, actor=clerk, on=DAYS["submitted"])
    # then
    assert "共收到有效意见2条（合并重复意见1条后为1条）" in document.adoption_note
    assert (
        "部分采纳1条" in document.adoption_note and "已在第一条补充依据" in document.adoption_note
    )
    assert document.comment_closed_on == date(2025, 4, 2)


@time_machine.travel(DURING)
def test_an_unmoderated_comment_blocks_the_review(people, draft, unchanged):
    _submit(draft, "意见")
    with unchanged(), pytest.raises(Refused, match="未审核"):
        services.document_submit_review(document=draft, actor=people["clerk"], on=DAYS["submitted"])


def test_cleanup_assesses_every_document_and_announces_in_one_batch(people, unchanged):
    # given two documents in force
    kept = make_document(people, Stage.IN_FORCE, title="甲办法")
    ended = make_document(people, Stage.IN_FORCE, title="乙办法")
    legal = people["legal"]
    campaign = services.cleanup_start(title="2025年清理", actor=legal, on=date(2025, 6, 2))
    services.cleanup_assess(
        campaign=campaign, document=kept, outcome="keep", reason="", actor=legal
    )
    # when one is not assessed yet, the announcement is refused and writes nothing
    with unchanged(), pytest.raises(Refused, match="1件现行有效文件未作清理评估"):
        services.cleanup_announce(campaign=campaign, announcement_title="公告", actor=legal)
    services.cleanup_assess(
        campaign=campaign, document=ended, outcome="repeal", reason="已被代替", actor=legal
    )
    campaign = services.cleanup_announce(
        campaign=campaign, announcement_title="清理结果公告", actor=legal, on=date(2025, 6, 20)
    )
    # then
    ended.refresh_from_db()
    kept.refresh_from_db()
    assert (kept.stage, ended.stage) == (Stage.IN_FORCE, Stage.REPEALED)
    assert "继续有效1件" in campaign.announcement_lead and "废止1件" in campaign.announcement_lead
    assert LegalDocument.objects.get(pk=ended.corpus_document_id).repealed_on == date(2025, 6, 20)
    corpus_link(
        actor=SYSTEM
    )  # a later `fazhi laws import` re-links the corpus: the repeal must survive
    assert LegalDocument.objects.get(pk=ended.corpus_document_id).repealed_on == date(2025, 6, 20)
    hit = next(
        h for h in search("乙办法", today=date(2025, 7, 1)).hits if h.document_title == "乙办法"
    )
    assert not hit.is_current
    summary = ledger_summary(user=legal, year=2025)
    assert (summary.ended_by_cleanup, summary.repealed, summary.in_force) == (1, 1, 1)
    with unchanged(), pytest.raises(Refused, match="已公布"):
        services.cleanup_assess(
            campaign=campaign, document=kept, outcome="amend", reason="x", actor=legal
        )


def test_an_expired_provisional_document_is_not_kept_in_a_cleanup(people, unchanged):
    # issue 17 item 17: a 暂行 document past its 2-year term appeared as 现行有效 and was kept
    from fazhi.normdocs.selectors import campaign_pending

    provisional = make_document(people, Stage.IN_FORCE, title="失业保险援企稳岗暂行办法")
    lasting = make_document(people, Stage.IN_FORCE, title="丙办法")
    assert provisional.valid_until is not None
    later = provisional.valid_until.replace(day=1).toordinal() + 60
    with time_machine.travel(
        datetime.combine(date.fromordinal(later), datetime.min.time(), ZoneInfo("Asia/Shanghai")),
        tick=False,
    ):
        legal = people["legal"]
        campaign = services.cleanup_start(title="届满后清理", actor=legal)
        assert list(campaign_pending(campaign)) == [lasting]
        with unchanged(), pytest.raises(Refused, match=r"有效期已于.*届满.*不能评估为“继续有效”"):
            services.cleanup_assess(
                campaign=campaign, document=provisional, outcome="keep", reason="", actor=legal
            )
        services.cleanup_assess(
            campaign=campaign, document=lasting, outcome="keep", reason="", actor=legal
        )
        # the expired one is not 现行有效, so the result can be announced without it
        campaign = services.cleanup_announce(
            campaign=campaign, announcement_title="清理结果公告", actor=legal
        )
        assert "继续有效1件" in campaign.announcement_lead
