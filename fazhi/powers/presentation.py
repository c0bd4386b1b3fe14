"""What the staff and public pages show of an item: rows with usage, the change log, the basis
with its links into 人社政策一点通. Shared by ``views`` and ``public_views``; reads only."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date

from django.urls import reverse

from fazhi.powers import selectors
from fazhi.powers.domain.usage import is_zero_enforcement, usage_label
from fazhi.powers.domain.versions import FieldChange
from fazhi.powers.models import PowerItem, PowerItemBasis, PowerItemVersion


@dataclass
class ItemRow:
    item: PowerItem
    count: int
    zero: bool
    usage: str


def rows_with_usage(items, *, year: int) -> list[ItemRow]:
    items = list(items)
    counts = selectors.power_item_usage(year=year, item_ids=[i.pk for i in items])
    return [
        ItemRow(
            item=i,
            count=counts.get(i.pk, 0),
            zero=is_zero_enforcement(counts.get(i.pk, 0), is_active=i.is_active),
            usage=usage_label(counts.get(i.pk, 0), is_active=i.is_active),
        )
        for i in items
    ]


@dataclass
class BasisLink:
    citation: str
    url: str  # "" when the corpus does not hold the text
    document_title: str = ""
    status: str = ""


def basis_links(bases: list[PowerItemBasis], *, on: date) -> list[BasisLink]:
    links = []
    for b in bases:
        doc = b.document if b.document is not None and b.document.is_published else None
        if doc is None:
            links.append(BasisLink(b.citation, ""))
        elif b.article_id:
            url = reverse("portal:policy_article", args=[b.article_id])
            links.append(BasisLink(b.citation, url, doc.title, doc.status_on(on).value))
        else:
            url = reverse("portal:policy_document", args=[doc.pk])
            links.append(BasisLink(b.citation, url, doc.title, doc.status_on(on).value))
    return links


@dataclass
class LogEntry:
    version: PowerItemVersion
    changes: list[FieldChange] = field(default_factory=list)

    @property
    def changed_labels(self) -> str:
        return "、".join(c.label for c in self.changes)


def change_log(versions: list[PowerItemVersion]) -> list[LogEntry]:
    """Newest first; each entry with what changed from the version before it."""
    ordered = sorted(versions, key=lambda v: v.number)
    entries = [LogEntry(ordered[0])] if ordered else []
    for old, new in itertools.pairwise(ordered):
        entries.append(LogEntry(new, selectors.power_item_version_diff(old=old, new=new)))
    return entries[::-1]


def int_param(value: str | None, default: int | None = None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 10 else default


def year_param(value: str | None, default: int) -> int:
    year = int_param(value, default)
    return year if year and 1990 <= year <= 2100 else default
