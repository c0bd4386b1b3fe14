"""Admin screens for super-users and data fixes; one module per area."""

from . import audit, clock, evidence  # noqa: F401
