"""公众参与 and the 决策事项目录: hearings on the 7-day clock, comments moderated with a reason
(hidden ones kept), the adoption report fed by them, and the yearly 目录 through its forms."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.test import Client

from fazhi.accounts.testing.gate import assert_refused, check_gate
from fazhi.core.domain.errors import Refused
from fazhi.core.models import AuditEvent
from fazhi.decisions import services as s
from fazhi.decisions.domain.errors import Code
from fazhi.decisions.models import Catalogue, Hearing
from fazhi.decisions.tests.conftest import start

pytestmark = pytest.mark.django_db

PEOPLE = [
    {"name": "张某", "represents": "用人单位代表"},
    {"name": "李某", "represents": "职工代表"},
]


def _hearing(decision, actor, **kw):
    fields = {
        "notice_on": date(2019, 9, 10),
        "materials": "决策草案及起草说明",
        "held_on": date(2019, 9, 17),
        "place": "局第一会议室",
        "participants": PEOPLE,
        "minutes": "张某：建议延长过渡期；李某：赞成。",
        "outcome": "过渡期延长至六个月。",
        "on": date(2019, 9, 18),
        **kw,
    }
    return s.decision_record_hearing(decision=decision, actor=actor, **fields)


def test_a_hearing_needs_the_notice_out_seven_days_before(people):
    decision = start(people)
    clerk = people["clerk"]
    with pytest.raises(Refused) as caught:
        _hearing(decision, clerk, notice_on=date(2019, 9, 11))  # 6 days
    assert caught.value.code == Code.HEARING_NOTICE_SHORT
    assert "第十六条" in str(caught.value) and "6日" in str(caught.value)
    assert not Hearing.objects.exists()
    assert_refused(lambda a: _hearing(decision, a, notice_on=date(2019, 9, 11)), clerk)
    assert_refused(lambda a: _hearing(decision, a, participants=[]), clerk)
    hearing = _hearing(decision, clerk)
    assert hearing.participants == PEOPLE and hearing.recorded_by == clerk
    assert AuditEvent.objects.filter(action="decisions.decision.hearing").count() == 1


def test_the_hearing_notice_minimum_is_a_setting(people, settings):
    settings.FAZHI = {**settings.FAZHI, "DECISIONS_MIN_HEARING_NOTICE_DAYS": 10}
    with pytest.raises(Refused, match="至少提前10日"):
        _hearing(start(people), people["clerk"])


def test_the_hearing_gate(people):
    decision = start(people)
    check_gate(
        lambda a: _hearing(decision, a),
        responsible=people["clerk"],
        outsiders=[people["other_clerk"], people["officer"]],
        obj=decision,
    )


def _open_with_comments(people):
    decision = start(people)
    s.decision_open_comment(
        decision=decision, opens=date(2019, 9, 2), closes=date(2019, 10, 1), actor=people["clerk"]
    )
    made = [
        s.comment_submit(
            decision=decision,
            text=text,
            ip=f"10.0.0.{n}",
            contact="13800000000",
            article="第三条" if n == 1 else "",
            at=datetime(2019, 9, 5, 2, n, tzinfo=UTC),
        )
        for n, text in enumerate(["建议提高标准", "广告：代办社保"], start=1)
    ]
    return decision, made


def test_moderation_needs_a_reason_hidden_comments_stay_and_feed_the_report(people):
    decision, (good, spam) = _open_with_comments(people)
    clerk = people["clerk"]
    assert_refused(
        lambda a: s.comment_moderate(comment=spam, approve=False, reason=" ", actor=a),
        clerk,
        obj=spam,
    )
    assert_refused(  # published without its 采纳情况
        lambda a: s.comment_moderate(comment=good, approve=True, reason="已吸收", actor=a),
        clerk,
        obj=good,
    )
    assert_refused(
        lambda a: s.comment_moderate(
            comment=good, approve=True, adoption="adopted", reason="已吸收", actor=a
        ),
        people["other_clerk"],
        obj=good,
    )
    s.comment_moderate(comment=spam, approve=False, reason="广告内容，与草案无关", actor=clerk)
    # the adoption report waits for every comment
    with pytest.raises(Refused) as caught:
        s.decision_adoption_report(
            decision=decision, report="采纳1条", actor=clerk, on=date(2019, 10, 8)
        )
    assert caught.value.code == Code.COMMENT_UNMODERATED and "1条" in str(caught.value)
    s.comment_moderate(
        comment=good, approve=True, adoption="partly", reason="过渡期内逐步提高", actor=clerk
    )
    s.decision_adoption_report(
        decision=decision, report="收到2条，部分采纳1条。", actor=clerk, on=date(2019, 10, 8)
    )
    spam.refresh_from_db()
    assert (spam.approved, spam.moderation_reason, spam.moderated_by) == (
        False,
        "广告内容，与草案无关",
        clerk,
    )
    assert decision.comments.count() == 2  # hidden, not deleted

    staff = Client()
    staff.force_login(clerk)
    page = staff.get(f"/staff/decisions/{decision.pk}/comments/").content.decode()
    assert "广告内容，与草案无关" in page and "部分采纳1条" in page and "第三条" in page
    public = Client().get(f"/decisions/{decision.pk}/").content.decode()
    assert "建议提高标准" in public and "过渡期内逐步提高" in public and "第三条" in public
    assert "代办社保" not in public and "13800000000" not in public


def test_the_moderation_page_keeps_a_refused_input(people):
    decision, (good, _spam) = _open_with_comments(people)
    client = Client()
    client.force_login(people["clerk"])
    url = f"/staff/decisions/{decision.pk}/comments/"
    page = client.get(url).content.decode()
    assert "疑似" in page or "待审核" in page
    refused = client.post(
        url, {"comment": good.pk, f"c{good.pk}-approve": "yes", f"c{good.pk}-reason": "有道理"}
    )
    assert refused.status_code == 422 and "采纳情况" in refused.content.decode()
    assert "有道理" in refused.content.decode()
    good.refresh_from_db()
    assert good.approved is None
    done = client.post(
        url,
        {
            "comment": good.pk,
            f"c{good.pk}-approve": "yes",
            f"c{good.pk}-adoption": "adopted",
            f"c{good.pk}-reason": "有道理",
        },
    )
    assert done.status_code == 302
    good.refresh_from_db()
    assert (good.approved, good.adoption) == (True, "adopted")
    outsider = Client()
    outsider.force_login(people["other_clerk"])
    assert outsider.post(url, {"comment": good.pk}).status_code in (403, 404)


def _post(client, url, key, **fields):
    return client.post(url, {"_step": key, **{f"{key}-{k}": v for k, v in fields.items()}})


def test_the_catalogue_through_its_forms_and_the_portal(people):
    legal, units = people["legal"], people["units"]
    client = Client()
    client.force_login(legal)
    made = client.post(
        "/staff/decisions/catalogues/", {"year": 2019, "org_unit": units["bureau"].pk}
    )
    catalogue = Catalogue.objects.get()
    url = f"/staff/decisions/catalogues/{catalogue.pk}/"
    assert made.status_code == 302 and made.url == url
    item = {"title": "工伤保险待遇调整", "sponsor": units["zongdui"].pk, "planned": "2019年内"}
    assert _post(client, url, "add_item", **item).status_code == 302
    refused = _post(client, url, "publish", party_agreed_on="", on="2019-02-25")
    assert refused.status_code == 422
    assert (
        _post(client, url, "publish", party_agreed_on="2019-02-20", on="2019-02-25").status_code
        == 302
    )
    catalogue.refresh_from_db()
    assert (catalogue.status, catalogue.published_on) == ("published", date(2019, 2, 25))
    # after publication, an added matter is an adjustment and needs its reason (第三条)
    late = {"title": "就业困难人员认定办法", "sponsor": units["zongdui"].pk}
    refused = _post(client, url, "add_item", **late)
    assert refused.status_code == 422 and "第三条" in refused.content.decode()
    assert catalogue.items.count() == 1
    assert _post(client, url, "add_item", **late, reason="市政府年中部署").status_code == 302
    first = catalogue.items.first()
    refused = _post(client, url, "withdraw", item=first.pk, reason="", on="2019-07-01")
    assert refused.status_code == 422
    assert (
        _post(
            client, url, "withdraw", item=first.pk, reason="并入市级统一决策", on="2019-07-01"
        ).status_code
        == 302
    )
    page = client.get(url).content.decode()
    assert "市政府年中部署" in page and "并入市级统一决策" in page
    portal = Client().get("/decisions/").content.decode()
    assert "2019年7月1日调出“工伤保险待遇调整”，理由：并入市级统一决策" in portal
    assert "市政府年中部署" in portal
    clerk = Client()
    clerk.force_login(people["clerk"])  # a division clerk may not touch the 目录
    assert _post(clerk, url, "add_item", **late, reason="x").status_code == 302
    assert catalogue.items.count() == 2
