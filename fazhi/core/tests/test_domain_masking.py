"""Masking personal data for publication. No DB."""

from __future__ import annotations

import pytest
from django.template import Context, Template

from fazhi.core.domain.masking import (
    mask_address,
    mask_bank_card,
    mask_landline,
    mask_mobile,
    mask_name,
    mask_ric,
    mask_text,
    publish_name,
)


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("11010519491231002X", "110105********002X"),
        ("11010519491231002x", "110105********002X"),
        ("110105 19491231 002X", "110105********002X"),
        ("150102880730303", "150102******303"),
        ("12345", "*****"),  # unexpected shape: everything hidden
        ("ABCDEFGHIJ", "******GHIJ"),
        ("", ""),
    ],
)
def test_mask_ric_hides_the_birth_date(value, masked):
    assert mask_ric(value) == masked


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("13812345678", "138****5678"),
        ("+86 138 1234 5678", "138****5678"),
        ("8613812345678", "138****5678"),
        ("12345", "*****"),
    ],
)
def test_mask_mobile(value, masked):
    assert mask_mobile(value) == masked


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("022-23456789", "022-****6789"),
        ("(0311)1234567", "0311-***4567"),
        ("022 2345 6789 转 801", "022-****6789"),
        ("23456789", "****6789"),
    ],
)
def test_mask_landline(value, masked):
    assert mask_landline(value) == masked


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("天津市和平区南京路123号4门501", "天津市和平区****"),
        ("浙江省杭州市西湖区文三路90号", "浙江省杭州市西湖区****"),
        ("新疆维吾尔自治区乌鲁木齐市天山区解放路1号", "新疆维吾尔自治区乌鲁木齐市天山区****"),
        ("延边朝鲜族自治州延吉市河南街", "延边朝鲜族自治州延吉市****"),
        ("江苏省镇江市京口区学府路", "江苏省镇江市京口区****"),
        ("广东省东莞市长安镇振安路", "广东省东莞市****"),  # no county level: stop at the city
        ("天津市南京路小区5号", "天津市****"),  # a 小区 is not a district
        ("天津市张家窝镇工业园区", "天津市****"),  # nor is a town's park
        ("南京路123号", "****"),
        ("北京市朝阳区", "北京市朝阳区"),
    ],
)
def test_mask_address_keeps_down_to_the_county(value, masked):
    assert mask_address(value) == masked


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("张三", "张**"),
        ("张三丰", "张**"),
        ("欧阳娜娜", "欧阳**"),
        ("欧阳", "欧**"),
        ("买买提·艾力", "买**"),
    ],
)
def test_mask_name_keeps_the_surname(value, masked):
    assert mask_name(value) == masked


def test_names_are_published_in_full_unless_minor_or_sensitive():
    assert publish_name("张三") == "张三"
    assert publish_name("张三", is_minor=True) == "张**"
    assert publish_name("张三", is_sensitive=True) == "张**"


def test_mask_bank_card():
    assert mask_bank_card("6222 0212 3456 7890") == "6222********7890"
    assert mask_bank_card("1234") == "****"


@pytest.mark.parametrize(
    ("_case", "text", "masked"),
    [
        (
            "id and mobile",
            "张三，身份证11010519491231002X，电话13812345678。",
            "张三，身份证110105********002X，电话138****5678。",
        ),
        ("15-digit id", "旧证号150102880730303", "旧证号150102******303"),
        (
            "mistyped id still shows a birth date",
            "证号11010519491231001X",
            "证号110105********001X",
        ),
        ("spaced mobile with prefix", "手机：+86 138-1234-5678", "手机：138****5678"),
        ("all-digit USCC is published", "代码914403001922038216", "代码914403001922038216"),
        ("letters around are not a boundary", "编号A11010519491231002X", "编号A11010519491231002X"),
        ("a longer number is not an id", "卡号6222021234567890123", "卡号6222021234567890123"),
        ("landline untouched", "座机022-23456789", "座机022-23456789"),
        ("empty", "", ""),
    ],
)
def test_mask_text_finds_embedded_numbers(_case, text, masked):
    assert mask_text(text) == masked


def test_template_filters_mask_and_escape():
    template = Template(
        "{% load masking %}{{ ric|mask_ric }}|{{ phone|mask_mobile }}|{{ name|mask_name }}|"
        "{{ addr|mask_address }}|{{ text|mask_text }}|{{ none|mask_ric }}"
    )
    rendered = template.render(
        Context(
            {
                "ric": "11010519491231002X",
                "phone": "13812345678",
                "name": "张三",
                "addr": "天津市和平区南京路1号",
                "text": "<b>13812345678</b>",
                "none": None,
            }
        )
    )
    assert rendered == (
        "110105********002X|138****5678|张**|天津市和平区****|&lt;b&gt;138****5678&lt;/b&gt;|"
    )


def test_module_doctests_pass():
    import doctest

    from fazhi.core.domain import masking

    result = doctest.testmod(masking)
    assert result.attempted > 0
    assert result.failed == 0
