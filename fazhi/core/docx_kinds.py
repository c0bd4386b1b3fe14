"""The layout of each shipped Word template (``fazhi/<app>/docx/<kind>.docx``), one function per
kind, written with the GB/T 9704 helpers of ``fazhi.core.docx_layout``.

Each template holds the title, headings, labels and fixed sentences; the code of the app fills
the fields (``fazhi/<app>/documents.py``). Sentences whose wording depends on the law in force on
the day or on the record's state are composed in code and arrive as finished paragraphs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fazhi.core import docx_layout as lay
from fazhi.core.docx_layout import BODY, H1, HEAD, ITEM, NUMBER, TITLE, p, tag

ROOT = Path(__file__).resolve().parent.parent  # the fazhi package

Layout = Callable[[object], None]
KINDS: dict[str, tuple[str, Layout]] = {"core/base": ("公文（基础模板）", lay.base)}


def kind(name: str, title: str) -> Callable[[Layout], Layout]:
    def register(layout: Layout) -> Layout:
        KINDS[name] = (title, layout)
        return layout

    return register


def shipped_path(name: str) -> Path:
    app, stem = name.split("/")
    return ROOT / app / "docx" / f"{stem}.docx"


def build(name: str) -> bytes:
    title, layout = KINDS[name]
    doc = lay.new_template(title)
    layout(doc)
    return lay.to_bytes(doc)


# --- enforcement: 执法文书 ---------------------------------------------------------------------


def _case_title(doc, title: str, number: str, *, agency: bool = True) -> None:
    if agency:
        p(doc, "{{ agency }}", HEAD)
    p(doc, title, TITLE)
    p(doc, number, NUMBER)


def _seal(doc) -> None:
    """The deciding body with its seal and the date (a blank date while unsigned)."""
    lay.sign(doc, "{{ agency }}（印章）", "{{ signed_on }}")


@kind("enforcement/filing_form", "立案审批表")
def _filing_form(doc) -> None:
    _case_title(doc, "立案审批表", "{{ reference }}", agency=False)
    lay.table(
        doc,
        [
            ("案件来源", "{{ source }}"),
            ("案由", "{{ cause }}"),
            ("当事人", "{{ party }}"),
            ("统一社会信用代码/身份证号", "{{ party_code }}"),
            ("法定代表人/负责人", "{{ legal_rep }}"),
            ("地址", "{{ address }}"),
            ("权责事项", "{{ power_item }}"),
            ("收到/发现日期", "{{ received_on }}"),
            ("受理日期", "{{ accepted_on }}"),
            ("承办人员", "{{ officers }}"),
            ("负责人审批意见", "{{ approval }}"),
            ("立案日期", "{{ filed_on }}"),
        ],
    )


@kind("enforcement/interview_record", "询问笔录")
def _interview_record(doc) -> None:
    _case_title(doc, "询问笔录", "{{ reference }} 第{{ seq }}号记录", agency=False)
    lay.table(
        doc,
        [
            ("时间", "{{ on }}"),
            ("地点", "{{ place }}"),
            ("询问人（执法证号）", "{{ interviewers }}"),
            ("被询问单位", "{{ party }}"),
        ],
    )
    p(
        doc,
        "我们是劳动保障监察员，已向你出示执法证件（证号见上）。你有如实回答询问的义务，也有陈述和"
        "申辩的权利；执法人员与本案有直接利害关系的，你有权申请回避。",
    )
    p(doc, "询问内容：{{ summary }}")
    p(doc, "以上笔录已经被询问人核对无误。")
    p(doc, "被询问人（签名）：            询问人（签名）：")


@kind("enforcement/correction_order", "劳动保障监察责令改正指令书")
def _correction_order(doc) -> None:
    _case_title(doc, "劳动保障监察责令改正指令书", "{{ reference }}-改{{ seq }}")
    p(doc, "{{ party }}：")
    p(doc, "经查，{{ you }}存在以下违反劳动保障法律、法规或者规章的行为：{{ items }}")
    p(
        doc,
        "根据{{ basis }}的规定，现责令{{ you }}于{{ due_on }}前改正，并将改正情况书面报送本机关。"
        "逾期不改正的，本机关将依法处理。",
    )
    _seal(doc)


@kind("enforcement/payment_order", "劳动保障监察责令支付通知书")
def _payment_order(doc) -> None:
    _case_title(doc, "劳动保障监察责令支付通知书", "{{ reference }}-付{{ seq }}")
    p(doc, "{{ party }}：")
    p(doc, "经查，{{ you }}存在以下行为：{{ items }}")
    p(
        doc,
        "根据{{ basis }}的规定，现责令{{ you }}于{{ due_on }}前向劳动者支付上述款项，并将支付情况"
        "书面报送本机关。逾期不支付的，本机关将责令按应付金额百分之五十以上一倍以下的标准向劳动者"
        "加付赔偿金。",
    )
    _seal(doc)


@kind("enforcement/penalty_notice", "行政处罚（处理）告知书")
def _penalty_notice(doc) -> None:
    _case_title(doc, "{{ title }}", "{{ number }}")
    lay.lines(doc, "paragraphs")
    _seal(doc)


@kind("enforcement/penalty_decision", "行政处罚（处理）决定书")
def _penalty_decision(doc) -> None:
    _case_title(doc, "{{ title }}", "{{ number }}")
    lay.lines(doc, "paragraphs")
    _seal(doc)


@kind("enforcement/service_receipt", "送达回证")
def _service_receipt(doc) -> None:
    _case_title(doc, "送达回证", "{{ reference }}", agency=False)
    lay.table(
        doc,
        [
            ("送达文书名称及文号", "行政处罚决定书 {{ decision_number }}"),
            ("受送达人", "{{ recipient }}"),
            ("送达地点", "{{ address }}"),
            ("送达方式", "{{ method }}"),
            ("送达日期", "{{ served_on }}"),
            ("受送达人签名", ""),
            ("送达人签名", ""),
            ("备注", ""),
        ],
    )


@kind("enforcement/case_record", "行政执法案卷 卷内记录")
def _case_record(doc) -> None:
    _case_title(doc, "行政执法案卷 卷内记录", "{{ reference }}", agency=False)
    lay.table(
        doc,
        [
            ("案由", "{{ cause }}"),
            ("当事人", "{{ party }}"),
            ("状态", "{{ status }}"),
            ("决定书文号", "{{ decision_number }}"),
            ("权责事项", "{{ power_item }}"),
        ],
    )
    tag(doc, "for row in rows")
    p(doc, "{{ row.seq }}．{{ row.on }} {{ row.label }}", ITEM)
    p(doc, "{{ row.summary }}")
    tag(doc, "if row.officers")
    p(doc, "执法人员：{{ row.officers }}")
    tag(doc, "endif")
    tag(doc, "for f in row.files")
    # left-aligned: a justified line before the unbreakable hash would be spread out
    p(doc, "证据：{{ f.name }}（{{ f.mime_type }}）SHA-256 {{ f.sha256 }}", "Normal")
    tag(doc, "endfor")
    tag(doc, "endfor")


# --- disputes, decisions, supervision, reports, portal -----------------------------------------


@kind("disputes/reconsideration_decision", "行政复议决定书")
def _reconsideration_decision(doc) -> None:
    lay.title_line(doc, "{{ body_name }}", "行政复议决定书")
    p(doc, "{{ reference }}", NUMBER)
    lay.lines(doc, "paragraphs")
    lay.sign(doc, "{{ body_name }}", "{{ decided_on }}")


@kind("decisions/legality_review", "重大行政决策合法性审查意见书")
def _legality_review(doc) -> None:
    p(doc, "重大行政决策合法性审查意见书", TITLE)
    p(doc, "决策事项：{{ decision }}（承办单位：{{ unit }}）")
    p(doc, "送审日期：{{ submitted_on }}；送审材料：{{ materials }}")
    p(doc, "一、审查依据", H1)
    p(doc, "{{ basis }}")
    p(doc, "二、审查意见", H1)
    p(doc, "审查结论：{{ conclusion }}。{{ opinion }}")
    tag(doc, "if counsel")
    p(doc, "三、法律顾问意见", H1)
    p(doc, "{{ counsel.name }}于{{ counsel.given_on }}出具法律意见：{{ counsel.opinion }}")
    tag(doc, "endif")
    lay.sign(doc, "{{ agency }}", "{{ signed_on }}")


@kind("decisions/counsel_opinion", "法律意见书")
def _counsel_opinion(doc) -> None:
    p(doc, "法律意见书", TITLE)
    p(doc, "委托事项：{{ matter }}；咨询事项：{{ question }}")
    p(doc, "一、所依据的事实和材料", H1)
    p(doc, "{{ facts }}（材料：{{ materials }}）")
    p(doc, "二、法律依据", H1)
    p(doc, "{{ legal_basis }}")
    p(doc, "三、法律意见", H1)
    p(doc, "结论：{{ conclusion }}。{{ opinion }}")
    lay.sign(doc, "首席法律顾问 {{ signer }}", "{{ signed_on }}")


@kind("decisions/competition_review", "公平竞争审查结论")
def _competition_review(doc) -> None:
    p(doc, "公平竞争审查结论", TITLE)
    p(doc, "政策措施：{{ policy }}")
    p(doc, "一、逐项审查情况", H1)
    lay.lines(doc, "standards")
    p(doc, "二、听取意见情况", H1)
    lay.lines(doc, "consultations")
    p(doc, "三、审查结论", H1)
    p(doc, "{{ conclusion }}。{{ explanation }}")
    tag(doc, "if exception")
    p(
        doc,
        "适用例外情形：{{ exception.ground }}；替代方案说明：{{ exception.alternatives }}；"
        "实施期限至{{ exception.term_end }}。",
    )
    tag(doc, "endif")
    lay.sign(doc, "{{ agency }}", "{{ signed_on }}")


@kind("supervision/campaign_report", "案卷评查情况通报")
def _campaign_report(doc) -> None:
    p(doc, "关于{{ campaign }}情况的通报", TITLE)
    p(doc, "一、基本情况", H1)
    p(
        doc,
        "本次评查对象为{{ case_year }}年作出处理决定的行政执法案件，按单位和执法类别分层，每层按"
        "{{ share }}的比例随机抽取，共抽取案卷{{ files }}卷，每卷由{{ reviewers }}名评查人员评查，"
        "评查人员不评查本单位案卷。抽取名单摘要{{ list_digest }}…，随机种子摘要{{ seed_digest }}…，"
        "可据公布的名单和种子复核抽取结果。",
    )
    p(doc, "二、评查结果", H1)
    p(doc, "评查等次：{{ grades }}。")
    lay.lines(doc, "units")
    p(doc, "三、发现的主要问题", H1)
    tag(doc, "if not problems")
    p(doc, "本次评查未发现扣分问题。")
    tag(doc, "endif")
    lay.lines(doc, "problems")
    p(doc, "四、整改要求", H1)
    tag(doc, "if not tasks")
    p(doc, "各单位对照评查标准自查自纠。")
    tag(doc, "endif")
    lay.lines(doc, "tasks")
    lay.sign(doc, "{{ agency }}", "{{ signed_on }}")


@kind("reports/annual_report", "法治政府建设年度报告")
def _annual_report(doc) -> None:
    p(doc, "{{ title }}", TITLE)
    p(doc, "{{ opening }}")
    tag(doc, "for section in sections")
    p(doc, "{{ section.heading }}", H1)
    lay.lines(doc, "section.paragraphs")
    tag(doc, "endfor")
    lay.sign(doc, "{{ agency }}", "{{ signed_on }}")
    lay.colophon(
        doc, copies_to="抄送：市委依法治市办。", issued="{{ agency }}法规处　　{{ issued_on }}印发"
    )


@kind("portal/policy_document", "政策文件")
def _policy_document(doc) -> None:
    tag(doc, "for block in blocks")
    tag(doc, 'if block.kind == "title"')
    p(doc, "{{ block.text }}", TITLE)
    tag(doc, 'elif block.kind == "heading"')
    p(doc, "{{ block.text }}", H1)
    tag(doc, "else")
    p(doc, "{{ block.text }}", BODY)
    tag(doc, "endif")
    tag(doc, "endfor")
