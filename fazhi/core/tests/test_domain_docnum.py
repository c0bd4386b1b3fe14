"""文号 parsing and formatting. No DB."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fazhi.core.domain.docnum import (
    DocNumber,
    DocNumberError,
    DocNumberKind,
    format_docnum,
    parse_docnum,
    validate_docnum,
)


@pytest.mark.parametrize(
    ("_case", "text", "issuer", "year", "serial"),
    [
        ("canonical", "津人社规字〔2019〕5号", "津人社规字", 2019, 5),
        ("square brackets", "津人社规字[2019]5号", "津人社规字", 2019, 5),
        ("ascii parentheses", "津人社规字(2019)5号", "津人社规字", 2019, 5),
        ("full-width parentheses", "津人社规字（2019）5号", "津人社规字", 2019, 5),
        ("lenticular brackets", "津人社规字【2019】5号", "津人社规字", 2019, 5),
        ("small tortoise shell", "穗人社规字﹝2019﹞6号", "穗人社规字", 2019, 6),
        ("full-width digits", "津人社规字〔２０１９〕５号", "津人社规字", 2019, 5),
        ("spaces, 第, leading zero, no 号", " 津人社规字 〔2019〕 第05 ", "津人社规字", 2019, 5),
        ("judicial interpretation", "法释〔2020〕3号", "法释", 2020, 3),
        ("old ministry", "劳社部发[2008]3号", "劳社部发", 2008, 3),
    ],
)
def test_document_numbers_parse_to_their_parts(_case, text, issuer, year, serial):
    number = parse_docnum(text)
    assert (number.issuer, number.year, number.serial) == (issuer, year, serial)
    assert number.kind == DocNumberKind.DOCUMENT
    assert str(number) == f"{issuer}〔{year}〕{serial}号"


@pytest.mark.parametrize(
    ("text", "issuer", "serial", "canonical"),
    [
        ("人社部令第8号", "人社部", 8, "人社部令第8号"),
        ("国务院令第783号", "国务院", 783, "国务院令第783号"),
        ("国家发展改革委令 第５８号", "国家发展改革委", 58, "国家发展改革委令第58号"),
        ("国务院令783", "国务院", 783, "国务院令第783号"),
    ],
)
def test_order_numbers_have_no_year(text, issuer, serial, canonical):
    number = parse_docnum(text)
    assert number == DocNumber(issuer=issuer, serial=serial, year=None, kind=DocNumberKind.ORDER)
    assert format_docnum(number) == canonical


@pytest.mark.parametrize(
    ("_case", "text", "message"),
    [
        ("empty", "   ", "文号为空"),
        (
            "year without brackets",
            "人社部发2013年34号",
            "年份应用六角括号括入，如“人社部发〔2019〕5号”",
        ),
        ("no issuer", "〔2019〕5号", "缺少发文机关代字"),
        ("two-digit year", "津人社规字〔19〕5号", "年份应为四位数"),
        ("year out of range", "津人社规字〔1900〕5号", "年份无效"),
        ("no serial", "津人社规字〔2019〕号", "缺少发文顺序号"),
        ("unclosed bracket", "津人社规字〔2019", "年份的括号未闭合"),
        ("latin issuer", "abc〔2019〕5号", "发文机关代字含非法字符"),
        ("zero serial", "津人社规字〔2019〕0号", "发文顺序号应为正整数"),
        ("order without body", "令第5号", "缺少发布命令的机关"),
        ("trailing text", "津人社规字〔2019〕5号文件", "无法识别的文号"),
    ],
)
def test_unparseable_input_says_why_in_chinese(_case, text, message):
    with pytest.raises(DocNumberError) as excinfo:
        parse_docnum(text)
    assert str(excinfo.value).startswith(message)
    result = validate_docnum(text)
    assert not result.is_valid
    assert result.reason == str(excinfo.value)


def test_validate_reports_the_parts():
    result = validate_docnum("津人社规字（2019）5")
    assert result.is_valid
    assert result.normalised == "津人社规字〔2019〕5号"
    assert result.details == {"issuer": "津人社规字", "year": 2019, "serial": 5, "type": "document"}


_issuers = st.text(
    alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=8
).filter(lambda s: "令" not in s)


@given(
    _issuers,
    st.integers(1949, 2100),
    st.integers(1, 99999),
    st.sampled_from(["〔〕", "[]", "()", "（）", "【】", "﹝﹞", "［］"]),
    st.booleans(),
)
def test_any_bracket_style_gives_the_same_canonical_form(issuer, year, serial, brackets, with_hao):
    text = f"{issuer}{brackets[0]}{year}{brackets[1]}{serial}{'号' if with_hao else ''}"
    number = parse_docnum(text)
    assert number == DocNumber(issuer=issuer, year=year, serial=serial)
    assert parse_docnum(str(number)) == number


def test_module_doctests_pass():
    import doctest

    from fazhi.core.domain import docnum

    result = doctest.testmod(docnum)
    assert result.attempted > 0
    assert result.failed == 0
