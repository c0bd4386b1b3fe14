"""What a 行政复议决定书 says: the article of each kind of decision and its operative sentence
(what is upheld, revoked, changed or confirmed). Pure Python.

Articles, read from ../shared/data/laws (LawRefBook 行政复议法 2017-09-01 / 2023-09-01,
行政复议法实施条例 2007-05-29):

=================  ==================================  ====================
decision           2017 law (and 实施条例)              2023 law
=================  ==================================  ====================
维持               第二十八条第一款第（一）项            第六十八条
责令履行           第二十八条第一款第（二）项            第六十六条
撤销               第二十八条第一款第（三）项、第（四）项  第六十四条
变更               第二十八条第一款第（三）项            第六十三条
确认违法           第二十八条第一款第（三）项            第六十五条
驳回               实施条例 第四十八条                   第六十九条
确认无效           — (no such decision before 2024)     第六十七条
=================  ==================================  ====================

A 变更 decision must say what the act is changed to, a 责令履行 decision what is to be done
and within what time (2023 第六十三条、第六十六条; 2017 第二十八条第一款第（二）（三）项: "在一定
期限内履行"). The 被申请人's 书面答复 (2023 第四十八条; 2017 第二十三条) is stated with its
date; without a reply in time the act is treated as having no evidence (2023 第七十条; 2017
第二十八条第一款第（四）项).

>>> operative_text("revoke", respondent="和平区人社局", act="津和人社监罚〔2025〕3号行政处罚决定",
...                applicant="某公司", detail="")
'撤销被申请人和平区人社局作出的津和人社监罚〔2025〕3号行政处罚决定。'
>>> operative_text("vary", respondent="和平区人社局", act="罚款决定", applicant="某公司",
...                detail="罚款二千元")
'将被申请人和平区人社局作出的罚款决定变更为：罚款二千元。'
>>> decision_basis("confirm_void", "2017")
Traceback (most recent call last):
...
fazhi.core.domain.errors.Refused: 2024年1月1日前受理的申请适用的行政复议法没有“确认无效”的复议决定（依据：《中华人民共和国行政复议法》（2023年修订）第六十七条）
"""

from __future__ import annotations

from fazhi.core.domain.errors import Refused

TITLE_2017 = "《中华人民共和国行政复议法》（2017年修正）"
TITLE_2023 = "《中华人民共和国行政复议法》（2023年修订）"
REGULATION = "《中华人民共和国行政复议法实施条例》"

ARTICLES: dict[str, dict[str, str]] = {
    "2017": {
        "uphold": f"{TITLE_2017}第二十八条第一款第（一）项",
        "order_performance": f"{TITLE_2017}第二十八条第一款第（二）项",
        "revoke": f"{TITLE_2017}第二十八条第一款第（三）项",
        "vary": f"{TITLE_2017}第二十八条第一款第（三）项",
        "confirm_illegal": f"{TITLE_2017}第二十八条第一款第（三）项",
        "dismiss": f"{REGULATION}第四十八条",
    },
    "2023": {
        "uphold": f"{TITLE_2023}第六十八条",
        "order_performance": f"{TITLE_2023}第六十六条",
        "revoke": f"{TITLE_2023}第六十四条",
        "vary": f"{TITLE_2023}第六十三条",
        "confirm_illegal": f"{TITLE_2023}第六十五条",
        "dismiss": f"{TITLE_2023}第六十九条",
        "confirm_void": f"{TITLE_2023}第六十七条",
    },
}
NO_REPLY = {
    "2017": f"{TITLE_2017}第二十八条第一款第（四）项",
    "2023": f"{TITLE_2023}第七十条",
}
REPLY = {"2017": f"{TITLE_2017}第二十三条", "2023": f"{TITLE_2023}第四十八条"}
NEEDS_DETAIL = {
    "vary": "变更决定须写明原行政行为变更为何内容",
    "order_performance": "责令履行决定须写明被申请人应当履行的职责及期限",
}


def decision_basis(decision: str, law_code: str) -> str:
    """The article a decision of kind ``decision`` rests on under the law ``law_code``."""
    basis = ARTICLES[law_code].get(decision)
    if basis is None:
        raise Refused(
            "2024年1月1日前受理的申请适用的行政复议法没有“确认无效”的复议决定",
            ARTICLES["2023"]["confirm_void"],
        )
    return basis


def check_content(decision: str, law_code: str, detail: str) -> str:
    """Refuse a decision the law does not know or one missing what it must say; its basis.

    >>> check_content("order_performance", "2023", "")
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 责令履行决定须写明被申请人应当履行的职责及期限（依据：《中华人民共和国行政复议法》（2023年修订）第六十六条）
    """
    basis = decision_basis(decision, law_code)
    if decision in NEEDS_DETAIL and not detail.strip():
        raise Refused(NEEDS_DETAIL[decision], basis)
    return basis


def operative_text(decision: str, *, respondent: str, act: str, applicant: str, detail: str) -> str:
    """The sentence after 本机关决定如下: what happens to the act."""
    detail = detail.strip().rstrip("。")
    of_act = f"被申请人{respondent}作出的{act}"
    if decision == "uphold":
        return f"维持{of_act}。"
    if decision == "revoke":
        return f"撤销{of_act}" + (f"，{detail}" if detail else "") + "。"
    if decision == "vary":
        return f"将{of_act}变更为：{detail}。"
    if decision == "confirm_illegal":
        return f"确认{of_act}违法" + (f"，{detail}" if detail else "") + "。"
    if decision == "order_performance":
        return f"责令被申请人{respondent}{detail}。"
    if decision == "confirm_void":
        return f"确认{of_act}无效。"
    if decision == "dismiss":
        return f"驳回申请人{applicant}的行政复议申请。"
    raise ValueError(decision)
