"""The gate on supervision's write services (see fazhi.accounts.testing.gate)."""

from datetime import date

import pytest

from fazhi.accounts.testing.gate import check_gate
from fazhi.enforcement.tests.conftest import filed_case
from fazhi.supervision.services import warnings_scan

pytestmark = pytest.mark.django_db


def test_warnings_scan(world, supervisors):
    filed_case(world)
    run = check_gate(
        lambda a: warnings_scan(today=date(2019, 12, 20), actor=a),
        responsible=supervisors["legal"],
        outsiders=[world["users"]["a"], supervisors["district"]],
    )
    assert run.opened == 1


def test_review_services(world, supervisors):
    from datetime import timedelta

    from django.utils import timezone

    from fazhi.supervision import services as s
    from fazhi.supervision.domain.scoring import DEFAULT_SHEET
    from fazhi.supervision.tests.test_review import SEED, decided

    legal, officer = supervisors["legal"], world["users"]["a"]
    check_gate(
        lambda a: s.review_sheet_set(year=2019, data=DEFAULT_SHEET, actor=a),
        responsible=legal,
        outsiders=[officer, supervisors["head"]],
    )
    decided(world, n=2)
    reviewers = [legal, supervisors["district"], world["users"]["reviewer"]]
    campaign = check_gate(
        lambda a: s.review_campaign_create(
            year=2019, title="评查", case_year=2019, share="1", reviewers=reviewers, actor=a
        ),
        responsible=legal,
        outsiders=[officer],
    )
    check_gate(
        lambda a: s.review_campaign_draw(campaign=campaign, seed=SEED, actor=a),
        responsible=legal,
        outsiders=[officer],
        obj=campaign,
    )
    f = campaign.files.first()
    reviewer = f.reviewers.order_by("username").first()
    not_assigned = next(u for u in reviewers if not f.reviewers.filter(pk=u.pk).exists())
    check_gate(
        lambda a: s.review_score_item(file=f, item_code="L1", deducted=1, note="缺住所", actor=a),
        responsible=reviewer,
        outsiders=[officer, not_assigned],
        obj=f,
    )
    check_gate(
        lambda a: s.review_veto(file=f, codes=[], actor=a),
        responsible=reviewer,
        outsiders=[officer, not_assigned],
        obj=f,
    )
    check_gate(
        lambda a: s.review_file_submit(file=f, actor=a),
        responsible=reviewer,
        outsiders=[officer, not_assigned],
        obj=f,
    )
    check_gate(
        lambda a: s.review_rectification_create(
            file=f, problem="补签笔录", due_on=timezone.localdate() + timedelta(days=10), actor=a
        ),
        responsible=legal,
        outsiders=[officer, reviewer if reviewer != legal else officer],
    )
    for rf in campaign.files.exclude(pk=f.pk):
        s.review_file_submit(file=rf, actor=rf.reviewers.order_by("username").first())
    check_gate(
        lambda a: s.review_campaign_close(campaign=campaign, actor=a),
        responsible=legal,
        outsiders=[officer],
        obj=campaign,
    )
