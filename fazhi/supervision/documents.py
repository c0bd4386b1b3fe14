"""The 案卷评查 campaign report as a 公文 (.docx, GB/T 9704 via fazhi.core.documents)."""

from __future__ import annotations

from django.utils import timezone

from fazhi.core import documents as doc
from fazhi.supervision.selectors import campaign_results


def campaign_report_docx(campaign) -> bytes:
    r = campaign_results(campaign)
    d = doc.new_document()
    doc.title(d, f"关于{campaign.title}情况的通报")
    doc.heading(d, "一、基本情况")
    doc.body(
        d,
        f"本次评查对象为{campaign.case_year}年作出处理决定的行政执法案件，按单位和执法类别分层，"
        f"每层按{campaign.share}的比例随机抽取，共抽取案卷{len(r['files'])}卷，每卷由"
        f"{campaign.reviewers_per_file}名评查人员评查，评查人员不评查本单位案卷。"
        f"抽取名单摘要{campaign.list_digest[:16]}…，随机种子摘要{campaign.seed_digest[:16]}…，"
        "可据公布的名单和种子复核抽取结果。",
    )
    doc.heading(d, "二、评查结果")
    grades = "，".join(f"{k}{v}卷" for k, v in r["grades"]) or "无"
    doc.body(d, f"评查等次：{grades}。")
    for row in r["per_unit"]:
        avg = f"平均{row['average']}分" if row["average"] is not None else "未评分"
        g = "，".join(f"{k}{v}卷" for k, v in row["grades"])
        doc.body(d, f"{row['unit'].name}：评查{row['files']}卷，{avg}；{g}。")
    doc.heading(d, "三、发现的主要问题")
    if not r["problems"]:
        doc.body(d, "本次评查未发现扣分问题。")
    for item, deductions in r["problems"]:
        cases = "、".join(sorted({x.file.case.reference for x in deductions}))
        doc.body(d, f"（{item.section}）{item.text}：{len(deductions)}卷扣分（{cases}）。")
    doc.heading(d, "四、整改要求")
    tasks = [t for f in r["files"] for t in f.rectifications.all()]
    if not tasks:
        doc.body(d, "各单位对照评查标准自查自纠。")
    for t in tasks:
        doc.body(
            d, f"{t.org_unit.name}：{t.problem}，于{t.due_on:%Y年%-m月%-d日}前整改完毕并书面报告。"
        )
    doc.signature(d, doc.agency_name(), timezone.localdate())
    return doc.to_bytes(d)
