"""When a power item must be reviewed because a law it relies on changed (依据变动复核).

Pure Python. A power exists only by law; when the law changes the item may change with it
(中办发〔2015〕21号 (四): 法律法规规章修改或废止 … 应当及时调整权力清单). The service gathers, for
each cited text, the facts below; this module decides whether they call for review and says why.

Rules, in order:

* the cited version is repealed (已废止) or expired (失效) on the day asked about → review;
* a later version of the same law exists and the item cites a whole document → review;
* a later version exists and the cited article is missing from the newest version, or its text
  there differs → review; an article the amendment left word for word unchanged needs none.

>>> from datetime import date
>>> fact = BasisFacts(citation="《甲法》第三条", status="有效", newer_label="《甲法》（2019-01-01施行）",
...                   article_text="旧文", newer_article_text="新文")
>>> review_reasons([fact])
['《甲法》第三条：新版本《甲法》（2019-01-01施行）已修改该条']
>>> review_reasons([BasisFacts(citation="《乙法》", status="已废止")])
['《乙法》：所依据的文件已废止']
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

DEAD_STATUSES = {"已废止", "失效"}


@dataclass(frozen=True)
class BasisFacts:
    citation: str
    status: str  # laws.domain.validity.Status value of the cited version on the day
    newer_label: str = ""  # 《title》（date施行） of the newest version, "" when none is newer
    article_text: str | None = None  # cited article in the cited version (None: whole document)
    newer_article_text: str | None = None  # the same article number in the newest version


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def review_reason(fact: BasisFacts) -> str | None:
    if fact.status in DEAD_STATUSES:
        return f"{fact.citation}：所依据的文件{fact.status}"
    if not fact.newer_label:
        return None
    if fact.article_text is None:
        return f"{fact.citation}：已有新版本{fact.newer_label}"
    if fact.newer_article_text is None:
        return f"{fact.citation}：新版本{fact.newer_label}中该条已删除或调整条号"
    if not _same(fact.article_text, fact.newer_article_text):
        return f"{fact.citation}：新版本{fact.newer_label}已修改该条"
    return None


def review_reasons(facts: Iterable[BasisFacts]) -> list[str]:
    reasons: list[str] = []
    for fact in facts:
        reason = review_reason(fact)
        if reason and reason not in reasons:
            reasons.append(reason)
    return reasons


def reasons_key(reasons: Iterable[str]) -> str:
    """A fingerprint of a set of reasons: a reviewer who cleared them is not asked again until
    something new happens to the law."""
    joined = "\n".join(sorted(reasons))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest() if joined else ""
