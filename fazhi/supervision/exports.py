"""The 行政执法统计年报 as xlsx: the tables, then a 明细 sheet listing every record behind each
number (the type it was counted under), so each figure can be checked against its records."""

from __future__ import annotations

import io

from openpyxl import Workbook

from fazhi.supervision.domain import statistics as st


def yearbook_xlsx(data: dict) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "行政处罚"
    year, table = data["year"], data["penalty"]
    ws.append([f"{year}年度行政执法统计年报（行政处罚）", "", f"报送期限：{data['due']:%Y-%m-%d}"])
    ws.append([label for _, label in st.TYPES] + ["合计", "罚没金额（万元）"])
    ws.append([table.counts[c] for c, _ in st.TYPES] + [table.total, float(table.amount_wan)])
    ws2 = wb.create_sheet("行政检查与持证")
    ws2.append(["行政检查（现场检查）", data["inspections"]])
    ws2.append(["在岗执法人员", data["officers"]])
    ws2.append(["持有效执法证", data["certified"]])
    rate = round(data["certified"] * 100 / data["officers"], 2) if data["officers"] else None
    ws2.append(["持证率（%）", rate])
    detail = wb.create_sheet("明细")
    detail.append(["表", "统计项", "记录（案件编号）"])
    for code, label in st.TYPES:
        for ref in table.records[code]:
            detail.append(["行政处罚", label, ref])
    for ref in data["inspection_records"]:
        detail.append(["行政检查", "现场检查", ref])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
