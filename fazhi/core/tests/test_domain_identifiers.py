"""统一社会信用代码 / 居民身份证号码 checks against every labelled vector, plus properties. No DB."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.cn import ric as stdnum_ric
from stdnum.cn import uscc as stdnum_uscc

from fazhi.core.domain.identifiers import (
    REGISTRATION_AUTHORITIES,
    USCC_ALPHABET,
    org_code_check_char,
    validate_ric,
    validate_uscc,
)

DATA = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "identifiers"


def _rows(name: str) -> list[dict[str, str]]:
    path = DATA / name
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


USCC_ROWS = _rows("uscc_test_vectors.csv")
RIC_ROWS = _rows("ric_test_vectors.csv")
needs_data = pytest.mark.skipif(not USCC_ROWS or not RIC_ROWS, reason="shared test vectors absent")

# Rows where we deliberately differ from the source library's label, and why.
USCC_REASON_DIVERGES = {
    # stdnum allows only digits in place 1; GB 32100 also has 登记管理部门码 A, N, Y, so this code
    # gets past the format check and fails on its check character instead. Still invalid.
    "A1110000600037341L": "校验码错误",
}
RIC_LABEL_DIVERGES = {
    # stdnum: 房山区 (code from 1986) did not exist in 1980. People are registered after birth,
    # so a code created later is fine; only a code abolished before the birth year is refused.
    "110111198012010078": True,
    # hutool accepts the new 外国人永久居留身份证; it is not a 公民身份号码.
    "932682198501010017": False,
    # hutool issue I88YKM: 111111 is not an administrative-division code.
    "111111111111111": False,
}


@needs_data
def test_every_uscc_vector_agrees_with_its_label():
    assert len(USCC_ROWS) == 224
    for row in USCC_ROWS:
        # when
        result = validate_uscc(row["value"])
        # then
        assert result.is_valid == (row["expected_valid"] == "true"), row
        if result.is_valid:
            assert result.normalised == stdnum_uscc.compact(row["value"])
            assert result.reason == ""
            continue
        expected = (
            USCC_REASON_DIVERGES.get(row["value"])
            or {
                "InvalidLength": "长度错误",
                "InvalidFormat": "含非法字符",
                "InvalidChecksum": "校验码错误",
            }[row["expected_error"]]
        )
        assert result.reason.startswith(expected), (row["value"], result.reason)
        if row["gb32100_checksum_ok_computed"] == "no":
            assert "校验码错误" in result.reason


@needs_data
def test_pilot_area_codes_are_invalid_by_default_and_accepted_leniently_with_a_warning():
    pilots = [r["value"] for r in USCC_ROWS if "pilot" in r["note"]]
    assert len(pilots) == 4
    for value in pilots:
        strict = validate_uscc(value)
        assert not strict.is_valid
        assert "早期试点" in strict.reason
        lenient = validate_uscc(value, lenient=True)
        assert lenient.is_valid
        assert "早期试点" in lenient.warnings[0]


def test_lenient_mode_does_not_excuse_an_ordinary_checksum_error():
    # a Beijing code with a wrong check character is not a pilot code
    assert not validate_uscc("91110000600037341N", lenient=True).is_valid


@needs_data
def test_every_ric_vector_agrees_with_its_label_or_a_documented_decision():
    assert len(RIC_ROWS) == 31
    for row in RIC_ROWS:
        # given
        value = row["value"]
        expected_valid = RIC_LABEL_DIVERGES.get(value, row["expected_valid"] == "true")
        # when
        result = validate_ric(value)
        # then
        assert result.is_valid == expected_valid, (value, result.reason)
        if result.is_valid:
            assert len(result.normalised) == 18
            if row["expected_birth_date"]:
                assert result.details["birth_date"] == row["expected_birth_date"]
            if row["expected_gender"]:
                assert result.details["gender"] == {"M": "男", "F": "女"}[row["expected_gender"]]
            if row["expected_birth_place"]:
                assert result.details["region"] == row["expected_birth_place"]
            continue
        # The _computed columns separate why a number fails, whatever the source called it.
        if row["gb11643_checksum_ok_computed"] == "no":
            assert result.reason == "校验码错误", value
        elif row["birth_date_ok_computed"] == "no":
            assert result.reason.startswith("出生日期无效"), value
        elif row["expected_error"] == "InvalidFormat":
            assert result.reason.startswith("含非法字符"), value
        else:
            assert result.reason.startswith("地区码无效"), value


@needs_data
def test_fifteen_digit_numbers_are_upgraded_to_their_eighteen_digit_form():
    # hutool's convert15To18 pairs from the vectors
    assert validate_ric("150102880730303").normalised == "150102198807303035"
    assert validate_ric("330102200403064").normalised == "33010219200403064X"
    assert validate_ric("150102880730303").warnings
    refused = validate_ric("150102880730303", allow_legacy=False)
    assert not refused.is_valid
    assert refused.reason.startswith("长度错误")


def test_residence_permit_numbers_are_valid_and_labelled():
    result = validate_ric("830000200209060065")
    assert result.is_valid
    assert result.details["document_type"] == "港澳台居民居住证"
    assert result.details["region"] == "台湾地区"


def test_a_birth_date_after_today_is_refused_when_today_is_given():
    body = "11010520300101001"
    number = body + stdnum_ric.calc_check_digit(body + "0")
    assert validate_ric(number).is_valid
    result = validate_ric(number, today=date(2025, 6, 1))
    assert not result.is_valid
    assert result.reason.startswith("出生日期无效")


@pytest.mark.parametrize(
    ("_case", "value", "reason"),
    [
        ("empty", "  ", "统一社会信用代码为空"),
        ("too short", "9111000060003734", "长度错误"),
        ("forbidden letters", "91110000600037341O", "含非法字符：O（不使用字母 I、O、Z、S、V）"),
        ("unknown authority", "B1110000600037341L", "含非法字符：登记管理部门码"),
        ("letter in region", "911A0000600037341L", "含非法字符：第3至8位"),
        ("organisation code check", "91110000600037351L", "校验码错误：主体标识码"),
    ],
)
def test_uscc_reasons_are_specific(_case, value, reason):
    assert validate_uscc(value).reason.startswith(reason)


def test_uscc_facts_are_derived():
    partial = "12110000600037341"
    result = validate_uscc(partial + stdnum_uscc.calc_check_digit(partial))
    assert result.details["registration_authority"] == "机构编制"
    assert result.details["entity_class"] == "事业单位"
    ok = validate_uscc("91110000600037341L")
    assert ok.details["entity_class"] == "企业"
    assert ok.details["region"] == "北京市"
    assert ok.details["organisation_code"] == "60003734-1"


def test_full_width_input_is_normalised():
    assert validate_uscc("９１１１００００６０００３７３４１Ｌ").normalised == "91110000600037341L"
    assert validate_ric("11010519491231002x").normalised == "11010519491231002X"


# --- properties -----------------------------------------------------------------------------

_BODY_ALPHABET = list(USCC_ALPHABET)


@st.composite
def uscc_codes(draw) -> str:
    authority = draw(st.sampled_from(sorted(REGISTRATION_AUTHORITIES)))
    category = draw(st.sampled_from("123459"))
    region = draw(st.sampled_from(["110000", "120101", "350211", "440300", "100000"]))
    body = "".join(draw(st.lists(st.sampled_from(_BODY_ALPHABET), min_size=8, max_size=8)))
    partial = authority + category + region + body + org_code_check_char(body)
    return partial + stdnum_uscc.calc_check_digit(partial)


@st.composite
def ric_numbers(draw) -> str:
    region = draw(st.sampled_from(["110105", "120101", "440113", "360426", "350211"]))
    born = draw(st.dates(min_value=date(1992, 1, 1), max_value=date(2024, 12, 31)))
    sequence = f"{draw(st.integers(0, 999)):03d}"
    body = region + born.strftime("%Y%m%d") + sequence
    return body + stdnum_ric.calc_check_digit(body + "0")


def _change_one(value: str, alphabet: str, position: int, offset: int) -> str:
    chars = [c for c in alphabet if c != value[position]]
    return value[:position] + chars[offset % len(chars)] + value[position + 1 :]


@given(uscc_codes(), st.sampled_from([" ", "-", ""]))
def test_generated_uscc_round_trips(code, separator):
    spaced = code[:2] + separator + code[2:8] + separator + code[8:].lower()
    result = validate_uscc(spaced)
    assert result.is_valid, result.reason
    assert result.normalised == code
    assert validate_uscc(result.normalised).normalised == code


@given(uscc_codes(), st.integers(0, 17), st.integers(0, 100))
def test_uscc_with_one_changed_character_is_rejected(code, position, offset):
    assert not validate_uscc(_change_one(code, USCC_ALPHABET, position, offset)).is_valid


@settings(deadline=None)  # the first call loads stdnum's region table
@given(ric_numbers())
def test_generated_ric_round_trips(number):
    result = validate_ric(number.lower())
    assert result.is_valid, result.reason
    assert result.normalised == number
    assert result.details["gender"] == ("男" if int(number[16]) % 2 else "女")


@settings(deadline=None)
@given(ric_numbers(), st.integers(0, 17), st.integers(0, 100))
def test_ric_with_one_changed_character_is_rejected(number, position, offset):
    alphabet = "0123456789X" if position == 17 else "0123456789"
    assert not validate_ric(_change_one(number, alphabet, position, offset)).is_valid


def test_module_doctests_pass():
    import doctest

    from fazhi.core.domain import identifiers

    result = doctest.testmod(identifiers)
    assert result.attempted > 0
    assert result.failed == 0
