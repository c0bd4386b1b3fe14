"""Importing the legal corpus from the shared data folders (idempotent, resumable)."""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from fazhi.accounts.permissions import LAWS_MAINTAIN, require
from fazhi.core.caching import bump
from fazhi.core.domain.errors import Refused
from fazhi.core.services import audit
from fazhi.laws.domain.docnum import canonical
from fazhi.laws.domain.parse import ParseError, decode, parse_lawrefbook, parse_policy
from fazhi.laws.domain.sources import ImportSource, file_date, from_law_row, from_policy_row
from fazhi.laws.hrss_core import HRSS_CORE_FILES
from fazhi.laws.models import Article, LegalDocument, Work
from fazhi.laws.search.indexing import index_document, optimise_index

CREATED, UPDATED, UNCHANGED, SKIPPED = "created", "updated", "unchanged", "skipped"


@dataclass
class ImportSummary:
    counts: dict[str, int] = field(
        default_factory=lambda: {CREATED: 0, UPDATED: 0, UNCHANGED: 0, SKIPPED: 0}
    )
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source path, reason)
    articles: int = 0
    linked: int = 0

    @property
    def changed(self) -> int:
        return self.counts[CREATED] + self.counts[UPDATED] + self.linked


def read_sources(root: Path, *, only_hrss: bool = False) -> tuple[list[ImportSource], list[str]]:
    """Import sources under ``root`` and the problems found reading manifests.

    ``root`` is the shared data folder (with laws/ and policies/) or one of those folders.
    """
    folders = [root / "laws", root / "policies"] if not (root / "manifest.csv").exists() else [root]
    sources: list[ImportSource] = []
    problems: list[str] = []
    for folder in folders:
        manifest = folder / "manifest.csv"
        if not manifest.exists():
            problems.append(f"{folder}：缺少 manifest.csv")
            continue
        with manifest.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        is_policy = rows and "doc_number" in rows[0]
        for row in rows:
            source = from_policy_row(row) if is_policy else from_law_row(row)
            if only_hrss and not is_policy and source.relative_path not in HRSS_CORE_FILES:
                continue
            sources.append(source)
    return sources, problems


def _content_hash(raw: bytes, source: ImportSource) -> str:
    return hashlib.sha256(raw + source.row_hash.encode()).hexdigest()


@transaction.atomic
def document_import(*, source: ImportSource, root: Path, actor) -> tuple[str, str]:
    """Create or replace one document with its articles and search rows.

    Returns (outcome, reason). An unchanged file (same bytes, same manifest row) writes nothing;
    a changed one replaces its articles and index rows and is audited as
    ``laws.document.import``. A file that cannot be parsed is skipped with the reason, and any
    earlier import of it stays as it was.
    """
    require(actor, LAWS_MAINTAIN)  # the system (commands) or 法规处, 系统管理员
    path = root / source.collection / source.relative_path
    if not path.is_file():
        return SKIPPED, "文件不存在"
    raw = path.read_bytes()
    digest = _content_hash(raw, source)
    existing = LegalDocument.objects.filter(source_path=source.source_path).first()
    if existing and existing.content_hash == digest:
        return UNCHANGED, ""
    try:
        text = decode(raw)
        parsed = parse_policy(text) if source.layout == "policy" else parse_lawrefbook(text)
    except ParseError as exc:
        return SKIPPED, str(exc)

    work, _ = Work.objects.get_or_create(
        key=source.work_key, defaults={"title": source.title or parsed.title}
    )
    doc_number = source.doc_number or parsed.doc_number
    fields = {
        "work": work,
        "kind": source.kind,
        "title": source.title or parsed.title,
        "issuing_body": source.issuing_body,
        "doc_number": doc_number,
        "doc_number_key": canonical(doc_number) or "",
        "publish_date": source.publish_date or parsed.publish_date,
        # The manifest's date first; then the header's …施行 line; then the date in the name.
        "effective_date": source.effective_date
        or parsed.effective_date
        or source.publish_date
        or parsed.publish_date
        or file_date(source.relative_path),
        "is_marked_expired": source.marked_expired,
        "region": source.region,
        "category": source.category,
        "url": source.url,
        "history": list(parsed.history),
        "content_hash": digest,
    }
    document, created = LegalDocument.objects.update_or_create(
        source_path=source.source_path, defaults=fields
    )
    if not created:
        document.articles.all().delete()  # cascades to the search rows
    Article.objects.bulk_create(
        [
            Article(
                document=document,
                position=a.position,
                number=a.number,
                suffix=a.suffix,
                label=a.label,
                headings=list(a.headings),
                clauses=list(a.clauses),
                text=a.text,
            )
            for a in parsed.articles
        ],
        batch_size=500,
    )
    count = index_document(document)
    audit.record(
        actor=actor,
        action="laws.document.import",
        target=document,
        data={
            "source_path": source.source_path,
            "content_hash": digest,
            "articles": count,
            "created": created,
        },
        actor_label="" if actor else "laws-import",
    )
    bump("laws")  # public pages show it: a new version on commit
    return (CREATED if created else UPDATED), ""


def corpus_import(
    *,
    sources: Iterable[ImportSource],
    root: Path,
    actor,
    on_file: Callable[[ImportSource, str], None] | None = None,
) -> ImportSummary:
    """Import every source, each in its own transaction, then relink versions and relations.

    A run that is killed keeps what it committed; the next run skips the unchanged files and
    finishes. When anything changed, the search index is optimised (statistics refreshed). ``on_file`` is called after each file (progress bars).
    """
    require(actor, LAWS_MAINTAIN)  # the system (commands) or 法规处, 系统管理员
    from fazhi.laws.services.linking import corpus_link

    summary = ImportSummary()
    for source in sources:
        outcome, reason = document_import(source=source, root=root, actor=actor)
        summary.counts[outcome] += 1
        if outcome == SKIPPED:
            summary.skipped.append((source.source_path, reason))
        if on_file:
            on_file(source, outcome)
    summary.linked = corpus_link(actor=actor)
    summary.articles = Article.objects.count()
    if summary.changed:
        optimise_index()
    bump("laws")  # public pages show it: a new version on commit
    return summary


def sources_under(
    paths: Iterable[Path], *, only_hrss: bool = False, limit: int | None = None
) -> tuple[list[tuple[Path, ImportSource]], list[str]]:
    """(base folder, source) of every file to import under ``paths`` (the shared data folder or
    its laws / policies folders), and the problems found. Refuses a folder that does not exist."""
    sources: list[tuple[Path, ImportSource]] = []
    problems: list[str] = []
    for root in paths:
        if not root.is_dir():
            raise Refused(f"目录不存在：{root}", code="laws_import_no_folder")
        found, found_problems = read_sources(root, only_hrss=only_hrss)
        problems += found_problems
        if limit is not None:
            found = found[: max(limit, 0)]
        base = root if not (root / "manifest.csv").exists() else root.parent
        sources += [(base, source) for source in found]
    return sources, problems


def corpus_import_all(
    *,
    sources: list[tuple[Path, ImportSource]],
    actor,
    on_file: Callable[[ImportSource, str], None] | None = None,
) -> ImportSummary:
    """:func:`corpus_import` per data folder (relinking at the end of each folder's batch), the
    summaries added up."""
    require(actor, LAWS_MAINTAIN)
    total = ImportSummary()
    for base in dict.fromkeys(b for b, _ in sources):
        part = corpus_import(
            sources=[s for b, s in sources if b == base], root=base, actor=actor, on_file=on_file
        )
        for key, value in part.counts.items():
            total.counts[key] += value
        total.skipped += part.skipped
        total.linked += part.linked
        total.articles = part.articles
    return total
