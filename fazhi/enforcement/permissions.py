"""Who may do what on enforcement cases. Reading follows the data scope (selectors).

* 执法人员, 局领导 and administrators handle cases (register, record acts, decide …);
* 法制审核人员 record 法制审核 opinions (国办发〔2018〕118号 (十一)); the service also refuses a
  reviewer who investigated the case.
"""

from __future__ import annotations

from fazhi.enforcement.services.cases_common import can_handle, is_reviewer


def can_review(user) -> bool:
    return is_reviewer(user)


__all__ = ["can_handle", "can_review"]
