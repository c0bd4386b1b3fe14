"""The API shape of a typed date's entry log (issue 18.5), shared by the case and the arrears
case endpoints (the fields and the row mapping are core's). Delivery layer only."""

from __future__ import annotations

from fazhi.core.api.entry_dates import TypedDateEntryOut, date_entry_out

__all__ = ["CaseDateEntryOut", "date_entry_out"]


class CaseDateEntryOut(TypedDateEntryOut):
    """A typed step date beside the system's day of entry (the bureau's clocks are met on
    ``entered_on``); ``flags`` says why supervision should look at it."""
