"""Fixtures for the case tests: a labour-inspection team with two certified officers, one
uncertified, a leader, a 法制审核人员, power items, and the 2019 discretion benchmarks in force."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest

from fazhi.accounts.tests.factories import make_user
from fazhi.enforcement.services import cases as intake
from fazhi.enforcement.services import cases_acts as acts
from fazhi.enforcement.services import cases_decision as decision
from fazhi.officers.models import Certificate, Officer
from fazhi.powers.models import PowerItem

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(24)
WAV = b"RIFF" + (36).to_bytes(4, "little") + b"WAVEfmt " + (16).to_bytes(4, "little") + bytes(20)


def officer(user, unit, number: str | None, *, issued=date(2019, 1, 2)) -> Officer:
    entry = Officer.objects.create(user=user, name=user.username, org_unit=unit)
    if number:
        Certificate.objects.create(
            officer=entry,
            number=number,
            area="天津市",
            issued_on=issued,
            expires_on=date(2021, 12, 31),
            status=Certificate.Status.VALID,
        )
    return entry


@pytest.fixture
def world(org_tree):
    team = org_tree["zhidui"]
    users = {
        "a": make_user("zhifa_a", unit=team, roles=["执法人员"]),
        "b": make_user("zhifa_b", unit=team, roles=["执法人员"]),
        "c": make_user("zhifa_c", unit=team, roles=["执法人员"]),
        "leader": make_user("leader", unit=org_tree["bureau"], roles=["局领导"]),
        "reviewer": make_user("shenhe", unit=org_tree["fagui"], roles=["法制审核人员"]),
        "outsider": make_user("outsider", unit=org_tree["district_team"], roles=["执法人员"]),
    }
    # the reviewer holds the 法律职业资格 (行政处罚法 2021 第五十八条第二款)
    from fazhi.officers.models import LegalQualification

    LegalQualification.objects.create(
        user=users["reviewer"], certificate_number="A20150000", obtained_on=date(2015, 9, 1)
    )
    officers = {
        "a": officer(users["a"], team, "JC-0001"),
        "b": officer(users["b"], team, "JC-0002"),
        "c": officer(users["c"], team, None),
    }
    items = {
        code: PowerItem.objects.create(code=code, kind=kind, name=name, org_unit=team)
        for code, kind, name in (
            ("CF-JC-26", "penalty", "对克扣或者无故拖欠劳动者工资的行政处罚"),
            ("CF-JC-25", "penalty", "对违法延长劳动者工作时间的行政处罚"),
            ("CF-SB-84", "penalty", "对用人单位不办理社会保险登记的行政处罚"),
            ("QZ-SB-63", "coercion", "社会保险费划拨"),
            ("XK-01", "licensing", "劳务派遣经营许可"),
        )
    }
    from fazhi.enforcement.services import discretion

    actor = users["leader"]
    for name, start in (("2019.toml", date(2019, 1, 1)),):
        bset = discretion.discretion_set_import(path=BENCHMARKS / name, actor=actor)
        discretion.discretion_set_publish(benchmark_set=bset, effective_from=start, actor=actor)
    return {"units": org_tree, "team": team, "users": users, "officers": officers, "items": items}


def register(world, **overrides):
    """A complaint of a fine-type violation (社会保险法 第八十四条: 1–3 × the contributions). A
    wage-arrears case (lsi-26) is 加付赔偿金, not a fine: see ``compensation_case``."""
    values = {
        "power_item": world["items"]["CF-SB-84"],
        "org_unit": world["team"],
        "source": "complaint",
        "received_on": date(2019, 3, 4),
        "cause": "未按规定办理社会保险登记",
        "party_name": "天津某建筑工程有限公司",
        "party_code": "91120000MA05JXXX0X",
        "complainant": "张三",
        "violation_code": "sil-84",
        "actor": world["users"]["a"],
    }
    values.update(overrides)
    return intake.case_register(**values)


def two(world):
    return [world["officers"]["a"], world["officers"]["b"]]


def filed_case(world, **overrides):
    """A complaint accepted and filed on 2019-03-06 with two certified officers."""
    case = register(world, **overrides)
    u = world["users"]
    case = intake.case_accept(case=case, on=date(2019, 3, 6), actor=u["a"])
    return intake.case_file(
        case=case, on=date(2019, 3, 6), approver=u["leader"], officers=two(world), actor=u["a"]
    )


def investigated_case(world, **overrides):
    case = filed_case(world, **overrides)
    acts.case_record_act(
        case=case,
        kind="inspection",
        on=date(2019, 3, 8),
        summary="现场检查：工资台账显示拖欠",
        officers=two(world),
        actor=world["users"]["a"],
        uploads=[(BytesIO(PNG), "台账.png")],
    )
    case.refresh_from_db()
    return case


# sil-84, 2 months: tier 轻微 1–1.5 × 43000 = 43,000–64,500元; statutory 43,000–129,000元.
FACTS = {"workers": 12, "months": 2, "amount": "43000", "harm": ""}


def notified_case(world, fine=Decimal("45000"), **overrides):
    case = investigated_case(world, **overrides)
    return decision.case_notify(
        case=case,
        on=date(2019, 3, 20),
        outcome="penalty",
        fine=fine,
        text="经查，当事人未为12名劳动者办理社会保险登记，应缴社会保险费43000元。",
        facts=FACTS,
        actor=world["users"]["a"],
    )


SEVEN_OK = dict.fromkeys(
    ("subject", "procedure", "facts", "law", "authority", "documents", "crime"), (True, "")
)


def decide(*, case, on, actor, proposer=None, **values):
    """The officer's proposal (unless the case already waits for the 负责人), then the
    decision by ``actor`` (the 负责人) with the same values."""
    from fazhi.enforcement.domain import case_flow as flow

    case.refresh_from_db()
    if case.status != flow.Status.PROPOSED:
        decision.case_propose(
            case=case,
            on=on,
            actor=proposer or case.created_by,
            outcome=values.get("outcome", "penalty"),
            fine=values.get("fine", case.proposed_compensation or case.proposed_fine),
            text=values.get("text", "决定"),
            measures=values.get("measures", ()),
            departure_reason=values.get("departure_reason", ""),
        )
    return decision.case_decide(case=case, on=on, actor=actor, **values)
