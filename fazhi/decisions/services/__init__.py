"""Every state change of 决策事项目录, 重大行政决策, 法律顾问 opinions and 公平竞争审查.

Each service: transaction, ``require(...)`` first, rule checks (``Refused`` with the article of
the rule in force on the day of the facts), one audit event. ``on`` records a step taken on
another day (the demo, paper records entered later); it defaults to today.
"""

from fazhi.decisions.services._common import RULE_ARCHIVE, RULE_EXCEPTION_TERM
from fazhi.decisions.services.catalogue import (
    catalogue_add_item,
    catalogue_draft,
    catalogue_publish,
    catalogue_withdraw_item,
)
from fazhi.decisions.services.competition import (
    competition_conclude,
    competition_consult,
    competition_open,
)
from fazhi.decisions.services.counsel import (
    counsel_adoption,
    counsel_answer,
    counsel_declare_conflict,
    counsel_register,
    counsel_request,
    counsel_sign_off,
)
from fazhi.decisions.services.participation import (
    comment_moderate,
    comment_submit,
    decision_record_hearing,
)
from fazhi.decisions.services.procedure import (
    decision_add_expert,
    decision_adoption_report,
    decision_archive,
    decision_discuss,
    decision_evaluate,
    decision_open_comment,
    decision_publish,
    decision_report_execution,
    decision_review,
    decision_risk,
    decision_start,
    decision_submit_review,
    decision_waive,
)

__all__ = [
    "RULE_ARCHIVE",
    "RULE_EXCEPTION_TERM",
    "catalogue_add_item",
    "catalogue_draft",
    "catalogue_publish",
    "catalogue_withdraw_item",
    "comment_moderate",
    "comment_submit",
    "competition_conclude",
    "competition_consult",
    "competition_open",
    "counsel_adoption",
    "counsel_answer",
    "counsel_declare_conflict",
    "counsel_register",
    "counsel_request",
    "counsel_sign_off",
    "decision_add_expert",
    "decision_adoption_report",
    "decision_archive",
    "decision_discuss",
    "decision_evaluate",
    "decision_open_comment",
    "decision_publish",
    "decision_record_hearing",
    "decision_report_execution",
    "decision_review",
    "decision_risk",
    "decision_start",
    "decision_submit_review",
    "decision_waive",
]
