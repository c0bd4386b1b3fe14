"""JSON API at /api/v1/normdocs: documents for staff, comments from the public."""

from __future__ import annotations

from django.http import Http404
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status

from fazhi.accounts.auth import api_auth
from fazhi.core.api.params import Offset, Year
from fazhi.core.api.problems import ErrorCode, Problem, ProblemError
from fazhi.core.domain.errors import Refused  # the base: the comment text checks are core's
from fazhi.core.services.request_context import client_ip
from fazhi.normdocs import selectors, services
from fazhi.normdocs.domain.states import Stage
from fazhi.normdocs.schemas import (
    CommentIn,
    CommentOut,
    DocumentListOut,
    LedgerSummaryOut,
    NormdocDocumentOut,
)

router = Router(tags=["normdocs"])


class ListFilters(Schema):
    stage: Stage | None = None
    year: Year | None = None
    q: str = ""
    offset: Offset = 0
    limit: int = Field(50, ge=1, le=200)


def _item(d) -> dict:
    return {
        "id": d.pk,
        "title": d.title,
        "doc_number": d.doc_number,
        "org_unit": d.org_unit.name,
        "stage": d.stage,
        "stage_label": d.stage_label,
        "drafted_on": d.drafted_on,
        "published_on": d.published_on,
        "valid_until": d.valid_until,
    }


def _get(request, document_id: int):
    return selectors.document_get_for_user(pk=document_id, user=request.auth)


@router.get(
    "/documents",
    auth=api_auth,
    response={200: DocumentListOut, 422: Problem},
    operation_id="normdocs_document_list",
    summary="规范性文件台账（按当前用户的数据范围）",
)
def document_list(request, filters: Query[ListFilters]):
    if not 1 <= filters.limit <= 500 or filters.offset < 0:
        raise ProblemError(422, ErrorCode.INVALID_INPUT, "分页参数不合法", "limit 为 1–500")
    qs = selectors.document_list(
        user=request.auth,
        stage=filters.stage.value if filters.stage else "",
        year=filters.year,
        query=filters.q[:100],
    )
    results = [_item(d) for d in qs[filters.offset : filters.offset + filters.limit]]
    return {
        "count": qs.count(),
        "limit": filters.limit,
        "offset": filters.offset,
        "results": results,
    }


@router.get(
    "/documents/{document_id}",
    auth=api_auth,
    response={200: NormdocDocumentOut, 404: Problem},
    operation_id="normdocs_document_get",
    summary="规范性文件详情：条文、期限与可办理的下一步",
)
def document_get(request, document_id: int):
    document = _get(request, document_id)
    today = timezone.localdate()
    deadlines = [
        {
            "rule_code": row.deadline.rule_code,
            "title": row.rule_title,
            "start": row.deadline.start,
            "due": row.deadline.due,
            "status": row.deadline.status,
            "met_on": row.deadline.met_on,
            "remaining": row.remaining.label if row.remaining else None,
            "urgency": row.remaining.urgency.value if row.remaining else None,
        }
        for row in selectors.document_deadlines(document, today=today)
    ]
    return {
        **_item(document),
        **{
            f: getattr(document, f)
            for f in (
                "comment_opened_on",
                "comment_closed_on",
                "registered_on",
                "effective_on",
                "filed_on",
                "filing_result",
                "ended_on",
                "adoption_note",
                "interpretation_title",
                "interpretation_text",
            )
        },
        "articles": [
            {"id": a.pk, "number": a.number, "label": a.label, "text": a.text}
            for a in document.articles.all()
        ],
        "deadlines": deadlines,
        "next_actions": [
            a.value for a, _ in selectors.next_actions(document, user=request.auth, today=today)
        ],
    }


@router.get(
    "/ledger/summary",
    auth=api_auth,
    response={200: LedgerSummaryOut},
    operation_id="normdocs_ledger_summary",
    summary="台账统计：各阶段件数、现行有效件数、清理中废止和宣布失效件数",
)
def ledger_summary(request, year: Year | None = None):
    return selectors.ledger_summary(user=request.auth, year=year).__dict__


@router.post(
    "/documents/{document_id}/articles/{article_id}/comments",
    auth=None,
    response={201: CommentOut, 404: Problem, 409: Problem, 422: Problem, 429: Problem},
    operation_id="normdocs_comment_create",
    summary="公众对征求意见稿某一条提出意见（无需登录，按内容和来源地址限流）",
)
def comment_create(request, document_id: int, article_id: int, payload: CommentIn):
    try:
        document = selectors.public_draft_get(pk=document_id)
    except Http404:
        raise Http404("该文件未在公开征求意见") from None
    article = document.articles.filter(pk=article_id).first()
    if article is None:
        raise Http404("未找到该条文")
    try:
        comment = services.comment_submit(
            article=article,
            text=payload.text,
            author_name=payload.author_name,
            contact=payload.contact,
            ip=client_ip(request),
        )
    except services.Throttled as exc:
        raise ProblemError(429, exc.code, "提交过于频繁", exc.message) from None
    except Refused as exc:
        status = 422 if exc.code.startswith("comment_") and exc.code != "comment_closed" else 409
        raise ProblemError(status, exc.code, "意见未被接受", exc.message) from None
    return Status(
        201,
        {
            "id": comment.pk,
            "article": article.label,
            "submitted_at": comment.submitted_at.isoformat(),
            "message": "感谢您的意见，我们将认真研究。",
        },
    )
