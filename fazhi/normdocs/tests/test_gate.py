"""The gate on every normdocs write service: anonymous, another unit's clerk and a role without
the right are refused with nothing written; the rule's role acts — drafting by the drafting
unit's clerk or 法规处, legality review by 法制审核人员 only (国办发〔2018〕115号 (四)),
deliberation recorded by 局领导 or 法规处, and 三统一 and cleanup by 法规处."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from fazhi.accounts.testing.gate import check_gate
from fazhi.accounts.tests.factories import make_user
from fazhi.core.models import AuditEvent
from fazhi.normdocs import services
from fazhi.normdocs.domain.reviews import LEGALITY_POINT_CODES
from fazhi.normdocs.domain.states import Action, Stage
from fazhi.normdocs.services.publication import end_document
from fazhi.normdocs.tests.factories import BODY, DAYS, make_document

pytestmark = pytest.mark.django_db
ALL_OK = dict.fromkeys(LEGALITY_POINT_CODES, True)
DURING = datetime(2025, 3, 10, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def officer(org_tree):
    return make_user("zf", unit=org_tree["zhidui"], roles=["执法人员"])


def test_drafting_steps(people, officer):
    drafters = [people["outsider"], officer, people["reviewer"]]
    document = check_gate(
        lambda actor: services.document_draft(
            title="就业困难人员认定办法",
            body=BODY,
            drafting_note="依据就业促进法制定。",
            actor=actor,
            on=DAYS["drafted"],
        ),
        responsible=people["clerk"],
        outsiders=[officer, people["reviewer"]],
    )
    check_gate(
        lambda actor: services.document_edit_draft(
            document=document,
            title="就业困难人员认定办法",
            body=BODY + "\n第四条 附则。",
            actor=actor,
        ),
        responsible=people["clerk"],
        outsiders=drafters,
        obj=document,
    )
    check_gate(
        lambda actor: services.document_open_comment(
            document=document, actor=actor, on=DAYS["opened"]
        ),
        responsible=people["clerk"],
        outsiders=drafters,
        obj=document,
    )
    check_gate(
        lambda actor: services.document_submit_review(
            document=document, actor=actor, on=DAYS["submitted"]
        ),
        responsible=people["clerk"],
        outsiders=drafters,
        obj=document,
    )
    # 合法性审核: the reviewer alone, not the drafters, not 法规处 staff, not a leader
    check_gate(
        lambda actor: services.document_review_legality(
            document=document,
            checks={**ALL_OK, "rights_duties": False},
            conclusion="amend",
            opinion="第二条增加义务无依据。",
            actor=actor,
            on=DAYS["reviewed"],
        ),
        responsible=people["reviewer"],
        outsiders=[people["clerk"], people["legal"], people["leader"], officer],
        obj=document,
    )
    check_gate(
        lambda actor: services.document_resubmit(
            document=document,
            body="第一条 目的。\n第二条 适用范围。\n第三条 施行日期。",
            note="删去第二条新增义务",
            actor=actor,
            on=DAYS["reviewed"] + timedelta(days=1),
        ),
        responsible=people["clerk"],
        outsiders=drafters,
        obj=document,
    )


def test_review_deliberation_and_three_unifications(people, officer):
    document = make_document(people, Stage.FAIR_COMPETITION)
    check_gate(
        lambda actor: services.document_review_competition(
            document=document,
            conclusion="not_applicable",
            explanation="仅规范本局内部办事程序，不涉及经营者经济活动。",
            actor=actor,
            on=DAYS["competition"],
        ),
        responsible=people["clerk"],
        outsiders=[people["outsider"], officer, people["reviewer"]],
        obj=document,
    )
    check_gate(
        lambda actor: services.document_deliberate(
            document=document,
            meeting="2025年第5次局长办公会议",
            decision="approved",
            minutes="审议通过。",
            actor=actor,
            on=DAYS["deliberated"],
        ),
        responsible=people["leader"],
        outsiders=[people["clerk"], people["reviewer"], officer],
        obj=document,
    )
    administer = [people["clerk"], people["reviewer"], people["leader"], officer]
    steps = [
        lambda actor: services.document_register(
            document=document, actor=actor, on=DAYS["registered"]
        ),
        lambda actor: services.document_publish(
            document=document,
            interpretation_title="政策解读",
            interpretation_text="一、制定背景\n二、主要内容。",
            actor=actor,
            on=DAYS["published"],
        ),
        lambda actor: services.document_file(document=document, actor=actor, on=DAYS["filed"]),
        lambda actor: services.document_record_filing_review(
            document=document,
            result="correction",
            opinion="第二条无依据，责令纠正。",
            actor=actor,
            on=DAYS["filing_reviewed"],
        ),
        lambda actor: services.document_correct(
            document=document,
            note="已删去第二条。",
            actor=actor,
            on=DAYS["filing_reviewed"] + timedelta(days=5),
        ),
        lambda actor: services.document_expire(document=document, actor=actor, on=date(2030, 5, 2)),
    ]
    for step in steps:
        document.refresh_from_db()
        check_gate(step, responsible=people["legal"], outsiders=administer, obj=document)


def test_ending_existing_documents_and_cleanup(people, officer, org_tree):
    administer = [people["clerk"], people["reviewer"], officer]
    old = check_gate(
        lambda actor: services.document_enter_existing(
            title="旧办法",
            doc_number="津人社规字[2025]7号",
            body="第一条 旧。",
            org_unit=org_tree["fagui"],
            published_on=date(2025, 1, 6),
            actor=actor,
        ),
        responsible=people["legal"],
        outsiders=administer,
    )
    check_gate(
        lambda actor: end_document(
            document=old, action=Action.REPEAL, on=date(2025, 6, 2), reason="已被代替", actor=actor
        ),
        responsible=people["legal"],
        outsiders=administer,
        obj=old,
    )
    kept = make_document(people, Stage.IN_FORCE, title="甲办法")
    campaign = check_gate(
        lambda actor: services.cleanup_start(title="2025年清理", actor=actor, on=date(2025, 6, 2)),
        responsible=people["legal"],
        outsiders=administer,
    )
    check_gate(
        lambda actor: services.cleanup_assess(
            campaign=campaign, document=kept, outcome="keep", reason="", actor=actor
        ),
        responsible=people["legal"],
        outsiders=administer,
    )
    check_gate(
        lambda actor: services.cleanup_announce(
            campaign=campaign, announcement_title="清理结果公告", actor=actor, on=date(2025, 6, 20)
        ),
        responsible=people["legal"],
        outsiders=administer,
        obj=campaign,
    )


@time_machine.travel(DURING)
def test_public_comments_are_handled_by_the_drafting_unit(people, officer):
    draft = make_document(people, Stage.PUBLIC_COMMENT)
    article = draft.articles.get(number=1)
    first = services.comment_submit(article=article, text="建议明确期限。", ip="198.51.100.1")
    second = services.comment_submit(article=article, text="建议明确时限。", ip="198.51.100.2")
    others = [people["outsider"], officer, people["reviewer"]]
    check_gate(
        lambda actor: services.comment_moderate(comment=first, is_valid=True, actor=actor),
        responsible=people["clerk"],
        outsiders=others,
        obj=first,
    )
    check_gate(
        lambda actor: services.comment_mark(
            comment=first, adoption="adopted", reason="已在第一条明确期限", actor=actor
        ),
        responsible=people["clerk"],
        outsiders=others,
        obj=first,
    )
    check_gate(
        lambda actor: services.comment_merge(comment=second, into=first, actor=actor),
        responsible=people["clerk"],
        outsiders=others,
        obj=second,
    )


def test_the_daily_expiry_job_is_the_system_s(people):
    document = make_document(people, Stage.IN_FORCE)
    ended = services.documents_expire_due(on=date(2030, 5, 2))
    assert [d.pk for d in ended] == [document.pk]
    event = AuditEvent.objects.filter(action="normdocs.document.expire").get()
    assert event.actor_id is None and event.actor_label == "system"
