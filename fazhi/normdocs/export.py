"""The ledger (台账) as display rows and as an xlsx workbook (openpyxl, streamed row by row)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from fazhi.core.selectors.deadlines import DeadlineRow
from fazhi.normdocs.domain.states import IN_FORCE_STAGES
from fazhi.normdocs.models import NormativeDocument
from fazhi.normdocs.selectors import next_deadlines

HEADERS = (
    "文号",
    "标题",
    "起草单位",
    "阶段",
    "起草日期",
    "征求意见",
    "登记日期",
    "公布日期",
    "施行日期",
    "有效期至",
    "报送备案",
    "备案审查结果",
    "停止执行日期",
    "下一期限",
    "届满日",
    "期限状态",
)
CHUNK = 500


@dataclass(frozen=True)
class LedgerRow:
    document: NormativeDocument
    next_deadline: DeadlineRow | None
    term_ended: bool = False  # still 有效 in the ledger though its term is over (not registered)

    @property
    def stage_label(self) -> str:
        label = self.document.stage_label
        return f"{label}（有效期已届满，待登记）" if self.term_ended else label

    @property
    def css_class(self) -> str:
        return self.next_deadline.css_class if self.next_deadline else ""

    def cells(self) -> list:
        d, nxt = self.document, self.next_deadline
        comment = (
            f"{d.comment_opened_on:%Y-%m-%d}至{d.comment_closed_on:%Y-%m-%d}"
            if d.comment_opened_on and d.comment_closed_on
            else (f"{d.comment_opened_on:%Y-%m-%d}起" if d.comment_opened_on else "")
        )
        return [
            d.doc_number or "",
            d.title,
            d.org_unit.name,
            self.stage_label,
            d.drafted_on,
            comment,
            d.registered_on,
            d.published_on,
            d.effective_on,
            d.valid_until,
            d.filed_on,
            d.get_filing_result_display(),
            d.ended_on,
            nxt.rule_title if nxt else "",
            nxt.deadline.due if nxt else None,
            (nxt.remaining.label if nxt and nxt.remaining else ""),
        ]


def ledger_rows(documents: Iterable[NormativeDocument], *, today: date) -> list[LedgerRow]:
    items = list(documents)
    upcoming = next_deadlines(items, today=today)
    return [LedgerRow(d, upcoming.get(d.pk), term_ended(d, today)) for d in items]


def term_ended(document: NormativeDocument, today: date) -> bool:
    """In force by its stage, but past its last day (the daily job has not registered it yet)."""
    return (
        document.stage in IN_FORCE_STAGES
        and document.valid_until is not None
        and document.valid_until < today
    )


def _chunks(documents) -> Iterator[list[NormativeDocument]]:
    # Keyset pages, so a city-sized ledger never sits in memory at once.
    last = 0
    qs = documents.select_related("org_unit").order_by("pk")
    while True:
        chunk = list(qs.filter(pk__gt=last)[:CHUNK])
        if not chunk:
            return
        yield chunk
        last = chunk[-1].pk


def ledger_workbook(documents, *, today: date) -> Workbook:
    """A write-only workbook: one header row, then one row per document."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("规范性文件台账")
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for title in HEADERS:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for chunk in _chunks(documents):
        for row in ledger_rows(chunk, today=today):
            sheet.append(row.cells())
    return book


def write_ledger(path, documents, *, today: date) -> int:
    """Save the ledger to ``path``; returns the number of document rows."""
    book = ledger_workbook(documents, today=today)
    count = documents.count()
    book.save(path)
    return count
