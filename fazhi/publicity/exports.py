"""导出 Excel of the 执法公示 register (issue 19.7): the records of the tab, type and search the
queue page shows, without ID numbers, phones or addresses (the sheet leaves the platform). A
long list runs as the background job ``publicity.records_xlsx``."""

from __future__ import annotations

from pathlib import Path

from fazhi.publicity import selectors
from fazhi.publicity.domain.enums import KIND_LABELS, STATUS_LABELS, Kind, Status

KIND = "publicity.records_xlsx"
FIELDS = [
    "kind",
    "status",
    "document_title",
    "document_number",
    "party_category",
    "party_name",
    "uscc",
    "decided_on",
    "authority",
    "due_on",
    "published_on",
    "publicity_ends_on",
    "withdrawal_change",
    "withdrawn_on",
    "exchange_status",
    "exchange_reason",
]


def params_from(get) -> dict:
    """The page's filters, checked as the page checks them (unknown values are dropped)."""
    tab = get.get("tab", Status.PENDING)
    kind = get.get("kind", "")
    return {
        "tab": tab if tab in {s.value for s in STATUS_LABELS} else Status.PENDING.value,
        "kind": kind if kind in {k.value for k in Kind} else "",
        "q": get.get("q", "").strip()[:50],
    }


def what(params: dict) -> str:
    """“执法公示-已公示-行政处罚”: named by what the sheet holds (the date is added on)."""
    parts = ["执法公示", STATUS_LABELS[Status(params["tab"])]]
    if params.get("kind"):
        parts.append(KIND_LABELS[Kind(params["kind"])])
    return "-".join(parts)


def records(params: dict):
    return selectors.staff_records(status=params["tab"], kind=params["kind"], query=params["q"])


def records_xlsx(*, job, workdir: Path, progress):
    """The job handler: the register with the filters the person chose."""
    from fazhi.core.views.exports import model_sheet, write_xlsx, xlsx_name

    qs = records(job.params)
    total = qs.count()
    header, rows = model_sheet(qs, FIELDS)
    name = xlsx_name(what(job.params))
    count = write_xlsx(
        workdir / name, header, rows, "执法公示", progress=lambda done: progress(done, total)
    )
    return workdir / name, name, {"rows": count}
