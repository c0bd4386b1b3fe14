"""Enumerations of the 双公示 data standard and of the publicity record's life.

Sources (domain-rules.md §3): the party category and ID-type lists and the licence categories are
quoted by several public implementations of the 国家公共信用信息中心 "双公示" standard; the penalty
categories follow 《中华人民共和国行政处罚法》第九条 (the official CF_CFLB list was not verified).
"""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    LICENSE = "license"  # 行政许可
    PENALTY = "penalty"  # 行政处罚
    OTHER = "other"  # 其他行政执法决定


KIND_LABELS = {Kind.LICENSE: "行政许可", Kind.PENALTY: "行政处罚", Kind.OTHER: "其他执法决定"}


class PartyCategory(StrEnum):
    """XK_XDR_LB / CF_XDR_LB 行政相对人类别."""

    ORGANISATION = "法人及非法人组织"
    PERSON = "自然人"
    INDIVIDUAL_BUSINESS = "个体工商户"


class IdType(StrEnum):
    """XK_FR_ZJLX / XK_XDR_ZJLX 证件类型; 其他 is exported as "其他-<说明>"."""

    RESIDENT_ID = "身份证"
    PASSPORT = "护照号"
    HK_MACAO = "港澳居民来往内地通行证"
    TAIWAN = "台湾居民来往大陆通行证"
    FOREIGN_PERMANENT = "外国人永久居留身份证"
    OTHER = "其他"


class LicenseCategory(StrEnum):
    """XK_XKLB 许可类别; 其他 must be specified (exported as "其他-<说明>")."""

    ORDINARY = "普通"
    FRANCHISE = "特许"
    RECOGNITION = "认可"
    APPROVAL = "核准"
    REGISTRATION = "登记"
    OTHER = "其他"


class PenaltyCategory(StrEnum):
    """CF_CFLB 处罚类别, one value per penalty type of 行政处罚法 第九条 (several per decision)."""

    WARNING = "警告"
    CRITICISM = "通报批评"
    FINE = "罚款"
    CONFISCATE_GAINS = "没收违法所得"
    CONFISCATE_PROPERTY = "没收非法财物"
    SUSPEND_LICENCE = "暂扣许可证件"
    DOWNGRADE = "降低资质等级"
    REVOKE_LICENCE = "吊销许可证件"
    RESTRICT_BUSINESS = "限制开展生产经营活动"
    STOP_PRODUCTION = "责令停产停业"
    CLOSE = "责令关闭"
    RESTRICT_PRACTICE = "限制从业"
    DETENTION = "行政拘留"
    OTHER = "其他"


CONFISCATIONS = frozenset({PenaltyCategory.CONFISCATE_GAINS, PenaltyCategory.CONFISCATE_PROPERTY})
LICENCE_MEASURES = frozenset({PenaltyCategory.SUSPEND_LICENCE, PenaltyCategory.REVOKE_LICENCE})


class Status(StrEnum):
    PENDING = "pending"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"
    ENDED = "ended"


STATUS_LABELS = {
    Status.PENDING: "待公示",
    Status.PUBLISHED: "已公示",
    Status.WITHDRAWN: "已撤回",
    Status.ENDED: "公示期满",
}


class Change(StrEnum):
    """Why a published decision is withdrawn — 行政处罚法 第四十八条第二款."""

    REVOKED = "撤销"
    CHANGED = "变更"
    CONFIRMED_UNLAWFUL = "确认违法"
    CONFIRMED_VOID = "确认无效"


class ExchangeStatus(StrEnum):
    """A record's standing with the receiving side (信用中国) after a receipt."""

    NONE = ""
    ACCEPTED = "accepted"
    REJECTED = "rejected"


EXCHANGE_LABELS = {
    ExchangeStatus.NONE: "未回执",
    ExchangeStatus.ACCEPTED: "接收成功",
    ExchangeStatus.REJECTED: "接收失败",
}


class BatchStatus(StrEnum):
    SENT = "sent"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


BATCH_LABELS = {
    BatchStatus.SENT: "已导出待回执",
    BatchStatus.ACCEPTED: "已接收",
    BatchStatus.REJECTED: "被退回",
}


class ExportFormat(StrEnum):
    CSV = "csv"
    XLSX = "xlsx"
    JSON = "json"
