"""What the education services share: the basis cited on refusals, the settings, the bank's pool."""

from __future__ import annotations

from django.conf import settings

from fazhi.education.domain import exam as rules
from fazhi.education.models import (
    Question,
    QuestionStatus,
)

BASIS = "《关于完善国家工作人员学法用法制度的意见》（2016年）"


def _conf(name: str, default):
    return settings.FAZHI.get(name, default)


def _pool(draw_rules: list[rules.DrawRule]) -> dict[int, tuple[str, str]]:
    return {
        pk: (qtype, work)
        for pk, qtype, work in Question.objects.filter(status=QuestionStatus.ACTIVE).values_list(
            "pk", "qtype", "work_key"
        )
    }
