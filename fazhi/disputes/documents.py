"""The reconsideration decision (行政复议决定书) as a Word document in the 公文 layout of
GB/T 9704 (the template ``fazhi/disputes/docx/reconsideration_decision.docx`` via
``fazhi.core.documents``: A4, 版心 156 × 225 mm, 22 lines of 28 characters).

What it states, from the case record (2023 第七十五条: the 决定书 bears the body's seal; the
content follows the 2023 law 第四十八条、第六十三至七十条 and the 2017 law 第二十三条、第二十八条):
the parties; the act and the application; the 被申请人's written reply and its date (or that no
reply came in time — the act is then treated as having no evidence); the facts held
(经审理查明); the body's reasoning; the decision with its article, saying what is upheld, revoked,
changed or confirmed; the right to sue. Staff edit the generated file as needed.
"""

from __future__ import annotations

from fazhi.core import documents as gw
from fazhi.disputes.domain import decision as content
from fazhi.disputes.domain import reconsideration as rc
from fazhi.disputes.models import ReconsiderationCase

SUIT_DAYS = "十五日"  # 行政诉讼法 第四十五条: 15 days from receiving the decision


def decision_paragraphs(case: ReconsiderationCase, *, body_name: str) -> list[str]:
    """The body text, paragraph by paragraph (tests read these; the docx prints them)."""
    if not case.decision:
        raise ValueError("该案件尚未作出复议决定")
    law = rc.law_for(case.received_on)
    basis = content.decision_basis(case.decision, law.code)
    accepted = gw.chinese_date(case.accepted_on or case.received_on)
    paragraphs = [
        f"申请人：{case.applicant_name}",
        f"被申请人：{case.respondent}",
        f"申请人不服被申请人作出的{case.act}，于{gw.chinese_date(case.received_on)}向本机关申请"
        f"行政复议，本机关于{accepted}依法受理。",
        f"申请人请求：{case.requests}",
        f"申请人称：{case.reasons or '（见行政复议申请书）'}",
    ]
    if case.reply_received_on:
        reply = case.reply_summary or "（见书面答复）"
        paragraphs.append(
            f"被申请人于{gw.chinese_date(case.reply_received_on)}提交书面答复及作出行政行为的"
            f"证据、依据和其他有关材料，答复称：{reply}"
        )
    else:
        paragraphs.append(
            "被申请人未在法定期限内提出书面答复、提交作出行政行为的证据、依据和其他有关材料"
            f"（{content.REPLY[law.code]}），视为该行政行为没有证据、依据"
            f"（{content.NO_REPLY[law.code]}）。"
        )
    if case.facts_found:
        paragraphs.append(f"经审理查明：{case.facts_found}")
    paragraphs.append(f"本机关认为：{case.decision_text or '（见审理意见）'}")
    operative = content.operative_text(
        case.decision,
        respondent=case.respondent,
        act=case.act,
        applicant=case.applicant_name,
        detail=case.decision_detail,
    )
    paragraphs.append(f"根据{basis}的规定，本机关决定：{operative}")
    paragraphs.append(
        f"申请人如不服本决定，可以自收到本决定书之日起{SUIT_DAYS}内，依法向人民法院提起行政诉讼。"
    )
    return paragraphs


def decision_docx(case: ReconsiderationCase, *, body_name: str) -> bytes:
    """The decision of a decided case; ``body_name`` is the reconsideration body (复议机关)."""
    paragraphs = decision_paragraphs(case, body_name=body_name)
    return gw.render(
        "disputes/reconsideration_decision",
        {
            "body_name": body_name,
            "reference": case.reference,
            "paragraphs": paragraphs,
            "decided_on": gw.chinese_date(case.decided_on),
        },
    )
