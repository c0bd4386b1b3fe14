"""What a record that carries deadlines names once: its staff page and its staff list."""

from __future__ import annotations

from typing import ClassVar

from django.urls import reverse


class DeadlineSubject:
    """Mixin for a model a ``Deadline`` hangs on (DESIGN principle 5). ``get_absolute_url`` is the
    staff page a deadline on the record links to (我的期限); ``list_url`` is the staff list where
    such deadlines are worked through (the home page's overview). A model names the two URL
    patterns, and a query string for the list if it wants one, instead of writing the methods.

    ``status_label`` is the Chinese name of the record's state, read from the choices of its
    ``status`` field (built from the domain's label table by ``label_choices``), so no model
    repeats the look-up."""

    detail_url_name: ClassVar[str]
    list_url_name: ClassVar[str]
    list_url_query: ClassVar[str] = ""

    pk: object

    def get_absolute_url(self) -> str:
        return reverse(self.detail_url_name, args=[self.pk])

    @property
    def status_label(self) -> str:
        return str(self.get_status_display())  # type: ignore[attr-defined]

    @classmethod
    def list_url(cls) -> str:
        return reverse(cls.list_url_name) + cls.list_url_query
