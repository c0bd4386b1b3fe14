"""Demo records for `fazhi demo`: the HRSS and administrative-procedure laws and the policies.

`make run` thereby serves a searchable 人社政策一点通 with the texts the bureau applies daily
(the list in `fazhi.laws.hrss_core`); the full corpus is one command away:
`fazhi laws import ../shared/data`. Idempotent: unchanged files are skipped by content hash.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from fazhi.laws.services import corpus_import, read_sources


def load(ctx) -> None:
    root = Path(settings.FAZHI["SHARED_DATA_DIR"])
    if not (root / "laws" / "manifest.csv").exists():
        ctx.notes.append(f"未找到法规数据目录 {root}，跳过法规库演示数据。")
        return
    sources, problems = read_sources(root, only_hrss=True)
    ctx.notes.extend(problems)
    summary = corpus_import(sources=sources, root=root, actor=ctx.actor)
    ctx.created["legal_documents"] += summary.changed
    for path, reason in summary.skipped:
        ctx.notes.append(f"法规文件未导入：{path}（{reason}）")
