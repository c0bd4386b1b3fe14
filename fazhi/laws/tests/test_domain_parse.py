from __future__ import annotations

import pytest

from fazhi.laws.domain.numerals import article_label, cn_to_int, int_to_cn
from fazhi.laws.domain.parse import ParseError, decode, parse_lawrefbook, parse_policy
from fazhi.laws.tests.conftest import SHARED, requires_data


@pytest.mark.parametrize(
    ("_case", "text", "value"),
    [
        ("ten", "十", 10),
        ("teens", "十五", 15),
        ("zero inside", "一百零一", 101),
        ("hundreds", "一百二十", 120),
        ("thousands", "一千零三十二", 1032),
        ("two as 两", "两百", 200),
        ("arabic", "82", 82),
    ],
)
def test_chinese_numerals(_case, text, value):
    assert cn_to_int(text) == value


def test_numerals_round_trip():
    for value in range(1, 1300):
        assert cn_to_int(int_to_cn(value)) == value
    assert article_label(20, 1) == "第二十条之一"


def test_not_a_numeral_is_rejected():
    with pytest.raises(ValueError):
        cn_to_int("条")


def test_structure_articles_clauses_and_items():
    text = (
        "# 某法\n\n2000年1月1日 通过\n\n自2000年7月1日起施行\n\n<!-- INFO END -->\n\n"
        "## 第一编 总则\n\n### 第一章 一般规定\n\n第一条 甲。\n\n（一）项一；\n\n（二）项二。\n\n第二款。\n\n"
        "第二十条之一 插入的条文。\n\n#### 第一节 细则\n\n第一百零一条 最后。\n"
    )
    doc = parse_lawrefbook(text)
    first, inserted, last = doc.articles
    assert (first.number, first.label) == (1, "第一条")
    assert first.clauses == ("甲。\n（一）项一；\n（二）项二。", "第二款。")
    assert (inserted.number, inserted.suffix, inserted.label) == (20, 1, "第二十条之一")
    assert last.number == 101
    assert last.headings == ("第一编 总则", "第一章 一般规定", "第一节 细则")
    assert doc.effective_date.isoformat() == "2000-07-01"


@pytest.mark.parametrize(
    ("_case", "raw", "reason"),
    [
        ("gbk", "# 劳动法\n\n<!-- INFO END -->\n\n第一条 内容".encode("gbk"), "UTF-8"),
        ("no title", "劳动法\n<!-- INFO END -->\n第一条 内容".encode(), "标题"),
        ("no separator", "# 劳动法\n\n第一条 内容".encode(), "INFO END"),
        ("empty body", "# 劳动法\n\n<!-- INFO END -->\n\n".encode(), "正文为空"),
        ("empty file", b"   \n", "文件为空"),
    ],
)
def test_malformed_files_give_a_reason(_case, raw, reason):
    with pytest.raises(ParseError, match=reason):
        parse_lawrefbook(decode(raw))


@requires_data
def test_real_labour_contract_law():
    raw = (SHARED / "laws/LawRefBook/社会法/劳动合同法(2012-12-28).md").read_bytes()
    doc = parse_lawrefbook(decode(raw))
    numbered = [a for a in doc.articles if a.number is not None]
    assert doc.title == "中华人民共和国劳动合同法"
    assert [a.number for a in numbered] == list(range(1, 99))
    art82 = next(a for a in numbered if a.number == 82)
    assert art82.headings == ("第七章 法律责任",)
    assert len(art82.clauses) == 2 and "二倍的工资" in art82.clauses[0]


@requires_data
def test_real_reconsideration_law_versions_differ():
    base = SHARED / "laws/LawRefBook/诉讼与非诉讼程序法"
    old = parse_lawrefbook(decode((base / "行政复议法(2017-09-01).md").read_bytes()))
    new = parse_lawrefbook(decode((base / "行政复议法(2023-09-01).md").read_bytes()))
    assert len(old.articles) == 43
    assert len(new.articles) == 90
    assert new.articles[0].headings == ("第一章 总则",)


@requires_data
def test_real_policy_with_header_lines():
    path = (
        SHARED
        / "policies/guangzhou-ai-zhengce-tong/18_广州就业见习基地管理办法_穗人社规字2019-6号.md"
    )
    doc = parse_policy(decode(path.read_bytes()))
    assert doc.doc_number == "穗人社规字〔2019〕6号"
    assert doc.publish_date.isoformat() == "2019-10-16"
    assert doc.articles[0].label == "前言"
    assert doc.articles[1].label == "第一条"


@requires_data
def test_real_policy_with_front_matter():
    doc = parse_policy(decode((SHARED / "policies/national-lvshu/工伤认定办法.md").read_bytes()))
    assert doc.title == "工伤认定办法"
    assert sum(1 for a in doc.articles if a.number) == 27
