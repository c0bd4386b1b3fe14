"""The examples in the docstrings of core's shared rules (moved down from the apps that first
needed them) are tests too, without a database."""

from __future__ import annotations

import doctest

import pytest

from fazhi.core.domain import citations, comments, figures


@pytest.mark.parametrize("module", [citations, comments, figures])
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0
