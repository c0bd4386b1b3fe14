"""THE CONTRACT other apps rely on (enforcement, inspections)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import override_settings

from fazhi.core.domain.errors import Refused
from fazhi.officers import selectors
from fazhi.officers.services import certificates as cards
from fazhi.officers.services import training
from fazhi.officers.tests.conftest import make_officer

pytestmark = pytest.mark.django_db
DAY = date(2019, 6, 1)


def test_officer_for_user(staff, pair):
    assert selectors.officer_for_user(staff["officer_user"]) == pair[0]
    assert selectors.officer_for_user(staff["manager"]) is None

    class Anonymous:
        is_authenticated = False
        pk = None

    assert selectors.officer_for_user(Anonymous()) is None


def test_valid_certificate_follows_history(staff, pair):
    officer = pair[0]
    card = officer.certificates.get()
    assert selectors.valid_certificate(officer=officer, on=DAY) == card
    assert selectors.valid_certificate(officer=officer, on=date(2019, 1, 9)) is None
    cards.certificate_suspend(
        certificate=card, on=date(2019, 7, 1), reason="调查", actor=staff["manager"]
    )
    # an act in June is judged by the June card
    assert selectors.valid_certificate(officer=officer, on=DAY) == card
    assert selectors.valid_certificate(officer=officer, on=date(2019, 7, 1)) is None


def test_two_officers_with_cards_may_act(pair):
    selectors.check_officers_can_act(officers=pair, on=DAY)


@pytest.mark.parametrize("_case", ["one", "same twice", "none"])
def test_fewer_than_two_officers_are_refused(pair, _case):
    officers = {"one": [pair[0]], "same twice": [pair[0], pair[0]], "none": []}[_case]
    with pytest.raises(Refused) as exc:
        selectors.check_officers_can_act(officers=officers, on=DAY)
    assert exc.value.message.startswith("执法人员不足两名")
    # DAY is in 2019: the 2017 text's article, not the 2021 第四十二条 (issue 17.4)
    assert exc.value.basis == (
        "《中华人民共和国行政处罚法》（2017年修正）第三十七条第一款；《劳动保障监察条例》第十六条"
    )


def test_officers_without_usable_cards_are_named_with_the_reason(staff, pair):
    expired = make_officer(staff, "赵振华", number="1200001600003", issued_on=date(2016, 1, 1))
    suspended = make_officer(staff, "孙秀英", number="1200001900004")
    cards.certificate_suspend(
        certificate=suspended.certificates.get(),
        on=date(2019, 3, 1),
        reason="调查",
        actor=staff["manager"],
    )
    unreviewed = make_officer(staff, "周明亮", number="1200001800005", issued_on=date(2018, 1, 5))
    nocard = make_officer(staff, "吴玉兰")
    with pytest.raises(Refused) as exc:
        selectors.check_officers_can_act(
            officers=[pair[0], expired, suspended, unreviewed, nocard], on=DAY
        )
    message = exc.value.message
    assert "赵振华（已过期）" in message and "孙秀英（暂扣）" in message
    assert "周明亮（未年审）" in message and "吴玉兰（无执法证）" in message
    assert "张建国" not in message
    assert exc.value.basis == "《中华人民共和国行政处罚法》（2017年修正）第三十七条第一款"
    revoked = make_officer(staff, "钱宏伟", number="1200001900006")
    cards.certificate_revoke(
        certificate=revoked.certificates.get(),
        on=date(2019, 5, 1),
        reason="违纪",
        actor=staff["manager"],
    )
    with pytest.raises(Refused, match="钱宏伟（注销）"):
        selectors.check_officers_can_act(officers=[pair[0], revoked], on=DAY)


def test_usable_officers_by_unit_and_day(staff, pair):
    district = make_officer(staff, "王和平", unit="district_team", number="1200001900010")
    assert set(selectors.usable_officers(on=DAY)) == {*pair, district}
    assert set(selectors.usable_officers(on=DAY, org_unit=staff["units"]["zongdui"])) == set(pair)
    assert list(selectors.usable_officers(on=DAY, org_unit=staff["units"]["district"])) == [
        district
    ]
    assert not selectors.usable_officers(on=date(2019, 1, 1)).exists()


def test_sql_and_domain_agree_day_by_day(staff, pair):
    officer = pair[0]
    card = officer.certificates.get()
    cards.certificate_suspend(
        certificate=card, on=date(2019, 3, 1), reason="调查", actor=staff["manager"]
    )
    cards.certificate_reinstate(certificate=card, on=date(2019, 4, 1), actor=staff["manager"])
    cards.certificate_review_record(
        certificate=card, reviewed_on=date(2020, 1, 1), passed=True, actor=staff["manager"]
    )
    day = date(2018, 12, 25)
    while day < date(2022, 2, 1):
        in_sql = selectors.usable_officers(on=day).filter(pk=officer.pk).exists()
        in_python = selectors.valid_certificate(officer=officer, on=day) is not None
        assert in_sql == in_python, day
        day += timedelta(days=9)


@override_settings(FAZHI={"OFFICERS_CERT_REVIEW_MONTHS": 0})
def test_review_cycle_is_configurable(staff):
    old = make_officer(staff, "赵振华", number="1200001800003", issued_on=date(2018, 1, 5))
    assert selectors.valid_certificate(officer=old, on=DAY) is not None


def test_certification_stats(staff, pair):
    expired = make_officer(staff, "赵振华", number="1200001600003", issued_on=date(2016, 1, 1))
    cards.certificate_renew(
        certificate=pair[1].certificates.get(),
        number="1200001900020",
        issued_on=date(2019, 8, 1),
        actor=staff["manager"],
    )
    training.training_record_add(
        officer=pair[0],
        attended_on=date(2019, 3, 1),
        course="培训",
        hours=64,
        actor=staff["manager"],
    )
    training.training_record_add(
        officer=expired,
        attended_on=date(2019, 3, 1),
        course="培训",
        hours=20,
        actor=staff["manager"],
    )
    training.exam_result_add(
        officer=pair[0], exam="考核", taken_on=date(2019, 4, 1), passed=True, actor=staff["manager"]
    )
    cards.certificate_review_record(
        certificate=pair[0].certificates.get(),
        reviewed_on=date(2019, 12, 1),
        passed=True,
        actor=staff["manager"],
    )
    stats = selectors.certification_stats(year=2019)
    assert stats["as_of"] == date(2019, 12, 31)
    assert (stats["officers"], stats["certified"], stats["rate_percent"]) == (3, 2, "66.7%")
    assert stats["renewals"] == 1 and stats["issued"] == 3
    assert stats["reviews"] == 1 and stats["exams_passed"] == 1
    assert stats["training_hours_total"] == 84.0 and stats["training_hours_average"] == 28.0
    assert stats["training_short"] == 2  # the expired officer (20) and 李海燕 (0)


def test_from_2021_07_15_the_2021_article_is_cited(pair):
    with pytest.raises(Refused) as exc:
        selectors.check_officers_can_act(officers=[pair[0]], on=date(2022, 3, 1))
    assert exc.value.basis.startswith("《中华人民共和国行政处罚法》（2021年修订）第四十二条")
