"""The examples in the domain modules' docstrings are tests too."""

from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize(
    "name", ["reconsideration", "litigation", "rates", "jurisdiction", "decision"]
)
def test_docstring_examples(name):
    module = importlib.import_module(f"fazhi.disputes.domain.{name}")
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
