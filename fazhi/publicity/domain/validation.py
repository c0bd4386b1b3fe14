"""Pre-flight validation: every problem that would make the receiving side reject a record.

Rules (domain-rules.md §3, from public implementations of the 双公示 data standard):
required fields per kind; conditional ones (自然人 → 证件类型 and 证件号码; 个体工商户 without a
统一社会信用代码 fills ``00000000000000000X`` and then 工商注册号 is required; 罚款 among the
categories → CF_NR_FK; 没收 → CF_NR_WFFF; 暂扣/吊销 → CF_NR_ZKDX); 统一社会信用代码 check digits
(GB 32100-2015, via ``fazhi.core.domain.identifiers``); enumerations; date order (decision date
≤ 公示截止期; 有效期自 ≤ 有效期至). All problems are returned, not only the first.

An export validates a million records, nearly all valid: `validate` first asks the
``_*_passes`` predicates, the same rules as one conjunction with no list or message built, and
only a record failing them goes through the rules below that name every problem. A test checks
that the two agree on every mutated field of valid records.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from operator import mul

from stdnum.cn import ric as stdnum_ric

from fazhi.core.domain.identifiers import (
    REGISTRATION_AUTHORITIES,
    USCC_ALPHABET,
    validate_ric,
    validate_uscc,
)
from fazhi.publicity.domain.data import DecisionData
from fazhi.publicity.domain.enums import (
    CONFISCATIONS,
    LICENCE_MEASURES,
    IdType,
    Kind,
    LicenseCategory,
    PartyCategory,
    PenaltyCategory,
)

_KINDS = frozenset(Kind)
_PARTY_CATEGORIES = frozenset(PartyCategory)
_ID_TYPES = frozenset(IdType)
_LICENSE_CATEGORIES = frozenset(LicenseCategory)
_PENALTY_CATEGORIES = frozenset(PenaltyCategory)
NO_USCC = "00000000000000000X"  # 个体工商户 without a 统一社会信用代码 (17 zeros + X)


@dataclass(frozen=True)
class Problem:
    code: str  # column code, e.g. CF_NR_FK
    message: str

    def __str__(self) -> str:
        return f"{self.code}：{self.message}"


def _p(kind: str, suffix: str) -> str:
    """Column code of a field both kinds share: ``_p(Kind.PENALTY, "XDR_MC")`` → CF_XDR_MC."""
    return f"{'XK' if kind == Kind.LICENSE else 'CF'}_{suffix}"


def _required(problems: list[Problem], code: str, name: str, value: object) -> bool:
    if value is None or (isinstance(value, str) and not value.strip()):
        problems.append(Problem(code, f"缺少必填项“{name}”"))
        return False
    return True


_USCC_CHARS = frozenset(USCC_ALPHABET)
_USCC_INDEX = {c: i for i, c in enumerate(USCC_ALPHABET)}
_USCC_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))  # GB 32100-2015: 3^(i-1) mod 31


def _uscc_check_char(code: str) -> str:
    """GB 32100-2015 check character (the formula of ``stdnum.cn.uscc.calc_check_digit``,
    without its per-call clean-up of the input)."""
    total = sum(map(mul, map(_USCC_INDEX.__getitem__, code[:17]), _USCC_WEIGHTS))
    return USCC_ALPHABET[(31 - total % 31) % 31]


_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)  # GB 11714-1997
_ORG_VALUE = {c: int(c, 36) for c in USCC_ALPHABET}  # 0–9, then A = 10 … (GB 11714)


def _org_check_char(body: str) -> str:
    """GB 11714 check character of 8 characters of the USCC alphabet (the formula of
    ``identifiers.org_code_check_char``, with a dict look-up per character)."""
    check = 11 - sum(map(mul, map(_ORG_VALUE.__getitem__, body), _ORG_WEIGHTS)) % 11
    return "X" if check == 10 else "0" if check == 11 else str(check)


def _uscc_passes(code: str) -> bool:
    """Fast path over the same checks ``validate_uscc`` makes (length, alphabet, 登记管理部门码,
    行政区划码 digits, GB 11714 and GB 32100 check characters), without the region look-up that
    makes it cost ~150 µs — an export validates a million codes. A code failing here goes to
    ``validate_uscc`` for its reason; a test keeps the two in agreement."""
    return (
        len(code) == 18
        and _USCC_CHARS.issuperset(code)
        and code[0] in REGISTRATION_AUTHORITIES
        and code[2:8].isdigit()
        and _org_check_char(code[8:16]) == code[16]
        and _uscc_check_char(code) == code[17]
    )


@lru_cache(maxsize=8192)
def _uscc_reason(value: str) -> str:
    """Why a code is invalid ("" when valid); cached: the authorities' codes repeat on every row."""
    if _uscc_passes(value):
        return ""
    return validate_uscc(value).reason or "统一社会信用代码格式不规范（含空格或小写字母）"


def _uscc(problems: list[Problem], code: str, name: str, value: str) -> None:
    reason = _uscc_reason(value)
    if reason:
        problems.append(Problem(code, f"{name}“{value}”无效：{reason}"))


@lru_cache(maxsize=65536)
def _ric_region_passes(region: str, year: int) -> bool:
    """Whether ``validate_ric`` accepts the region code for someone born in ``year``: asked of a
    well-formed number with that region and year (the only part of its answer they decide).
    Cached: a directory has a few thousand region codes, people a hundred birth years."""
    body = f"{region}{year:04d}0101001"
    return validate_ric(body + stdnum_ric.calc_check_digit(body + "0")).is_valid


def _ric_passes(number: str) -> bool:
    """``validate_ric(number).is_valid``, without its per-call region look-up for the usual
    18-character ASCII number; anything else (15 digits, spaces, full-width) goes to it."""
    if not (
        len(number) == 18
        and number.isascii()
        and number[:17].isdigit()
        and number[17] in "0123456789X"
    ):
        return validate_ric(number).is_valid
    if number[0] == "9" or stdnum_ric.calc_check_digit(number) != number[17]:
        return False
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    return _ric_region_passes(number[:6], born.year)


def _id(
    problems: list[Problem],
    code_type: str,
    code_number: str,
    id_type: str,
    number: str,
    *,
    required: bool,
    who: str,
) -> None:
    if required:
        _required(problems, code_type, f"{who}证件类型", id_type)
        _required(problems, code_number, f"{who}证件号码", number)
    if id_type and id_type not in _ID_TYPES:
        problems.append(Problem(code_type, f"{who}证件类型“{id_type}”不在枚举值内"))
    if number and not id_type:
        problems.append(Problem(code_type, f"填写了{who}证件号码，须同时填写证件类型"))
    if id_type == IdType.RESIDENT_ID and number and not _ric_passes(number):
        problems.append(Problem(code_number, f"{who}身份证号码无效：{validate_ric(number).reason}"))


def _party(problems: list[Problem], kind: str, d: DecisionData) -> None:
    _required(problems, _p(kind, "XDR_MC"), "行政相对人名称", d.party_name)
    if not _required(problems, _p(kind, "XDR_LB"), "行政相对人类别", d.party_category):
        return
    if d.party_category not in _PARTY_CATEGORIES:
        problems.append(
            Problem(_p(kind, "XDR_LB"), f"行政相对人类别“{d.party_category}”不在枚举值内")
        )
        return
    category = d.party_category
    code = _p(kind, "XDR_SHXYM")
    if category == PartyCategory.PERSON:
        _id(
            problems,
            _p(kind, "XDR_ZJLX"),
            _p(kind, "XDR_ZJHM"),
            d.person_id_type,
            d.person_id_number,
            required=True,
            who="自然人",
        )
        if d.person_id_type == IdType.OTHER and not d.person_id_type_note.strip():
            problems.append(Problem(_p(kind, "XDR_ZJLX"), "证件类型为“其他”的，须写明证件名称"))
        if d.uscc:
            problems.append(Problem(code, "自然人不填写统一社会信用代码"))
        return
    fr = "XK_FR" if kind == Kind.LICENSE else "CF_FR"
    _required(problems, _p(kind, "FRDB"), "法定代表人（负责人、经营者）", d.legal_rep)
    _id(
        problems,
        f"{fr}_ZJLX",
        f"{fr}_ZJHM",
        d.legal_rep_id_type,
        d.legal_rep_id_number,
        required=False,
        who="法定代表人",
    )
    if not _required(problems, code, "统一社会信用代码", d.uscc):
        return
    if d.uscc == NO_USCC:
        if category == PartyCategory.INDIVIDUAL_BUSINESS:
            _required(
                problems,
                _p(kind, "XDR_GSZC"),
                "工商注册号（无统一社会信用代码的个体工商户）",
                d.reg_number,
            )
        else:
            problems.append(Problem(code, f"“{NO_USCC}”只适用于没有统一社会信用代码的个体工商户"))
        return
    _uscc(problems, code, "统一社会信用代码", d.uscc)


def _authorities(problems: list[Problem], kind: str, d: DecisionData) -> None:
    body, body_code = ("XK_XKJG", "XK_XKJGDM") if kind == Kind.LICENSE else ("CF_CFJG", "CF_CFJGDM")
    source, source_code = (
        ("XK_LYDW", "XK_LYDWDM") if kind == Kind.LICENSE else ("CF_SJLY", "CF_SJLYDM")
    )
    _required(problems, body, "决定机关", d.authority)
    if _required(problems, body_code, "决定机关统一社会信用代码", d.authority_uscc):
        _uscc(problems, body_code, "决定机关统一社会信用代码", d.authority_uscc)
    _required(problems, source, "数据来源单位", d.source_unit)
    if _required(problems, source_code, "数据来源单位统一社会信用代码", d.source_unit_uscc):
        _uscc(problems, source_code, "数据来源单位统一社会信用代码", d.source_unit_uscc)


def _license(problems: list[Problem], d: DecisionData) -> None:
    _required(problems, "XK_XKWS", "行政许可决定文书名称", d.document_title)
    # XK_WSH: "if there is no number, fill the 许可编号".
    if not (d.document_number or d.licence_number):
        problems.append(Problem("XK_WSH", "缺少必填项“行政许可决定文书号”（无文书号时填许可编号）"))
    if _required(problems, "XK_XKLB", "许可类别", d.license_category):
        if d.license_category not in _LICENSE_CATEGORIES:
            problems.append(Problem("XK_XKLB", f"许可类别“{d.license_category}”不在枚举值内"))
        elif d.license_category == LicenseCategory.OTHER and not d.category_note:
            problems.append(Problem("XK_XKLB", "许可类别为“其他”时须注明具体类别"))
    if d.licence_name and not d.licence_number:
        problems.append(Problem("XK_XKBH", "填写了许可证书名称，须同时填写许可编号"))
    _required(problems, "XK_NR", "许可内容", d.content)
    has_from = _required(problems, "XK_YXQZ", "有效期自", d.valid_from)
    has_to = _required(problems, "XK_YXQZI", "有效期至（长期填2099/12/31）", d.valid_to)
    # _required has reported a missing day: has_from and has_to mean the day is there.
    if has_from and has_to and d.valid_from and d.valid_to and d.valid_from > d.valid_to:
        problems.append(Problem("XK_YXQZI", "有效期至早于有效期自"))
    if has_to and d.valid_to and d.decided_on and d.valid_to < d.decided_on:
        problems.append(Problem("XK_YXQZI", "有效期至早于许可决定日期"))


def _penalty(problems: list[Problem], d: DecisionData, ends_on: date | None) -> None:
    _required(problems, "CF_WSH", "行政处罚决定书文号", d.document_number)
    _required(problems, "CF_WFXW", "违法行为类型", d.violation_type)
    _required(problems, "CF_SY", "违法事实", d.facts)
    _required(problems, "CF_YJ", "处罚依据", d.basis)
    _required(problems, "CF_NR", "处罚内容", d.content)
    categories = set(d.penalty_categories)
    if not categories:
        problems.append(Problem("CF_CFLB", "缺少必填项“处罚类别”"))
    unknown = sorted(categories - _PENALTY_CATEGORIES)
    if unknown:
        problems.append(
            Problem("CF_CFLB", f"处罚类别“{'、'.join(unknown)}”不在枚举值内（行政处罚法第九条）")
        )
    if PenaltyCategory.OTHER in categories and not d.category_note:
        problems.append(Problem("CF_CFLB", "处罚类别为“其他”时须注明具体种类"))
    if PenaltyCategory.FINE in categories:
        if d.fine_yuan is None or d.fine_yuan <= 0:
            problems.append(Problem("CF_NR_FK", "处罚类别含罚款，须填写大于零的罚款金额"))
    elif d.fine_yuan:
        problems.append(Problem("CF_NR_FK", "填写了罚款金额，但处罚类别不含罚款"))
    if categories & CONFISCATIONS and (d.confiscation_yuan is None or d.confiscation_yuan < 0):
        problems.append(
            Problem("CF_NR_WFFF", "处罚类别含没收，须填写没收违法所得、没收非法财物的金额")
        )
    if categories & LICENCE_MEASURES and not d.licence_measure:
        problems.append(Problem("CF_NR_ZKDX", "处罚类别含暂扣或吊销许可证件，须填写证照名称及编号"))
    if ends_on is None:
        problems.append(Problem("CF_GSJZQ", "缺少公示截止期"))


# --- the same rules as one conjunction (see the module docstring) ---------------------------


def _filled(values: tuple[str, ...]) -> bool:
    """Every text present, as `_required` asks: not None, not empty, not only whitespace."""
    try:
        return all(values) and not any(map(str.isspace, values))
    except TypeError:  # a value that is not text: let the full rules judge it
        return False


def _party_passes(d: DecisionData) -> bool:
    category = d.party_category
    if category == PartyCategory.PERSON:
        id_type, number = d.person_id_type, d.person_id_number
        return (
            _filled((d.party_name, id_type, number))
            and not d.uscc
            and id_type in _ID_TYPES
            and (id_type != IdType.RESIDENT_ID or _ric_passes(number))
            and (id_type != IdType.OTHER or bool(d.person_id_type_note.strip()))
        )
    uscc, id_type, number = d.uscc, d.legal_rep_id_type, d.legal_rep_id_number
    return (
        category in _PARTY_CATEGORIES
        and _filled((d.party_name, d.legal_rep, uscc))
        and uscc != NO_USCC  # rare: the full rules handle the 个体工商户 case
        and _uscc_passes(uscc)
        and ((id_type in _ID_TYPES) if id_type else not number)
        and not (id_type == IdType.RESIDENT_ID and number and not _ric_passes(number))
    )


def _authorities_pass(d: DecisionData) -> bool:
    return (
        _filled((d.authority, d.authority_uscc, d.source_unit, d.source_unit_uscc))
        and not _uscc_reason(d.authority_uscc)
        and not _uscc_reason(d.source_unit_uscc)
    )


def _penalty_passes(d: DecisionData, ends_on: date | None) -> bool:
    decided = d.decided_on
    if not decided or ends_on is None or ends_on < decided:
        return False
    categories = set(d.penalty_categories)
    if not categories or not categories <= _PENALTY_CATEGORIES:
        return False
    if PenaltyCategory.OTHER in categories and not d.category_note:
        return False
    fine = d.fine_yuan
    if (fine is None or fine <= 0) if PenaltyCategory.FINE in categories else fine:
        return False
    confiscation = d.confiscation_yuan
    if categories & CONFISCATIONS and (confiscation is None or confiscation < 0):
        return False
    if categories & LICENCE_MEASURES and not d.licence_measure:
        return False
    return (
        _filled((d.document_number, d.violation_type, d.facts, d.basis, d.content))
        and _party_passes(d)
        and _authorities_pass(d)
    )


def _licence_passes(d: DecisionData, ends_on: date | None) -> bool:
    decided, valid_from, valid_to = d.decided_on, d.valid_from, d.valid_to
    if not decided or valid_from is None or valid_to is None:
        return False
    if valid_from > valid_to or valid_to < decided or (ends_on is not None and ends_on < decided):
        return False
    category = d.license_category
    return bool(
        _filled((d.document_title, category, d.content))
        and (d.document_number or d.licence_number)
        and category in _LICENSE_CATEGORIES
        and (category != LicenseCategory.OTHER or d.category_note)
        and (d.licence_number or not d.licence_name)
        and _party_passes(d)
        and _authorities_pass(d)
    )


_PASSES: dict[str, Callable[[DecisionData, date | None], bool]] = {
    Kind.PENALTY: _penalty_passes,
    Kind.LICENSE: _licence_passes,
}


def validate(kind: str, d: DecisionData, *, ends_on: date | None) -> list[Problem]:
    """Every problem of one record, in column order of discovery; empty when it is valid."""
    if kind not in _KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    passes = _PASSES.get(kind)
    if passes is not None and passes(d, ends_on):
        return []
    problems: list[Problem] = []
    _party(problems, kind, d)
    _authorities(problems, kind, d)
    if not d.decided_on:
        problems.append(Problem(_p(kind, "JDRQ"), "缺少必填项“决定日期”"))
    if kind == Kind.LICENSE:
        _license(problems, d)
    elif kind == Kind.PENALTY:
        _penalty(problems, d, ends_on)
    else:
        _required(problems, "JDLB", "执法类别", d.violation_type)
        _required(problems, "JDJL", "执法结论", d.content)
    if ends_on is not None and d.decided_on and ends_on < d.decided_on:
        problems.append(Problem(_p(kind, "GSJZQ"), "公示截止期早于决定日期"))
    return problems
