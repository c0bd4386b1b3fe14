"""Every write service of an app with cached public pages bumps its kind, or says why not.

Discovered like the gate matrix (fazhi/accounts/tests/test_gate_matrix.py): a public function
of a services module taking ``actor``. A new service that changes what the public sees must call
``bump("<kind>")`` (fazhi/core/caching.py), or its change would wait for the cache timeout.
"""

from __future__ import annotations

import importlib
import inspect

from fazhi.accounts.tests.test_gate_matrix import write_services
from fazhi.core.caching import KINDS

STAFF_ONLY = "changes only what staff see"
CASEWORK = "case work after 立案: the public sees a case only as a power item's yearly count"
TRACKING = "public only through the tracking lookup, which is never cached"
HELPER = "a helper called inside services that bump"
DRAFTING = "a draft's internal stages; the public page changes at 征求意见 / 公布"
EXPORT = "an export and its receipt; the public pages do not show them"

NO_PUBLIC_EFFECT: dict[str, str] = {
    "case_decision_set_aside": CASEWORK,
    "enter_date": STAFF_ONLY,  # the typed-date log of a case step (the staff case page)
    "register_entries_import": STAFF_ONLY,
    "legal_qualification_record": STAFF_ONLY,
    "corpus_import_all": "runs corpus_import per data folder, which bumps laws",
    # the portal shows a report only once frozen (report_freeze bumps "reports")
    **dict.fromkeys(
        (
            "report_draft",
            "report_refresh",
            "report_accept_changes",
            "report_edit_section",
            "report_send_for_comment",
            "report_comment",
            "report_approve",
        ),
        STAFF_ONLY,
    ),
    **dict.fromkeys(
        (
            "arrears_case_register",
            "arrears_step_record",
            "cancel_open_deadlines",
            "case_accept",
            "case_extend",
            "case_order_correction",
            "case_order_followup",
            "case_record_act",
            "case_export",
            "add_act",
            "ingest",
            "case_decide",
            "case_propose",
            "case_send_back",
            "case_discuss",
            "case_hearing_close",
            "case_hearing_notice",
            "case_hearing_record",
            "case_hearing_request",
            "case_notify",
            "case_review",
            "case_review_submit",
            "case_apply_court",
            "case_archive",
            "case_close",
            "case_pay",
            "case_remind",
            "case_serve",
        ),
        CASEWORK,
    ),
    **dict.fromkeys(
        (
            "bundle_submit",
            "application_accept",
            "application_correction_notice",
            "application_extend",
            "application_grant",
            "application_refuse",
            "application_submit",
            "application_supplement",
        ),
        TRACKING,
    ),
    **dict.fromkeys(
        (
            "clock_close_all",
            "clock_meet",
            "clock_open",
            "expiry_reminder_open",
            "record",
        ),
        HELPER,
    ),
    **dict.fromkeys(
        (
            "document_draft",
            "document_resubmit",
            "document_file",
            "document_record_filing_review",
            "document_register",
            "document_deliberate",
            "document_review_competition",
            "document_review_legality",
            "cleanup_assess",
            "cleanup_start",
        ),
        DRAFTING,
    ),
    **dict.fromkeys(
        ("comment_mark", "comment_merge", "comment_moderate", "relation_register"), STAFF_ONLY
    ),
    **dict.fromkeys(("exam_result_add", "training_record_add"), STAFF_ONLY),
    **dict.fromkeys(("export_batch_record", "receipt_import", "shuanggongshi_export"), EXPORT),
    # supervision: the portal shows only the published 统计年报 (yearbook_publish bumps)
    **dict.fromkeys(
        (
            "warnings_scan",
            "review_sheet_set",
            "review_campaign_create",
            "review_campaign_draw",
            "review_score_item",
            "review_veto",
            "review_file_submit",
            "review_rectification_create",
            "review_campaign_close",
            "oversight_issue",
            "oversight_reply",
            "oversight_recheck_request",
            "oversight_recheck_decide",
            "oversight_close",
            "oversight_escalate_overdue",
            "preservation_record",
            "preservation_handle",
        ),
        STAFF_ONLY,
    ),
    # education: the public 普法 page shows the 清单, the bases and published activities only
    **dict.fromkeys(
        (
            "question_add",
            "question_edit",
            "question_approve",
            "questions_draft_from_cases",
            "questions_retire_outdated",
            "exam_create",
            "exam_enrol",
            "exam_close",
            "sitting_start",
            "answer_save",
            "sitting_submit",
            "pufa_plan_issue",
            "activity_record",
            "activity_attach",
            "team_add",
            "stage_record",
            "study_record_add",
        ),
        STAFF_ONLY,
    ),
    "material_open": "a download (audited by the evidence store); changes nothing public",
}
APPS = set(KINDS)  # each kind is named after its app


def test_every_public_write_service_bumps_or_is_exempt():
    missing = []
    for name, module in write_services().items():
        if module.split(".")[1] not in APPS or name in NO_PUBLIC_EFFECT:
            continue
        source = inspect.getsource(getattr(importlib.import_module(module), name))
        if "bump(" not in source:
            missing.append(f"{module}.{name}")
    assert not missing, f"call bump(kind) or add to NO_PUBLIC_EFFECT with a reason: {missing}"


def test_exemptions_name_real_services():
    assert set(NO_PUBLIC_EFFECT) <= set(write_services())
