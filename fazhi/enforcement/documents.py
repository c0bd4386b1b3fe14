"""Case documents as Word files (python-docx), in the house layout of disputes/documents.py:
GB/T 9704 仿宋 三号 body, 小标题宋 二号 title, centred. The text comes from the case record only;
staff edit the generated file as needed.

立案审批表, 询问笔录, 责令改正指令书, 行政处罚告知书, 行政处罚决定书, 送达回证, and the 卷内记录
(the whole case file's list of records with their evidence hashes) used by the archive export.
"""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt

from fazhi.core.domain.time_limits import format_date, rule_for
from fazhi.enforcement.domain import acts as act_rules
from fazhi.enforcement.domain import review as review_rules
from fazhi.enforcement.models import Case, CaseAct

BODY_FONT, TITLE_FONT = "仿宋_GB2312", "方正小标宋简体"
AGENCY = "市人力资源和社会保障局"


def _run(paragraph, text: str, *, font: str = BODY_FONT, size: int = 16, bold: bool = False):
    run = paragraph.add_run(text)
    run.font.name, run.font.size, run.bold = font, Pt(size), bold
    run._element.rPr.rFonts.set(qn("w:eastAsia"), font)
    return run


def _title(doc, text: str, number: str = "") -> None:
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(title, text, font=TITLE_FONT, size=22)
    if number:
        line = doc.add_paragraph()
        line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _run(line, number)


def _paragraphs(doc, texts) -> None:
    for text in texts:
        paragraph = doc.add_paragraph()
        paragraph.paragraph_format.first_line_indent = Pt(32)
        _run(paragraph, text)


def _table(doc, rows: list[tuple[str, str]]) -> None:
    table = doc.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        _run(cells[0].paragraphs[0], label, size=14, bold=True)
        _run(cells[1].paragraphs[0], value or "—", size=14)


def _sign(doc, agency: str, day) -> None:
    sign = doc.add_paragraph()
    sign.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run(sign, f"{agency}（印章）\n{format_date(day) if day else '年  月  日'}")


def _bytes(doc) -> bytes:
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def _agency(case: Case) -> str:
    """The deciding body: the bureau or district bureau above the handling team."""
    unit = case.org_unit
    while unit is not None and unit.kind not in ("bureau", "district"):
        unit = unit.parent
    return unit.name if unit is not None else AGENCY


def _you(case: Case) -> str:
    return "你" if case.party_kind == "person" else "你单位"


def _period(code: str, start) -> str:
    """The period of a rule as the law in force on ``start`` words it (e.g. 五个工作日 / 三日)."""
    rule = rule_for(code, start)
    digits = "〇一二三四五六七八九十"
    number = digits[rule.days] if rule.days <= 10 else str(rule.days)
    return f"{number}个工作日" if rule.unit == "working" else f"{number}日"


def _officers(act_or_case) -> str:
    return "、".join(o.name for o in act_or_case.officers.all()) or "—"


def filing_form(case: Case) -> bytes:
    """立案审批表."""
    doc = Document()
    _title(doc, "立案审批表", case.reference)
    _table(
        doc,
        [
            ("案件来源", case.source_label),
            ("案由", case.cause),
            ("当事人", case.party_name),
            ("统一社会信用代码/身份证号", case.party_code),
            ("法定代表人/负责人", case.party_legal_rep),
            ("地址", case.party_address),
            ("权责事项", f"{case.power_item.code} {case.power_item.name}"),
            ("收到/发现日期", format_date(case.received_on)),
            ("受理日期", format_date(case.accepted_on) if case.accepted_on else ""),
            ("承办人员", _officers(case)),
            ("负责人审批意见", f"同意立案。{case.filing_approver or ''}" if case.filed_on else ""),
            ("立案日期", format_date(case.filed_on) if case.filed_on else ""),
        ],
    )
    return _bytes(doc)


def interview_record(act: CaseAct) -> bytes:
    """询问笔录 (行政处罚法 第五十五条)."""
    case = act.case
    doc = Document()
    _title(doc, "询问笔录", f"{case.reference} 第{act.seq}号记录")
    _table(
        doc,
        [
            ("时间", format_date(act.on)),
            ("地点", act.place),
            ("询问人（执法证号）", "、".join(f"{o.name}" for o in act.officers.all()) or "—"),
            ("被询问单位", case.party_name),
        ],
    )
    _paragraphs(
        doc,
        [
            "我们是劳动保障监察员，已向你出示执法证件。你有如实回答询问的义务，也有陈述和申辩的权利；"
            "执法人员与本案有直接利害关系的，你有权申请回避。",
            f"询问内容：{act.summary}",
            "以上笔录已经被询问人核对无误。",
            "被询问人（签名）：            询问人（签名）：",
        ],
    )
    return _bytes(doc)


def correction_order(act: CaseAct) -> bytes:
    """劳动保障监察责令改正指令书."""
    case = act.case
    order = act.order
    doc = Document()
    _title(doc, "劳动保障监察责令改正指令书", f"{case.reference}-改{act.seq}")
    _paragraphs(
        doc,
        [
            f"{case.party_name}：",
            f"经查，{_you(case)}存在以下违反劳动保障法律、法规或者规章的行为：{order.items}",
            f"根据《劳动保障监察条例》第十八条的规定，现责令{_you(case)}于{format_date(order.due_on)}前改正，"
            "并将改正情况书面报送本机关。逾期不改正的，本机关将依法处理。",
        ],
    )
    _sign(doc, _agency(case), order.issued_on)
    return _bytes(doc)


def penalty_notice(case: Case) -> bytes:
    """行政处罚告知书 (行政处罚法 第四十四、四十五、六十三、六十四条)."""
    doc = Document()
    _title(doc, "行政处罚告知书", f"{case.reference}-告")
    outcome = review_rules.OUTCOME_LABELS.get(case.proposed_outcome, "")
    proposed = f"拟{outcome}" + (
        f"：罚款人民币{case.proposed_fine}元" if case.proposed_fine else ""
    )
    you = _you(case)
    rights = f"{you}可以在收到本告知书之日起进行陈述和申辩。"
    if case.hearing_reasons:
        period = _period("penalty.hearing_request", case.notified_on)
        rights += (
            f"因拟作出的处罚属于{'、'.join(case.hearing_reasons)}，{you}有权要求听证，"
            f"应当在收到本告知书之日起{period}内提出，逾期视为放弃。"
        )
    _paragraphs(
        doc,
        [
            f"{case.party_name}：",
            f"本机关于{format_date(case.filed_on)}对{you}{case.cause}一案立案调查。{case.proposed_text}",
            f"{proposed}。",
            rights,
            "本机关不因当事人陈述、申辩而给予更重的处罚。",
        ],
    )
    _sign(doc, _agency(case), case.notified_on)
    return _bytes(doc)


def penalty_decision(case: Case) -> bytes:
    """行政处罚决定书 (行政处罚法 第五十九条)."""
    doc = Document()
    _title(doc, "行政处罚决定书", case.decision_number)
    outcome = review_rules.OUTCOME_LABELS.get(case.outcome, "")
    texts = [
        f"当事人：{case.party_name}",
        f"统一社会信用代码/身份证号：{case.party_code or '—'}",
        *([f"法定代表人/负责人：{case.party_legal_rep}"] if case.party_legal_rep else []),
        f"地址：{case.party_address or '—'}",
        f"本机关于{format_date(case.filed_on)}对{_you(case)}{case.cause}一案立案调查。{case.decision_text}",
        f"以上事实有现场检查笔录、询问笔录及相关证据为证。本机关已于{format_date(case.notified_on)}"
        f"告知{_you(case)}拟作出处罚的事实、理由、依据及依法享有的权利。",
        f"本机关决定：{outcome}" + (f"，罚款人民币{case.fine}元" if case.fine else "") + "。",
    ]
    if case.departure_reason:
        texts.append(f"裁量说明：{case.departure_reason}")
    if case.fine:
        texts.append(
            f"请自收到本决定书之日起{_period('penalty.payment', case.decided_on)}内到指定银行或者通过电子支付系统缴纳罚款。到期不缴纳的，"
            "每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额。"
        )
    texts.append(
        "如不服本决定，可以在收到本决定书之日起六十日内申请行政复议，或者在六个月内依法向人民法院"
        "提起行政诉讼。"
    )
    _paragraphs(doc, texts)
    _sign(doc, _agency(case), case.decided_on)
    return _bytes(doc)


def service_receipt(case: Case) -> bytes:
    """送达回证 (行政处罚法 第六十一条; 民事诉讼法 第八十七条)."""
    from fazhi.enforcement.services.cases_execution import SERVICE_METHODS

    doc = Document()
    _title(doc, "送达回证", case.reference)
    _table(
        doc,
        [
            ("送达文书名称及文号", f"行政处罚决定书 {case.decision_number}"),
            ("受送达人", case.service_recipient or case.party_name),
            ("送达地点", case.party_address),
            ("送达方式", SERVICE_METHODS.get(case.service_method, "")),
            ("送达日期", format_date(case.served_on) if case.served_on else ""),
            ("受送达人签名", " "),
            ("送达人签名", " "),
            ("备注", " "),
        ],
    )
    return _bytes(doc)


def case_record(case: Case, rows: list[dict]) -> bytes:
    """卷内记录: every act in order with its officers and each evidence file's SHA-256."""
    doc = Document()
    _title(doc, "行政执法案卷 卷内记录", case.reference)
    _table(
        doc,
        [
            ("案由", case.cause),
            ("当事人", case.party_name),
            ("状态", case.status_label),
            ("决定书文号", case.decision_number),
            ("权责事项", case.power_item.code),
        ],
    )
    for row in rows:
        paragraph = doc.add_paragraph()
        _run(
            paragraph, f"{row['seq']}．{format_date(row['on'])} {row['label']}", bold=True, size=14
        )
        _paragraphs(doc, [row["summary"]])
        if row["officers"]:
            _paragraphs(doc, ["执法人员：" + "、".join(row["officers"])])
        for f in row["files"]:
            _paragraphs(doc, [f"证据：{f['name']}（{f['mime_type']}）SHA-256 {f['sha256']}"])
    return _bytes(doc)


DOCUMENTS = {
    "filing": ("立案审批表", lambda case: filing_form(case) if case.filed_on else None),
    "notice": ("行政处罚告知书", lambda case: penalty_notice(case) if case.notified_on else None),
    "decision": (
        "行政处罚决定书",
        lambda case: penalty_decision(case) if case.decided_on else None,
    ),
    "service": ("送达回证", lambda case: service_receipt(case) if case.decided_on else None),
}
ACT_DOCUMENTS = {
    act_rules.ActKind.INTERVIEW: ("询问笔录", interview_record),
    act_rules.ActKind.ORDER: ("责令改正指令书", correction_order),
}


def available(case: Case) -> list[tuple[str, str]]:
    """(key, title) of the case documents the case has reached."""
    reached = {
        "filing": case.filed_on is not None,
        "notice": case.notified_on is not None,
        "decision": case.decided_on is not None,
        "service": case.decided_on is not None,
    }
    return [(key, title) for key, (title, _build) in DOCUMENTS.items() if reached[key]]


def case_documents(case: Case) -> list[tuple[str, str, bytes]]:
    """(file name, title, bytes) of every document the case has reached."""
    out = []
    for key, (title, build) in DOCUMENTS.items():
        content = build(case)
        if content is not None:
            out.append((f"{key}.docx", title, content))
    for act in case.acts.filter(kind__in=list(ACT_DOCUMENTS)).order_by("seq"):
        title, build = ACT_DOCUMENTS[act_rules.ActKind(act.kind)]
        out.append((f"{act.kind}-{act.seq}.docx", f"{title}（第{act.seq}号）", build(act)))
    return out
