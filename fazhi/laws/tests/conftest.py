"""A small fixed subset of the real corpus, imported once per test module (committed) and
removed again after the module, so no other app's tests see it; re-imported inside a test's
transaction if a transactional test flushed it."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

SHARED = Path(settings.FAZHI["SHARED_DATA_DIR"])
LAW_FILES = [
    "LawRefBook/社会法/劳动合同法(2012-12-28).md",
    "LawRefBook/行政法规/劳动合同法实施条例(2008-09-18).md",
    "LawRefBook/诉讼与非诉讼程序法/行政复议法(2017-09-01).md",
    "LawRefBook/诉讼与非诉讼程序法/行政复议法(2023-09-01).md",
    "LawRefBook/行政法规/法规规章备案条例(2001-12-14).md",
    "LawRefBook/行政法规/法规规章备案审查条例(2024-08-30).md",
    "LawRefBook/行政法规/劳动保障监察条例(2004-11-01).md",
    "LawRefBook/行政法规/工伤保险条例(2010-12-20).md",
    "LawRefBook/社会法/社会保险法(2018-12-29).md",
    "LawRefBook/行政法规/政府信息公开条例(2019-04-03).md",
]
POLICY_FILES = [
    "national-lvshu/工伤认定办法.md",
    "national-lvshu/人力资源社会保障部关于执行《工伤保险条例》若干问题的意见.md",
    "guangzhou-ai-zhengce-tong/18_广州就业见习基地管理办法_穗人社规字2019-6号.md",
    "guangzhou-ai-zhengce-tong/19_广州失业保险常见问题解答_2025-11版.md",
]

requires_data = pytest.mark.skipif(
    not (SHARED / "laws" / "manifest.csv").exists(), reason="shared data folder not present"
)


def subset_sources():
    from fazhi.laws.services import read_sources

    sources, _ = read_sources(SHARED)
    wanted = {f"laws/{p}" for p in LAW_FILES} | {f"policies/{p}" for p in POLICY_FILES}
    return [s for s in sources if s.source_path in wanted]


def _load():
    from fazhi.accounts.permissions import SYSTEM
    from fazhi.laws.models import LegalDocument
    from fazhi.laws.services import corpus_import

    sources = subset_sources()
    present = LegalDocument.objects.filter(source_path__in=[s.source_path for s in sources])
    if present.count() != len(sources):
        corpus_import(sources=sources, root=SHARED, actor=SYSTEM)


def _unload():
    """Remove the committed corpus and the audit events its import wrote (raw SQL: the audit
    table refuses deletes through the ORM, as it should everywhere but here)."""
    from django.db import connection, transaction

    from fazhi.core.audit_guard import audit_unlocked
    from fazhi.core.domain.audit_chain import GENESIS
    from fazhi.laws.models import Article, DocumentRelation, LegalDocument, SearchEntry, Work

    with transaction.atomic():
        for model in (DocumentRelation, SearchEntry, Article, LegalDocument, Work):
            model.objects.all().delete()
        with audit_unlocked(), connection.cursor() as cursor:  # lifts the append-only triggers
            cursor.execute("DELETE FROM core_auditevent")
            cursor.execute("UPDATE core_auditchainhead SET seq = 0, hash = %s", [GENESIS])


@pytest.fixture(scope="module")
def corpus_session(django_db_setup, django_db_blocker):
    if not (SHARED / "laws" / "manifest.csv").exists():
        pytest.skip("shared data folder not present")
    with django_db_blocker.unblock():
        _load()
    yield
    with django_db_blocker.unblock():
        _unload()


@pytest.fixture
def corpus(corpus_session, db):
    _load()  # no-op unless a transactional test flushed the tables
    from fazhi.laws.search.backends import index_changed

    index_changed()


def doc(title_part: str, year: str = ""):
    from fazhi.laws.models import LegalDocument

    qs = LegalDocument.objects.filter(title__contains=title_part, source_path__contains=year)
    return qs.order_by("source_path").first()
