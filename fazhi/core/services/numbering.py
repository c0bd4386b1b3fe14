"""Taking register numbers from the locked counter (`fazhi.core.models.SerialCounter`)."""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

from fazhi.core.models import SerialCounter


def take_serial(key: str, year: int, *, floor: Callable[[], int] | None = None) -> int:
    """The next serial of ``key`` in ``year``; the counter row stays locked until commit.

    ``floor`` is asked once, when the counter row of ``key``/``year`` is first created, for the
    highest serial already used (numbers issued before this counter existed, or entered by
    hand), so the first number taken continues after it instead of colliding.

    Two takers at once queue on the row lock; each reads the other's committed value. A
    rolled-back transaction rolls its increment back too, so numbers stay gap-free.
    """
    with transaction.atomic():
        counter = SerialCounter.objects.select_for_update().filter(key=key, year=year).first()
        if counter is None:
            SerialCounter.objects.get_or_create(
                key=key, year=year, defaults={"last": floor() if floor else 0}
            )
            counter = SerialCounter.objects.select_for_update().get(key=key, year=year)
        counter.last += 1
        counter.save(update_fields=["last"])
        return counter.last


def note_serial(key: str, year: int, serial: int) -> None:
    """Record that ``serial`` was used outside the counter (a number typed from paper), so the
    counter never hands it out again."""
    with transaction.atomic():
        SerialCounter.objects.get_or_create(key=key, year=year)
        counter = SerialCounter.objects.select_for_update().get(key=key, year=year)
        if counter.last < serial:
            counter.last = serial
            counter.save(update_fields=["last"])
