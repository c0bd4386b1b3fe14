"""The draw algorithm without a database: determinism, commitments, strata, 回避, refusals."""

from __future__ import annotations

import hashlib
from fractions import Fraction

import pytest

from fazhi.core.domain.errors import Refused
from fazhi.inspections.domain import draw as algo
from fazhi.inspections.domain.directory import synthetic_uscc

SEED = hashlib.sha256(b"test").digest()


def frozen(n: int = 200, exclusions=(), inspectors=10, shares=None) -> bytes:
    employers = [(synthetic_uscc("120101", k), "AB"[k % 2]) for k in range(n)]
    return algo.freeze(
        employers=employers,
        inspectors=[f"C{k:03d}" for k in range(inspectors)],
        exclusions=exclusions,
        shares=shares or {"A": "0.1", "B": "5%"},
    )


def test_same_inputs_same_result():
    assert algo.draw(algo.parse(frozen()), SEED) == algo.draw(algo.parse(frozen()), SEED)


def test_different_seed_different_result():
    one = algo.draw(algo.parse(frozen()), SEED).canonical()
    other = algo.draw(algo.parse(frozen()), hashlib.sha256(b"other").digest()).canonical()
    assert one != other


def test_freeze_is_canonical_whatever_the_input_order():
    employers = [(synthetic_uscc("120101", k), "A") for k in range(5)]
    a = algo.freeze(employers=employers, inspectors=["X", "Y"], exclusions=[], shares={"A": "1"})
    b = algo.freeze(
        employers=employers[::-1], inspectors=["Y", "X"], exclusions=[], shares={"A": "1.00"}
    )
    assert a == b and algo.parse(a).employers == sorted(employers)


def test_stratification_counts():
    result = algo.draw(algo.parse(frozen(n=230)), SEED)
    counts = {s.stratum: s.drawn for s in result.strata}
    assert counts == {"A": 12, "B": 6}  # 115 × 10% = 11.5 → 12; 115 × 5% = 5.75 → 6
    assert sum(1 for c in result.checks if c.stratum == "A") == 12


@pytest.mark.parametrize(
    ("_case", "share", "size", "k"),
    [
        ("half rounds up", Fraction(1, 2), 3, 2),
        ("below half", Fraction(1, 20), 29, 1),
        ("zero", Fraction(0), 100, 0),
        ("all", Fraction(1), 7, 7),
    ],
)
def test_quota_rounds_half_up(_case, share, size, k):
    assert algo.quota(share, size) == k


def test_commitment_detects_changed_list_and_seed():
    data = frozen()
    list_sha, seed_sha = algo.sha256_hex(data), algo.sha256_hex(SEED)
    published = algo.draw(algo.parse(data), SEED).canonical()
    ok = algo.verify(
        frozen=data,
        seed=SEED,
        list_commitment=list_sha,
        seed_commitment=seed_sha,
        published=published,
    )
    assert ok.ok
    changed = frozen(n=201)
    assert not algo.verify(frozen=changed, seed=SEED, list_commitment=list_sha).ok
    other = hashlib.sha256(b"x").digest()
    bad = algo.verify(frozen=data, seed=other, list_commitment=list_sha, seed_commitment=seed_sha)
    assert not bad.ok and "种子" in bad.message


def test_verify_names_the_first_difference():
    data = frozen()
    published = algo.draw(algo.parse(data), SEED).canonical().replace(b"C00", b"C99", 1)
    outcome = algo.verify(frozen=data, seed=SEED, published=published)
    assert not outcome.ok and outcome.message.startswith("第 ")


def test_recusal_pairs_are_never_drawn():
    value = algo.parse(
        frozen(
            shares={"A": "1", "B": "1"},
            inspectors=4,
            exclusions=[
                ("C000", synthetic_uscc("120101", 0)),
                ("C001", synthetic_uscc("120101", 0)),
            ],
        )
    )
    check = next(c for c in algo.draw(value, SEED).checks if c.uscc == synthetic_uscc("120101", 0))
    assert set(check.inspectors) == {"C002", "C003"}


def test_too_few_inspectors_after_recusal_refuses_naming_the_employer():
    uscc = synthetic_uscc("120101", 0)
    value = algo.parse(
        frozen(
            shares={"A": "1", "B": "1"}, inspectors=3, exclusions=[("C000", uscc), ("C001", uscc)]
        )
    )
    with pytest.raises(algo.TooFewInspectors, match=uscc) as refused:
        algo.draw(value, SEED, labels={uscc: "甲公司"})
    assert "甲公司" in str(refused.value) and "第四十三条" in str(refused.value)


def test_every_check_has_two_distinct_inspectors():
    for check in algo.draw(algo.parse(frozen(inspectors=2)), SEED).checks:
        assert len(set(check.inspectors)) == 2


def test_non_canonical_list_is_refused():
    data = frozen().replace(b"\t0.1\n", b"\t10%\n")
    with pytest.raises(Refused, match="规范"):
        algo.parse(data)


def test_per_check_below_two_is_refused():
    with pytest.raises(Refused, match="不得少于2人"):
        algo.freeze(employers=[], inspectors=[], exclusions=[], shares={}, per_check=1)
