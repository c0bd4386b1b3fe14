"""Law titles (short forms of the official names), counting notes and the dates each text took effect."""

from __future__ import annotations

from datetime import date

from fazhi.core.domain.time_limits.rule import _Span

PENALTY = "中华人民共和国行政处罚法（2021年修订）"
PENALTY_WORKING = "第八十五条：“二日”“三日”“五日”“七日”为工作日"
PENALTY_CALENDAR = "第八十五条未列入，按自然日计算，末日遇休息日顺延（民事诉讼法第八十五条）"
RECON_2017 = "中华人民共和国行政复议法（2017年修正）"
RECON_2017_WORKING = "第四十条：“五日”“七日”为工作日"
RECON_2017_CALENDAR = "第四十条未列入，依民事诉讼法按自然日计算，末日遇休息日顺延"
RECON_2023 = "中华人民共和国行政复议法（2023年修订）"
RECON_2023_WORKING = "第八十八条：“三日”“五日”“七日”“十日”为工作日"
RECON_2023_CALENDAR = "第八十八条未列入，依民事诉讼法按自然日计算，末日遇休息日顺延"
LICENSING = "中华人民共和国行政许可法"
LICENSING_WORKING = "第八十二条：期限以工作日计算，不含法定节假日"
LABOR = "劳动保障监察条例"
LABOR_RULES = "关于实施《劳动保障监察条例》若干规定（劳动和社会保障部令第25号）"
LITIGATION = "中华人民共和国行政诉讼法"
LITIGATION_CALENDAR = "第一百零一条适用民事诉讼法第八十五条：自然日，末日遇法定休假日顺延"
DOC_118 = "国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见（国办发〔2018〕118号）"
DOC_115 = "国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见（国办发〔2018〕115号）"
DOC_37 = "国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知（国办发〔2018〕37号）"
DECISIONS = "重大行政决策程序暂行条例（国务院令第713号）"
REPORTING = "法治政府建设与责任落实督察工作规定（厅字〔2019〕28号）"
EXPLICIT_WORKING = "原文明定为工作日"
CALENDAR = "按自然日计算，末日遇休息日顺延（民事诉讼法第八十五条）"

PENALTY_FROM = date(2021, 7, 15)  # 行政处罚法 第八十六条
# The 1996 text as amended in 2009 and 2017 governed acts before 2021-07-15. It has no counting
# article, so its periods are calendar days under 民事诉讼法. Its text is not in the shared corpus,
# hence verified=False: the numbers are configurable until a reviewer checks them.
PENALTY_2017 = "中华人民共和国行政处罚法（2017年修正）"
PENALTY_2017_SPAN: _Span = {"valid_from": date(1996, 10, 1), "valid_to": date(2021, 7, 14)}
RECON_2023_FROM = date(2024, 1, 1)  # 行政复议法 (2023) 第九十条
# The 2017 text's articles 17, 23, 31 and 40 are unchanged since the law took effect (1999).
RECON_2017_SPAN: _Span = {"valid_from": date(1999, 10, 1), "valid_to": date(2023, 12, 31)}
LICENSING_FROM = date(2004, 7, 1)  # 第八十三条; articles 32, 42, 82 unchanged by the 2019 amendment
LABOR_FROM = date(2004, 12, 1)  # 条例 第三十六条
# Article numbers of 行政诉讼法 date from the 2014 amendment (in force 2015-05-01).
LITIGATION_FROM = date(2015, 5, 1)
DOC_118_FROM = date(2018, 12, 5)
DECISIONS_FROM = date(2019, 9, 1)  # 条例 第四十四条
