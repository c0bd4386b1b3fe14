"""Writes of the publicity app: records (register, publish, withdraw, end) and the exchange."""

from fazhi.publicity.services.records import (
    publicity_end,
    publicity_expire,
    publicity_publish,
    publicity_register,
    publicity_withdraw,
)

__all__ = [
    "publicity_end",
    "publicity_expire",
    "publicity_publish",
    "publicity_register",
    "publicity_withdraw",
]
