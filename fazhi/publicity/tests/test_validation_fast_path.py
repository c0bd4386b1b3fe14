"""The fast predicates of `validation` agree with the full rules, field by field.

`validate` returns ``[]`` as soon as ``_penalty_passes`` / ``_licence_passes`` hold; these tests
mutate every field of valid records (empty, blank, None, wrong values of each rule) and check
that the predicate holds exactly when the full rules find no problem (except the rare case it
leaves to them: a 个体工商户 without a 统一社会信用代码).
"""

from __future__ import annotations

import random
from dataclasses import fields, replace
from datetime import date
from decimal import Decimal

import pytest
from stdnum.cn import ric

from fazhi.core.domain.identifiers import validate_ric
from fazhi.publicity.domain import validation
from fazhi.publicity.domain.enums import Kind
from fazhi.publicity.tests.conftest import (
    COMPANY_USCC,
    PERSON_ID,
    SHOP_USCC,
    license_data,
    penalty_data,
    person_penalty_data,
)

ENDS = date(2022, 9, 27)
TEXT_VALUES = (
    "",
    " ",
    "\u3000",
    None,
    "其他",
    "身份证",
    "护照号",
    "自然人",
    "个体工商户",
    "外国企业",
    "00000000000000000X",
    COMPANY_USCC,
    SHOP_USCC,
    "91120101MA05XY127X",
    "11120000000012343f",
    PERSON_ID,
    "11010519491231002x",
    "110105194912310021",
    "150102880730303",
    "12345",
    "x",
)
OTHER_VALUES = {
    "decided_on": (None, date(2019, 1, 1), date(2030, 1, 1)),
    "valid_from": (None, date(2019, 1, 1), date(2030, 1, 1)),
    "valid_to": (None, date(2019, 1, 1), date(2030, 1, 1), date(2099, 12, 31)),
    "fine_yuan": (None, Decimal(0), Decimal(-1), Decimal("0.01"), Decimal(5000)),
    "confiscation_yuan": (None, Decimal(0), Decimal(-1), Decimal(100)),
    "penalty_categories": (
        (),
        ("罚款",),
        ("警告",),
        ("其他",),
        ("罚款", "没收违法所得"),
        ("暂扣许可证件",),
        ("拘留",),
        ("罚款", "吊销许可证件"),
        ["罚款"],
    ),
}


def _bases():
    company_with_rep = penalty_data(legal_rep_id_type="身份证", legal_rep_id_number=PERSON_ID)
    shop = penalty_data(party_category="个体工商户", uscc="00000000000000000X", reg_number="1201")
    licence_person = person_penalty_data(
        document_title="许可决定书",
        license_category="普通",
        licence_number="XK-1",
        content="准予",
        valid_from=date(2019, 9, 27),
        valid_to=date(2020, 9, 26),
    )
    return [
        (Kind.PENALTY, penalty_data()),
        (Kind.PENALTY, person_penalty_data()),
        (Kind.PENALTY, company_with_rep),
        (Kind.PENALTY, shop),
        (
            Kind.PENALTY,
            penalty_data(
                penalty_categories=("罚款", "没收违法所得", "暂扣许可证件", "其他"),
                confiscation_yuan=Decimal(0),
                licence_measure="许可证",
                category_note="说明",
            ),
        ),
        (Kind.LICENSE, license_data()),
        (Kind.LICENSE, license_data(license_category="其他", category_note="特许")),
        (Kind.LICENSE, licence_person),
    ]


def _agree(kind, data, ends_on) -> None:
    passes = validation._PASSES[kind](data, ends_on)
    validation._PASSES.pop(kind)
    try:
        full = validation.validate(kind, data, ends_on=ends_on)
    finally:
        validation._PASSES[kind] = (
            validation._penalty_passes if kind == Kind.PENALTY else validation._licence_passes
        )
    # the predicate may leave a valid record to the full rules (the 个体工商户 without a code)
    expected = full == [] and data.uscc != validation.NO_USCC
    assert bool(passes) == expected, (kind, data, ends_on, full)


@pytest.mark.parametrize(("kind", "base"), _bases())
def test_fast_path_agrees_with_the_full_rules_for_every_mutated_field(kind, base):
    for ends_on in (ENDS, None, date(2019, 1, 1)):
        _agree(kind, base, ends_on)
    for f in fields(base):
        values = OTHER_VALUES.get(f.name, TEXT_VALUES)
        for value in values:
            _agree(kind, replace(base, **{f.name: value}), ENDS)


def test_random_pairs_of_mutations_agree():
    rng = random.Random(7)
    bases = _bases()
    names = [f.name for f in fields(bases[0][1])]
    for _ in range(3000):
        kind, data = rng.choice(bases)
        for name in rng.sample(names, 2):
            data = replace(data, **{name: rng.choice(OTHER_VALUES.get(name, TEXT_VALUES))})
        _agree(kind, data, rng.choice((ENDS, None, date(2019, 1, 1))))


def test_ric_fast_path_agrees_with_validate_ric():
    rng = random.Random(11)
    regions = (
        "110105",
        "120101",
        "120116",
        "130100",
        "000000",
        "810000",
        "999999",
        "350211",
        "120104",
        "510122",
    )
    samples = [PERSON_ID, "11010519491231002x", " 11010519491231002X", "150102880730303", "１１"]
    for _ in range(4000):
        body = (
            f"{rng.choice(regions)}{rng.randrange(1880, 2030)}{rng.randrange(0, 14):02d}"
            f"{rng.randrange(0, 33):02d}{rng.randrange(1000):03d}"
        )
        check = ric.calc_check_digit(body + "0")
        samples += [body + check, body + rng.choice("0123456789X")]
    for number in samples:
        assert validation._ric_passes(number) == validate_ric(number).is_valid, number
    assert sum(validation._ric_passes(n) for n in samples) > 500


def test_org_check_char_agrees_with_identifiers():
    from fazhi.core.domain.identifiers import USCC_ALPHABET, org_code_check_char

    rng = random.Random(3)
    for _ in range(2000):
        body = "".join(rng.choice(USCC_ALPHABET) for _ in range(8))
        assert validation._org_check_char(body) == org_code_check_char(body)
