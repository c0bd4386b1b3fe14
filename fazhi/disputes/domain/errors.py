"""Disputes refuse with the platform's one refusal type (``core.domain.errors.Refused``), each
with a stable code from `DisputeError`."""

from __future__ import annotations

from enum import StrEnum

from fazhi.core.domain.errors import Refused

__all__ = ["DisputeError", "Refused"]


class DisputeError(StrEnum):
    NOT_THE_BODY = (
        "reconsideration_not_the_body"  # the bureau is not the 复议机关 (2023 第二十四条)
    )
    INVALID_IDENTIFIER = "invalid_identifier"  # an ID, USCC or phone number fails its check
    LAWYER_ALONE = "litigation_lawyer_alone"  # 行政诉讼法 第三条第三款: a lawyer alone
