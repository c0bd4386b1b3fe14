"""Linking versions of one work and the relations between documents, after an import.

Computed from the whole corpus each time and written only where it differs, so a second run
changes nothing and a run after a kill finishes the job.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from datetime import date

from django.db import transaction

from fazhi.accounts.permissions import LAWS_MAINTAIN, require
from fazhi.core.caching import bump
from fazhi.core.services import audit
from fazhi.laws.domain.sources import work_key
from fazhi.laws.domain.validity import next_versions
from fazhi.laws.hrss_core import REPLACEMENTS
from fazhi.laws.models import Article, DocumentRelation, LegalDocument, RelationKind, Work

AUTO_NOTE = "导入时自动识别"
_BASED_ON = re.compile(r"(?:根据|依据|依照)《([^《》]{2,60})》")
_CITED = re.compile(r"《([^《》]{2,60})》")


# Documents published by the platform itself (normdocs) carry this source prefix; their repeal
# dates come from cleanup campaigns, so re-linking the imported files must leave them alone.
PLATFORM_SOURCE_PREFIX = "normdocs/"


@transaction.atomic
def corpus_link(*, actor) -> int:
    """Set each version's ``valid_to`` and ``repealed_on`` and rebuild the automatic relations
    (修改 between consecutive versions, 废止 for known replacements, 依据 and 解读 found in the
    text). Returns the number of rows changed; audits ``laws.corpus.link`` when it is not 0."""
    require(actor, LAWS_MAINTAIN)  # the system (commands) or 法规处, 系统管理员
    docs = list(
        LegalDocument.objects.select_related("work").only(
            "id",
            "work__key",
            "effective_date",
            "valid_to",
            "repealed_on",
            "kind",
            "title",
            "source_path",
        )
    )
    by_work: dict[str, list[LegalDocument]] = defaultdict(list)
    for d in docs:
        by_work[d.work.key].append(d)

    changed = 0
    desired: set[tuple[int, int, str]] = set()
    for versions in by_work.values():
        ends = next_versions((d.id, d.effective_date) for d in versions)
        for d in versions:
            if d.valid_to != ends[d.id]:
                d.valid_to = ends[d.id]
                LegalDocument.objects.filter(pk=d.pk).update(valid_to=d.valid_to)
                changed += 1
        ordered = sorted(versions, key=_effective)
        for older, newer in itertools.pairwise(ordered):
            if older.effective_date != newer.effective_date:
                desired.add((newer.id, older.id, RelationKind.AMENDS))

    repealed: dict[int, object] = {}
    for new_title, old_title in REPLACEMENTS:
        new, old = (
            by_work.get(work_key("laws", new_title)),
            by_work.get(work_key("laws", old_title)),
        )
        if new and old:
            replacement = min(new, key=_effective)
            latest_old = max(old, key=_effective)
            repealed[latest_old.id] = replacement.effective_date
            desired.add((replacement.id, latest_old.id, RelationKind.REPEALS))
    for d in docs:
        if d.source_path.startswith(PLATFORM_SOURCE_PREFIX):
            continue  # repealed by a cleanup campaign on the platform, not by a newer file
        target = repealed.get(d.id)
        if d.repealed_on != target:
            LegalDocument.objects.filter(pk=d.pk).update(repealed_on=target)
            changed += 1

    desired |= _cited_relations(docs, by_work)
    changed += _sync_relations(desired)
    if changed:
        audit.record(
            actor=actor,
            action="laws.corpus.link",
            data={"changed": changed},
            actor_label="" if actor else "laws-import",
        )
    bump("laws")  # public pages show it: a new version on commit
    return changed


def _cited_relations(docs, by_work) -> set[tuple[int, int, str]]:
    """依据 from "根据《X》" in the opening articles; 解读 from any 《X》 in an interpretation."""
    # Imported works are keyed "<folder>:<title>"; platform-published ones ("normdocs/<pk>")
    # are not cited by title here.
    titles = {
        key.split(":", 1)[1]: key
        for key in Work.objects.values_list("key", flat=True)
        if ":" in key
    }
    kinds = {d.id: d for d in docs}
    relations: set[tuple[int, int, str]] = set()
    opening = Article.objects.filter(position__lte=3).values_list("document_id", "text")
    texts: dict[int, str] = defaultdict(str)
    for doc_id, text in opening:
        texts[doc_id] += text + "\n"
    for doc_id, text in texts.items():
        doc = kinds.get(doc_id)
        if doc is None:
            continue
        pattern = _CITED if doc.kind == "政策解读" else _BASED_ON
        kind = RelationKind.INTERPRETS if doc.kind == "政策解读" else RelationKind.BASED_ON
        for name in pattern.findall(doc.title + "\n" + text):
            key = titles.get(name.removeprefix("中华人民共和国").replace(" ", ""))
            if key is None or key == doc.work.key or not by_work.get(key):
                continue
            target = _version_on(by_work[key], doc.effective_date)
            if target is not None:
                relations.add((doc_id, target.id, kind))
    return relations


def _effective(document) -> date:
    return document.effective_date or date.min  # unknown dates sort first


def _version_on(versions, day):
    """The version in force on ``day`` (the latest one when the day is unknown)."""
    dated = sorted(versions, key=_effective)
    if day is None:
        return dated[-1] if dated else None
    earlier = [d for d in dated if d.effective_date is None or d.effective_date <= day]
    return earlier[-1] if earlier else dated[0]


def _sync_relations(desired: set[tuple[int, int, str]]) -> int:
    existing = {
        (r.source_id, r.target_id, r.kind): r.pk
        for r in DocumentRelation.objects.filter(note=AUTO_NOTE)
    }
    stale = [pk for key, pk in existing.items() if key not in desired]
    missing = [key for key in desired if key not in existing]
    DocumentRelation.objects.filter(pk__in=stale).delete()
    DocumentRelation.objects.bulk_create(
        [DocumentRelation(source_id=s, target_id=t, kind=k, note=AUTO_NOTE) for s, t, k in missing],
        ignore_conflicts=True,
    )
    return len(stale) + len(missing)
