"""Which article to cite: a small versioned table of the laws enforcement cites. Pure Python.

A citation follows the version of the law in force on the date of the facts it is about (for a
procedural step: the day the step is taken; 行政处罚法 (2021) 第三十七条 keeps the old
substantive law for acts done before a change unless the new one is lighter). The article
numbers below were read from the texts in ``../shared/data/laws`` (see ``SOURCES.md``):

==================  ==========  ===========================================================
law / version       in force    file
==================  ==========  ===========================================================
行政处罚法 1996      1996-10-01  行政法/行政处罚法(1996-03-17).md
行政处罚法 2009      2009-08-27  行政法/行政处罚法(2009-08-27).md (same numbers as 1996)
行政处罚法 2017      2018-01-01  行政法/行政处罚法(2017-09-01).md (adds 第三十八条第三款)
行政处罚法 2021      2021-07-15  行政法/行政处罚法(2021-01-22).md
民事诉讼法 2017      2017-07-01  诉讼与非诉讼程序法/民事诉讼法(2017-06-27).md (公告 60 days)
民事诉讼法 2021      2022-01-01  诉讼与非诉讼程序法/民事诉讼法(2021-12-24).md (公告 30 days)
民事诉讼法 2023      2024-01-01  诉讼与非诉讼程序法/民事诉讼法(2023-09-01).md
行政诉讼法 1989      1990-10-01  诉讼与非诉讼程序法/行政诉讼法(1989-04-04).md (3 months)
行政诉讼法 2014      2015-05-01  诉讼与非诉讼程序法/行政诉讼法(2014-11-01).md (6 months)
行政诉讼法 2017      2017-07-01  诉讼与非诉讼程序法/行政诉讼法(2017-06-27).md
行政复议法 1999      1999-10-01  诉讼与非诉讼程序法/行政复议法(1999-04-29).md (60 days)
行政复议法 2017      2018-01-01  诉讼与非诉讼程序法/行政复议法(2017-09-01).md
行政复议法 2023      2024-01-01  诉讼与非诉讼程序法/行政复议法(2023-09-01).md
行政强制法 2011      2012-01-01  行政法/行政强制法(2011-06-30).md
==================  ==========  ===========================================================

The 民事诉讼法 2012 text (2013-01-01 to 2017-06-30) is not in the data; its row (公告送达 in
第九十二条, 60 days, as in 2017) is UNVERIFIED. Earlier texts are not cited.

>>> cite("penalty", "notify", date(2019, 5, 6))
'《中华人民共和国行政处罚法》（2017年修正）第三十一条'
>>> cite("penalty", "notify", date(2021, 7, 15))
'《中华人民共和国行政处罚法》（2021年修订）第四十四条'
>>> cite("penalty", "decide", date(2019, 5, 6)), cite("penalty", "decide", date(2022, 1, 4))
('《中华人民共和国行政处罚法》（2017年修正）第三十八条', '《中华人民共和国行政处罚法》（2021年修订）第五十七条')
>>> has_article("penalty", "first_offence", date(2021, 7, 14))
False
>>> cite("penalty", "first_offence", date(2019, 3, 1))
Traceback (most recent call last):
...
fazhi.core.domain.citations.NoSuchArticle: 2019年3月1日施行的《中华人民共和国行政处罚法》（2017年修正）没有“首违不罚”的规定
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

PENALTY = "penalty"
CIVIL_PROCEDURE = "civil_procedure"
LITIGATION = "litigation"
RECONSIDERATION = "reconsideration"
COERCION = "coercion"
INSPECTION = "inspection"

TITLES = {
    PENALTY: "《中华人民共和国行政处罚法》",
    CIVIL_PROCEDURE: "《中华人民共和国民事诉讼法》",
    LITIGATION: "《中华人民共和国行政诉讼法》",
    RECONSIDERATION: "《中华人民共和国行政复议法》",
    COERCION: "《中华人民共和国行政强制法》",
    INSPECTION: "《劳动保障监察条例》",
}

CONCEPT_LABELS = {
    "legality": "处罚法定",
    "no_double_fine": "一事不再罚",
    "types": "行政处罚的种类",
    "lighter": "从轻或者减轻处罚",
    "no_penalty": "违法行为轻微不予处罚",
    "first_offence": "首违不罚",
    "discretion": "行政处罚裁量基准",
    "old_law": "从旧兼从轻",
    "two_officers": "两名执法人员",
    "filing": "立案",
    "record": "调查笔录",
    "evidence": "证据",
    "full_record": "执法全过程记录",
    "notify": "处罚前告知",
    "statement": "陈述、申辩",
    "hearing": "听证",
    "hearing_request": "听证申请期限",
    "decide": "负责人审查决定",
    "collective": "集体讨论决定",
    "legal_review": "法制审核",
    "decision_content": "行政处罚决定书的内容",
    "deadline": "作出处罚决定的期限",
    "service": "决定书送达",
    "payment": "罚款缴纳期限",
    "surcharge": "加处罚款",
    "surcharge_suspended": "复议诉讼期间不计加处罚款",
    "publicity_withdraw": "撤回已公开的处罚决定",
    "public_notice": "公告送达",
    "suit_period": "起诉期限",
    "reconsideration_period": "申请行政复议期限",
    "jurisdiction": "行政复议机关",
    "reminder": "催告",
    "court_application": "申请人民法院强制执行",
    "court_reminder": "催告后申请强制执行",
    "surcharge_cap": "加处罚款不得超出本金",
    "compensation": "加付赔偿金",
    "overtime": "违法延长工作时间",
    "inspection_outcome": "劳动保障监察处理",
}


# "The law now in force", for a rule shown outside any case (no date of facts): the latest row.
CURRENT = date(9999, 12, 31)


class NoSuchArticle(LookupError):
    """The law in force on the date has no such provision (e.g. 首违不罚 before 2021-07-15)."""


@dataclass(frozen=True)
class LawVersion:
    law: str
    label: str  # e.g. 2017年修正
    effective_from: date
    articles: dict[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return f"{TITLES[self.law]}（{self.label}）" if self.label else TITLES[self.law]


# Articles of 行政处罚法 1996; the 2009 and 2017 texts keep the numbers (2017 adds 第三十八条第三款).
_PENALTY_1996 = {
    "legality": "第三条",
    "no_double_fine": "第二十四条",
    "types": "第八条",
    "lighter": "第二十七条第一款",
    "no_penalty": "第二十七条第二款",
    "discretion": "第四条、第五条",
    "two_officers": "第三十七条第一款",
    "filing": "第三十六条",
    "record": "第三十七条第一款",
    "evidence": "第三十六条、第三十七条",
    "notify": "第三十一条",
    "statement": "第三十二条",
    "hearing": "第四十二条",
    "hearing_request": "第四十二条第一款第（一）项",
    "decide": "第三十八条",
    "collective": "第三十八条第二款",
    "decision_content": "第三十九条",
    "service": "第四十条",
    "payment": "第四十六条第三款",
    "surcharge": "第五十一条第（一）项",
}
_PENALTY_2017 = {**_PENALTY_1996, "legal_review": "第三十八条第三款"}
_PENALTY_2021 = {
    "legality": "第四条",
    "no_double_fine": "第二十九条",
    "types": "第九条",
    "lighter": "第三十二条",
    "no_penalty": "第三十三条第一款",
    "first_offence": "第三十三条第一款",
    "discretion": "第三十四条",
    "old_law": "第三十七条",
    "two_officers": "第四十二条",
    "filing": "第五十四条",
    "record": "第五十五条",
    "evidence": "第四十六条",
    "full_record": "第四十七条",
    "notify": "第四十四条",
    "statement": "第四十五条",
    "hearing": "第六十三条、第六十四条",
    "hearing_request": "第六十四条第（一）项",
    "decide": "第五十七条",
    "collective": "第五十七条第二款",
    "legal_review": "第五十八条",
    "decision_content": "第五十九条",
    "deadline": "第六十条",
    "service": "第六十一条",
    "payment": "第六十七条第三款",
    "surcharge": "第七十二条第一款第（一）项",
    "surcharge_suspended": "第七十三条",
    "publicity_withdraw": "第四十八条第二款",
}

VERSIONS: tuple[LawVersion, ...] = (
    LawVersion(PENALTY, "1996年", date(1996, 10, 1), _PENALTY_1996),
    LawVersion(PENALTY, "2009年修正", date(2009, 8, 27), _PENALTY_1996),
    LawVersion(PENALTY, "2017年修正", date(2018, 1, 1), _PENALTY_2017),
    LawVersion(PENALTY, "2021年修订", date(2021, 7, 15), _PENALTY_2021),
    # 公告送达: 2017 text 第九十二条 (六十日); 2021 and 2023 texts 第九十五条 (三十日).
    LawVersion(CIVIL_PROCEDURE, "2012年修正", date(2013, 1, 1), {"public_notice": "第九十二条"}),
    LawVersion(CIVIL_PROCEDURE, "2017年修正", date(2017, 7, 1), {"public_notice": "第九十二条"}),
    LawVersion(CIVIL_PROCEDURE, "2021年修正", date(2022, 1, 1), {"public_notice": "第九十五条"}),
    LawVersion(CIVIL_PROCEDURE, "2023年修正", date(2024, 1, 1), {"public_notice": "第九十五条"}),
    LawVersion(LITIGATION, "1989年", date(1990, 10, 1), {"suit_period": "第三十九条"}),
    LawVersion(LITIGATION, "2014年修正", date(2015, 5, 1), {"suit_period": "第四十六条第一款"}),
    LawVersion(LITIGATION, "2017年修正", date(2017, 7, 1), {"suit_period": "第四十六条第一款"}),
    LawVersion(
        RECONSIDERATION,
        "1999年",
        date(1999, 10, 1),
        {"reconsideration_period": "第九条", "jurisdiction": "第十二条"},
    ),
    LawVersion(
        RECONSIDERATION,
        "2017年修正",
        date(2018, 1, 1),
        {"reconsideration_period": "第九条", "jurisdiction": "第十二条"},
    ),
    LawVersion(
        RECONSIDERATION,
        "2023年修订",
        date(2024, 1, 1),
        {"reconsideration_period": "第二十条", "jurisdiction": "第二十四条"},
    ),
    LawVersion(
        COERCION,
        "",
        date(2012, 1, 1),
        {
            "reminder": "第三十五条",
            "surcharge_cap": "第四十五条第二款",
            "court_application": "第五十三条",
            "court_reminder": "第五十四条",
        },
    ),
    LawVersion(
        INSPECTION,
        "",
        date(2004, 12, 1),
        {
            "overtime": "第二十五条",
            "compensation": "第二十六条",
            "inspection_outcome": "第十八条",
        },
    ),
)

# 民事诉讼法: the notice period (days) after which 公告送达 is deemed served.
PUBLIC_NOTICE_DAYS = ((date(1991, 4, 9), 60), (date(2022, 1, 1), 30))
# 行政诉讼法: months to sue after knowing of the act (1989: 三个月; 2014 on: 六个月).
SUIT_MONTHS = ((date(1990, 10, 1), 3), (date(2015, 5, 1), 6))
# 行政复议法: 60 days to apply (1999 第九条; 2023 第二十条).
RECONSIDERATION_DAYS = ((date(1999, 10, 1), 60),)


def version_on(law: str, on: date) -> LawVersion:
    """The version of ``law`` in force on ``on``.

    >>> version_on("penalty", date(2017, 12, 31)).label, version_on("penalty", date(2018, 1, 1)).label
    ('2009年修正', '2017年修正')
    """
    found = None
    for version in VERSIONS:
        if (
            version.law == law
            and version.effective_from <= on
            and (found is None or version.effective_from >= found.effective_from)
        ):
            found = version
    if found is None:
        raise NoSuchArticle(f"{on.year}年{on.month}月{on.day}日{TITLES[law]}尚未施行")
    return found


def has_article(law: str, concept: str, on: date) -> bool:
    try:
        return concept in version_on(law, on).articles
    except NoSuchArticle:
        return False


def article(law: str, concept: str, on: date) -> str:
    """The article number only (e.g. 第三十一条)."""
    version = version_on(law, on)
    if concept not in version.articles:
        raise NoSuchArticle(
            f"{on.year}年{on.month}月{on.day}日施行的{version.title}"
            f"没有“{CONCEPT_LABELS.get(concept, concept)}”的规定"
        )
    return version.articles[concept]


def cite(law: str, concept: str, on: date) -> str:
    """Title with version and article, e.g. 《中华人民共和国行政处罚法》（2017年修正）第三十一条."""
    number = article(law, concept, on)
    return f"{version_on(law, on).title}{number}"


def cite_penalty(concept: str, on: date | None) -> str:
    """A 行政处罚法 citation; without a date (a rule shown out of any case), today's law."""
    return cite(PENALTY, concept, on or CURRENT)


def _in_force(table: tuple[tuple[date, int], ...], on: date) -> int:
    value = table[0][1]
    for start, days in table:
        if start <= on:
            value = days
    return value


def public_notice_days(on: date) -> int:
    """Days after which 公告送达 is deemed served (民事诉讼法 2017 第九十二条 / 2021 第九十五条).

    >>> public_notice_days(date(2021, 12, 31)), public_notice_days(date(2022, 1, 1))
    (60, 30)
    """
    return _in_force(PUBLIC_NOTICE_DAYS, on)


def suit_months(on: date) -> int:
    """Months to sue (行政诉讼法 1989 第三十九条: 3; 2014 第四十六条: 6).

    >>> suit_months(date(2015, 4, 30)), suit_months(date(2015, 5, 1))
    (3, 6)
    """
    return _in_force(SUIT_MONTHS, on)


def reconsideration_days(on: date) -> int:
    return _in_force(RECONSIDERATION_DAYS, on)
