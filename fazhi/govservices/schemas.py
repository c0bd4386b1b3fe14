"""ninja schemas of the services API."""

from __future__ import annotations

from datetime import date
from typing import Any

from ninja import Schema


class CatalogueOut(Schema):
    year: int
    label: str
    status: str
    published_on: date | None
    items: int


class MaterialOut(Schema):
    name: str
    source: str
    is_required: bool
    is_shared: bool


class ServiceItemOut(Schema):
    code: str
    name: str
    kind: str
    kind_label: str
    catalogue_year: int
    power_item_code: str
    accepting_body: str
    deciding_body: str
    statutory_days: int | None
    statutory_text: str
    promised_days: int
    is_instant: bool
    is_online: bool
    is_auto_approvable: bool
    steps: list[str]
    materials: list[MaterialOut]


class ComparisonOut(Schema):
    old: dict[str, Any]
    new: dict[str, Any]
    reductions: list[dict[str, Any]]
    removed: list[dict[str, Any]]
    merged: list[dict[str, Any]]
    added: list[dict[str, Any]]
    kept: list[str]
    formula: str


class ApplicationIn(Schema):
    item_code: str
    applicant_name: str
    applicant_category: str = "legal_person"
    applicant_uscc: str = ""
    applicant_id_type: str = ""  # a natural person's: 身份证 (the default), 护照号, …
    applicant_id_number: str = ""  # required for a natural person
    applicant_id_type_note: str = ""  # the document's name when applicant_id_type is 其他
    legal_representative: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    contact_address: str = ""
    received_on: date
    materials: list[str] = []
    facts: dict[str, Any] = {}
    is_online: bool = False


class StepIn(Schema):
    step: str  # accept | correction_notice | supplement | extend | grant | refuse
    on: date
    materials: list[str] = []
    approver_id: int | None = None
    reason: str = ""
    reasons: str = ""
    content: str = ""


class ApplicationOut(Schema):
    id: int
    reference: str
    tracking_code: str
    item_code: str
    status: str
    status_label: str
    applicant_name: str
    applicant_uscc: str
    received_on: date
    accepted_on: date | None
    decided_on: date | None
    correction_notice: list[str] | None
    is_extended: bool
    is_automatic: bool
    licence_number: str | None
    missing_materials: list[str]
    next_actions: list[str]
    next_deadline: dict[str, Any] | None


class TrackPartOut(Schema):
    item: str
    status: str
    status_label: str
    received_on: date
    accepted_on: date | None
    decided_on: date | None
    correction_materials: list[str]
    next_step: str
    next_due: date | None
    is_automatic: bool


class TrackOut(Schema):
    kind: str  # application | bundle
    bundle: str = ""
    status: str = ""
    status_label: str = ""
    parts: list[TrackPartOut]
