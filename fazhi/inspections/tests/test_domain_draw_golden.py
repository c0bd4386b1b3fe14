"""The published draw does not change: fixed lists and seed give the recorded SHA-256 values.

The frozen list format and the algorithm (version 1) are published so that anyone can re-run a
draw; any optimisation of `domain/draw.py` must keep these bytes. Also: the refusals of
malformed lists keep working on the fast paths.
"""

from __future__ import annotations

import hashlib
import random

import pytest

from fazhi.core.domain.errors import Refused
from fazhi.inspections.domain import draw as algo

LIST_SHA256 = "633173147afea884513ac41e106b12c15a335ba5afb63ce2b008391b0aee3714"
RESULT_SHA256 = "d4f5c411c8e557a36a9586f6fc2af1eab6db6248c82f29c713e378fd83ef6508"


def _inputs():
    rng = random.Random(2019)
    employers = [
        (f"91120{n:08d}{rng.choice('0123456789ABCDEFGHJKLMNPQRTUWXY')}X"[:18], f"S{n % 7:02d}")
        for n in range(5000)
    ]
    rng.shuffle(employers)
    inspectors = [f"JC{n:05d}" for n in range(40)]
    rng.shuffle(inspectors)
    exclusions = [(inspectors[n % 40], employers[n * 7][0]) for n in range(300)]
    exclusions += [(inspectors[n], employers[0][0]) for n in range(30)]
    shares = {f"S{n:02d}": s for n, s in enumerate(["0.05", "5%", "1/3", "0", "1", "0.1"])}
    return employers, inspectors, exclusions, shares


def test_frozen_list_and_result_are_unchanged():
    employers, inspectors, exclusions, shares = _inputs()
    frozen = algo.freeze(
        employers=employers, inspectors=inspectors, exclusions=exclusions, shares=shares
    )
    assert algo.sha256_hex(frozen) == LIST_SHA256
    value = algo.parse(frozen)
    assert algo.freeze_input(value) == frozen
    result = algo.draw(value, hashlib.sha256(b"fazhi").digest())
    assert result.digest() == RESULT_SHA256
    assert (
        algo.draw(
            algo.parse(frozen, check_canonical=False), hashlib.sha256(b"fazhi").digest()
        ).digest()
        == RESULT_SHA256
    )


@pytest.mark.parametrize(
    "employers",
    [
        [("A\tB", "S")],
        [("A", "S\n1")],
        [("", "S")],
        [("A", "")],
        [("#A", "S")],
        [("B", "S"), ("#A", "S")],
        [("A", "S"), ("A", "T")],
        [("A", "S"), ("B", "S"), ("A", "S")],
        [("A\r", "S")],
    ],
)
def test_malformed_employer_rows_are_refused(employers):
    with pytest.raises(Refused):
        algo.freeze(employers=employers, inspectors=["T1", "T2"], exclusions=[], shares={"S": "1"})
