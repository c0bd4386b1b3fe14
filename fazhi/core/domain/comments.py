"""A public comment on a draft, whichever app holds the draft (normative documents, 重大行政决策,
legislation): the adoption marks, the text checks, and spam throttling. Pure Python.

* Each comment is marked 采纳 / 部分采纳 / 不采纳 with a reason — 国办发〔2018〕115号 (五)
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
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from fazhi.core.domain.errors import Refused

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


def normalise_text(text: str) -> str:
    """Width, case, whitespace and punctuation removed: what "the same text" means."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in text if not (ch.isspace() or unicodedata.category(ch)[0] in "PZ"))


def text_fingerprint(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def check_comment_text(text: str) -> str:
    cleaned = re.sub(r"[ \t]+", " ", (text or "").strip())
    if not normalise_text(cleaned):
        raise Refused("意见内容不能为空。", code="comment_empty")
    if len(cleaned) > COMMENT_MAX_CHARS:
        raise Refused(f"意见内容不能超过{COMMENT_MAX_CHARS}字。", code="comment_too_long")
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
