"""API input and output shapes."""

from __future__ import annotations

from datetime import date

from ninja import Field, Schema


class NormdocArticleOut(Schema):
    id: int
    number: int
    label: str
    text: str


class NormdocDeadlineOut(Schema):
    rule_code: str
    title: str
    start: date
    due: date
    status: str
    met_on: date | None = None
    remaining: str | None = None
    urgency: str | None = None


class DocumentListItem(Schema):
    id: int
    title: str
    doc_number: str | None
    org_unit: str
    stage: str
    stage_label: str
    drafted_on: date
    published_on: date | None
    valid_until: date | None


class DocumentListOut(Schema):
    """One page: ``count`` rows in all, ``results`` from ``offset`` (at most ``limit`` ≤ 500)."""

    count: int
    limit: int
    offset: int
    results: list[DocumentListItem]


class NormdocDocumentOut(DocumentListItem):
    comment_opened_on: date | None
    comment_closed_on: date | None
    registered_on: date | None
    effective_on: date | None
    filed_on: date | None
    filing_result: str
    ended_on: date | None
    adoption_note: str
    interpretation_title: str
    interpretation_text: str
    articles: list[NormdocArticleOut]
    deadlines: list[NormdocDeadlineOut]
    next_actions: list[str] = Field(description="当前用户此时可办理的步骤")


class CommentIn(Schema):
    text: str = Field(min_length=1, max_length=2000, description="意见内容")
    author_name: str = Field("", max_length=50)
    contact: str = Field("", max_length=100)


class CommentOut(Schema):
    id: int
    article: str
    submitted_at: str
    message: str


class LedgerSummaryOut(Schema):
    by_stage: dict[str, int]
    in_force: int
    ended_by_cleanup: int
    repealed: int
    invalidated: int
