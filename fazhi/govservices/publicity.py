"""What a granted licence publishes (执法公示 事后; 双公示 行政许可).

国办发〔2018〕118号（六）: a 行政许可 decision is published within 7 working days of the decision;
行政许可法 第四十条: 准予行政许可的决定 are public. Refusals (不予许可) are not published — the
双公示 行政许可 record describes a licence granted (domain-rules §3). `application_grant`, the one
path every grant takes (by a clerk, by 无人审批, inside a 主题审批 bundle), registers the record
in its own transaction, so the publicity clock starts on the decision date.

A natural-person applicant's ID document (required at submission) fills XK_XDR_ZJLX /
XK_XDR_ZJHM; the record masks the number on every public output.
"""

from __future__ import annotations

from fazhi.govservices.domain import licensing as lic
from fazhi.govservices.models import LicenseApplication
from fazhi.publicity.domain.data import DecisionData
from fazhi.publicity.domain.enums import Kind
from fazhi.publicity.services import publicity_register
from fazhi.publicity.services.records import authority_for


def decision_data(application: LicenseApplication) -> DecisionData:
    """The publicity data of a granted licence; contact data in full (never output)."""
    item = application.item
    authority = authority_for(application.org_unit)
    category = item.licence_category
    return DecisionData(
        party_category=lic.APPLICANT_CATEGORY_LABELS[
            lic.ApplicantCategory(application.applicant_category)
        ],
        party_name=application.applicant_name,
        uscc=application.applicant_uscc,
        person_id_type=application.applicant_id_type,
        person_id_number=application.applicant_id_number,
        person_id_type_note=application.applicant_id_type_note,
        legal_rep=application.legal_representative,
        party_phone=application.contact_phone,
        party_address=application.contact_address,
        decided_on=application.decided_on,
        authority=authority.name,
        authority_uscc=authority.uscc,
        source_unit=authority.name,
        source_unit_uscc=authority.uscc,
        document_title=f"{item.name}决定书",
        document_number=application.licence_number or "",
        license_category=lic.LICENCE_CATEGORY_LABELS[lic.LicenceCategory(category)]
        if category
        else "",
        licence_name=item.licence_name,
        licence_number=application.licence_number or "",
        content=application.licence_content,
        valid_from=application.valid_from,
        valid_to=application.valid_to,
    )


def application_publicity_register(*, application: LicenseApplication, actor):
    """Register a granted licence for publication (idempotent per application); returns the
    record and its publicity deadline. Raises `Refused` when the clock cannot be opened."""
    return publicity_register(
        kind=Kind.LICENSE, source=application, data=decision_data(application), actor=actor
    )
