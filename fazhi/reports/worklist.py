"""The annual report's 待办 queue (registered in ``ReportsConfig.ready``; see
core/selectors/worklist): the previous year's 法治政府建设情况报告 from 1 January until it is
published, for 法规处 and the head."""

from __future__ import annotations

from datetime import date

from fazhi.accounts.permissions import REPORTS_FOLLOW
from fazhi.core.documents import agency_name
from fazhi.core.selectors.worklist import Queue, QueueRow, register
from fazhi.reports.selectors import annual_reminder
from fazhi.reports.services import BASIS


def annual_report_rows(user, today: date) -> list[QueueRow]:
    found = annual_reminder(today)
    if found is None:
        return []
    due, url = found
    return [
        QueueRow(
            title=f"{due.year}年法治政府建设情况报告（{due.state}）",
            url=url,
            unit=agency_name(),
            submitted_on=None,
            due=due.due,
            due_rule=f"{due.act}期限（{BASIS}）",
            urgency="overdue" if due.overdue else "due-soon",
            remaining=due.remaining,
        )
    ]


def register_queues() -> None:
    register(
        "reports.annual",
        Queue(40, "年度法治政府建设情况报告", "", REPORTS_FOLLOW, annual_report_rows),
    )
