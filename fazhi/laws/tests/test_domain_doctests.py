"""The examples in the pure domain modules' docstrings are part of the suite."""

from __future__ import annotations

import doctest

import pytest

from fazhi.laws.domain import docnum, highlight, numerals, parse, ranking, sources, validity


@pytest.mark.parametrize("module", [docnum, highlight, numerals, parse, ranking, sources, validity])
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0
    assert result.failed == 0
