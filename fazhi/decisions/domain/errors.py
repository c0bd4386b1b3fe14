"""Stable refusal codes of the decisions app (they reach the API's problem body)."""

from __future__ import annotations

from enum import StrEnum


class Code(StrEnum):
    CATALOGUE_STATE = "decisions_catalogue_state"
    REASON_REQUIRED = "decisions_reason_required"
    GATE_OPEN = "decisions_gate_open"
    STAGE = "decisions_stage"
    COMMENT_TOO_SHORT = "decisions_comment_too_short"
    COMMENT_CLOSED = "decisions_comment_closed"
    COMMENT_OPEN = "decisions_comment_open"
    COMMENT_UNMODERATED = "decisions_comment_unmoderated"
    HEARING_NOTICE_SHORT = "decisions_hearing_notice_short"
    EXPERT_INTEREST = "decisions_expert_interest"
    RISK_UNCONTROLLABLE = "decisions_risk_uncontrollable"
    REVIEW_TOO_SHORT = "decisions_review_too_short"
    COUNSEL_OPINION_MISSING = "decisions_counsel_opinion_missing"
    UNLAWFUL = "decisions_unlawful"
    HEAD_NOT_LAST = "decisions_head_not_last"
    DISSENT_NOT_MINUTED = "decisions_dissent_not_minuted"
    MAJORITY_REASON = "decisions_majority_reason"
    ARCHIVE_LATE = "decisions_archive_late"
    COUNSEL_CONFLICT = "decisions_counsel_conflict"
    COUNSEL_CONTRACT = "decisions_counsel_contract"
    NOT_CHIEF = "decisions_not_chief_counsel"
    OPINION_STATE = "decisions_opinion_state"
    CHECKLIST_INCOMPLETE = "decisions_checklist_incomplete"
    EXCEPTION_INCOMPLETE = "decisions_exception_incomplete"
    NO_COMPETITION_CONCLUSION = "decisions_no_competition_conclusion"
    COMPETITION_FAILED = "decisions_competition_failed"
    INVALID = "decisions_invalid_input"
