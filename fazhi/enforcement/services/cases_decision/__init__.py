"""From the investigated facts to the decision: 告知, 听证, 法制审核, 集体讨论, 决定.

One module per stage (issue 16: small modules); the names are re-exported here, so
``from fazhi.enforcement.services import cases_decision as decision`` keeps working.

- ``checks``: the discretion proposal, amount, measure, hearing-period and review checks;
- ``notice``: 告知 (``case_notify``);
- ``hearing``: 听证 (request, notice, record, close);
- ``review``: 法制审核 submit and opinion, 集体讨论;
- ``decide``: the proposal, the send-back and the decision.

Audits ``enforcement.case.notify`` / ``hearing_request`` / ``hearing_notice`` / ``hearing_record``
/ ``hearing_close`` / ``review_submit`` / ``review`` / ``discuss`` / ``propose`` / ``send_back`` /
``decide``.
"""

from fazhi.enforcement.services.cases_decision.checks import (
    HEARING_NOTICE,
    HEARING_REQUEST,
    SERVICE,
    facts_of,
)
from fazhi.enforcement.services.cases_decision.decide import (
    case_decide,
    case_propose,
    case_send_back,
)
from fazhi.enforcement.services.cases_decision.hearing import (
    case_hearing_close,
    case_hearing_notice,
    case_hearing_record,
    case_hearing_request,
)
from fazhi.enforcement.services.cases_decision.notice import case_notify
from fazhi.enforcement.services.cases_decision.review import (
    case_discuss,
    case_review,
    case_review_submit,
)

__all__ = [
    "HEARING_NOTICE",
    "HEARING_REQUEST",
    "SERVICE",
    "case_decide",
    "case_discuss",
    "case_hearing_close",
    "case_hearing_notice",
    "case_hearing_record",
    "case_hearing_request",
    "case_notify",
    "case_propose",
    "case_review",
    "case_review_submit",
    "case_send_back",
    "facts_of",
]
