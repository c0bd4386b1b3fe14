"""导出 Excel of the case list (issue 19.7): the rows of 我的案件 as filtered, in the user's
units; a long list runs as the background job ``enforcement.cases_xlsx``."""

from __future__ import annotations

from pathlib import Path

from django.utils import timezone

from fazhi.enforcement import selectors
from fazhi.enforcement.domain import case_flow as flow

KIND = "enforcement.cases_xlsx"
WHAT = "执法案件"
HEADER = [
    "案件编号",
    "当事人",
    "统一社会信用代码/身份证号",
    "案由",
    "案件来源",
    "状态",
    "收到日期",
    "立案日期",
    "决定文书号",
    "决定日期",
    "结案日期",
    "办案单位",
]
FIELDS = (
    "reference",
    "party_name",
    "party_code",
    "cause",
    "source",
    "status",
    "received_on",
    "filed_on",
    "decision_number",
    "decided_on",
    "closed_on",
    "org_unit__name",
)
FILTERS = ("status", "overdue", "mine", "q", "year")


def params_from(get) -> dict:
    return {k: get.get(k, "")[:100] for k in FILTERS if get.get(k)}


def cases(*, user, params: dict):
    year = params.get("year", "")
    return selectors.case_list(
        user=user,
        status=params.get("status", ""),
        overdue=params.get("overdue") == "1",
        mine=params.get("mine") == "1",
        query=params.get("q", ""),
        year=int(year) if year.isdigit() else None,
        today=timezone.localdate(),
    )


def rows(qs):
    sources, statuses = dict(flow.SOURCE_LABELS), dict(flow.STATUS_LABELS)
    for row in qs.select_related(None).values_list(*FIELDS).iterator(chunk_size=2000):
        row = list(row)
        row[4] = sources.get(row[4], row[4])
        row[5] = statuses.get(row[5], row[5])
        yield [v.isoformat() if hasattr(v, "isoformat") else v for v in row]


def cases_xlsx(*, job, workdir: Path, progress):
    """The job handler: the creator's cases with the filters they chose."""
    from fazhi.core.views.exports import write_xlsx, xlsx_name

    qs = cases(user=job.created_by, params=job.params)
    total = qs.count()
    name = xlsx_name(WHAT)
    count = write_xlsx(
        workdir / name, HEADER, rows(qs), WHAT, progress=lambda done: progress(done, total)
    )
    return workdir / name, name, {"rows": count}
