"""Highlighted snippets: the passage of an article around the query terms, HTML-escaped, with
<mark> around each match.

Pure Python.

>>> snippet("用人单位应当支付<二倍>工资。", ["二倍", "工资"], width=40)
'用人单位应当支付&lt;<mark>二倍</mark>&gt;<mark>工资</mark>。'
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence


def snippet(text: str, terms: Sequence[str], width: int = 160) -> str:
    words = sorted({t for t in terms if t}, key=len, reverse=True)  # longest match wins
    if not words:
        return html.escape(_trim(text, 0, width))
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    matches = list(pattern.finditer(text))
    start = _best_window(matches, len(text), width) if matches else 0
    end = min(len(text), start + width)
    parts: list[str] = ["…" if start else ""]
    cursor = start
    for m in pattern.finditer(text, start, end):
        if m.end() > end:
            break
        parts.append(html.escape(text[cursor : m.start()]))
        parts.append(f"<mark>{html.escape(m.group())}</mark>")
        cursor = m.end()
    parts.append(html.escape(text[cursor:end]))
    parts.append("…" if end < len(text) else "")
    return "".join(parts)


def _best_window(matches: list[re.Match[str]], length: int, width: int) -> int:
    """Start of the window (a little before a match) holding the most distinct matched words.

    The candidate starts only move right, so one pass keeps the words inside the window
    (a long article with a common word has hundreds of matches: comparing each with every
    other was most of a search's snippet time).

    >>> ms = list(re.finditer("工资|二倍", "工资" + "。" * 50 + "二倍工资"))
    >>> _best_window(ms, 56, 20)
    36
    """
    best_start, best_score = 0, -1
    inside: dict[str, int] = {}  # word → matches of it in the window
    score = 0  # total length of the distinct words in the window
    first = last = 0  # matches[first:last] lie in the window
    for m in matches:
        start = max(0, min(m.start() - width // 5, length - width))
        while last < len(matches) and matches[last].end() <= start + width:
            word = matches[last].group().lower()
            if not inside.get(word):
                score += len(word)
            inside[word] = inside.get(word, 0) + 1
            last += 1
        while first < last and matches[first].start() < start:
            word = matches[first].group().lower()
            inside[word] -= 1
            if not inside[word]:
                score -= len(word)
            first += 1
        if score > best_score:
            best_start, best_score = start, score
    return best_start


def _trim(text: str, start: int, width: int) -> str:
    return text[start : start + width] + ("…" if len(text) > start + width else "")
