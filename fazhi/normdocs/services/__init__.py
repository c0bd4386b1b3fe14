"""Writes on normative documents: one service per step, each audited, each refusal writing nothing."""

from fazhi.normdocs.services.cleanup import cleanup_announce, cleanup_assess, cleanup_start
from fazhi.normdocs.services.comments import (
    Throttled,
    comment_mark,
    comment_merge,
    comment_moderate,
    comment_submit,
)
from fazhi.normdocs.services.drafting import (
    document_draft,
    document_edit_draft,
    document_open_comment,
    document_resubmit,
    document_submit_review,
)
from fazhi.normdocs.services.existing import document_enter_existing
from fazhi.normdocs.services.publication import (
    document_correct,
    document_expire,
    document_file,
    document_publish,
    document_record_filing_review,
    document_register,
    documents_expire_due,
)
from fazhi.normdocs.services.reviews import (
    document_deliberate,
    document_review_competition,
    document_review_legality,
)

__all__ = [
    "Throttled",
    "cleanup_announce",
    "cleanup_assess",
    "cleanup_start",
    "comment_mark",
    "comment_merge",
    "comment_moderate",
    "comment_submit",
    "document_correct",
    "document_deliberate",
    "document_draft",
    "document_edit_draft",
    "document_enter_existing",
    "document_expire",
    "document_file",
    "document_open_comment",
    "document_publish",
    "document_record_filing_review",
    "document_register",
    "document_resubmit",
    "document_review_competition",
    "document_review_legality",
    "document_submit_review",
    "documents_expire_due",
]
