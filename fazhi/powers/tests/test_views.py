"""Staff and public pages: filters, 零执法 badge, change log and diff, no personal data,
who may change items."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from fazhi.accounts.permissions import SYSTEM
from fazhi.core.models import AuditEvent
from fazhi.powers.models import PowerItem
from fazhi.powers.services import power_item_revise, power_items_flag_changed_law
from fazhi.powers.tests.conftest import amend, create_item, make_case

pytestmark = pytest.mark.django_db


def _case(item, n: int, filed_on: date):
    make_case(item, f"津人社监〔{filed_on.year}〕{n}号", filed_on)


@pytest.fixture
def items(people, corpus):
    used = create_item(people)
    idle = create_item(
        people,
        code="CF-JC-30",
        name="无理抗拒、阻挠劳动保障监察的处罚",
        legal_basis_text="《劳动保障监察条例》第三十条",
    )
    licence = create_item(
        people,
        code="XK-LWPQ",
        kind="licensing",
        name="劳务派遣经营许可",
        org_unit=people["units"]["division"],
        legal_basis_text="《中华人民共和国劳动合同法》第五十七条",
    )
    year = timezone.localdate().year
    _case(used, 1, date(year, 3, 1))
    _case(used, 2, date(year, 4, 1))
    _case(idle, 3, date(year - 1, 4, 1))  # last year: does not count this year
    power_item_revise(
        item=used,
        reason="机构改革：实施主体调整",
        effective_from=date(2019, 6, 1),
        actor=people["legal"],
        org_unit=people["units"]["zhidui"],
    )
    return {"used": used, "idle": idle, "licence": licence}


def test_public_list_filters_and_counts_per_kind(client, items):
    # when
    page = client.get(reverse("powers_public:item_list")).content.decode()
    # then
    assert "克扣或者无故拖欠劳动者工资报酬等的处理" in page and "劳务派遣经营许可" in page
    assert '行政处罚 <span class="muted">2</span>' in page
    assert '行政许可 <span class="muted">1</span>' in page
    filtered = client.get(
        reverse("powers_public:item_list"), {"kind": "licensing"}
    ).content.decode()
    assert "劳务派遣经营许可" in filtered and "无理抗拒" not in filtered
    by_word = client.get(reverse("powers_public:item_list"), {"q": "阻挠"}).content.decode()
    assert "无理抗拒" in by_word and "劳务派遣" not in by_word
    by_unit = client.get(
        reverse("powers_public:item_list"), {"unit": items["licence"].org_unit_id}
    ).content.decode()
    assert "劳务派遣经营许可" in by_unit and "无理抗拒" not in by_unit


def test_public_list_shows_usage_and_zero_enforcement(client, items):
    year = timezone.localdate().year
    page = client.get(reverse("powers_public:item_list")).content.decode()
    assert f"{year}年立案 2 件" in page
    assert page.count('<span class="badge zero">零执法</span>') == 2  # idle and licence
    last_year = client.get(reverse("powers_public:item_list"), {"year": year - 1}).content.decode()
    assert f"{year - 1}年立案 1 件" in last_year


def test_public_item_page_shows_basis_log_and_no_personal_data(client, items, people):
    # when
    page = client.get(reverse("powers_public:item_detail", args=["CF-JC-26"])).content.decode()
    # then
    article_id = items["used"].versions.get(number=2).bases.order_by("position")[0].article_id
    assert reverse("portal:policy_article", args=[article_id]) in page
    assert "《中华人民共和国劳动合同法》第八十五条" in page and "法规库暂未收录全文" in page
    assert "机构改革：实施主体调整" in page and "第2版" in page and "第1版" in page
    assert "监察一支队" in page
    for person in ("legal", "clerk", "sysadmin"):
        assert person not in page  # staff who edited are not shown to the public
    idle = client.get(reverse("powers_public:item_detail", args=["CF-JC-30"])).content.decode()
    assert "零执法" in idle


def test_public_diff_between_versions(client, items):
    url = reverse("powers_public:item_diff", args=["CF-JC-26"])
    page = client.get(url, {"from": 1, "to": 2}).content.decode()
    assert "实施主体（责任单位）" in page and "<ins>" in page and "<del>" in page
    assert client.get(url, {"from": 1, "to": 9}).status_code == 404
    assert client.get(reverse("powers_public:item_detail", args=["NOPE"])).status_code == 404


def test_staff_list_review_filter_and_usage(client, items, people, corpus):
    # given
    flagged = create_item(people, code="CF-SF-2", legal_basis_text="《示范条例》第二条")
    amend(corpus)
    power_items_flag_changed_law(actor=SYSTEM, on=date(2025, 1, 1))
    client.force_login(people["officer"])
    # when
    page = client.get(
        reverse("powers:item_list"), {"review": "1", "status": "all"}
    ).content.decode()
    # then
    assert flagged.name in page and "无理抗拒" not in page and "待复核" in page
    everything = client.get(reverse("powers:item_list")).content.decode()
    assert "零执法" in everything and "新增事项" not in everything  # an officer cannot edit


def test_staff_revise_form_creates_a_version(client, items, people):
    item = items["idle"]
    client.force_login(people["clerk"])
    url = reverse("powers:item_revise", args=[item.pk])
    assert client.get(url).status_code == 200
    data = {
        "kind": "penalty",
        "name": "阻挠劳动保障监察的处罚",
        "org_unit": item.org_unit_id,
        "legal_basis_text": "《劳动保障监察条例》第三十条",
        "process": "",
        "time_limit_text": "",
        "remedy": "",
        "accountability": "",
        "effective_from": "2019-07-01",
        "reason": "名称规范",
        "expected_version": 1,
    }
    response = client.post(url, data)
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.version_count == 2 and item.name == "阻挠劳动保障监察的处罚"
    # the same form again (stale version): refused, nothing written
    events = AuditEvent.objects.count()
    page = client.post(url, {**data, "name": "别的名称"}, follow=True).content.decode()
    assert "已被他人修改" in page and AuditEvent.objects.count() == events


def test_staff_create_and_deactivate(client, people, corpus):
    client.force_login(people["legal"])
    response = client.post(
        reverse("powers:item_create"),
        {
            "code": "CF-TG-06",
            "kind": "penalty",
            "name": "使用童工的处罚",
            "org_unit": people["units"]["zongdui"].pk,
            "legal_basis_text": "《禁止使用童工规定》第六条",
            "effective_from": "2019-01-01",
            "reason": "列入权责清单",
        },
    )
    item = PowerItem.objects.get(code="CF-TG-06")
    assert response.status_code == 302
    client.post(
        reverse("powers:item_deactivate", args=[item.pk]),
        {"expected_version": 1, "effective_from": "2019-03-01", "reason": "职责划出"},
    )
    item.refresh_from_db()
    assert not item.is_active and item.version_count == 2


def test_other_units_clerk_cannot_edit(client, items, people):
    client.force_login(people["other_clerk"])
    item = items["idle"]
    assert client.get(reverse("powers:item_revise", args=[item.pk])).status_code == 403
    page = client.get(reverse("powers:item_detail", args=[item.pk])).content.decode()
    assert "修订事项" not in page
    client.post(
        reverse("powers:item_deactivate", args=[item.pk]),
        {"expected_version": 1, "effective_from": "2019-03-01", "reason": "x"},
    )
    assert PowerItem.objects.get(pk=item.pk).is_active


def test_clear_review_from_the_item_page(client, people, corpus):
    item = create_item(people, code="CF-SF-2", legal_basis_text="《示范条例》第二条")
    amend(corpus)
    power_items_flag_changed_law(actor=SYSTEM, on=date(2025, 1, 1))
    client.force_login(people["legal"])
    page = client.get(reverse("powers:item_detail", args=[item.pk])).content.decode()
    assert "已修改该条" in page and "解除待复核" in page
    client.post(reverse("powers:item_clear_review", args=[item.pk]), {"note": "不影响"})
    assert not PowerItem.objects.get(pk=item.pk).needs_review


def test_staff_pages_need_login(client, items):
    response = client.get(reverse("powers:item_list"))
    assert response.status_code == 302 and "login" in response["Location"]
