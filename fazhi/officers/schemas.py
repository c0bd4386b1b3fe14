"""Schemas of /api/v1/officers."""

from __future__ import annotations

from datetime import date

from ninja import Schema


class CertificateCheckOut(Schema):
    number: str
    name: str
    org_unit: str
    area: str
    status: str
    status_label: str
    issued_on: date
    expires_on: date
    usable: bool
    reason: str


class CertificateOut(Schema):
    number: str
    area: str
    status: str
    issued_on: date
    expires_on: date
    last_reviewed_on: date | None


class OfficerOut(Schema):
    id: int
    name: str
    org_unit: str
    org_unit_code: str
    post: str
    is_active: bool
    username: str | None
    certificate: CertificateOut | None
    usable_today: bool
    reason: str


class StatsOut(Schema):
    year: int
    as_of: date
    officers: int
    certified: int
    rate: float | None
    rate_percent: str
    issued: int
    renewals: int
    reviews: int
    reviews_passed: int
    training_hours_total: float
    training_hours_average: float
    min_training_hours: int
    training_short: int
    exams: int
    exams_passed: int
