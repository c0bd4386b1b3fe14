from __future__ import annotations

from ninja import Field, Schema


class ReportRecordOut(Schema):
    label: str
    model: str
    id: int


class ReportFigureOut(Schema):
    key: str
    version: int
    title: str
    unit: str
    counts: str
    year: int
    value: str | None
    display: str
    missing: str
    parts: dict[str, str]
    records: list[ReportRecordOut]


class ReportFiguresOut(Schema):
    year: int
    figures: list[ReportFigureOut]


class ReportSectionOut(Schema):
    key: str
    heading: str
    paragraphs: list[str]


class ReportOut(Schema):
    id: int
    year: int
    layout: str
    title: str
    status: str
    status_label: str
    opening: str
    sections: list[ReportSectionOut]
    figures: list[ReportFigureOut]
    pending: list[ReportFigureOut]
    content_sha256: str


class ReportDraftIn(Schema):
    year: int = Field(..., ge=2000, le=2100)
    layout: str = "default"


class ReportSectionIn(Schema):
    paragraphs: list[str] = Field(..., max_length=100)


class ReportChangeOut(Schema):
    key: str
    before: str
    after: str
