"""Demo records for `fazhi demo`: the bureau's 权责清单 as of 2019.

Real 人社 powers with their statutory basis, listed on 2019-01-01, then the year's adjustments
the 2019 report describes (一(二): 根据机构改革职权调整情况 … 进行清理规范): the 医疗保险 and
生育保险 powers moved to the new 医疗保障局, 社会保险费征收 moved to the tax authority, one
inspection duty moved between units, and the new 《保障农民工工资支付条例》 item. Other apps'
demo data refers to the codes below; keep them stable. Idempotent: an item that exists is left
alone, and an adjustment already recorded is not repeated.
"""

from __future__ import annotations

from datetime import date

from fazhi.powers.domain.kinds import PowerKind
from fazhi.powers.models import PowerItem
from fazhi.powers.services import (
    power_item_create,
    power_item_deactivate,
    power_item_revise,
    power_items_flag_changed_law,
)

LISTED_ON = date(2019, 1, 1)

K = PowerKind
REMEDY = (
    "对该行政行为不服的，可以自知道该行政行为之日起六十日内申请行政复议（《中华人民共和国行政复议法》"
    "第九条），或者自知道或者应当知道作出行政行为之日起六个月内提起行政诉讼（《中华人民共和国行政诉讼法》"
    "第四十六条）。"
)
ACCOUNTABILITY = {
    K.PENALTY: "有下列情形之一的，依法追究责任：（一）没有法定依据或者擅自改变处罚种类、幅度的；"
    "（二）违反法定的行政处罚程序的；（三）应当依法移交司法机关追究刑事责任而不移交的；"
    "（四）对应当予以制止和处罚的违法行为不予制止、处罚的；（五）其他滥用职权、玩忽职守、徇私舞弊的"
    "（《中华人民共和国行政处罚法》第五十五条至第六十二条；《劳动保障监察条例》第三十一条）。",
    K.LICENSING: "对符合法定条件的申请不予受理或者不在法定期限内作出准予决定的；对不符合法定条件的"
    "申请人准予许可的；索取或者收受他人财物的；其他违法实施行政许可的，依法追究责任"
    "（《中华人民共和国行政许可法》第七十二条至第七十七条）。",
    K.COERCION: "没有法律、法规依据实施行政强制的；改变强制对象、条件、方式的；违反法定程序实施的；"
    "扩大划拨范围的，依法追究责任（《中华人民共和国行政强制法》第六十一条至第六十五条）。",
}
DEFAULT_ACCOUNTABILITY = (
    "不依法履行职责、滥用职权、玩忽职守、徇私舞弊的，对直接负责的主管人员和其他直接责任人员依法"
    "给予处分；构成犯罪的，依法追究刑事责任（《劳动保障监察条例》第三十一条；"
    "《中华人民共和国社会保险法》第九十二条）。"
)
PROCESS = {
    K.PENALTY: "立案—调查取证—重大执法决定法制审核—告知陈述申辩（听证）权利—作出决定—送达—执行—结案归档",
    K.LICENSING: "申请—受理（材料不全一次告知补正）—审查（必要时实地核查）—作出决定—送达、颁证—公示",
    K.COERCION: "责令限期缴纳—逾期未缴—查询存款账户—书面决定划拨—书面通知金融机构划拨—送达",
    K.INSPECTION: "制定检查计划（双随机抽查）—出示证件、实施检查—制作检查记录—处理—公示抽查结果",
    K.CONFIRMATION: "申请—受理—调查核实—作出决定—送达",
    K.BENEFIT: "申请—审核—核定待遇—发放",
    K.LEVY: "核定缴费基数—征收—逾期责令限期缴纳、加收滞纳金—入库",
    K.AWARD: "推荐（举报）—审核—公示—决定—奖励",
    K.ADJUDICATION: "申请—受理—开庭审理—调解—裁决—送达",
    K.OTHER: "发现—调查核实—作出决定—送达—执行",
}
TIME_LIMIT = {
    K.PENALTY: "自立案之日起60个工作日内完成；情况复杂的，经批准可延长30个工作日（《劳动保障监察条例》第十七条）",
    K.LICENSING: "自受理之日起20个工作日内作出决定；经本机关负责人批准可延长10个工作日（《中华人民共和国行政许可法》第四十二条）",
}

# code, kind, name, unit key, legal basis, time limit override
ITEMS: tuple[tuple[str, PowerKind, str, str, str, str], ...] = (
    (
        "CF-JC-23",
        K.PENALTY,
        "违反女职工和未成年工特殊劳动保护规定的处罚",
        "inspection",
        "《劳动保障监察条例》第二十三条",
        "",
    ),
    (
        "CF-JC-25",
        K.PENALTY,
        "违法延长劳动者工作时间的处罚",
        "inspection",
        "《劳动保障监察条例》第二十五条",
        "",
    ),
    (
        "CF-JC-26",
        K.PENALTY,
        "克扣或者无故拖欠劳动者工资报酬等的处理",
        "inspection",
        "《劳动保障监察条例》第二十六条；《中华人民共和国劳动合同法》第八十五条",
        "",
    ),
    (
        "CF-JC-27",
        K.PENALTY,
        "瞒报工资总额或者职工人数、骗取社会保险待遇的处罚",
        "inspection",
        "《劳动保障监察条例》第二十七条",
        "",
    ),
    (
        "CF-JC-28",
        K.PENALTY,
        "职业介绍、职业技能培训或者职业技能考核鉴定机构违法的处罚",
        "inspection",
        "《劳动保障监察条例》第二十八条",
        "",
    ),
    (
        "CF-JC-30",
        K.PENALTY,
        "无理抗拒、阻挠劳动保障监察的处罚",
        "inspection",
        "《劳动保障监察条例》第三十条",
        "",
    ),
    (
        "CF-HT-84",
        K.PENALTY,
        "扣押劳动者身份证件、收取财物作为担保的处罚",
        "inspection",
        "《中华人民共和国劳动合同法》第八十四条",
        "",
    ),
    (
        "CF-HT-92",
        K.PENALTY,
        "未经许可擅自经营劳务派遣业务的处罚",
        "inspection",
        "《中华人民共和国劳动合同法》第九十二条",
        "",
    ),
    ("CF-TG-06", K.PENALTY, "使用童工的处罚", "inspection", "《禁止使用童工规定》第六条", ""),
    (
        "CF-NZG-13",
        K.PENALTY,
        "违反女职工劳动保护特别规定的处罚",
        "inspection",
        "《女职工劳动保护特别规定》第十三条",
        "",
    ),
    (
        "CF-SB-84",
        K.PENALTY,
        "用人单位不办理社会保险登记的处罚",
        "inspection",
        "《中华人民共和国社会保险法》第八十四条",
        "",
    ),
    (
        "CF-SB-86",
        K.PENALTY,
        "用人单位未按时足额缴纳社会保险费的罚款",
        "inspection",
        "《中华人民共和国社会保险法》第八十六条",
        "",
    ),
    (
        "CF-SB-87",
        K.PENALTY,
        "社会保险经办机构及医疗机构、药品经营单位等骗取社会保险基金支出的处罚",
        "inspection",
        "《中华人民共和国社会保险法》第八十七条",
        "",
    ),
    (
        "CF-SB-88",
        K.PENALTY,
        "以欺诈、伪造证明材料等手段骗取社会保险待遇的处罚",
        "inspection",
        "《中华人民共和国社会保险法》第八十八条",
        "",
    ),
    (
        "CF-GS-62",
        K.PENALTY,
        "应当参加工伤保险而未参加的处理",
        "inspection",
        "《工伤保险条例》第六十二条",
        "",
    ),
    (
        "CF-GS-63",
        K.PENALTY,
        "拒不协助社会保险行政部门对事故进行调查核实的处罚",
        "injury",
        "《工伤保险条例》第六十三条",
        "",
    ),
    (
        "CF-RLSC-42",
        K.PENALTY,
        "未经许可擅自从事职业中介活动的处罚",
        "inspection",
        "《人力资源市场暂行条例》第四十二条；《中华人民共和国就业促进法》第六十四条",
        "",
    ),
    (
        "CF-RLSC-43",
        K.PENALTY,
        "发布虚假招聘信息等违反人力资源市场管理规定的处罚",
        "inspection",
        "《人力资源市场暂行条例》第四十三条",
        "",
    ),
    (
        "CF-JY-66",
        K.PENALTY,
        "职业中介机构扣押劳动者证件、收取押金的处罚",
        "inspection",
        "《中华人民共和国就业促进法》第六十六条",
        "",
    ),
    (
        "QZ-SB-63",
        K.COERCION,
        "查询用人单位存款账户、划拨社会保险费",
        "insurance_centre",
        "《中华人民共和国社会保险法》第六十三条",
        "责令限期缴纳期满后依法实施；划拨决定作出后书面通知金融机构（《中华人民共和国行政强制法》第四十七条）",
    ),
    (
        "JC-LD-01",
        K.INSPECTION,
        "劳动保障监察检查",
        "inspection",
        "《劳动保障监察条例》第十一条、第十五条",
        "按年度检查计划实施；立案调查的，自立案之日起60个工作日内完成（《劳动保障监察条例》第十七条）",
    ),
    (
        "JC-SB-79",
        K.INSPECTION,
        "社会保险基金监督检查",
        "pension",
        "《中华人民共和国社会保险法》第七十九条",
        "按年度监督检查计划实施",
    ),
    (
        "JC-RLZY-34",
        K.INSPECTION,
        "经营性人力资源服务机构监督检查",
        "mobility",
        "《人力资源市场暂行条例》第三十四条",
        "按双随机抽查计划实施",
    ),
    (
        "JC-PX-01",
        K.INSPECTION,
        "民办职业技能培训学校办学监督检查",
        "employment",
        "《中华人民共和国民办教育促进法》第四十一条",
        "按年度检查计划实施",
    ),
    (
        "XK-LWPQ",
        K.LICENSING,
        "劳务派遣经营许可",
        "labour_relations",
        "《中华人民共和国劳动合同法》第五十七条；《劳务派遣行政许可实施办法》第六条",
        "",
    ),
    (
        "XK-RLZY",
        K.LICENSING,
        "人力资源服务许可",
        "mobility",
        "《人力资源市场暂行条例》第十八条",
        "",
    ),
    (
        "XK-GS",
        K.LICENSING,
        "企业实行不定时工作制和综合计算工时工作制审批",
        "labour_relations",
        "《中华人民共和国劳动法》第三十九条；《国务院关于职工工作时间的规定》第五条",
        "",
    ),
    (
        "XK-MBPX",
        K.LICENSING,
        "民办职业技能培训学校设立、分立、合并、变更及终止审批",
        "employment",
        "《中华人民共和国民办教育促进法》第十二条",
        "",
    ),
    (
        "QR-GSRD",
        K.CONFIRMATION,
        "工伤认定",
        "injury",
        "《工伤保险条例》第十七条、第二十条",
        "自受理工伤认定申请之日起60日内作出决定；事实清楚、权利义务明确的15日内作出（《工伤保险条例》第二十条）",
    ),
    (
        "QR-LDNL",
        K.CONFIRMATION,
        "劳动能力鉴定",
        "injury",
        "《工伤保险条例》第二十三条、第二十五条",
        "自收到申请之日起60日内作出鉴定结论，必要时可延长30日（《工伤保险条例》第二十五条）",
    ),
    (
        "QR-SBDJ",
        K.CONFIRMATION,
        "社会保险登记",
        "insurance_centre",
        "《中华人民共和国社会保险法》第五十七条",
        "自收到申请之日起15日内予以审核（《中华人民共和国社会保险法》第五十七条）",
    ),
    (
        "QR-TX",
        K.CONFIRMATION,
        "职工退休（退职）审批",
        "pension",
        "《国务院关于工人退休、退职的暂行办法》第一条",
        "自受理之日起20个工作日内",
    ),
    (
        "GF-SYBX",
        K.BENEFIT,
        "失业保险金的给付",
        "employment",
        "《中华人民共和国社会保险法》第四十五条；《失业保险条例》第十四条、第十七条",
        "自受理之日起15个工作日内核定",
    ),
    (
        "GF-GSBX",
        K.BENEFIT,
        "工伤保险待遇给付",
        "insurance_centre",
        "《工伤保险条例》第三十条",
        "按月或者一次性支付",
    ),
    (
        "GF-YLBX",
        K.BENEFIT,
        "基本养老保险待遇给付",
        "insurance_centre",
        "《中华人民共和国社会保险法》第十六条",
        "自核准之次月起按月发放",
    ),
    (
        "GF-YLBX-MED",
        K.BENEFIT,
        "基本医疗保险待遇给付",
        "insurance_centre",
        "《中华人民共和国社会保险法》第二十八条",
        "按规定结算",
    ),
    (
        "GF-SYBX-BIRTH",
        K.BENEFIT,
        "生育保险待遇给付",
        "insurance_centre",
        "《中华人民共和国社会保险法》第五十四条",
        "按规定结算",
    ),
    (
        "GF-JYKN",
        K.BENEFIT,
        "就业困难人员社会保险补贴",
        "employment",
        "《中华人民共和国就业促进法》第五十二条",
        "自受理之日起20个工作日内",
    ),
    (
        "ZS-SBF",
        K.LEVY,
        "社会保险费征收",
        "insurance_centre",
        "《社会保险费征缴暂行条例》第六条、第十三条；《中华人民共和国社会保险法》第六十三条",
        "按月征收",
    ),
    (
        "JL-JY-10",
        K.AWARD,
        "对在促进就业工作中作出显著成绩的单位和个人给予表彰和奖励",
        "employment",
        "《中华人民共和国就业促进法》第十条",
        "按表彰工作安排",
    ),
    (
        "JL-JC-09",
        K.AWARD,
        "对举报重大劳动保障违法行为有功人员的奖励",
        "inspection",
        "《劳动保障监察条例》第九条",
        "查证属实后按规定兑现",
    ),
    (
        "CJ-LDZY",
        K.ADJUDICATION,
        "劳动人事争议仲裁",
        "labour_relations",
        "《中华人民共和国劳动争议调解仲裁法》第二条、第十七条",
        "自受理仲裁申请之日起45日内结束；案情复杂的经批准可延长不超过15日（《中华人民共和国劳动争议调解仲裁法》第四十三条）",
    ),
    (
        "QT-JC-24",
        K.OTHER,
        "未依法订立劳动合同的责令改正",
        "inspection",
        "《劳动保障监察条例》第二十四条",
        "",
    ),
    (
        "QT-NXJ-07",
        K.OTHER,
        "不安排职工休年休假又不支付年休假工资报酬的处理",
        "inspection",
        "《职工带薪年休假条例》第七条",
        "",
    ),
    (
        "QT-FY-12",
        K.OTHER,
        "对区人力资源和社会保障局具体行政行为的行政复议",
        "legal",
        "《中华人民共和国行政复议法》第十二条",
        "自受理之日起60日内作出决定；情况复杂的经批准可延长不超过30日（《中华人民共和国行政复议法》第三十一条）",
    ),
)

MEDICAL_REFORM = (
    "机构改革：根据市级机构改革方案，基本医疗保险、生育保险职责划入新组建的市医疗保障局，"
    "本局不再行使该项职权"
)
# code, version (number it becomes), how, effective date, reason, changes
ADJUSTMENTS = (
    ("GF-YLBX-MED", 2, "deactivate", date(2019, 1, 15), MEDICAL_REFORM, {}),
    ("GF-SYBX-BIRTH", 2, "deactivate", date(2019, 1, 15), MEDICAL_REFORM, {}),
    (
        "ZS-SBF",
        2,
        "deactivate",
        date(2019, 1, 15),
        "征管体制改革：社会保险费改由税务部门统一征收，本局不再行使征收职权",
        {},
    ),
    (
        "CF-SB-87",
        2,
        "revise",
        date(2019, 1, 15),
        "机构改革：医疗机构、药品经营单位骗取医疗保险基金支出的查处职责划入市医疗保障局，事项范围相应调整",
        {"name": "社会保险经办机构、社会保险服务机构骗取养老、工伤、失业保险基金支出的处罚"},
    ),
    (
        "JC-RLZY-34",
        2,
        "revise",
        date(2019, 6, 1),
        "职能调整：经营性人力资源服务机构的日常监督检查纳入劳动保障监察“双随机、一公开”统一实施，实施主体调整为劳动保障监察总队",
        {"unit": "inspection"},
    ),
)

NEW_IN_2019 = (
    (
        "CF-NMG-54",
        K.PENALTY,
        "未按规定编制工资支付台账等的处罚",
        "inspection",
        "《保障农民工工资支付条例》第五十四条",
        date(2019, 12, 30),
        "新法规：《保障农民工工资支付条例》（国务院令第724号）公布，新增事项，自2020年5月1日起施行",
    ),
)


# 行政复议 is not an enforcement act: its own steps (行政复议法 2017 第十七、二十三、二十八、三十一条)
# and, against the 复议决定, a suit within 15 days (行政诉讼法 第四十五条).
OWN_TEXT = {
    "QT-FY-12": {
        "process": "收到复议申请—受理审查（五日内）—补正通知—受理并将申请书副本发送被申请人—"
        "被申请人答复、举证—审理（必要时听取意见）—作出复议决定—送达",
        "remedy": "申请人对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内向人民法院提起"
        "行政诉讼（《中华人民共和国行政诉讼法》第四十五条）。",
    }
}


def _create(ctx, code, kind, name, unit, basis, time_limit, effective, reason) -> None:
    if PowerItem.objects.filter(code=code).exists():
        return
    power_item_create(
        code=code,
        kind=kind.value,
        name=name,
        org_unit=ctx.units[unit],
        legal_basis_text=basis,
        process=OWN_TEXT.get(code, {}).get("process", PROCESS[kind]),
        time_limit_text=time_limit or TIME_LIMIT.get(kind, "按法定时限办理"),
        remedy=OWN_TEXT.get(code, {}).get("remedy", REMEDY),
        accountability=ACCOUNTABILITY.get(kind, DEFAULT_ACCOUNTABILITY),
        effective_from=effective,
        reason=reason,
        actor=ctx.actor,
    )
    ctx.created["power_items"] += 1


def load(ctx) -> None:
    for code, kind, name, unit, basis, time_limit in ITEMS:
        _create(ctx, code, kind, name, unit, basis, time_limit, LISTED_ON, "2019年权责清单公布")
    for code, kind, name, unit, basis, effective, reason in NEW_IN_2019:
        _create(ctx, code, kind, name, unit, basis, "", effective, reason)
    for code, number, how, effective, reason, changes in ADJUSTMENTS:
        item = PowerItem.objects.get(code=code)
        if item.version_count >= number:
            continue
        if how == "deactivate":
            power_item_deactivate(
                item=item,
                reason=reason,
                effective_from=effective,
                actor=ctx.actor,
                expected_version=number - 1,
            )
        else:
            fields = dict(changes)
            if "unit" in fields:
                fields["org_unit"] = ctx.units[fields.pop("unit")]
            power_item_revise(
                item=item,
                reason=reason,
                effective_from=effective,
                actor=ctx.actor,
                expected_version=number - 1,
                **fields,
            )
        ctx.created["power_item_versions"] += 1
    # Laws amended since the list was made (e.g. 行政复议法 2023) flag the items citing them.
    flagged = power_items_flag_changed_law(actor=ctx.actor, on=ctx.today)
    ctx.created["power_items_flagged"] += len(flagged)
