"""The report's pure rules: their doctests, without a database."""

import doctest

import pytest

from fazhi.reports.domain import flow, layouts


@pytest.mark.parametrize("module", [flow, layouts])
def test_doctests(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


def test_every_figure_token_in_the_layouts_is_a_defined_figure():
    from fazhi.core.selectors.figures import definitions

    defined = {d.key for d in definitions()}
    used = {
        key
        for layout in layouts.LAYOUTS.values()
        for section in layout.sections
        for paragraph in section.paragraphs
        for key in layouts.figure_keys(paragraph)
    }
    assert used and used <= defined, used - defined


def test_the_default_layout_has_the_five_required_contents_and_asks_for_causes():
    keys = [s.key for s in layouts.DEFAULT.sections]
    assert keys == ["measures", "principal", "shortcomings", "next_year", "other"]
    shortcomings = layouts.DEFAULT.sections[2]
    assert "原因" in shortcomings.heading and layouts.prompts(shortcomings.paragraphs[0])
