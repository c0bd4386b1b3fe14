"""Documents staff print, as 公文 (.docx from the templates in ``fazhi/decisions/docx/``, GB/T
9704 via fazhi.core.documents): the 合法性审查意见书, the 法律意见书 and the 公平竞争审查结论."""

from __future__ import annotations

from fazhi.core import documents as gw
from fazhi.decisions.domain.competition import CONCLUSION_LABELS, EXCEPTION_GROUNDS, standards_on
from fazhi.decisions.domain.counsel import CONCLUSION_LABELS as OPINION_LABELS
from fazhi.decisions.domain.procedure import regime_on


def legality_review_docx(review) -> bytes:
    decision = review.decision
    counsel = None
    if review.counsel_opinion_id:
        o = review.counsel_opinion
        counsel = {
            "name": o.counsel.name,
            "given_on": gw.chinese_date(o.given_on),
            "opinion": o.opinion,
        }
    return gw.render(
        "decisions/legality_review",
        {
            "decision": decision.title,
            "unit": decision.org_unit.name,
            "submitted_on": gw.chinese_date(review.submitted_on),
            "materials": review.materials,
            "basis": regime_on(review.submitted_on).cite("legality"),
            "conclusion": OPINION_LABELS.get(review.conclusion, ""),
            "opinion": review.opinion,
            "counsel": counsel,
            "signed_on": gw.chinese_date(review.reviewed_on),
        },
    )


def counsel_opinion_docx(opinion) -> bytes:
    signer = opinion.signed_by.name if opinion.signed_by_id else opinion.counsel.name
    return gw.render(
        "decisions/counsel_opinion",
        {
            "matter": opinion.matter_title,
            "question": opinion.question,
            "facts": opinion.facts,
            "materials": opinion.materials,
            "legal_basis": opinion.legal_basis,
            "conclusion": OPINION_LABELS.get(opinion.conclusion, ""),
            "opinion": opinion.opinion,
            "signer": signer,
            "signed_on": gw.chinese_date(opinion.signed_on or opinion.given_on),
        },
    )


def competition_docx(review) -> bytes:
    standards = []
    for st in standards_on(review.reviewed_on):
        answer = review.answers.get(st.code)
        if answer:
            verdict = "违反" if answer.get("violates") else "不违反"
            standards.append(f"{st.code} {st.text}：{verdict}。{answer.get('reason', '')}")
    exception = None
    if review.conclusion == "exception":
        exception = {
            "ground": EXCEPTION_GROUNDS.get(review.exception_ground, ""),
            "alternatives": review.alternatives,
            "term_end": gw.chinese_date(review.term_end),
        }
    return gw.render(
        "decisions/competition_review",
        {
            "policy": review.title,
            "standards": standards,
            "consultations": [
                f"{row['on']} 以{row['how']}听取{row['who']}意见：{row['views']}"
                for row in review.stakeholders
            ],
            "conclusion": CONCLUSION_LABELS.get(review.conclusion, ""),
            "explanation": review.explanation,
            "exception": exception,
            "signed_on": gw.chinese_date(review.reviewed_on),
        },
    )
