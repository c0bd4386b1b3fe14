"""The demo holds the seed's part 七 from records, drafts 下一年度安排 from the 2020 plan, and is
idempotent."""

from __future__ import annotations

import pytest

from fazhi.core.selectors.figures import compute
from fazhi.decisions.tests.test_demo import _ctx
from fazhi.planning import demo, selectors
from fazhi.planning.models import DutyRecord, Plan, Scheme, Statement

pytestmark = pytest.mark.django_db


def test_demo_gives_the_seed_figures_and_is_idempotent():
    ctx = _ctx()
    demo.load(ctx)
    demo.load(ctx)
    assert Plan.objects.count() == 2 and DutyRecord.objects.count() == len(demo.DUTIES)
    # seed 八(二): 局级领导干部开展集体学习2次，处级领导干部开展集体学习4次
    assert compute("planning.study_sessions_bureau", 2019).value == 2
    assert compute("planning.study_sessions_division", 2019).value == 4
    statement = Statement.objects.get()
    assert statement.status == "reviewed" and statement.items.count() == 4
    assert statement.items.get(seq=1).figure["display"] == "2次"
    scheme = Scheme.objects.get()
    result = selectors.assessment(scheme=scheme, org_unit=ctx.units["bureau"])
    reviewed = [r for r in result["rows"] if "评审打分：" in r["source"]]
    assert len(reviewed) == len(demo.REVIEWER_SCORES)
    # seed 十: the 2020 plan's six items become the report's 下一年度安排
    lines = selectors.next_year_lines(year=2020)
    assert len(lines) == 6 and "第一责任人" in lines[0].content


def test_the_reports_next_year_section_is_drafted_from_the_next_years_plan():
    from fazhi.reports.services import report_draft

    ctx = _ctx()
    demo.load(ctx)
    report = report_draft(year=2019, layout="seed", actor=ctx.users["fagui"])
    section = next(s for s in report.sections if s["key"] == "next_year")
    assert section["paragraphs"][0] == "2020年，重点做好六个方面工作："
    assert section["paragraphs"][1].startswith("（一）深入落实法治建设第一责任人职责")
    assert len(section["paragraphs"]) == 7
    assert report.figures["planning.study_sessions_division"]["value"] == "4"
