"""Public comments on a normative document's draft: moderation, adoption marks and the
采纳情况说明. Pure Python. What every app's public comment shares (the adoption marks, the text
checks and spam throttling) is ``fazhi.core.domain.comments``.

* Each comment is marked 采纳 / 部分采纳 / 不采纳 with a reason; the drafting unit must report how
  comments were handled when it submits the draft for review — 国办发〔2018〕115号 (五)
  ("征求意见及采纳情况").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import cast

from fazhi.core.domain.comments import ADOPTION_LABELS, Adoption
from fazhi.normdocs.domain.errors import Refused


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
