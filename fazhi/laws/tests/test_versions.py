"""The law as it stood: the historical versions of the core statutes are versions of one work, the
version in force on a day answers (article_in_force), and the diff between versions works."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from fazhi.laws.hrss_core import HISTORICAL_VERSIONS
from fazhi.laws.models import LegalDocument, Work
from fazhi.laws.selectors import article_in_force, document_version_diff
from fazhi.laws.tests.conftest import SHARED, requires_data

pytestmark = [requires_data, pytest.mark.django_db]

CURRENT = (
    "LawRefBook/行政法/行政处罚法(2021-01-22).md",
    "LawRefBook/社会法/劳动合同法(2012-12-28).md",
    "LawRefBook/社会法/劳动法(2018-12-29).md",
    "LawRefBook/社会法/社会保险法(2018-12-29).md",
    "LawRefBook/诉讼与非诉讼程序法/行政复议法(2017-09-01).md",
    "LawRefBook/诉讼与非诉讼程序法/行政复议法(2023-09-01).md",
    "LawRefBook/诉讼与非诉讼程序法/行政诉讼法(2017-06-27).md",
    "LawRefBook/诉讼与非诉讼程序法/民事诉讼法(2021-12-24).md",
    "LawRefBook/诉讼与非诉讼程序法/民事诉讼法(2023-09-01).md",
    "LawRefBook/行政法/行政许可法(2019-04-23).md",
)
FILES = {f"laws/LawRefBook/{p}.md" for p in HISTORICAL_VERSIONS} | {f"laws/{p}" for p in CURRENT}

# (work, a day before its last amendment took effect, the year of the version then in force)
BEFORE_LAST_AMENDMENT = [
    ("行政处罚法", date(2021, 7, 14), "2017"),
    ("行政处罚法", date(2017, 12, 31), "2009"),
    ("行政处罚法", date(2009, 8, 26), "1996"),
    ("劳动合同法", date(2012, 6, 1), "2007"),
    ("劳动法", date(2018, 12, 28), "2009"),
    ("劳动法", date(2009, 8, 26), "1994"),
    ("社会保险法", date(2018, 12, 28), "2010"),
    ("行政复议法", date(2023, 12, 31), "2017"),
    ("行政复议法", date(2017, 12, 31), "2009"),
    ("行政复议法", date(2009, 8, 26), "1999"),
    ("行政诉讼法", date(2017, 6, 30), "2014"),
    ("行政诉讼法", date(2015, 4, 30), "1989"),
    ("民事诉讼法", date(2021, 12, 31), "2017"),
    ("行政许可法", date(2019, 4, 22), "2003"),
]


@pytest.fixture(scope="module")
def versions(django_db_setup, django_db_blocker):
    from fazhi.accounts.permissions import SYSTEM
    from fazhi.laws.services import corpus_import, read_sources
    from fazhi.laws.tests.conftest import _unload

    with django_db_blocker.unblock():
        sources, _ = read_sources(SHARED)
        corpus_import(
            sources=[s for s in sources if s.source_path in FILES], root=SHARED, actor=SYSTEM
        )
    yield
    with django_db_blocker.unblock():
        _unload()


def test_every_version_is_imported_into_one_work(versions):
    assert LegalDocument.objects.filter(source_path__in=FILES).count() == len(FILES)
    work = Work.objects.get(key="laws:行政处罚法")
    years = sorted(d.source_path[-14:-10] for d in work.versions.all())
    assert years == ["1996", "2009", "2017", "2021"]


@pytest.mark.parametrize(("work", "day", "year"), BEFORE_LAST_AMENDMENT)
def test_a_day_before_an_amendment_answers_from_the_older_text(versions, work, day, year):
    article = article_in_force(work_key=f"laws:{work}", article_number=1, on=day)
    assert article is not None
    assert f"{work}({year}-" in article.document.source_path
    later = article_in_force(work_key=f"laws:{work}", article_number=1, on=date(2025, 1, 1))
    assert later.document_id != article.document_id


def test_labour_contract_law_2012_reads_the_2007_text(versions):
    # 劳动合同法 第五十七条: 劳务派遣单位的注册资本 50 万元 (2007) → 200 万元 (2012 amendment, in
    # force 2013-07-01).
    old = article_in_force(
        work_key="laws:劳动合同法", article_number="第五十七条", on=date(2012, 6, 1)
    )
    new = article_in_force(
        work_key="中华人民共和国劳动合同法", article_number=57, on=date(2013, 7, 1)
    )
    assert "五十万元" in old.text
    assert "二百万元" in new.text
    assert (
        article_in_force(work_key="laws:劳动合同法", article_number=57, on=date(2007, 1, 1)) is None
    )


@pytest.mark.parametrize(
    "work",
    [
        "行政处罚法",
        "劳动合同法",
        "劳动法",
        "社会保险法",
        "行政复议法",
        "行政诉讼法",
        "民事诉讼法",
        "行政许可法",
    ],
)
def test_the_diff_between_consecutive_versions_shows_the_amendment(versions, work):
    docs = list(LegalDocument.objects.filter(work__key=f"laws:{work}").order_by("effective_date"))
    assert len(docs) >= 2
    for old, new in itertools.pairwise(docs):
        assert old.valid_to == new.effective_date
        diff = document_version_diff(old=old, new=new)
        assert diff.modified, f"{old.source_path} → {new.source_path}: no change found"
