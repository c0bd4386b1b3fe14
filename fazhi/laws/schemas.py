"""API schemas of the public policy search (人社政策一点通)."""

from __future__ import annotations

from datetime import date

from ninja import Schema


class SearchHitOut(Schema):
    article_id: int
    document_id: int
    document_title: str
    kind: str
    issuing_body: str
    doc_number: str
    article_label: str
    headings: list[str]
    snippet: str  # HTML: escaped text, <mark> around matched words
    score: float
    status: str
    is_current: bool
    publish_date: date | None
    effective_date: date | None
    valid_to: date | None
    exact_doc_number: bool
    reasons: list[str]  # why the article matched, the parts of its score (Chinese)


class SearchPageOut(Schema):
    query: str
    terms: list[str]
    total: int
    page: int
    page_size: int
    pages: int
    as_of: date
    hits: list[SearchHitOut]
    confident: bool  # False: no article matches the question well (没有找到直接相关的条文)
    confidence: float  # the best hit's evidence, 0–1
    expansions: list[str]  # legal words added for the question's lay words (learned)
    related: list[str]  # similar known questions


class LawArticleOut(Schema):
    id: int
    document_id: int
    document_title: str
    kind: str
    issuing_body: str
    doc_number: str
    position: int
    number: int | None
    suffix: int  # 1 for 第二十条之一
    label: str
    anchor: str  # fragment of the article on the document page, e.g. "art-82"
    headings: list[str]
    clauses: list[str]
    text: str
    status: str  # status of the document on ``as_of``
    as_of: date


class LawVersionOut(Schema):
    id: int
    title: str
    doc_number: str
    publish_date: date | None
    effective_date: date | None
    valid_to: date | None
    status: str


class RelationOut(Schema):
    kind: str
    direction: str  # "out": this document → other; "in": other → this document
    document_id: int
    document_title: str


class ArticleBrief(Schema):
    id: int
    number: int | None
    suffix: int
    label: str
    anchor: str
    headings: list[str]
    clauses: list[str]


class LawDocumentOut(Schema):
    id: int
    title: str
    kind: str
    issuing_body: str
    doc_number: str
    publish_date: date | None
    effective_date: date | None
    valid_to: date | None
    expiry_date: date | None
    repealed_on: date | None
    status: str
    as_of: date
    in_force_version_id: int | None  # the version of this work in force on ``as_of``
    history: list[str]
    url: str
    articles: list[ArticleBrief]
    relations: list[RelationOut]
    versions: list[LawVersionOut]


class DiffSegmentOut(Schema):
    op: str  # "equal" | "insert" | "delete"
    text: str


class ArticleChangeOut(Schema):
    kind: str  # "added" | "removed" | "changed" | "renumbered"
    old_article_id: int | None
    old_label: str | None
    new_article_id: int | None
    new_label: str | None
    segments: list[DiffSegmentOut]  # the new text's inline diff; empty for added / removed
    old_text: str | None
    new_text: str | None


class VersionDiffOut(Schema):
    from_version: LawVersionOut
    to_version: LawVersionOut
    counts: dict[str, int]  # per kind, including "unchanged"
    changes: list[ArticleChangeOut]  # unchanged articles left out
