"""A date input shows its value after a reload (issue 19.3): ``<input type="date">`` accepts only
ISO values, and zh-hans formatted them as 2026/12/07, which the browser shows as empty."""

from __future__ import annotations

from datetime import date

from django import forms

from fazhi.powers.forms import ReviseForm


class _Form(forms.Form):
    on = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))


def test_a_date_input_renders_iso_and_still_reads_what_people_type():
    assert 'value="2026-12-07"' in str(_Form(initial={"on": date(2026, 12, 7)})["on"])
    for typed in ("2026-12-07", "2026/12/07", "2026年12月7日"):
        form = _Form(data={"on": typed})
        assert form.is_valid() and form.cleaned_data["on"] == date(2026, 12, 7), typed


def test_the_power_list_revise_form_keeps_its_date():
    field = ReviseForm(initial={"effective_from": date(2026, 12, 7)})["effective_from"]
    assert 'value="2026-12-07"' in str(field)
