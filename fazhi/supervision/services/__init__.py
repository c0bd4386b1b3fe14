"""Writes of supervision, one module per subject: the warning scan (``scan``), 案卷评查
(``review``), 督办 (``oversight``), the 先行登记保存 register (``preservation``) and the
统计年报 on the portal (``yearbook``). Every public service is re-exported here."""

from fazhi.supervision.services.oversight import (
    oversight_close,
    oversight_escalate_overdue,
    oversight_issue,
    oversight_recheck_decide,
    oversight_recheck_request,
    oversight_reply,
)
from fazhi.supervision.services.preservation import (
    PRESERVATION_BASIS,
    preservation_handle,
    preservation_record,
)
from fazhi.supervision.services.review import (
    review_campaign_close,
    review_campaign_create,
    review_campaign_draw,
    review_file_submit,
    review_rectification_create,
    review_score_item,
    review_sheet_set,
    review_veto,
)
from fazhi.supervision.services.scan import _candidates, warnings_scan
from fazhi.supervision.services.yearbook import yearbook_publish

__all__ = [
    "PRESERVATION_BASIS",
    "_candidates",
    "oversight_close",
    "oversight_escalate_overdue",
    "oversight_issue",
    "oversight_recheck_decide",
    "oversight_recheck_request",
    "oversight_reply",
    "preservation_handle",
    "preservation_record",
    "review_campaign_close",
    "review_campaign_create",
    "review_campaign_draw",
    "review_file_submit",
    "review_rectification_create",
    "review_score_item",
    "review_sheet_set",
    "review_veto",
    "warnings_scan",
    "yearbook_publish",
]
