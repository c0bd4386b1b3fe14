"""The examples in the domain modules' docstrings are tests too."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["articles", "cleanup", "comments", "numbering", "reviews", "states", "validity"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(f"fazhi.normdocs.domain.{name}")
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
