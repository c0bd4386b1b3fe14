"""Test helpers for enforcement: a case step entered on a given day (the system's clock).

A step's typed date is a fact; the bureau's clocks are met on the day the step is entered
(``services.cases_common.enter_date``). A test that means "entered on the day it was done"
says so with ``on_day``.
"""

from __future__ import annotations

from datetime import date, datetime, time

import time_machine
from django.utils import timezone


def at_noon(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12)))


def on_day(day: date):
    """The clock at noon (local time) on ``day``."""
    return time_machine.travel(at_noon(day), tick=False)
