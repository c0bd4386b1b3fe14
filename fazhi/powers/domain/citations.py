"""Citations of legal basis in a power item (《劳动保障监察条例》第二十六条) parsed into parts.

Pure Python. A 权责清单 states each item's 设定依据 as free text that quotes the title of a law in
book-title marks followed by article numbers (《立法技术规范（试行）（一）》, 法工委发〔2009〕62号,
numbers articles 第一条, 第二条 … and inserted ones 第X条之一). One title may be followed by several
articles (第十一条、第十五条) and a later bare article keeps the last title named. Paragraphs and
items (第一款, 第（三）项) narrow the citation but an item links to the article as a whole.

>>> [c.label for c in parse_citations("《劳动保障监察条例》第十一条、第十五条")]
['《劳动保障监察条例》第十一条', '《劳动保障监察条例》第十五条']
>>> c = parse_citations("依据《中华人民共和国刑法》第二百七十六条之一第一款")[0]
>>> (c.title, c.number, c.suffix, c.label)
('中华人民共和国刑法', 276, 1, '《中华人民共和国刑法》第二百七十六条之一')
>>> [c.label for c in parse_citations("《禁止使用童工规定》")]
['《禁止使用童工规定》']
>>> title_variants("劳动合同法")
('劳动合同法', '中华人民共和国劳动合同法')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fazhi.laws.domain.numerals import NUMERAL_CHARS, article_label, cn_to_int

NATIONAL_PREFIX = "中华人民共和国"

_NUM = f"[{NUMERAL_CHARS}0-9]+"
_TITLE = re.compile(r"《([^《》]{2,80})》")
_ARTICLE = re.compile(
    rf"第({_NUM})条(?:之({_NUM}))?"
    rf"(?:第({_NUM})款)?(?:第[（(]?({_NUM})[）)]?项)?"
)


@dataclass(frozen=True)
class Citation:
    title: str
    number: int | None = None  # None: the document as a whole
    suffix: int = 0  # 之一 → 1

    @property
    def label(self) -> str:
        head = f"《{self.title}》"
        return head + article_label(self.number, self.suffix) if self.number else head


def title_variants(title: str) -> tuple[str, ...]:
    """The title as cited and with or without the 中华人民共和国 prefix: laws are cited both ways
    (the 立法技术规范 allows the short form after the first full citation)."""
    title = title.strip()
    if title.startswith(NATIONAL_PREFIX):
        return (title, title[len(NATIONAL_PREFIX) :])
    return (title, NATIONAL_PREFIX + title)


def parse_citations(text: str) -> list[Citation]:
    """Every (title, article) a basis text cites, in order, without duplicates.

    Article references before any title are ignored: without a title they name nothing.
    """
    found: list[Citation] = []
    titles = list(_TITLE.finditer(text))
    for index, match in enumerate(titles):
        title = match.group(1).strip()
        end = titles[index + 1].start() if index + 1 < len(titles) else len(text)
        segment = text[match.end() : end]
        articles = []
        for art in _ARTICLE.finditer(segment):
            try:
                number = cn_to_int(art.group(1))
                suffix = cn_to_int(art.group(2)) if art.group(2) else 0
            except ValueError:
                continue
            articles.append(Citation(title, number, suffix))
        for citation in articles or [Citation(title)]:
            if citation not in found:
                found.append(citation)
    return found
