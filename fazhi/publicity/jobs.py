"""The 双公示 export as a background job (issue 19.2; ``fazhi.core.services.jobs``)."""

from __future__ import annotations

from pathlib import Path

from django.utils import timezone

from fazhi.core.domain.errors import Refused
from fazhi.publicity import selectors
from fazhi.publicity.domain.enums import KIND_LABELS, ExportFormat, Kind
from fazhi.publicity.services.exchange import BASIS_EXCHANGE, shuanggongshi_export

KIND = "publicity.shuanggongshi"


def params_and_key(*, kind: str, fmt: str) -> tuple[dict, str]:
    """The job's parameters and its idempotency key: what the export produces — the kind, the
    format, the accepted batch it follows and the day — so a second start returns the first."""
    try:
        kind, fmt = Kind(kind), ExportFormat(fmt)
    except ValueError:
        raise Refused("请选择决定类别和文件格式。", BASIS_EXCHANGE, code="export_params") from None
    last = selectors.last_accepted_batch(kind=kind)
    after = last.pk if last else 0
    day = timezone.localdate().isoformat()
    return {"kind": str(kind), "format": str(fmt)}, f"{KIND}:{kind}:{fmt}:after-{after}:{day}"


def shuanggongshi(*, job, workdir: Path, progress):
    kind, fmt = job.params["kind"], job.params["format"]
    label = KIND_LABELS.get(Kind(kind), kind)
    name = f"双公示-{label}-{timezone.localdate():%Y%m%d}.{fmt}"
    result = shuanggongshi_export(
        kind=kind, fmt=fmt, out=workdir / name, actor=job.created_by, progress=progress
    )
    if result.refused:
        raise Refused(
            f"有 {result.invalid} 条决定信息不完整，未生成导出文件。请先在执法公示中补正后重试。",
            BASIS_EXCHANGE,
            code="export_invalid_records",
        )
    return workdir / name, name, result.as_dict()
