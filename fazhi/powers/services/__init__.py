"""powers services: every state change, in a transaction, with its audit event."""

from fazhi.powers.services.items import (
    power_item_create,
    power_item_deactivate,
    power_item_review_clear,
    power_item_revise,
)
from fazhi.powers.services.review import power_items_flag_changed_law

__all__ = [
    "power_item_create",
    "power_item_deactivate",
    "power_item_review_clear",
    "power_item_revise",
    "power_items_flag_changed_law",
]
