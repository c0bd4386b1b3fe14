"""The bureau's 2018 and 2019 政务服务事项 catalogues (data for ``demo.py``).

Built so that the reductions the 2019 report states come out of ``compare_catalogues``:
see docs/dev/services.md for the construction. A material prefixed ``*`` is 可共享免提交 (the
bureau obtains it from 市场监管、公安 or its own records); ``?`` is optional.
"""

from __future__ import annotations

LICENSING_STEPS = ("提交申请", "受理（材料不全的，一次告知需补正的全部内容）", "审查",
                   "作出准予或不予许可决定", "制发许可证件并送达")  # fmt: skip
AUTO_STEPS = ("网上提交申请", "系统比对核验申请材料和登记信息（无人审批）",
              "符合条件的自动作出准予许可决定，不符合的转人工审查", "电子证照送达")  # fmt: skip
SERVICE_STEPS = ("提交申请", "受理审核", "办结并告知结果")
INSTANT_STEPS = ("提交申请", "窗口受理并当场办结")

# code, name, kind, unit key, power code, promised days (2018, 2019; None = not in that year),
# auto rule (2019), licence (category, certificate, issuer, validity years), materials 2018,
# materials 2019, merged_into (2018 row), change note
LWPQ_2018 = ("劳务派遣经营许可申请书", "营业执照副本", "公司章程", "验资报告（注册资本不少于人民币二百万元）",
             "经营场所使用证明", "法定代表人身份证明", "劳务派遣管理制度文本", "劳务派遣协议样本")  # fmt: skip
LWPQ_2019 = ("劳务派遣经营许可申请书", "*营业执照副本", "*公司章程", "*注册资本登记信息",
             "经营场所使用证明", "*法定代表人身份证明", "劳务派遣管理制度文本", "劳务派遣协议样本")  # fmt: skip
RLZY_2018 = ("人力资源服务许可申请书", "营业执照副本", "机构章程和管理制度", "经营场所使用证明",
             "专职工作人员名单及资格证明", "法定代表人身份证明", "开办资金证明")  # fmt: skip
RLZY_2019 = ("人力资源服务许可申请书", "*营业执照副本", "机构章程和管理制度", "经营场所使用证明",
             "专职工作人员名单及资格证明", "*法定代表人身份证明")  # fmt: skip
GS_2018 = ("特殊工时制度申请表", "营业执照副本", "实行特殊工时制度的岗位及人员名单",
           "工会或职工代表大会意见", "工时制度实施方案", "劳动者休息休假和健康保障措施")  # fmt: skip
GS_2019 = ("特殊工时制度申请表", "*营业执照副本", "实行特殊工时制度的岗位及人员名单",
           "工会或职工代表大会意见", "工时制度实施方案（含休息休假和健康保障措施）")  # fmt: skip
MBPX_2018 = ("办学申请书", "举办者资格证明", "拟任校长及教师资格证明", "办学场所使用证明", "学校章程",
             "资产及经费来源证明", "验资报告", "培训专业及教学计划", "消防安全证明")  # fmt: skip
MBPX_2019 = ("办学申请书", "*举办者资格证明", "拟任校长及教师资格证明", "办学场所使用证明", "学校章程",
             "资产及经费来源证明", "培训专业及教学计划", "*消防安全证明")  # fmt: skip

LICENCE = {
    "XK-LWPQ": ("ordinary", "劳务派遣经营许可证", "津人社派许", 3),
    "XK-RLZY": ("ordinary", "人力资源服务许可证", "津人社服许", None),
    "XK-GS": ("approval", "企业实行特殊工时制度行政许可决定书", "津人社工时许", 3),
    "XK-MBPX": ("ordinary", "民办学校办学许可证", "津人社培许", 5),
    "XK-LWPQ-BG": ("ordinary", "劳务派遣经营许可证", "津人社派许", 3),
    "XK-LWPQ-YX": ("ordinary", "劳务派遣经营许可证", "津人社派许", 3),
    "XK-JDJG": ("recognition", "职业技能鉴定许可证", "津人社鉴许", 4),
    "XK-TGA": ("ordinary", "台港澳人员就业证", "津人社台港澳许", 1),
}

ITEMS: tuple[tuple, ...] = (
    # licensing items
    ("XK-LWPQ", "劳务派遣经营许可", "licensing", "labour_relations", "XK-LWPQ", 20, 3, "lwpq",
     LWPQ_2018, LWPQ_2019, "", "2019年设立、变更、延续合并为一个事项，实行无人审批"),
    ("XK-LWPQ-BG", "劳务派遣经营许可变更", "licensing", "labour_relations", "XK-LWPQ", 20, None, "",
     ("变更申请书", "营业执照副本", "劳务派遣经营许可证正副本", "变更事项证明材料", "法定代表人身份证明"),
     (), "XK-LWPQ", "并入劳务派遣经营许可"),
    ("XK-LWPQ-YX", "劳务派遣经营许可延续", "licensing", "labour_relations", "XK-LWPQ", 20, None, "",
     ("延续申请书", "营业执照副本", "劳务派遣经营许可证正副本", "经营情况报告", "年度审计报告",
      "法定代表人身份证明"), (), "XK-LWPQ", "并入劳务派遣经营许可"),
    ("XK-RLZY", "人力资源服务许可", "licensing", "mobility", "XK-RLZY", 20, 3, "rlzy",
     RLZY_2018, RLZY_2019, "", "开办资金证明取消，实行无人审批"),
    ("XK-GS", "企业实行不定时工作制和综合计算工时工作制审批", "licensing", "labour_relations", "XK-GS",
     20, 5, "", GS_2018, GS_2019, "", ""),
    ("XK-MBPX", "民办职业技能培训学校设立、分立、合并、变更及终止审批", "licensing", "employment",
     "XK-MBPX", 20, 10, "", MBPX_2018, MBPX_2019, "", "验资报告取消"),
    ("XK-JDJG", "职业技能鉴定机构设立审批", "licensing", "employment", "", 20, None, "",
     ("设立申请书", "法人资格证明", "场地设备证明", "考评人员资格证明", "鉴定管理制度"), (), "",
     "依国务院决定取消"),
    ("XK-TGA", "台港澳人员在内地就业许可", "licensing", "employment", "", 15, None, "",
     ("就业申请表", "聘用意向书", "本人有效身份证件", "学历证明", "健康证明", "用人单位营业执照副本"),
     (), "", "依国务院决定取消"),
    # public services
    ("GG-SBDJ", "社会保险登记", "confirmation", "insurance_centre", "QR-SBDJ", 10, 0, "",
     ("社会保险登记表", "营业执照副本", "法定代表人身份证明", "银行开户证明"),
     ("社会保险登记表", "*营业执照副本", "法定代表人身份证明", "银行开户证明"), "", "即办"),
    ("GG-SYBX", "失业保险金申领", "benefit", "employment", "GF-SYBX", 15, 2, "",
     ("失业保险金申领表", "本人身份证件", "解除或终止劳动合同证明", "本人银行卡"), None, "", ""),
    ("GG-TX", "职工退休审批", "confirmation", "pension", "QR-TX", 20, 3, "",
     ("退休申请表", "本人身份证件", "人事档案", "参保缴费证明"), None, "", ""),
    ("GG-GSRD", "工伤认定申请", "confirmation", "injury", "QR-GSRD", 40, 10, "",
     ("工伤认定申请表", "劳动关系证明", "医疗诊断证明", "本人身份证件", "事故证明"), None, "", ""),
    ("GG-LDNL", "劳动能力鉴定申请", "confirmation", "injury", "QR-LDNL", 40, 10, "",
     ("劳动能力鉴定申请表", "工伤认定决定书", "病历资料", "本人身份证件"), None, "", ""),
    ("GG-JYKN", "就业困难人员社会保险补贴申领", "benefit", "employment", "GF-JYKN", 15, 3, "",
     ("补贴申请表", "本人身份证件", "就业创业证", "劳动合同", "社会保险缴费凭证"), None, "", ""),
    ("GG-JYDJ", "就业登记", "public_service", "employment", "", 5, 0, "",
     ("就业登记表", "本人身份证件", "劳动合同"), None, "", "即办"),
    ("GG-SYDJ", "失业登记", "public_service", "employment", "", 5, 0, "",
     ("失业登记表", "本人身份证件", "解除或终止劳动合同证明"), None, "", "即办"),
    ("GG-ZSBF", "职业资格证书补发", "public_service", "employment", "", 20, 2, "",
     ("补发申请表", "本人身份证件", "遗失声明", "近期免冠照片"), None, "", ""),
    ("GG-BYBD", "高校毕业生就业报到", "public_service", "mobility", "", 5, 0, "",
     ("就业报到证", "毕业证书", "本人身份证件"), None, "", "即办"),
    ("GG-DAZD", "流动人员人事档案转递", "public_service", "mobility", "", 5, 1, "",
     ("档案转递申请表", "本人身份证件", "调档函"), None, "", ""),
    ("GG-YGBA", "劳动用工备案", "public_service", "labour_relations", "", 5, 0, "",
     ("用工备案表", "营业执照副本", "劳动合同名册"), None, "", "即办"),
    ("GG-SBK", "社会保障卡申领", "public_service", "insurance_centre", "", None, 0, "",
     None, ("社会保障卡申领表", "本人身份证件", "近期免冠照片"), "", "2019年新增"),
    ("GG-JNTS", "职业技能提升补贴申领", "benefit", "employment", "", None, 0, "",
     None, ("补贴申请表", "职业资格证书", "本人银行卡"), "", "2019年新增，即办"),
)  # fmt: skip
