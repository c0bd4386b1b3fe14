"""Chinese word segmentation shared by indexing and querying (rjieba + the domain dictionary).

Both backends index exactly these tokens, space-separated, so SQLite FTS5 (unicode61) and
PostgreSQL (`simple`) see the same words. Changing the dictionary changes tokens: run
`fazhi laws reindex` afterwards.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

import rjieba

from fazhi.laws.domain.numerals import NUMERAL_CHARS

DICTIONARY = Path(__file__).with_name("dictionary.txt")
SYNONYMS = Path(__file__).with_name("synonyms.txt")
# An article reference is one token: cut into n-grams (第八, 八十, 十二 …) it would match everywhere.
_LABEL = re.compile(rf"第[{NUMERAL_CHARS}\d]{{1,8}}[条款项章节编](?:之[{NUMERAL_CHARS}]{{1,3}})?")
_WORD = re.compile(r"\w")
STOP_WORDS = frozenset(
    {
        "的",
        "了",
        "吗",
        "呢",
        "吧",
        "啊",
        "呀",
        "么",
        "是",
        "要",
        "在",
        "有",
        "和",
        "与",
        "及",
        "或",
        "被",
        "把",
        "给",
        "对",
        "从",
        "向",
        "就",
        "都",
        "也",
        "还",
        "又",
        "可以",
        "能否",
        "能",
        "会",
        "该",
        "怎么",
        "怎么办",
        "怎样",
        "如何",
        "什么",
        "哪些",
        "哪里",
        "是否",
        "请问",
        "我",
        "你",
        "他",
        "她",
        "我们",
        "他们",
        "自己",
        "这个",
        "那个",
        "这样",
        "一个",
        "没有",
        "不是",
        "如果",
        "但是",
        "因为",
        "所以",
        "已经",
        "现在",
    }
)
# Words of lay questions (请问，我公司…怎么办？) that statutes do not use to say anything: without
# them a long question sends fewer, more telling terms. Only for queries; the index keeps them.
LAY_STOP_WORDS = frozenset(
    {
        "请问",
        "咨询",
        "想问",
        "问一下",
        "一下",
        "想",
        "想要",
        "怎么样",
        "咋办",
        "为什么",
        "多久",
        "多长时间",
        "哪个",
        "哪条",
        "有没有",
        "是不是",
        "能不能",
        "可不可以",
        "这种",
        "那么",
        "还是",
        "就是",
        "的话",
        "某",
        "某个",
        "一些",
        "这些",
        "那些",
        "时候",
        "之后",
        "以后",
        "目前",
        "知道",
        "什么样",
        "我家",
        "我方",
        "本人",
    }
)


@cache
def _load_dictionary() -> None:
    # rjieba supports user words (jieba-rs add_word); a None frequency makes the word win the cut.
    for line in DICTIONARY.read_text(encoding="utf-8").splitlines():
        word = line.split()[0] if line.strip() and not line.startswith("#") else ""
        if word:
            rjieba.add_word(word, None, None)


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def tokens(text: str) -> list[str]:
    """Search-mode tokens of ``text`` (whole words and their dictionary sub-words)."""
    _load_dictionary()
    result: list[str] = []
    text = normalise(text)
    position = 0
    for match in _LABEL.finditer(text):
        result.extend(_cut(text[position : match.start()]))
        result.append(match.group())
        position = match.end()
    result.extend(_cut(text[position:]))
    return result


def _cut(text: str) -> list[str]:
    """Precise-mode words, each followed by every dictionary word inside it.

    jieba's own search mode only adds 2- and 3-character sub-words, so 劳动合同法 would never
    match a query for 劳动合同; this adds all of them (up to 8 characters).
    """
    if not text.strip():
        return []
    result: list[str] = []
    for word in rjieba.cut(text):
        word = word.strip()
        if not word or not _WORD.search(word):
            continue
        result.append(word)
        if 2 < len(word) <= 12:
            result.extend(_subwords(word))
    return result


@lru_cache(maxsize=200_000)
def _subwords(word: str) -> tuple[str, ...]:
    # Cached: the same words recur in every article, and the has_word probes were most of the
    # indexing time (0.34 ms per article before, most of it here).
    has_word = rjieba.has_word
    size = len(word)
    return tuple(
        word[i : i + width]
        for width in range(2, min(size, 9))
        for i in range(size - width + 1)
        if has_word(word[i : i + width])
    )


@cache
def synonyms() -> dict[str, tuple[str, ...]]:
    """Lay words people type → the words statutes use (a 问 in plain language, a 答 in 条文)."""
    table: dict[str, tuple[str, ...]] = {}
    for line in SYNONYMS.read_text(encoding="utf-8").splitlines():
        words = line.split()
        if len(words) >= 2 and not line.startswith("#"):
            table[words[0]] = tuple(words[1:])
    return table


LAY_WEIGHT = 0.5


def lay_weights(terms: list[str]) -> dict[str, float]:
    """A lay word with a statute equivalent in ``synonyms.txt`` (加班费 → 延长 工资 报酬), and the
    sub-words inside it (班费), count at LAY_WEIGHT of their idf in the ranking: the law does not
    use them, so a text that does (a case write-up, a guide) should not outrank the article
    that uses the statute's words.

    >>> lay_weights(["加班费", "班费", "延长", "工资"])
    {'加班费': 0.5, '班费': 0.5}
    """
    lay = [t for t in terms if t in synonyms()]
    return {t: LAY_WEIGHT for t in terms if any(t in word for word in lay)}


def query_terms(text: str) -> list[str]:
    """Distinct query terms: tokens without stop words, plus statute words for lay words;
    single characters only as a last resort."""
    seen: dict[str, None] = {}
    given: set[str] = set()  # expansions are kept even when a single character (天数 → 天)
    expansions = synonyms()
    for token in tokens(text):
        if token not in STOP_WORDS and token not in LAY_STOP_WORDS:
            seen.setdefault(_plain(token), None)
        # The expansion also of a stop word: the intent words (多久 → 期限, 算 → 计算) say what
        # kind of rule is asked for, though the word itself is not worth matching.
        for extra in expansions.get(token, ()):
            seen.setdefault(extra, None)
            given.add(extra)
    terms = [t for t in seen if t]
    longer = [t for t in terms if len(t) > 1 or t in given]
    return longer or terms


@lru_cache(maxsize=200_000)
def _plain(token: str) -> str:
    # FTS5 unicode61 and PostgreSQL's parser both split on punctuation; keep word characters only.
    return "".join(ch for ch in token if ch.isalnum())


def joined(text: str) -> str:
    return " ".join(p for p in map(_plain, tokens(text)) if p)
