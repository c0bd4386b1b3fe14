"""The report's layouts and the sentences a draft starts from. Pure Python.

法治政府建设与责任落实督察工作规定（厅字〔2019〕28号）: a 县级以上政府部门 reports the previous year
by 1 March and publishes it by 1 April; the report states (1) the year's measures and results,
(2) the shortcomings **and their causes**, (3) how the 党政主要负责人 performed as 第一责任人,
(4) next year's plan, (5) other matters. ``DEFAULT`` follows those items as the bureau's 2022
report did (four parts); ``SEED`` is the bureau's 2019 ten-part layout.

A paragraph is text with tokens: ``[[figure.key]]`` is a live figure (rendered marked, opening
its records), ``[[figure.key:list]]`` the same figure's records named one by one (the documents
issued with their numbers, the decisions, the activities), ``{year}`` / ``{next_year}`` the report's years, and ``〔待填写：…〕`` a prompt the
writer must replace before the report can be approved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

FIGURE_TOKEN = re.compile(r"\[\[([a-z_]+\.[a-z_]+)(:list)?\]\]")
LIST_SHOWN = 30  # a longer list names the first ones and says how many there are
PROMPT = re.compile(r"〔待填写：[^〕]*〕")


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Layout:
    key: str
    name: str
    opening: str
    sections: tuple[Section, ...]


OPENING = (
    "根据《法治政府建设与责任落实督察工作规定》和市委、市政府相关文件的要求，现将{agency}{year}年"
    "法治政府建设情况报告如下。本报告所列数据的期限自{year}年1月1日起，至{year}年12月31日止。"
)

CAUSES_PROMPT = "〔待填写：逐项写明不足及其原因（《法治政府建设与责任落实督察工作规定》要求报告存在的不足和原因）〕"

_DUTIES = (
    "深入推进简政放权、放管结合、优化服务改革。与上年相比，行政许可事项减少"
    "[[services.licensing_items_reduction]]，办事要件减少[[services.materials_reduction]]，"
    "平均办理时限压缩[[services.promised_days_reduction]]。",
    "落实权责清单动态管理，年末权责清单有效事项[[powers.items_listed]]，统一在互联网公开。",
    "“双随机、一公开”抽查事项覆盖率[[inspections.coverage]]；行政许可、行政处罚决定按期公示率"
    "[[publicity.on_time_rate]]。",
)
_SYSTEM = (
    "积极推进立法进程，修订政府规章[[legislation.rules_revised]]，完成立法调研报告"
    "[[legislation.research_reports]]；对上级法律法规规章草案提出意见[[legislation.drafts_commented]]。",
    "加强行政规范性文件管理，全年公布行政规范性文件[[normdocs.published]]，报送备案率"
    "[[normdocs.filed_rate]]；开展规范性文件清理，宣布失效、废止行政规范性文件"
    "[[normdocs.ended_by_cleanup]]。",
    "{year}年公布的行政规范性文件：[[normdocs.published:list]]。",
)
_DECISIONS = (
    "健全依法决策机制，全年作出重大行政决策[[decisions.major_decisions]]，经首席法律顾问审核率"
    "[[decisions.counsel_review_rate]]；开展公平竞争审查[[decisions.fair_competition_reviews]]。",
    "{year}年作出的重大行政决策：[[decisions.major_decisions:list]]。",
)
_ENFORCEMENT = (
    "加强行政执法队伍建设，完成[[officers.renewals]]执法人员证件换证，执法人员持证率"
    "[[officers.certification_rate]]。",
)
_SUPERVISION = ("开展行政执法案卷评查，评查案卷[[supervision.case_files_reviewed]]。",)
_DISPUTES = (
    "强化行政复议工作，全年受理行政复议案件[[disputes.reconsideration_accepted]]。",
    "认真做好行政应诉工作，全年处理行政诉讼案件[[disputes.litigation_handled]]，"
    "行政机关负责人出庭应诉率[[disputes.head_appearance_rate]]。",
)
_PRINCIPAL = (
    "主要负责人切实履行推进法治建设第一责任人职责，局级领导干部集体学法"
    "[[planning.study_sessions_bureau]]，处级领导干部集体学法[[planning.study_sessions_division]]。",
)
_EDUCATION = (
    "落实“谁执法谁普法”普法责任制，明确共性普法责任清单[[education.duty_items_common]]、"
    "个性普法责任清单[[education.duty_items_specific]]。",
    "组织网上学法用法考试，参与率[[education.exam_participation]]，合格率"
    "[[education.exam_pass]]；建设法治宣传教育基地[[education.bases]]。",
    "开展普法活动[[education.activities]]：[[education.activities:list]]；在全系统组织开展人社法治知识竞赛，"
    "[[education.competition_teams]]代表队同台竞技，选拔出[[education.competition_advanced]]"
    "优秀选手参加上一级竞赛。",
)
_NEXT = ("〔待填写：{next_year}年重点工作安排（从{next_year}年法治建设工作要点的任务生成）〕",)

SEED = Layout(
    "seed",
    "2019年十部分格式",
    OPENING,
    (
        Section("duties", "一、依法履行部门职责情况", _DUTIES),
        Section("system", "二、依法行政制度体系建设情况", (*_SYSTEM,)),
        Section("decisions", "三、推进行政决策科学化、民主化和法治化情况", _DECISIONS),
        Section("enforcement", "四、行政执法工作情况", _ENFORCEMENT),
        Section("supervision", "五、行政执法监督情况", _SUPERVISION),
        Section("disputes", "六、行政复议、诉讼情况", _DISPUTES),
        Section("principal", "七、主要负责人履行推进法治建设第一责任人职责", _PRINCIPAL),
        Section("education", "八、法治宣传教育情况", _EDUCATION),
        Section("shortcomings", "九、工作中存在的问题和不足", (CAUSES_PROMPT,)),
        Section("next_year", "十、下一年度主要安排", _NEXT),
    ),
)

DEFAULT = Layout(
    "default",
    "五项法定内容格式（默认）",
    OPENING,
    (
        Section(
            "measures",
            "一、{year}年推进法治政府建设的主要举措和成效",
            (
                *_DUTIES,
                *_SYSTEM,
                *_DECISIONS,
                *_ENFORCEMENT,
                *_SUPERVISION,
                *_DISPUTES,
                *_EDUCATION,
            ),
        ),
        Section("principal", "二、党政主要负责人履行推进法治建设第一责任人职责情况", _PRINCIPAL),
        Section("shortcomings", "三、存在的不足和原因", (CAUSES_PROMPT,)),
        Section("next_year", "四、{next_year}年推进法治政府建设的主要安排", _NEXT),
        Section(
            "other", "五、其他需要报告的情况", ("〔待填写：其他需要报告的情况；没有的写“无”〕",)
        ),
    ),
)

LAYOUTS = {layout.key: layout for layout in (DEFAULT, SEED)}


def figure_keys(text: str) -> list[str]:
    """The figures a paragraph uses (a list names a figure's records).

    >>> figure_keys("受理[[disputes.reconsideration_accepted]]，处理[[disputes.x:list]]")
    ['disputes.reconsideration_accepted', 'disputes.x']
    """
    return [m.group(1) for m in FIGURE_TOKEN.finditer(text)]


def token_key(match: re.Match[str]) -> str:
    """The key a token is shown under: the figure's, or ``key:list`` for its records.

    >>> token_key(FIGURE_TOKEN.search("[[a.b:list]]")), token_key(FIGURE_TOKEN.search("[[a.b]]"))
    ('a.b:list', 'a.b')
    """
    return match.group(1) + (match.group(2) or "")


def list_text(labels: list[str]) -> str:
    """A figure's records as a sentence names them, 无 when there are none, and past
    ``LIST_SHOWN`` the first ones with the count. Titles in 书名号 standing side by side take no
    顿号; with a 文号 in brackets after them they do (GB/T 15834-2011 标点符号用法 4.5.3.5).

    >>> list_text(["《甲》（津人社规〔2019〕1号）", "《乙》"]), list_text([])
    ('《甲》（津人社规〔2019〕1号）、《乙》', '无')
    >>> list_text(["《甲》", "《乙》", "宪法宣传周"])
    '《甲》《乙》、宪法宣传周'
    >>> list_text([f"《{n}》" for n in range(32)]).endswith("《29》等32项")
    True
    """
    if not labels:
        return "无"
    shown = labels[:LIST_SHOWN]
    text = shown[0]
    for before, label in pairwise(shown):
        text += ("" if before.endswith("》") and label.startswith("《") else "、") + label
    return text + (f"等{len(labels)}项" if len(labels) > LIST_SHOWN else "")


def listed(figure: dict[str, Any]) -> str:
    """A figure's records named (``Value.as_dict()``), or why they are missing.

    >>> listed({"value": "1", "display": "1件", "records": [{"label": "《甲》"}]})
    '《甲》'
    >>> listed({"value": None, "display": "（待补：没有记录）", "records": []})
    '（待补：没有记录）'
    """
    if figure.get("value") is None:
        return str(figure["display"])
    return list_text([r["label"] for r in figure.get("records", [])])


def displays(figures: dict[str, dict[str, Any]]) -> dict[str, str]:
    """How each token reads: ``key`` the figure, ``key:list`` its records named.

    >>> displays({"a.b": {"value": "1", "display": "1件", "records": [{"label": "《甲》"}]}})
    {'a.b': '1件', 'a.b:list': '《甲》'}
    """
    shown = {key: str(value["display"]) for key, value in figures.items()}
    shown.update({f"{key}:list": listed(value) for key, value in figures.items()})
    return shown


def prompts(text: str) -> list[str]:
    """What is still to be written.

    >>> prompts("前文〔待填写：原因〕后文")
    ['〔待填写：原因〕']
    """
    return PROMPT.findall(text)


def fill(text: str, *, year: int, agency: str = "") -> str:
    """Replace the year placeholders (figure tokens stay).

    >>> fill("{year}年与{next_year}年[[a.b]]", year=2019)
    '2019年与2020年[[a.b]]'
    """
    return (
        text.replace("{year}", str(year))
        .replace("{next_year}", str(year + 1))
        .replace("{agency}", agency)
    )


def render(text: str, displays: dict[str, str]) -> str:
    """Figures as plain text, for the document and the frozen copy.

    >>> render("受理[[a.b]]：[[a.b:list]]。", {"a.b": "2件", "a.b:list": "甲、乙"})
    '受理2件：甲、乙。'
    """
    return FIGURE_TOKEN.sub(lambda m: displays.get(token_key(m), "（未知数字）"), text)
