"""Pure rules: field requirements, conditional ones, 万元, identifiers, enums, dates, masking."""

from __future__ import annotations

import doctest
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from fazhi.publicity.domain import fields, formatting, masking, periods, validation
from fazhi.publicity.domain.enums import Kind
from fazhi.publicity.domain.fields import Exchange, export_row, header
from fazhi.publicity.domain.validation import NO_USCC, validate
from fazhi.publicity.tests.conftest import (
    ADDRESS,
    COMPANY_USCC,
    PERSON_ID,
    PHONE,
    license_data,
    penalty_data,
    person_penalty_data,
)

END = date(2022, 9, 27)


def codes(kind, data, ends_on=END) -> set[str]:
    return {p.code for p in validate(kind, data, ends_on=ends_on)}


@pytest.mark.parametrize("module", [formatting, masking, periods, validation, fields])
def test_doctests(module):
    assert doctest.testmod(module).failed == 0


def test_valid_penalty_and_license_have_no_problem():
    assert validate(Kind.PENALTY, penalty_data(), ends_on=END) == []
    assert validate(Kind.PENALTY, person_penalty_data(), ends_on=END) == []
    assert validate(Kind.LICENSE, license_data(), ends_on=None) == []


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"party_name": ""}, "CF_XDR_MC"),
        ({"party_category": ""}, "CF_XDR_LB"),
        ({"document_number": ""}, "CF_WSH"),
        ({"violation_type": ""}, "CF_WFXW"),
        ({"facts": ""}, "CF_SY"),
        ({"basis": " "}, "CF_YJ"),
        ({"content": ""}, "CF_NR"),
        ({"penalty_categories": ()}, "CF_CFLB"),
        ({"authority": ""}, "CF_CFJG"),
        ({"authority_uscc": ""}, "CF_CFJGDM"),
        ({"source_unit": ""}, "CF_SJLY"),
        ({"source_unit_uscc": ""}, "CF_SJLYDM"),
        ({"legal_rep": ""}, "CF_FRDB"),
        ({"uscc": ""}, "CF_XDR_SHXYM"),
    ],
)
def test_each_required_penalty_field(change, code):
    problems = validate(Kind.PENALTY, penalty_data(**change), ends_on=END)
    assert code in {p.code for p in problems}
    assert any("缺少必填项" in p.message for p in problems if p.code == code)


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"document_title": ""}, "XK_XKWS"),
        ({"license_category": ""}, "XK_XKLB"),
        ({"content": ""}, "XK_NR"),
        ({"valid_from": None}, "XK_YXQZ"),
        ({"valid_to": None}, "XK_YXQZI"),
        ({"authority_uscc": ""}, "XK_XKJGDM"),
        ({"source_unit": ""}, "XK_LYDW"),
    ],
)
def test_each_required_license_field(change, code):
    assert code in codes(Kind.LICENSE, license_data(**change), None)


def test_license_number_stands_in_for_a_missing_document_number():
    assert "XK_WSH" not in codes(Kind.LICENSE, license_data(document_number=""), None)
    both_missing = license_data(document_number="", licence_number="", licence_name="")
    assert "XK_WSH" in codes(Kind.LICENSE, both_missing, None)
    assert "XK_XKBH" in codes(
        Kind.LICENSE, license_data(licence_number="", document_number="x"), None
    )


def test_natural_person_needs_id_type_and_number():
    assert {"CF_XDR_ZJLX", "CF_XDR_ZJHM"} <= codes(
        Kind.PENALTY, person_penalty_data(person_id_type="", person_id_number="")
    )
    bad = person_penalty_data(person_id_number="110105194912310021")
    assert any("身份证号码无效" in p.message for p in validate(Kind.PENALTY, bad, ends_on=END))
    assert "CF_XDR_SHXYM" in codes(Kind.PENALTY, person_penalty_data(uscc=COMPANY_USCC))


def test_individual_business_without_uscc_fills_the_placeholder_and_needs_the_registration():
    shop = penalty_data(party_category="个体工商户", party_name="和平区某餐馆", uscc=NO_USCC)
    assert codes(Kind.PENALTY, shop) == {"CF_XDR_GSZC"}
    assert codes(Kind.PENALTY, replace(shop, reg_number="120101600123456")) == set()
    # the placeholder is only for 个体工商户
    assert "CF_XDR_SHXYM" in codes(Kind.PENALTY, penalty_data(uscc=NO_USCC))


def test_invalid_uscc_is_reported_with_its_reason():
    problems = validate(Kind.PENALTY, penalty_data(uscc="91120101MA05XY127X"), ends_on=END)
    assert [p.code for p in problems] == ["CF_XDR_SHXYM"]
    assert "校验码错误" in problems[0].message
    assert "CF_CFJGDM" in codes(Kind.PENALTY, penalty_data(authority_uscc="123"))


def test_fine_amount_required_when_fine_is_a_category_and_only_then():
    assert "CF_NR_FK" in codes(Kind.PENALTY, penalty_data(fine_yuan=None))
    assert "CF_NR_FK" in codes(Kind.PENALTY, penalty_data(fine_yuan=Decimal(0)))
    warning_with_fine = penalty_data(penalty_categories=("警告",))
    assert "CF_NR_FK" in codes(Kind.PENALTY, warning_with_fine)
    assert codes(Kind.PENALTY, penalty_data(penalty_categories=("警告",), fine_yuan=None)) == set()


def test_confiscation_and_licence_measures_need_their_fields():
    assert "CF_NR_WFFF" in codes(
        Kind.PENALTY, penalty_data(penalty_categories=("罚款", "没收违法所得"))
    )
    assert "CF_NR_ZKDX" in codes(
        Kind.PENALTY, penalty_data(penalty_categories=("罚款", "吊销许可证件"))
    )


def test_enumerations():
    assert "CF_XDR_LB" in codes(Kind.PENALTY, penalty_data(party_category="企业"))
    assert "CF_CFLB" in codes(Kind.PENALTY, penalty_data(penalty_categories=("罚款", "训诫")))
    assert "CF_CFLB" in codes(Kind.PENALTY, penalty_data(penalty_categories=("罚款", "其他")))
    assert "CF_CFLB" not in codes(
        Kind.PENALTY, penalty_data(penalty_categories=("罚款", "其他"), category_note="责令改正")
    )
    assert "XK_XKLB" in codes(Kind.LICENSE, license_data(license_category="特别"), None)
    assert "XK_XKLB" in codes(Kind.LICENSE, license_data(license_category="其他"), None)
    assert "CF_FR_ZJLX" in codes(Kind.PENALTY, penalty_data(legal_rep_id_type="驾驶证"))
    assert "CF_FR_ZJLX" in codes(Kind.PENALTY, penalty_data(legal_rep_id_number="E1234567"))


def test_date_order():
    assert "CF_GSJZQ" in codes(Kind.PENALTY, penalty_data(), date(2019, 9, 1))
    assert "XK_YXQZI" in codes(
        Kind.LICENSE, license_data(valid_from=date(2020, 1, 1), valid_to=date(2019, 12, 31)), None
    )


def test_every_problem_is_returned_not_only_the_first():
    bad = penalty_data(party_name="", uscc="X", fine_yuan=None, basis="")
    assert {"CF_XDR_MC", "CF_XDR_SHXYM", "CF_NR_FK", "CF_YJ"} <= codes(Kind.PENALTY, bad)


def test_wanyuan_is_exact():
    assert formatting.wanyuan(Decimal("2000")) == "0.200000"
    assert formatting.wanyuan(Decimal("12345.67")) == "1.234567"
    assert formatting.wanyuan(Decimal("0.01")) == "0.000001"
    assert formatting.wanyuan(Decimal("50000")) == "5.000000"


def test_date_styles():
    assert formatting.format_day(date(2019, 9, 27), "YYYY/MM/DD") == "2019/09/27"
    assert formatting.format_day(date(2019, 9, 27), "YYYY-MM-DD") == "2019-09-27"
    with pytest.raises(formatting.UnknownDateStyle):
        formatting.format_day(date(2019, 9, 27), "DD.MM.YYYY")


def test_masking_for_public_output():
    data = masking.public_data(
        person_penalty_data(legal_rep_id_type="身份证", legal_rep_id_number=PERSON_ID)
    )
    assert data.person_id_number == "110105********002X"
    assert data.legal_rep_id_number == "110105********002X"
    assert data.party_phone == "" and data.party_address == ""
    assert PERSON_ID not in data.facts and PHONE not in data.facts
    assert "110105********002X" in data.facts and "138****5678" in data.facts
    assert data.party_name == "张三"


def test_export_row_has_the_codes_in_order_and_no_personal_data():
    # the full data goes in: the columns mask by themselves
    row = export_row(
        Kind.PENALTY,
        person_penalty_data(legal_rep_id_type="身份证", legal_rep_id_number=PERSON_ID),
        Exchange("GS00000001", ends_on=END),
        "YYYY/MM/DD",
    )
    values = dict(zip(header(Kind.PENALTY), row, strict=True))
    assert values["CF_NR_FK"] == "0.200000"
    assert values["CF_JDRQ"] == "2019/09/27" and values["CF_GSJZQ"] == "2022/09/27"
    assert values["CF_XDR_ZJHM"] == "110105********002X"
    assert values["CF_FR_ZJHM"] == "110105********002X"
    assert "110105********002X" in values["CF_SY"] and "138****5678" in values["CF_SY"]
    assert values["CZLX"] == "新增" and values["SJBH"] == "GS00000001"
    joined = "|".join(row)
    assert PERSON_ID not in joined and PHONE not in joined and ADDRESS not in joined


def test_withdrawal_row_and_licence_state():
    row = export_row(
        Kind.LICENSE,
        license_data(),
        Exchange("GS7", withdrawn=True, change="撤销", withdrawal_reason="复议决定撤销"),
        "YYYY-MM-DD",
    )
    values = dict(zip(header(Kind.LICENSE), row, strict=True))
    assert values["XK_ZT"] == "2" and values["CZLX"] == "撤回"
    assert values["CHYY"] == "撤销：复议决定撤销"
    assert values["XK_YXQZI"] == "2024-05-05"


def test_publicity_periods_by_regime():
    months = {"2019": 36, "2023": 36}
    assert periods.publicity_end(
        "penalty", date(2019, 9, 27), penalty_months=months, other_months=36
    ) == date(2022, 9, 27)
    assert periods.regime_for(date(2023, 4, 30)).code == "2019"
    assert periods.regime_for(date(2023, 5, 1)).code == "2023"
    assert periods.publicity_end(
        "penalty", date(2023, 5, 31), penalty_months={"2023": 3}, other_months=36
    ) == date(2023, 8, 31)
    with pytest.raises(periods.PeriodOutOfRange):
        periods.publicity_end(
            "penalty", date(2023, 5, 31), penalty_months={"2023": 2}, other_months=36
        )
    assert (
        periods.publicity_end(
            "license",
            date(2019, 5, 6),
            penalty_months=months,
            other_months=36,
            valid_to=date(2099, 12, 31),
        )
        is None
    )
    assert periods.publicity_end(
        "other", date(2019, 1, 31), penalty_months=months, other_months=1
    ) == date(2019, 2, 28)


def test_withdrawal_rule_exists_only_from_2021_07_15_for_penalties():
    assert periods.withdrawal_rule("penalty", date(2021, 7, 14)) is None
    assert periods.withdrawal_rule("penalty", date(2021, 7, 15)) == "penalty.publicity_withdrawal"
    assert periods.withdrawal_rule("license", date(2022, 1, 1)) is None
    assert periods.publicity_rule("other") == "enforcement.other_publicity"


def test_the_fast_uscc_path_agrees_with_the_shared_validator():
    import random

    from fazhi.core.domain.identifiers import USCC_ALPHABET, validate_uscc
    from fazhi.publicity.domain.validation import _uscc_passes

    rng = random.Random(5)
    base = [COMPANY_USCC, "11120000000012343F", "92120101L123456745", "91350211M0000XUF46"]
    samples = list(base)
    for _ in range(3000):
        code = list(rng.choice(base))
        for _ in range(rng.randrange(0, 3)):
            code[rng.randrange(18)] = rng.choice(USCC_ALPHABET + "IOZ")
        samples.append("".join(code))
    for _ in range(2000):
        samples.append("".join(rng.choice(USCC_ALPHABET) for _ in range(18)))
    for code in samples:
        assert _uscc_passes(code) == validate_uscc(code).is_valid, code
    assert sum(_uscc_passes(c) for c in samples) > 10


@pytest.mark.parametrize("kind", [Kind.PENALTY, Kind.LICENSE])
def test_every_column_gets_its_own_value(kind):
    """Each text field holds its own marker; the row must put each marker in its column."""
    from fazhi.publicity.domain.data import DecisionData

    markers = {
        name: f"<{name}>"
        for name in DecisionData.field_names()
        if isinstance(getattr(penalty_data(), name), str)
    }
    data = replace(penalty_data() if kind == Kind.PENALTY else license_data(), **markers)
    row = dict(
        zip(
            header(kind),
            export_row(kind, data, Exchange("GS1", ends_on=END), "YYYY/MM/DD"),
            strict=True,
        )
    )
    p = "XK" if kind == Kind.LICENSE else "CF"
    expected = {
        f"{p}_XDR_MC": "party_name",
        f"{p}_XDR_LB": "party_category",
        f"{p}_XDR_SHXYM": "uscc",
        f"{p}_XDR_GSZC": "reg_number",
        f"{p}_XDR_ZZJG": "org_code",
        f"{p}_XDR_SWDJ": "tax_number",
        f"{p}_XDR_SYDW": "institution_number",
        f"{p}_XDR_SHZZ": "social_org_number",
        f"{p}_FRDB": "legal_rep",
        f"{p}_FR_ZJLX": "legal_rep_id_type",
        f"{p}_XDR_ZJLX": "person_id_type",
        "BZ": "remarks",
    }
    if kind == Kind.PENALTY:
        expected |= {
            "CF_WSH": "document_number",
            "CF_WFXW": "violation_type",
            "CF_SY": "facts",
            "CF_YJ": "basis",
            "CF_NR": "content",
            "CF_NR_ZKDX": "licence_measure",
            "CF_CFJG": "authority",
            "CF_CFJGDM": "authority_uscc",
            "CF_SJLY": "source_unit",
            "CF_SJLYDM": "source_unit_uscc",
        }
    else:
        expected |= {
            "XK_XKWS": "document_title",
            "XK_WSH": "document_number",
            "XK_XKLB": "license_category",
            "XK_XKZS": "licence_name",
            "XK_XKBH": "licence_number",
            "XK_NR": "content",
            "XK_XKJG": "authority",
            "XK_XKJGDM": "authority_uscc",
            "XK_LYDW": "source_unit",
            "XK_LYDWDM": "source_unit_uscc",
        }
    for code, name in expected.items():
        assert row[code] == f"<{name}>", code
    joined = "|".join(row.values())
    assert "<party_phone>" not in joined and "<party_address>" not in joined
    assert "<person_id_number>" not in joined and "<legal_rep_id_number>" not in joined
