"""The configurable card rules, read from ``settings.FAZHI`` with defaults.

Tianjin's card rules are UNVERIFIED (domain-rules.md §12), so each is a setting:

* ``OFFICERS_CERT_VALIDITY_YEARS`` (3): years a new or renewed card is valid;
* ``OFFICERS_CERT_REVIEW_MONTHS`` (12): annual review (年审) cycle, 0 = no review required;
* ``OFFICERS_MIN_TRAINING_HOURS`` (60): training hours per officer per year;
* ``OFFICERS_RENEWAL_GRACE_MONTHS`` (6): months after expiry a card may still be renewed;
* ``OFFICERS_EXPIRY_WARNING_DAYS`` (90): the register flags cards expiring within this many days;
* ``OFFICERS_CHECK_LIMIT`` (30) and ``OFFICERS_CHECK_WINDOW_MINUTES`` (10): public certificate
  checks allowed from one address per window.
"""

from __future__ import annotations

from django.conf import settings

from fazhi.officers.domain.certificates import CardPolicy

DEFAULTS = {
    "OFFICERS_CERT_VALIDITY_YEARS": 3,
    "OFFICERS_CERT_REVIEW_MONTHS": 12,
    "OFFICERS_MIN_TRAINING_HOURS": 60,
    "OFFICERS_EXPIRY_WARNING_DAYS": 90,
    "OFFICERS_CHECK_LIMIT": 30,
    "OFFICERS_CHECK_WINDOW_MINUTES": 10,
    "OFFICERS_RENEWAL_GRACE_MONTHS": 6,
}


def option(key: str) -> int:
    return int(settings.FAZHI.get(key, DEFAULTS[key]))


def card_policy() -> CardPolicy:
    return CardPolicy(
        validity_years=option("OFFICERS_CERT_VALIDITY_YEARS"),
        review_cycle_months=option("OFFICERS_CERT_REVIEW_MONTHS"),
        min_training_hours=option("OFFICERS_MIN_TRAINING_HOURS"),
        renewal_grace_months=option("OFFICERS_RENEWAL_GRACE_MONTHS"),
    )
