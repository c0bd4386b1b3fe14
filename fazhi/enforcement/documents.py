"""Case documents as Word files, laid out after GB/T 9704-2012 (党政机关公文格式):
the templates in ``fazhi/enforcement/docx/`` filled through ``fazhi.core.documents`` (A4; 天头
37 mm, 订口 28 mm, 版心 156 × 225 mm; 22 lines of 28 characters; 3号仿宋 body, 2号小标宋 title);
the issuing body by its full name (``settings.FAZHI["AGENCY_NAME"]`` for the
bureau, the district bureau's full name for a district case). The text comes from the case
record only; staff edit the generated file as needed.

立案审批表, 询问笔录 (each officer with the number of the certificate valid that day), 责令改正指令书
/ 责令支付通知书, 行政处罚告知书, 行政处罚决定书 or 行政处理决定书 (加付赔偿金), 送达回证, and the
卷内记录 used by the archive export. Every article cited is that of the law in force on the day
of the act (`fazhi.core.domain.citations`).
"""

from __future__ import annotations

from django.conf import settings

from fazhi.core import documents as gw
from fazhi.core.domain import citations as cit
from fazhi.core.domain.time_limits import format_date, rule_for
from fazhi.enforcement.domain import acts as act_rules
from fazhi.enforcement.domain import review as review_rules
from fazhi.enforcement.domain.remedies import remedy_bodies
from fazhi.enforcement.models import Case, CaseAct


def _filled(fields: dict[str, str]) -> dict[str, str]:
    """A form's empty cells print "—"."""
    return {key: value or "—" for key, value in fields.items()}


def _signed_on(day) -> str:
    return format_date(day) if day else "年  月  日"


def _authority_unit(case: Case):
    unit = case.org_unit
    while unit is not None and unit.kind not in ("bureau", "district"):
        unit = unit.parent
    return unit or case.org_unit


def _agency(case: Case) -> str:
    """The deciding body by its full name: the bureau (configuration) or the district bureau
    above the handling team."""
    unit = _authority_unit(case)
    if unit is None or unit.kind == "bureau":
        return gw.agency_name()
    from fazhi.publicity.services.records import authority_for

    return authority_for(unit).name


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


def _certificate(officer, on) -> str:
    """The number of the officer's certificate valid on ``on`` (行政处罚法 第五十五条: 出示执法证件)."""
    card = (
        officer.certificates.filter(issued_on__lte=on, expires_on__gte=on)
        .exclude(status="revoked")
        .order_by("-issued_on")
        .first()
    )
    return card.number if card else "无有效执法证"


def _money(amount) -> str:
    return f"{amount:.2f}"


def filing_form(case: Case) -> bytes:
    """立案审批表."""
    fields = {
        "source": case.source_label,
        "cause": case.cause,
        "party": case.party_name,
        "party_code": case.party_code,
        "legal_rep": case.party_legal_rep,
        "address": case.party_address,
        "power_item": f"{case.power_item.code} {case.power_item.name}",
        "received_on": format_date(case.received_on),
        "accepted_on": format_date(case.accepted_on) if case.accepted_on else "",
        "officers": _officers(case),
        "approval": f"同意立案。{case.filing_approver or ''}" if case.filed_on else "",
        "filed_on": format_date(case.filed_on) if case.filed_on else "",
    }
    return gw.render("enforcement/filing_form", {"reference": case.reference, **_filled(fields)})


def interview_record(act: CaseAct) -> bytes:
    """询问笔录 (行政处罚法 第五十五条)."""
    case = act.case
    interviewers = "、".join(f"{o.name}（{_certificate(o, act.on)}）" for o in act.officers.all())
    fields = {
        "on": format_date(act.on),
        "place": act.place,
        "interviewers": interviewers,
        "party": case.party_name,
    }
    return gw.render(
        "enforcement/interview_record",
        {"reference": case.reference, "seq": act.seq, "summary": act.summary, **_filled(fields)},
    )


def correction_order(act: CaseAct) -> bytes:
    """劳动保障监察责令改正指令书, or 责令支付通知书 (条例 第二十六条: 责令限期支付)."""
    case = act.case
    order = act.order
    if order.is_payment:
        name, basis = "payment_order", cit.cite(cit.INSPECTION, "compensation", act.on)
    else:
        name, basis = "correction_order", cit.cite(cit.INSPECTION, "inspection_outcome", act.on)
    return gw.render(
        f"enforcement/{name}",
        {
            "agency": _agency(case),
            "reference": case.reference,
            "seq": act.seq,
            "party": case.party_name,
            "you": _you(case),
            "items": order.items,
            "basis": basis,
            "due_on": format_date(order.due_on),
            "signed_on": _signed_on(order.issued_on),
        },
    )


def _amount_text(case: Case, *, proposed: bool) -> str:
    compensation = case.proposed_compensation if proposed else case.compensation
    fine = case.proposed_fine if proposed else case.fine
    if case.is_compensation and compensation:
        return f"责令{_you(case)}向劳动者加付赔偿金人民币{_money(compensation)}元"
    return f"罚款人民币{_money(fine)}元" if fine else ""


def penalty_notice(case: Case) -> bytes:
    """行政处罚告知书 (2021 第四十四、四十五、六十三、六十四条; 2017 第三十一、三十二、四十二条)."""
    agency = _agency(case)
    on = case.notified_on
    compensation = case.is_compensation
    outcome = review_rules.OUTCOME_LABELS.get(case.proposed_outcome, "")
    amount = _amount_text(case, proposed=True)
    proposed = (
        ("拟" + amount) if compensation else (f"拟{outcome}" + (f"：{amount}" if amount else ""))
    )
    you = _you(case)
    notify = cit.cite_penalty("notify", on)
    statement = cit.article(cit.PENALTY, "statement", on)
    rights = f"根据{notify}、{statement}的规定，{you}可以在收到本告知书之日起进行陈述和申辩。"
    if case.hearing_reasons:
        period = _period("penalty.hearing_request", on)
        hearing = cit.cite_penalty("hearing", on)
        rights += (
            f"因拟作出的处罚属于{'、'.join(case.hearing_reasons)}，依据{hearing}，{you}有权要求听证，"
            f"应当在收到本告知书之日起{period}内提出，逾期视为放弃。"
        )
    paragraphs = [
        f"{case.party_name}：",
        f"本机关于{format_date(case.filed_on)}对{you}{case.cause}一案立案调查。{case.proposed_text}",
        f"依据{_penalty_basis(case)}，本机关{proposed}。",
        rights,
        "本机关不因当事人陈述、申辩而给予更重的处罚。",
    ]
    return gw.render(
        "enforcement/penalty_notice",
        {
            "agency": agency,
            "title": "行政处理告知书" if compensation else "行政处罚告知书",
            "number": f"{case.reference}-告",
            "paragraphs": paragraphs,
            "signed_on": _signed_on(on),
        },
    )


def _penalty_basis(case: Case) -> str:
    """The 处罚依据: the benchmark item's article, else the power item's legal basis."""
    basis = (case.proposal or {}).get("basis", "")
    if basis:
        return basis
    from fazhi.powers.selectors import power_item_current_version

    version = power_item_current_version(item=case.power_item)
    return version.legal_basis_text if version is not None else "有关法律、法规的规定"


def _evidence_lines(case: Case) -> list[str]:
    """Only what the case file holds: each investigation record with its date and files."""
    lines = []
    acts = case.acts.filter(kind__in=act_rules.FINDING_KINDS).order_by("seq")
    for act in acts.prefetch_related("evidence"):
        files = "、".join(e.original_name for e in act.evidence.all())
        label = act_rules.ACT_LABELS.get(act.kind, act.kind)
        lines.append(f"{label}（{format_date(act.on)}）" + (f"及{files}" if files else ""))
    return lines


def _hearing_text(case: Case) -> str:
    hearing = getattr(case, "hearing", None)
    if hearing is None:
        return ""
    if hearing.waived:
        return f"{_you(case)}申请听证后放弃听证。"
    if hearing.record_id:
        return f"应{_you(case)}的要求，本机关于{format_date(hearing.record.on)}依法举行了听证。"
    return ""


def penalty_decision(case: Case) -> bytes:
    """行政处罚决定书 (2021 第五十九条; 2017 第三十九条), or for 加付赔偿金 the 劳动保障监察行政处理
    决定书 (条例 第二十六条): no 罚款, no 加处罚款. States only the evidence the file holds, the
    处罚依据, the hearing when one was held, and names the 复议机关 and the court."""
    on = case.decided_on
    agency = _agency(case)
    compensation = case.is_compensation and bool(case.compensation)
    title = "劳动保障监察行政处理决定书" if compensation else "行政处罚决定书"
    you = _you(case)
    outcome = review_rules.OUTCOME_LABELS.get(case.outcome, "")
    evidence = _evidence_lines(case)
    texts = [
        f"当事人：{case.party_name}",
        f"统一社会信用代码/身份证号：{case.party_code or '—'}",
        *([f"法定代表人/负责人：{case.party_legal_rep}"] if case.party_legal_rep else []),
        f"地址：{case.party_address or '—'}",
        f"本机关于{format_date(case.filed_on)}对{you}{case.cause}一案立案调查。{case.decision_text}",
    ]
    if evidence:
        texts.append("以上事实有下列证据证明：" + "；".join(evidence) + "。")
    if compensation:  # 条例 第二十六条: 加付赔偿金 rests on an unheeded 责令支付
        for order in case.orders.filter(is_payment=True, status="overdue").order_by("issued_on"):
            texts.append(
                f"本机关于{format_date(order.issued_on)}责令{you}于{format_date(order.due_on)}前"
                f"支付{order.items}，{you}逾期未支付。"
            )
    texts.append(
        f"本机关已于{format_date(case.notified_on)}告知{you}拟作出决定的事实、理由、依据及依法享有的"
        f"陈述、申辩{'、听证' if case.hearing_reasons else ''}权利。" + _hearing_text(case)
    )
    basis = _penalty_basis(case)
    if compensation:
        texts.append(f"依据{basis}，本机关决定：{_amount_text(case, proposed=False)}。")
    else:
        amount = _amount_text(case, proposed=False)
        texts.append(
            f"依据{basis}，本机关决定：{outcome}" + (f"，{amount}" if amount else "") + "。"
        )
    if case.departure_reason:
        texts.append(f"裁量说明：{case.departure_reason}")
    if compensation:
        texts.append(
            f"请{you}自收到本决定书之日起十五日内将加付赔偿金支付给劳动者，并将支付凭证报送本机关。"
        )
    elif case.fine:
        surcharge = cit.cite_penalty("surcharge", on)
        texts.append(
            f"请自收到本决定书之日起{_period('penalty.payment', on)}内到指定银行或者通过电子支付系统缴纳罚款。"
            f"到期不缴纳的，依据{surcharge}，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额。"
        )
    bodies = remedy_bodies(
        unit_code=_authority_unit(case).code,
        agency=agency,
        on=on,
        configured=settings.FAZHI.get("ENFORCEMENT_REMEDY_BODIES"),
    )
    months = "六个月" if cit.suit_months(on) == 6 else "三个月"
    texts.append(
        f"如不服本决定，可以在收到本决定书之日起六十日内向{bodies.reconsideration}申请行政复议，"
        f"或者在{months}内依法向{bodies.court}提起行政诉讼。申请行政复议或者提起行政诉讼期间，"
        "本决定不停止执行。"
    )
    return gw.render(
        "enforcement/penalty_decision",
        {
            "agency": agency,
            "title": title,
            "number": case.decision_number,
            "paragraphs": texts,
            "signed_on": _signed_on(on),
        },
    )


def service_receipt(case: Case) -> bytes:
    """送达回证 (行政处罚法 第六十一条; 民事诉讼法 第八十七条)."""
    from fazhi.enforcement.services.cases_execution import SERVICE_METHODS

    fields = {
        "recipient": case.service_recipient or case.party_name,
        "address": case.party_address,
        "method": SERVICE_METHODS.get(case.service_method, ""),
        "served_on": format_date(case.served_on) if case.served_on else "",
    }
    return gw.render(
        "enforcement/service_receipt",
        {
            "reference": case.reference,
            "decision_number": case.decision_number,
            **_filled(fields),
        },
    )


def case_record(case: Case, rows: list[dict]) -> bytes:
    """卷内记录: every act in order with its officers and each evidence file's SHA-256."""
    fields = {
        "cause": case.cause,
        "party": case.party_name,
        "status": case.status_label,
        "decision_number": case.decision_number,
        "power_item": case.power_item.code,
    }
    return gw.render(
        "enforcement/case_record",
        {
            "reference": case.reference,
            **_filled(fields),
            "rows": [
                {**row, "on": format_date(row["on"]), "officers": "、".join(row["officers"])}
                for row in rows
            ],
        },
    )


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
    act_rules.ActKind.PAY_ORDER: ("责令支付通知书", correction_order),
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
