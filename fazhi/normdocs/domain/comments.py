"""Public comments on a draft: adoption marks, the 采纳情况说明, and spam throttling.

Pure Python.

* Each comment is marked 采纳 / 部分采纳 / 不采纳 with a reason; the drafting unit must report how
  comments were handled when it submits the draft for review — 国办发〔2018〕115号 (五)
  ("征求意见及采纳情况"); for 重大行政决策 the same duty is 《重大行政决策程序暂行条例》第十五条.
* Spam (not a statute — an operational rule, thresholds configurable): the same text many times,
  or a flood from one address, is throttled (refused) and what came before it is flagged for the
  moderators.

>>> normalise_text(" 建议 第三条\\n增加  过渡期！ ") == normalise_text("建议第三条增加过渡期!")
True
>>> spam_verdict(same_text=0, from_address=0, policy=SpamPolicy()).accepted
True
>>> spam_verdict(same_text=3, from_address=0, policy=SpamPolicy()).reason
'相同内容已提交3次，请勿重复提交'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import cast

from fazhi.normdocs.domain.errors import Refused

COMMENT_MAX_CHARS = 2000


class Adoption(StrEnum):
    ADOPTED = "adopted"
    PARTLY = "partly"
    REJECTED = "rejected"


ADOPTION_LABELS: Mapping[Adoption, str] = {
    Adoption.ADOPTED: "采纳",
    Adoption.PARTLY: "部分采纳",
    Adoption.REJECTED: "不采纳",
}


class Moderation(StrEnum):
    PENDING = "pending"
    VALID = "valid"
    MERGED = "merged"
    SPAM = "spam"


MODERATION_LABELS: Mapping[Moderation, str] = {
    Moderation.PENDING: "待审核",
    Moderation.VALID: "有效意见",
    Moderation.MERGED: "已合并",
    Moderation.SPAM: "无效（垃圾信息）",
}


def normalise_text(text: str) -> str:
    """Width, case, whitespace and punctuation removed: what "the same text" means."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in text if not (ch.isspace() or unicodedata.category(ch)[0] in "PZ"))


def text_fingerprint(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def check_comment_text(text: str) -> str:
    cleaned = re.sub(r"[ \t]+", " ", (text or "").strip())
    if not normalise_text(cleaned):
        raise Refused("comment_empty", "意见内容不能为空。")
    if len(cleaned) > COMMENT_MAX_CHARS:
        raise Refused("comment_too_long", f"意见内容不能超过{COMMENT_MAX_CHARS}字。")
    return cleaned


@dataclass(frozen=True)
class SpamPolicy:
    window_minutes: int = 60
    address_flag_after: int = 5  # comments from one address in the window before flagging
    address_limit: int = 10  # ... before refusing
    same_text_flag_after: int = 1  # earlier copies of the same text before flagging
    same_text_limit: int = 3  # ... before refusing


@dataclass(frozen=True)
class SpamVerdict:
    accepted: bool
    flagged: bool
    reason: str = ""
    flood: bool = False  # the address passed its limit: flag what it sent earlier


def spam_verdict(*, same_text: int, from_address: int, policy: SpamPolicy) -> SpamVerdict:
    """Decide on a new comment from counts of earlier ones (same text; same address in window)."""
    if same_text >= policy.same_text_limit:
        return SpamVerdict(False, True, f"相同内容已提交{same_text}次，请勿重复提交")
    if from_address >= policy.address_limit:
        return SpamVerdict(
            False, True, f"同一地址{policy.window_minutes}分钟内提交过多，请稍后再试", True
        )
    if same_text >= policy.same_text_flag_after:
        return SpamVerdict(True, True, f"与已提交的意见内容相同（第{same_text + 1}次）")
    if from_address >= policy.address_flag_after:
        return SpamVerdict(
            True, True, f"同一地址{policy.window_minutes}分钟内已提交{from_address}条意见"
        )
    return SpamVerdict(True, False)


@dataclass(frozen=True)
class MarkedComment:
    article_label: str  # "第三条"
    adoption: Adoption | None
    reason: str
    merged_count: int = 0  # duplicates merged into this one


def check_mark(adoption: Adoption, reason: str) -> None:
    if not reason.strip():
        raise Refused(
            "reason_required",
            f"标记为“{ADOPTION_LABELS[Adoption(adoption)]}”须写明理由（国办发〔2018〕115号（五））。",
        )


def unmarked(comments: Iterable[MarkedComment]) -> int:
    return sum(1 for c in comments if c.adoption is None)


def draft_adoption_note(title: str, comments: Iterable[MarkedComment]) -> str:
    """The 采纳情况说明, drafted from the marks: totals, then each article's comments.

    >>> note = draft_adoption_note("某办法", [
    ...     MarkedComment("第一条", Adoption.ADOPTED, "已补充定义", 2),
    ...     MarkedComment("第二条", Adoption.REJECTED, "超出本文件调整范围")])
    >>> note.splitlines()[1]
    '共收到有效意见4条（合并重复意见2条后为2条），其中采纳1条，部分采纳0条，不采纳1条。'
    """
    items = list(comments)
    if unmarked(items):
        raise Refused("comments_unmarked", f"尚有{unmarked(items)}条意见未标记采纳情况。")
    counts = Counter(c.adoption for c in items)  # every one marked from here on
    received = sum(1 + c.merged_count for c in items)
    merged = sum(c.merged_count for c in items)
    lines = [
        f"关于《{title}》公开征求意见采纳情况的说明",
        f"共收到有效意见{received}条（合并重复意见{merged}条后为{len(items)}条），"
        f"其中采纳{counts[Adoption.ADOPTED]}条，部分采纳{counts[Adoption.PARTLY]}条，"
        f"不采纳{counts[Adoption.REJECTED]}条。",
    ]
    if not items:
        lines[1] = "征求意见期间未收到有效意见。"
    by_article: dict[str, list[MarkedComment]] = {}
    for comment in items:
        by_article.setdefault(comment.article_label, []).append(comment)
    for label, group in by_article.items():
        lines.append(f"{label}：")
        for number, comment in enumerate(group, start=1):
            extra = f"（含重复意见{comment.merged_count}条）" if comment.merged_count else ""
            lines.append(
                f"  {number}. {ADOPTION_LABELS[cast(Adoption, comment.adoption)]}{extra}。理由：{comment.reason}"
            )
    return "\n".join(lines)
