"""`fazhi flush` wipes the database on purpose (tests, demo resets): Django's flush with the
audit table's append-only triggers lifted for that one transaction (see core.audit_guard)."""

from __future__ import annotations

from django.core.management.commands.flush import Command as DjangoFlush
from django.db import DEFAULT_DB_ALIAS, connections

from fazhi.core.audit_guard import audit_unlocked


class Command(DjangoFlush):
    def handle(self, **options):
        connection = connections[options.get("database") or DEFAULT_DB_ALIAS]
        with audit_unlocked(connection):
            return super().handle(**options)
