"""API schemas: the public, masked view of a publicity record."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ninja import Schema


class PublicityRecordOut(Schema):
    id: int
    record_no: str
    kind: str
    kind_label: str
    status: str
    status_label: str
    party_category: str
    party_name: str
    uscc: str
    legal_rep: str
    person_id_type: str
    person_id_number_masked: str
    document_title: str
    document_number: str
    violation_type: str
    facts: str
    basis: str
    penalty_categories: list[str]
    content: str
    fine_yuan: Decimal | None
    fine_wanyuan: str
    license_category: str
    licence_name: str
    licence_number: str
    valid_from: date | None
    valid_to: date | None
    decided_on: date
    authority: str
    published_on: date | None
    publicity_ends_on: date | None
    withdrawn: bool
    withdrawal_change: str
    withdrawal_reason: str
    withdrawn_on: date | None


class RecordPage(Schema):
    count: int
    limit: int
    offset: int
    results: list[PublicityRecordOut]
