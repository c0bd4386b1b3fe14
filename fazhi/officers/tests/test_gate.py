"""The gate on every officers write service: anonymous, an officer of another unit and a role
without the right (an 执法人员 may not manage the register, not even their own entry) are refused
with nothing written; 法规处 (which manages enforcement qualifications), 局领导 and 系统管理员 act."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.accounts.testing.gate import check_gate, row_counts
from fazhi.accounts.tests.factories import make_user
from fazhi.officers.models import Certificate, Officer
from fazhi.officers.services import certificates as cards
from fazhi.officers.services import officers as people
from fazhi.officers.services import training
from fazhi.officers.services.importing import officers_import
from fazhi.officers.tests.conftest import make_officer

pytestmark = pytest.mark.django_db


@pytest.fixture
def others(staff, org_tree):
    return [
        staff["outsider"],  # an officer of 和平区
        staff["officer_user"],  # an officer of the officers' own unit
        make_user("ldgx", unit=org_tree["zongdui"], roles=["业务处室经办人"]),
    ]


def test_the_register(staff, others):
    officer = check_gate(
        lambda actor: people.officer_create(
            name="赵敏", org_unit=staff["units"]["zhidui"], actor=actor
        ),
        responsible=staff["manager"],
        outsiders=others,
    )
    check_gate(
        lambda actor: people.officer_update(officer=officer, note="调岗", actor=actor),
        responsible=staff["manager"],
        outsiders=others,
        obj=officer,
    )
    check_gate(
        lambda actor: training.training_record_add(
            officer=officer, attended_on=date(2019, 4, 1), course="行政处罚法", hours=8, actor=actor
        ),
        responsible=staff["manager"],
        outsiders=others,
    )
    check_gate(
        lambda actor: training.exam_result_add(
            officer=officer, exam="年度考试", taken_on=date(2019, 5, 1), passed=True, actor=actor
        ),
        responsible=staff["manager"],
        outsiders=others,
    )
    check_gate(
        lambda actor: people.officer_deactivate(
            officer=officer, on=date(2019, 6, 1), reason="调离", actor=actor
        ),
        responsible=staff["manager"],
        outsiders=others,
        obj=officer,
    )


def test_each_card_step(staff, others):
    officer = make_officer(staff, "钱进")
    card = check_gate(
        lambda actor: cards.certificate_issue(
            officer=officer,
            number="1200001900009",
            area="天津市",
            issued_on=date(2019, 1, 10),
            actor=actor,
        ),
        responsible=staff["manager"],
        outsiders=others,
    )
    on = date(2019, 3, 1)
    steps = [
        lambda actor: cards.certificate_suspend(
            certificate=card, on=on, reason="涉嫌违纪", actor=actor
        ),
        lambda actor: cards.certificate_reinstate(
            certificate=card, on=date(2019, 3, 5), actor=actor
        ),
        lambda actor: cards.certificate_review_record(
            certificate=card, reviewed_on=date(2019, 12, 1), passed=True, actor=actor
        ),
        lambda actor: cards.certificate_renew(
            certificate=card, number="1200002100009", issued_on=date(2021, 12, 20), actor=actor
        ),
    ]
    for step in steps:
        card = Certificate.objects.get(pk=card.pk)
        check_gate(step, responsible=staff["manager"], outsiders=others, obj=card)
    current = officer.certificates.order_by("-issued_on").first()
    check_gate(
        lambda actor: cards.certificate_revoke(
            certificate=current, on=date(2022, 1, 5), reason="违法执法", actor=actor
        ),
        responsible=staff["manager"],
        outsiders=others,
        obj=current,
    )


def test_import(staff, others):
    data = "姓名,单位代码,执法证号,执法区域,发证日期\n孙立,JCZD-1,1200001900077,天津市,2019-01-10\n"
    check_gate(
        lambda actor: officers_import(data=data.encode(), actor=actor, today=date(2019, 6, 1)),
        responsible=staff["manager"],
        outsiders=others,
    )


def test_pages_refuse_an_officer_and_write_nothing(client, staff):
    client.force_login(staff["officer_user"])
    before = row_counts()
    response = client.post(
        "/staff/officers/new/", {"name": "冒名", "org_unit": staff["units"]["zhidui"].pk}
    )
    assert response.status_code == 403
    assert row_counts() == before and not Officer.objects.filter(name="冒名").exists()
