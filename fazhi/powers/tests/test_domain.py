"""Pure rules: citations, the field diff, revision checks, review reasons, 零执法."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.core.domain.errors import Refused
from fazhi.powers.domain.citations import Citation, parse_citations
from fazhi.powers.domain.review import BasisFacts, reasons_key, review_reasons
from fazhi.powers.domain.usage import is_zero_enforcement, usage_label
from fazhi.powers.domain.versions import Content, check_content, check_revision, field_changes

BASE = Content(
    name="使用童工的处罚",
    kind="penalty",
    org_unit="监察总队",
    legal_basis="《禁止使用童工规定》第六条",
)


@pytest.mark.parametrize(
    ("_case", "text", "expected"),
    [
        ("one", "《劳动保障监察条例》第二十六条", [("劳动保障监察条例", 26, 0)]),
        (
            "two articles",
            "《劳动保障监察条例》第十一条、第十五条",
            [("劳动保障监察条例", 11, 0), ("劳动保障监察条例", 15, 0)],
        ),
        (
            "two laws",
            "《劳动保障监察条例》第二十六条；《中华人民共和国劳动合同法》第八十五条",
            [("劳动保障监察条例", 26, 0), ("中华人民共和国劳动合同法", 85, 0)],
        ),
        (
            "paragraph and item",
            "《工伤保险条例》第十七条第一款第（二）项",
            [("工伤保险条例", 17, 0)],
        ),
        ("之一", "《刑法》第二百七十六条之一", [("刑法", 276, 1)]),
        ("arabic", "《保障农民工工资支付条例》第54条", [("保障农民工工资支付条例", 54, 0)]),
        ("whole document", "《禁止使用童工规定》", [("禁止使用童工规定", None, 0)]),
        ("no title", "第三十条", []),
        ("duplicate", "《甲法》第一条、第一条", [("甲法", 1, 0)]),
    ],
)
def test_citations_are_parsed(_case, text, expected):
    assert [(c.title, c.number, c.suffix) for c in parse_citations(text)] == expected


def test_citation_label_is_canonical():
    assert Citation("劳动合同法", 85).label == "《劳动合同法》第八十五条"


def test_diff_lists_only_changed_fields_with_inline_marks():
    # given
    new = Content(
        name="使用童工的处罚",
        kind="penalty",
        org_unit="监察支队",
        legal_basis="《禁止使用童工规定》第六条、第七条",
    )
    # when
    changes = field_changes(BASE, new)
    # then
    assert [c.field for c in changes] == ["org_unit", "legal_basis"]
    assert "<ins>" in changes[1].html and "第七条" in changes[1].html


def test_diff_shows_kind_labels_and_cancellation():
    new = Content(**{**BASE.__dict__, "kind": "other", "is_active": False})
    changes = {
        c.field: c
        for c in field_changes(BASE, new, kind_labels={"penalty": "行政处罚", "other": "其他"})
    }
    assert (changes["kind"].old, changes["kind"].new) == ("行政处罚", "其他")
    assert (changes["is_active"].old, changes["is_active"].new) == ("有效", "已取消")


def test_whitespace_only_change_is_no_change():
    spaced = Content(**{**BASE.__dict__, "name": " 使用童工的处罚 "})
    assert field_changes(BASE, spaced) == []
    with pytest.raises(Refused, match="内容与当前版本相同"):
        check_revision(BASE, spaced, reason="整理")


@pytest.mark.parametrize(
    ("_case", "reason", "effective", "message"),
    [
        ("no reason", "  ", date(2019, 6, 1), "请填写变更理由"),
        ("backdated", "机构改革", date(2018, 1, 1), "生效日期不能早于"),
    ],
)
def test_revision_is_refused(_case, reason, effective, message):
    new = Content(**{**BASE.__dict__, "org_unit": "监察支队"})
    with pytest.raises(Refused, match=message) as caught:
        check_revision(
            BASE, new, reason=reason, current_effective=date(2019, 1, 1), effective_from=effective
        )
    assert caught.value.basis


def test_item_needs_a_legal_basis():
    with pytest.raises(Refused, match="设定依据"):
        check_content(Content(name="甲", kind="penalty", org_unit="乙", legal_basis=" "))


@pytest.mark.parametrize(
    ("_case", "fact", "expected"),
    [
        ("repealed", BasisFacts("《甲》第一条", "已废止"), "《甲》第一条：所依据的文件已废止"),
        ("expired", BasisFacts("《甲》", "失效"), "《甲》：所依据的文件失效"),
        ("in force, no newer", BasisFacts("《甲》第一条", "有效", "", "文", None), None),
        (
            "newer, article changed",
            BasisFacts("《甲》第一条", "已修改", "《甲》（2020施行）", "旧", "新"),
            "《甲》第一条：新版本《甲》（2020施行）已修改该条",
        ),
        (
            "newer, article unchanged",
            BasisFacts("《甲》第一条", "已修改", "《甲》（2020施行）", "同文", " 同文\n"),
            None,
        ),
        (
            "newer, article gone",
            BasisFacts("《甲》第九条", "已修改", "《甲》（2020施行）", "旧", None),
            "《甲》第九条：新版本《甲》（2020施行）中该条已删除或调整条号",
        ),
        (
            "newer, whole document",
            BasisFacts("《甲》", "有效", "《甲》（2020施行）"),
            "《甲》：已有新版本《甲》（2020施行）",
        ),
    ],
)
def test_review_reasons(_case, fact, expected):
    assert review_reasons([fact]) == ([expected] if expected else [])


def test_reasons_key_ignores_order_and_is_empty_for_none():
    assert reasons_key(["a", "b"]) == reasons_key(["b", "a"]) != ""
    assert reasons_key([]) == ""


def test_zero_enforcement_rule():
    assert is_zero_enforcement(0, is_active=True)
    assert not is_zero_enforcement(1, is_active=True)
    assert not is_zero_enforcement(0, is_active=False)
    assert usage_label(0, is_active=True) == "零执法"
