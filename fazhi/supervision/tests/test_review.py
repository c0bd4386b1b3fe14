"""案卷评查 end to end: the verifiable draw with 回避, item-by-item scoring, grade, 整改."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from fazhi.accounts.testing.gate import assert_refused
from fazhi.enforcement.models import Case
from fazhi.enforcement.tests.conftest import filed_case
from fazhi.inspections.domain import draw as draw_rules
from fazhi.supervision import services as s
from fazhi.supervision.domain import scoring
from fazhi.supervision.models import Deduction, ReviewFile

pytestmark = pytest.mark.django_db
SEED = bytes(range(32))


def decided(world, n=3):
    cases = []
    for i in range(n):
        case = filed_case(world, party_name=f"天津某公司{i}")
        Case.objects.filter(pk=case.pk).update(
            decided_on=date(2019, 4, 1 + i), fine=Decimal("5000"), status="closed"
        )
        cases.append(case)
    return cases


@pytest.fixture
def campaign(world, supervisors):
    decided(world)
    reviewers = [
        supervisors["legal"],
        supervisors["district"],
        world["users"]["reviewer"],
        world["users"]["a"],  # of the cases' own unit: 回避
    ]
    c = s.review_campaign_create(
        year=2019,
        title="2019年度行政执法案卷评查",
        case_year=2019,
        share="1",
        reviewers=reviewers,
        actor=supervisors["legal"],
    )
    return s.review_campaign_draw(campaign=c, actor=supervisors["legal"], seed=SEED)


def test_the_draw_is_verifiable_and_never_gives_a_reviewer_their_own_units_case(campaign, world):
    files = list(campaign.files.all())
    assert len(files) == 3
    for f in files:
        names = set(f.reviewers.values_list("username", flat=True))
        assert len(names) == 2 and world["users"]["a"].username not in names
    again = draw_rules.draw(
        draw_rules.parse(campaign.frozen_list.encode()), bytes.fromhex(campaign.seed_hex)
    )
    assert again.digest() == campaign.result_digest
    assert draw_rules.sha256_hex(campaign.frozen_list.encode()) == campaign.list_digest


def _file_and_reviewer(campaign):
    f = campaign.files.first()
    return f, f.reviewers.order_by("username").first()


def test_scoring_item_by_item_with_notes_gives_score_and_grade(campaign):
    f, reviewer = _file_and_reviewer(campaign)
    s.review_score_item(
        file=f, item_code="L1", deducted="2", note="未载明当事人住所", actor=reviewer
    )
    s.review_score_item(file=f, item_code="C6", deducted=4, note="无集体讨论记录", actor=reviewer)
    f.refresh_from_db()
    assert (f.score, f.grade) == (Decimal("94.0"), scoring.EXCELLENT)
    s.review_score_item(file=f, item_code="C6", deducted=0, actor=reviewer)  # corrected
    f.refresh_from_db()
    assert f.score == Decimal("98.0") and Deduction.objects.filter(file=f).count() == 1
    s.review_veto(file=f, codes=["V3"], note="适用法条错误", actor=reviewer)
    f = s.review_file_submit(file=f, actor=reviewer)
    assert f.grade == scoring.FAIL and f.submitted_at


def test_bad_scores_are_refused_and_write_nothing(campaign, world, supervisors):
    f, reviewer = _file_and_reviewer(campaign)
    for deducted, note in (("4", "超过满分"), ("-1", "负数"), ("abc", "x"), ("1", "")):
        assert_refused(
            lambda a, d=deducted, n=note: s.review_score_item(
                file=f, item_code="L1", deducted=d, note=n, actor=a
            ),
            reviewer,
            obj=f,
        )
    assert_refused(
        lambda a: s.review_score_item(file=f, item_code="NOPE", deducted=0, actor=a), reviewer
    )
    # 回避: a reviewer of the case's own unit is refused even if named
    own = world["users"]["a"]
    f.reviewers.add(own)
    assert_refused(
        lambda a: s.review_score_item(file=f, item_code="L1", deducted=1, note="x", actor=a), own
    )
    # not assigned
    others = set(campaign.reviewers.all()) - set(f.reviewers.all()) - {own}
    outsider = others.pop()
    assert_refused(
        lambda a: s.review_score_item(file=f, item_code="L1", deducted=1, note="x", actor=a),
        outsider,
    )


def test_a_sheet_that_does_not_add_up_is_refused_and_a_year_can_have_its_own(supervisors):
    legal = supervisors["legal"]
    bad = {**scoring.DEFAULT_SHEET, "sections": scoring.DEFAULT_SHEET["sections"][:2]}
    assert_refused(lambda a: s.review_sheet_set(year=2020, data=bad, actor=a), legal)
    sheet = dict(scoring.DEFAULT_SHEET, grades={"excellent": 95, "pass": 70})
    assert s.review_sheet_set(year=2020, data=sheet, actor=legal).data["grades"]["excellent"] == 95


def test_rectification_and_close(campaign, supervisors):
    legal = supervisors["legal"]
    f, _reviewer = _file_and_reviewer(campaign)
    assert_refused(lambda a: s.review_campaign_close(campaign=campaign, actor=a), legal)
    for rf in ReviewFile.objects.filter(campaign=campaign):
        s.review_file_submit(file=rf, actor=rf.reviewers.order_by("username").first())
    task = s.review_rectification_create(
        file=f,
        problem="询问笔录无被询问人签名",
        due_on=timezone.localdate() + timedelta(days=30),
        actor=legal,
    )
    assert task.org_unit == f.org_unit
    assert_refused(
        lambda a: s.review_rectification_create(
            file=f, problem="x", due_on=date(2019, 1, 1), actor=a
        ),
        legal,
    )
    assert s.review_campaign_close(campaign=campaign, actor=legal).status == "closed"


def test_the_campaign_report_holds_the_draw_the_problems_and_the_tasks(campaign, supervisors):
    """The 通报 from fazhi/supervision/docx/campaign_report.docx, filled from the campaign."""
    import io

    from docx import Document

    from fazhi.core.documents import chinese_date
    from fazhi.supervision.documents import campaign_report_docx

    f, reviewer = _file_and_reviewer(campaign)
    s.review_score_item(file=f, item_code="C6", deducted=4, note="无集体讨论", actor=reviewer)
    due = timezone.localdate() + timedelta(days=30)
    s.review_rectification_create(
        file=f, problem="询问笔录无被询问人签名", due_on=due, actor=supervisors["legal"]
    )
    content = campaign_report_docx(campaign)
    text = "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)
    files = ReviewFile.objects.filter(campaign=campaign).count()
    assert "关于2019年度行政执法案卷评查情况的通报" in text
    assert f"共抽取案卷{files}卷" in text and campaign.seed_digest[:16] in text
    assert f"1卷扣分（{f.case.reference}）" in text and "本次评查未发现扣分问题" not in text
    assert f"询问笔录无被询问人签名，于{chinese_date(due)}前整改完毕并书面报告。" in text
