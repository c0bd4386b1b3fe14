"""People and documents at any stage, built through the services (tests share the real path)."""

from __future__ import annotations

from datetime import date

from fazhi.accounts.tests.factories import make_user
from fazhi.normdocs import services
from fazhi.normdocs.domain.reviews import LEGALITY_POINT_CODES
from fazhi.normdocs.domain.states import Stage

BODY = (
    "第一条 为了规范就业困难人员认定工作，根据《中华人民共和国就业促进法》，制定本办法。\n"
    "第二条 本办法适用于本市行政区域内就业困难人员的认定。\n"
    "第三条 本办法自公布之日起施行。"
)

# One working calendar in a year chinesecalendar knows, so every period can be counted.
DAYS = {
    "drafted": date(2025, 3, 3),
    "opened": date(2025, 3, 3),
    "submitted": date(2025, 4, 3),
    "reviewed": date(2025, 4, 11),
    "competition": date(2025, 4, 14),
    "deliberated": date(2025, 4, 15),
    "registered": date(2025, 4, 16),
    "published": date(2025, 4, 18),
    "filed": date(2025, 4, 25),
    "filing_reviewed": date(2025, 5, 12),
}


def make_people(org_tree) -> dict:
    return {
        "clerk": make_user("clerk", unit=org_tree["fagui"], roles=["业务处室经办人"]),
        "legal": make_user("legal", unit=org_tree["fagui"], roles=["法规处工作人员"]),
        "reviewer": make_user("reviewer", unit=org_tree["fagui"], roles=["法制审核人员"]),
        "leader": make_user("leader", unit=org_tree["bureau"], roles=["局领导"]),
        "outsider": make_user("outsider", unit=org_tree["zhidui"], roles=["业务处室经办人"]),
    }


ORDER = [
    Stage.DRAFTING,
    Stage.PUBLIC_COMMENT,
    Stage.LEGALITY_REVIEW,
    Stage.FAIR_COMPETITION,
    Stage.DELIBERATION,
    Stage.APPROVED,
    Stage.REGISTERED,
    Stage.PUBLISHED,
    Stage.FILED,
    Stage.IN_FORCE,
]


def make_document(
    people: dict, stage: Stage = Stage.DRAFTING, *, title: str = "就业困难人员认定办法"
):
    """A document taken step by step, through the services, up to ``stage``."""
    doc = services.document_draft(
        title=title,
        body=BODY,
        drafting_note="依据就业促进法制定，已征求相关处室意见。",
        actor=people["clerk"],
        on=DAYS["drafted"],
    )
    steps = {
        Stage.PUBLIC_COMMENT: lambda d: services.document_open_comment(
            document=d, actor=people["clerk"], on=DAYS["opened"]
        ),
        Stage.LEGALITY_REVIEW: lambda d: services.document_submit_review(
            document=d, actor=people["clerk"], on=DAYS["submitted"]
        ),
        Stage.FAIR_COMPETITION: lambda d: services.document_review_legality(
            document=d,
            checks=dict.fromkeys(LEGALITY_POINT_CODES, True),
            conclusion="lawful",
            opinion="经审核，该文件合法。",
            actor=people["reviewer"],
            on=DAYS["reviewed"],
        ),
        Stage.DELIBERATION: lambda d: services.document_review_competition(
            document=d,
            conclusion="not_applicable",
            explanation="仅规范本局内部办事程序，不涉及经营者经济活动。",
            actor=people["clerk"],
            on=DAYS["competition"],
        ),
        Stage.APPROVED: lambda d: services.document_deliberate(
            document=d,
            meeting="2025年第5次局长办公会议",
            decision="approved",
            minutes="审议通过。",
            actor=people["leader"],
            on=DAYS["deliberated"],
        ),
        Stage.REGISTERED: lambda d: services.document_register(
            document=d, actor=people["legal"], on=DAYS["registered"]
        ),
        Stage.PUBLISHED: lambda d: services.document_publish(
            document=d,
            interpretation_title="《就业困难人员认定办法》政策解读",
            interpretation_text="一、制定背景\n二、主要内容：明确就业困难人员的认定条件。",
            actor=people["legal"],
            on=DAYS["published"],
        ),
        Stage.FILED: lambda d: services.document_file(
            document=d, actor=people["legal"], on=DAYS["filed"]
        ),
        Stage.IN_FORCE: lambda d: services.document_record_filing_review(
            document=d,
            result="no_objection",
            opinion="",
            actor=people["legal"],
            on=DAYS["filing_reviewed"],
        ),
    }
    for next_stage in ORDER[1 : ORDER.index(stage) + 1]:
        doc = steps[next_stage](doc)
    doc.refresh_from_db()
    return doc
