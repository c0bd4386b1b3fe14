"""Display-ready values for the 人社政策一点通 pages: status badges, relation headings, the table
of contents and the article outline, pagination. No queries here: views pass selector results in."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.template.defaultfilters import linebreaksbr
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from fazhi.laws.domain.validity import Status


@dataclass(frozen=True)
class Badge:
    label: str  # the text shown: never colour alone
    css: str
    is_current: bool


BADGES: dict[Status, Badge] = {
    Status.IN_FORCE: Badge("现行有效", "status-in-force", True),
    Status.AMENDED: Badge("已被修改", "status-amended", False),
    Status.REPEALED: Badge("已废止", "status-repealed", False),
    Status.EXPIRED: Badge("已失效", "status-expired", False),
    Status.NOT_YET_IN_FORCE: Badge("尚未生效", "status-not-yet", False),
}

# filter values are the search interface's status values; labels are what people read
STATUS_FILTER_CHOICES: list[tuple[str, str]] = [("", "全部状态")] + [
    (status.value, badge.label) for status, badge in BADGES.items()
]


def badge(status: Status | str) -> Badge:
    return BADGES[Status(status)]


def status_note(status: Status, day: date, today: date) -> str:
    """One sentence saying what the status means for the reader, on the day looked at."""
    when = "现在" if day == today else cn_date(day)
    return {
        Status.IN_FORCE: f"本文件{when}现行有效。",
        Status.AMENDED: f"本文件{when}已被新版本修改，以下为旧版本条文，不再适用。",
        Status.REPEALED: f"本文件{when}已废止，以下条文不再适用，仅供查阅。",
        Status.EXPIRED: f"本文件{when}已失效，以下条文不再适用，仅供查阅。",
        Status.NOT_YET_IN_FORCE: f"本文件{when}尚未生效，施行日期以后才适用。",
    }[status]


def cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


# (relation kind, direction) → heading on the document page; "out": this document → other
RELATION_HEADINGS: dict[tuple[str, str], str] = {
    ("解读", "in"): "政策解读",
    ("解读", "out"): "本解读针对的文件",
    ("依据", "out"): "制定依据",
    ("依据", "in"): "依据本文件制定的文件",
    ("废止", "in"): "废止本文件的文件",
    ("废止", "out"): "本文件废止的文件",
    ("修改", "in"): "修改本文件的新版本",
    ("修改", "out"): "本文件修改的旧版本",
}


@dataclass
class RelationGroup:
    heading: str
    items: list[tuple[int, str, date | None]] = field(default_factory=list)  # id, title, 施行


def group_relations(relations: Iterable[tuple[str, object]]) -> list[RelationGroup]:
    """Relations from ``selectors.document_relations`` grouped under their headings, in order."""
    groups = {key: RelationGroup(heading) for key, heading in RELATION_HEADINGS.items()}
    for direction, r in relations:
        other = r.target if direction == "out" else r.source  # type: ignore[attr-defined]
        group = groups.get((r.kind, direction))  # type: ignore[attr-defined]
        item = (other.pk, other.title, other.effective_date)
        if group is not None and item not in group.items:
            group.items.append(item)
    return [g for g in groups.values() if g.items]


@dataclass
class TocNode:
    title: str
    anchor: str
    children: list[TocNode] = field(default_factory=list)


@dataclass(frozen=True)
class OutlineHeading:
    title: str
    anchor: str
    tag: str  # h3 … h5


@dataclass(frozen=True)
class OutlineItem:
    headings: tuple[OutlineHeading, ...]  # structure headings that open before this article
    article: object
    tag: str  # heading level of the article's own label


def outline(articles: Sequence[object]) -> tuple[list[TocNode], list[OutlineItem]]:
    """Table of contents by 编/章/节 and the articles with the headings that open before each.

    ``article.headings`` is the path of structure headings (("第四章 …", "第一节 …")).
    """
    toc: list[TocNode] = []
    items: list[OutlineItem] = []
    path: tuple[str, ...] = ()
    stack: list[TocNode] = []
    count = 0
    for article in articles:
        new_path = tuple(article.headings or ())  # type: ignore[attr-defined]
        common = 0
        while common < min(len(path), len(new_path)) and path[common] == new_path[common]:
            common += 1
        del stack[common:]
        opened = []
        for depth in range(common, len(new_path)):
            count += 1
            node = TocNode(new_path[depth], f"sec-{count}")
            (stack[-1].children if stack else toc).append(node)
            stack.append(node)
            opened.append(OutlineHeading(node.title, node.anchor, f"h{min(depth + 3, 5)}"))
        path = new_path
        items.append(OutlineItem(tuple(opened), article, f"h{min(len(new_path) + 3, 6)}"))
    return toc, items


def articles_html(items: Sequence[OutlineItem]) -> SafeString:
    """The articles of a document page as one HTML string: the structure headings that open before
    each article, its label and its clauses (escaped; line breaks kept).

    A long statute has hundreds of articles: built here in one pass it costs a few milliseconds,
    where the same markup through template tags cost most of the page's ~100 ms (issue 25).
    """
    parts: list[str] = []
    for item in items:
        article = item.article
        parts.append("\n        ")
        for h in item.headings:
            parts.append(
                f'<{h.tag} id="{escape(h.anchor)}" class="structure-heading" tabindex="-1">'
                f"{escape(h.title)}</{h.tag}>"
            )
        anchor = escape(article.anchor)  # type: ignore[attr-defined]
        label = escape(article.label) if article.label else f"第 {article.position} 段"  # type: ignore[attr-defined]
        clauses = "".join(
            f"<p>{linebreaksbr(c, autoescape=True)}</p>"
            for c in article.clauses  # type: ignore[attr-defined]
        )
        parts.append(
            f'\n        <article class="law-article" id="{anchor}" tabindex="-1"'
            f' aria-labelledby="{anchor}-label">\n'
            f'          <{item.tag} class="article-label" id="{anchor}-label">{label}</{item.tag}>\n'
            f"          {clauses}\n"
            f"        </article>\n      "
        )
    return mark_safe("".join(parts))


def page_window(page: int, pages: int, width: int = 2) -> list[int | None]:
    """Page numbers to link, with None for a gap: 1 … 4 5 [6] 7 8 … 20."""
    shown = sorted({1, pages, *range(max(1, page - width), min(pages, page + width) + 1)})
    result: list[int | None] = []
    for number in shown:
        if result and number - (result[-1] or 0) > 1:
            result.append(None)
        result.append(number)
    return result
