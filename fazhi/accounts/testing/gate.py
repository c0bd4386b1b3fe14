"""The gate matrix: every write service refuses the anonymous user and another unit's user,
writing nothing, and lets the responsible role through (DESIGN principle 8).

Each app keeps a ``tests/test_gate.py`` that calls :func:`check_gate` once per write service;
``fazhi/accounts/tests/test_gate_matrix.py`` discovers every write service (a public function in
a services module taking ``actor``) and fails when one is neither covered there nor exempted
with a reason, so a new service cannot skip the gate unnoticed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from fazhi.core.domain.errors import Refused


def row_counts() -> dict[str, int]:
    """Rows per model of every fazhi app, the audit chain included: a refusal changes none."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model.__module__.startswith("fazhi.")
    }


def fields_of(obj) -> dict[str, Any]:
    if obj is None:
        return {}
    fresh = type(obj)._default_manager.get(pk=obj.pk)
    return {f.attname: getattr(fresh, f.attname) for f in fresh._meta.concrete_fields}


def assert_refused(call: Callable[[Any], Any], actor, *, obj=None) -> None:
    """``call(actor)`` is refused (no permission, or a rule) and writes nothing."""
    before, state = row_counts(), fields_of(obj)
    with pytest.raises((PermissionDenied, Refused)):
        call(actor)
    assert row_counts() == before, "a refused call wrote rows"
    assert fields_of(obj) == state, "a refused call changed the record"


def check_gate(
    call: Callable[[Any], Any],
    *,
    responsible,
    outsiders: list,
    obj=None,
) -> Any:
    """Anonymous and each outsider (another unit's user, a role without the right) are refused
    with nothing written; then ``responsible`` succeeds. Returns the responsible call's result."""
    for actor in [AnonymousUser(), *outsiders]:
        assert_refused(call, actor, obj=obj)
    return call(responsible)
