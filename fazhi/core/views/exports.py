"""导出 Excel of staff lists (issue 19.7) through the streaming writer of the 双公示 export
(``fazhi.core.xlsx_stream``): a list of up to ``SYNC_ROWS`` rows downloads at
once; a longer one runs as a background job with progress on the jobs page
(``fazhi.core.services.jobs``), the file named by what and when."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote

from django.http import FileResponse
from django.shortcuts import redirect
from django.utils import timezone

from fazhi.core.xlsx_stream import XlsxStreamWriter

SYNC_ROWS = 5_000  # at about 70,000 rows/s this is well under a second; more goes to a job
CHUNK = 2_000


def xlsx_name(what: str) -> str:
    """“执法案件-20261207.xlsx”: named by what and when."""
    return f"{what}-{timezone.localdate():%Y%m%d}.xlsx"


def write_xlsx(path: Path, header: list[str], rows: Iterable, title: str, progress=None) -> int:
    """Write ``rows`` (tuples of text or None) to ``path``; returns the row count."""
    writer = XlsxStreamWriter(path, header, title)
    done, chunk = 0, []
    for row in rows:
        chunk.append(["" if v is None else str(v) for v in row])
        if len(chunk) >= CHUNK:
            writer.write_rows(chunk)
            done += len(chunk)
            chunk = []
            if progress:
                progress(done)
    if chunk:
        writer.write_rows(chunk)
        done += len(chunk)
        if progress:
            progress(done)
    writer.close()
    return done


def cell(value) -> str:
    """A value as a person reads it in a sheet: 是/否, ISO dates, names, never None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def model_sheet(qs, fields: list[str]) -> tuple[list[str], Iterable[list[str]]]:
    """A register as (header, rows): each column named by its field's verbose name, choices shown
    by their label, related rows by their name. One helper for every register's 导出 Excel."""
    model = qs.model
    header = [str(model._meta.get_field(f).verbose_name) for f in fields]

    def rows():
        for obj in qs.iterator(chunk_size=CHUNK):
            out = []
            for name in fields:
                field = model._meta.get_field(name)
                if field.choices:
                    out.append(cell(getattr(obj, f"get_{name}_display")()))
                else:
                    out.append(cell(getattr(obj, name)))
            yield out

    return header, rows()


def xlsx_download(*, header: list[str], rows: Iterable, title: str, what: str) -> FileResponse:
    folder = Path(tempfile.mkdtemp(prefix="fazhi-xlsx-"))
    path = folder / "export.xlsx"
    write_xlsx(path, header, rows, title)
    handle = open(path, "rb")  # noqa: SIM115 — FileResponse closes it
    path.unlink()  # the open handle keeps the data until the response is sent
    folder.rmdir()
    response = FileResponse(
        handle,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(xlsx_name(what))}"
    return response


def export_or_job(request, *, count: int, kind: str, params: dict, key_extra: str, download):
    """Download at once when the list is short; else start (or find) the export job."""
    from fazhi.core.services import jobs

    if count <= SYNC_ROWS:
        return download()
    key = f"{kind}:{request.user.pk}:{sorted(params.items())}:{key_extra}:{timezone.localdate()}"
    job = jobs.job_start(kind=kind, params=params, key=key[:200], actor=request.user)
    return redirect("core:job_detail", pk=job.pk)
