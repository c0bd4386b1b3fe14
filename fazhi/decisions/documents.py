"""Documents staff print, as 公文 (.docx, GB/T 9704 via fazhi.core.documents): the
合法性审查意见书, the 法律意见书 and the 公平竞争审查结论."""

from __future__ import annotations

from fazhi.core import documents as gw
from fazhi.decisions.domain.competition import CONCLUSION_LABELS, EXCEPTION_GROUNDS, standards_on
from fazhi.decisions.domain.counsel import CONCLUSION_LABELS as OPINION_LABELS
from fazhi.decisions.domain.procedure import regime_on


def legality_review_docx(review) -> bytes:
    decision = review.decision
    doc = gw.new_document()
    gw.title(doc, "重大行政决策合法性审查意见书")
    gw.body(doc, f"决策事项：{decision.title}（承办单位：{decision.org_unit.name}）")
    gw.body(doc, f"送审日期：{gw.chinese_date(review.submitted_on)}；送审材料：{review.materials}")
    gw.heading(doc, "一、审查依据")
    gw.body(doc, regime_on(review.submitted_on).cite("legality"))
    gw.heading(doc, "二、审查意见")
    gw.body(doc, f"审查结论：{OPINION_LABELS.get(review.conclusion, '')}。{review.opinion}")
    if review.counsel_opinion_id:
        o = review.counsel_opinion
        gw.heading(doc, "三、法律顾问意见")
        gw.body(doc, f"{o.counsel.name}于{gw.chinese_date(o.given_on)}出具法律意见：{o.opinion}")
    gw.signature(doc, gw.agency_name(), review.reviewed_on)
    return gw.to_bytes(doc)


def counsel_opinion_docx(opinion) -> bytes:
    doc = gw.new_document()
    gw.title(doc, "法律意见书")
    gw.body(doc, f"委托事项：{opinion.matter_title}；咨询事项：{opinion.question}")
    gw.heading(doc, "一、所依据的事实和材料")
    gw.body(doc, f"{opinion.facts}（材料：{opinion.materials}）")
    gw.heading(doc, "二、法律依据")
    gw.body(doc, opinion.legal_basis)
    gw.heading(doc, "三、法律意见")
    gw.body(doc, f"结论：{OPINION_LABELS.get(opinion.conclusion, '')}。{opinion.opinion}")
    signer = opinion.signed_by.name if opinion.signed_by_id else opinion.counsel.name
    gw.signature(doc, f"首席法律顾问 {signer}", opinion.signed_on or opinion.given_on)
    return gw.to_bytes(doc)


def competition_docx(review) -> bytes:
    doc = gw.new_document()
    gw.title(doc, "公平竞争审查结论")
    gw.body(doc, f"政策措施：{review.title}")
    gw.heading(doc, "一、逐项审查情况")
    for st in standards_on(review.reviewed_on):
        answer = review.answers.get(st.code)
        if answer:
            verdict = "违反" if answer.get("violates") else "不违反"
            gw.body(doc, f"{st.code} {st.text}：{verdict}。{answer.get('reason', '')}")
    gw.heading(doc, "二、听取意见情况")
    for row in review.stakeholders:
        gw.body(doc, f"{row['on']} 以{row['how']}听取{row['who']}意见：{row['views']}")
    gw.heading(doc, "三、审查结论")
    gw.body(doc, f"{CONCLUSION_LABELS.get(review.conclusion, '')}。{review.explanation}")
    if review.conclusion == "exception":
        gw.body(
            doc,
            f"适用例外情形：{EXCEPTION_GROUNDS.get(review.exception_ground, '')}；替代方案说明："
            f"{review.alternatives}；实施期限至{gw.chinese_date(review.term_end)}。",
        )
    gw.signature(doc, gw.agency_name(), review.reviewed_on)
    return gw.to_bytes(doc)
