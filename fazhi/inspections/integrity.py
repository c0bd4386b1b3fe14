"""The frozen candidate lists of 双随机 draws are covered by `fazhi evidence verify`.

Each list is stored gzip-compressed at ``inspections/draw-lists/<sha256>.txt.gz`` in the evidence
storage. Like an evidence file, it is checked against the three records made when it was frozen:
the content address in its path, ``Draw.list_sha256`` and the ``list_sha256`` of the
``inspections.draw.commit`` audit event.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Iterator

from fazhi.core.models import AuditEvent
from fazhi.core.services.evidence import VerifyProblem, register_check
from fazhi.inspections.models import Draw
from fazhi.inspections.selectors import frozen_storage, list_path


def _committed_hashes() -> dict[str, str]:
    events = AuditEvent.objects.filter(
        action="inspections.draw.commit", target_type="inspections.draw"
    ).order_by("seq")
    found: dict[str, str] = {}
    for target_id, data in events.values_list("target_id", "data").iterator():
        found.setdefault(target_id, (data or {}).get("list_sha256", ""))
    return found


@register_check("双随机冻结名单")
def frozen_lists() -> Iterator[VerifyProblem | None]:
    committed = _committed_hashes()
    storage = frozen_storage()
    for draw in Draw.objects.order_by("pk").only("pk", "list_sha256", "list_path").iterator():
        recorded = draw.list_sha256
        try:
            with storage.open(draw.list_path, "rb") as fh:
                actual = hashlib.sha256(gzip.decompress(fh.read())).hexdigest()
        except (FileNotFoundError, OSError, EOFError, gzip.BadGzipFile):
            actual = ""
        if not actual:
            yield VerifyProblem(recorded, draw.list_path, "missing")
        elif actual != recorded:
            yield VerifyProblem(recorded, draw.list_path, "mismatch", actual)
        elif draw.list_path != list_path(actual):
            yield VerifyProblem(recorded, draw.list_path, "address", actual)
        elif committed.get(str(draw.pk)) != actual:
            yield VerifyProblem(
                recorded, draw.list_path, "ingest", actual, committed.get(str(draw.pk), "")
            )
        else:
            yield None
