"""The examples in the case domain modules' docstrings are tests too."""

from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize(
    "name",
    [
        "case_flow",
        "review",
        "hearing",
        "acts",
        "numbering",
        "execution",
        "discretion",
        "penalties",
        "remedies",
        "entry_dates",
    ],
)
def test_docstring_examples(name):
    module = importlib.import_module(f"fazhi.enforcement.domain.{name}")
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
