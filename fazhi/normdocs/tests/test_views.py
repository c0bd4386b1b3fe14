"""Staff screens and the public comment page, through the Django test client."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from fazhi.core.models import AuditEvent
from fazhi.normdocs.domain.states import Stage
from fazhi.normdocs.models import NormativeDocument, PublicComment
from fazhi.normdocs.tests.factories import BODY, make_document

pytestmark = pytest.mark.django_db
DURING = datetime(2025, 3, 10, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def test_the_ledger_needs_a_login(client):
    response = client.get(reverse("normdocs:ledger"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_ledger_lists_documents_with_stage_and_deadline(client, people):
    document = make_document(people, Stage.PUBLISHED)
    client.force_login(people["legal"])
    page = client.get(reverse("normdocs:ledger")).content.decode()
    assert document.doc_number in page and "已公布（待备案）" in page
    assert "规范性文件报送备案期限" in page


def test_the_ledger_pages_by_fifty(client, people):
    drafts = [make_document(people, Stage.DRAFTING, title=f"第{n}号办法") for n in range(51)]
    client.force_login(people["legal"])
    first = client.get(reverse("normdocs:ledger") + "?stage=drafting").content.decode()
    assert "共 51 件，第 1 页" in first and 'href="?stage=drafting&amp;page=2"' in first
    second = client.get(reverse("normdocs:ledger") + "?stage=drafting&page=2").content.decode()
    shown = [d for d in drafts if f"/staff/normdocs/{d.pk}/" in second]
    assert len(shown) == 1 and "文件总数 <strong>51</strong>" in second


def test_the_ledger_flags_a_document_past_its_term(client, people):
    """Until 有效期届满 is registered the stage says 有效; the ledger says the term is over."""
    document = make_document(people, Stage.IN_FORCE, title="甲办法（试行）")
    last_day = datetime.combine(document.valid_until, time(9), ZoneInfo("Asia/Shanghai"))
    day_after = last_day + timedelta(days=1)
    with time_machine.travel(day_after, tick=False):
        client.force_login(people["legal"])
        page = client.get(reverse("normdocs:ledger")).content.decode()
    assert "有效（有效期已届满，待登记）" in page and "其中 1 件有效期已届满，待登记" in page
    with time_machine.travel(last_day, tick=False):
        client.force_login(people["legal"])
        assert "有效期已届满" not in client.get(reverse("normdocs:ledger")).content.decode()


def test_a_user_of_another_unit_cannot_see_the_document(client, people):
    document = make_document(people, Stage.DRAFTING)
    client.force_login(people["outsider"])
    assert document.title not in client.get(reverse("normdocs:ledger")).content.decode()
    response = client.get(reverse("normdocs:document_detail", args=[document.pk]))
    assert response.status_code == 404


def test_the_document_page_offers_only_the_next_allowed_steps(client, people):
    document = make_document(people, Stage.LEGALITY_REVIEW)
    client.force_login(people["reviewer"])
    page = client.get(reverse("normdocs:document_detail", args=[document.pk])).content.decode()
    assert "出具合法性审核意见" in page and "制定主体是否合法" in page
    steps = [part.split("/")[0] for part in page.split("/steps/")[1:]]
    assert steps == ["review"]
    client.force_login(people["clerk"])
    page = client.get(reverse("normdocs:document_detail", args=[document.pk])).content.decode()
    assert "/steps/" not in page and "您在本阶段没有可办理的步骤" in page


def test_drafting_through_the_form(client, people):
    client.force_login(people["clerk"])
    response = client.post(
        reverse("normdocs:document_create"),
        {"title": "网页起草的办法", "body": BODY, "drafting_note": "说明", "basis": ""},
    )
    document = NormativeDocument.objects.get(title="网页起草的办法")
    assert response.status_code == 302 and document.articles.count() == 3


def test_a_refused_step_shows_a_chinese_message_citing_the_rule(client, people):
    document = make_document(people, Stage.PUBLIC_COMMENT)
    client.force_login(people["clerk"])
    events = AuditEvent.objects.count()
    url = reverse("normdocs:document_action", args=[document.pk, "submit_review"])
    response = client.post(url, {"submit_review-on": "2025-03-20"}, follow=True)
    assert "期满前不能结束征求意见" in response.content.decode()
    assert "国办发〔2018〕37号" in response.content.decode()
    assert AuditEvent.objects.count() == events
    document.refresh_from_db()
    assert document.stage == Stage.PUBLIC_COMMENT


def test_a_step_form_calls_the_service(client, people):
    document = make_document(people, Stage.APPROVED)
    client.force_login(people["legal"])
    url = reverse("normdocs:document_action", args=[document.pk, "register"])
    client.post(url, {"register-on": "2025-04-16"})
    document.refresh_from_db()
    assert document.doc_number == "津人社规字〔2025〕1号"


def test_the_ledger_downloads_as_xlsx(client, people):
    from io import BytesIO

    from openpyxl import load_workbook

    document = make_document(people, Stage.REGISTERED)
    client.force_login(people["legal"])
    response = client.get(reverse("normdocs:ledger_xlsx"))
    sheet = load_workbook(
        BytesIO(b"".join(response.streaming_content if response.streaming else [response.content]))
    ).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("文号", "标题", "起草单位", "阶段")
    assert rows[1][0] == document.doc_number and rows[1][3] == "已登记编号"


@time_machine.travel(DURING)
def test_a_citizen_comments_on_an_article_through_the_public_page(client, people):
    document = make_document(people, Stage.PUBLIC_COMMENT)
    article = document.articles.get(number=2)
    page = client.get(reverse("normdocs_public:draft_detail", args=[document.pk]))
    assert "对第二条提意见" in page.content.decode()
    url = reverse("normdocs_public:comment_submit", args=[document.pk, article.pk])
    response = client.post(url, {"text": "建议扩大适用范围。", "author_name": "张三"}, follow=True)
    assert "感谢您对第二条提出的意见" in response.content.decode()
    assert PublicComment.objects.get().article == article


@time_machine.travel(DURING)
def test_the_public_form_needs_csrf(people):
    from django.test import Client

    document = make_document(people, Stage.PUBLIC_COMMENT)
    article = document.articles.first()
    strict = Client(enforce_csrf_checks=True)
    url = reverse("normdocs_public:comment_submit", args=[document.pk, article.pk])
    assert strict.post(url, {"text": "意见"}).status_code == 403
    assert not PublicComment.objects.exists()


@time_machine.travel(DURING)
def test_the_public_form_throttles_repeated_text(client, people):
    document = make_document(people, Stage.PUBLIC_COMMENT)
    article = document.articles.first()
    url = reverse("normdocs_public:comment_submit", args=[document.pk, article.pk])
    for _ in range(3):
        client.post(url, {"text": "同样的话"})
    response = client.post(url, {"text": "同样的话"})
    assert response.status_code == 429 and "请勿重复提交" in response.content.decode()
    assert PublicComment.objects.count() == 3


def test_a_draft_not_open_for_comment_is_not_public(client, people):
    document = make_document(people, Stage.DRAFTING)
    response = client.get(reverse("normdocs_public:draft_detail", args=[document.pk]))
    assert response.status_code == 404


def test_the_cleanup_announcement_is_public(client, people):
    from datetime import date

    from fazhi.normdocs import services

    document = make_document(people, Stage.IN_FORCE)
    campaign = services.cleanup_start(title="清理", actor=people["legal"], on=date(2025, 6, 1))
    services.cleanup_assess(
        campaign=campaign,
        document=document,
        outcome="invalidate",
        reason="已过时",
        actor=people["legal"],
    )
    services.cleanup_announce(
        campaign=campaign,
        announcement_title="清理结果公告",
        actor=people["legal"],
        on=date(2025, 6, 5),
    )
    page = client.get(reverse("normdocs_public:announcement", args=[campaign.pk])).content
    assert "宣布失效的文件（1件）" in page.decode() and document.doc_number in page.decode()


@time_machine.travel(DURING)
def test_staff_moderate_and_mark_a_comment_on_the_document_page(client, people):
    from fazhi.normdocs import services

    document = make_document(people, Stage.PUBLIC_COMMENT)
    comment = services.comment_submit(
        article=document.articles.first(), text="建议补充定义。", ip="198.51.100.7"
    )
    client.force_login(people["clerk"])
    url = reverse("normdocs:comment_handle", args=[document.pk, comment.pk])
    client.post(url, {"operation": "valid"})
    response = client.post(
        url, {"operation": "mark", "adoption": "rejected", "reason": ""}, follow=True
    )
    assert "须写明理由" in response.content.decode()
    client.post(url, {"operation": "mark", "adoption": "adopted", "reason": "已补充"})
    comment.refresh_from_db()
    assert (comment.moderation, comment.adoption, comment.reason) == ("valid", "adopted", "已补充")


def test_step_forms_carry_an_iso_date_and_the_current_text(client, people):
    from fazhi.normdocs import services
    from fazhi.normdocs.domain.reviews import LEGALITY_POINT_CODES
    from fazhi.normdocs.tests.factories import DAYS

    document = make_document(people, Stage.LEGALITY_REVIEW)
    services.document_review_legality(
        document=document,
        checks={**dict.fromkeys(LEGALITY_POINT_CODES, True), "issuer": False},
        conclusion="unlawful",
        opinion="主体不合法",
        actor=people["reviewer"],
        on=DAYS["reviewed"],
    )
    client.force_login(people["clerk"])
    with time_machine.travel(DURING):
        page = client.get(reverse("normdocs:document_detail", args=[document.pk])).content.decode()
    assert 'type="date" name="resubmit-on" value="2025-03-10"' in page
    assert "第二条 本办法适用于本市行政区域内就业困难人员的认定。" in page
