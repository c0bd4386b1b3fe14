"""How often an item was used in a year, and when that counts as 零执法 (zero enforcement).

Pure Python. 权责清单 dynamic management (the 2019 report, 一(二) 落实权责清单动态管理) asks the
bureau to clean up powers it holds but never exercises: an item in force with no case filed
under it in the year is shown as 零执法, so that it is either exercised or proposed for
cancellation in the next adjustment. An item cancelled (取消) is no longer a power and so is
never 零执法.

>>> usage_label(0, is_active=True)
'零执法'
>>> usage_label(3, is_active=True)
'3 件'
>>> usage_label(0, is_active=False)
'已取消'
"""

from __future__ import annotations

ZERO_ENFORCEMENT = "零执法"


def is_zero_enforcement(count: int, *, is_active: bool) -> bool:
    return is_active and count == 0


def usage_label(count: int, *, is_active: bool) -> str:
    if not is_active:
        return "已取消"
    return ZERO_ENFORCEMENT if is_zero_enforcement(count, is_active=is_active) else f"{count} 件"
