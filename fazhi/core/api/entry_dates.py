"""The API shape of a typed date's entry log (issue 18.5), shared by every app whose records
take typed dates (enforcement cases and arrears, decisions). Delivery layer only: each app
subclasses ``TypedDateEntryOut`` under its own schema name."""

from __future__ import annotations

from datetime import date

from django.utils import timezone
from ninja import Schema
from pydantic import Field


class TypedDateEntryOut(Schema):
    """A typed step date beside the system's day of entry (the bureau's clocks are met on
    ``entered_on``); ``flags`` says why supervision should look at it."""

    step: str
    label: str
    typed_on: date = Field(description="the date typed (a fact from paper)")
    entered_on: date = Field(description="the system's date of entry")
    entered_at: str = Field(description="the system's time of entry (ISO 8601)")
    entered_by: str
    due: date | None = Field(None, description="the last day of the clock the step met")
    backdated: bool = Field(description="typed before the previous step was entered")
    hides_lateness: bool = Field(description="on time by the typed date, late by entry")
    flags: list[str]


def date_entry_out(e) -> dict:
    """One ``TypedDateEntry`` row as a ``TypedDateEntryOut``."""
    return {
        "step": e.step,
        "label": e.step_label,
        "typed_on": e.typed_on,
        "entered_on": e.entered_on,
        "entered_at": timezone.localtime(e.entered_at).isoformat(),
        "entered_by": str(e.entered_by) if e.entered_by else "系统",
        "due": e.due,
        "backdated": e.backdated,
        "hides_lateness": e.hides_lateness,
        "flags": e.notes,
    }
