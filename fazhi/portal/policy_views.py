"""人社政策一点通 on the public portal: search, document, version diff, article link.

Views only: every read goes through ``fazhi.laws.selectors`` (published records only); bad input
is answered with a Chinese message and status 400, never a 500.
"""

from __future__ import annotations

from datetime import date
from urllib.parse import quote, urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from fazhi.core import documents as docx
from fazhi.core import pdf
from fazhi.core.caching import memo
from fazhi.laws import selectors
from fazhi.laws.domain.diff import ChangeKind, segments_html
from fazhi.laws.models import DocumentKind
from fazhi.laws.search import SearchError, SearchFilters
from fazhi.laws.search import query as q
from fazhi.portal import presentation as p

PAGE_SIZE = 10
SEARCH_FIELDS = ("q", "kind", "issuing_body", "status", "in_force_on", "date_from", "date_to")
EXAMPLES = ("工伤认定申请时限", "未签书面劳动合同二倍工资", "失业保险金", "行政复议期限")
CHANGE_LABELS = {
    ChangeKind.ADDED: "新增",
    ChangeKind.REMOVED: "删除",
    ChangeKind.CHANGED: "修改",
    ChangeKind.RENUMBERED: "序号调整",
}


def document_url(
    document_id: int, *, as_of: date | None = None, anchor: str = "", pattern: str = ""
) -> str:
    """``pattern``: ``reverse(..., args=[0])`` computed once for a page of links (reverse costs
    ~0.1 ms a call, ten per search page)."""
    if pattern:
        head, _, tail = pattern.rpartition("/0/")
        url = f"{head}/{document_id}/{tail}"
    else:
        url = reverse("portal:policy_document", args=[document_id])
    if as_of:
        url += "?" + urlencode({"as_of": as_of.isoformat()})
    return url + (f"#{anchor}" if anchor else "")


def _page_number(value: str) -> int:
    if not value:
        return 1
    if not value.isdigit() or int(value) < 1:
        raise q.UnknownFilterValue("页码必须是正整数")
    return int(value)


def policy_search(request: HttpRequest) -> HttpResponse:
    values = {f: request.GET.get(f, "").strip() for f in SEARCH_FIELDS}
    context: dict = {
        "values": values,
        "kinds": DocumentKind.choices,
        "statuses": p.STATUS_FILTER_CHOICES,
        "bodies": memo("laws", "issuing_bodies", selectors.issuing_body_public_choices, request),
        "examples": EXAMPLES,
        "submitted": "q" in request.GET,
        "has_more_filters": bool(values["date_from"] or values["date_to"]),
    }
    if not context["submitted"]:
        return render(request, "portal/policy_search.html", context)
    try:
        filters = SearchFilters(
            kind=q.parse_kind(values["kind"]),
            issuing_body=values["issuing_body"] or None,
            status=q.parse_status(values["status"]),
            date_from=q.parse_date(values["date_from"], "公布日期起"),
            date_to=q.parse_date(values["date_to"], "公布日期止"),
        )
        as_of = q.parse_date(values["in_force_on"], "有效日期")
        number = _page_number(request.GET.get("page", "").strip())
        result = selectors.policy_public_search(
            values["q"], filters=filters, as_of=as_of, page=number, page_size=PAGE_SIZE
        )
    except SearchError as exc:
        context["error"] = str(exc)
        return render(request, "portal/policy_search.html", context, status=400)
    if result.total and not result.hits:
        context["error"] = f"没有第 {number} 页：共 {result.pages} 页结果。"
        return render(request, "portal/policy_search.html", context, status=400)
    anchors = selectors.article_public_anchors(article_ids=[h.article_id for h in result.hits])
    context["result"] = result
    context["start"] = (result.page - 1) * result.page_size + 1
    pattern = reverse("portal:policy_document", args=[0])
    context["hits"] = [
        {
            "hit": h,
            "badge": p.badge(h.status),
            "url": document_url(
                h.document_id,
                as_of=as_of,
                anchor=anchors.get(h.article_id, ""),
                pattern=pattern,
            ),
        }
        for h in result.hits
    ]
    base = {k: v for k, v in values.items() if v}
    context["pages"] = [
        (n, "?" + urlencode({**base, "page": n}) if n else "")
        for n in p.page_window(result.page, result.pages)
    ]
    context["prev_url"] = "?" + urlencode({**base, "page": result.page - 1})
    context["next_url"] = "?" + urlencode({**base, "page": result.page + 1})
    return render(request, "portal/policy_search.html", context)


def policy_document(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document_public_get(document_id=pk)
    today = timezone.localdate()
    raw = request.GET.get("as_of", "").strip()
    context: dict = {"document": document, "as_of_value": raw, "today": today}
    day, status_code = today, 200
    try:
        day = q.parse_date(raw, "查看日期") or today
    except SearchError as exc:
        context["as_of_error"], status_code = str(exc), 400
    if raw and status_code == 200:
        in_force = selectors.document_version_on(document=document, day=day)
        if in_force is not None and in_force.pk != document.pk:
            return redirect(document_url(in_force.pk, as_of=day))
        if in_force is None:
            context["no_version_note"] = (
                f"{p.cn_date(day)}没有现行有效的版本。下面显示的是所选文件，"
                f"它在该日的状态为“{p.badge(document.status_on(day)).label}”。"
            )
    status = document.status_on(day)
    versions = selectors.document_versions(document=document)
    current = selectors.document_version_on(document=document, day=today)
    relations = selectors.document_relations(document=document)
    replaced_by = [r.source for d, r in relations if d == "in" and r.kind == "废止"]
    toc, items = p.outline(selectors.document_public_articles(document=document))
    previous = selectors.document_previous_version(document=document)
    context.update(
        day=day,
        is_today=day == today,
        status=status,
        badge=p.badge(status),
        note=p.status_note(status, day, today),
        current=current if current and current.pk != document.pk else None,
        replaced_by=replaced_by,
        toc=toc,
        items=items,
        articles_html=p.articles_html(items),
        relation_groups=p.group_relations(relations),
        versions=[
            {"version": v, "badge": p.badge(v.status_on(today)), "is_this": v.pk == document.pk}
            for v in versions
        ],
        diff_from=previous.pk if previous else document.pk,
        diff_to=document.pk if previous else _next_version_id(versions, document),
    )
    return render(request, "portal/policy_document.html", context, status=status_code)


def _next_version_id(versions: list, document) -> int:
    ids = [v.pk for v in versions]
    index = ids.index(document.pk) if document.pk in ids else -1
    return ids[index + 1] if 0 <= index < len(ids) - 1 else document.pk


def policy_diff(request: HttpRequest, pk: int) -> HttpResponse:
    document = selectors.document_public_get(document_id=pk)
    raw_from, raw_to = request.GET.get("from", "").strip(), request.GET.get("to", "").strip()
    context: dict = {"document": document}
    if not all(v.isdigit() for v in (raw_from, raw_to) if v):
        context["error"] = "请选择要对比的两个版本"
        return render(request, "portal/policy_diff.html", context, status=400)
    new = (
        selectors.document_version_public_get(document=document, version_id=int(raw_to))
        if raw_to
        else document
    )
    old = (
        selectors.document_version_public_get(document=document, version_id=int(raw_from))
        if raw_from
        else selectors.document_previous_version(document=new)
    )
    if old is None:
        context["error"] = "该文件没有更早的版本，无可对比。"
        return render(request, "portal/policy_diff.html", context, status=400)
    diff = selectors.document_version_diff(old=old, new=new)
    today = timezone.localdate()
    counts = diff.counts()
    context.update(
        old=old,
        new=new,
        old_badge=p.badge(old.status_on(today)),
        new_badge=p.badge(new.status_on(today)),
        counts=[(CHANGE_LABELS[k], counts[k.value]) for k in CHANGE_LABELS],
        unchanged=counts[ChangeKind.UNCHANGED.value],
        versions=selectors.document_versions(document=document),
        changes=[
            {
                "kind": c.kind.value,
                "label": CHANGE_LABELS[c.kind],
                "old": c.old,
                "new": c.new,
                "html": segments_html(c.segments) if c.old and c.new else "",
            }
            for c in diff.modified
        ],
    )
    return render(request, "portal/policy_diff.html", context)


def policy_article(request: HttpRequest, pk: int) -> HttpResponse:
    article = selectors.article_public_get(article_id=pk)
    anchor = selectors.article_public_anchors(article_ids=[article.pk])[article.pk]
    return redirect(document_url(article.document_id, anchor=anchor))


def _document_blocks(document) -> list[tuple[str, str]]:
    """The document as printed: the title, its facts, the structure headings and each article
    with its clauses — one walk shared by the Word and PDF downloads."""
    _toc, items = p.outline(selectors.document_public_articles(document=document))
    blocks: list[tuple[str, str]] = [("title", document.title)]
    facts = [document.issuing_body or "", document.doc_number or ""]
    if document.effective_date:
        facts.append(f"{docx.chinese_date(document.effective_date)}施行")
    if any(facts):
        blocks.append(("facts", "　".join(f for f in facts if f)))
    for item in items:
        blocks.extend(("heading", h.title) for h in item.headings)
        article = item.article
        clauses = list(article.clauses)  # type: ignore[attr-defined]
        label = article.label or ""  # type: ignore[attr-defined]
        for i, clause in enumerate(clauses or [""]):
            blocks.append(("body", f"{label}　{clause}" if i == 0 and label else clause))
    return blocks


def _attachment(content: bytes, kind: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return response


def policy_document_word(request: HttpRequest, pk: int) -> HttpResponse:
    """The document as a .docx on the GB/T 9704 page (the template
    ``fazhi/portal/docx/policy_document.docx``)."""
    document = selectors.document_public_get(document_id=pk)
    blocks = [{"kind": kind, "text": text} for kind, text in _document_blocks(document)]
    return _attachment(
        docx.render("portal/policy_document", {"blocks": blocks}),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        f"{document.title[:60]}.docx",
    )


def policy_document_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The same document as a PDF on the same page (``fazhi.core.pdf``)."""
    document = selectors.document_public_get(document_id=pk)
    content = pdf.render(_document_blocks(document), title=document.title)
    return _attachment(content, "application/pdf", f"{document.title[:60]}.pdf")
