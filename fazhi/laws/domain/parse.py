"""Parsing legal texts into documents, structure (编/章/节) and articles (条/款).

Pure Python: text in, dataclasses out. Two layouts (data README §2-3):

* LawRefBook Markdown: ``# 标题``, history lines (``1994年7月5日 …通过``, ``…施行``),
  ``<!-- INFO END -->``, then ``## 第一章 …`` / ``### 第一节 …`` headings and one paragraph per
  article starting with ``第X条``; further paragraphs of the article are its 款, and ``（一）`` lines are
  项 of the 款 before them (立法技术规范（试行）（一） 第5-7条).
* policy pages: wiki.js front matter (``---`` / ``title: …`` / ``---``) or a ``# 标题`` line with
  ``- 文号: …`` header lines closed by ``---``.

Texts without numbered articles (典型案例, 政策问答, 办事指南) are cut into blocks at headings and
about every 600 characters, so search still answers with a passage, not a whole page.

>>> doc = parse_lawrefbook("# 某法\\n\\n<!-- INFO END -->\\n\\n## 第一章 总则\\n\\n第一条 甲。\\n\\n乙。\\n")
>>> [(a.label, a.headings, a.clauses) for a in doc.articles]
[('第一条', ('第一章 总则',), ('甲。', '乙。'))]
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date

from fazhi.laws.domain.numerals import NUMERAL_CHARS, article_label, cn_to_int

INFO_END = "<!-- INFO END -->"
BLOCK_CHARS = 600
_ARTICLE = re.compile(
    rf"^第([{NUMERAL_CHARS}\d]{{1,8}})条(?:之([{NUMERAL_CHARS}]{{1,3}}))?(?:[\s\u3000]+|$)"
)
_ARTICLE_LOOSE = re.compile(rf"^第([{NUMERAL_CHARS}\d]{{1,8}})条(?:之([{NUMERAL_CHARS}]{{1,3}}))?")
_STRUCTURE = re.compile(rf"^第[{NUMERAL_CHARS}\d]{{1,6}}(分编|编|章|节)(?:[\s\u3000]+\S.*)?$")
_ITEM = re.compile(rf"^[（(][{NUMERAL_CHARS}\d]{{1,4}}[)）]")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_RANK = {"编": 0, "分编": 1, "章": 2, "节": 3}


class ParseError(ValueError):
    """The file cannot be read as a legal text; ``str(exc)`` is the reason shown to the user."""


@dataclass(frozen=True)
class ParsedArticle:
    position: int  # order in the document, from 1
    number: int | None  # None for an unnumbered block (preamble, case text, Q&A)
    suffix: int  # 1 for 第二十条之一
    label: str
    headings: tuple[str, ...]
    clauses: tuple[str, ...]  # 款, each with its 项 on following lines

    @property
    def text(self) -> str:
        return "\n".join(self.clauses)


@dataclass(frozen=True)
class ParsedDocument:
    title: str
    history: tuple[str, ...] = ()
    publish_date: date | None = None
    effective_date: date | None = None
    doc_number: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    articles: tuple[ParsedArticle, ...] = ()


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM) or ParseError: a GBK file must be converted, not guessed."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(f"文件不是 UTF-8 编码（第 {exc.start} 字节无法解码）") from exc
    if "\x00" in text:
        raise ParseError("文件含有 NUL 字符，疑似二进制文件")
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def parse_lawrefbook(text: str) -> ParsedDocument:
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise ParseError("文件为空")
    if not lines[first].startswith("# ") or not lines[first][2:].strip():
        raise ParseError("缺少一级标题（# 标题）")
    title = _clean(lines[first][2:])
    if INFO_END not in text:
        raise ParseError("缺少 <!-- INFO END --> 分隔行")
    head, body = text.split(INFO_END, 1)
    history = tuple(_clean(x) for x in head.split("\n")[first + 1 :] if x.strip())
    articles = split_body(body.split("\n"))
    if not articles:
        raise ParseError("正文为空")
    publish, effective = history_dates(history)
    return ParsedDocument(
        title=title,
        history=history,
        publish_date=publish,
        effective_date=effective,
        articles=articles,
    )


def parse_policy(text: str) -> ParsedDocument:
    lines = text.split("\n")
    meta: dict[str, str] = {}
    title = ""
    if lines and lines[0].strip() == "---":  # wiki.js front matter
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
        if end is None:
            raise ParseError("front matter 未以 --- 结束")
        for line in lines[1:end]:
            key, _, value = line.partition(":")
            meta[key.strip()] = value.strip()
        title, body = meta.get("title", ""), lines[end + 1 :]
    else:
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is None:
            raise ParseError("文件为空")
        if not lines[first].startswith("# "):
            raise ParseError("缺少一级标题（# 标题）")
        title = lines[first][2:]
        rest = lines[first + 1 :]
        end = next((i for i, line in enumerate(rest) if line.strip() == "---"), None)
        header = rest[:end] if end is not None else []
        for line in header:
            key, _, value = line.strip().removeprefix("- ").partition(": ")
            if value:
                meta[re.sub(r"\(.*?\)", "", key).strip()] = value.strip()
        body = rest[end + 1 :] if end is not None else rest
    title = _clean(title)
    if not title:
        raise ParseError("缺少标题")
    articles = split_body(body)
    if not articles:
        raise ParseError("正文为空")
    number = meta.get("文号", "")
    return ParsedDocument(
        title=title,
        publish_date=_iso(meta.get("发布日期", "")) or _iso(meta.get("date", "")),
        doc_number="" if number.startswith("无") else number,
        meta=meta,
        articles=articles,
    )


def history_dates(history: tuple[str, ...]) -> tuple[date | None, date | None]:
    """(latest adoption/amendment date, effective date from a …施行 line), each may be None."""
    publish = effective = None
    for line in history:
        found = [_date(m) for m in _DATE.finditer(line)]
        found = [d for d in found if d]
        if not found:
            continue
        if "施行" in line:
            effective = found[-1]
        else:
            publish = max(filter(None, (publish, found[0])))
    return publish, effective


def split_body(lines: list[str]) -> tuple[ParsedArticle, ...]:
    paragraphs = [p for p in (_clean(x) for x in lines) if p]
    strict = any(_ARTICLE.match(p) for p in paragraphs)
    pattern = _ARTICLE if strict else _ARTICLE_LOOSE
    builder = _Builder()
    for para in paragraphs:
        heading = para.lstrip("#").strip() if para.startswith("#") else None
        if heading is not None or (len(para) <= 40 and _STRUCTURE.match(para)):
            builder.heading(heading if heading is not None else para)
            continue
        match = pattern.match(para)
        if match:
            try:
                number = cn_to_int(match[1])
                suffix = cn_to_int(match[2]) if match[2] else 0
            except ValueError:
                match = None
            else:
                builder.article(number, suffix, para[match.end() :].strip())
                continue
        builder.paragraph(para)
    return builder.finish()


class _Builder:
    """Accumulates paragraphs into articles and blocks, tracking the heading path."""

    def __init__(self) -> None:
        self.headings: list[tuple[int, str]] = []
        self.done: list[ParsedArticle] = []
        self.current: tuple[int | None, int, str] | None = None  # number, suffix, label
        self.clauses: list[str] = []

    def heading(self, text: str) -> None:
        self._flush()
        kind = _STRUCTURE.match(text)
        if kind:  # "第一章 总 则" (spaced for layout) → "第一章 总则"
            head, _, name = text.partition(" ")
            text = f"{head} {name.replace(' ', '')}".strip()
        rank = _RANK[kind[1]] if kind else 4
        self.headings = [(r, h) for r, h in self.headings if r < rank] + [(rank, text)]

    def article(self, number: int, suffix: int, first_clause: str) -> None:
        self._flush()
        self.current = (number, suffix, article_label(number, suffix))
        self.clauses = [first_clause] if first_clause else []

    def paragraph(self, para: str) -> None:
        if self.current is None:
            self.current = (None, 0, "")
        elif self.current[0] is None and sum(map(len, self.clauses)) >= BLOCK_CHARS:
            self._flush()
            self.current = (None, 0, "")
        if self.clauses and self.current[0] is not None and _ITEM.match(para):
            self.clauses[-1] += "\n" + para  # a 项 belongs to the 款 before it
        else:
            self.clauses.append(para)

    def _flush(self) -> None:
        if self.current is None or not self.clauses:
            self.current, self.clauses = None, []
            return
        number, suffix, label = self.current
        path = tuple(h for _, h in self.headings)
        if number is None:
            label = path[-1] if path else ""  # settled in finish()
        self.done.append(
            ParsedArticle(
                position=len(self.done) + 1,
                number=number,
                suffix=suffix,
                label=label[:100],
                headings=path,
                clauses=tuple(self.clauses),
            )
        )
        self.current, self.clauses = None, []

    def finish(self) -> tuple[ParsedArticle, ...]:
        self._flush()
        numbered = [a.position for a in self.done if a.number is not None]
        first = numbered[0] if numbered else None
        result = []
        for a in self.done:
            if not a.label:
                label = "正文" if first is None else ("前言" if a.position < first else "附")
                a = replace(a, label=label)
            result.append(a)
        return tuple(result)


def _clean(text: str) -> str:
    text = text.replace("\u3000", " ").replace("\u200b", "").replace("\ufeff", "")
    return re.sub(r"[ \t]+", " ", text).strip()


def _date(match: re.Match[str]) -> date | None:
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _iso(text: str) -> date | None:
    match = _ISO_DATE.search(text)
    return _date(match) if match else None
