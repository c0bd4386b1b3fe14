"""立法: 规章 projects (规章制定程序条例), 地方性法规 research, and comments on drafts from above
(domain-rules-2 §21). The requester sets the reply deadline for a draft from above (no statutory
deadline was found — UNVERIFIED that none exists)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from enum import StrEnum

from fazhi.core.domain.errors import Refused

RULES_ORDINANCE = "《规章制定程序条例》"


class Code(StrEnum):
    STAGE = "legislation_stage"
    COMMENT_TOO_SHORT = "legislation_comment_too_short"
    COMMENT_CLOSED = "legislation_comment_closed"
    HEARING_NOTICE = "legislation_hearing_notice"
    MISSING = "legislation_missing"
    OPINION_INCOMPLETE = "legislation_opinion_incomplete"


class Kind(StrEnum):
    RULE = "rule"  # 规章
    BILL = "bill"  # 提请审议的地方性法规
    RESEARCH = "research"  # 调研论证项目
    RESERVE = "reserve"  # 预备项目


KIND_LABELS = {
    Kind.RULE: "规章",
    Kind.BILL: "地方性法规（提请审议）",
    Kind.RESEARCH: "调研论证",
    Kind.RESERVE: "预备项目",
}


class Stage(StrEnum):
    APPLIED = "applied"  # 立项申请 (第十条、第十一条)
    DRAFTING = "drafting"  # 起草 (第十四至十六条)
    SUBMITTED = "submitted"  # 送审稿 (第十八条)
    DONE = "done"  # 公布 / 调研报告完成
    DROPPED = "dropped"


STAGE_LABELS = {
    Stage.APPLIED: "已申请立项",
    Stage.DRAFTING: "起草中",
    Stage.SUBMITTED: "已报送送审稿",
    Stage.DONE: "已完成",
    Stage.DROPPED: "已终止",
}

LEVEL_LABELS = {
    "law": "法律",
    "admin_regulation": "行政法规",
    "local_regulation": "地方性法规",
    "rule": "规章",
    "normdoc": "规范性文件",
}


def check_comment_period(opens: date, closes: date, reason: str, minimum: int = 30) -> None:
    """规章制定程序条例 第十五条: the draft is published for comment ≥30 days.

    >>> check_comment_period(date(2019, 3, 1), date(2019, 3, 20), "")
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 征求意见期为20日，少于30日，须说明理由（依据：《规章制定程序条例》第十五条）
    """
    days = (closes - opens).days + 1
    if days < 1:
        raise Refused("征求意见截止日不能早于开始日", code=Code.COMMENT_TOO_SHORT)
    if days < minimum and not reason.strip():
        raise Refused(
            f"征求意见期为{days}日，少于{minimum}日，须说明理由",
            RULES_ORDINANCE + "第十五条",
            code=Code.COMMENT_TOO_SHORT,
        )


def check_comment_open(opens: date, closes: date, day: date) -> None:
    """A public comment on a draft is taken only within its period.

    >>> check_comment_open(date(2019, 3, 1), date(2019, 3, 30), date(2019, 3, 31))
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 征求意见期已于2019年3月30日截止（依据：《规章制定程序条例》第十五条）
    """
    if not (opens <= day <= closes):
        raise Refused(
            f"征求意见期已于{closes.year}年{closes.month}月{closes.day}日截止"
            if day > closes
            else "征求意见期尚未开始",
            RULES_ORDINANCE + "第十五条",
            code=Code.COMMENT_CLOSED,
        )


def check_hearing_notice(announced: date, held: date) -> None:
    """第十六条: a hearing is announced 30 days ahead.

    >>> check_hearing_notice(date(2019, 3, 1), date(2019, 3, 31))
    >>> check_hearing_notice(date(2019, 3, 2), date(2019, 3, 31))
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 听证会应当在举行30日前公布时间、地点和内容（依据：《规章制定程序条例》第十六条）
    """
    if held - announced < timedelta(days=30):
        raise Refused(
            "听证会应当在举行30日前公布时间、地点和内容",
            RULES_ORDINANCE + "第十六条",
            code=Code.HEARING_NOTICE,
        )


SUBMISSION_PARTS = {
    "draft": "送审稿",
    "explanation": "起草说明（必要性、主要措施、有关方面意见及协调处理情况）",
    "materials": "有关材料（汇总的意见、听证会笔录、调研报告、国内外有关立法资料等）",
}


def check_submission(parts: Mapping[str, str]) -> None:
    """第十八条: the 送审稿 goes with its explanation and materials.

    >>> check_submission({"draft": "x", "explanation": "y", "materials": ""})
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 报送送审稿须附有关材料（汇总的意见、听证会笔录、调研报告、国内外有关立法资料等）（依据：《规章制定程序条例》第十八条）
    """
    for key, label in SUBMISSION_PARTS.items():
        if not str(parts.get(key, "")).strip():
            raise Refused(f"报送送审稿须附{label}", RULES_ORDINANCE + "第十八条", code=Code.MISSING)


def check_opinions(opinions: Iterable[Mapping[str, str]]) -> list[dict[str, str]]:
    """Article-by-article opinions, each with a reason and its basis.

    >>> check_opinions([{"article": "第五条", "proposal": "删除", "reason": "", "basis": "x"}])
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 第五条的修改意见须写明理由和依据
    """
    clean = []
    for o in opinions:
        row = {k: str(o.get(k, "")).strip() for k in ("article", "proposal", "reason", "basis")}
        if not row["article"] or not row["proposal"]:
            raise Refused("每条意见须写明条款和修改建议", code=Code.OPINION_INCOMPLETE)
        if not row["reason"] or not row["basis"]:
            raise Refused(
                f"{row['article']}的修改意见须写明理由和依据", code=Code.OPINION_INCOMPLETE
            )
        clean.append(row)
    return clean
