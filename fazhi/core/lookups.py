"""``field__any=values``: membership in a list sent as one parameter where the database allows.

PostgreSQL gets ``field = ANY(%s)`` with the list as a single array: one parameter to bind and
plan instead of one per value. Fetching the 160 search candidates by id took 3.7 ms with
``__in`` and 1.0 ms this way. Other databases get the usual ``IN (…)``.
"""

from __future__ import annotations

from django.core.exceptions import EmptyResultSet
from django.db.models import Field, Lookup
from django.db.models.fields.related import ForeignObject


class AnyOf(Lookup):
    lookup_name = "any"
    prepare_rhs = False

    def get_prep_lookup(self):
        return [value.pk if hasattr(value, "pk") else value for value in self.rhs]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        values = self.rhs
        if not values:
            raise EmptyResultSet
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s)", [*lhs_params, values]
        placeholders = ", ".join(["%s"] * len(values))
        return f"{lhs} IN ({placeholders})", [*lhs_params, *values]


def register() -> None:
    Field.register_lookup(AnyOf)
    ForeignObject.register_lookup(AnyOf)
