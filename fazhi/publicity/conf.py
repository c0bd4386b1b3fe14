"""The app's settings, read from ``settings.FAZHI`` with documented defaults.

| key | default | meaning |
| --- | --- | --- |
| PUBLICITY_PENALTY_MONTHS | {"2019": 36, "2023": 36} | publicity period of a penalty per regime (3–36 months) |
| PUBLICITY_OTHER_MONTHS | 36 | publicity period of other enforcement decisions |
| PUBLICITY_WITHDRAWAL_FALLBACK_WORKING_DAYS | 3 | withdrawal limit where 行政处罚法 第四十八条 does not apply |
| SHUANGGONGSHI_DATE_FORMAT | "YYYY/MM/DD" | date style of exchange files ("YYYY-MM-DD" also accepted) |
| SHUANGGONGSHI_CHUNK_SIZE | 2000 | rows fetched per database round trip while exporting |
"""

from __future__ import annotations

from django.conf import settings

DEFAULTS = {
    "PUBLICITY_PENALTY_MONTHS": {"2019": 36, "2023": 36},
    "PUBLICITY_OTHER_MONTHS": 36,
    "PUBLICITY_WITHDRAWAL_FALLBACK_WORKING_DAYS": 3,
    "SHUANGGONGSHI_DATE_FORMAT": "YYYY/MM/DD",
    "SHUANGGONGSHI_CHUNK_SIZE": 2000,
}


def get(key: str):
    return getattr(settings, "FAZHI", {}).get(key, DEFAULTS[key])
