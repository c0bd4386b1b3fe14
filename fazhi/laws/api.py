"""Public JSON API of 人社政策一点通: search, documents and articles (published records only)."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from fazhi.core.api.problems import ErrorCode, Problem, ProblemError
from fazhi.laws import selectors
from fazhi.laws.schemas import LawArticleOut, LawDocumentOut, SearchPageOut, VersionDiffOut
from fazhi.laws.search import SearchError, SearchFilters, search
from fazhi.laws.search import query as q

router = Router(tags=["policies"])


class SearchParams(Schema):
    q: str = ""
    kind: str = ""
    status: str = ""
    issuing_body: str = ""
    in_force_on: str = ""
    date_from: str = ""
    date_to: str = ""
    page: int = 1
    page_size: int = 20


def _problem(exc: SearchError) -> ProblemError:
    code = ErrorCode(exc.code)
    title = "检索词不合法" if code is ErrorCode.INVALID_QUERY else "筛选条件不合法"
    return ProblemError(400, code, title, str(exc))


@router.get(
    "/search",
    response={200: SearchPageOut, 400: Problem},
    operation_id="policies_search",
    summary="检索法律法规和政策（条文级，含高亮摘要）",
    auth=None,
)
def policies_search(request: HttpRequest, params: Query[SearchParams]):
    try:
        filters = SearchFilters(
            kind=q.parse_kind(params.kind),
            issuing_body=params.issuing_body.strip() or None,
            status=q.parse_status(params.status),
            date_from=q.parse_date(params.date_from, "起始日期"),
            date_to=q.parse_date(params.date_to, "截止日期"),
        )
        as_of = q.parse_date(params.in_force_on, "有效日期")
        page = search(
            params.q, filters=filters, as_of=as_of, page=params.page, page_size=params.page_size
        )
    except SearchError as exc:
        raise _problem(exc) from exc
    return {**vars(page), "pages": page.pages, "hits": [vars(h) for h in page.hits]}


def _document(document_id: int):
    try:
        return selectors.document_public_get(document_id=document_id)
    except Http404 as exc:
        raise ProblemError(404, ErrorCode.NOT_FOUND, "未找到", str(exc)) from exc


def _day(value: str, label: str):
    try:
        return q.parse_date(value, label) or timezone.localdate()
    except SearchError as exc:
        raise _problem(exc) from exc


def _version(v, day) -> dict:
    return {
        "id": v.id,
        "title": v.title,
        "doc_number": v.doc_number,
        "publish_date": v.publish_date,
        "effective_date": v.effective_date,
        "valid_to": v.valid_to,
        "status": v.status_on(day),
    }


@router.get(
    "/documents/{document_id}",
    response={200: LawDocumentOut, 400: Problem, 404: Problem},
    operation_id="policies_document_get",
    summary="查看文件：条文、效力状态、关联文件和历史版本",
    auth=None,
)
def policies_document_get(request: HttpRequest, document_id: int, as_of: str = ""):
    day = _day(as_of, "查询日期")
    document = _document(document_id)
    relations = [
        {
            "kind": r.kind,
            "direction": direction,
            "document_id": r.target_id if direction == "out" else r.source_id,
            "document_title": r.target.title if direction == "out" else r.source.title,
        }
        for direction, r in selectors.document_relations(document=document)
    ]
    in_force = selectors.document_version_on(document=document, day=day)
    return {
        **{f: getattr(document, f) for f in LawDocumentOut.model_fields if hasattr(document, f)},
        "status": document.status_on(day),
        "as_of": day,
        "in_force_version_id": in_force.id if in_force else None,
        "articles": selectors.document_public_articles(document=document),
        "relations": relations,
        "versions": [_version(v, day) for v in selectors.document_versions(document=document)],
    }


class LawDiffParams(Schema):
    from_id: int | None = Field(None, alias="from", description="旧版本的文件 id；默认为上一版本")
    to_id: int | None = Field(None, alias="to", description="新版本的文件 id；默认为本文件")


@router.get(
    "/documents/{document_id}/diff",
    response={200: VersionDiffOut, 400: Problem, 404: Problem},
    operation_id="policies_document_diff",
    summary="新旧版本条文对照：新增、删除、修改的条文及逐字差异",
    auth=None,
)
def policies_document_diff(request: HttpRequest, document_id: int, params: Query[LawDiffParams]):
    document = _document(document_id)
    try:
        new = (
            selectors.document_version_public_get(document=document, version_id=params.to_id)
            if params.to_id
            else document
        )
        old = (
            selectors.document_version_public_get(document=document, version_id=params.from_id)
            if params.from_id
            else selectors.document_previous_version(document=new)
        )
    except Http404 as exc:
        raise ProblemError(404, ErrorCode.NOT_FOUND, "未找到", str(exc)) from exc
    if old is None:
        raise ProblemError(400, ErrorCode.INVALID_INPUT, "无可对比的版本", "该文件没有更早的版本")
    diff = selectors.document_version_diff(old=old, new=new)
    today = timezone.localdate()
    return {
        "from_version": _version(old, today),
        "to_version": _version(new, today),
        "counts": diff.counts(),
        "changes": [
            {
                "kind": c.kind.value,
                "old_article_id": int(c.old.key) if c.old else None,
                "old_label": c.old.label if c.old else None,
                "new_article_id": int(c.new.key) if c.new else None,
                "new_label": c.new.label if c.new else None,
                "segments": [vars(s) for s in c.segments] if c.old and c.new else [],
                "old_text": c.old.text if c.old else None,
                "new_text": c.new.text if c.new else None,
            }
            for c in diff.modified
        ],
    }


@router.get(
    "/articles/{article_id}",
    response={200: LawArticleOut, 400: Problem, 404: Problem},
    operation_id="policies_article_get",
    summary="查看单条条文（含所在文件在指定日期的效力状态）",
    auth=None,
)
def policies_article_get(request: HttpRequest, article_id: int, as_of: str = ""):
    day = _day(as_of, "查询日期")
    try:
        article = selectors.article_public_get(article_id=article_id)
    except Http404 as exc:
        raise ProblemError(404, ErrorCode.NOT_FOUND, "未找到", str(exc)) from exc
    document = article.document
    return {
        "id": article.id,
        "document_id": article.document_id,
        "document_title": document.title,
        "kind": document.kind,
        "issuing_body": document.issuing_body,
        "doc_number": document.doc_number,
        "position": article.position,
        "number": article.number,
        "suffix": article.suffix,
        "label": article.label,
        "anchor": selectors.article_public_anchors(article_ids=[article.id])[article.id],
        "headings": article.headings,
        "clauses": article.clauses,
        "text": article.text,
        "status": document.status_on(day),
        "as_of": day,
    }
