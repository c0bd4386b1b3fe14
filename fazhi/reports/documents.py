"""The report as a 公文 (.docx from ``fazhi/reports/docx/annual_report.docx``, GB/T 9704) and
its machine-readable annex (JSON, CSV)."""

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
    return gw.render(
        "reports/annual_report",
        {
            "title": title,
            "opening": opening,
            "sections": [
                {
                    "heading": section["heading"],
                    "paragraphs": [render(text, shown) for text in section["paragraphs"]],
                }
                for section in sections
            ],
            "signed_on": gw.chinese_date(day),
            "issued_on": gw.chinese_date(day),
        },
    )


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
