"""Test helpers for apps that publish: the publication date is the system's, so a test that
needs a record published on a given day publishes it with the clock on that day."""

from __future__ import annotations

from datetime import date, datetime, time

import time_machine
from django.utils import timezone

from fazhi.publicity.services import publicity_publish, publicity_withdraw


def at_noon(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(12)))


def publish_on(day: date, *, record, actor):
    """``publicity_publish`` with the clock at noon (local time) on ``day``."""
    with time_machine.travel(at_noon(day), tick=False):
        return publicity_publish(record=record, actor=actor)


def withdraw_on(day: date, **kwargs):
    """``publicity_withdraw`` with the clock at noon (local time) on ``day``."""
    with time_machine.travel(at_noon(day), tick=False):
        return publicity_withdraw(**kwargs)


def on_day(day: date):
    """The clock at noon (local time) on ``day``: for acts that publish or withdraw as a side
    effect (serving a 复议 decision, performing a judgment)."""
    return time_machine.travel(at_noon(day), tick=False)
