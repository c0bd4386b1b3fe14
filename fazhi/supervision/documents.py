"""The 案卷评查 campaign report as a 公文 (.docx from ``fazhi/supervision/docx/``, GB/T 9704 via
fazhi.core.documents)."""

from __future__ import annotations

from django.utils import timezone

from fazhi.core import documents as gw
from fazhi.supervision.selectors import campaign_results


def campaign_report_docx(campaign) -> bytes:
    r = campaign_results(campaign)
    units = []
    for row in r["per_unit"]:
        avg = f"平均{row['average']}分" if row["average"] is not None else "未评分"
        g = "，".join(f"{k}{v}卷" for k, v in row["grades"])
        units.append(f"{row['unit'].name}：评查{row['files']}卷，{avg}；{g}。")
    problems = []
    for item, deductions in r["problems"]:
        cases = "、".join(sorted({x.file.case.reference for x in deductions}))
        problems.append(f"（{item.section}）{item.text}：{len(deductions)}卷扣分（{cases}）。")
    tasks = [
        f"{t.org_unit.name}：{t.problem}，于{gw.chinese_date(t.due_on)}前整改完毕并书面报告。"
        for f in r["files"]
        for t in f.rectifications.all()
    ]
    return gw.render(
        "supervision/campaign_report",
        {
            "campaign": campaign.title,
            "case_year": campaign.case_year,
            "share": campaign.share,
            "files": len(r["files"]),
            "reviewers": campaign.reviewers_per_file,
            "list_digest": campaign.list_digest[:16],
            "seed_digest": campaign.seed_digest[:16],
            "grades": "，".join(f"{k}{v}卷" for k, v in r["grades"]) or "无",
            "units": units,
            "problems": problems,
            "tasks": tasks,
            "signed_on": gw.chinese_date(timezone.localdate()),
        },
    )
