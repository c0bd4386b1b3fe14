"""Licensing procedure (行政许可法, 2019 amendment): states, steps, the 一次告知 rule, licences.

Pure Python; dates are passed in. Every period counts working days (第八十二条); the due days
themselves come from the statutory clock (rule codes ``licensing.correction_notice`` and
``licensing.decision``), never from here.

>>> check_transition(Status.RECEIVED, Status.GRANTED)
Traceback (most recent call last):
...
fazhi.core.domain.errors.Refused: 未受理的申请不能作出许可决定（依据：《中华人民共和国行政许可法》第三十二条、第三十七条）
>>> validity_end(date(2019, 3, 15), years=3)
datetime.date(2022, 3, 14)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from enum import StrEnum

from fazhi.core.domain.errors import Refused
from fazhi.publicity.domain.enums import IdType

LAW = "《中华人民共和国行政许可法》"
ACCEPTANCE_BASIS = f"{LAW}第三十二条"
DECISION_BASIS = f"{LAW}第四十二条"
REFUSAL_BASIS = f"{LAW}第三十八条第二款"
LONG_TERM = date(2099, 12, 31)  # 双公示 XK_YXQZI: "2099/12/31" means 长期


class Status(StrEnum):
    RECEIVED = "received"  # 已收件，待受理审查
    CORRECTION = "correction"  # 已一次告知补正
    ACCEPTED = "accepted"  # 已受理，审查中
    GRANTED = "granted"  # 准予许可
    REFUSED = "refused"  # 不予许可


STATUS_LABELS: dict[Status, str] = {
    Status.RECEIVED: "已收件",
    Status.CORRECTION: "补正中",
    Status.ACCEPTED: "审查中",
    Status.GRANTED: "准予许可",
    Status.REFUSED: "不予许可",
}
CLOSED = frozenset({Status.GRANTED, Status.REFUSED})

_ALLOWED: dict[Status, frozenset[Status]] = {
    Status.RECEIVED: frozenset({Status.CORRECTION, Status.ACCEPTED}),
    Status.CORRECTION: frozenset({Status.ACCEPTED}),
    Status.ACCEPTED: frozenset({Status.GRANTED, Status.REFUSED}),
    Status.GRANTED: frozenset(),
    Status.REFUSED: frozenset(),
}


def check_transition(current: Status, target: Status) -> None:
    """Refuse a step the procedure does not allow from ``current``."""
    if target in _ALLOWED[Status(current)]:
        return
    if target in CLOSED and current in {Status.RECEIVED, Status.CORRECTION}:
        raise Refused("未受理的申请不能作出许可决定", f"{LAW}第三十二条、第三十七条")
    if current in CLOSED:
        raise Refused(f"该申请已{STATUS_LABELS[Status(current)]}，办理已结束", f"{LAW}第三十七条")
    raise Refused(
        f"申请当前为“{STATUS_LABELS[Status(current)]}”，不能转为“{STATUS_LABELS[target]}”",
        ACCEPTANCE_BASIS,
    )


def next_actions(status: Status, *, has_notice: bool, is_extended: bool) -> list[str]:
    """The steps a clerk may take now (the application page shows exactly these).

    >>> next_actions(Status.RECEIVED, has_notice=False, is_extended=False)
    ['accept', 'correction_notice']
    >>> next_actions(Status.ACCEPTED, has_notice=True, is_extended=True)
    ['grant', 'refuse']
    """
    status = Status(status)
    if status == Status.RECEIVED:
        return ["accept"] if has_notice else ["accept", "correction_notice"]
    if status == Status.CORRECTION:
        return ["supplement", "accept"]
    if status == Status.ACCEPTED:
        return ["grant", "refuse"] if is_extended else ["grant", "refuse", "extend"]
    return []


class ApplicantCategory(StrEnum):
    """双公示 XK_XDR_LB."""

    LEGAL_PERSON = "legal_person"
    NATURAL_PERSON = "natural_person"
    INDIVIDUAL_BUSINESS = "individual_business"


APPLICANT_CATEGORY_LABELS: dict[ApplicantCategory, str] = {
    ApplicantCategory.LEGAL_PERSON: "法人及非法人组织",
    ApplicantCategory.NATURAL_PERSON: "自然人",
    ApplicantCategory.INDIVIDUAL_BUSINESS: "个体工商户",
}
# The documents a natural-person applicant identifies with: the 双公示 XK_XDR_ZJLX values
# (domain-rules §3); 其他 names the document (exported as "其他-<说明>").
RESIDENT_ID = IdType.RESIDENT_ID.value
OTHER_ID = IdType.OTHER.value
APPLICANT_ID_TYPES = tuple(t.value for t in IdType)


class LicenceCategory(StrEnum):
    """双公示 XK_XKLB 许可类别."""

    ORDINARY = "ordinary"
    FRANCHISE = "franchise"
    RECOGNITION = "recognition"
    APPROVAL = "approval"
    REGISTRATION = "registration"
    OTHER = "other"


LICENCE_CATEGORY_LABELS: dict[LicenceCategory, str] = {
    LicenceCategory.ORDINARY: "普通",
    LicenceCategory.FRANCHISE: "特许",
    LicenceCategory.RECOGNITION: "认可",
    LicenceCategory.APPROVAL: "核准",
    LicenceCategory.REGISTRATION: "登记",
    LicenceCategory.OTHER: "其他",
}


def missing_materials(required: Iterable[str], submitted: Iterable[str]) -> list[str]:
    """Required materials not yet submitted, in the checklist's order.

    >>> missing_materials(["申请书", "营业执照", "章程"], ["营业执照"])
    ['申请书', '章程']
    """
    have = set(submitted)
    return [name for name in required if name not in have]


def check_correction_notice(
    *,
    missing: Sequence[str],
    previous_notice: Sequence[str] | None,
    notice_on: date,
    received_on: date,
    notice_due: date | None,
) -> None:
    """一次告知 (第三十二条第一款第（四）项): all missing materials in one notice, within five
    working days; otherwise the application counts as accepted on receipt.

    >>> check_correction_notice(missing=["章程"], previous_notice=["申请书"], notice_on=date(2019, 3, 5),
    ...                         received_on=date(2019, 3, 1), notice_due=date(2019, 3, 8))
    Traceback (most recent call last):
    ...
    fazhi.core.domain.errors.Refused: 已于首次补正告知中一次告知，不得再次要求补正首次未列明的材料：章程（依据：《中华人民共和国行政许可法》第三十二条第一款第（四）项）
    """
    basis = f"{LAW}第三十二条第一款第（四）项"
    if previous_notice is not None:
        unlisted = [m for m in missing if m not in set(previous_notice)]
        if unlisted:
            raise Refused(
                f"已于首次补正告知中一次告知，不得再次要求补正首次未列明的材料：{'、'.join(unlisted)}",
                basis,
            )
        raise Refused("已一次告知补正，申请人补齐前不再重复告知", basis)
    if not missing:
        raise Refused("申请材料已齐全，应当受理，无需告知补正", ACCEPTANCE_BASIS)
    if notice_on < received_on:
        raise Refused("告知日期不能早于收件日期", basis)
    if notice_due is not None and notice_on > notice_due:
        raise Refused("已超过五日告知期限，逾期不告知的，自收到申请材料之日起即为受理", basis)


def deemed_accepted_on(
    *, received_on: date, notice_due: date | None, notified: bool, on: date
) -> date | None:
    """第三十二条第一款第（四）项: "逾期不告知的，自收到申请材料之日起即为受理" — once the
    five-day notice period has run with no 一次告知, the application is accepted as of the day
    the materials arrived, whatever is missing; None while a notice may still be given.

    >>> deemed_accepted_on(received_on=date(2019, 3, 1), notice_due=date(2019, 3, 8),
    ...                    notified=False, on=date(2019, 3, 11))
    datetime.date(2019, 3, 1)
    >>> deemed_accepted_on(received_on=date(2019, 3, 1), notice_due=date(2019, 3, 8),
    ...                    notified=False, on=date(2019, 3, 8)) is None
    True
    """
    if notified or notice_due is None or on <= notice_due:
        return None
    return received_on


def check_acceptance(*, missing: Sequence[str], accepted_on: date, received_on: date) -> None:
    if missing:
        raise Refused(
            f"申请材料不齐全（缺：{'、'.join(missing)}），应当一次告知申请人需要补正的全部内容",
            ACCEPTANCE_BASIS,
        )
    if accepted_on < received_on:
        raise Refused("受理日期不能早于收件日期", ACCEPTANCE_BASIS)


def check_refusal(*, reasons: str, remedy: str) -> None:
    """不予许可 must give reasons and tell the applicant of 复议/诉讼 (第三十八条第二款)."""
    if not reasons.strip():
        raise Refused("不予行政许可的，应当说明理由", REFUSAL_BASIS)
    if not remedy.strip():
        raise Refused(
            "不予行政许可的，应当告知申请人依法申请行政复议或者提起行政诉讼的权利", REFUSAL_BASIS
        )


def remedy_notice(*, reconsideration_body: str, court: str) -> str:
    """The standard remedy sentence of a refusal.

    >>> remedy_notice(reconsideration_body="市人民政府", court="市第一中级人民法院")[:18]
    '如不服本决定，可以自收到本决定书之日'
    """
    return (
        "如不服本决定，可以自收到本决定书之日起六十日内向"
        f"{reconsideration_body}申请行政复议，或者在六个月内向{court}提起行政诉讼。"
    )


def validity_end(start: date, *, years: int | None) -> date:
    """Last day of a licence valid ``years`` years from ``start`` (``None`` = 长期).

    >>> validity_end(date(2020, 2, 29), years=1)
    datetime.date(2021, 2, 28)
    >>> validity_end(date(2019, 1, 1), years=None)
    datetime.date(2099, 12, 31)
    """
    if years is None:
        return LONG_TERM
    try:
        same_day = start.replace(year=start.year + years)
    except ValueError:  # 29 February → 1 March of a common year
        same_day = date(start.year + years, 3, 1)
    return same_day - timedelta(days=1)


class BundleStatus(StrEnum):
    IN_PROGRESS = "in_progress"
    CORRECTION = "correction"
    GRANTED = "granted"
    PARTLY_GRANTED = "partly_granted"
    REFUSED = "refused"


BUNDLE_STATUS_LABELS: dict[BundleStatus, str] = {
    BundleStatus.IN_PROGRESS: "办理中",
    BundleStatus.CORRECTION: "待补正",
    BundleStatus.GRANTED: "全部准予",
    BundleStatus.PARTLY_GRANTED: "部分准予",
    BundleStatus.REFUSED: "不予许可",
}


def bundle_status(parts: Iterable[Status]) -> BundleStatus:
    """A themed application's status, derived from its sub-applications.

    >>> bundle_status([Status.GRANTED, Status.ACCEPTED])
    <BundleStatus.IN_PROGRESS: 'in_progress'>
    >>> bundle_status([Status.GRANTED, Status.REFUSED])
    <BundleStatus.PARTLY_GRANTED: 'partly_granted'>
    """
    parts = [Status(p) for p in parts]
    if any(p == Status.CORRECTION for p in parts):
        return BundleStatus.CORRECTION
    if not parts or any(p not in CLOSED for p in parts):
        return BundleStatus.IN_PROGRESS
    if all(p == Status.GRANTED for p in parts):
        return BundleStatus.GRANTED
    if any(p == Status.GRANTED for p in parts):
        return BundleStatus.PARTLY_GRANTED
    return BundleStatus.REFUSED


# The steps whose dates are typed (acts done on paper, entered later), by the key
# ``LicenseApplication.step_entries`` stores them under.
STEP_LABELS = {
    "submit": "收件日期",
    "correction_notice": "告知补正日期",
    "supplement": "补正日期",
    "accept": "受理日期",
    "grant": "决定日期",
    "refuse": "决定日期",
}
