"""Every state change of the education app: one function each, in a transaction, behind the
gate (fazhi.accounts.permissions), with its audit event. The modules hold:

- ``questions``: the question bank;
- ``exams``: exams, enrolment, closing;
- ``sitting``: a paper drawn, answers saved, submission (the one path not audited per write);
- ``duties``: the 普法责任清单 and the 法治宣传教育基地 register;
- ``activities``: the 普法计划, activities and their materials, competitions, 学法 records;
- ``publication``: an activity's materials downloaded (checked, audited) and its publication.
"""

from fazhi.education.services._common import BASIS
from fazhi.education.services.activities import (
    activity_attach,
    activity_record,
    pufa_plan_issue,
    stage_record,
    study_record_add,
    team_add,
)
from fazhi.education.services.duties import (
    DUTY_BASIS,
    base_register,
    duty_item_add,
    duty_item_complete,
)
from fazhi.education.services.exams import exam_close, exam_create, exam_enrol
from fazhi.education.services.publication import (
    activity_publish,
    activity_withdraw,
    material_open,
)
from fazhi.education.services.questions import (
    outdated_questions,
    question_add,
    question_approve,
    question_edit,
    questions_draft_from_cases,
    questions_retire_outdated,
)
from fazhi.education.services.sitting import (
    answer_save,
    answers_digest,
    sitting_start,
    sitting_submit,
)

__all__ = [
    "BASIS",
    "DUTY_BASIS",
    "activity_attach",
    "activity_publish",
    "activity_record",
    "activity_withdraw",
    "answer_save",
    "answers_digest",
    "base_register",
    "duty_item_add",
    "duty_item_complete",
    "exam_close",
    "exam_create",
    "exam_enrol",
    "material_open",
    "outdated_questions",
    "pufa_plan_issue",
    "question_add",
    "question_approve",
    "question_edit",
    "questions_draft_from_cases",
    "questions_retire_outdated",
    "sitting_start",
    "sitting_submit",
    "stage_record",
    "study_record_add",
    "team_add",
]
