"""The warning page and the case-file check on the enforcement case page."""

from datetime import date

import pytest
from django.urls import reverse

from fazhi.enforcement.tests.conftest import filed_case
from fazhi.supervision.models import Warning
from fazhi.supervision.services import warnings_scan

pytestmark = pytest.mark.django_db


def test_warning_page_lists_links_and_advice_by_scope(client, world, supervisors):
    case = filed_case(world)
    warnings_scan(today=date(2019, 12, 20))
    client.force_login(supervisors["legal"])
    page = client.get(reverse("supervision:warnings")).content.decode()
    assert "未在法定期限内作出处理决定" in page
    assert reverse("enforcement:case_detail", args=[case.pk]) in page
    assert "尽快作出决定" in page and "立即核查" in page
    client.force_login(supervisors["district"])
    page = client.get(reverse("supervision:warnings")).content.decode()
    assert case.reference not in page and "立即核查" not in page


def test_scan_button_refuses_an_officer(client, world):
    filed_case(world)
    client.force_login(world["users"]["a"])
    client.post(reverse("supervision:scan"))
    assert Warning.objects.count() == 0


def test_case_page_shows_what_the_file_lacks(client, world):
    case = filed_case(world)
    client.force_login(world["users"]["a"])
    page = client.get(reverse("enforcement:case_detail", args=[case.pk])).content.decode()
    assert "案卷检查" in page and "询问笔录" in page
    assert "立案审批" not in page.split("案卷检查")[1].split("</section>")[0]


def test_a_campaign_end_to_end_through_the_pages(client, world, supervisors):
    from fazhi.supervision.models import Campaign, ReviewFile
    from fazhi.supervision.tests.test_review import decided

    decided(world, n=2)
    legal = supervisors["legal"]
    client.force_login(legal)
    assert "新建评查活动" in client.get(reverse("supervision:campaigns")).content.decode()
    reviewers = [legal, supervisors["district"], world["users"]["reviewer"]]
    client.post(
        reverse("supervision:campaign_create"),
        {
            "title": "2019年度评查",
            "year": "2019",
            "case_year": "2019",
            "share": "1",
            "reviewers": [u.pk for u in reviewers],
        },
    )
    campaign = Campaign.objects.get()
    client.post(reverse("supervision:campaign_action", args=[campaign.pk, "draw"]))
    f = ReviewFile.objects.filter(campaign=campaign).first()
    assert f is not None
    reviewer = f.reviewers.order_by("username").first()
    client.force_login(reviewer)
    page = client.get(reverse("supervision:file", args=[f.pk])).content.decode()
    assert "当事人基本情况" in page and "否决项" in page
    url = reverse("supervision:file_action", args=[f.pk, "score"])
    client.post(url, {"item": "L1", "deducted": "9", "note": "x"})  # outside the item's points
    f.refresh_from_db()
    assert f.score is None
    client.post(url, {"item": "L1", "deducted": "2", "note": "未载明住所"})
    client.post(reverse("supervision:file_action", args=[f.pk, "submit"]))
    f.refresh_from_db()
    assert f.score == 98 and f.submitted_at
    client.force_login(legal)
    page = client.get(reverse("supervision:campaign", args=[campaign.pk])).content.decode()
    assert "98" in page and "当事人基本情况" in page
    doc = client.get(reverse("supervision:campaign_report", args=[campaign.pk]))
    assert doc.status_code == 200 and doc.content[:2] == b"PK"


def test_yearbook_counts_by_hand_and_opens_the_records(client, world, supervisors):
    from decimal import Decimal
    from io import BytesIO

    from openpyxl import load_workbook

    from fazhi.enforcement.models import Case

    a, b, c = (filed_case(world, party_name=f"公司{i}") for i in range(3))
    Case.objects.filter(pk=a.pk).update(
        decided_on=date(2019, 5, 1), fine=Decimal("45000"), outcome="penalty"
    )
    Case.objects.filter(pk=b.pk).update(
        decided_on=date(2019, 6, 1),
        fine=Decimal("5000"),
        measures=["confiscation"],
        outcome="penalty",
    )
    Case.objects.filter(pk=c.pk).update(
        decided_on=date(2020, 1, 2), fine=Decimal("1000"), outcome="penalty"
    )
    client.force_login(supervisors["legal"])
    page = client.get(reverse("supervision:yearbook"), {"year": 2019}).content.decode()
    assert 'data-testid="n-fine">1<' in page and 'data-testid="n-confiscation">1<' in page
    assert 'data-testid="n-total">2<' in page and "5.0000" in page
    page = client.get(
        reverse("supervision:yearbook"), {"year": 2019, "show": "confiscation"}
    ).content.decode()
    assert b.reference in page and a.reference not in page.split("记录")[-1]
    xlsx = client.get(reverse("supervision:yearbook"), {"year": 2019, "format": "xlsx"})
    wb = load_workbook(BytesIO(xlsx.content))
    assert next(iter(wb["行政处罚"].iter_rows(min_row=3, values_only=True)))[-2:] == (2, 5.0)
    assert {r[2] for r in wb["明细"].iter_rows(min_row=2, values_only=True)} >= {
        a.reference,
        b.reference,
    }
    client.force_login(world["users"]["a"])
    assert client.get(reverse("supervision:yearbook")).status_code == 403


def test_dashboard_tables_and_drill_down(client, world, supervisors):
    from fazhi.enforcement.models import Case

    case = filed_case(world)
    Case.objects.filter(pk=case.pk).update(decided_on=date(2019, 4, 1))
    warnings_scan(today=date(2019, 12, 20))
    client.force_login(supervisors["head"])
    page = client.get(reverse("supervision:dashboard"), {"year": 2019}).content.decode()
    assert "echarts.min.js" in page and 'id="dashboard-data"' in page and "<script>" not in page
    assert "2019年各月立案与作出决定" in page and "执法人员持证率" in page
    drill = reverse("supervision:dashboard_cases")
    assert f"{drill}?year=2019&amp;month=3" in page
    listing = client.get(drill, {"year": 2019, "month": 3}).content.decode()
    assert case.reference in listing
    assert case.reference not in client.get(drill, {"year": 2019, "month": 5}).content.decode()
    client.force_login(world["users"]["a"])
    assert client.get(reverse("supervision:dashboard")).status_code == 403


def test_dispute_charts_per_unit_and_year_with_their_records(client, supervisors, org_tree):
    from fazhi.supervision.tests.disputes_rows import seed

    seed(org_tree)
    client.force_login(supervisors["head"])
    charts = {
        c["id"]: c
        for c in client.get(reverse("supervision:dashboard"), {"year": 2019}).context["charts"]
    }
    correction = {r[0]: r[1:] for r in charts["correction"]["rows"]}
    district, zhidui = org_tree["district"].name, org_tree["zhidui"].name
    assert correction[district] == [66.7, 2, 3, 4]
    assert correction[zhidui] == [0.0, 0, 1, 1]
    assert correction["合计"] == [50.0, 2, 4, 5]
    loss = {r[0]: r[1:] for r in charts["litigation"]["rows"]}
    assert loss[district] == [50.0, 1, 2, 2] and loss[zhidui] == ["—", 0, 0, 1]
    assert charts["correction"]["plot"] == 1
    page = client.get(reverse("supervision:dashboard"), {"year": 2019}).content.decode()
    assert "2019年行政复议纠错率（按单位）" in page and "2019年行政诉讼败诉率（按单位）" in page
    # the unit filter keeps the unit's own rows
    only = client.get(
        reverse("supervision:dashboard"), {"year": 2019, "unit": org_tree["zhidui"].pk}
    ).context["charts"]
    rows = {c["id"]: c["rows"] for c in only}
    assert [r[0] for r in rows["correction"]] == [zhidui, "合计"]
    # drill-down: the records behind a row
    link = charts["correction"]["links"][
        [r[0] for r in charts["correction"]["rows"]].index(district)
    ]
    listing = client.get(link).content.decode()
    assert "津人社复〔2019〕1号" in listing and "（纠错）" in listing
    assert "津人社复〔2019〕5号" not in listing and "津人社复〔2019〕6号" not in listing
    link = charts["litigation"]["links"][0]
    assert "（2019）津0101行初1号" in client.get(link).content.decode()
    # 2018 has only the one revoked decision
    c2018 = {
        c["id"]: c
        for c in client.get(reverse("supervision:dashboard"), {"year": 2018}).context["charts"]
    }
    assert c2018["correction"]["rows"][-1] == ["合计", 100.0, 1, 1, 1]
    client.force_login(supervisors["district"])
    assert client.get(link).status_code == 403
