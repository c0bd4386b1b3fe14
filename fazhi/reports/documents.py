"""The report as a 公文 (.docx, GB/T 9704) and its machine-readable annex (JSON, CSV)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from fazhi.core import documents as gw
from fazhi.reports.domain.layouts import displays, render


def report_docx(
    *, title: str, opening: str, sections: list[dict], figures: dict, day: date
) -> bytes:
    shown = displays(figures)
    doc = gw.new_document()
    gw.title(doc, title)
    gw.body(doc, opening)
    for section in sections:
        gw.heading(doc, section["heading"])
        for paragraph in section["paragraphs"]:
            gw.body(doc, render(paragraph, shown))
    gw.signature(doc, gw.agency_name(), day)
    gw.colophon(
        doc,
        copies_to="市委依法治市办",
        issuer=f"{gw.agency_name()}法规处",
        issued_on=day,
    )
    return gw.to_bytes(doc)


def annex_json(*, year: int, layout: str, figures: dict, sha256: str = "") -> str:
    """Every figure with its definition, value and the ids of its records."""
    return json.dumps(
        {
            "year": year,
            "layout": layout,
            "content_sha256": sha256 or None,
            "figures": [figures[key] for key in sorted(figures)],
        },
        ensure_ascii=False,
        indent=2,
    )


def annex_csv(*, figures: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["数字", "版本", "名称", "数值", "单位", "统计口径", "缺少的记录", "记录"])
    for key in sorted(figures):
        f = figures[key]
        records = ";".join(f"{r['model']}#{r['id']}" for r in f["records"])
        writer.writerow(
            [
                key,
                f["version"],
                f["title"],
                f["value"] or "",
                f["unit"],
                f["counts"],
                f["missing"],
                records,
            ]
        )
    return "\ufeff" + out.getvalue()
