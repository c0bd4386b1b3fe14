from __future__ import annotations

import shutil
from datetime import date

import pytest

from fazhi.accounts.permissions import SYSTEM
from fazhi.core.models import AuditEvent
from fazhi.laws.domain.validity import Status
from fazhi.laws.models import Article, DocumentRelation, LegalDocument, RelationKind, SearchEntry
from fazhi.laws.services import corpus_import, read_sources
from fazhi.laws.tests.conftest import LAW_FILES, SHARED, doc, subset_sources


def test_second_run_changes_nothing(corpus):
    # given the subset already imported
    events = AuditEvent.objects.count()
    articles = list(Article.objects.order_by("id").values_list("id", flat=True))
    # when
    summary = corpus_import(sources=subset_sources(), root=SHARED, actor=SYSTEM)
    # then
    assert summary.counts["unchanged"] == len(subset_sources())
    assert summary.changed == 0
    assert AuditEvent.objects.count() == events
    assert list(Article.objects.order_by("id").values_list("id", flat=True)) == articles


def test_a_killed_run_resumes(corpus):
    # given an empty corpus and a run that dies after three files
    LegalDocument.objects.all().delete()
    sources = subset_sources()

    class Killed(Exception):
        pass

    def die_after_three(source, outcome):
        if LegalDocument.objects.count() == 3:
            raise Killed

    with pytest.raises(Killed):
        corpus_import(sources=sources, root=SHARED, actor=SYSTEM, on_file=die_after_three)
    assert LegalDocument.objects.count() == 3
    # when it runs again
    summary = corpus_import(sources=sources, root=SHARED, actor=SYSTEM)
    # then the three are skipped quickly and the rest are imported and indexed
    assert summary.counts["unchanged"] == 3
    assert summary.counts["created"] == len(sources) - 3
    assert SearchEntry.objects.count() == Article.objects.count()


def test_versions_are_linked(corpus):
    old, new = doc("行政复议法", "2017"), doc("行政复议法", "2023")
    assert old.work_id == new.work_id
    assert old.valid_to == new.effective_date == date(2024, 1, 1)
    assert old.status_on(date(2020, 6, 1)) is Status.IN_FORCE
    assert old.status_on(date(2025, 1, 1)) is Status.AMENDED
    assert DocumentRelation.objects.filter(
        source=new, target=old, kind=RelationKind.AMENDS
    ).exists()


def test_replaced_regulation_is_repealed(corpus):
    old, new = doc("法规规章备案条例"), doc("法规规章备案审查条例")
    assert old.repealed_on == new.effective_date
    assert old.status_on(date(2025, 1, 1)) is Status.REPEALED
    assert DocumentRelation.objects.filter(
        source=new, target=old, kind=RelationKind.REPEALS
    ).exists()


def test_basis_found_in_text(corpus):
    rules = doc("工伤认定办法")
    basis = DocumentRelation.objects.get(source=rules, kind=RelationKind.BASED_ON)
    assert basis.target.title == "工伤保险条例"


def test_sql_status_matches_python_status(corpus):
    for day in (date(2001, 1, 1), date(2020, 6, 1), date(2024, 12, 1), date(2030, 1, 1)):
        for status in Status:
            in_sql = set(
                LegalDocument.objects.with_status(status, day).values_list("id", flat=True)
            )
            in_python = {d.id for d in LegalDocument.objects.all() if d.status_on(day) is status}
            assert in_sql == in_python, (day, status)


def test_bad_files_are_skipped_with_a_reason(db, tmp_path):
    # given a copy of one law plus a GBK file and a file without the INFO END line
    laws = tmp_path / "laws"
    good = LAW_FILES[0]
    (laws / "LawRefBook/社会法").mkdir(parents=True)
    shutil.copy(SHARED / "laws" / good, laws / good)
    (laws / "gbk.md").write_bytes("# 某条例\n\n<!-- INFO END -->\n\n第一条 内容".encode("gbk"))
    (laws / "broken.md").write_text("# 某条例\n\n第一条 内容", encoding="utf-8")
    header = "file,title,type,issuing_body,effective_date,publish_date,superseded_in_source,category,bytes\n"
    rows = [f"{good},中华人民共和国劳动合同法,法律,全国人大常委会,2013-07-01,2012-12-28,0,社会法,1"]
    rows += [
        f"{name},某条例,行政法规,国务院,,,0,x,1" for name in ("gbk.md", "broken.md", "missing.md")
    ]
    (laws / "manifest.csv").write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    # when
    sources, problems = read_sources(tmp_path)
    summary = corpus_import(sources=sources, root=tmp_path, actor=SYSTEM)
    # then
    reasons = dict(summary.skipped)
    assert summary.counts["created"] + summary.counts["updated"] == 1
    assert "UTF-8" in reasons["laws/gbk.md"]
    assert "INFO END" in reasons["laws/broken.md"]
    assert reasons["laws/missing.md"] == "文件不存在"
    assert problems == [f"{tmp_path / 'policies'}：缺少 manifest.csv"]
