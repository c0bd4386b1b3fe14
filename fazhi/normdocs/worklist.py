"""Normdocs' 待办 queue (registered in ``NormdocsConfig.ready``; see core/selectors/worklist)."""

from __future__ import annotations

from datetime import date

from fazhi.accounts.permissions import NORMDOCS_LEGALITY_REVIEW
from fazhi.core.selectors.worklist import QUEUE_LIMIT, Queue, QueueRow, queue_rows, register
from fazhi.normdocs.domain.states import Stage
from fazhi.normdocs.selectors import document_list


def legality_review_rows(user, today: date) -> list[QueueRow]:
    documents = document_list(user=user, stage=Stage.LEGALITY_REVIEW)[:QUEUE_LIMIT]
    return queue_rows(documents, today, title=lambda document: document.title)


def register_queues() -> None:
    register(
        "normdocs.legality_review",
        Queue(20, "规范性文件合法性审核", "", NORMDOCS_LEGALITY_REVIEW, legality_review_rows),
    )
