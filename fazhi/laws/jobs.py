"""The corpus import as a background job (issue 19.2; ``fazhi.core.services.jobs``): 法规处 starts
it from the jobs page, watches one step per file, and downloads what happened to each file.

The import itself is idempotent (unchanged files are skipped), and the job's key is the data
folder's fingerprint (every file's path, size and time), so a second click on the same data
returns the first job, and new data gets a new one."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

from django.conf import settings

from fazhi.accounts.permissions import SYSTEM
from fazhi.core.domain.errors import Refused
from fazhi.laws.changes import corpus_changed
from fazhi.laws.services import corpus_import_all, sources_under
from fazhi.laws.services.importing import CREATED, SKIPPED, UNCHANGED, UPDATED

KIND = "laws.import"
OUTCOME_LABELS = {CREATED: "新导入", UPDATED: "已更新", UNCHANGED: "未变化", SKIPPED: "无法导入"}


def data_folder() -> Path:
    return Path(settings.FAZHI["SHARED_DATA_DIR"])


def params_and_key() -> tuple[dict, str]:
    """The configured data folder and its fingerprint. Refused when it holds nothing."""
    root = data_folder()
    sources, _problems = sources_under([root])
    if not sources:
        raise Refused(
            f"数据目录中没有可导入的文件（需要 manifest.csv）：{root}", code="laws_no_data"
        )
    digest = hashlib.sha256()
    for base, source in sources:
        stat = (base / source.source_path).stat()
        digest.update(f"{source.source_path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return {"root": str(root)}, f"{KIND}:{digest.hexdigest()[:32]}"


def corpus(*, job, workdir: Path, progress):
    sources, problems = sources_under([Path(job.params["root"])])
    rows: list[tuple[str, str, str]] = [("", "提示", p) for p in problems]
    done = 0
    progress(0, len(sources))

    def on_file(source, outcome: str) -> None:
        nonlocal done
        done += 1
        rows.append((source.source_path, OUTCOME_LABELS.get(outcome, outcome), ""))
        progress(done, len(sources))

    summary = corpus_import_all(sources=sources, actor=job.created_by, on_file=on_file)
    reasons = dict(summary.skipped)
    rows = [(path, result, reasons.get(path, note)) for path, result, note in rows]
    # An amended or repealed article must reach the power items citing it (权责清单 复核).
    flagged = corpus_changed(actor=SYSTEM) if summary.changed else []
    name = "法规库导入结果.csv"
    with open(workdir / name, "w", newline="", encoding="utf-8-sig") as fh:
        writer = csv.writer(fh)
        writer.writerow(["文件", "结果", "原因或提示"])
        writer.writerows(rows)
    counts = summary.counts
    text = (
        f"新导入{counts[CREATED]}个文件，更新{counts[UPDATED]}个，未变化{counts[UNCHANGED]}个，"
        f"无法导入{counts[SKIPPED]}个；库中共{summary.articles}条条文。"
        + (f"依据已修改或废止的{len(flagged)}个权责事项已标记待复核。" if flagged else "")
    )
    return workdir / name, name, {"text": text, "counts": counts, "flagged": len(flagged)}
