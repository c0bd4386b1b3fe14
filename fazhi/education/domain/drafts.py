"""Exam questions drafted from the bureau's own corrected cases (issue 23): a case the 复议机关
or a court corrected, with the cause recorded in disputes, becomes a draft question for staff to
edit, tie to the articles it tests and approve. Pure: the cause code and the case's wording in,
(type, stem, options, answer, suggested article) out.

The grounds are those of 《中华人民共和国行政复议法》（2023年修订）:
第六十四条 撤销 when 主要事实不清、证据不足 / 违反法定程序 / 适用的依据不合法 / 超越职权或者
滥用职权; 第六十三条 变更 when the content is 不适当 (明显不当); 第六十六条 责令履行 when the
respondent 不履行法定职责; 第七十条 a respondent who gives no written reply or evidence is
treated as having no evidence (domain-rules §8, VERIFIED).
"""

from __future__ import annotations

from dataclasses import dataclass

# cause code (disputes.domain.reconsideration.ErrorCause values) -> (what went wrong, the
# article of 行政复议法 (2023) the ground sits in, the right practice, three wrong practices)
GROUNDS: dict[str, tuple[str, int, str, tuple[str, str, str]]] = {
    "facts_unclear": (
        "主要事实不清、证据不足",
        64,
        "作出决定前查清主要事实，收集足以证明违法事实的证据",
        ("先作出决定，复议时再补充证据", "以当事人未提出异议代替调查取证", "仅凭举报材料认定事实"),
    ),
    "procedure": (
        "违反法定程序",
        64,
        "严格履行告知、陈述申辩、听证、法制审核等法定程序",
        ("结果正确即可省略告知程序", "口头告知后不留记录", "程序瑕疵一律不影响决定效力"),
    ),
    "law_misapplied": (
        "适用的依据不合法或适用依据错误",
        64,
        "援引作出行为时有效的法律条文，并核对条、款、项",
        ("援引已废止的旧版本条文", "只写“依据有关规定”不写具体条文", "以内部文件代替法律依据"),
    ),
    "ultra_vires": (
        "超越职权或者滥用职权",
        64,
        "在法定职权范围内作出行为，不得超越管辖和权限",
        ("上级口头同意即可超越权限", "为提高效率代替其他机关作出决定", "职权不明时先行处理"),
    ),
    "improper": (
        "行政行为明显不当",
        63,
        "按裁量基准合理裁量，过罚相当",
        ("一律按上限处罚以示警戒", "不考虑情节轻重统一处理", "裁量理由可不写入决定书"),
    ),
    "no_evidence": (
        "未按期提出书面答复、提交证据",
        70,
        "收到复议申请书副本后在法定期限内提出书面答复并提交全部证据和依据",
        ("答复期满后再补交证据即可", "只提交书面答复不提交证据", "证据由复议机关自行调取"),
    ),
    "non_performance": (
        "不履行法定职责",
        66,
        "对依法申请的事项在法定期限内作出处理并告知申请人",
        ("未收到上级指示前暂不处理", "申请材料齐全也可不予答复", "口头答复后不作书面处理"),
    ),
}


@dataclass(frozen=True)
class Draft:
    qtype: str
    stem: str
    options: list[str]
    answer: str
    law: str  # the work key of the suggested law
    article: int | None  # the suggested article number, for staff to confirm


def draft_from_case(cause: str, act: str, outcome: str) -> Draft | None:
    """A single-choice draft for a case corrected for ``cause``; None for a cause with no
    statutory ground to test (``other``).

    >>> d = draft_from_case("procedure", "某公司劳动保障监察行政处罚决定", "撤销")
    >>> d.qtype, d.answer, d.article, d.law
    ('single', 'A', 64, '行政复议法')
    >>> d.stem
    '本局作出的“某公司劳动保障监察行政处罚决定”被以“违反法定程序”为由撤销。为避免此类情形，下列做法正确的是？'
    >>> len(d.options), d.options[0]
    (4, '严格履行告知、陈述申辩、听证、法制审核等法定程序')
    >>> draft_from_case("other", "某决定", "撤销") is None
    True
    >>> draft_from_case("no_evidence", "", "确认违法").stem
    '本局作出的一项行政行为被以“未按期提出书面答复、提交证据”为由确认违法。为避免此类情形，下列做法正确的是？'
    """
    ground = GROUNDS.get(cause)
    if ground is None:
        return None
    what, article, right, wrong = ground
    act = (act or "").strip()[:60]
    subject = f"本局作出的“{act}”被以" if act else "本局作出的一项行政行为被以"
    stem = f"{subject}“{what}”为由{outcome or '纠错'}。为避免此类情形，下列做法正确的是？"
    return Draft("single", stem, [right, *wrong], "A", "行政复议法", article)
